//! Shared reactive state, provided as context by the root component.

use crate::model::commands::History;
use crate::model::{Id, Workspace};
use crate::storage::{StorageError, StoredMeta};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the last save or load.
    Idle,
    Pending,
    Saving,
    Saved(DateTime<Utc>),
    /// The last save failed; the work is still in memory.
    Failed(StorageError),
    /// Another tab saved a newer revision while this one had unsaved edits.
    Conflict,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageMode {
    Starting,
    IndexedDb,
    /// Storage refused; the reason as the browser gave it.
    MemoryOnly(String),
}

/// A message at the top of the page (role="status" or "alert").
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub text: String,
    pub is_error: bool,
}

/// A stored workspace that could not be read; it is left untouched and offered as a download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub id: Id,
    pub name: String,
    pub reason: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub mode: RwSignal<StorageMode>,
    pub workspaces: RwSignal<Vec<StoredMeta>>,
    pub current: RwSignal<Option<Workspace>>,
    pub save_state: RwSignal<SaveState>,
    pub banner: RwSignal<Option<Banner>>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub workshop_mode: RwSignal<bool>,
    pub persisted: RwSignal<Option<bool>>,
    pub history: StoredValue<History>,
    /// Revision of the stored copy the current workspace is based on.
    pub base_revision: StoredValue<u64>,
    /// Counts edits; a save knows which edit it wrote.
    pub edits: StoredValue<u64>,
    pub saved_edits: StoredValue<u64>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            mode: RwSignal::new(StorageMode::Starting),
            workspaces: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Idle),
            banner: RwSignal::new(None),
            unreadable: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            workshop_mode: RwSignal::new(false),
            persisted: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            base_revision: StoredValue::new(0),
            edits: StoredValue::new(0),
            saved_edits: StoredValue::new(0),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.edits.get_value() != self.saved_edits.get_value()
    }

    pub fn current_meta(&self) -> Option<StoredMeta> {
        let id = self.current.with_untracked(|c| c.as_ref().map(|w| w.id))?;
        self.workspaces
            .with_untracked(|l| l.iter().find(|m| m.id == id).cloned())
    }

    pub fn info(&self, text: impl Into<String>) {
        self.banner.set(Some(Banner {
            text: text.into(),
            is_error: false,
        }));
    }

    pub fn error(&self, text: impl Into<String>) {
        self.banner.set(Some(Banner {
            text: text.into(),
            is_error: true,
        }));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
