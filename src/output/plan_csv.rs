//! The action plan as CSV for Danish Excel: UTF-8 with BOM (so æøå survive a double-click), semicolons
//! (Danish Excel's list separator, as the comma is the decimal mark), CRLF, dates dd-mm-åååå, whole kroner
//! without separators, decimals with a comma. Free text is quoted where needed and defused against formula
//! injection.
//!
//! The budget gets one column per year ("Budget 2019 (kr.)") rather than one text cell: plain integers that
//! Excel can sum and chart, which is what the budget table is for.

use super::safe_cell;
use crate::model::plan_ops::{latest_value, progress, tree_order};
use crate::model::{ActionPlan, Initiative, StatusNote};
use crate::text::{self, plan as tp};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// A number with a decimal comma and at most `places` decimals, no thousands separators, no trailing zeros:
/// 12.5 → "12,5", 3.0 → "3", -0.0 → "0". Not finite → empty cell.
pub fn csv_decimal(v: f64, places: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    // Rounded on the decimal value, as the screen's `text::decimal` does: 24,95 → 25,0, not 24,9.
    let scale = 10f64.powi(places as i32);
    let mut s = format!("{:.places$}", (v * scale).round() / scale);
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('.', ",")
}

fn date_cell(d: Option<NaiveDate>) -> String {
    d.map(text::date_csv).unwrap_or_default()
}

fn to_csv(header: Vec<String>, rows: Vec<Vec<String>>) -> Vec<u8> {
    super::table_csv(std::iter::once(header).chain(rows))
}

/// The newest history entry with text (by date; same day: written last). Undated entries count only when
/// nothing is dated.
fn latest_note(ini: &Initiative) -> Option<&StatusNote> {
    let with_text = || {
        ini.history
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.text.trim().is_empty())
    };
    with_text()
        .filter(|(_, n)| n.date.is_some())
        .max_by_key(|(i, n)| (n.date, *i))
        .or_else(|| with_text().next_back())
        .map(|(_, n)| n)
}

/// One row per initiative in list order (sub-items under their parent). Columns: `INITIATIVE_HEADERS`, then
/// one budget column per year that occurs anywhere in the plan; several lines for the same year are added.
pub fn initiatives_csv(plan: &ActionPlan) -> Vec<u8> {
    let years: BTreeSet<i32> = plan
        .initiatives
        .iter()
        .flat_map(|i| i.budget.iter().map(|b| b.year))
        .collect();
    let mut header: Vec<String> = tp::INITIATIVE_HEADERS
        .iter()
        .map(|h| h.to_string())
        .collect();
    header.extend(years.iter().map(|y| tp::budget_header(*y)));

    let mut rows = Vec::with_capacity(plan.initiatives.len());
    for row in tree_order(plan, None) {
        let Some(ini) = plan.initiative(row.id) else {
            continue;
        };
        let goal = ini
            .goal_id
            .and_then(|g| plan.goal(g))
            .map(tp::goal_label)
            .unwrap_or_default();
        let track = ini
            .track_id
            .and_then(|t| plan.track(t))
            .map(tp::track_label)
            .unwrap_or_default();
        let note = latest_note(ini);
        let mut r = vec![
            safe_cell(&ini.number).into_owned(),
            safe_cell(&ini.title).into_owned(),
            safe_cell(&goal).into_owned(),
            safe_cell(&track).into_owned(),
            safe_cell(&ini.owner).into_owned(),
            safe_cell(&ini.committee).into_owned(),
            date_cell(ini.start),
            date_cell(ini.deadline),
            safe_cell(&ini.period).into_owned(),
            text::initiative_status(ini.status).to_string(),
            date_cell(note.and_then(|n| n.date)),
            note.map(|n| safe_cell(&n.text).into_owned())
                .unwrap_or_default(),
        ];
        let mut per_year: BTreeMap<i32, i64> = BTreeMap::new();
        for b in &ini.budget {
            let sum = per_year.entry(b.year).or_default();
            *sum = sum.saturating_add(b.amount);
        }
        r.extend(
            years
                .iter()
                .map(|y| per_year.get(y).map(|a| a.to_string()).unwrap_or_default()),
        );
        rows.push(r);
    }
    to_csv(header, rows)
}

