//! One undoable edit of a part of the workspace (the staircase, the plan): the model makes the operation's
//! command (`model::edit::command`); this dispatches it, rebased on the versions a form opened and with
//! whatever the edit removes detached from meetings and the plan in the same step. Nothing changes when the
//! operation or the command is refused.

use crate::app::{session, AppState};
use crate::model::edit::{self, Part};
use crate::text;
use crate::ui::common::FormMerge;
use crate::ui::kit::errors::{FieldError, FormRule};

/// Dispatches operation `f` on part `P` (the plan, the staircase) as one undoable command. A refused
/// operation or command comes back as the error to show, at its field where the area's form has one;
/// nothing changes then.
pub fn edit<P: Part, T, E: FormRule>(
    app: AppState,
    f: impl FnOnce(&mut P) -> Result<T, E>,
) -> Result<T, FieldError<E::Field>> {
    apply(app, None, f).map(|done| done.expect("an edit without a form is never asked"))
}

/// A form's `edit`, on the versions of the records it opened (`merge`): what changed meanwhile is kept,
/// and `Ok(None)` while the user chooses between values both changed.
pub fn edit_form<P: Part, T, E: FormRule>(
    app: AppState,
    merge: FormMerge,
    f: impl FnOnce(&mut P) -> Result<T, E>,
) -> Result<Option<T>, FieldError<E::Field>> {
    apply(app, Some(merge), f)
}

fn apply<P: Part, T, E: FormRule>(
    app: AppState,
    merge: Option<FormMerge>,
    f: impl FnOnce(&mut P) -> Result<T, E>,
) -> Result<Option<T>, FieldError<E::Field>> {
    let no_workspace = || FieldError::general(text::ui::NO_WORKSPACE);
    let (out, cmd) = app
        .read_untracked(|w| edit::command(w, f))
        .ok_or_else(no_workspace)?
        .map_err(E::error)?;
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
