//! The session journal in localStorage: synchronous, so an edit is written before the click's handler
//! returns and survives the tab closing at once. One key per workspace; small (only unsaved records).

use crate::model::Id;
use crate::session::{Journal, JournalError, JournalFile};

const PREFIX: &str = "trappe.journal.";

#[derive(Default)]
pub struct LocalJournal;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Journal for LocalJournal {
    fn read(&self, workspace: Id) -> Option<JournalFile> {
        let text = storage()?
            .get_item(&format!("{PREFIX}{workspace}"))
            .ok()??;
        // A journal that cannot be read is kept (not removed) and ignored; the stored copy opens as it is.
        serde_json::from_str(&text).ok()
    }

    fn write(&self, workspace: Id, file: &JournalFile) -> Result<(), JournalError> {
        let s = storage().ok_or_else(|| JournalError("localStorage unavailable".into()))?;
        let text = serde_json::to_string(file).map_err(|e| JournalError(e.to_string()))?;
        s.set_item(&format!("{PREFIX}{workspace}"), &text)
            .map_err(|e| JournalError(format!("{e:?}")))
    }

    fn clear(&self, workspace: Id) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&format!("{PREFIX}{workspace}"));
        }
    }
}
