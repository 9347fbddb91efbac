//! The meeting form's rules, by form field id. The rules every stored meeting keeps live in `validation`;
//! the form asks only a little more (a known type, a name for a new type, a case reference, what an action
//! item is about) and shows a refused save's issues at the fields that hold them. Fields are named as the
//! form shows them (`FormField`); `ui::meetings` gives each its element id.

use super::field_path::{FieldPath, PathStep};
use super::templates::{validate_case_ref, CaseRefError};
use super::validation::{FieldIssue, Problem};
use super::{Id, Meeting, MeetingType};

/// A place in the meeting form a problem is shown at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    Type,
    TypeName,
    CaseRef,
    Notes,
    Decisions,
    Initiator,
    Coordinator,
    InvitedBy,
    Chair,
    NoteTaker,
    ParticipantName(Id),
    ParticipantRelation(Id),
    ActionWhat(Id),
    ActionWho(Id),
    /// Dates and a time the form could not read as typed (the draft never holds such text).
    Date,
    Time,
    MeasureStart,
    FollowUp,
    ActionDue(Id),
    /// The error summary: where a problem goes that no single field holds.
    Summary,
}

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
pub fn problems(m: &Meeting, custom_type: bool) -> Vec<(FormField, FormProblem)> {
    let mut out = Vec::new();
    if !m.meeting_type.is_known() {
        out.push((FormField::Type, FormProblem::TypeUnknown));
    }
    if custom_type && matches!(&m.meeting_type, MeetingType::Custom(n) if n.trim().is_empty()) {
        out.push((FormField::TypeName, FormProblem::TypeNameMissing));
    }
    if let Err(e) = validate_case_ref(&m.case_ref) {
        out.push((FormField::CaseRef, FormProblem::CaseRef(e)));
    }
    for a in &m.action_items {
        if a.what.trim().is_empty() && (a.due.is_some() || !a.who.trim().is_empty()) {
            out.push((FormField::ActionWhat(a.id), FormProblem::ActionWhatMissing));
        }
    }
    out
}

/// The form field that holds a field of the stored meeting, as `validation` names it (`case_ref`,
/// `participants[2].name`); the summary for one the form has no field for, `None` for a list item the
/// meeting does not have.
pub fn field_of(m: &Meeting, field: &FieldPath) -> Option<FormField> {
    use PathStep::{Index, Key};
    Some(match field.steps() {
        [Key(k)] => match k.as_str() {
            "case_ref" => FormField::CaseRef,
            "notes" => FormField::Notes,
            "decisions" => FormField::Decisions,
            "initiator" => FormField::Initiator,
            "coordinator" => FormField::Coordinator,
            "invited_by" => FormField::InvitedBy,
            "chair" => FormField::Chair,
            "note_taker" => FormField::NoteTaker,
            "meeting_type" => FormField::TypeName,
            _ => FormField::Summary,
        },
        [Key(list), Index(i), rest @ ..] if list == "participants" => {
            let p = m.participants.get(*i)?;
            match rest {
                [Key(k)] if k == "name" => FormField::ParticipantName(p.id),
                _ => FormField::ParticipantRelation(p.id),
            }
        }
        [Key(list), Index(i), rest @ ..] if list == "action_items" => {
            let a = m.action_items.get(*i)?;
            match rest {
                [Key(k)] if k == "who" => FormField::ActionWho(a.id),
                _ => FormField::ActionWhat(a.id),
            }
        }
        [Key(list), ..] if list == "participants" || list == "action_items" => return None,
        _ => FormField::Summary,
    })
}

/// The form fields of the rules a refused save of `m` broke, with the problem.
pub fn refused_fields(m: &Meeting, issues: &[FieldIssue]) -> Vec<(FormField, Problem)> {
    issues
        .iter()
        .filter_map(|i| Some((field_of(m, &i.field)?, i.problem.clone())))
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

    fn fields(found: &[(FormField, FormProblem)]) -> Vec<FormField> {
        found.iter().map(|(f, _)| *f).collect()
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
                FormField::CaseRef,
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
                FormField::CaseRef,
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
        assert_eq!(fields(&problems(&unnamed, true)), [FormField::TypeName]);
        // Only when the user chose to name one: a file's empty custom type is not the form's to flag.
        assert_eq!(problems(&unnamed, false), vec![]);
        let unknown = Meeting {
            meeting_type: MeetingType::Unknown("Gammel type".into()),
            ..meeting()
        };
        assert_eq!(
            problems(&unknown, false),
            vec![(FormField::Type, FormProblem::TypeUnknown)]
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
            fields(&problems(&m, false)),
            [
                FormField::CaseRef,
                FormField::ActionWhat(who.id),
                FormField::ActionWhat(due.id)
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
        let found: Vec<FormField> = refused_fields(&m, &issues)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(issues.len(), found.len());
        for want in [
            FormField::TypeName,
            FormField::CaseRef,
            FormField::Initiator,
            FormField::Coordinator,
            FormField::InvitedBy,
            FormField::Chair,
            FormField::NoteTaker,
            FormField::Decisions,
            FormField::Notes,
            FormField::ParticipantName(p.id),
            FormField::ParticipantRelation(p.id),
            FormField::ActionWhat(a.id),
            FormField::ActionWho(a.id),
        ] {
            assert!(found.contains(&want), "{want:?} missing from {found:?}");
        }
        assert!(!found.contains(&FormField::Summary), "{found:?}");
    }

    #[test]
    fn a_field_without_its_own_place_goes_to_the_summary() {
        let m = meeting();
        assert_eq!(
            field_of(&m, &FieldPath::parse("safety_scale")),
            Some(FormField::Summary)
        );
        assert_eq!(
            field_of(&m, &FieldPath::parse("questions[0]")),
            Some(FormField::Summary)
        );
        // A list item the meeting no longer has: nowhere to show it.
        assert_eq!(
            field_of(&m, &FieldPath::parse("participants[3].name")),
            None
        );
        assert_eq!(field_of(&m, &FieldPath::parse("action_items[x].who")), None);
    }
}
