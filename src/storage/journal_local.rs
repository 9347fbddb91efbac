//! The session journal in localStorage: synchronous, so an edit is written before the click's handler
//! returns and survives the tab closing at once. Small: only records not yet confirmed in IndexedDB.
//!
//! Each tab writes its own key (`trappe.journal.<workspace>.<tab>`), so two tabs on one workspace never
//! overwrite each other's journal. Opening a workspace reads every tab's journal for it (a closed tab's
//! edits come back; a live tab's are merged, which its own next save does anyway), and clearing removes this
//! tab's journal and the ones it has brought back, never a journal written after that.

use crate::model::Id;
use crate::session::{Found, Journal, JournalError, JournalFile};
use std::cell::RefCell;

const PREFIX: &str = "trappe.journal.";

pub struct LocalJournal {
    tab: String,
    /// Other tabs' journal keys this tab has read (and so brought onto its copy).
    taken: RefCell<Vec<String>>,
}

impl LocalJournal {
    pub fn new(tab: String) -> Self {
        LocalJournal {
            tab,
            taken: RefCell::new(Vec::new()),
        }
    }

    fn own_key(&self, workspace: Id) -> String {
        format!("{PREFIX}{workspace}.{}", self.tab)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every journal key of `workspace`, any tab's.
fn keys_of(s: &web_sys::Storage, workspace: Id) -> Vec<String> {
    let prefix = format!("{PREFIX}{workspace}.");
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect()
}

impl Journal for LocalJournal {
    fn read_all(&self, workspace: Id) -> Vec<Found> {
        let Some(s) = storage() else {
            return Vec::new();
        };
        let own = self.own_key(workspace);
        let mut found = Vec::new();
        for key in keys_of(&s, workspace) {
            let Some(text) = s.get_item(&key).ok().flatten() else {
                continue;
            };
            // A journal that cannot be read is returned as text, to be set aside; it is removed (with the
            // others this tab took) only once that is stored.
            found.push(Found::from_text(&text));
            if key != own {
                self.taken.borrow_mut().push(key);
            }
        }
        found
    }

    fn write(&self, workspace: Id, file: &JournalFile) -> Result<(), JournalError> {
        let s = storage().ok_or_else(|| JournalError("localStorage unavailable".into()))?;
        let text = serde_json::to_string(file).map_err(|e| JournalError(e.to_string()))?;
        s.set_item(&self.own_key(workspace), &text)
            .map_err(|e| JournalError(format!("{e:?}")))
    }

    fn clear(&self, workspace: Id) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&self.own_key(workspace));
            let prefix = format!("{PREFIX}{workspace}.");
            let mut taken = self.taken.borrow_mut();
            taken.retain(|k| {
                if k.starts_with(&prefix) {
                    let _ = s.remove_item(k);
                    false
                } else {
                    true
                }
            });
        }
    }
}
