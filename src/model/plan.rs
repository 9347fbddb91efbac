//! The action plan (handleplan): political goals, strategic tracks, numbered initiatives with a dated status
//! history, indicators and a time and process plan.

use super::revision::Revisions;
use super::{new_id, now, Id, Kroner};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActionPlan {
    pub title: String,
    pub period: String,
    pub goals: Vec<Goal>,
    pub tracks: Vec<Track>,
    pub initiatives: Vec<Initiative>,
    pub indicators: Vec<Indicator>,
    pub timeline: Vec<TimelineRow>,
    /// Initiatives without a note for longer than this are flagged as stale.
    pub stale_after_days: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    pub number: String,
    pub title: String,
    pub description: String,
    pub success_criteria: String,
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

impl Default for Goal {
    fn default() -> Self {
        let t = now();
        Goal {
            id: new_id(),
            number: String::new(),
            title: String::new(),
            description: String::new(),
            success_criteria: String::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Track {
    pub id: Id,
    pub number: String,
    pub title: String,
    pub description: String,
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

impl Default for Track {
    fn default() -> Self {
        let t = now();
        Track {
            id: new_id(),
            number: String::new(),
            title: String::new(),
            description: String::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatus {
    #[default]
    NotStarted,
    InProgress,
    Delayed,
    Done,
    Paused,
    Dropped,
}

impl InitiativeStatus {
    pub const ALL: [InitiativeStatus; 6] = [
        InitiativeStatus::NotStarted,
        InitiativeStatus::InProgress,
        InitiativeStatus::Delayed,
        InitiativeStatus::Done,
        InitiativeStatus::Paused,
        InitiativeStatus::Dropped,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BudgetLine {
    pub year: i32,
    pub amount: Kroner,
}

/// An earlier wording of a status note; an edit never throws the old text away.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct NoteRevision {
    pub text: String,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub replaced_at: DateTime<Utc>,
}

/// A dated entry in an initiative's history: a status change, a note, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StatusNote {
    pub id: Id,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub date: Option<NaiveDate>,
    pub author: String,
    /// The status set by this entry, if it changed the status.
    pub status: Option<InitiativeStatus>,
    pub text: String,
    pub earlier_versions: Vec<NoteRevision>,
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
}

impl Default for StatusNote {
    fn default() -> Self {
        let t = now();
        StatusNote {
            id: new_id(),
            date: None,
            author: String::new(),
            status: None,
            text: String::new(),
            earlier_versions: Vec::new(),
            created_at: t,
            updated_at: t,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Initiative {
    pub id: Id,
    /// "1.1", "6A" …
    pub number: String,
    /// Sub-items (6A under 6) point at their parent.
    pub parent_id: Option<Id>,
    pub title: String,
    pub description: String,
    pub goal_id: Option<Id>,
    pub track_id: Option<Id>,
    pub owner: String,
    pub committee: String,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub start: Option<NaiveDate>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub deadline: Option<NaiveDate>,
    /// Free-text period where no dates are known ("2019-2020").
    pub period: String,
    pub budget: Vec<BudgetLine>,
    pub intervention_ids: Vec<Id>,
    pub status: InitiativeStatus,
    pub history: Vec<StatusNote>,
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

impl Default for Initiative {
    fn default() -> Self {
        let t = now();
        Initiative {
            id: new_id(),
            number: String::new(),
            parent_id: None,
            title: String::new(),
            description: String::new(),
            goal_id: None,
            track_id: None,
            owner: String::new(),
            committee: String::new(),
            start: None,
            deadline: None,
            period: String::new(),
            budget: Vec::new(),
            intervention_ids: Vec::new(),
            status: InitiativeStatus::default(),
            history: Vec::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct IndicatorValue {
    pub id: Id,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub date: Option<NaiveDate>,
    pub value: f64,
    pub note: String,
}

impl Default for IndicatorValue {
    fn default() -> Self {
        IndicatorValue {
            id: new_id(),
            date: None,
            value: 0.0,
            note: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Indicator {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub baseline: Option<f64>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub target_date: Option<NaiveDate>,
    pub goal_id: Option<Id>,
    pub initiative_id: Option<Id>,
    pub values: Vec<IndicatorValue>,
    /// The baseline, target and values are made up (a built-in example's illustration), not a
    /// municipality's own; the screens and prints that show them say so. Left out of files when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub made_up: bool,
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

impl Default for Indicator {
    fn default() -> Self {
        let t = now();
        Indicator {
            id: new_id(),
            name: String::new(),
            unit: String::new(),
            baseline: None,
            baseline_date: None,
            target: None,
            target_date: None,
            goal_id: None,
            initiative_id: None,
            values: Vec::new(),
            made_up: false,
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

/// One row of a time and process plan (København 2011 style): period → activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TimelineRow {
    pub id: Id,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub start: Option<NaiveDate>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub end: Option<NaiveDate>,
    /// The period as written ("Efterår 2011").
    pub period_label: String,
    pub activity: String,
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

impl Default for TimelineRow {
    fn default() -> Self {
        let t = now();
        TimelineRow {
            id: new_id(),
            start: None,
            end: None,
            period_label: String::new(),
            activity: String::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}
