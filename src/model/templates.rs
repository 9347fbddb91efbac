//! Meeting templates: the built-in ones (family group conference, Signs of Safety, involving network meeting,
//! Fælles Indsats), new meetings from a template, templates from a meeting, and the case-reference check.

use super::{
    new_id, now, ActionItem, ChecklistItem, Meeting, MeetingStatus, MeetingTemplate, MeetingType,
    Participant,
};
use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;
use uuid::Uuid;

pub use super::validation::MAX_CASE_REF;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CaseRefError {
    #[error("the case reference is empty")]
    Empty,
    #[error("the case reference looks like a CPR number")]
    CprLike,
    #[error("the case reference is longer than {max} characters")]
    TooLong { max: usize },
}

/// A case reference is required (the form's own demand), must not look like a CPR number (ddmmyy-xxxx) and
/// is at most [`MAX_CASE_REF`] characters as stored, spaces included: the same rule the workspace keeps. A
/// CPR-like number is reported before length.
pub fn validate_case_ref(case_ref: &str) -> Result<(), CaseRefError> {
    if case_ref.trim().is_empty() {
        return Err(CaseRefError::Empty);
    }
    // The rule every stored meeting keeps (`validation::check_case_ref`), on the value as it is stored.
    match super::validation::check_case_ref(case_ref) {
        Some(super::validation::Problem::CprLike) => Err(CaseRefError::CprLike),
        Some(_) => Err(CaseRefError::TooLong { max: MAX_CASE_REF }),
        None => Ok(()),
    }
}

// The built-in templates' content. It is data, not the app's wording: it is copied into every workspace
// and every meeting made from a template, and files carry it, as the examples' content is.

/// Names of the built-in templates. Stable: users and saved files refer to them by name.
const TEMPLATE_FAMILY_GROUP_CONFERENCE: &str = "Familierådslagning";
const TEMPLATE_SIGNS_OF_SAFETY: &str = "Signs of Safety";
const TEMPLATE_INVOLVING_NETWORK_MEETING: &str = "Inddragende netværksmøde";
const TEMPLATE_FAELLES_INDSATS: &str = "Fælles Indsats";

/// The phases of a family group conference, in order.
const FAMILY_GROUP_CONFERENCE_PHASES: [&str; 5] = [
    "Forberedelse",
    "Information",
    "Familiens egen tid",
    "Planen",
    "Opfølgning",
];

/// Typical questions; the caseworker rewrites them together with the family before the conference.
const FAMILY_GROUP_CONFERENCE_QUESTIONS: [&str; 3] = [
    "Hvad skal der til, for at barnet trives og udvikler sig godt i hverdagen?",
    "Hvordan kan familien og netværket støtte forældrene, så barnet er trygt derhjemme?",
    "Hvem i netværket kan træde til, hvis der opstår en krise?",
];

const SIGNS_OF_SAFETY_QUESTIONS: [&str; 3] = [
    "Hvad er vi bekymrede for?",
    "Hvad fungerer godt?",
    "Hvad skal der ske?",
];

const SIGNS_OF_SAFETY_CHECKLIST: [&str; 5] = [
    "Forberedelse",
    "Bekymringer",
    "Det der fungerer godt",
    "Sikkerhedsskala 0–10",
    "Næste skridt og ansvarlige",
];

const INVOLVING_NETWORK_MEETING_CHECKLIST: [&str; 5] = [
    "Familien har sagt ja til mødet",
    "Familien har valgt, hvem fra netværket der inviteres",
    "Mødeleder og referent er aftalt",
    "Aftaler og ansvarlige er skrevet ned",
    "Opfølgningsdato er sat",
];

const INVOLVING_NETWORK_MEETING_QUESTIONS: [&str; 3] = [
    "Hvad er bekymringen for barnet?",
    "Hvad kan familien og netværket selv gøre?",
    "Hvilken støtte er der brug for fra fagpersonerne?",
];

const FAELLES_INDSATS_CHECKLIST: [&str; 5] = [
    "Forældrene har givet samtykke",
    "Skole eller dagtilbud, familiecenter, PPR og sundhedspleje er inviteret",
    "Bekymringen er beskrevet",
    "Fælles plan med ansvarlige",
    "Opfølgningsmøde er aftalt",
];

