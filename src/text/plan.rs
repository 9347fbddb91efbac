//! Danish text for the action plan: CSV headers, group and phase labels, the board's automatic note, the
//! committee report's headings and messages for `PlanError`.

use super::{date_long, initiative_status, number};
use crate::model::plan_ops::{InitiativeGroup, PlanError, PlanField, TimelinePhase};
use crate::model::{ActionPlan, Goal, InitiativeStatus, Track};
use chrono::NaiveDate;

/// Columns of `initiatives_csv` before the per-year budget columns.
pub const INITIATIVE_HEADERS: [&str; 12] = [
    "Nummer",
    "Titel",
    "Mål",
    "Spor",
    "Ejer",
    "Udvalg",
    "Start",
    "Frist",
    "Periode",
    "Status",
    "Seneste note, dato",
    "Seneste note",
];

/// One budget column per year: whole kroner, so Excel can add them up.
pub fn budget_header(year: i32) -> String {
    format!("Budget {year} (kr.)")
}

pub const INDICATOR_HEADERS: [&str; 9] = [
    "Navn",
    "Enhed",
    "Baseline",
    "Baselinedato",
    "Mål",
    "Måldato",
    "Seneste værdi",
    "Dato",
    "Fremdrift i %",
];

/// Initiatives with neither goal nor track.
pub const OTHER_GROUP: &str = "Øvrige indsatser";
pub const NO_GOAL: &str = "Uden mål";
pub const NO_TRACK: &str = "Uden spor";

/// "1. Kvalitet for borgerne"; a number already ending in a full stop keeps just that one.
fn numbered(number: &str, title: &str) -> String {
    let n = number.trim();
    if n.is_empty() {
        title.to_string()
    } else if n.ends_with('.') {
        format!("{n} {title}")
    } else {
        format!("{n}. {title}")
    }
}

pub fn goal_label(g: &Goal) -> String {
    numbered(&g.number, &g.title)
}

pub fn track_label(t: &Track) -> String {
    numbered(&t.number, &t.title)
}

/// Heading of a list group: "1. Kvalitet · 2. Samskabelse", or "Øvrige indsatser".
pub fn group_heading(plan: &ActionPlan, g: &InitiativeGroup) -> String {
    let goal = g.goal_id.and_then(|id| plan.goal(id));
    let track = g.track_id.and_then(|id| plan.track(id));
    match (goal, track) {
        (None, None) => OTHER_GROUP.into(),
        (Some(goal), Some(track)) => format!("{} · {}", goal_label(goal), track_label(track)),
        (Some(goal), None) => format!("{} · {NO_TRACK}", goal_label(goal)),
        (None, Some(track)) => format!("{NO_GOAL} · {}", track_label(track)),
    }
}

pub fn timeline_phase(p: TimelinePhase) -> &'static str {
    match p {
        TimelinePhase::Past => "Overstået",
        TimelinePhase::Current => "Nu",
        TimelinePhase::Future => "Kommende",
        TimelinePhase::Undated => "Uden dato",
    }
}

/// The note written when a card is moved on the board.
pub fn board_move_note(from: InitiativeStatus, to: InitiativeStatus) -> String {
    format!(
        "Status ændret fra «{}» til «{}».",
        initiative_status(from),
        initiative_status(to)
    )
}

/// "Ingen note i over 60 dage"
pub fn stale(days: u32) -> String {
    if days == 1 {
        "Ingen note i over 1 dag".into()
    } else {
        format!("Ingen note i over {days} dage")
    }
}

/// Progress as the committee reads it: "50 %", "Mål nået", "-20 % (væk fra målet)", "ingen data".
pub fn progress(p: Option<f64>) -> String {
    match p {
        None => "ingen data".into(),
        Some(p) if p >= 1.0 => "Mål nået".into(),
        Some(p) if p < 0.0 => format!("{} % (væk fra målet)", number((p * 100.0).round())),
        Some(p) => format!("{} %", number((p * 100.0).round())),
    }
}

pub const REPORT_TITLE: &str = "Status til udvalget";
pub const REPORT_SUMMARY: &str = "Status i alt";
pub const REPORT_NO_NOTES: &str = "Ingen nye noter i perioden.";

/// "Noter fra 9. maj 2019 til og med 1. oktober 2019" (the previous report date itself is excluded).
pub fn report_window(report_date: NaiveDate, previous: Option<NaiveDate>) -> String {
    match previous.and_then(|p| p.succ_opt()) {
        Some(from) => format!(
            "Noter fra {} til og med {}",
            date_long(from),
            date_long(report_date)
        ),
        None => format!("Alle noter til og med {}", date_long(report_date)),
    }
}

