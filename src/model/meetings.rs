//! Network meetings (netværksmøder): family group conferences, involving network meetings, interdisciplinary
//! and Fælles Indsats meetings, follow-ups. Cases are pseudonymous: a case reference, never a CPR number.

use super::revision::Revisions;
use super::{new_id, now, Id};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingType {
    /// Familierådslagning / netværksrådslagning.
    #[default]
    FamilyGroupConference,
    /// Det inddragende netværksmøde.
    InvolvingNetworkMeeting,
    /// Tværfagligt møde.
    Interdisciplinary,
    /// Fælles Indsats-møde.
    FaellesIndsats,
    /// Signs of Safety-møde.
    SignsOfSafety,
    /// Opfølgningsmøde.
    FollowUp,
    /// A type the user named.
    Custom(String),
    /// A type a file named that Trappe does not know (the value as the file wrote it). Kept visibly
    /// unknown, never passed off as a built-in type: no figure counts a meeting of this type, and the
    /// meeting form asks the user to choose one. Read from any string that names no other type, and
    /// written back as that same string, so a file keeps what it said.
    #[serde(untagged)]
    Unknown(String),
}

impl MeetingType {
    pub const BUILT_IN: [MeetingType; 6] = [
        MeetingType::FamilyGroupConference,
        MeetingType::InvolvingNetworkMeeting,
        MeetingType::Interdisciplinary,
        MeetingType::FaellesIndsats,
        MeetingType::SignsOfSafety,
        MeetingType::FollowUp,
    ];

    /// False for a type a file named that Trappe does not know: such meetings count in no figure.
    pub fn is_known(&self) -> bool {
        !matches!(self, MeetingType::Unknown(_))
    }
}

/// How many meetings have a type a file named that Trappe does not know (and so count in no figure).
pub fn unknown_type_count(meetings: &[Meeting]) -> usize {
    meetings
        .iter()
        .filter(|m| !m.meeting_type.is_known())
        .count()
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    #[default]
    Planned,
    Held,
    FollowedUp,
    Cancelled,
}

impl MeetingStatus {
    /// Held, or held and followed up: what counts as a meeting held in every figure (planned and cancelled
    /// meetings do not).
    pub fn is_held(self) -> bool {
        matches!(self, MeetingStatus::Held | MeetingStatus::FollowedUp)
    }

