//! One undoable edit of a part of the workspace (the staircase, the plan): a copy is changed by a model
//! operation, the difference is dispatched as one command, rebased on the versions a form opened and with
//! whatever the edit removes detached from meetings and the plan in the same step. Nothing changes when the
//! operation or the command is refused.

use crate::app::{session, AppState};
use crate::model::commands::Command;
use crate::model::Workspace;
use crate::text;
use crate::ui::common::FormMerge;
use crate::ui::kit::errors::{FieldError, FormRule};

/// Applies `f` to a copy of the part `part` reads and dispatches the difference `delta` finds. With a form's
/// `merge`, `Ok(None)` while the user chooses between values both changed. A refused operation or command
/// comes back as the error to show, at its field where the area's form has one.
pub fn apply<S: Clone, T, E: FormRule>(
    app: AppState,
    merge: Option<FormMerge>,
    part: impl FnOnce(&Workspace) -> S,
    delta: impl FnOnce(&S, &S) -> Vec<Command>,
    f: impl FnOnce(&mut S) -> Result<T, E>,
) -> Result<Option<T>, FieldError<E::Field>> {
    let no_workspace = || FieldError::general(text::ui::NO_WORKSPACE);
    let before = app.read_untracked(part).ok_or_else(no_workspace)?;
    let mut after = before.clone();
    let out = f(&mut after).map_err(E::error)?;
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
        Some((field, message)) => FieldError {
            field: E::field_of(&field),
            message,
        },
        None => FieldError::general(text::ui::command_error(&e)),
    })?;
    Ok(Some(out))
}
