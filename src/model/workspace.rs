//! A workspace: one municipality's (or one workshop's) staircase, meetings and action plan.

use super::{
    new_id, now, ActionPlan, FollowUpRules, Id, Meeting, MeetingTemplate, SetAside, Staircase,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Workspace {
    pub id: Id,
    pub name: String,
    pub municipality: String,
    pub description: String,
    pub staircase: Staircase,
    pub meetings: Vec<Meeting>,
    pub meeting_templates: Vec<MeetingTemplate>,
    pub follow_up: FollowUpRules,
    pub plan: ActionPlan,
    /// What a file or stored copy held that broke a rule or could not be read: kept here as it was, so
    /// repairing it on load never loses anything. The user can download and remove each entry.
    pub set_aside: Vec<SetAside>,
    /// Deletions and the versions of records a merge kept beside the ones shown (`branches`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<super::branches::Branch>,
    /// The day the workspace is seen from, when it is not today: a built-in example is shown as of its own
    /// date (Køge's plan as of 8 May 2019), so deadlines, notes gone stale, due follow-ups and the meetings of
    /// the last twelve months are counted from that day, not from today. `None` (and absent in files):
    /// today.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub as_of: Option<NaiveDate>,
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

impl Default for Workspace {
    fn default() -> Self {
        let t = now();
        Workspace {
            id: new_id(),
            name: String::new(),
            municipality: String::new(),
            description: String::new(),
            staircase: Staircase::default(),
            meetings: Vec::new(),
            meeting_templates: Vec::new(),
            follow_up: FollowUpRules::default(),
            plan: ActionPlan {
                stale_after_days: 60,
                ..ActionPlan::default()
            },
            set_aside: Vec::new(),
            branches: Vec::new(),
            as_of: None,
            created_at: t,
            updated_at: t,
        }
    }
}

impl Workspace {
    pub fn new(name: impl Into<String>) -> Self {
        Workspace {
            name: name.into(),
            ..Workspace::default()
        }
    }

    /// The day the workspace is seen from: its `as_of` date, else `today`.
    pub fn seen_from(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    /// The names of the measurements and of the indicators whose numbers are marked made up, in their order.
    pub fn made_up(&self) -> (Vec<String>, Vec<String>) {
        (
            self.staircase
                .measurements
                .iter()
                .filter(|m| m.made_up)
                .map(|m| m.name.clone())
                .collect(),
            self.plan
                .indicators
                .iter()
                .filter(|i| i.made_up)
                .map(|i| i.name.clone())
                .collect(),
        )
    }

    /// A copy with fresh ids everywhere the workspace itself is concerned, so it can live beside the original.
    pub fn duplicate(&self, name: impl Into<String>) -> Self {
        let t = now();
        Workspace {
            id: new_id(),
            name: name.into(),
            created_at: t,
            updated_at: t,
            ..self.clone()
        }
    }
}
