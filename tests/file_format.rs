//! The file boundary: round trip, migration of old versions, and hostile input that must be refused whole.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use trappe::file_format::import::read_workspace_file_paced;
use trappe::file_format::pace::every_chance;
use trappe::file_format::{export_json, read_workspace_file, ImportError, Imported};
use trappe::model::validation::validate;
use trappe::model::*;

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((1990i32..2040, 1u32..=12, 1u32..=28))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn stamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).single().unwrap_or_default())
}

/// A name a record cannot do without: not empty, not only spaces.
fn name_text() -> impl Strategy<Value = String> {
    "[^0-9\\s][^0-9]{0,23}"
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode (quotes, control characters, æøå, emoji), kept short; CPR-like digits are excluded
    // because validation refuses them in case references.
    "[^0-9]{0,24}"
}

/// Reads `bytes` whole and in slices (pausing at every chance), checks that both give the same (the same
/// error, or the same report and the same records: a record that serde fills in gets a new id and time on
/// each read), and returns what the slices read, with the number of pauses.
fn read_both_ways(bytes: &[u8]) -> (Result<Imported, ImportError>, usize) {
    let whole = read_workspace_file(bytes);
    every_chance::paused();
    let paced = futures::executor::block_on(read_workspace_file_paced(bytes, &every_chance::PACE));
    match (&whole, &paced) {
        (Ok(a), Ok(b)) => {
            assert_eq!((a.migrated_from, &a.report), (b.migrated_from, &b.report));
            let shape = |w: &Workspace| {
                let kinds: Vec<_> = w.views().map(|v| v.reference().kind).collect();
                (kinds, w.set_aside.len())
            };
            assert_eq!(shape(&a.workspace), shape(&b.workspace));
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!(
            "whole {:?}, in slices {:?}",
            whole.as_ref().err(),
            paced.as_ref().err()
        ),
    }
    (paced, every_chance::paused())
}

prop_compose! {
    fn intervention()(name in name_text(), legal in text(), cost in proptest::option::of(0i64..10_000_000),
                      period in prop_oneof![Just(CostPeriod::PerMonth), Just(CostPeriod::PerYear), Just(CostPeriod::PerCourse)],
                      referral in any::<bool>(), capacity in proptest::option::of(0u32..=1_000_000),
                      ages in proptest::sample::subsequence(AgeGroup::ALL.to_vec(), 0..=4),
                      created in stamp(), updated in stamp()) -> Intervention {
        Intervention { name, legal_basis: legal, unit_cost: cost, cost_period: period, referral_required: referral,
                       capacity, target_ages: ages, created_at: created, updated_at: updated, ..Intervention::default() }
    }
}

prop_compose! {
    fn step()(name in name_text(), description in text(), interventions in proptest::collection::vec(intervention(), 0..4),
              cat in prop_oneof![Just(StepCategory::Universal), Just(StepCategory::Preventive), Just(StepCategory::Placement)],
              cost in proptest::option::of(0i64..2_000_000)) -> Step {
        Step { name, description, interventions, category: cat, yearly_cost_per_child: cost, ..Step::default() }
    }
}

prop_compose! {
    fn meeting()(case_ref in text(), notes in text(), date in date(), follow in date(), q in proptest::collection::vec(text(), 0..3),
                 status in proptest::sample::select(MeetingStatus::ALL.to_vec()), custom in proptest::option::of(text()),
                 scale in proptest::option::of(0u8..=10), items in proptest::collection::vec((text(), text(), date(), any::<bool>()), 0..3),
                 hour in proptest::option::of(0u32..24)) -> Meeting {
        Meeting {
            case_ref, notes, date, follow_up_date: follow, questions: q, status, safety_scale: scale,
            meeting_type: custom.map(MeetingType::Custom).unwrap_or(MeetingType::SignsOfSafety),
            time: hour.and_then(|h| chrono::NaiveTime::from_hms_opt(h, 30, 0)),
            action_items: items.into_iter().map(|(what, who, due, done)| ActionItem { what, who, due, done, ..ActionItem::default() }).collect(),
            participants: vec![Participant { role: ParticipantRole::Network, relation_or_unit: "Morfar".into(), ..Participant::default() }],
            ..Meeting::default()
        }
    }
}

prop_compose! {
    fn initiative()(number in text(), title in name_text(), status in proptest::sample::select(InitiativeStatus::ALL.to_vec()),
                    notes in proptest::collection::vec((date(), text()), 0..3), budget in proptest::collection::vec((2015i32..2030, 0i64..50_000_000), 0..3)) -> Initiative {
        Initiative {
            number, title, status,
            history: notes.into_iter().map(|(date, text)| StatusNote { date, text, status: Some(status), ..StatusNote::default() }).collect(),
            budget: budget.into_iter().map(|(year, amount)| BudgetLine { year, amount }).collect(),
            ..Initiative::default()
        }
    }
}

prop_compose! {
    fn workspace()(name in "[a-zæøå][^0-9]{0,20}", steps in proptest::collection::vec(step(), 0..5),
                   meetings in proptest::collection::vec(meeting(), 0..5), initiatives in proptest::collection::vec(initiative(), 0..4),
                   values in proptest::collection::vec(-1e12f64..1e12, 0..4), counts in proptest::collection::vec(0u32..=1_000_000, 0..4)) -> Workspace {
        let mut ws = Workspace::new(name);
        ws.staircase.steps = steps;
        let ids: Vec<Id> = ws.staircase.steps.iter().flat_map(|s| s.interventions.iter().map(|i| i.id)).collect();
        let per_intervention: BTreeMap<Id, u32> = ids.iter().copied().zip(counts).collect();
        ws.staircase.measurements.push(Measurement { name: "Baseline".into(), per_intervention, ..Measurement::default() });
        ws.meetings = meetings;
        ws.plan.initiatives = initiatives;
        ws.plan.indicators.push(Indicator {
            name: "Andel anbragte".into(), baseline: values.first().copied(),
            values: values.iter().map(|v| IndicatorValue { value: *v, ..IndicatorValue::default() }).collect(),
            ..Indicator::default()
        });
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn export_then_import_gives_the_identical_workspace(ws in workspace()) {
        let json = export_json(&ws, Utc::now());
        let (back, pauses) = read_both_ways(json.as_bytes());
        let back = back.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back.migrated_from, None);
        // Read in slices: a pause after each record of a list, and after each record checked.
        let records = ws.staircase.steps.len() + ws.staircase.measurements.len() + ws.meetings.len()
            + ws.meeting_templates.len() + ws.plan.goals.len() + ws.plan.tracks.len()
            + ws.plan.initiatives.len() + ws.plan.indicators.len() + ws.plan.timeline.len();
        prop_assert_eq!(pauses, records + ws.views().count());
        // The fast path (straight into the model) and the lenient one (record by record) agree.
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let (lenient, report) = trappe::file_format::restore::restore(&doc["workspace"]).unwrap();
        prop_assert!(report.is_clean());
        prop_assert_eq!(&lenient, &back.workspace);
        prop_assert_eq!(back.workspace, ws);
    }

    /// A Trappe file with values changed anywhere (wrong types, negative and huge numbers, overlong texts,
    /// CPR numbers, repeated ids) always opens, as a workspace that keeps every rule.
    #[test]
    fn a_damaged_file_opens_as_a_valid_workspace(ws in workspace(), picks in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..9), 1..8)) {
        let mut doc: serde_json::Value = serde_json::from_str(&export_json(&ws, Utc::now())).unwrap();
        let hostile = |k: usize| -> serde_json::Value {
            match k {
                0 => serde_json::json!(-5),
                1 => serde_json::json!(999_999_999_999i64),
                2 => serde_json::json!("x".repeat(60_000)),
                3 => serde_json::json!("010203-1234"),
                4 => serde_json::json!(null),
                5 => serde_json::json!([1, 2]),
                6 => serde_json::json!({"a": 1}),
                7 => serde_json::json!("7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f"),
                _ => serde_json::json!(true),
            }
        };
        for (at, k) in picks {
            let mut paths = Vec::new();
            collect_paths(&doc["workspace"], &mut Vec::new(), &mut paths);
            let path = at.get(&paths).clone();
            if let Some(node) = path.iter().try_fold(&mut doc["workspace"], |n, step| match step {
                Ok(key) => n.get_mut(key.as_str()),
                Err(i) => n.get_mut(*i),
            }) {
                *node = hostile(k);
            }
        }
        let text = doc.to_string();
        match read_both_ways(text.as_bytes()).0 {
            Ok(imported) => prop_assert!(validate(&imported.workspace, "workspace").is_empty()),
            // Only a workspace member that is no object at all is refused.
            Err(e) => prop_assert!(!doc["workspace"].is_object(), "{:?}", e),
        }
    }

    /// Whatever bytes arrive, reading never panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_both_ways(&bytes);
    }

    /// Cutting a valid file anywhere gives an error, never a partial workspace.
    #[test]
    fn truncated_files_are_refused(ws in workspace(), cut in 0.0f64..0.999) {
        let json = export_json(&ws, Utc::now());
        let at = (json.len() as f64 * cut) as usize;
        let mut end = at;
        while !json.is_char_boundary(end) { end -= 1; }
        prop_assert!(read_both_ways(&json.as_bytes()[..end]).0.is_err());
    }
}