pub fn plan_field(f: PlanField) -> &'static str {
    match f {
        PlanField::Number => "nummer",
        PlanField::Title => "titel",
        PlanField::Description => "beskrivelse",
        PlanField::SuccessCriteria => "succeskriterier",
        PlanField::Owner => "ejer",
        PlanField::Committee => "udvalg",
        PlanField::Period => "periode",
        PlanField::Dates => "datoer",
        PlanField::Budget => "budget",
        PlanField::Author => "forfatter",
        PlanField::NoteText => "notetekst",
        PlanField::Name => "navn",
        PlanField::Unit => "enhed",
        PlanField::Baseline => "baseline",
        PlanField::Target => "mål",
        PlanField::Value => "værdi",
        PlanField::PeriodLabel => "periode",
        PlanField::Activity => "aktivitet",
    }
}

/// A Danish sentence for the user; the UI ties it to the field where there is one.
pub fn plan_error(e: &PlanError) -> String {
    match e {
        PlanError::GoalNotFound(_) => "Målet findes ikke længere.".into(),
        PlanError::TrackNotFound(_) => "Sporet findes ikke længere.".into(),
        PlanError::InitiativeNotFound(_) => "Indsatsen findes ikke længere.".into(),
        PlanError::NoteNotFound(_) => "Noten findes ikke længere.".into(),
        PlanError::IndicatorNotFound(_) => "Indikatoren findes ikke længere.".into(),
        PlanError::ValueNotFound(_) => "Målingen findes ikke længere.".into(),
        PlanError::TimelineRowNotFound(_) => "Rækken i tidsplanen findes ikke længere.".into(),
        PlanError::DuplicateId(_) => "Posten findes allerede.".into(),
        PlanError::DuplicateNumber(n) => {
            format!("Nummeret «{n}» bruges allerede af en anden indsats.")
        }
        PlanError::Empty(f) => format!("Feltet {} skal udfyldes.", plan_field(*f)),
        PlanError::TooLong { field, max } => format!(
            "Feltet {} må højst være {} tegn.",
            plan_field(*field),
            super::group_thousands(*max as i64)
        ),
        PlanError::NotFinite(f) => format!("Feltet {} skal være et tal.", plan_field(*f)),
        PlanError::EndBeforeStart(_) => "Slutdatoen ligger før startdatoen.".into(),
        PlanError::NegativeAmount { year } => {
            format!("Budgettet for {year} kan ikke være negativt.")
        }
        PlanError::AmountTooLarge { year, .. } => {
            format!("Budgettet for {year} er urimeligt stort.")
        }
        PlanError::ParentCycle(_) => {
            "En indsats kan ikke ligge under sig selv eller sine egne delindsatser.".into()
        }
        PlanError::HasSubItems { count, .. } => format!(
            "Indsatsen har {count} {}. Slet dem også?",
            if *count == 1 {
                "delindsats"
            } else {
                "delindsatser"
            }
        ),
        PlanError::HasHistory { count, .. } => format!(
            "Indsatsen har {count} {} i historikken, som slettes med den. Slet alligevel?",
            if *count == 1 { "note" } else { "noter" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let g = Goal {
            number: "1".into(),
            title: "Kvalitet for borgerne".into(),
            ..Goal::default()
        };
        assert_eq!(goal_label(&g), "1. Kvalitet for borgerne");
        let t = Track {
            number: "1.".into(),
            title: "Kapacitet".into(),
            ..Track::default()
        };
        assert_eq!(track_label(&t), "1. Kapacitet");
        assert_eq!(
            board_move_note(InitiativeStatus::NotStarted, InitiativeStatus::InProgress),
            "Status ændret fra «Ikke startet» til «I gang»."
        );
        assert_eq!(progress(Some(0.5)), "50 %");
        assert_eq!(progress(Some(1.0)), "Mål nået");
        assert_eq!(progress(Some(-0.2)), "-20 % (væk fra målet)");
        assert_eq!(progress(None), "ingen data");
        let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
        assert_eq!(
            report_window(d(10, 1), Some(d(5, 8))),
            "Noter fra 9. maj 2019 til og med 1. oktober 2019"
        );
        assert_eq!(
            plan_error(&PlanError::Empty(PlanField::Title)),
            "Feltet titel skal udfyldes."
        );
    }
}
