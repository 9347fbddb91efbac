//! Every edit is a `Command` applied by the pure `apply`. It returns the inverse command, so undo and redo are
//! two stacks of commands and never hold copies of the whole workspace.

use super::{now, ActionPlan, Id, Meeting, MeetingTemplate, Staircase, Workspace};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetWorkspaceInfo {
        name: String,
        municipality: String,
        description: String,
    },
    /// Staircase edits replace the (small) staircase as a whole; the inverse holds the earlier one.
    ReplaceStaircase(Staircase),
    /// Insert or replace a meeting by id.
    PutMeeting(Meeting),
    RemoveMeeting(Id),
    /// Put back a removed meeting at its old position.
    RestoreMeeting {
        index: usize,
        meeting: Meeting,
    },
    ReplaceTemplates(Vec<MeetingTemplate>),
    ReplacePlan(ActionPlan),
    ReplaceFollowUp(super::FollowUpRules),
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("the workspace name is empty")]
    EmptyName,
    #[error("no record with id {0}")]
    NotFound(Id),
}

/// Applies `cmd` to `ws` and returns the command that undoes it. On error `ws` is unchanged.
pub fn apply(ws: &mut Workspace, cmd: Command) -> Result<Command, DomainError> {
    let inverse = match cmd {
        Command::SetWorkspaceInfo {
            name,
            municipality,
            description,
        } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(DomainError::EmptyName);
            }
            Command::SetWorkspaceInfo {
                name: std::mem::replace(&mut ws.name, name),
                municipality: std::mem::replace(&mut ws.municipality, municipality),
                description: std::mem::replace(&mut ws.description, description),
            }
        }
        Command::ReplaceStaircase(s) => {
            Command::ReplaceStaircase(std::mem::replace(&mut ws.staircase, s))
        }
        Command::PutMeeting(mut m) => {
            m.updated_at = now();
            match ws.meetings.iter().position(|x| x.id == m.id) {
                Some(i) => Command::PutMeeting(std::mem::replace(&mut ws.meetings[i], m)),
                None => {
                    let id = m.id;
                    ws.meetings.push(m);
                    Command::RemoveMeeting(id)
                }
            }
        }
        Command::RemoveMeeting(id) => {
            let index = ws
                .meetings
                .iter()
                .position(|x| x.id == id)
                .ok_or(DomainError::NotFound(id))?;
            let meeting = ws.meetings.remove(index);
            Command::RestoreMeeting { index, meeting }
        }
        Command::RestoreMeeting { index, meeting } => {
            let id = meeting.id;
            let index = index.min(ws.meetings.len());
            ws.meetings.insert(index, meeting);
            Command::RemoveMeeting(id)
        }
        Command::ReplaceTemplates(t) => {
            Command::ReplaceTemplates(std::mem::replace(&mut ws.meeting_templates, t))
        }
        Command::ReplacePlan(p) => Command::ReplacePlan(std::mem::replace(&mut ws.plan, p)),
        Command::ReplaceFollowUp(f) => {
            Command::ReplaceFollowUp(std::mem::replace(&mut ws.follow_up, f))
        }
    };
    ws.updated_at = now();
    Ok(inverse)
}

/// Bounded undo and redo stacks of inverse commands.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

impl History {
    const LIMIT: usize = 100;

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies a new edit; a fresh edit clears the redo stack.
    pub fn perform(&mut self, ws: &mut Workspace, cmd: Command) -> Result<(), DomainError> {
        let inverse = apply(ws, cmd)?;
        self.undo.push(inverse);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    pub fn undo(&mut self, ws: &mut Workspace) -> Result<bool, DomainError> {
        let Some(cmd) = self.undo.pop() else {
            return Ok(false);
        };
        let inverse = apply(ws, cmd)?;
        self.redo.push(inverse);
        Ok(true)
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Result<bool, DomainError> {
        let Some(cmd) = self.redo.pop() else {
            return Ok(false);
        };
        let inverse = apply(ws, cmd)?;
        self.undo.push(inverse);
        Ok(true)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_and_undo_restores_the_old_name() {
        let mut ws = Workspace::new("Køge");
        let mut h = History::default();
        h.perform(
            &mut ws,
            Command::SetWorkspaceInfo {
                name: "  Køge 2019 ".into(),
                municipality: "Køge".into(),
                description: String::new(),
            },
        )
        .unwrap();
        assert_eq!(ws.name, "Køge 2019");
        assert!(h.undo(&mut ws).unwrap());
        assert_eq!(ws.name, "Køge");
        assert!(h.redo(&mut ws).unwrap());
        assert_eq!(ws.name, "Køge 2019");
        assert_eq!(ws.municipality, "Køge");
    }

    #[test]
    fn empty_name_is_refused_and_changes_nothing() {
        let mut ws = Workspace::new("Køge");
        let before = ws.clone();
        let err = apply(
            &mut ws,
            Command::SetWorkspaceInfo {
                name: "   ".into(),
                municipality: String::new(),
                description: String::new(),
            },
        );
        assert_eq!(err, Err(DomainError::EmptyName));
        assert_eq!(ws, before);
    }

    #[test]
    fn meeting_add_remove_undo_keeps_position() {
        let mut ws = Workspace::new("x");
        let mut h = History::default();
        let a = Meeting {
            case_ref: "A".into(),
            ..Meeting::default()
        };
        let b = Meeting {
            case_ref: "B".into(),
            ..Meeting::default()
        };
        h.perform(&mut ws, Command::PutMeeting(a.clone())).unwrap();
        h.perform(&mut ws, Command::PutMeeting(b.clone())).unwrap();
        h.perform(&mut ws, Command::RemoveMeeting(a.id)).unwrap();
        assert_eq!(ws.meetings.len(), 1);
        h.undo(&mut ws).unwrap();
        assert_eq!(ws.meetings[0].case_ref, "A");
        assert_eq!(ws.meetings[1].case_ref, "B");
        h.undo(&mut ws).unwrap();
        h.undo(&mut ws).unwrap();
        assert!(ws.meetings.is_empty());
        assert!(!h.can_undo());
        assert_eq!(
            apply(&mut ws, Command::RemoveMeeting(a.id)),
            Err(DomainError::NotFound(a.id))
        );
    }
}
