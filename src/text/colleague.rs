//! Danish text of "Sammenlign med en anden kommune" on Overblik (src/ui/overview/colleague.rs) and its CSV.

use super::meetings::year_month;
use super::staircase::{signed_children, step_title};
use super::{date_long, group_thousands, kroner, number};
use crate::model::key_figures::colleague::{
    Cell, Matched, MunicipalityComparison, Row, RowKind, Side,
};
use crate::model::key_figures::meetings::Window;
use crate::model::StepCategory;

pub const OUR_MEASUREMENT: &str = "Vores måling";
pub const THEIR_MEASUREMENT: &str = "Den anden kommunes måling";
pub const TITLE: &str = "Sammenlign med en anden kommune";
pub const INTRO: &str = "Åbn en fil, som en anden kommune har eksporteret fra Trappe, og se udgiften pr. barn pr. trin, andelen af børn, der er anbragt, og netværksmøder pr. måned side om side med jeres egne tal.";
pub const FIELD_LABEL: &str = "Vælg den anden kommunes Trappe-fil (.json)";
pub const HINT: &str =
    "Filen åbnes kun til sammenligning. Den gemmes ikke og blandes ikke med dit arbejdsområde.";
pub const READING: &str = "Læser filen …";
pub const CLOSE: &str = "Luk sammenligningen";
pub const DOWNLOAD: &str = "Download som CSV";
pub const CLOSED: &str = "Sammenligningen er lukket.";
pub const SHARES_CAPTION: &str = "Anbragte børn og netværksmøder";
pub const PLACEMENT_SHARE: &str = "Andel af børnene anbragt";
pub const MEETINGS_PER_MONTH: &str = "Netværksmøder holdt pr. måned";
pub const STEP: &str = "Trin";
pub const MEASURE: &str = "Nøgletal";
pub const SPEND_GROUP: &str = "Udgift pr. barn pr. år";
pub const CHILDREN_GROUP: &str = "Børn";
pub const DIFFERENCE: &str = "Forskel";
pub const NOTE: &str = "Udgift pr. barn er den årlige udgift på trinnet delt med de børn, der har en kendt pris. Forskellen er den anden kommunes tal minus jeres.";

/// "«assens.json» er åbnet til sammenligning." (announced)
pub fn loaded(file_name: &str) -> String {
    format!("«{file_name}» er åbnet til sammenligning.")
}

/// Above the result: "Sammenligner med «assens.json»."
pub fn comparing(file_name: &str) -> String {
    format!("Sammenligner med «{file_name}».")
}

/// The error above the field: "«x.json» kan ikke sammenlignes. " + the Data page's reason.
pub fn not_read(file_name: &str, reason: &str) -> String {
    format!("«{file_name}» kan ikke sammenlignes. {reason}")
}

/// "maj 2023–april 2024"
pub fn window(w: &Window) -> String {
    format!("{}–{}", year_month(w.from), year_month(w.to))
}

/// "Køge: målingen «Status 2024» fra 1. januar 2024, møder i juni 2023–maj 2024"; the window is said to
/// end at the newest held meeting when it ends early.
pub fn side_line(s: &Side) -> String {
    let m = match &s.measurement {
        Some(m) => {
            let name = if m.name.is_empty() {
                "uden navn"
            } else {
                &m.name
            };
            format!("målingen «{name}» fra {}", date_long(m.date))
        }
        None => "ingen dateret måling".into(),
    };
    let early = if s.window.ends_early {
        " (til det seneste holdte møde)"
    } else {
        ""
    };
    format!(
        "{}: {m}, netværksmøder i {}{early}",
        s.name,
        window(&s.window)
    )
}

/// The table's caption.
pub fn caption(c: &MunicipalityComparison) -> String {
    format!(
        "Udgift pr. barn pr. år og børn pr. trin, {} og {}",
        c.ours.name, c.theirs.name
    )
}

/// A category row's name.
pub fn category_row(c: StepCategory) -> &'static str {
    match c {
        StepCategory::Placement => "Anbringelsestrin i alt",
        StepCategory::Preventive => "Forebyggende trin i alt",
        StepCategory::Universal => "Almene trin i alt",
    }
}

/// The row head: our step as "Trin 3 Familiebehandling", a step only they have by its name.
pub fn row_title(r: &Row) -> String {
    match r.kind {
        RowKind::Category(c) => category_row(c).into(),
        RowKind::Step(Matched::OnlyTheirs) => r.name().to_string(),
        RowKind::Step(_) => {
            let c = r.ours.as_ref();
            step_title(c.and_then(|c| c.position).unwrap_or(0), r.name())
        }
    }
}