/// One row per indicator, in the plan's order, with the newest measurement and the progress towards the
/// target in percent (one decimal; −100 to 100, 100 meaning reached).
pub fn indicators_csv(plan: &ActionPlan) -> Vec<u8> {
    let header = tp::INDICATOR_HEADERS
        .iter()
        .map(|h| h.to_string())
        .collect();
    let rows = plan
        .indicators
        .iter()
        .map(|ind| {
            let latest = latest_value(ind, None);
            vec![
                safe_cell(&ind.name).into_owned(),
                safe_cell(&ind.unit).into_owned(),
                ind.baseline.map(|v| csv_decimal(v, 4)).unwrap_or_default(),
                date_cell(ind.baseline_date),
                ind.target.map(|v| csv_decimal(v, 4)).unwrap_or_default(),
                date_cell(ind.target_date),
                latest.map(|v| csv_decimal(v.value, 4)).unwrap_or_default(),
                date_cell(latest.and_then(|v| v.date)),
                progress(ind, None)
                    .map(|p| csv_decimal(p * 100.0, 1))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    to_csv(header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetLine, Goal, Indicator, IndicatorValue, InitiativeStatus, Track};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text_of(bytes: &[u8]) -> &str {
        assert_eq!(&bytes[..3], super::super::BOM);
        std::str::from_utf8(&bytes[3..]).unwrap()
    }

    #[test]
    fn number_cells() {
        assert_eq!(csv_decimal(12.5, 4), "12,5");
        assert_eq!(csv_decimal(3.0, 4), "3");
        assert_eq!(csv_decimal(-0.00001, 4), "0");
        assert_eq!(csv_decimal(1234567.25, 4), "1234567,25");
        assert_eq!(csv_decimal(2.0 / 3.0, 1), "0,7");
        assert_eq!(csv_decimal(f64::NAN, 1), "");
        assert_eq!(
            safe_cell("=HYPERLINK(\"x\")").into_owned(),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(safe_cell("+45 12").into_owned(), "'+45 12");
        assert_eq!(safe_cell("-5").into_owned(), "'-5");
        assert_eq!(safe_cell("@SUM(A1)").into_owned(), "'@SUM(A1)");
        assert_eq!(safe_cell("a=b").into_owned(), "a=b");
    }

    #[test]
    fn initiatives_exact_bytes() {
        let mut p = ActionPlan::default();
        let g = p
            .add_goal(Goal {
                number: "1".into(),
                title: "Kvalitet for borgerne".into(),
                ..Goal::default()
            })
            .unwrap();
        let t = p
            .add_track(Track {
                number: "1".into(),
                title: "Kapacitets- og ressourcestrategi".into(),
                ..Track::default()
            })
            .unwrap();
        let six = p
            .add_initiative(Initiative {
                number: "6".into(),
                title: "Forældrekurser; ICDP og COS-P".into(),
                owner: "Familiehuset".into(),
                committee: "Børneudvalget".into(),
                period: "2019-2020".into(),
                budget: vec![
                    BudgetLine {
                        year: 2020,
                        amount: 250_000,
                    },
                    BudgetLine {
                        year: 2019,
                        amount: 1_000_000,
                    },
                    BudgetLine {
                        year: 2020,
                        amount: 50_000,
                    },
                ],
                ..Initiative::default()
            })
            .unwrap();
        p.add_initiative(Initiative {
            number: "6A".into(),
            parent_id: Some(six),
            title: "=1+1".into(),
            ..Initiative::default()
        })
        .unwrap();
        let first = p
            .add_initiative(Initiative {
                number: "1.1".into(),
                title: "Udslusningsboliger".into(),
                goal_id: Some(g),
                track_id: Some(t),
                owner: "Ungecentret".into(),
                start: Some(d(2019, 5, 8)),
                deadline: Some(d(2019, 12, 31)),
                ..Initiative::default()
            })
            .unwrap();
        p.set_status(
            first,
            InitiativeStatus::InProgress,
            d(2019, 5, 8),
            "BH",
            "Forelagt \"Børneudvalget\"\nsendt i høring",
        )
        .unwrap();
        // An older note and a later status-only entry do not replace the newest note with text.
        p.add_note(first, d(2019, 4, 1), "BH", "Ældre").unwrap();
        p.set_status(first, InitiativeStatus::Delayed, d(2019, 6, 1), "BH", "")
            .unwrap();

        let got = initiatives_csv(&p);
        let expected = concat!(
            "\u{feff}",
            "Nummer;Titel;Mål;Spor;Ejer;Udvalg;Start;Frist;Periode;Status;Seneste note, dato;Seneste note;",
            "Budget 2019 (kr.);Budget 2020 (kr.)\r\n",
            "1.1;Udslusningsboliger;1. Kvalitet for borgerne;1. Kapacitets- og ressourcestrategi;Ungecentret;;",
            "08-05-2019;31-12-2019;;Forsinket;08-05-2019;\"Forelagt \"\"Børneudvalget\"\"\nsendt i høring\";;\r\n",
            "6;\"Forældrekurser; ICDP og COS-P\";;;Familiehuset;Børneudvalget;;;2019-2020;Ikke startet;;;",
            "1000000;300000\r\n",
            "6A;'=1+1;;;;;;;;Ikke startet;;;;\r\n",
        );
        assert_eq!(got, expected.as_bytes());
        assert_eq!(text_of(&got), &expected[3..]);
    }

    /// The plan CSV has no cell with several values; free text with the separator, quotes and line breaks
    /// comes back whole when read with the `csv` crate as Excel reads it.
    #[test]
    fn initiatives_read_back() {
        let mut p = ActionPlan::default();
        let title = "Kurser; ICDP, COS-P og \"KIFF\"\nfor forældre";
        let id = p
            .add_initiative(Initiative {
                number: "6".into(),
                title: title.into(),
                committee: "Børneudvalget og Skoleudvalget".into(),
                ..Initiative::default()
            })
            .unwrap();
        p.add_note(id, d(2019, 5, 8), "BH", "Første hold; 12 forældre")
            .unwrap();
        let bytes = initiatives_csv(&p);
        let rows = crate::output::read_back(&bytes);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), rows[1].len());
        assert_eq!(rows[1][1], title);
        assert_eq!(rows[1][5], "Børneudvalget og Skoleudvalget");
        assert_eq!(rows[1][11], "Første hold; 12 forældre");
    }

    #[test]
    fn empty_plan_has_just_the_header() {
        let got = initiatives_csv(&ActionPlan::default());
        assert_eq!(
            got,
            "\u{feff}Nummer;Titel;Mål;Spor;Ejer;Udvalg;Start;Frist;Periode;Status;Seneste note, dato;Seneste note\r\n"
                .as_bytes()
        );
    }

    #[test]
    fn indicators_exact_bytes() {
        let mut p = ActionPlan::default();
        let places = p
            .add_indicator(Indicator {
                name: "Anbringelser".into(),
                unit: "antal børn".into(),
                baseline: Some(120.0),
                baseline_date: Some(d(2017, 1, 9)),
                target: Some(100.0),
                target_date: Some(d(2018, 12, 31)),
                ..Indicator::default()
            })
            .unwrap();
        p.add_value(places, d(2017, 9, 4), 112.5, "").unwrap();
        p.add_indicator(Indicator {
            name: "-andel i almen".into(),
            unit: "%".into(),
            baseline: Some(12.25),
            target: Some(20.0),
            values: vec![IndicatorValue {
                date: Some(d(2017, 9, 4)),
                value: 14.8,
                ..IndicatorValue::default()
            }],
            ..Indicator::default()
        })
        .unwrap();
        p.add_indicator(Indicator {
            name: "Uden data".into(),
            ..Indicator::default()
        })
        .unwrap();
        let got = indicators_csv(&p);
        // (112,5 − 120) / (100 − 120) = 37,5 %; (14,8 − 12,25) / 7,75 = 32,9 %.
        let expected = concat!(
            "\u{feff}Navn;Enhed;Baseline;Baselinedato;Mål;Måldato;Seneste værdi;Dato;Fremdrift i %\r\n",
            "Anbringelser;antal børn;120;09-01-2017;100;31-12-2018;112,5;04-09-2017;37,5\r\n",
            "'-andel i almen;%;12,25;;20;;14,8;04-09-2017;32,9\r\n",
            "Uden data;;;;;;;;\r\n",
        );
        assert_eq!(text_of(&got), &expected[3..]);
        assert_eq!(got, expected.as_bytes());
    }
}
