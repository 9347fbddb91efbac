//! The journal: every edit not yet confirmed in storage, written synchronously at the moment it is made, so
//! an edit survives the tab closing at any moment after the click (the asynchronous IndexedDB save may not
//! finish). On the next start, and whenever a save meets a newer stored copy, the journal's records are
//! brought onto the stored copy with `model::merge::rebase`.
//!
//! The journal holds records, not commands: for every record changed since the last confirmed save, its
//! stored version (`base`) and its version now (`mine`). Replaying it is therefore idempotent, and a record
//! another tab changed meanwhile is merged field by field.

use crate::model::merge::{combine_changes, RecordChange, SettingChange};
use crate::model::sorting::StableSort;
use crate::model::Id;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JournalFile {
    pub workspace: Option<Id>,
    /// The stored revision the edits were made on.
    pub base_revision: u64,
    /// When it was written: where several tabs' journals change the same field, the latest wins.
    pub written_at: Option<chrono::DateTime<chrono::Utc>>,
    pub records: Vec<RecordChange>,
    pub settings: Vec<SettingChange>,
    /// The tab that wrote it (empty in journals written before it was kept): one tab's later journal
    /// replaces its earlier one, while two tabs' changes of one record are merged field by field.
    pub tab: String,
}

impl JournalFile {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.settings.is_empty()
    }

    /// Several journals of one workspace as one. Within one tab (its copies in the journal store and in
    /// localStorage, and journals written before the tab was kept, taken as one tab) the latest version of
    /// a record or setting stands. Between tabs, a record both changed is merged field by field
    /// (`combine_changes`): each keeps the fields it changed, the later tab wins a field both changed.
    pub fn combine(mut files: Vec<JournalFile>) -> Option<JournalFile> {
        files.stable_sort_by_key(|f| f.written_at);
        let mut out = JournalFile::default();
        // Each tab's latest changes, and when it last wrote.
        let mut tabs: Vec<(
            String,
            Option<chrono::DateTime<chrono::Utc>>,
            Vec<RecordChange>,
        )> = Vec::new();
        let mut settings: Vec<SettingChange> = Vec::new();
        for f in files {
            out.workspace = out.workspace.or(f.workspace);
            out.base_revision = out.base_revision.max(f.base_revision);
            out.written_at = out.written_at.max(f.written_at);
            let i = match tabs.iter().position(|(t, _, _)| *t == f.tab) {
                Some(i) => i,
                None => {
                    tabs.push((f.tab.clone(), None, Vec::new()));
                    tabs.len() - 1
                }
            };
            tabs[i].1 = f.written_at;
            let records = &mut tabs[i].2;
            for r in f.records {
                match records.iter_mut().find(|x| x.record == r.record) {
                    Some(x) => x.mine = r.mine,
                    None => records.push(r),
                }
            }
            for s in f.settings {
                match settings.iter_mut().find(|x| x.setting == s.setting) {
                    Some(x) => x.mine = s.mine,
                    None => settings.push(s),
                }
            }
        }
        // The tab that wrote last wins a field both changed.
        tabs.stable_sort_by_key(|(_, written, _)| *written);
        let mut records: Vec<RecordChange> = Vec::new();
        for (_, _, changes) in tabs {
            for r in changes {
                match records.iter_mut().find(|x| x.record == r.record) {
                    // Two tabs changed it: both keep the fields they changed.
                    Some(x) => x.mine = combine_changes(x, &r),
                    None => records.push(r),
                }
            }
        }
        out.records = records;
        out.settings = settings;
        (!out.is_empty()).then_some(out)
    }
}

/// A journal as found in storage: read, or, when it cannot be read (cut off, damaged), its text, which is
/// set aside in the workspace rather than dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Read(JournalFile),
    Unreadable(String),
}

impl Found {
    /// Reads a journal's stored text.
    pub fn from_text(text: &str) -> Found {
        // `from_slice`, like every typed read of text (see `file_format::parts`).
        match serde_json::from_slice::<JournalFile>(text.as_bytes()) {
            Ok(j) => Found::Read(j),
            Err(_) => Found::Unreadable(text.to_string()),
        }
    }
}

/// Why the journal could not be written (the browser's storage for it is full or blocked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalError(pub String);

/// Synchronous, small, per-workspace storage (localStorage in the browser).
pub trait Journal {
    /// Every journal of `workspace` (every tab's), as found.
    fn read_all(&self, workspace: Id) -> Vec<Found>;
    /// The readable journals of `workspace`, as one.
    fn read(&self, workspace: Id) -> Option<JournalFile> {
        JournalFile::combine(
            self.read_all(workspace)
                .into_iter()
                .filter_map(|f| match f {
                    Found::Read(j) => Some(j),
                    Found::Unreadable(_) => None,
                })
                .collect(),
        )
    }
    fn write(&self, workspace: Id, file: &JournalFile) -> Result<(), JournalError>;
    fn clear(&self, workspace: Id);
}

/// A journal in memory, for tests (and for browsers that refuse localStorage: then edits live as long as
/// the tab, which the app says).
#[derive(Default)]
pub struct MemoryJournal {
    files: RefCell<BTreeMap<Id, String>>,
    /// Makes every write fail, as a full localStorage does.
    pub refuse: std::cell::Cell<bool>,
}

impl MemoryJournal {
    /// Stores a journal's text as it is (a damaged one, for tests).
    pub fn put_text(&self, workspace: Id, text: &str) {
        self.files.borrow_mut().insert(workspace, text.to_string());
    }
}

impl Journal for MemoryJournal {
    fn read_all(&self, workspace: Id) -> Vec<Found> {
        self.files
            .borrow()
            .get(&workspace)
            .map(|t| Found::from_text(t))
            .into_iter()
            .collect()
    }

    fn write(&self, workspace: Id, file: &JournalFile) -> Result<(), JournalError> {
        if self.refuse.get() {
            return Err(JournalError("refused".into()));
        }
        let text = serde_json::to_string(file).map_err(|e| JournalError(e.to_string()))?;
        self.files.borrow_mut().insert(workspace, text);
        Ok(())
    }

    fn clear(&self, workspace: Id) {
        self.files.borrow_mut().remove(&workspace);
    }
}

impl<J: Journal> Journal for std::rc::Rc<J> {
    fn read_all(&self, workspace: Id) -> Vec<Found> {
        (**self).read_all(workspace)
    }
    fn write(&self, workspace: Id, file: &JournalFile) -> Result<(), JournalError> {
        (**self).write(workspace, file)
    }
    fn clear(&self, workspace: Id) {
        (**self).clear(workspace)
    }
}
