//! Browser storage behind one small interface. A workspace is kept in parts (see `file_format::parts`): a
//! save writes only the parts an edit changed, in one transaction, and loading puts the parts back together
//! through the file import, so stored copies get the same checks and repairs as files. A small meta record
//! per workspace (name, revision, export stamp, trash) makes the list cheap. Settings go to localStorage.
//!
//! Every save names the revision it was based on; a save over a newer revision (another tab) is refused
//! with `Conflict` instead of overwriting it. Workspaces written by the first version (one whole JSON body)
//! still load, and move to parts on their next save.
//!
//! May import `file_format` and `model`; it implements `session`'s `Journal` trait.

#[cfg(target_arch = "wasm32")]
pub mod indexed_db;
#[cfg(target_arch = "wasm32")]
pub mod journal_local;
pub mod linked_copy;
pub mod memory;
#[cfg(target_arch = "wasm32")]
pub mod settings;
#[cfg(target_arch = "wasm32")]
pub mod tab_sync;

use crate::file_format::pace::Pace;
use crate::file_format::parts::{read_parts, WriteSet};
use crate::file_format::{read_stored_workspace, ImportError, Imported};
use crate::model::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredMeta {
    pub id: Id,
    pub name: String,
    /// Counts saves; a save must name the revision it started from.
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    #[serde(default)]
    pub last_exported_at: Option<DateTime<Utc>>,
    /// In the trash since then; the body is kept until the trash is emptied.
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Size of the stored workspace (all its parts).
    #[serde(default)]
    pub bytes: usize,
    /// When the workspace was last edited (its `updated_at`), to tell which of two copies is newer.
    /// Absent in lists written before it existed.
    #[serde(default)]
    pub edited_at: Option<DateTime<Utc>>,
}

/// A stored workspace as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredBody {
    /// The id it is stored under: the workspace's id, whatever its parts say.
    pub id: Id,
    pub revision: u64,
    /// The name in its meta record, when that could be read (for a workspace whose head cannot be).
    pub name: Option<String>,
    /// The workspace in parts, (key, JSON). A value the browser holds as something other than text is
    /// here as its JSON text.
    pub parts: Vec<(String, String)>,
    /// A whole-workspace JSON written by the first version, not yet saved in parts.
    pub legacy: Option<String>,
}

impl StoredBody {
    /// The workspace, through the same load path as a file, with the id it is stored under, read in
    /// slices at `pace`.
    pub async fn read(&self, pace: &Pace) -> Result<Imported, ImportError> {
        match &self.legacy {
            Some(json) if self.parts.is_empty() => {
                let mut imported = read_stored_workspace(json.as_bytes())?;
                imported.workspace.id = self.id;
                Ok(imported)
            }
            _ => read_parts(self.id, &self.parts, self.name.as_deref(), pace).await,
        }
    }

    /// Everything stored, as one JSON text, for downloading a copy that cannot be read.
    pub fn raw_text(&self) -> String {
        if let (Some(json), true) = (&self.legacy, self.parts.is_empty()) {
            return json.clone();
        }
        let map: serde_json::Map<String, serde_json::Value> = self
            .parts
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::json!({ "trappe_stored_parts": map }).to_string()
    }

    pub fn bytes(&self) -> usize {
        self.parts
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + self.legacy.as_ref().map_or(0, String::len)
    }
}

