//! Overblik's tables as CSV for Danish Excel, one file per table, the same figures as on screen: whole
//! kroner without separators, shares as percent with a decimal comma, dates dd-mm-åååå.

use super::plan_csv::csv_decimal;
use super::safe_cell;
use crate::model::key_figures::KeyFigures;
use crate::model::Staircase;
use crate::text::{self, overview as to};

fn to_csv(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    super::table_csv(std::iter::once(header).chain(rows))
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| csv_decimal(crate::model::key_figures::shown_percent(v), 1))
        .unwrap_or_default()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One row per measurement on the time line.
pub fn series_csv(k: &KeyFigures) -> Vec<u8> {
    let rows = k
        .series
        .points
        .iter()
        .map(|p| {
            let d = k.series.since_baseline(p);
            vec![
                safe_cell(&p.name).into_owned(),
                text::measurement_kind(p.kind).to_string(),
                text::date_csv(p.date),
                p.totals.children.to_string(),
                p.split.placement_children.to_string(),
                pct(p.split.placement_children_share()),
                p.totals.yearly_spend.to_string(),
                p.split.placement_spend.to_string(),
                p.split.preventive_spend.to_string(),
                pct(p.split.placement_spend_share()),
                opt(d.map(|d| d.children)),
                opt(d.map(|d| d.spend)),
                p.caseload.map(|v| csv_decimal(v, 1)).unwrap_or_default(),
            ]
        })
        .collect();
    to_csv(
        &[
            "Måling",
            "Type",
            "Dato",
            "Børn i alt",
            "Børn på anbringelsestrin",
            "Andel anbragt (%)",
            "Årlig udgift i alt (kr.)",
            "Udgift til anbringelser (kr.)",
            "Udgift til forebyggelse (kr.)",
            "Andel af udgiften til anbringelser (%)",
            "Børn siden baseline",
            "Udgift siden baseline (kr.)",
            "Børn pr. sagsbehandler",
        ],
        rows,
    )
}

/// One row per step and measurement (long format, so Excel can pivot it).
pub fn steps_csv(s: &Staircase, k: &KeyFigures) -> Vec<u8> {
    let mut rows = Vec::new();
    for p in &k.series.points {
        for (i, (step, f)) in s.steps.iter().zip(&p.steps).enumerate() {
            rows.push(vec![
                safe_cell(&text::staircase::step_title(i, &step.name)).into_owned(),
                text::step_category(step.category).to_string(),
                safe_cell(&p.name).into_owned(),
                text::date_csv(p.date),
                f.children.to_string(),
                pct(p.children_share(i)),
                f.yearly_spend.to_string(),
                pct(p.spend_share(i)),
                f.children_without_cost.to_string(),
            ]);
        }
    }
    to_csv(
        &[
            "Trin",
            "Kategori",
            "Måling",
            "Dato",
            "Børn",
            "Andel af børnene (%)",
            "Årlig udgift (kr.)",
            "Andel af udgiften (%)",
            "Børn uden kendt pris",
        ],
        rows,
    )
}

/// The moves per step of the measurement Overblik shows them for (`KeyFigures::moves_from`).
pub fn moves_csv(s: &Staircase, k: &KeyFigures) -> Vec<u8> {
    let rows = k
        .moves
        .iter()
        .flat_map(|m| m.flows.iter())
        .zip(s.steps.iter().enumerate())
        .map(|(f, (i, step))| {
            vec![
                safe_cell(&text::staircase::step_title(i, &step.name)).into_owned(),
                f.moved_in.to_string(),
                f.moved_out.to_string(),
                f.net().to_string(),
            ]
        })
        .collect();
    to_csv(&["Trin", "Flyttet hertil", "Flyttet herfra", "Netto"], rows)
}

