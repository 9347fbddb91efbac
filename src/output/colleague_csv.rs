//! The comparison with a colleague municipality as CSV for Danish Excel: one row per matched step, then the
//! placement and preventive rows. Kroner and children are plain integers (Excel sums them); a figure that
//! is unknown is an empty cell, never 0. Names are defused against formula injection.

use super::safe_cell;
use crate::model::key_figures::colleague::{Cell, MunicipalityComparison};
use crate::text::colleague as tc;

fn int(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn spend(c: Option<&Cell>) -> Option<i64> {
    c?.figures?.spend_per_child
}

fn children(c: Option<&Cell>) -> Option<i64> {
    Some(c?.figures?.children)
}

pub fn comparison_csv(c: &MunicipalityComparison) -> Vec<u8> {
    let header = tc::csv_header(&c.ours.name, &c.theirs.name);
    let header: Vec<String> = header.iter().map(|h| safe_cell(h).into_owned()).collect();
    let rows = c.rows.iter().map(|r| {
        let (o, t) = (r.ours.as_ref(), r.theirs.as_ref());
        let their_name = t.map(|t| t.name.as_str()).unwrap_or_default();
        vec![
            safe_cell(&tc::row_title(r)).into_owned(),
            tc::matched(r.kind).to_string(),
            safe_cell(their_name).into_owned(),
            int(spend(o)),
            int(spend(t)),
            int(r.spend_per_child_difference),
            int(children(o)),
            int(children(t)),
            int(r.children_difference),
        ]
    });
    super::table_csv(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::key_figures::colleague::compare_municipalities;
    use crate::model::{
        CostPeriod, Intervention, Measurement, MeasurementKind, Step, StepCategory,
    };
    use crate::model::{Staircase, Workspace};
    use chrono::NaiveDate;

    fn ws(municipality: &str, steps: &[(&str, StepCategory, i64, CostPeriod, u32)]) -> Workspace {
        let mut w = Workspace::new("x");
        w.municipality = municipality.into();
        let mut m = Measurement {
            name: "Status".into(),
            kind: MeasurementKind::Actual,
            date: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..Measurement::default()
        };
        let mut s = Staircase::default();
        for (name, category, cost, period, n) in steps {
            let iv = Intervention {
                unit_cost: Some(*cost),
                cost_period: *period,
                ..Intervention::default()
            };
            m.per_intervention.insert(iv.id, *n);
            s.steps.push(Step {
                name: name.to_string(),
                category: *category,
                interventions: vec![iv],
                ..Step::default()
            });
        }
        s.measurements.push(m);
        w.staircase = s;
        w
    }

    #[test]
    fn reads_back_with_hand_computed_cells() {
        let ours = ws(
            "Køge",
            &[
                (
                    "1. Familiebehandling",
                    StepCategory::Preventive,
                    5_000,
                    CostPeriod::PerMonth,
                    4,
                ),
                (
                    "=Plejefamilie",
                    StepCategory::Placement,
                    470_000,
                    CostPeriod::PerYear,
                    2,
                ),
            ],
        );
        let theirs = ws(
            "Assens; Vest",
            &[
                (
                    "familiebehandling",
                    StepCategory::Preventive,
                    4_000,
                    CostPeriod::PerMonth,
                    6,
                ),
                (
                    "Opholdssted",
                    StepCategory::Placement,
                    1_160_000,
                    CostPeriod::PerYear,
                    1,
                ),
            ],
        );
        let c = compare_municipalities(
            &ours,
            &theirs,
            NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            Default::default(),
        );
        let bytes = comparison_csv(&c);
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let rows = crate::output::read_back(&bytes);
        // Header, two steps, two categories.
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|r| r.len() == 9));
        assert_eq!(rows[0][4], "Udgift pr. barn pr. år, Assens; Vest (kr.)");
        // Familiebehandling: 60.000 kr. a year each on both sides against 48.000: -12.000.
        assert_eq!(rows[1][0], "1. Familiebehandling");
        assert_eq!(rows[1][1], "navn");
        assert_eq!(rows[1][2], "familiebehandling");
        assert_eq!(rows[1][3..], ["60000", "48000", "-12000", "4", "6", "2"]);
        // Same number of steps: the second pair matches by position.
        assert_eq!(rows[2][0], "Trin 2 =Plejefamilie");
        assert_eq!(rows[2][1], "placering");
        assert_eq!(rows[2][3..6], ["470000", "1160000", "690000"]);
        // Placement in all, then preventive in all.
        assert_eq!(rows[3][0], "Anbringelsestrin i alt");
        assert_eq!(rows[3][8], "-1");
        assert_eq!(rows[4][5], "-12000");
    }

    #[test]
    fn unknown_figures_are_empty_cells_and_names_are_defused() {
        let ours = ws("=Køge", &[]);
        let mut theirs = ws(
            "B",
            &[("-X", StepCategory::Placement, 1, CostPeriod::PerYear, 1)],
        );
        theirs.staircase.measurements.clear();
        let c = compare_municipalities(
            &ours,
            &theirs,
            NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            Default::default(),
        );
        let text = String::from_utf8(comparison_csv(&c)[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[0].contains("Udgift pr. barn pr. år, =Køge (kr.)"));
        assert!(lines[0].starts_with("Trin;"));
        assert_eq!(lines[1], "'-X;kun deres;'-X;;;;;;");
        assert_eq!(lines[2], "Anbringelsestrin i alt;kategori;;;;;0;;");
    }
}
