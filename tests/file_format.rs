//! The file boundary: round trip, migration of old versions, and hostile input that must be refused whole.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use trappe::file_format::{export_json, read_workspace_file, DataProblem, ImportError};
use trappe::model::validation::Problem;
use trappe::model::*;

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((1990i32..2040, 1u32..=12, 1u32..=28))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn stamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).single().unwrap_or_default())
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode (quotes, control characters, æøå, emoji), kept short; CPR-like digits are excluded
    // because validation refuses them in case references.
    "[^0-9]{0,24}"
}

prop_compose! {
    fn intervention()(name in text(), legal in text(), cost in proptest::option::of(0i64..10_000_000),
                      period in prop_oneof![Just(CostPeriod::PerMonth), Just(CostPeriod::PerYear), Just(CostPeriod::PerCourse)],
                      referral in any::<bool>(), capacity in proptest::option::of(0u32..=1_000_000),
                      ages in proptest::sample::subsequence(AgeGroup::ALL.to_vec(), 0..=4),
                      created in stamp(), updated in stamp()) -> Intervention {
        Intervention { name, legal_basis: legal, unit_cost: cost, cost_period: period, referral_required: referral,
                       capacity, target_ages: ages, created_at: created, updated_at: updated, ..Intervention::default() }
    }
}

prop_compose! {
    fn step()(name in text(), description in text(), interventions in proptest::collection::vec(intervention(), 0..4),
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
    fn initiative()(number in text(), title in text(), status in proptest::sample::select(InitiativeStatus::ALL.to_vec()),
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
        let back = read_workspace_file(json.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back.migrated_from, None);
        prop_assert_eq!(back.workspace, ws);
    }

    /// Whatever bytes arrive, reading never panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_workspace_file(&bytes);
    }

    /// Cutting a valid file anywhere gives an error, never a partial workspace.
    #[test]
    fn truncated_files_are_refused(ws in workspace(), cut in 0.0f64..0.999) {
        let json = export_json(&ws, Utc::now());
        let at = (json.len() as f64 * cut) as usize;
        let mut end = at;
        while !json.is_char_boundary(end) { end -= 1; }
        prop_assert!(read_workspace_file(&json.as_bytes()[..end]).is_err());
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
        ("latin-1", b"{\"format\":\"trappe-workspace\",\"name\":\"K\xf8ge\"}".to_vec()),
        ("array", b"[]".to_vec()),
        ("number", b"42".to_vec()),
        ("no version", br#"{"format":"trappe-workspace"}"#.to_vec()),
        ("string version", br#"{"format":"trappe-workspace","version":"1"}"#.to_vec()),
        ("negative version", br#"{"format":"trappe-workspace","version":-1}"#.to_vec()),
        ("newer", br#"{"format":"trappe-workspace","version":2,"workspace":{}}"#.to_vec()),
        ("no workspace", br#"{"format":"trappe-workspace","version":1}"#.to_vec()),
        ("deep nesting", format!("{{\"format\":\"trappe-workspace\",\"version\":1,\"x\":{}{}}}", "[".repeat(5000), "]".repeat(5000)).into_bytes()),
        ("bad uuid", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","meetings":[{"id":"nope"}]}}"#.to_vec()),
        ("bad date", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","meetings":[{"date":"8. maj 2019"}]}}"#.to_vec()),
        ("unknown status", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","meetings":[{"status":"maybe"}]}}"#.to_vec()),
        ("negative children", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","staircase":{"measurements":[{"per_intervention":{"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f":-3}}]}}}"#.to_vec()),
        ("huge number", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","staircase":{"steps":[{"yearly_cost_per_child":1e400}]}}}"#.to_vec()),
        ("trailing garbage", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x"}} xyz"#.to_vec()),
        ("cpr in case", br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","meetings":[{"case_ref":"010203-1234"}]}}"#.to_vec()),
        ("too large", vec![b' '; trappe::file_format::MAX_FILE_BYTES + 1]),
    ];
    for (what, bytes) in cases {
        let result = read_workspace_file(&bytes);
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

#[test]
fn invalid_values_carry_their_path() {
    let input = "{\n\"format\": \"trappe-workspace\",\n\"version\": 1,\n\"workspace\": {\"name\": \"x\",\n \"meetings\": [{}, {\"status\": \"maybe\"}]}}";
    match read_workspace_file(input.as_bytes()).unwrap_err() {
        ImportError::Invalid { path, problem, .. } => {
            assert_eq!(path, "workspace.meetings[1].status");
            assert!(
                matches!(problem, DataProblem::UnknownValue { ref found, .. } if found == "maybe")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn paths_reach_into_maps_and_nested_lists() {
    let cases = [
        (r#"{"staircase":{"measurements":[{},{"per_intervention":{"7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f":-3}}]}}"#,
         "workspace.staircase.measurements[1].per_intervention.7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f"),
        (r#"{"plan":{"initiatives":[{"history":[{},{},{"date":"2019-02-30"}]}]}}"#, "workspace.plan.initiatives[0].history[2].date"),
        (r#"{"meetings":[{"participants":[{"role":"aunt"}]}]}"#, "workspace.meetings[0].participants[0].role"),
        (r#"{"name":["x"]}"#, "workspace.name"),
        (r#""x""#, "workspace"),
    ];
    for (body, expected) in cases {
        let file = format!(r#"{{"format":"trappe-workspace","version":1,"workspace":{body}}}"#);
        match read_workspace_file(file.as_bytes()).unwrap_err() {
            ImportError::Invalid { path, .. } => assert_eq!(path, expected, "{body}"),
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[test]
fn validation_reports_every_problem_with_its_path() {
    let input = br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x",
        "staircase":{"steps":[{"interventions":[{"unit_cost":-1}]}]},
        "meetings":[{"case_ref":"010203-1234"}]}}"#;
    match read_workspace_file(input).unwrap_err() {
        ImportError::Validation(issues) => {
            let paths: Vec<_> = issues
                .iter()
                .map(|i| (i.path.as_str(), i.problem.clone()))
                .collect();
            assert!(paths.contains(&(
                "workspace.staircase.steps[0].interventions[0].unit_cost",
                Problem::Negative
            )));
            assert!(paths.contains(&("workspace.meetings[0].case_ref", Problem::CprLike)));
        }
        other => panic!("{other:?}"),
    }
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
