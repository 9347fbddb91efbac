//! The meeting form's rules, by form field id. The rules every stored meeting keeps live in `validation`;
//! the form asks only a little more (a known type, a name for a new type, a case reference, what an action
//! item is about) and shows a refused save's issues at the fields that hold them. The form ids here are the
//! ones `ui::meetings` gives its fields.

use super::templates::{validate_case_ref, CaseRefError};
use super::validation::{FieldIssue, Problem};
use super::{Meeting, MeetingType};

/// The form's error summary: where a problem goes that no single field holds.
pub const SUMMARY_ID: &str = "m-errors";

/// Why the form will not save a draft as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum FormProblem {
    /// The type came from a file and Trappe does not know it: the user must choose one.
    TypeUnknown,
    /// "Ny mødetype" chosen, and no name written.
    TypeNameMissing,
    /// Missing, CPR-like or too long (the length and CPR rules are `validation::check_case_ref`'s).
    CaseRef(CaseRefError),
    /// An action item with a person or a deadline but nothing to do.
    ActionWhatMissing,
}

/// Every problem that stops the draft being saved, as (field id, problem), in form order. `custom_type`:
/// the user chose to name a new type.
pub fn problems(m: &Meeting, custom_type: bool) -> Vec<(String, FormProblem)> {
    let mut out = Vec::new();
    if !m.meeting_type.is_known() {
        out.push(("m-type".into(), FormProblem::TypeUnknown));
    }
    if custom_type && matches!(&m.meeting_type, MeetingType::Custom(n) if n.trim().is_empty()) {
        out.push(("m-type-name".into(), FormProblem::TypeNameMissing));
    }
    if let Err(e) = validate_case_ref(&m.case_ref) {
        out.push(("m-case-ref".into(), FormProblem::CaseRef(e)));
    }
    for a in &m.action_items {
        if a.what.trim().is_empty() && (a.due.is_some() || !a.who.trim().is_empty()) {
            out.push((format!("a-{}-what", a.id), FormProblem::ActionWhatMissing));
        }
    }
    out
}

/// The form field that holds a field of the stored meeting, as `validation` names it (`case_ref`,
/// `participants[2].name`); [`SUMMARY_ID`] for one the form has no field for, `None` for a list item the
/// meeting does not have.
pub fn field_id(m: &Meeting, field: &str) -> Option<String> {
    let index = |list: &str| -> Option<usize> {
        field
            .strip_prefix(list)?
            .strip_prefix('[')?
            .split(']')
            .next()?
            .parse()
            .ok()
    };
    let id = match field {
        "case_ref" => "m-case-ref".to_string(),
        "notes" => "m-notes".into(),
        "decisions" => "m-decisions".into(),
        "initiator" => "m-initiator".into(),
        "coordinator" => "m-coordinator".into(),
        "invited_by" => "m-invited-by".into(),
        "chair" => "m-chair".into(),
        "note_taker" => "m-note-taker".into(),
        "meeting_type" => "m-type-name".into(),
        _ if field.starts_with("participants[") => {
            let p = m.participants.get(index("participants")?)?;
            let part = if field.ends_with(".name") {
                "name"
            } else {
                "rel"
            };
            format!("p-{}-{part}", p.id)
        }
        _ if field.starts_with("action_items[") => {
            let a = m.action_items.get(index("action_items")?)?;
            let part = if field.ends_with(".who") {
                "who"
            } else {
                "what"
            };
            format!("a-{}-{part}", a.id)
        }
        _ => SUMMARY_ID.into(),
    };
    Some(id)
}