/// Every node of a JSON value, as key (Ok) and index (Err) steps; the root is the empty path.
fn collect_paths(
    v: &serde_json::Value,
    here: &mut Vec<Result<String, usize>>,
    out: &mut Vec<Vec<Result<String, usize>>>,
) {
    out.push(here.clone());
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                here.push(Ok(k.clone()));
                collect_paths(child, here, out);
                here.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Err(i));
                collect_paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[test]
fn version_0_fixture_is_migrated() {
    let bytes = include_bytes!("fixtures/v0-assens.json");
    let imported = read_workspace_file(bytes).expect("v0 file imports");
    assert_eq!(imported.migrated_from, Some(0));
    let ws = imported.workspace;
    assert_eq!(ws.name, "Assens – prototype");
    let steps = &ws.staircase.steps;
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1].interventions[0].name, "Åben anonym rådgivning");
    assert_eq!(steps[1].interventions[0].unit_cost, Some(1500));
    assert_eq!(steps[1].interventions[0].cost_period, CostPeriod::PerMonth);
    assert_eq!(steps[1].interventions[1].unit_cost, None);
    let m = &ws.staircase.measurements[0];
    assert_eq!(m.per_intervention[&steps[2].interventions[0].id], 38);
    assert_eq!(
        m.per_intervention.len(),
        3,
        "the course without a count has none"
    );
    assert_eq!(
        ws.meetings[0].meeting_type,
        MeetingType::FamilyGroupConference
    );
    assert_eq!(ws.meetings[0].status, MeetingStatus::Held);
    assert_eq!(
        ws.meetings[1].meeting_type,
        MeetingType::Custom("tavlemøde".into())
    );
    assert_eq!(ws.meetings[1].notes, "Første møde i det nye format");
    assert_eq!(ws.plan.initiatives[0].status, InitiativeStatus::InProgress);
    assert_eq!(ws.plan.initiatives[1].status, InitiativeStatus::Done);
    // And the migrated workspace survives a round trip in the current version.
    let again = read_workspace_file(export_json(&ws, Utc::now()).as_bytes()).unwrap();
    assert_eq!(again.workspace, ws);
}

