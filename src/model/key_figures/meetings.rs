//! Network meetings in figures: meetings held per month against the targets, follow-ups overdue and open
//! action items. Months are whole months, so a month just begun does not pull the average down.

use crate::model::follow_up::{
    due_list, evaluate_months, monthly_counts, Band, DueKind, YearMonth,
};
use crate::model::{MeetingStatus, MeetingType, Workspace};
use chrono::NaiveDate;

/// Months in the window the figures are averaged over.
pub const WINDOW_MONTHS: i32 = 12;

/// The twelve whole months before `today`'s month, or, when the newest held meeting is older than that,
/// the twelve months up to and including its month (so an old file is not read as "no meetings").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: YearMonth,
    pub to: YearMonth,
    /// The window ends before last month because no meeting was held since.
    pub ends_early: bool,
}

pub fn window(ws: &Workspace, today: NaiveDate) -> Window {
    let last_whole = YearMonth::of(today).minus(1);
    let newest = ws
        .meetings
        .iter()
        .filter(|m| m.status.is_held() && m.meeting_type.is_known())
        .filter_map(|m| m.date)
        .filter(|d| YearMonth::of(*d) <= last_whole)
        .max();
    let to = match newest {
        Some(d) if YearMonth::of(d) < last_whole.minus(WINDOW_MONTHS - 1) => YearMonth::of(d),
        _ => last_whole,
    };
    Window {
        from: to.minus(WINDOW_MONTHS - 1),
        to,
        ends_early: to != last_whole,
    }
}

/// One target over the window.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFigures {
    pub meeting_type: MeetingType,
    pub min: u32,
    pub max: u32,
    /// Held meetings of the type per month, oldest first, every month of the window.
    pub months: Vec<(YearMonth, u32)>,
    pub within: usize,
    pub below: usize,
    pub above: usize,
}

impl TargetFigures {
    pub fn held(&self) -> u32 {
        self.months.iter().map(|(_, n)| n).sum()
    }

    pub fn average(&self) -> f64 {
        f64::from(self.held()) / self.months.len().max(1) as f64
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeetingFigures {
    pub window: Window,
    /// Held meetings of any type per month in the window.
    pub held_per_month: Vec<(YearMonth, u32)>,
    pub targets: Vec<TargetFigures>,
    pub meetings: usize,
    /// Meetings without a date, which no month can count.
    pub undated: usize,
    pub overdue_follow_ups: usize,
    pub open_action_items: usize,
    pub overdue_action_items: usize,
}

impl MeetingFigures {
    pub fn held(&self) -> u32 {
        self.held_per_month.iter().map(|(_, n)| n).sum()
    }

    pub fn average_per_month(&self) -> f64 {
        f64::from(self.held()) / self.held_per_month.len().max(1) as f64
    }
}

pub fn meeting_figures(ws: &Workspace, today: NaiveDate) -> MeetingFigures {
    let w = window(ws, today);
    // The one count of held meetings per month, as Statistik shows it.
    let counts = monthly_counts(&ws.meetings, w.from, w.to);
    let undated = ws.meetings.iter().filter(|m| m.date.is_none()).count();
    let open_items = ws
        .meetings
        .iter()
        .filter(|m| m.status != MeetingStatus::Cancelled)
        .map(|m| m.action_items.iter().filter(|a| !a.done).count())
        .sum();
    let targets = ws
        .follow_up
        .monthly_targets
        .iter()
        .map(|t| {
            let ev = evaluate_months(&counts, std::slice::from_ref(t));
            let n = |b: Band| ev.iter().filter(|e| e.band == b).count();
            TargetFigures {
                meeting_type: t.meeting_type.clone(),
                min: t.min,
                max: t.max,
                within: n(Band::Within),
                below: n(Band::Below),
                above: n(Band::Above),
                months: ev.iter().map(|e| (e.month, e.count)).collect(),
            }
        })
        .collect();
    let due = due_list(ws, today);
    let overdue = |follow_up: bool| {
        due.iter()
            .filter(|d| d.overdue && matches!(d.kind, DueKind::FollowUp) == follow_up)
            .count()
    };
    MeetingFigures {
        window: w,
        held_per_month: counts.iter().map(|c| (c.month, c.total())).collect(),
        targets,
        meetings: ws.meetings.len(),
        undated,
        overdue_follow_ups: overdue(true),
        open_action_items: open_items,
        overdue_action_items: overdue(false),
    }
}
