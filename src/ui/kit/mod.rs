//! The app's UI kit: one component or helper for each piece of UI the pages share (the form field, the
//! file field, a form's errors, the chart frame, field lengths, the behaviour every field shares, the
//! undoable edit, the stored workspaces, the sub-navigation, undo and redo, the confirm button, the print
//! frame, moving the focus, long lists drawn in two steps, the progress bar of long work).

pub mod chart;
pub mod confirm;
pub mod edit;
pub mod errors;
pub mod field;
pub mod file_field;
pub mod focus;
pub mod limits;
pub mod nav;
pub mod print;
pub mod progress;
pub mod progressive;
pub mod stored;
pub mod text_limit;
pub mod undo;
