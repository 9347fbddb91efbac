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
    pub created_at: DateTime<Utc>,
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