/// The meta of a stored workspace whose own meta record is missing or cannot be read, rebuilt from what
/// is stored: the name and times from its head (or its version-1 body), else the name from the unreadable
/// meta record, else a placeholder. Revision 0 is what a save then checks against: a workspace without a
/// readable meta has stored revision 0, and its first save writes a meta again.
pub fn rebuilt_meta(id: Id, head: Option<&str>, unreadable_meta: Option<&str>) -> StoredMeta {
    use serde_json::Value;
    let parse =
        |t: Option<&str>| t.and_then(|t| serde_json::from_slice::<Value>(t.as_bytes()).ok());
    let head = parse(head);
    let ws = head.as_ref().and_then(|h| h.get("workspace"));
    let text = |v: Option<&Value>, k: &str| {
        v.and_then(|v| v.get(k))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let time =
        |v: Option<&Value>, k: &str| text(v, k).and_then(|t| t.parse::<DateTime<Utc>>().ok());
    let old = parse(unreadable_meta);
    let name = text(ws, "name")
        .or_else(|| text(old.as_ref(), "name"))
        .unwrap_or_else(|| crate::model::set_aside::names::STORED_WITHOUT_NAME.to_string());
    let edited_at = time(ws, "updated_at");
    StoredMeta {
        id,
        name: name
            .chars()
            .take(crate::model::validation::MAX_NAME)
            .collect(),
        revision: 0,
        saved_at: time(head.as_ref(), "exported_at")
            .or(edited_at)
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
        last_exported_at: time(old.as_ref(), "last_exported_at"),
        deleted_at: time(old.as_ref(), "deleted_at"),
        bytes: 0,
        edited_at,
    }
}

/// The name a meta record's JSON gives, when it reads as JSON with a name but not as a meta.
pub fn name_in_meta(json: &str) -> Option<String> {
    serde_json::from_slice::<serde_json::Value>(json.as_bytes())
        .ok()?
        .get("name")?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// What a read-back after a save found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredCheck {
    pub revision: u64,
    pub parts: usize,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    #[error("quota exceeded")]
    QuotaExceeded,
    /// One value was larger than the browser stores.
    #[error("value too large")]
    TooLarge,
    /// The browser could not write to its disk (a transaction aborted, an I/O error): most often the disk
    /// is full. Chromium then closes the connection, so it is opened again before the next try.
    #[error("write failed: {0}")]
    WriteFailed(String),
    /// The connection to the database is closed or closing (after a disk error): it must be opened again.
    #[error("connection closed: {0}")]
    Closed(String),
    #[error("stored revision {stored} is newer than {base}")]
    Conflict { stored: u64, base: u64 },
    #[error("not found")]
    NotFound,
    /// A stored copy was found but could not be read as a workspace (what is wrong, as data).
    #[error("stored copy unreadable")]
    Unreadable(crate::file_format::ImportError),
    /// The read-back after a save did not find what was written.
    #[error("save not confirmed: expected revision {revision} with {parts} parts, found {found_revision} with {found_parts}")]
    NotConfirmed {
        revision: u64,
        parts: usize,
        found_revision: u64,
        found_parts: usize,
    },
    #[error("storage error: {0}")]
    Other(String),
}

impl StorageError {
    /// Sorts a browser's error text (a `DOMException`'s name and message): full storage, over-large
    /// values, a failed disk write and a closed connection get their own kinds, so the user is told what to
    /// do and the app knows to open the database again.
    pub fn from_browser(text: &str) -> Self {
        let lower = text.to_lowercase();
        if lower.contains("quota") {
            StorageError::QuotaExceeded
        } else if lower.contains("too large") || lower.contains("too big") {
            StorageError::TooLarge
        } else if lower.contains("connection is clos")
            || lower.contains("connection was closed")
            || lower.contains("invalidstateerror")
        {
            StorageError::Closed(text.to_string())
        } else if lower.contains("aborterror")
            || lower.contains("aborted")
            || lower.contains("unknownerror")
            || lower.contains("internal error")
            || lower.contains("i/o")
            || lower.contains("disk")
        {
            StorageError::WriteFailed(text.to_string())
        } else {
            StorageError::Other(text.to_string())
        }
    }

    /// Whether the connection should be opened again before the next try: after anything but a refusal
    /// that the data itself explains (another tab's newer save, a missing workspace).
    pub fn reopens(&self) -> bool {
        !matches!(
            self,
            StorageError::Conflict { .. } | StorageError::NotFound | StorageError::TooLarge
        )
    }
}

/// One tab's journal as the repository's journal store holds it (the JSON of a `JournalFile`, which may be
/// damaged: it is read as input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredJournal {
    pub tab: String,
    pub text: String,
}

/// A journal record that a save removes in the same transaction as it writes the parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalRemoval {
    pub tab: String,
    /// Remove it only while it still holds this text (another tab's journal, brought onto this copy when it
    /// was opened: if that tab has written since, its newer journal stays). `None`: this tab's own, whatever
    /// it holds (every edit journaled before the save began is in the parts it writes).
    pub if_text: Option<String>,
}

#[allow(async_fn_in_trait)]
pub trait Repository {
    /// Every workspace's meta, the trash included.
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError>;
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError>;
    /// Writes `write` and `meta` in one transaction if the stored revision is still `base_revision` (0: not
    /// stored yet). Returns the new revision.
    async fn save(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
    ) -> Result<u64, StorageError> {
        self.save_and_clear(meta, write, base_revision, &[]).await
    }
    /// `save`, and in the same transaction removes the journal records `journals` of the workspace, so the
    /// parts and the journal never both miss an edit.
    async fn save_and_clear(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
        journals: &[JournalRemoval],
    ) -> Result<u64, StorageError>;
    /// The stored revision and number of parts, read back after a save.
    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError>;
    /// Updates meta only (trash, export stamp, name), keeping the stored revision and size.
    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError>;
    /// Removes a workspace for good, its journals too.
    async fn delete(&self, id: Id) -> Result<(), StorageError>;
    /// Writes tab `tab`'s journal of `workspace` (a `JournalFile` as JSON) durably, at once, and reads it
    /// back: `Ok` only when the record read back is the text written. `NotFound` when storage does not hold
    /// the workspace itself (a journal alone could not bring it back).
    async fn put_journal(&self, workspace: Id, tab: &str, text: &str) -> Result<(), StorageError>;
    /// Every tab's journal of `workspace`.
    async fn journals(&self, workspace: Id) -> Result<Vec<StoredJournal>, StorageError>;
    /// Removes journal records of `workspace` (each only while it holds `if_text`, where given).
    async fn remove_journals(
        &self,
        workspace: Id,
        journals: &[JournalRemoval],
    ) -> Result<(), StorageError>;
    /// Drops the connection and opens the database again (after the browser closed it, as Chromium does
    /// after a failed write to a full disk).
    async fn reopen(&self) -> Result<(), StorageError>;
    /// After writes failed and then succeeded again: makes the database's files whole. A write cut off by
    /// a full disk leaves a torn record in Chromium's LevelDB log, and Chromium deletes the whole database
    /// when it next opens that log; writing enough to make LevelDB start a new log (and drop the old one)
    /// removes it while the data is still there.
    async fn seal(&self) -> Result<(), StorageError>;
}

