//! One undoable edit of a part of the workspace (the staircase, the plan): a copy is changed by a model
//! operation, the difference is dispatched as one command, rebased on the versions a form opened and with
//! whatever the edit removes detached from meetings and the plan in the same step. Nothing changes when the
//! operation or the command is refused.

use crate::app::{session, AppState};
use crate::model::commands::Command;
use crate::model::field_path::FieldPath;
use crate::model::Workspace;
use crate::text;
use crate::ui::common::FormMerge;

/// Why an edit did not happen.
#[derive(Debug)]
pub enum Refused<E> {
    /// The model operation refused it.
    Rule(E),
    /// No workspace is open, or the command was refused: about the named field (the model's name) or none.
    Message {
        field: Option<FieldPath>,
        message: String,
    },
}

/// Applies `f` to a copy of the part `part` reads and dispatches the difference `delta` finds. With a form's
/// `merge`, `Ok(None)` while the user chooses between values both changed.
pub fn apply<S: Clone, T, E>(
    app: AppState,
    merge: Option<FormMerge>,
    part: impl FnOnce(&Workspace) -> S,
    delta: impl FnOnce(&S, &S) -> Vec<Command>,
    f: impl FnOnce(&mut S) -> Result<T, E>,
) -> Result<Option<T>, Refused<E>> {
    let no_workspace = || Refused::Message {
        field: None,
        message: text::ui::NO_WORKSPACE.to_string(),
    };
    let before = app.read_untracked(part).ok_or_else(no_workspace)?;
    let mut after = before.clone();
    let out = f(&mut after).map_err(Refused::Rule)?;
    let cmd = Command::batch(delta(&before, &after));
    let cmd = match merge {
        Some(m) => match m.rebase(app, cmd) {
            Some(cmd) => cmd,
            None => return Ok(None),
        },
        None => cmd,
    };
    let cmd = app
        .read_untracked(|w| crate::model::delete::with_detach(w, cmd))
        .ok_or_else(no_workspace)?;
    session::dispatch(app, cmd).map_err(|e| match crate::ui::common::field_error(&e) {
        Some((field, message)) => Refused::Message {
            field: Some(field),
            message,
        },
        None => Refused::Message {
            field: None,
            message: text::ui::command_error(&e),
        },
    })?;
    Ok(Some(out))
}
