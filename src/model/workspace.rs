//! A workspace: one municipality's (or one workshop's) staircase, meetings and action plan.

use super::{new_id, now, ActionPlan, FollowUpRules, Id, Meeting, MeetingTemplate, Staircase};
use chrono::{DateTime, Utc};
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One record (or value) as it was found, before it was repaired or left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SetAside {
    pub id: Id,
    /// Where it was in the file: `workspace.meetings[17]`.
    pub found_at: String,
    /// What was wrong and what was done, in Danish, for the user.
    pub what: String,
    /// Whether a repaired version is in the workspace (else the record was left out).
    pub repaired: bool,
    /// The original JSON text.
    pub original: String,
    pub set_aside_at: DateTime<Utc>,
}

impl Default for SetAside {
    fn default() -> Self {
        SetAside {
            id: new_id(),
            found_at: String::new(),
            what: String::new(),
            repaired: false,
            original: String::new(),
            set_aside_at: now(),
        }
    }
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
