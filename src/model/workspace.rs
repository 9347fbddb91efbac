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

/// Which of two copies of the same workspace (same id) holds the later edit: a file being imported
/// against the copy in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewerCopy {
    File,
    Here,
    /// Last edited at the same moment: most likely the same content (a file exported from here).
    Same,
}

/// Compares the copies' last edits. `here` is `None` for a stored copy from before edit times were kept;
/// then only its save time is known, which is never earlier than its last edit.
pub fn newer_copy(
    file_edited: DateTime<Utc>,
    here_edited: Option<DateTime<Utc>>,
    here_saved: DateTime<Utc>,
) -> NewerCopy {
    match here_edited {
        // Edit times are kept to the millisecond, in files and in storage alike.
        Some(h) if (h - file_edited).num_milliseconds() == 0 => NewerCopy::Same,
        Some(h) if h > file_edited => NewerCopy::Here,
        Some(_) => NewerCopy::File,
        None if here_saved >= file_edited => NewerCopy::Here,
        None => NewerCopy::File,
    }
}

#[cfg(test)]
mod copy_tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
    }

    #[test]
    fn the_later_edit_is_newer() {
        assert_eq!(
            newer_copy(at(10, 0), Some(at(11, 0)), at(11, 1)),
            NewerCopy::Here
        );
        assert_eq!(
            newer_copy(at(12, 0), Some(at(11, 0)), at(11, 1)),
            NewerCopy::File
        );
        assert_eq!(
            newer_copy(at(10, 0), Some(at(10, 0)), at(13, 0)),
            NewerCopy::Same,
            "an export of what is here, saved again later without edits"
        );
        assert_eq!(
            newer_copy(
                at(10, 0),
                Some(at(10, 0) + chrono::Duration::milliseconds(300)),
                at(13, 0)
            ),
            NewerCopy::Here,
            "an edit right after the export"
        );
        // Without a known edit time, a save after the file's last edit means here holds at least as much.
        assert_eq!(newer_copy(at(10, 0), None, at(10, 30)), NewerCopy::Here);
        assert_eq!(newer_copy(at(10, 0), None, at(9, 30)), NewerCopy::File);
    }
}
