//! Forms' unsaved drafts, app-wide. One save model: a form edits a draft, and only its "Gem" button stores
//! it. While any draft is unsaved the header says so (never "Alt er gemt"), closing the tab asks, and
//! leaving the form either keeps the draft for when the user comes back (forms that can take it back, such
//! as the meeting editor) or asks first.

use crate::model::Id;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// A mounted form whose draft differs from what is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDraft {
    id: u64,
    pub label: String,
    /// The form keeps its draft when left, so leaving needs no question.
    pub kept: bool,
}

/// A draft kept for a form that is (or was) open at `path` of `workspace`, as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptDraft {
    pub workspace: Id,
    pub path: String,
    pub label: String,
    json: String,
}

/// The drafts of the app; part of `AppState`.
#[derive(Clone, Copy)]
pub struct Drafts {
    open: RwSignal<Vec<OpenDraft>>,
    kept: RwSignal<Vec<KeptDraft>>,
    next: StoredValue<u64>,
}

impl Drafts {
    pub fn new() -> Self {
        Drafts {
            open: RwSignal::new(Vec::new()),
            kept: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }

    fn fresh_id(&self) -> u64 {
        self.next.update_value(|n| *n += 1);
        self.next.get_value()
    }

    fn set_open(&self, id: u64, entry: Option<OpenDraft>) {
        self.open.update(|v| {
            v.retain(|d| d.id != id);
            v.extend(entry);
        });
    }

    /// Labels of every unsaved draft of `workspace`: open forms first, then kept drafts of forms not open.
    pub fn unsaved(&self, workspace: Option<Id>) -> Vec<String> {
        let mut out: Vec<String> = self
            .open
            .with(|v| v.iter().map(|d| d.label.clone()).collect());
        self.kept.with(|k| {
            for d in k.iter().filter(|d| Some(d.workspace) == workspace) {
                if !out.contains(&d.label) {
                    out.push(d.label.clone());
                }
            }
        });
        out
    }

    /// Kept drafts of `workspace` whose form is not on screen at `here`, as (label, path).
    pub fn elsewhere(&self, workspace: Option<Id>, here: &str) -> Vec<(String, String)> {
        self.kept.with(|k| {
            k.iter()
                .filter(|d| Some(d.workspace) == workspace && d.path != here)
                .map(|d| (d.label.clone(), d.path.clone()))
                .collect()
        })
    }

    /// Labels of open drafts that are lost when their form is left (so leaving asks first).
    pub fn lost_on_leave(&self) -> Vec<String> {
        self.open.with_untracked(|v| {
            v.iter()
                .filter(|d| !d.kept)
                .map(|d| d.label.clone())
                .collect()
        })
    }

    pub fn any_unsaved_untracked(&self, workspace: Option<Id>) -> bool {
        self.open.with_untracked(|v| !v.is_empty())
            || self
                .kept
                .with_untracked(|k| k.iter().any(|d| Some(d.workspace) == workspace))
    }

    /// Registers a form's draft while the calling component lives: listed while `dirty`.
    pub fn track(&self, label: Signal<String>, dirty: Signal<bool>) {
        let id = self.fresh_id();
        let this = *self;
        Effect::new(move |_| {
            let entry = dirty.get().then(|| OpenDraft {
                id,
                label: label.get(),
                kept: false,
            });
            this.set_open(id, entry);
        });
        on_cleanup(move || this.set_open(id, None));
    }

    /// Like `track`, and keeps the draft (`value`) for `path` in `workspace` while it is dirty, so the form
    /// can take it back with `take` when the user returns. A saved or reverted draft is dropped.
    pub fn keep<T: Serialize + 'static>(
        &self,
        workspace: Id,
        path: String,
        label: Signal<String>,
        dirty: Signal<bool>,
        value: impl Fn() -> T + 'static,
    ) {
        let id = self.fresh_id();
        let this = *self;
        Effect::new(move |_| {
            let is_dirty = dirty.get();
            let label = label.get();
            // Read the value while dirty only, so a clean form costs nothing per keystroke.
            let json = is_dirty
                .then(|| serde_json::to_string(&value()).ok())
                .flatten();
            this.set_open(
                id,
                is_dirty.then(|| OpenDraft {
                    id,
                    label: label.clone(),
                    kept: json.is_some(),
                }),
            );
            this.kept.update(|k| {
                k.retain(|d| !(d.workspace == workspace && d.path == path));
                if let Some(json) = json {
                    k.push(KeptDraft {
                        workspace,
                        path: path.clone(),
                        label,
                        json,
                    });
                }
            });
        });
        on_cleanup(move || this.set_open(id, None));
    }

    /// The draft kept for `path` in `workspace`, if any.
    pub fn take<T: DeserializeOwned>(&self, workspace: Id, path: &str) -> Option<T> {
        self.kept.with_untracked(|k| {
            k.iter()
                .find(|d| d.workspace == workspace && d.path == path)
                // `from_slice`, like every typed read of text (see `file_format::parts`).
                .and_then(|d| serde_json::from_slice(d.json.as_bytes()).ok())
        })
    }

    /// Drops the draft kept for `path` (the user cancelled it).
    pub fn discard(&self, workspace: Id, path: &str) {
        self.kept
            .update(|k| k.retain(|d| !(d.workspace == workspace && d.path == path)));
    }
}

impl Default for Drafts {
    fn default() -> Self {
        Self::new()
    }
}