impl<R: Repository> Repository for std::rc::Rc<R> {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        (**self).list().await
    }
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        (**self).load(id).await
    }
    async fn save_and_clear(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base: u64,
        journals: &[JournalRemoval],
    ) -> Result<u64, StorageError> {
        (**self).save_and_clear(meta, write, base, journals).await
    }
    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        (**self).check(id).await
    }
    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        (**self).put_meta(meta).await
    }
    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        (**self).delete(id).await
    }
    async fn put_journal(&self, workspace: Id, tab: &str, text: &str) -> Result<(), StorageError> {
        (**self).put_journal(workspace, tab, text).await
    }
    async fn journals(&self, workspace: Id) -> Result<Vec<StoredJournal>, StorageError> {
        (**self).journals(workspace).await
    }
    async fn remove_journals(
        &self,
        workspace: Id,
        journals: &[JournalRemoval],
    ) -> Result<(), StorageError> {
        (**self).remove_journals(workspace, journals).await
    }
    async fn reopen(&self) -> Result<(), StorageError> {
        (**self).reopen().await
    }
    async fn seal(&self) -> Result<(), StorageError> {
        (**self).seal().await
    }
}

#[cfg(test)]
mod tests {
    use super::{rebuilt_meta, StorageError};

    #[test]
    fn a_meta_is_rebuilt_from_the_head_then_the_unreadable_meta_then_a_placeholder() {
        let id = crate::model::new_id();
        let head = r#"{"format":"trappe-workspace","version":1,"exported_at":"2026-03-01T10:00:00Z",
            "workspace":{"name":"Køge","updated_at":"2026-02-01T09:00:00Z"}}"#;
        let m = rebuilt_meta(id, Some(head), Some(r#"{"name":"Gammel"}"#));
        assert_eq!((m.id, m.name.as_str(), m.revision), (id, "Køge", 0));
        assert_eq!(m.saved_at.to_rfc3339(), "2026-03-01T10:00:00+00:00");
        assert_eq!(
            m.edited_at.unwrap().to_rfc3339(),
            "2026-02-01T09:00:00+00:00"
        );
        let m = rebuilt_meta(
            id,
            Some("{junk"),
            Some(r#"{"name":"Fra listen","deleted_at":"2026-01-01T00:00:00Z"}"#),
        );
        assert_eq!(m.name, "Fra listen");
        assert!(
            m.deleted_at.is_some(),
            "a workspace in the trash stays there"
        );
        assert_eq!(
            rebuilt_meta(id, None, Some("{")).name,
            crate::model::set_aside::names::STORED_WITHOUT_NAME
        );
    }

    #[test]
    fn browser_errors_are_sorted_into_what_the_user_can_act_on() {
        assert_eq!(
            StorageError::from_browser(
                "UnknownError: The serialized keys and/or value are too large"
            ),
            StorageError::TooLarge
        );
        assert_eq!(
            StorageError::from_browser("QuotaExceededError: the quota has been exceeded"),
            StorageError::QuotaExceeded
        );
        assert!(matches!(
            StorageError::from_browser("Something else entirely"),
            StorageError::Other(_)
        ));
    }

    #[test]
    fn a_full_disk_and_a_closed_connection_get_their_own_kinds() {
        // What Chromium reports when the disk under the profile is full, and on every try after it.
        for text in [
            "DOM exception: AbortError: The transaction was aborted, so the request cannot be fulfilled.",
            "UnknownError: Internal error committing transaction.",
            "DOM exception: UnknownError: An I/O error occurred",
        ] {
            let e = StorageError::from_browser(text);
            assert!(matches!(e, StorageError::WriteFailed(_)), "{text}: {e:?}");
            assert!(e.reopens());
        }
        let e = StorageError::from_browser(
            "failed to open new transaction: InvalidStateError: Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
        );
        assert!(matches!(e, StorageError::Closed(_)), "{e:?}");
        assert!(e.reopens());
        assert!(StorageError::QuotaExceeded.reopens());
        assert!(!StorageError::Conflict { stored: 2, base: 1 }.reopens());
    }
}