#[test]
fn version_0_with_wrong_shape_names_the_place() {
    let err =
        read_workspace_file(br#"{"format":"trappe","version":0,"steps":[{"interventions":{}}]}"#)
            .unwrap_err();
    match err {
        ImportError::Migration(m) => assert_eq!(m.path, "steps[0].interventions"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn hostile_inputs_are_refused_with_a_reason() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("bom only", b"\xEF\xBB\xBF".to_vec()),
        (
            "latin-1",
            b"{\"format\":\"trappe-workspace\",\"name\":\"K\xf8ge\"}".to_vec(),
        ),
        ("array", b"[]".to_vec()),
        ("number", b"42".to_vec()),
        ("no version", br#"{"format":"trappe-workspace"}"#.to_vec()),
        (
            "string version",
            br#"{"format":"trappe-workspace","version":"1"}"#.to_vec(),
        ),
        (
            "negative version",
            br#"{"format":"trappe-workspace","version":-1}"#.to_vec(),
        ),
        (
            "newer",
            br#"{"format":"trappe-workspace","version":2,"workspace":{}}"#.to_vec(),
        ),
        (
            "no workspace",
            br#"{"format":"trappe-workspace","version":1}"#.to_vec(),
        ),
        (
            "deep nesting",
            format!(
                "{{\"format\":\"trappe-workspace\",\"version\":1,\"x\":{}{}}}",
                "[".repeat(5000),
                "]".repeat(5000)
            )
            .into_bytes(),
        ),
        (
            "workspace not an object",
            br#"{"format":"trappe-workspace","version":1,"workspace":[1]}"#.to_vec(),
        ),
        (
            "trailing garbage",
            br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x"}} xyz"#.to_vec(),
        ),
        (
            "too large",
            vec![b' '; trappe::file_format::MAX_FILE_BYTES + 1],
        ),
    ];
    for (what, bytes) in cases {
        let result = read_both_ways(&bytes).0;
        let err = match result {
            Ok(_) => panic!("{what}: accepted"),
            Err(e) => e,
        };
        let message = trappe::text::file::import_error(&err);
        assert!(!message.is_empty(), "{what}");
        assert!(
            !message.contains("invalid type"),
            "{what}: English leaked: {message}"
        );
    }
}

/// A file of 3 meetings and 16 initiatives, as exported, with `note` as the second meeting's notes and
/// `amount` as the amount of the sixth initiative's first budget line, both written into the text as they
/// are (neither can be written by serde_json).
fn file_with(note: &str, amount: &str, name: &str) -> (Workspace, String) {
    let mut ws = trappe::examples::build("halsnaes-2019").unwrap();
    ws.plan.initiatives.truncate(16);
    assert_eq!(ws.plan.initiatives.len(), 16);
    ws.meetings = (1..=3)
        .map(|i| Meeting {
            case_ref: format!("Sag {i}"),
            notes: format!("Note {i}"),
            ..Meeting::default()
        })
        .collect();
    ws.meetings[1].notes = "@@NOTE@@".into();
    ws.plan.initiatives[5].budget = vec![BudgetLine {
        year: 2020,
        amount: 424242,
    }];
    ws.name = "@@NAME@@".into();
    let text = export_json(&ws, Utc::now())
        .replace("\"@@NOTE@@\"", note)
        .replace("424242", amount)
        .replace("\"@@NAME@@\"", name);
    (ws, text)
}

/// One lone surrogate or one number too large refuses nothing but itself: its record is repaired with the
/// value as written kept under «Lagt til side», and everything else is imported.
#[test]
fn a_lone_surrogate_or_a_huge_number_sets_aside_its_record_only() {
    let (ws, text) = file_with(
        r#""Mødet gik godt \ud800 og sluttede""#,
        "1e309",
        r#""Halsnæs""#,
    );
    let imported = read_workspace_file(text.as_bytes()).expect("the file imports");
    let got = &imported.workspace;
    assert!(validate(got, "workspace").is_empty());
    assert_eq!(got.meetings.len(), 3);
    assert_eq!(got.plan.initiatives.len(), 16);
    assert_eq!(got.name, "Halsnæs");
    // The note keeps everything but the broken code.
    assert_eq!(got.meetings[1].notes, "Mødet gik godt \u{fffd} og sluttede");
    assert_eq!(got.meetings[0], ws.meetings[0]);
    assert!(got.plan.initiatives[5]
        .budget
        .iter()
        .all(|b| b.amount != 424242));
    assert_eq!(got.plan.initiatives[6], ws.plan.initiatives[6]);
    assert_eq!(imported.report.repaired, 2, "{:?}", got.set_aside);
    assert_eq!(got.set_aside.len(), 2);
    let meeting = got
        .set_aside
        .iter()
        .find(|s| s.found_at == "workspace.meetings[1]")
        .expect("the meeting is set aside");
    assert!(meeting.repaired);
    assert!(
        what(meeting).starts_with("Møde «Sag 2»: Noter indeholdt tegnkoden \\ud800"),
        "{}",
        what(meeting)
    );
    assert!(meeting
        .original
        .contains(r#""notes":"Mødet gik godt \ud800 og sluttede""#));
    let initiative = got
        .set_aside
        .iter()
        .find(|s| s.found_at == "workspace.plan.initiatives[5]")
        .expect("the initiative is set aside");
    assert!(
        what(initiative).contains("1e309 er for stort"),
        "{}",
        what(initiative)
    );
    assert!(
        initiative.original.contains(r#""amount":1e309"#),
        "{}",
        initiative.original
    );
    for s in &got.set_aside {
        for english in ["hex escape", "out of range", "invalid", "expected"] {
            assert!(!what(s).contains(english), "English leaked: {}", what(s));
        }
    }
    // What was imported exports and imports again unchanged.
    let again = read_workspace_file(export_json(got, Utc::now()).as_bytes()).unwrap();
    assert!(again.report.is_clean());
    assert_eq!(&again.workspace, got);
}

/// Damage outside any record: the workspace's name with a broken code keeps the rest of the name; a huge
/// number among the workspace's own settings is left out of them; a set-aside list that is no list is kept
/// as text. Every one is listed under «Lagt til side».
#[test]
fn damage_outside_records_is_set_aside_not_refused() {
    let (_, text) = file_with(r#""Note""#, "7", r#""Halsnæs \udc00""#);
    let imported = read_workspace_file(text.as_bytes()).expect("the file imports");
    assert_eq!(imported.workspace.name, "Halsnæs \u{fffd}");
    let s = &imported.workspace.set_aside[0];
    assert_eq!(s.found_at, "workspace");
    assert!(what(s).contains("tegnkoden \\udc00"), "{}", what(s));
    assert!(s.original.contains(r#""Halsnæs \udc00""#), "{}", s.original);

    let file = br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","follow_up":{"caseload_band":{"min":1e999,"max":30}},
        "staircase":{"steps":[{"name":"Trin","yearly_cost_per_child":1e400}]},"set_aside":"ikke en liste \ud800"}}"#;
    let imported = read_workspace_file(file).expect("the file imports");
    let ws = imported.workspace;
    assert!(validate(&ws, "workspace").is_empty());
    assert_eq!(ws.staircase.steps[0].name, "Trin");
    assert_eq!(ws.staircase.steps[0].yearly_cost_per_child, None);
    let places: Vec<&str> = ws.set_aside.iter().map(|s| s.found_at.as_str()).collect();
    assert!(places.contains(&"workspace.set_aside"), "{places:?}");
    assert!(places.contains(&"workspace.follow_up"), "{places:?}");
    assert!(
        places.contains(&"workspace.staircase.steps[0]"),
        "{places:?}"
    );
    let list = ws
        .set_aside
        .iter()
        .find(|s| s.found_at == "workspace.set_aside")
        .unwrap();
    assert_eq!(list.original, r#""ikke en liste \ud800""#);
    let band = ws
        .set_aside
        .iter()
        .find(|s| s.found_at == "workspace.follow_up")
        .unwrap();
    assert!(band.original.contains("1e999"), "{}", band.original);
}

/// A broken code that cannot be marked (the file ends inside it) still refuses the file, in Danish.
#[test]
fn a_file_cut_off_in_a_code_is_refused_in_danish() {
    let err = read_workspace_file(
        br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x\ud8"#,
    )
    .unwrap_err();
    let message = trappe::text::file::import_error(&err);
    assert!(
        message.starts_with("Filen er ikke gyldig JSON: linje 1"),
        "{message}"
    );
    for english in ["hex", "escape", "EOF", "expected"] {
        assert!(!message.contains(english), "English leaked: {message}");
    }
}

/// Inside a Trappe file, bad records open repaired or set aside, each kept as it was with its place.
#[test]
fn bad_records_are_repaired_or_set_aside_with_their_place() {
    let cases = [
        (
            r#"{"name":"x","meetings":[{"id":"nope","case_ref":"A"}]}"#,
            "workspace.meetings[0]",
            true,
        ),
        (
            r#"{"name":"x","meetings":[{},{"status":"maybe"}]}"#,
            "workspace.meetings[1]",
            true,
        ),
        (
            r#"{"name":"x","meetings":[{"date":"8. maj 2019"}]}"#,
            "workspace.meetings[0]",
            true,
        ),
        (
            r#"{"name":"x","meetings":[{"case_ref":"010203-1234"}]}"#,
            "workspace.meetings[0]",
            true,
        ),
        (
            r#"{"name":"x","meetings":[{"participants":[{"role":"aunt"}]}]}"#,
            "workspace.meetings[0]",
            true,
        ),
        (
            r#"{"name":"x","staircase":{"measurements":[{"name":"M"},{"name":"M","per_intervention":{"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f":-3}}]}}"#,
            "workspace.staircase.measurements[1]",
            true,
        ),
        (
            r#"{"name":"x","plan":{"initiatives":[{"history":[{},{},{"date":"2019-02-30"}]}]}}"#,
            "workspace.plan.initiatives[0]",
            true,
        ),
        (
            r#"{"name":"x","staircase":{"steps":[{"name":"T","interventions":[{"name":"I","unit_cost":-1}]}]}}"#,
            "workspace.staircase.steps[0].interventions[0]",
            true,
        ),
        // A move naming an unknown step, a move within one step, a move without its end: each is left out
        // of its measurement, which is kept.
        (
            r#"{"name":"x","staircase":{"steps":[{"id":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","name":"T"}],"measurements":[{"name":"M","moves":[{"from":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","to":"00000000-8a43-4a8e-9d0b-1a2b3c4d5e6f","children":2}]}]}}"#,
            "workspace.staircase.measurements[0]",
            true,
        ),
        (
            r#"{"name":"x","staircase":{"steps":[{"id":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","name":"T"}],"measurements":[{"name":"M","moves":[{"from":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","to":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","children":2}]}]}}"#,
            "workspace.staircase.measurements[0]",
            true,
        ),
        (
            r#"{"name":"x","staircase":{"steps":[{"id":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","name":"T"}],"measurements":[{"name":"M","moves":[{"from":"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f","children":2}]}]}}"#,
            "workspace.staircase.measurements[0]",
            true,
        ),
        (
            r#"{"name":"x","follow_up":{"caseload_band":{"min":25,"max":22}}}"#,
            "workspace.follow_up",
            true,
        ),
        (r#"{"name":["x"]}"#, "workspace", true),
        (
            r#"{"name":"x","meetings":[7]}"#,
            "workspace.meetings[0]",
            false,
        ),
    ];
    for (body, place, repaired) in cases {
        let file = format!(r#"{{"format":"trappe-workspace","version":1,"workspace":{body}}}"#);
        let imported =
            read_workspace_file(file.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e:?}"));
        let ws = imported.workspace;
        assert!(validate(&ws, "workspace").is_empty(), "{body}");
        assert_eq!(ws.set_aside.len(), 1, "{body}: {:?}", ws.set_aside);
        let s = &ws.set_aside[0];
        assert_eq!(s.found_at, place, "{body}");
        assert_eq!(s.repaired, repaired, "{body}");
        assert!(
            !what(s).contains("invalid type"),
            "{body}: English leaked: {}",
            what(s)
        );
        // The original is kept as it was.
        let original: serde_json::Value = serde_json::from_str(&s.original).unwrap();
        let whole: serde_json::Value = serde_json::from_str(body).unwrap();
        assert!(
            whole.to_string().contains(&original.to_string()) || place == "workspace",
            "{body}"
        );
        assert_eq!(
            imported.report.repaired + imported.report.left_out,
            1,
            "{body}"
        );
        // And what was restored survives a round trip unchanged.
        let again = read_workspace_file(export_json(&ws, Utc::now()).as_bytes()).unwrap();
        assert!(again.report.is_clean(), "{body}");
        assert_eq!(again.workspace, ws);
    }
}

#[test]
fn every_rule_break_is_repaired_and_listed() {
    let input = br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x",
        "staircase":{"steps":[{"name":"T","interventions":[{"name":"I","unit_cost":-1}]}]},
        "meetings":[{"case_ref":"010203-1234"}]}}"#;
    let imported = read_workspace_file(input).unwrap();
    let ws = imported.workspace;
    assert_eq!(ws.staircase.steps[0].interventions[0].unit_cost, None);
    assert_eq!(ws.meetings[0].case_ref, "XXXXXX-XXXX");
    let places: Vec<&str> = ws.set_aside.iter().map(|s| s.found_at.as_str()).collect();
    assert_eq!(
        places,
        vec![
            "workspace.meetings[0]",
            "workspace.staircase.steps[0].interventions[0]"
        ]
    );
    assert!(
        what(&ws.set_aside[0]).contains("CPR"),
        "{}",
        what(&ws.set_aside[0])
    );
}

#[test]
fn foreign_files_may_leave_out_optional_fields_and_add_unknown_ones() {
    let input = "\u{feff}{\"format\":\"trappe-workspace\",\"version\":1,\"generator\":\"Excel-makro\",\"workspace\":{\"name\":\"Fra regneark\",\"ekstra\":true,\"meetings\":[{\"date\":\"2019-05-08\",\"case_ref\":\"F-1\"}]}}";
    let ws = read_workspace_file(input.as_bytes())
        .expect("lenient on missing and unknown fields")
        .workspace;
    assert_eq!(ws.name, "Fra regneark");
    assert_eq!(ws.meetings[0].date, NaiveDate::from_ymd_opt(2019, 5, 8));
    assert_eq!(ws.meetings[0].status, MeetingStatus::Planned);
}

#[test]
fn checked_in_schema_is_current() {
    let generated = trappe::file_format::schema::schema_json();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/file-format.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(checked_in == generated, "docs/file-format.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test file_format checked_in_schema_is_current`");
}

/// A file with a wrong value in most kinds of field: every set-aside text is in Danish, with field labels,
/// places in words and allowed values by their Danish names; never serde's words, a JSON path or the ISO
/// date pattern ("Feltet «date»", "Fundet i workspace.meetings[0]", "one of `family_group_conference`",
/// "skriv datoer som ÅÅÅÅ-MM-DD" were shown).
#[test]
fn set_aside_texts_are_danish_without_program_text() {
    let f = br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","meetings":[
      {"case_ref":"Sag F-2041","date":"8. maj 2019","meeting_type":"sikkerhedsplan","status":"maybe","time":"11.00",
       "participants":[{"role":"aunt"}],"minutes_kind":"video"},
      {"case_ref":"B","created_at":"igaar","foo":1},
      {"case_ref":"C","date":"2019-02-30"}
    ],
    "follow_up":{"monthly_targets":[{"meeting_type":"x","min":"a"}]},
    "staircase":{"steps":[{"name":"T","category":"bla","interventions":[{"name":"I","cost_period":"weekly","target_ages":["baby"],"provider_kind":"?"}]}]},
    "plan":{"initiatives":[{"title":"I","status":"weird","history":[{"date":"x","text":"t"}]}]}
    }}"#;
    let ws = read_workspace_file(f).unwrap().workspace;
    assert!(ws.set_aside.len() >= 6, "{:#?}", ws.set_aside);
    let shown: Vec<String> = ws
        .set_aside
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                trappe::text::set_aside::found_at(&s.found_at),
                what(s)
            )
        })
        .collect();
    let all = shown.join("\n");
    for program in [
        "workspace.",
        "workspace[",
        "one of",
        "`",
        "ÅÅÅÅ-MM-DD",
        "Feltet «",
        "[0]",
        "expected",
        "invalid",
        "variant",
        "family_group_conference",
        "followed_up",
        "role",
        "created_at",
        "participants",
        "per_month",
        "not_started",
        "tilladt:",
    ] {
        assert!(!all.contains(program), "«{program}» in:\n{all}");
    }
    for danish in [
        "Sted i filen: Møde nr. 1",
        "Dato kunne ikke læses (der står «8. maj 2019»",
        "Rolle (deltager nr. 1)",
        "«Familie», «Netværk» eller «Fagperson»",
        "«Planlagt», «Afholdt», «Fulgt op» eller «Aflyst»",
        "Oprettet kunne ikke læses",
        "«pr. måned», «pr. år» eller «pr. forløb»",
        "Sted i filen: Trin nr. 1, indsats nr. 1",
    ] {
        assert!(all.contains(danish), "«{danish}» not in:\n{all}");
    }
    // The unknown type is no reason to set the meeting aside: it is kept, as the file named it.
    assert_eq!(
        ws.meetings[0].meeting_type,
        MeetingType::Unknown("sikkerhedsplan".into())
    );
    assert!(!all.contains("Mødetype"), "{all}");
}

/// A meeting type a file names that Trappe does not know is read as such (not as a family group
/// conference), written back unchanged, and the known and custom types are written as before.
#[test]
fn an_unknown_meeting_type_is_kept_and_written_back_unchanged() {
    use serde_json::json;
    let read = |v: serde_json::Value| serde_json::from_value::<MeetingType>(v).unwrap();
    assert_eq!(
        read(json!("sikkerhedsplan")),
        MeetingType::Unknown("sikkerhedsplan".into())
    );
    assert_eq!(read(json!("follow_up")), MeetingType::FollowUp);
    assert_eq!(
        read(json!({"custom": "Skolemøde"})),
        MeetingType::Custom("Skolemøde".into())
    );
    let write = |t: MeetingType| serde_json::to_value(t).unwrap();
    assert_eq!(
        write(MeetingType::Unknown("sikkerhedsplan".into())),
        json!("sikkerhedsplan")
    );
    assert_eq!(
        write(MeetingType::FamilyGroupConference),
        json!("family_group_conference")
    );
    assert_eq!(
        write(MeetingType::Custom("Skolemøde".into())),
        json!({"custom": "Skolemøde"})
    );

    let mut ws = Workspace::new("Ukendt");
    ws.meetings.push(Meeting {
        case_ref: "Sag 1".into(),
        meeting_type: MeetingType::Unknown("sikkerhedsplan".into()),
        ..Meeting::default()
    });
    let file = export_json(&ws, Utc::now());
    assert!(
        file.contains(r#""meeting_type": "sikkerhedsplan""#)
            || file.contains(r#""meeting_type":"sikkerhedsplan""#)
    );
    let back = read_workspace_file(file.as_bytes()).unwrap().workspace;
    assert_eq!(back.meetings[0].meeting_type, ws.meetings[0].meeting_type);
    assert!(back.set_aside.is_empty());
}

/// Two monthly targets for one meeting type break the model's rule (the settings form refuses them too): a
/// file with them keeps the first, and the repair is listed.
#[test]
fn a_second_monthly_target_for_one_meeting_type_is_left_out_and_listed() {
    let input = br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x",
        "follow_up":{"monthly_targets":[
            {"meeting_type":"family_group_conference","min":1,"max":3},
            {"meeting_type":"family_group_conference","min":2,"max":5}]}}}"#;
    let ws = read_workspace_file(input).unwrap().workspace;
    assert_eq!(ws.follow_up.monthly_targets.len(), 1);
    assert_eq!(ws.follow_up.monthly_targets[0].max, 3);
    assert!(validate(&ws, "workspace").is_empty());
    assert_eq!(ws.set_aside.len(), 1);
    assert_eq!(ws.set_aside[0].found_at, "workspace.follow_up");
    assert!(ws.set_aside[0].original.contains("\"max\":5"));
}

/// An entry's reason as the app says it.
fn what(s: &trappe::model::SetAside) -> String {
    trappe::text::file::set_aside_reason(&s.reason)
}

/// A file of version 1 written before set-aside entries had a typed reason: each carries its sentence in
/// `what` (and a tab's or storage's place in words). It reads without a migration, shows the sentences as
/// written, and is written back with the sentence as a `written` reason, which reads back identically.
#[test]
fn set_aside_sentences_of_older_files_are_kept_as_written() {
    let bytes = include_bytes!("fixtures/v1-set-aside-written.json");
    let imported = read_workspace_file(bytes).expect("the file imports");
    assert_eq!(imported.migrated_from, None);
    assert!(imported.report.is_clean(), "{:?}", imported.report);
    let ws = imported.workspace;
    assert_eq!(ws.set_aside.len(), 3);
    assert_eq!(
        ws.set_aside[0].reason,
        SetAsideReason::Written {
            text: "Møde «Sag 2»: Noter er for lang (højst 50.000 tegn): afkortet.".into()
        }
    );
    assert_eq!(
        what(&ws.set_aside[1]),
        "Møde: Noter blev ændret i begge faner. Denne fanes værdi er beholdt; den anden fanes udgave ligger her."
    );
    assert!(what(&ws.set_aside[2]).starts_with("Arbejdsområdets id manglede"));
    let places: Vec<String> = ws
        .set_aside
        .iter()
        .map(|s| trappe::text::set_aside::found_at(&s.found_at))
        .collect();
    assert_eq!(
        places,
        [
            "Sted i filen: Møde nr. 2",
            "Fundet i en anden fane",
            "Fundet i browserens lager: arbejdsområdets egne oplysninger"
        ]
    );
    assert!(ws.set_aside.iter().all(|s| s.repaired));
    let json = export_json(&ws, Utc::now());
    assert!(
        !json.contains("\"what\""),
        "the reason replaces the sentence"
    );
    let again = read_workspace_file(json.as_bytes()).unwrap();
    assert_eq!(again.workspace, ws);
}

/// Entries with typed reasons, of every kind, are written and read back identically, by the fast reading
/// and by the lenient one.
#[test]
fn typed_set_aside_reasons_round_trip() {
    use trappe::model::record::RecordKind;
    use trappe::model::set_aside::{found, DataProblem, Fix, Note};
    use trappe::model::validation::Problem;
    let reasons = vec![
        SetAsideReason::Record {
            record: Some(RecordKind::Meeting),
            label: "Sag 17".into(),
            notes: vec![
                Note::Fixed {
                    field: "notes".into(),
                    problem: Problem::TooLong { max: 50_000 },
                    fix: Fix::Shortened,
                },
                Note::UnreadableValue {
                    field: "date".into(),
                    problem: DataProblem::BadDateText("8. maj 2019".into()),
                },
                Note::CharacterReplaced {
                    field: "notes".into(),
                    code: "\\ud800".into(),
                },
                Note::RenewedId,
            ],
        },
        SetAsideReason::Record {
            record: None,
            label: String::new(),
            notes: vec![Note::ResetToDefault],
        },
        SetAsideReason::Record {
            record: Some(RecordKind::Step),
            label: String::new(),
            notes: vec![
                Note::UnreadableRecord {
                    problem: DataProblem::WrongType {
                        found: "integer `17`".into(),
                        expected: "struct Step".into(),
                    },
                },
                Note::PastRepair,
                Note::NotAList,
                Note::IdFromStorageKey,
                Note::StepInterventionsKept,
            ],
        },
        SetAsideReason::Conflict {
            record: RecordKind::Initiative,
            fields: vec!["status".into()],
            kept_theirs: false,
        },
        SetAsideReason::DidNotFit {
            record: RecordKind::Meeting,
        },
        SetAsideReason::UnreadableHead { name_known: true },
        SetAsideReason::MissingHead { name_known: false },
        SetAsideReason::UnreadableOrder {
            record: RecordKind::Goal,
        },
        SetAsideReason::UnreadableSetAside,
        SetAsideReason::UnreadableSetAsideList,
        SetAsideReason::UnreadableBranch,
        SetAsideReason::UnreadableJournal,
        SetAsideReason::UnreadableBackup,
        SetAsideReason::HeadIdFromStorageKey,
        SetAsideReason::UnknownPart,
        SetAsideReason::Written {
            text: "En sætning fra en ældre Trappe.".into(),
        },
    ];
    let mut ws = Workspace::new("Køge");
    for (i, reason) in reasons.into_iter().enumerate() {
        ws.set_aside.push(SetAside {
            found_at: if i % 2 == 0 {
                format!("workspace.meetings[{i}]")
            } else {
                found::record(RecordKind::Meeting, Id::nil())
            },
            reason,
            original: format!("{{\"n\":{i}}}"),
            ..SetAside::default()
        });
    }
    let json = export_json(&ws, Utc::now());
    let back = read_workspace_file(json.as_bytes()).unwrap();
    assert!(back.report.is_clean());
    assert_eq!(back.workspace, ws);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let (lenient, report) = trappe::file_format::restore::restore(&doc["workspace"]).unwrap();
    assert!(report.is_clean());
    assert_eq!(lenient, ws);
}

/// A file another program wrote: compact, keys in another order, spacing of its own, escapes where
/// Trappe writes none, a byte order mark. Read in slices, it gives the workspace the whole read gives.
#[test]
fn a_file_written_by_another_program_reads_the_same_in_slices() {
    let ws = trappe::examples::generated(&trappe::examples::GeneratedSpec {
        meetings: 300,
        steps: 5,
        interventions: 12,
        initiatives: 40,
        notes: 60,
        seed: 7,
    });
    let doc: serde_json::Value = serde_json::from_str(&export_json(&ws, Utc::now())).unwrap();
    // serde_json's maps keep keys sorted: another order than Trappe writes.
    let compact = doc.to_string();
    let spaced = format!(
        "\u{feff}\r\n{}\t\n",
        serde_json::to_string_pretty(&doc)
            .unwrap()
            .replace("\": ", "\" :\t")
            .replace(",\n", " ,\r\n")
    );
    let escaped = compact.replace("Møde", "M\\u00f8de");
    let records = ws.staircase.steps.len()
        + ws.meetings.len()
        + ws.plan.goals.len()
        + ws.plan.tracks.len()
        + ws.plan.initiatives.len()
        + ws.plan.indicators.len()
        + ws.plan.timeline.len()
        + ws.staircase.measurements.len()
        + ws.meeting_templates.len();
    for text in [compact, spaced, escaped] {
        let (read, pauses) = read_both_ways(text.as_bytes());
        assert_eq!(read.unwrap().workspace, ws);
        assert_eq!(pauses, records + ws.views().count(), "read in slices");
    }
}

/// `json` with the first `from` in its list of meetings made `to`.
fn in_meetings(json: &str, from: &str, to: &str) -> String {
    let (head, meetings) = json.split_at(json.find("\"meetings\": [").unwrap());
    format!("{head}{}", meetings.replacen(from, to, 1))
}

/// What the slices cannot take is read whole, to the same result (`read_both_ways`): an escaped key, a
/// key twice, an older version, a record list with a broken separator. A broken rule is found after the
/// slices, and the file is then read whole and repaired.
#[test]
fn what_cannot_be_read_in_slices_is_read_whole() {
    let mut ws = trappe::examples::generated(&trappe::examples::GeneratedSpec {
        meetings: 20,
        steps: 3,
        interventions: 4,
        initiatives: 5,
        notes: 5,
        seed: 3,
    });
    ws.name = "Udsnit".into();
    let json = export_json(&ws, Utc::now());
    let cases = [
        json.replacen("\"meetings\"", "\"meet\\u0069ngs\"", 1),
        json.replacen("\"meetings\"", "\"meetings\": [], \"meetings\"", 1),
        json.replacen("\"version\": 1", "\"version\": 0", 1),
        in_meetings(&json, "},\n      {", "}\n      {"),
        in_meetings(&json, "},\n      {", "},\n      ,{"),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_ne!(text, &json, "case {i} changes the file");
        let read = read_both_ways(text.as_bytes()).0;
        match i {
            0 => assert_eq!(read.unwrap().workspace, ws, "the key means the same"),
            1 | 2 => assert!(read.is_ok()),
            _ => assert!(read.is_err(), "case {i}: not JSON"),
        }
    }
    let nameless = json.replacen("\"Udsnit\"", "\"\"", 1);
    let read = read_both_ways(nameless.as_bytes()).0.unwrap();
    assert!(!read.report.is_clean(), "repaired on the whole read");
    assert_eq!(read.workspace.meetings.len(), 20);
}
