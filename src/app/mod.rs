//! The running app's state and the session logic between the UI, the model and storage. Components read
//! `AppState` from context and call `session` functions; they never touch storage themselves.
//!
//! May import `session`, `storage`, `file_format`, `model`, `browser` and `text`; never `ui`.

pub mod core;
pub mod drafts;
pub mod linked_copy;
pub mod session;
pub mod state;
pub mod updates;

pub use state::{use_app, AppState, Banner, Part, SaveState, StorageMode};

/// Starts the app's shell once: storage and the session, the update check, and the linked copy.
pub fn boot(app: AppState) {
    session::boot(app);
    updates::start(app);
    linked_copy::boot(app);
}