/// What is said under the row head about the match: "matchet på placering med «Forebyggelse»", "kun hos
/// Assens (deres trin 6)", "hos Assens: «5. Anbringelse i familiepleje»" when the names are written
/// differently; empty when nothing needs saying.
pub fn row_note(r: &Row, ours: &str, theirs: &str) -> String {
    let their_step = |c: &Cell| {
        c.position
            .map(|p| format!(" (deres trin {})", p + 1))
            .unwrap_or_default()
    };
    match (r.kind, r.ours.as_ref(), r.theirs.as_ref()) {
        (RowKind::Step(Matched::Position), _, Some(t)) => {
            format!("matchet på placering med «{}»", t.name)
        }
        (RowKind::Step(Matched::OnlyOurs), _, _) => format!("kun hos {ours}"),
        (RowKind::Step(Matched::OnlyTheirs), _, Some(t)) => {
            format!("kun hos {theirs}{}", their_step(t))
        }
        (RowKind::Step(Matched::Name), Some(o), Some(t)) if o.name != t.name => {
            format!("hos {theirs}: «{}»", t.name)
        }
        _ => String::new(),
    }
}

/// How a row was matched, for the CSV.
pub fn matched(k: RowKind) -> &'static str {
    match k {
        RowKind::Step(Matched::Name) => "navn",
        RowKind::Step(Matched::Position) => "placering",
        RowKind::Step(Matched::OnlyOurs) => "kun vores",
        RowKind::Step(Matched::OnlyTheirs) => "kun deres",
        RowKind::Category(_) => "kategori",
    }
}

/// Spend per child in a cell: "44.000 kr."; "ingen kendt pris" when children have no price; "–" when
/// the step is missing on the side, it has no measurement or no child.
pub fn spend_cell(c: Option<&Cell>) -> String {
    match c.and_then(|c| c.figures) {
        Some(f) => match f.spend_per_child {
            Some(k) => kroner(k),
            None if f.children > 0 => "ingen kendt pris".into(),
            None => "–".into(),
        },
        None => "–".into(),
    }
}

pub fn children_cell(c: Option<&Cell>) -> String {
    c.and_then(|c| c.figures)
        .map_or_else(|| "–".into(), |f| group_thousands(f.children))
}

/// A difference in kroner in full: "+12.000 kr.", "-470.000 kr.", "0 kr."; "–" when unknown.
pub fn kroner_difference(d: Option<i64>) -> String {
    match d {
        Some(d) if d > 0 => format!("+{}", kroner(d)),
        Some(d) => kroner(d),
        None => "–".into(),
    }
}

pub fn children_difference(d: Option<i64>) -> String {
    d.map_or_else(|| "–".into(), signed_children)
}

/// Meetings per month with one decimal at most: "0,3", "7,5", "12".
pub fn per_month(v: f64) -> String {
    number(round1(v))
}

/// A difference in meetings per month: "+0,2", "-1,5", "0".
pub fn per_month_difference(v: f64) -> String {
    let r = round1(v);
    if r > 0.0 {
        format!("+{}", number(r))
    } else {
        number(r)
    }
}

fn round1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// "3 møder i 12 måneder" under the per-month figure.
pub fn held_in_window(held: u32) -> String {
    let noun = if held == 1 { "møde" } else { "møder" };
    format!("{} {noun} i 12 måneder", group_thousands(i64::from(held)))
}

/// The CSV's header row.
pub fn csv_header(ours: &str, theirs: &str) -> Vec<String> {
    vec![
        STEP.into(),
        "Matchet på".into(),
        format!("Trin, {theirs}"),
        format!("Udgift pr. barn pr. år, {ours} (kr.)"),
        format!("Udgift pr. barn pr. år, {theirs} (kr.)"),
        "Forskel (kr.)".into(),
        format!("Børn, {ours}"),
        format!("Børn, {theirs}"),
        "Forskel (børn)".into(),
    ]
}

/// "sammenligning-koege-assens.csv"-like name stem parts come from `ascii_slug`; this is the fallback.
pub const CSV_FILE_FALLBACK: &str = "sammenligning";
/// The comparison's note, with the rule for prices per course.
pub fn note_with_per_course() -> String {
    format!(
        "{NOTE} Priser pr. forløb er {}.",
        super::staircase::per_course_rule()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(kroner_difference(Some(12_000)), "+12.000 kr.");
        assert_eq!(kroner_difference(Some(-470_000)), "-470.000 kr.");
        assert_eq!(kroner_difference(None), "–");
        assert_eq!(super::super::points(Some(11.11)), "+11,1 procentpoint");
        assert_eq!(super::super::points(Some(-2.0)), "-2,0 procentpoint");
        assert_eq!(super::super::points(Some(0.01)), "0,0 procentpoint");
        assert_eq!(per_month(0.25), "0,3");
        assert_eq!(per_month(12.0), "12");
        assert_eq!(per_month_difference(-0.04), "0");
        assert_eq!(per_month_difference(1.25), "+1,3");
        assert_eq!(held_in_window(1), "1 møde i 12 måneder");
    }
}
