//! Shared reactive state, provided as context by the root component.
//!
//! The open workspace itself lives in the plain-Rust session (`crate::session`); the UI reads it through
//! `AppState::read`, which subscribes to one part of it. An edit notifies only the parts it changed (a
//! meeting's notes do not re-run the staircase chart), so each part is fine-grained reactive state.

use crate::model::commands::Changes;
use crate::model::record::RecordKind;
use crate::model::{Id, Workspace};
use crate::storage::{StorageError, StoredMeta};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the workspace was opened.
    Idle,
    Pending,
    Saving,
    Saved(DateTime<Utc>),
    /// The last save failed; the work is in memory and in the journal, and the save is retried.
    Failed(StorageError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageMode {
    Starting,
    IndexedDb,
    /// Storage refused; the reason as the browser gave it.
    MemoryOnly(String),
}

/// A message at the top of the page. It belongs to the page, the workspace and the action it reports: the
/// banner area binds it to the route and the open workspace it was raised on (at the end of the action
/// that raised it, so an action that moves to another page keeps its message) and drops it when either
/// changes; a new message replaces it. An error is said as an alert; a confirmation in the banner area's
/// polite live region, or it takes focus where the place the action was taken is gone.
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub text: String,
    pub is_error: bool,
    /// Takes keyboard focus (and so scrolls into view) when shown.
    pub focus: bool,
    /// Tells one message from the next, also when the text is the same.
    pub seq: u64,
}

/// A stored workspace that could not be read; it is left untouched and offered as a download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub id: Id,
    pub name: String,
    pub reason: String,
}

/// The parts of the open workspace that are reactive on their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Name, municipality, description.
    Info,
    Staircase,
    Meetings,
    Templates,
    FollowUp,
    Plan,
    SetAside,
    /// Deletions and versions kept by a merge (conflicts).
    Branches,
}

impl Part {
    pub const ALL: [Part; 8] = [
        Part::Info,
        Part::Staircase,
        Part::Meetings,
        Part::Templates,
        Part::FollowUp,
        Part::Plan,
        Part::SetAside,
        Part::Branches,
    ];

    pub fn of(kind: RecordKind) -> Part {
        match kind {
            RecordKind::Step | RecordKind::Intervention | RecordKind::Measurement => {
                Part::Staircase
            }
            RecordKind::Meeting => Part::Meetings,
            RecordKind::Template => Part::Templates,
            RecordKind::Goal
            | RecordKind::Track
            | RecordKind::Initiative
            | RecordKind::Indicator
            | RecordKind::TimelineRow => Part::Plan,
        }
    }

