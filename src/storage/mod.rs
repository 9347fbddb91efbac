//! Browser storage behind one small interface. A workspace is kept in parts (see `file_format::parts`): a
//! save writes only the parts an edit changed, in one transaction, and loading puts the parts back together
//! through the file import, so stored copies get the same checks and repairs as files. A small meta record
//! per workspace (name, revision, export stamp, trash) makes the list cheap. Settings go to localStorage.
//!
//! Every save names the revision it was based on; a save over a newer revision (another tab) is refused
//! with `Conflict` instead of overwriting it. Workspaces written by the first version (one whole JSON body)
//! still load, and move to parts on their next save.

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
    /// The workspace, through the same load path as a file, with the id it is stored under.
    pub fn read(&self) -> Result<Imported, ImportError> {
        match &self.legacy {
            Some(json) if self.parts.is_empty() => {
                let mut imported = read_stored_workspace(json.as_bytes())?;
                imported.workspace.id = self.id;
                Ok(imported)
            }
            _ => read_parts(self.id, &self.parts, self.name.as_deref()),
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
    let parse = |t: Option<&str>| t.and_then(|t| serde_json::from_str::<Value>(t).ok());
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
        .unwrap_or_else(|| crate::text::file::STORED_WITHOUT_NAME.to_string());
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
    serde_json::from_str::<serde_json::Value>(json)
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
    #[error("stored revision {stored} is newer than {base}")]
    Conflict { stored: u64, base: u64 },
    #[error("not found")]
    NotFound,
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
    /// Sorts a browser's error text: full storage and over-large values get their own kinds.
    pub fn from_browser(text: &str) -> Self {
        let lower = text.to_lowercase();
        if lower.contains("quota") {
            StorageError::QuotaExceeded
        } else if lower.contains("too large") {
            StorageError::TooLarge
        } else {
            StorageError::Other(text.to_string())
        }
    }
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
    ) -> Result<u64, StorageError>;
    /// The stored revision and number of parts, read back after a save.
    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError>;
    /// Updates meta only (trash, export stamp, name), keeping the stored revision and size.
    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError>;
    /// Removes a workspace for good.
    async fn delete(&self, id: Id) -> Result<(), StorageError>;
}

impl<R: Repository> Repository for std::rc::Rc<R> {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        (**self).list().await
    }
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        (**self).load(id).await
    }
    async fn save(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base: u64,
    ) -> Result<u64, StorageError> {
        (**self).save(meta, write, base).await
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
            crate::text::file::STORED_WITHOUT_NAME
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
            StorageError::from_browser("AbortError"),
            StorageError::Other(_)
        ));
    }
}
