//! The time and process plan: its rows, in date order, each past, current or future as of a day.

use super::crud::{add_item, remove_item, replace_item};
use super::fields::{rules, trim_in_place, PlanError};
use crate::model::record::RecordView;
use crate::model::sorting::StableSort;
use crate::model::{ActionPlan, Id, TimelineRow};
use chrono::NaiveDate;

/// A row as it is stored: its period label trimmed, every field checked.
fn checked_row(mut r: TimelineRow) -> Result<TimelineRow, PlanError> {
    trim_in_place(&mut r.period_label);
    rules(RecordView::TimelineRow(&r))?;
    Ok(r)
}

impl ActionPlan {
    pub fn add_timeline_row(&mut self, row: TimelineRow) -> Result<Id, PlanError> {
        add_item(&mut self.timeline, checked_row(row)?)
    }

    pub fn update_timeline_row(&mut self, row: TimelineRow) -> Result<(), PlanError> {
        replace_item(
            &mut self.timeline,
            checked_row(row)?,
            PlanError::TimelineRowNotFound,
        )
    }

    pub fn delete_timeline_row(&mut self, id: Id) -> Result<TimelineRow, PlanError> {
        remove_item(&mut self.timeline, id, PlanError::TimelineRowNotFound)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimelinePhase {
    Past,
    Current,
    Future,
    Undated,
}

/// Where a row lies relative to `today`. A row with only one date is a single day.
pub fn timeline_phase(row: &TimelineRow, today: NaiveDate) -> TimelinePhase {
    let (Some(start), Some(end)) = (row.start.or(row.end), row.end.or(row.start)) else {
        return TimelinePhase::Undated;
    };
    if end < today {
        TimelinePhase::Past
    } else if start > today {
        TimelinePhase::Future
    } else {
        TimelinePhase::Current
    }
}

/// The time and process plan sorted by start (then end); undated rows last, in the order written.
pub fn timeline(plan: &ActionPlan, today: NaiveDate) -> Vec<(&TimelineRow, TimelinePhase)> {
    let mut rows: Vec<&TimelineRow> = plan.timeline.iter().collect();
    rows.stable_sort_by_key(|r| {
        let start = r.start.or(r.end);
        (start.is_none(), start, r.end.or(r.start))
    });
    rows.into_iter()
        .map(|r| (r, timeline_phase(r, today)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::d;
    use crate::model::plan_ops::PlanField;

    #[test]
    fn timeline_sorting_and_phases() {
        let mut p = ActionPlan::default();
        let row = |label: &str, start: Option<NaiveDate>, end: Option<NaiveDate>| TimelineRow {
            period_label: label.into(),
            activity: format!("Aktivitet {label}"),
            start,
            end,
            ..TimelineRow::default()
        };
        p.add_timeline_row(row("Løbende", None, None)).unwrap();
        p.add_timeline_row(row(
            "Efterår 2011",
            Some(d(2011, 9, 1)),
            Some(d(2011, 11, 30)),
        ))
        .unwrap();
        p.add_timeline_row(row("Forår 2011", Some(d(2011, 3, 1)), Some(d(2011, 5, 31))))
            .unwrap();
        p.add_timeline_row(row("Januar 2012", Some(d(2012, 1, 15)), None))
            .unwrap();
        p.add_timeline_row(row("Til 1. juni", None, Some(d(2011, 6, 1))))
            .unwrap();
        assert_eq!(
            p.add_timeline_row(row("x", Some(d(2012, 1, 2)), Some(d(2012, 1, 1)))),
            Err(PlanError::EndBeforeStart(PlanField::Dates))
        );
        let today = d(2011, 9, 1);
        let got: Vec<(&str, TimelinePhase)> = timeline(&p, today)
            .into_iter()
            .map(|(r, ph)| (r.period_label.as_str(), ph))
            .collect();
        use TimelinePhase::*;
        assert_eq!(
            got,
            vec![
                ("Forår 2011", Past),
                ("Til 1. juni", Past),
                ("Efterår 2011", Current), // starts today
                ("Januar 2012", Future),
                ("Løbende", Undated),
            ]
        );
        let r = &p.timeline[1];
        assert_eq!(timeline_phase(r, d(2011, 11, 30)), Current);
        assert_eq!(timeline_phase(r, d(2011, 12, 1)), Past);
        assert_eq!(timeline_phase(r, d(2011, 8, 31)), Future);
        let mut edit = r.clone();
        edit.activity = "Ny".into();
        p.update_timeline_row(edit.clone()).unwrap();
        assert_eq!(p.timeline[1].activity, "Ny");
        p.delete_timeline_row(edit.id).unwrap();
        assert_eq!(p.timeline.len(), 4);
    }
}
