//! Built-in example workspaces (Køge 2019, Halsnæs 2019–2020, Socialstyrelsen's staircase) and a
//! deterministic generator of large workspaces for performance tests.
//!
//! Facts and figures come from the seed documents (municipal papers); the sentences are our own, and
//! every meeting is invented and pseudonymous. A number a seed does not give is either left out (Køge's and
//! Halsnæs' staircases) or marked `made_up` (Socialstyrelsen's counts, Køge's indicators), and every example
//! is shown as of its own date (`Workspace::as_of`), so a 2019 plan reads as it stood in 2019.
//!
//! The app ships each example as data, a file in Trappe's own format (`files/`), opened through the one
//! import path like any file a user picks. The files sit beside the app, not in its wasm: the build names
//! them in the page (`scripts/package.mjs`; data blocks in trappe.html), and the app fetches the one a
//! user opens (`browser::example_files`). The files are written from the Rust sources in `koege`,
//! `halsnaes` and `staircase` (native builds only, so none of that code is in the app), and a test checks
//! that they still agree: `TRAPPE_WRITE_EXAMPLES=1 cargo test --lib examples` writes them again.
//!
//! May import `model`, and `file_format` to read the files.

pub mod generated;
#[cfg(not(target_arch = "wasm32"))]
pub mod halsnaes;
#[cfg(not(target_arch = "wasm32"))]
pub mod koege;
#[cfg(not(target_arch = "wasm32"))]
pub mod meetings;
#[cfg(not(target_arch = "wasm32"))]
pub mod staircase;

pub use generated::{generated, GeneratedSpec};

use crate::model::Workspace;
#[cfg(any(test, not(target_arch = "wasm32")))]
use crate::model::{InitiativeStatus, StatusNote};
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
            initiativerne 1.1–4.3 med daterede statusnoter og tidsplan, vist pr. 8. maj 2019. Trappen \
            har de indsatser, planen nævner, uden tal; indikatorernes tal er opdigtede.",
    },
    Example {
        key: "halsnaes-2019",
        title: "Halsnæs – Handleplan 2019–2020",
        summary: "Tretten initiativer i to grupper (fælles med voksenområdet og for børne- og \
            familieområdet) med delinitiativerne 6A–6E for den tidlige forebyggelse, vist pr. 1. maj \
            2019. Trappen har de indsatser, planen nævner, uden tal.",
    },
    Example {
        key: "socialstyrelsen-trappe",
        title: "Socialstyrelsens indsatstrappe",
        summary: "De seks trin med indsatser og opdigtede eksempeltal for en tænkt kommune \
            (baseline, to statusmålinger og mål, lagt an på Assens' mål og landsgennemsnit), vist pr. \
            31. december 2019, og ni opdigtede netværksmøder af forskellig type og status.",
    },
];

/// Each example's file (see the module's note). Only native builds and tests hold them: the app fetches
/// the one it opens (`browser::example_files`; about 24 KB gzip that every start would otherwise load).
#[cfg(any(test, not(target_arch = "wasm32")))]
const FILES: [(&str, &str); 3] = [
    ("koege-2019", include_str!("files/koege-2019.json")),
    ("halsnaes-2019", include_str!("files/halsnaes-2019.json")),
    (
        "socialstyrelsen-trappe",
        include_str!("files/socialstyrelsen-trappe.json"),
    ),
];

/// The example's file: Trappe's own format.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn file(key: &str) -> Option<&'static str> {
    FILES.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// The example workspace for `key` (see [`EXAMPLES`]), as a new workspace.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn build(key: &str) -> Option<Workspace> {
    from_file(file(key)?)
}

/// An example's file read like any other, as a new workspace (a new id, so it may be opened more than
/// once). `None`: the text is not a readable Trappe file.
pub fn from_file(text: &str) -> Option<Workspace> {
    let read = crate::file_format::import::read_workspace_file(text.as_bytes()).ok()?;
    let mut ws = read.workspace;
    ws.id = crate::model::new_id();
    Some(ws)
}

/// The example built from its Rust source, as its file is written.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_source(key: &str) -> Option<Workspace> {
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

