//! The action plan in figures: initiatives by status, stale and overdue initiatives (the rules of
//! `committee_report`, so Overblik and the committee report always agree), and indicators on or off track.

use crate::model::committee_report::committee_report;
use crate::model::plan_ops::latest_value;
use crate::model::{ActionPlan, Id, Indicator, InitiativeStatus};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Track {
    /// The latest value has reached or passed the target.
    Reached,
    /// As far as the time since the baseline calls for (or, without dates, moving towards the target).
    OnTrack,
    OffTrack,
    /// Baseline, target or a measured value is missing.
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorFigure {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub latest: Option<f64>,
    pub latest_date: Option<NaiveDate>,
    /// Share of the way from baseline to target (see `plan_ops::progress`).
    pub progress: Option<f64>,
    /// Share of the way the time line calls for at the latest value's date; `None` without dates.
    pub expected: Option<f64>,
    pub track: Track,
}

/// Where `ind` stands as of `today`. With a baseline date and a target date the latest value is held
/// against a straight line from baseline to target: on track when it has come at least as far as the time
/// elapsed (by the latest value's date). Without dates only the direction counts.
pub fn indicator_figure(ind: &Indicator, today: NaiveDate) -> IndicatorFigure {
    let latest = latest_value(ind, Some(today));
    let progress = crate::model::plan_ops::progress(ind, Some(today));
    let latest_date = latest.and_then(|v| v.date);
    let expected = match (ind.baseline_date, ind.target_date, latest_date) {
        (Some(b), Some(t), Some(d)) if t > b => {
            Some(((d - b).num_days() as f64 / (t - b).num_days() as f64).clamp(0.0, 1.0))
        }
        _ => None,
    };
    let track = match progress {
        None => Track::Unknown,
        Some(p) if p >= 1.0 => Track::Reached,
        Some(p) => match expected {
            Some(e) if p + 1e-9 >= e => Track::OnTrack,
            Some(_) => Track::OffTrack,
            None if p > 0.0 => Track::OnTrack,
            None => Track::OffTrack,
        },
    };
    IndicatorFigure {
        id: ind.id,
        name: ind.name.trim().to_string(),
        unit: ind.unit.trim().to_string(),
        baseline: ind.baseline,
        target: ind.target,
        latest: latest.map(|v| v.value),
        latest_date,
        progress,
        expected,
        track,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanFigures {
    pub initiatives: usize,
    /// All six statuses in `InitiativeStatus::ALL` order, as of today.
    pub by_status: [(InitiativeStatus, usize); 6],
    pub stale: usize,
    pub stale_after_days: u32,
    pub overdue: usize,
    pub indicators: Vec<IndicatorFigure>,
}

impl PlanFigures {
    pub fn count(&self, status: InitiativeStatus) -> usize {
        self.by_status
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }

    pub fn tracks(&self, track: Track) -> usize {
        self.indicators.iter().filter(|i| i.track == track).count()
    }
}

pub fn plan_figures(plan: &ActionPlan, today: NaiveDate) -> PlanFigures {
    let report = committee_report(plan, today, None, None);
    PlanFigures {
        initiatives: report.initiatives.len(),
        by_status: report.summary,
        stale: report.stale_count,
        stale_after_days: plan.stale_after_days,
        overdue: report.overdue_count,
        indicators: plan
            .indicators
            .iter()
            .map(|i| indicator_figure(i, today))
            .collect(),
    }
}