/// The form fields of the rules a refused save of `m` broke, as (field id, problem).
pub fn refused_fields(m: &Meeting, issues: &[FieldIssue]) -> Vec<(String, Problem)> {
    issues
        .iter()
        .filter_map(|i| Some((field_id(m, &i.field)?, i.problem.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::RecordView;
    use crate::model::validation::{check_record, MAX_NAME, MAX_TEXT};
    use crate::model::{ActionItem, Participant};
    use chrono::NaiveDate;

    fn meeting() -> Meeting {
        Meeting {
            case_ref: "Familie A-17".into(),
            ..Meeting::default()
        }
    }

    fn ids(found: &[(String, FormProblem)]) -> Vec<&str> {
        found.iter().map(|(f, _)| f.as_str()).collect()
    }

    #[test]
    fn a_filled_in_draft_has_no_problems() {
        assert_eq!(problems(&meeting(), false), vec![]);
    }

    #[test]
    fn the_case_reference_is_required_and_keeps_the_stored_rule() {
        let m = Meeting {
            case_ref: " ".into(),
            ..meeting()
        };
        assert_eq!(
            problems(&m, false),
            vec![(
                "m-case-ref".to_string(),
                FormProblem::CaseRef(CaseRefError::Empty)
            )]
        );
        let cpr = Meeting {
            case_ref: "010203-1234".into(),
            ..meeting()
        };
        assert_eq!(
            problems(&cpr, false),
            vec![(
                "m-case-ref".to_string(),
                FormProblem::CaseRef(CaseRefError::CprLike)
            )]
        );
    }

    #[test]
    fn a_new_type_needs_a_name_and_an_unknown_type_a_choice() {
        let unnamed = Meeting {
            meeting_type: MeetingType::Custom("  ".into()),
            ..meeting()
        };
        assert_eq!(ids(&problems(&unnamed, true)), ["m-type-name"]);
        // Only when the user chose to name one: a file's empty custom type is not the form's to flag.
        assert_eq!(problems(&unnamed, false), vec![]);
        let unknown = Meeting {
            meeting_type: MeetingType::Unknown("Gammel type".into()),
            ..meeting()
        };
        assert_eq!(
            problems(&unknown, false),
            vec![("m-type".to_string(), FormProblem::TypeUnknown)]
        );
    }

    #[test]
    fn an_action_item_with_a_person_or_deadline_says_what_to_do() {
        let who = ActionItem {
            who: "Mor".into(),
            ..ActionItem::default()
        };
        let due = ActionItem {
            due: NaiveDate::from_ymd_opt(2026, 3, 1),
            ..ActionItem::default()
        };
        let blank = ActionItem::default();
        let done = ActionItem {
            what: "Ring til skolen".into(),
            who: "Mor".into(),
            ..ActionItem::default()
        };
        let m = Meeting {
            case_ref: String::new(),
            action_items: vec![who.clone(), blank, due.clone(), done],
            ..meeting()
        };
        // In form order: the case reference first, then the action items as listed.
        assert_eq!(
            ids(&problems(&m, false)),
            [
                "m-case-ref".to_string(),
                format!("a-{}-what", who.id),
                format!("a-{}-what", due.id)
            ]
        );
    }

    #[test]
    fn every_field_the_stored_rules_check_has_a_place_in_the_form() {
        let long = "x".repeat(MAX_TEXT + 1);
        let name = "x".repeat(MAX_NAME + 1);
        let p = Participant {
            name: name.clone(),
            relation_or_unit: name.clone(),
            ..Participant::default()
        };
        let a = ActionItem {
            what: long.clone(),
            who: name.clone(),
            ..ActionItem::default()
        };
        let m = Meeting {
            meeting_type: MeetingType::Custom(name.clone()),
            case_ref: "x".repeat(200),
            initiator: name.clone(),
            coordinator: name.clone(),
            invited_by: name.clone(),
            chair: name.clone(),
            note_taker: name,
            decisions: long.clone(),
            notes: long,
            participants: vec![p.clone()],
            action_items: vec![a.clone()],
            ..meeting()
        };
        let issues = check_record(RecordView::Meeting(&m));
        let found: Vec<String> = refused_fields(&m, &issues)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(issues.len(), found.len());
        for want in [
            "m-type-name".to_string(),
            "m-case-ref".into(),
            "m-initiator".into(),
            "m-coordinator".into(),
            "m-invited-by".into(),
            "m-chair".into(),
            "m-note-taker".into(),
            "m-decisions".into(),
            "m-notes".into(),
            format!("p-{}-name", p.id),
            format!("p-{}-rel", p.id),
            format!("a-{}-what", a.id),
            format!("a-{}-who", a.id),
        ] {
            assert!(found.contains(&want), "{want} missing from {found:?}");
        }
        assert!(!found.iter().any(|f| f == SUMMARY_ID), "{found:?}");
    }

    #[test]
    fn a_field_without_its_own_place_goes_to_the_summary() {
        let m = meeting();
        assert_eq!(field_id(&m, "safety_scale").as_deref(), Some(SUMMARY_ID));
        assert_eq!(field_id(&m, "questions[0]").as_deref(), Some(SUMMARY_ID));
        // A list item the meeting no longer has: nowhere to show it.
        assert_eq!(field_id(&m, "participants[3].name"), None);
        assert_eq!(field_id(&m, "action_items[x].who"), None);
    }
}
