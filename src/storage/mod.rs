//! Browser storage behind one small interface. Workspace bodies (up to tens of MB) live in IndexedDB as
//! envelope JSON, so loading reuses the file import and its validation; a small meta record per workspace
//! (name, revision, export stamp, trash) makes the list cheap. Settings go to localStorage.
//!
//! Every save names the revision it was based on; a save over a newer revision (another tab) is refused
//! with `Conflict` instead of overwriting it.

#[cfg(target_arch = "wasm32")]
pub mod indexed_db;
pub mod memory;
#[cfg(target_arch = "wasm32")]
pub mod settings;
#[cfg(target_arch = "wasm32")]
pub mod tab_sync;

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
    #[serde(default)]
    pub bytes: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoredBody {
    pub revision: u64,
    pub json: String,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    #[error("quota exceeded")]
    QuotaExceeded,
    #[error("stored revision {stored} is newer than {base}")]
    Conflict { stored: u64, base: u64 },
    #[error("not found")]
    NotFound,
    #[error("storage error: {0}")]
    Other(String),
}

#[allow(async_fn_in_trait)]
pub trait Repository {
    /// Every workspace's meta, the trash included.
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError>;
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError>;
    /// Writes body and meta if the stored revision is still `base_revision` (0: not stored yet).
    /// Returns the new revision.
    async fn save(
        &self,
        meta: &StoredMeta,
        json: &str,
        base_revision: u64,
    ) -> Result<u64, StorageError>;
    /// Updates meta only (trash, export stamp), keeping the stored revision.
    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError>;
    /// Removes a workspace for good.
    async fn delete(&self, id: Id) -> Result<(), StorageError>;
}
