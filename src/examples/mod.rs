//! Built-in example workspaces (Køge 2019, Halsnæs 2019–2020, Socialstyrelsen's staircase) and a
//! deterministic generator of large workspaces for performance tests.
//!
//! Facts and figures come from the seed documents (municipal papers); the sentences are our own, and
//! every meeting is invented and pseudonymous.

pub mod generated;
pub mod halsnaes;
pub mod koege;
pub mod meetings;
pub mod staircase;

pub use generated::{generated, GeneratedSpec};

use crate::model::{InitiativeStatus, StatusNote, Workspace};
use chrono::NaiveDate;

pub struct Example {
    pub key: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

pub const EXAMPLES: [Example; 3] = [
    Example {
        key: "koege-2019",
        title: "Køge 2019 – Strategier for indsatsen",
        summary: "Implementeringsplan med tre politiske mål, fire strategiske spor og \
            initiativerne 1.1–4.3 med daterede statusnoter, indikatorer og tidsplan.",
    },
    Example {
        key: "halsnaes-2019",
        title: "Halsnæs – Handleplan 2019–2020",
        summary: "Tretten initiativer i to grupper (fælles med voksenområdet og for børne- og \
            familieområdet) med delinitiativerne 6A–6E for den tidlige forebyggelse.",
    },
    Example {
        key: "socialstyrelsen-trappe",
        title: "Socialstyrelsens indsatstrappe",
        summary: "De seks trin med indsatser, baseline og mål, og ni opdigtede netværksmøder \
            af forskellig type og status.",
    },
];

/// The example workspace for `key` (see [`EXAMPLES`]), freshly built with new ids.
pub fn build(key: &str) -> Option<Workspace> {
    match key {
        "koege-2019" => Some(koege::workspace()),
        "halsnaes-2019" => Some(halsnaes::workspace()),
        "socialstyrelsen-trappe" => Some(staircase::workspace()),
        _ => None,
    }
}

/// A calendar date the examples know to be valid.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("example dates are valid")
}

pub(crate) fn status_note(
    date: NaiveDate,
    author: &str,
    status: Option<InitiativeStatus>,
    text: &str,
) -> StatusNote {
    StatusNote {
        date: Some(date),
        author: author.into(),
        status,
        text: text.into(),
        ..StatusNote::default()
    }
}

/// An initiative's current status is the one its latest status-changing note set.
pub(crate) fn last_status(history: &[StatusNote]) -> InitiativeStatus {
    history
        .iter()
        .rev()
        .find_map(|n| n.status)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate;

    #[test]
    fn every_example_builds_and_validates() {
        for ex in &EXAMPLES {
            let ws = build(ex.key).unwrap_or_else(|| panic!("{} builds", ex.key));
            assert_eq!(validate(&ws, "workspace"), vec![], "{}", ex.key);
            assert_eq!(ws.staircase.steps.len(), 6, "{}", ex.key);
            assert!(!ws.name.is_empty() && !ex.title.is_empty() && !ex.summary.is_empty());
        }
        assert!(build("findes-ikke").is_none());
    }

    #[test]
    fn no_plan_title_repeats_its_period() {
        for ex in &EXAMPLES {
            let ws = build(ex.key).unwrap();
            let (title, period) = (&ws.plan.title, ws.plan.period.trim());
            assert!(
                period.is_empty() || !title.contains(period),
                "{}: »{title}« and »{period}«",
                ex.key
            );
        }
    }

    #[test]
    fn every_example_survives_a_json_round_trip() {
        for ex in &EXAMPLES {
            let ws = build(ex.key).unwrap();
            let json = serde_json::to_string(&ws).unwrap();
            let back: Workspace = serde_json::from_str(&json).unwrap();
            assert_eq!(back, ws, "{}", ex.key);
        }
    }

    #[test]
    fn building_twice_gives_fresh_ids() {
        let (a, b) = (build("koege-2019").unwrap(), build("koege-2019").unwrap());
        assert_ne!(a.id, b.id);
        assert_ne!(a.plan.initiatives[0].id, b.plan.initiatives[0].id);
        assert_eq!(a.plan.initiatives[0].title, b.plan.initiatives[0].title);
    }

    #[test]
    fn initiative_statuses_match_their_last_note() {
        for ex in &EXAMPLES {
            let ws = build(ex.key).unwrap();
            for ini in &ws.plan.initiatives {
                assert!(!ini.history.is_empty(), "{} {}", ex.key, ini.number);
                assert_eq!(ini.status, last_status(&ini.history), "{}", ini.number);
            }
        }
    }
}