const FAELLES_INDSATS_QUESTIONS: [&str; 3] = [
    "Hvad er vi bekymrede for, og hvad ser forældrene og barnet selv?",
    "Hvad fungerer allerede for barnet?",
    "Hvem gør hvad, og hvornår følger vi op?",
];

// Fixed ids so the built-in templates keep their identity across sessions and files.
const ID_FAMILY_GROUP_CONFERENCE: u128 = 0x7472_6170_7065_4000_8000_0000_0000_0001;
const ID_SIGNS_OF_SAFETY: u128 = 0x7472_6170_7065_4000_8000_0000_0000_0002;
const ID_INVOLVING_NETWORK_MEETING: u128 = 0x7472_6170_7065_4000_8000_0000_0000_0003;
const ID_FAELLES_INDSATS: u128 = 0x7472_6170_7065_4000_8000_0000_0000_0004;

fn built_in(
    id: u128,
    name: &str,
    meeting_type: MeetingType,
    questions: &[&str],
    checklist: &[&str],
    uses_safety_scale: bool,
) -> MeetingTemplate {
    // A fixed timestamp (1 January 2024) keeps built-ins equal from call to call.
    let t = DateTime::<Utc>::from_timestamp(1_704_067_200, 0).unwrap_or_default();
    MeetingTemplate {
        id: Uuid::from_u128(id),
        name: name.to_string(),
        meeting_type,
        questions: questions.iter().map(|s| s.to_string()).collect(),
        checklist: checklist.iter().map(|s| s.to_string()).collect(),
        uses_safety_scale,
        created_at: t,
        updated_at: t,
        revisions: Default::default(),
    }
}

/// The templates every workspace has, with stable names and ids.
pub fn built_in_templates() -> Vec<MeetingTemplate> {
    vec![
        built_in(
            ID_FAMILY_GROUP_CONFERENCE,
            TEMPLATE_FAMILY_GROUP_CONFERENCE,
            MeetingType::FamilyGroupConference,
            &FAMILY_GROUP_CONFERENCE_QUESTIONS,
            &FAMILY_GROUP_CONFERENCE_PHASES,
            false,
        ),
        built_in(
            ID_SIGNS_OF_SAFETY,
            TEMPLATE_SIGNS_OF_SAFETY,
            MeetingType::SignsOfSafety,
            &SIGNS_OF_SAFETY_QUESTIONS,
            &SIGNS_OF_SAFETY_CHECKLIST,
            true,
        ),
        built_in(
            ID_INVOLVING_NETWORK_MEETING,
            TEMPLATE_INVOLVING_NETWORK_MEETING,
            MeetingType::InvolvingNetworkMeeting,
            &INVOLVING_NETWORK_MEETING_QUESTIONS,
            &INVOLVING_NETWORK_MEETING_CHECKLIST,
            false,
        ),
        built_in(
            ID_FAELLES_INDSATS,
            TEMPLATE_FAELLES_INDSATS,
            MeetingType::FaellesIndsats,
            &FAELLES_INDSATS_QUESTIONS,
            &FAELLES_INDSATS_CHECKLIST,
            false,
        ),
    ]
}

/// Whether a template is one of the built-ins (those are not edited or deleted by users).
pub fn is_built_in(t: &MeetingTemplate) -> bool {
    [
        ID_FAMILY_GROUP_CONFERENCE,
        ID_SIGNS_OF_SAFETY,
        ID_INVOLVING_NETWORK_MEETING,
        ID_FAELLES_INDSATS,
    ]
    .contains(&t.id.as_u128())
}

/// A new planned meeting on `date` from a template: fresh ids, the template's type and questions, and one
/// unticked checklist item per label. The safety scale stays empty until the meeting scores the case.
pub fn meeting_from_template(t: &MeetingTemplate, date: NaiveDate) -> Meeting {
    Meeting {
        meeting_type: t.meeting_type.clone(),
        date: Some(date),
        questions: t.questions.clone(),
        checklist: t
            .checklist
            .iter()
            .map(|label| ChecklistItem {
                label: label.clone(),
                ..ChecklistItem::default()
            })
            .collect(),
        status: MeetingStatus::Planned,
        ..Meeting::default()
    }
}