/// Caseload at each measurement.
pub fn caseload_csv(k: &KeyFigures) -> Vec<u8> {
    let rows = k
        .caseload
        .iter()
        .map(|c| {
            vec![
                safe_cell(&c.name).into_owned(),
                text::date_csv(c.date),
                opt(c.caseworkers),
                c.casework_children.to_string(),
                c.load.map(|v| csv_decimal(v, 1)).unwrap_or_default(),
                c.standing.map(to::standing).unwrap_or_default().to_string(),
            ]
        })
        .collect();
    to_csv(
        &[
            "Måling",
            "Dato",
            "Sagsbehandlere",
            "Børn med en sag",
            "Børn pr. sagsbehandler",
            "I forhold til målet",
        ],
        rows,
    )
}

/// Held meetings per month in the window: all types, then each target's type.
pub fn meetings_csv(k: &KeyFigures) -> Vec<u8> {
    let m = &k.meetings;
    let mut header = vec!["Måned".to_string(), "Møder holdt i alt".to_string()];
    header.extend(m.targets.iter().map(|t| {
        format!(
            "{} (mål {}–{})",
            text::meeting_type(&t.meeting_type),
            t.min,
            t.max
        )
    }));
    let rows = m
        .held_per_month
        .iter()
        .enumerate()
        .map(|(i, (ym, n))| {
            let mut r = vec![ym.iso(), n.to_string()];
            r.extend(m.targets.iter().map(|t| t.months[i].1.to_string()));
            r
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    to_csv(&header, rows)
}

/// Indicators and where they stand.
pub fn indicators_csv(k: &KeyFigures) -> Vec<u8> {
    let num = |v: Option<f64>| v.map(|v| csv_decimal(v, 2)).unwrap_or_default();
    let rows = k
        .plan
        .indicators
        .iter()
        .map(|i| {
            vec![
                safe_cell(&i.name).into_owned(),
                safe_cell(&i.unit).into_owned(),
                num(i.baseline),
                num(i.target),
                num(i.latest),
                i.latest_date.map(text::date_csv).unwrap_or_default(),
                pct(i.progress),
                pct(i.expected),
                to::track(i.track).to_string(),
            ]
        })
        .collect();
    to_csv(
        &[
            "Indikator",
            "Enhed",
            "Udgangspunkt",
            "Mål",
            "Seneste værdi",
            "Dato",
            "Nået af vejen (%)",
            "Forventet efter tidsplanen (%)",
            "Vurdering",
        ],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::key_figures::key_figures;

    use crate::output::read_back as read;

    #[test]
    fn the_example_series_reads_back_with_the_figures_of_the_screen() {
        let ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let k = key_figures(&ws, today);
        let rows = read(&series_csv(&k));
        assert_eq!(rows.len(), 1 + k.series.points.len());
        assert_eq!(rows[0][0], "Måling");
        let base = k.series.baseline().unwrap();
        let row = rows.iter().find(|r| r[0] == base.name).unwrap();
        // The baseline's own figures, and no change against itself.
        assert_eq!(row[2], "01-01-2016");
        assert_eq!(row[3], base.totals.children.to_string());
        assert_eq!(row[6], base.totals.yearly_spend.to_string());
        assert_eq!(row[10], "0");
        // A share: placement children / all children, one decimal with a comma.
        let share = base.split.placement_children as f64 * 100.0 / base.totals.children as f64;
        assert_eq!(row[5], format!("{share:.1}").replace('.', ","));

        let steps = read(&steps_csv(&ws.staircase, &k));
        assert_eq!(
            steps.len(),
            1 + ws.staircase.steps.len() * k.series.points.len()
        );
        let children: i64 = steps[1..]
            .iter()
            .filter(|r| r[2] == base.name)
            .map(|r| r[4].parse::<i64>().unwrap())
            .sum();
        assert_eq!(children, base.totals.children);
        let months = read(&meetings_csv(&k));
        assert_eq!(months.len(), 13);
        assert!(
            months[0][2].starts_with("Familierådslagning (mål 5–10)"),
            "{:?}",
            months[0]
        );
    }

    #[test]
    fn a_measurement_name_that_looks_like_a_formula_stays_text() {
        let mut ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        ws.staircase.measurements[0].name = "=HYPERLINK(\"x\")".into();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let rows = read(&series_csv(&key_figures(&ws, today)));
        assert!(rows.iter().any(|r| r[0] == "'=HYPERLINK(\"x\")"));
    }
}