#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) fn last_status(history: &[StatusNote]) -> InitiativeStatus {
    history
        .iter()
        .rev()
        .find_map(|n| n.status)
        .unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
                "{}: «{title}» and «{period}»",
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

    /// No two examples share a record id: a file of one is never taken for a copy of another's records.
    #[test]
    fn no_two_examples_share_an_id() {
        let mut seen = std::collections::HashSet::new();
        for ex in &EXAMPLES {
            let ws = build(ex.key).unwrap();
            for v in ws.views() {
                assert!(
                    seen.insert(v.reference().id),
                    "{}: {:?}",
                    ex.key,
                    v.reference()
                );
            }
        }
    }

    /// Opened twice, an example is two workspaces: the second does not overwrite the first.
    #[test]
    fn building_twice_gives_two_workspaces() {
        let (a, b) = (build("koege-2019").unwrap(), build("koege-2019").unwrap());
        assert_ne!(a.id, b.id);
        assert_eq!(a.plan, b.plan);
    }

    /// The shipped file reads cleanly through the import path (no migration, nothing set aside) and holds
    /// what its source builds. Ids are compared by where they first appear: the source draws new ones.
    #[test]
    fn each_shipped_file_is_what_its_source_builds() {
        use crate::file_format::{export::export_json, import::read_workspace_file};
        for (k, ex) in EXAMPLES.iter().enumerate() {
            let source = from_source(ex.key).unwrap();
            let noon = source
                .as_of
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap()
                .and_utc();
            // Numbered ids and the records' times set to the example's day (the source draws new ids and
            // stamps the time it runs), then written once more so maps keyed by id follow the new ids.
            let mut doc: serde_json::Value =
                serde_json::from_str(&numbered_ids(&export_json(&source, noon), k)).unwrap();
            stamp_times(
                &mut doc,
                &noon.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
            let again = read_workspace_file(doc.to_string().as_bytes())
                .unwrap()
                .workspace;
            // Compact: the app carries the text, and gzip leaves more of pretty-printing than it takes.
            let written = crate::file_format::export::storage_json(&again, noon);
            let path = format!(
                "{}/src/examples/files/{}.json",
                env!("CARGO_MANIFEST_DIR"),
                ex.key
            );
            if std::env::var_os("TRAPPE_WRITE_EXAMPLES").is_some() {
                std::fs::write(&path, &written).unwrap();
                continue;
            }
            let read = read_workspace_file(file(ex.key).unwrap().as_bytes()).unwrap();
            assert!(read.migrated_from.is_none(), "{}", ex.key);
            assert_eq!(read.report, Default::default(), "{}: set aside", ex.key);
            assert_eq!(
                read.workspace, again,
                "{}: the file differs from its source; TRAPPE_WRITE_EXAMPLES=1 cargo test --lib examples",
                ex.key
            );
        }
    }

    fn stamp_times(v: &mut serde_json::Value, time: &str) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "created_at" || k == "updated_at" {
                        *v = time.into();
                    } else {
                        stamp_times(v, time);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| stamp_times(v, time)),
            _ => {}
        }
    }

    /// Every id in `json` (a quoted UUID) replaced by a numbered one, in the order they first appear, with
    /// the example's own number in it: no two examples share an id.
    fn numbered_ids(json: &str, example: usize) -> String {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = String::with_capacity(json.len());
        let (bytes, mut copied, mut i) = (json.as_bytes(), 0, 0);
        while i + 38 <= bytes.len() {
            let id = json
                .get(i + 1..i + 37)
                .filter(|c| uuid::Uuid::parse_str(c).is_ok());
            match id {
                Some(id) if bytes[i] == b'"' && bytes[i + 37] == b'"' => {
                    let n = seen.iter().position(|s| *s == id).unwrap_or_else(|| {
                        seen.push(id);
                        seen.len() - 1
                    }) + 1;
                    out.push_str(&json[copied..=i]);
                    out.push_str(&format!("00000000-0000-4000-8{example:03x}-{n:012x}"));
                    copied = i + 37;
                    i += 38;
                }
                _ => i += 1,
            }
        }
        out.push_str(&json[copied..]);
        out
    }

    /// Each example carries the figures its own source gives, and marks what is made up.
    #[test]
    fn figures_per_example_come_from_its_source() {
        use crate::model::key_figures::key_figures;
        // Køge (seed 000) and Halsnæs (seed 004): the plans name interventions but give no number of children,
        // price, capacity or caseload. So no measurement and no price under the municipality's name, and
        // every intervention is one the plan names.
        for (key, named) in [
            ("koege-2019", &koege::INTERVENTIONS[..]),
            ("halsnaes-2019", &halsnaes::INTERVENTIONS[..]),
        ] {
            let ws = build(key).unwrap();
            assert!(ws.staircase.measurements.is_empty(), "{key}");
            let ivs: Vec<_> = ws
                .staircase
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .collect();
            assert_eq!(ivs.len(), named.len(), "{key}");
            for iv in &ivs {
                assert!(
                    iv.unit_cost.is_none() && iv.capacity.is_none(),
                    "{key}: {}",
                    iv.name
                );
                let (_, method) = named.iter().find(|(n, _)| *n == iv.name).unwrap();
                assert_eq!(iv.method, *method, "{key}: {}", iv.name);
            }
            let known = staircase::known_intervention_names();
            assert!(named.iter().all(|(n, _)| known.contains(n)), "{key}");
            let k = key_figures(&ws, ws.seen_from(ymd(2026, 12, 6)));
            assert!(
                k.series.points.is_empty(),
                "{key}: no staircase figures on Overblik"
            );
            // What the plan does hold made up is marked: Køge's three indicators.
            assert!(ws.plan.indicators.iter().all(|i| i.made_up), "{key}");
        }
        assert_eq!(build("koege-2019").unwrap().plan.indicators.len(), 3);
        // Socialstyrelsen: a made-up municipality. Its counts are marked made up; what they are built on is from
        // the sources: 30 → 25 children per caseworker and 20–25 fewer full-year placements (Assens, seed 002),
        // 470.000 kr. and 1,16 mio. kr. a year per child in foster and residential care (national averages
        // 2019, domain.md).
        let ws = build("socialstyrelsen-trappe").unwrap();
        assert_eq!(ws.municipality, "Eksempelkommune");
        assert!(!ws.staircase.measurements.is_empty());
        assert!(ws.staircase.measurements.iter().all(|m| m.made_up));
        let k = key_figures(&ws, ws.seen_from(ymd(2026, 12, 6)));
        let (first, last) = (
            k.series.points.first().unwrap(),
            k.series.points.last().unwrap(),
        );
        assert_eq!(
            (first.name.as_str(), last.name.as_str()),
            ("Baseline 2016", "Mål 2020")
        );
        // The figures the issue found under all three municipalities' names, now only here, under a made-up
        // municipality and marked made up. By hand from the specs in staircase.rs, baseline column:
        // children per step 175 + 227 + 259 + 35 + 107 + 62 = 865; yearly spend per step (a per-month price
        // ×12, per-year and per-course prices ×1) 118.500 + 900.000 + 38.058.000 + 2.962.000 + 58.600.000 +
        // 64.152.000 = 164.790.500 kr.; referred children 259 + 25 + 107 + 62 = 453 with (453 + 15) / 30 = 15
        // caseworkers: 453 / 15 = 30,2 per caseworker (Assens' 30, seed 002).
        assert_eq!(first.totals.children, 865);
        assert_eq!(first.totals.yearly_spend, 164_790_500);
        assert_eq!(ws.staircase.measurements[0].caseworkers, Some(15));
        assert!((k.caseload[0].load.unwrap() - 30.2).abs() < 1e-9);
        let load = |m: &crate::model::Measurement| {
            let referred: u32 = ws
                .staircase
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .filter(|iv| iv.referral_required)
                .map(|iv| m.per_intervention[&iv.id])
                .sum();
            f64::from(referred) / f64::from(m.caseworkers.unwrap())
        };
        let ms = &ws.staircase.measurements;
        assert_eq!(
            load(&ms[0]).round(),
            f64::from(staircase::CASELOAD_BASELINE)
        );
        assert_eq!(load(&ms[3]).round(), f64::from(staircase::CASELOAD_TARGET));
        let placed = |m: &crate::model::Measurement| -> u32 {
            ws.staircase
                .steps
                .iter()
                .filter(|s| s.category == crate::model::StepCategory::Placement)
                .flat_map(|s| &s.interventions)
                .map(|iv| m.per_intervention[&iv.id])
                .sum()
        };
        assert!((20..=25).contains(&(placed(&ms[0]) - placed(&ms[3]))));
        let costs: Vec<_> = ws
            .staircase
            .steps
            .iter()
            .map(|s| s.yearly_cost_per_child)
            .collect();
        assert_eq!(costs[4..], [Some(470_000), Some(1_160_000)]);
    }

    /// Every example is shown as of its own date: seen from that day, its plan is under way (nothing past its
    /// deadline, nothing gone stale) and its meetings lie in the twelve months before it.
    #[test]
    fn each_example_is_shown_as_of_its_own_date() {
        use crate::model::key_figures::key_figures;
        let dates = [
            ("koege-2019", ymd(2019, 5, 8)),
            ("halsnaes-2019", ymd(2019, 5, 1)),
            ("socialstyrelsen-trappe", ymd(2019, 12, 31)),
        ];
        for (key, day) in dates {
            let ws = build(key).unwrap();
            assert_eq!(ws.as_of, Some(day), "{key}");
            let today = ws.seen_from(ymd(2026, 12, 6));
            assert_eq!(today, day);
            let k = key_figures(&ws, today);
            assert_eq!(k.plan.overdue, 0, "{key}");
            assert_eq!(k.plan.stale, 0, "{key}");
            if !ws.plan.initiatives.is_empty() {
                assert!(k.plan.count(InitiativeStatus::InProgress) > 0, "{key}");
            }
            if !ws.meetings.is_empty() {
                assert!(!k.meetings.window.ends_early, "{key}");
                assert!(k.meetings.held() > 0, "{key}");
                // Held meetings lie before the day it is seen from, and within the last year.
                for m in ws.meetings.iter().filter(|m| m.status.is_held()) {
                    let d = m.date.unwrap();
                    assert!(d <= day && (day - d).num_days() < 366, "{key}: {d}");
                }
            }
            // Seen from today instead, the same plan would be all overdue: the date matters.
            if !ws.plan.initiatives.is_empty() {
                assert!(key_figures(&ws, ymd(2026, 12, 6)).plan.overdue > 0, "{key}");
            }
        }
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
