//! Pure operations on the action plan, one file per concern: editing goals, tracks and initiatives
//! (`crud`), the dated status history and staleness (`status`), number order (`ordering`), sub-items and
//! the grouped list order (`tree`), the list filter (`filter`), committee names (`committees`), indicators
//! and their progress (`indicators`), the time and process plan (`timeline`), and the fields and errors of
//! the forms (`fields`). Every mutating method checks everything first and changes nothing on error;
//! status and notes change only through `set_status`, `add_note` and `edit_note`, so the history is the
//! record of what happened. It may import the rest of `model` (the plan's types, `validation`'s limits,
//! `collation`, `dates`, `record`), chrono, serde and thiserror; nothing from `text`, `ui`, `storage` or the
//! browser. Callers use the names re-exported here, never the files.

mod committees;
mod crud;
mod fields;
mod filter;
mod indicators;
mod ordering;
mod status;
mod timeline;
mod tree;

pub use committees::{committees_of, effective_committee, in_committee};
pub use crud::shared_numbers;
pub use fields::{PlanError, PlanField};
pub use filter::{distinct_committees, distinct_owners, filter, PlanFilter};
pub use indicators::{
    latest_value, measurements_in_order, progress, value_warning, values_before_baseline,
    MeasurementRow, ValueWarning,
};
pub use ordering::{compare_numbers, ordered_ids, sorted_goals, sorted_tracks};
pub use status::{is_stale, last_note_date, neighbour_status, status_on};
pub use timeline::{timeline, timeline_phase, TimelinePhase};
pub use tree::{group_initiatives, tree_order, InitiativeGroup, TreeRow};

/// Parses a date as typed in a form (one rule for the whole app, in `dates`).
pub use super::dates::parse_date;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{ActionPlan, Goal, Id, Initiative, Track};
    use chrono::NaiveDate;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn ini(number: &str, title: &str) -> Initiative {
        Initiative {
            number: number.into(),
            title: title.into(),
            ..Initiative::default()
        }
    }

    pub(crate) fn numbers(plan: &ActionPlan, ids: &[Id]) -> Vec<String> {
        ids.iter()
            .map(|id| plan.initiative(*id).unwrap().number.clone())
            .collect()
    }

    pub(crate) fn sample_plan() -> (ActionPlan, Vec<Id>) {
        let mut p = ActionPlan {
            stale_after_days: 30,
            ..ActionPlan::default()
        };
        let g1 = p
            .add_goal(Goal {
                number: "1".into(),
                title: "Kvalitet".into(),
                ..Goal::default()
            })
            .unwrap();
        let g2 = p
            .add_goal(Goal {
                number: "2".into(),
                title: "Økonomi".into(),
                ..Goal::default()
            })
            .unwrap();
        let t1 = p
            .add_track(Track {
                number: "1".into(),
                title: "Kapacitet".into(),
                ..Track::default()
            })
            .unwrap();
        let t2 = p
            .add_track(Track {
                number: "2".into(),
                title: "Samskabelse".into(),
                ..Track::default()
            })
            .unwrap();
        // Added out of order on purpose.
        let a = p
            .add_initiative(Initiative {
                goal_id: Some(g2),
                track_id: Some(t1),
                owner: "Familiecentret".into(),
                committee: "Børneudvalget".into(),
                ..ini("1.10", "Udbud")
            })
            .unwrap();
        let b = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                track_id: Some(t2),
                owner: "familiecentret ".into(),
                committee: "Skoleudvalget".into(),
                ..ini("2.1", "Civilsamfundet")
            })
            .unwrap();
        let c = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                track_id: Some(t1),
                owner: "Ungecentret".into(),
                committee: "Børneudvalget".into(),
                ..ini("1.2", "Dagbehandling")
            })
            .unwrap();
        let six = p.add_initiative(ini("6", "Forældrekurser")).unwrap();
        let six_b = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                goal_id: Some(g1), // a sub-item stays under its parent regardless
                ..ini("6B", "Skilsmisse: KIFF")
            })
            .unwrap();
        let six_a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP og COS-P")
            })
            .unwrap();
        let seven = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                ..ini("7", "Åben rådgivning")
            })
            .unwrap();
        (p, vec![a, b, c, six, six_a, six_b, seven])
    }

    #[test]
    fn parse_date_reads_form_dates() {
        assert_eq!(parse_date("2019-05-08"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("8.5.2019"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("08-05-2019"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("31.02.2019"), None);
        assert_eq!(parse_date(""), None);
    }
}