/// A user's own template from a meeting: its type, its non-blank questions and checklist labels (ticks
/// dropped), and the safety scale if the meeting used one. Nothing else about the case is copied.
pub fn template_from_meeting(m: &Meeting, name: &str) -> MeetingTemplate {
    let t = now();
    MeetingTemplate {
        id: new_id(),
        name: name.trim().to_string(),
        meeting_type: m.meeting_type.clone(),
        questions: m
            .questions
            .iter()
            .map(|q| q.trim())
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect(),
        checklist: m
            .checklist
            .iter()
            .map(|c| c.label.trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        uses_safety_scale: m.meeting_type == MeetingType::SignsOfSafety || m.safety_scale.is_some(),
        created_at: t,
        updated_at: t,
        revisions: Default::default(),
    }
}

/// A copy of a meeting to plan the next one on the same case: everything is kept (type, case reference,
/// roles, participants, questions, checklist, links, notes, action items), with fresh ids throughout, the
/// status back to planned, no follow-up date and the checklist unticked.
pub fn duplicate_meeting(m: &Meeting) -> Meeting {
    let t = now();
    Meeting {
        id: new_id(),
        participants: m
            .participants
            .iter()
            .map(|p| Participant {
                id: new_id(),
                ..p.clone()
            })
            .collect(),
        action_items: m
            .action_items
            .iter()
            .map(|a| ActionItem {
                id: new_id(),
                ..a.clone()
            })
            .collect(),
        checklist: m
            .checklist
            .iter()
            .map(|c| ChecklistItem {
                id: new_id(),
                label: c.label.clone(),
                done: false,
            })
            .collect(),
        status: MeetingStatus::Planned,
        follow_up_date: None,
        created_at: t,
        updated_at: t,
        ..m.clone()
    }
}

/// Whether a template uses the Signs of Safety scale, or the meeting already has a score.
pub fn shows_safety_scale(m: &Meeting) -> bool {
    m.meeting_type == MeetingType::SignsOfSafety || m.safety_scale.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_have_stable_names_ids_and_contents() {
        let all = built_in_templates();
        let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Familierådslagning",
                "Signs of Safety",
                "Inddragende netværksmøde",
                "Fælles Indsats"
            ]
        );
        assert_eq!(all, built_in_templates(), "same ids and contents each call");
        assert!(all.iter().all(is_built_in));
        assert!(!is_built_in(&MeetingTemplate::default()));

        let fgc = &all[0];
        assert_eq!(fgc.meeting_type, MeetingType::FamilyGroupConference);
        assert_eq!(
            fgc.checklist,
            vec![
                "Forberedelse",
                "Information",
                "Familiens egen tid",
                "Planen",
                "Opfølgning"
            ]
        );
        assert!(!fgc.questions.is_empty());
        assert!(!fgc.uses_safety_scale);

        let sos = &all[1];
        assert_eq!(sos.meeting_type, MeetingType::SignsOfSafety);
        assert_eq!(
            sos.questions,
            vec![
                "Hvad er vi bekymrede for?",
                "Hvad fungerer godt?",
                "Hvad skal der ske?"
            ]
        );
        assert!(sos.uses_safety_scale);
        assert_eq!(all[2].meeting_type, MeetingType::InvolvingNetworkMeeting);
        assert_eq!(all[3].meeting_type, MeetingType::FaellesIndsats);
    }

    #[test]
    fn meeting_from_template_prefills_with_fresh_ids() {
        let fgc = &built_in_templates()[0];
        let date = NaiveDate::from_ymd_opt(2024, 5, 8).unwrap();
        let a = meeting_from_template(fgc, date);
        let b = meeting_from_template(fgc, date);
        assert_ne!(a.id, b.id);
        assert_ne!(a.checklist[0].id, b.checklist[0].id);
        assert_eq!(a.meeting_type, MeetingType::FamilyGroupConference);
        assert_eq!(a.date, Some(date));
        assert_eq!(a.status, MeetingStatus::Planned);
        assert_eq!(a.questions, fgc.questions);
        let labels: Vec<&str> = a.checklist.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, fgc.checklist);
        assert!(a.checklist.iter().all(|c| !c.done));
        assert_eq!(a.safety_scale, None);
        assert!(a.case_ref.is_empty());
    }

    #[test]
    fn template_from_meeting_keeps_structure_not_the_case() {
        let mut m = meeting_from_template(
            &built_in_templates()[0],
            NaiveDate::from_ymd_opt(2024, 5, 8).unwrap(),
        );
        m.case_ref = "Familie A-17".into();
        m.notes = "Fortroligt".into();
        m.questions.push("  ".into());
        m.questions.push(" Hvordan kommer Emil i skole? ".into());
        m.checklist[0].done = true;
        m.safety_scale = Some(6);
        let t = template_from_meeting(&m, "  Vores rådslagning ");
        assert_eq!(t.name, "Vores rådslagning");
        assert_eq!(t.meeting_type, MeetingType::FamilyGroupConference);
        assert_eq!(t.questions.len(), 4);
        assert_eq!(t.questions[3], "Hvordan kommer Emil i skole?");
        assert_eq!(t.checklist.len(), 5);
        assert!(t.uses_safety_scale);
        assert!(!is_built_in(&t));
        // Round trip: a meeting from the new template has the same questions and checklist.
        let again = meeting_from_template(&t, NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
        assert_eq!(again.questions, t.questions);
        assert!(again.checklist.iter().all(|c| !c.done));
    }

    #[test]
    fn case_ref_rules() {
        assert_eq!(validate_case_ref("Familie A-17"), Ok(()));
        assert_eq!(validate_case_ref("Sag 2019-008869-1"), Ok(()));
        assert_eq!(validate_case_ref("Ærø-sag 12"), Ok(()));
        assert_eq!(validate_case_ref(""), Err(CaseRefError::Empty));
        assert_eq!(validate_case_ref("   "), Err(CaseRefError::Empty));
        assert_eq!(validate_case_ref("010203-1234"), Err(CaseRefError::CprLike));
        assert_eq!(
            validate_case_ref("Barn 0102031234"),
            Err(CaseRefError::CprLike)
        );
        assert_eq!(
            validate_case_ref("cpr 311299 1234"),
            Err(CaseRefError::CprLike)
        );
        let max = "æ".repeat(MAX_CASE_REF);
        assert_eq!(
            validate_case_ref(&max),
            Ok(()),
            "counts characters, not bytes"
        );
        assert_eq!(
            validate_case_ref(&format!("{max}x")),
            Err(CaseRefError::TooLong { max: MAX_CASE_REF })
        );
        assert_eq!(
            validate_case_ref(&format!("010203-1234 {max}")),
            Err(CaseRefError::CprLike)
        );
    }

    #[test]
    fn duplicate_meeting_has_fresh_ids_and_starts_planned() {
        let mut m = meeting_from_template(
            &built_in_templates()[0],
            NaiveDate::from_ymd_opt(2024, 5, 8).unwrap(),
        );
        m.case_ref = "Sag F-2041".into();
        m.status = MeetingStatus::FollowedUp;
        m.follow_up_date = NaiveDate::from_ymd_opt(2024, 8, 1);
        m.checklist[0].done = true;
        m.participants.push(Participant {
            relation_or_unit: "Mormor".into(),
            ..Participant::default()
        });
        m.action_items.push(ActionItem {
            what: "Ring til skolen".into(),
            ..ActionItem::default()
        });
        let c = duplicate_meeting(&m);
        assert_ne!(c.id, m.id);
        assert_ne!(c.participants[0].id, m.participants[0].id);
        assert_ne!(c.action_items[0].id, m.action_items[0].id);
        assert_ne!(c.checklist[0].id, m.checklist[0].id);
        assert_eq!(c.participants[0].relation_or_unit, "Mormor");
        assert_eq!(c.action_items[0].what, "Ring til skolen");
        assert_eq!(c.case_ref, m.case_ref);
        assert_eq!(c.questions, m.questions);
        assert_eq!(c.date, m.date);
        assert_eq!(c.status, MeetingStatus::Planned);
        assert_eq!(c.follow_up_date, None);
        assert!(c.checklist.iter().all(|x| !x.done));
        assert!(!shows_safety_scale(&c));
        let sos = meeting_from_template(&built_in_templates()[1], c.date.unwrap());
        assert!(shows_safety_scale(&sos));
    }
}