    pub const ALL: [MeetingStatus; 4] = [
        MeetingStatus::Planned,
        MeetingStatus::Held,
        MeetingStatus::FollowedUp,
        MeetingStatus::Cancelled,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    #[default]
    Family,
    Network,
    Professional,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MinutesKind {
    /// Beslutningsreferat.
    #[default]
    Decisions,
    /// Fuldt referat.
    Full,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Participant {
    pub id: Id,
    pub role: ParticipantRole,
    /// Optional; a role alone is enough ("mor", "morfar", "lærer").
    pub name: String,
    /// Relation to the child, or the professional's unit (PPR, sundhedspleje, skole …).
    pub relation_or_unit: String,
}

impl Default for Participant {
    fn default() -> Self {
        Participant {
            id: new_id(),
            role: ParticipantRole::default(),
            name: String::new(),
            relation_or_unit: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActionItem {
    pub id: Id,
    pub what: String,
    pub who: String,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub due: Option<NaiveDate>,
    pub done: bool,
}

impl Default for ActionItem {
    fn default() -> Self {
        ActionItem {
            id: new_id(),
            what: String::new(),
            who: String::new(),
            due: None,
            done: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ChecklistItem {
    pub id: Id,
    pub label: String,
    pub done: bool,
}

impl Default for ChecklistItem {
    fn default() -> Self {
        ChecklistItem {
            id: new_id(),
            label: String::new(),
            done: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Meeting {
    pub id: Id,
    pub meeting_type: MeetingType,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    /// Pseudonym or internal number. Never a CPR number or a full name.
    pub case_ref: String,
    /// Initiativtager, usually the caseworker.
    pub initiator: String,
    /// Samordner: trained, independent of the case.
    pub coordinator: String,
    pub invited_by: String,
    pub chair: String,
    pub note_taker: String,
    pub minutes_kind: MinutesKind,
    pub participants: Vec<Participant>,
    /// The questions the meeting must answer.
    pub questions: Vec<String>,
    pub decisions: String,
    pub action_items: Vec<ActionItem>,
    /// Phases of a family group conference, or any checklist a template brings.
    pub checklist: Vec<ChecklistItem>,
    /// Signs of Safety scale, 0 to 10.
    pub safety_scale: Option<u8>,
    /// When the measure the meeting concerns started (Barnets Lov § 95: first follow-up within 3 months).
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub measure_start: Option<NaiveDate>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub follow_up_date: Option<NaiveDate>,
    pub status: MeetingStatus,
    pub linked_interventions: Vec<Id>,
    pub linked_step: Option<Id>,
    pub notes: String,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub created_at: DateTime<Utc>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub updated_at: DateTime<Utc>,
    /// This record's revision history (see `revision`); travels with it in files and storage.
    #[serde(rename = "_revisions", skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
}

impl Default for Meeting {
    fn default() -> Self {
        let t = now();
        Meeting {
            id: new_id(),
            meeting_type: MeetingType::default(),
            date: None,
            time: None,
            case_ref: String::new(),
            initiator: String::new(),
            coordinator: String::new(),
            invited_by: String::new(),
            chair: String::new(),
            note_taker: String::new(),
            minutes_kind: MinutesKind::default(),
            participants: Vec::new(),
            questions: Vec::new(),
            decisions: String::new(),
            action_items: Vec::new(),
            checklist: Vec::new(),
            safety_scale: None,
            measure_start: None,
            follow_up_date: None,
            status: MeetingStatus::default(),
            linked_interventions: Vec::new(),
            linked_step: None,
            notes: String::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

/// A user-saved template that prefills a new meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MeetingTemplate {
    pub id: Id,
    pub name: String,
    pub meeting_type: MeetingType,
    pub questions: Vec<String>,
    pub checklist: Vec<String>,
    pub uses_safety_scale: bool,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub created_at: DateTime<Utc>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub updated_at: DateTime<Utc>,
    /// This record's revision history (see `revision`); travels with it in files and storage.
    #[serde(rename = "_revisions", skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
}

impl Default for MeetingTemplate {
    fn default() -> Self {
        let t = now();
        MeetingTemplate {
            id: new_id(),
            name: String::new(),
            meeting_type: MeetingType::default(),
            questions: Vec::new(),
            checklist: Vec::new(),
            uses_safety_scale: false,
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

/// How often measures are followed up, and how many meetings a month the municipality aims for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct FollowUpRules {
    /// Barnets Lov § 95: the first follow-up at the latest this many months after a measure starts.
    pub first_within_months: u32,
    /// Follow-ups a year for measures on placement steps (seeds: at least 3).
    pub placement_per_year: u32,
    /// Follow-ups a year for preventive measures (seeds: at least 4).
    pub preventive_per_year: u32,
    /// Days ahead that count as "due soon".
    pub due_soon_days: u32,
    pub monthly_targets: Vec<MonthlyTarget>,
    /// The caseload the municipality aims for, in children per caseworker (Assens 25, Borås 15–22,
    /// Herning 22–25). None until one is chosen.
    pub caseload_band: Option<CaseloadBand>,
}

/// Children per caseworker, from `min` to `max` inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseloadBand {
    pub min: u32,
    pub max: u32,
}

impl Default for FollowUpRules {
    fn default() -> Self {
        FollowUpRules {
            first_within_months: 3,
            placement_per_year: 3,
            preventive_per_year: 4,
            due_soon_days: 14,
            monthly_targets: vec![MonthlyTarget {
                meeting_type: MeetingType::FamilyGroupConference,
                min: 5,
                max: 10,
            }],
            caseload_band: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct MonthlyTarget {
    pub meeting_type: MeetingType,
    pub min: u32,
    pub max: u32,
}