    /// The parts `changes` touched.
    pub fn touched(changes: &Changes) -> Vec<Part> {
        let mut out = Vec::new();
        let mut add = |p: Part| {
            if !out.contains(&p) {
                out.push(p);
            }
        };
        if changes.info || changes.as_of {
            add(Part::Info);
        }
        if changes.follow_up {
            add(Part::FollowUp);
        }
        if changes.plan_info {
            add(Part::Plan);
        }
        if changes.set_aside {
            add(Part::SetAside);
        }
        if changes.branches {
            add(Part::Branches);
        }
        for r in &changes.records {
            add(Part::of(r.kind));
        }
        out
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub mode: RwSignal<StorageMode>,
    pub workspaces: RwSignal<Vec<StoredMeta>>,
    /// The id of the open workspace; changes when another is opened or it is closed.
    pub open_id: RwSignal<Option<Id>>,
    parts: [Trigger; 8],
    pub save_state: RwSignal<SaveState>,
    pub banner: RwSignal<Option<Banner>>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub workshop_mode: RwSignal<bool>,
    pub persisted: RwSignal<Option<bool>>,
    /// Forms' unsaved drafts (see `drafts`).
    pub drafts: super::drafts::Drafts,
    /// The app-wide polite live region (undo and redo say what they did).
    pub announcement: RwSignal<String>,
    /// Counts undos and redos, so a page's own live region can drop what no longer holds.
    pub undo_count: RwSignal<u64>,
    /// A newer version of the app is installed and waits for the user to reload (see `updates`).
    pub update_ready: RwSignal<bool>,
    /// Storage is open, the list of workspaces read and the last workspace opened: what a file's import
    /// compares with is there.
    pub booted: RwSignal<bool>,
    banner_seq: StoredValue<u64>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            mode: RwSignal::new(StorageMode::Starting),
            workspaces: RwSignal::new(Vec::new()),
            open_id: RwSignal::new(None),
            parts: std::array::from_fn(|_| Trigger::new()),
            save_state: RwSignal::new(SaveState::Idle),
            banner: RwSignal::new(None),
            unreadable: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            workshop_mode: RwSignal::new(false),
            persisted: RwSignal::new(None),
            drafts: super::drafts::Drafts::new(),
            announcement: RwSignal::new(String::new()),
            undo_count: RwSignal::new(0),
            update_ready: RwSignal::new(false),
            booted: RwSignal::new(false),
            banner_seq: StoredValue::new(0),
        }
    }

    fn trigger(&self, part: Part) -> Trigger {
        self.parts[part as usize]
    }

    /// Reads the open workspace and subscribes to `part` of it (and to which workspace is open).
    pub fn read<T>(&self, part: Part, f: impl FnOnce(&Workspace) -> T) -> Option<T> {
        self.open_id.track();
        self.trigger(part).track();
        super::core::with_workspace(f)
    }

    /// Reads the open workspace and subscribes to several parts.
    pub fn read_parts<T>(&self, parts: &[Part], f: impl FnOnce(&Workspace) -> T) -> Option<T> {
        self.open_id.track();
        for p in parts {
            self.trigger(*p).track();
        }
        super::core::with_workspace(f)
    }

    /// Reads the open workspace without subscribing (in event handlers).
    pub fn read_untracked<T>(&self, f: impl FnOnce(&Workspace) -> T) -> Option<T> {
        super::core::with_workspace(f)
    }

    /// Tells the readers of the changed parts.
    pub fn notify(&self, changes: &Changes) {
        for p in Part::touched(changes) {
            self.trigger(p).notify();
        }
    }

    /// The whole workspace may have changed (opened, reloaded, merged with another tab's copy).
    pub fn notify_all(&self) {
        for p in Part::ALL {
            self.trigger(p).notify();
        }
    }

    pub fn is_open(&self) -> bool {
        self.open_id.get().is_some()
    }

    pub fn is_dirty(&self) -> bool {
        super::core::is_dirty()
    }

    pub fn current_meta(&self) -> Option<StoredMeta> {
        super::core::current_meta()
    }

    /// Says `text` in the app's live region; the same text twice is said twice.
    pub fn announce(&self, text: &str) {
        let same = self
            .announcement
            .with_untracked(|a| a.trim_end_matches('\u{a0}') == text);
        let next = if same && !self.announcement.with_untracked(|a| a.ends_with('\u{a0}')) {
            format!("{text}\u{a0}")
        } else {
            text.to_string()
        };
        self.announcement.set(next);
    }

    fn raise(&self, text: String, is_error: bool, focus: bool) {
        self.banner_seq.update_value(|n| *n += 1);
        self.banner.set(Some(Banner {
            text,
            is_error,
            focus,
            seq: self.banner_seq.get_value(),
        }));
    }

    /// A confirmation at the top of the page, said in a live region, since the user is looking where
    /// they acted.
    pub fn info(&self, text: impl Into<String>) {
        self.raise(text.into(), false, false);
    }

    /// A confirmation that takes focus: for an action whose own place is gone when it is done (an import's
    /// preview), so the user is taken to what happened.
    pub fn info_focused(&self, text: impl Into<String>) {
        self.raise(text.into(), false, true);
    }

    /// An error at the top of the page (an alert, said at once).
    pub fn error(&self, text: impl Into<String>) {
        self.raise(text.into(), true, false);
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
