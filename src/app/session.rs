//! What happens between the UI and storage: start-up, opening, editing with undo, debounced saves with
//! revision checks, other tabs, import and export, the trash. Every path keeps the user's data: a failed save
//! leaves the work in memory and says so; an unreadable stored value is never written over.

use super::state::{AppState, SaveState, StorageMode, Unreadable};
use crate::browser::{files, perf, storage_info};
use crate::file_format::{self, read_stored_workspace};
use crate::model::commands::{Command, CommandError};
use crate::model::validation::name_with_suffix;
use crate::model::{now, Id, Workspace};
use crate::storage::indexed_db::IndexedDbRepository;
use crate::storage::memory::MemoryRepository;
use crate::storage::tab_sync::{SavedNotice, TabSync};
use crate::storage::{settings, Repository, StorageError, StoredBody, StoredMeta};
use crate::text::ui as t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

enum Backend {
    IndexedDb(IndexedDbRepository),
    Memory(MemoryRepository),
}

impl Backend {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.list().await,
            Backend::Memory(r) => r.list().await,
        }
    }
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.load(id).await,
            Backend::Memory(r) => r.load(id).await,
        }
    }
    async fn save(&self, m: &StoredMeta, json: &str, base: u64) -> Result<u64, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.save(m, json, base).await,
            Backend::Memory(r) => r.save(m, json, base).await,
        }
    }
    async fn put_meta(&self, m: &StoredMeta) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.put_meta(m).await,
            Backend::Memory(r) => r.put_meta(m).await,
        }
    }
    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.delete(id).await,
            Backend::Memory(r) => r.delete(id).await,
        }
    }
}

thread_local! {
    static REPO: RefCell<Option<Rc<Backend>>> = const { RefCell::new(None) };
    static SYNC: RefCell<Option<TabSync>> = const { RefCell::new(None) };
    static SAVE_TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    static SAVING: RefCell<bool> = const { RefCell::new(false) };
    static TAB_ID: String = crate::model::new_id().to_string();
}

fn repo() -> Rc<Backend> {
    REPO.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| Rc::new(Backend::Memory(MemoryRepository::default())))
            .clone()
    })
}

fn meta_for(ws: &Workspace, previous: Option<&StoredMeta>) -> StoredMeta {
    StoredMeta {
        id: ws.id,
        name: ws.name.clone(),
        revision: previous.map_or(0, |m| m.revision),
        saved_at: now(),
        last_exported_at: previous.and_then(|m| m.last_exported_at),
        deleted_at: None,
        bytes: 0,
    }
}

/// Starts storage, the tab channel and the save-on-hide listeners, then opens the last workspace.
pub fn boot(app: AppState) {
    app.workshop_mode
        .set(settings::get::<bool>(settings::WORKSHOP_MODE).unwrap_or(false));
    register_service_worker();
    spawn_local(async move {
        match IndexedDbRepository::open().await {
            Ok(db) => {
                REPO.with(|r| *r.borrow_mut() = Some(Rc::new(Backend::IndexedDb(db))));
                app.mode.set(StorageMode::IndexedDb);
            }
            Err(e) => {
                REPO.with(|r| {
                    *r.borrow_mut() = Some(Rc::new(Backend::Memory(MemoryRepository::default())))
                });
                app.mode.set(StorageMode::MemoryOnly(e.to_string()));
            }
        }
        refresh_list(app).await;
        SYNC.with(|s| {
            *s.borrow_mut() = Some(TabSync::new(move |notice| on_other_tab_saved(app, notice)))
        });
        let last: Option<Id> = settings::get(settings::LAST_OPENED);
        let open_last = last.filter(|id| {
            app.workspaces
                .with_untracked(|l| l.iter().any(|m| m.id == *id && m.deleted_at.is_none()))
        });
        if let Some(id) = open_last {
            open(app, id).await;
        }
        app.persisted.set(storage_info::is_persisted().await);
    });
    // Flush pending edits when the tab is hidden or closed, instead of waiting for the debounce.
    let flush_handler = move || {
        if app.is_dirty() {
            spawn_local(save_now(app));
        }
    };
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush_handler());
    // A save started while the page unloads may not finish: ask the browser to confirm leaving while
    // edits are unsaved (the save runs meanwhile, so staying a moment is enough).
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if app.is_dirty() {
            flush_handler();
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush_handler();
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        wasm_bindgen::JsCast::unchecked_ref(on_visibility.as_ref()),
    );
    // The listener lives as long as the page.
    on_visibility.forget();
}

fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let _ = container.register("/sw.js");
}

pub async fn refresh_list(app: AppState) {
    match repo().list().await {
        Ok(mut list) => {
            list.sort_by_key(|m| std::cmp::Reverse(m.saved_at));
            app.workspaces.set(list);
        }
        Err(e) => app.error(t::storage_error(&e)),
    }
}

/// Opens a stored workspace. An unreadable one is reported and left untouched.
pub async fn open(app: AppState, id: Id) {
    if app.is_dirty() {
        save_now(app).await;
    }
    let name = app.workspaces.with_untracked(|l| {
        l.iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    });
    perf::start("trappe-load");
    let body = match repo().load(id).await {
        Ok(b) => b,
        Err(e) => {
            app.unreadable.set(Some(Unreadable {
                id,
                name,
                reason: t::storage_error(&e),
            }));
            return;
        }
    };
    match read_stored_workspace(body.json.as_bytes()) {
        Ok(imported) => {
            set_current(app, imported.workspace, body.revision);
            settings::set(settings::LAST_OPENED, &id);
            perf::end("trappe-load");
        }
        Err(e) => {
            app.current.set(None);
            app.unreadable.set(Some(Unreadable {
                id,
                name,
                reason: crate::text::file::import_error(&e),
            }))
        }
    }
}

fn set_current(app: AppState, ws: Workspace, revision: u64) {
    app.history.update_value(|h| h.clear());
    app.can_undo.set(false);
    app.can_redo.set(false);
    app.base_revision.set_value(revision);
    let edits = app.edits.get_value();
    app.saved_edits.set_value(edits);
    app.save_state.set(SaveState::Idle);
    app.unreadable.set(None);
    app.current.set(Some(ws));
}

/// Stores a new workspace and opens it.
pub async fn create(app: AppState, ws: Workspace) -> Result<(), StorageError> {
    if app.is_dirty() {
        save_now(app).await;
    }
    let json = file_format::storage_json(&ws, now());
    let revision = repo().save(&meta_for(&ws, None), &json, 0).await?;
    let id = ws.id;
    set_current(app, ws, revision);
    settings::set(settings::LAST_OPENED, &id);
    announce(Some(id), revision);
    refresh_list(app).await;
    ask_for_persistence(app).await;
    Ok(())
}

/// Applies an edit to the open workspace and schedules a save.
pub fn dispatch(app: AppState, cmd: Command) -> Result<(), CommandError> {
    let mut result = Ok(());
    app.current.update(|ws| {
        if let Some(ws) = ws {
            result = app
                .history
                .try_update_value(|h| h.perform(ws, cmd).map(|_| ()))
                .unwrap_or(Ok(()));
        }
    });
    if result.is_ok() {
        after_edit(app);
    }
    result
}

pub fn undo(app: AppState) {
    step_history(app, true);
}

pub fn redo(app: AppState) {
    step_history(app, false);
}

fn step_history(app: AppState, back: bool) {
    let mut changed = false;
    app.current.update(|ws| {
        if let Some(ws) = ws {
            changed = app
                .history
                .try_update_value(|h| if back { h.undo(ws) } else { h.redo(ws) })
                .and_then(Result::ok)
                .flatten()
                .is_some();
        }
    });
    if changed {
        after_edit(app);
    }
}

fn after_edit(app: AppState) {
    app.edits.update_value(|e| *e += 1);
    app.can_undo.set(app.history.with_value(|h| h.can_undo()));
    app.can_redo.set(app.history.with_value(|h| h.can_redo()));
    schedule_save(app);
}

/// Saves after a short pause in editing, so typing does not rewrite a large workspace on every keystroke.
fn schedule_save(app: AppState) {
    if app.save_state.get_untracked() != SaveState::Conflict {
        app.save_state.set(SaveState::Pending);
    }
    SAVE_TIMER.with(|t| {
        if let Some(h) = t.borrow_mut().take() {
            h.clear();
        }
        *t.borrow_mut() = set_timeout_with_handle(
            move || spawn_local(save_now(app)),
            Duration::from_millis(600),
        )
        .ok();
    });
}

/// Writes the open workspace now, if it has unsaved edits.
pub async fn save_now(app: AppState) {
    if !app.is_dirty() || app.save_state.get_untracked() == SaveState::Conflict {
        return;
    }
    if SAVING.with(|s| std::mem::replace(&mut *s.borrow_mut(), true)) {
        // A save is running; it re-checks for newer edits when it ends.
        return;
    }
    perf::start("trappe-save");
    while let Some((json, meta, edits)) = app.current.with_untracked(|ws| {
        ws.as_ref().map(|ws| {
            (
                file_format::storage_json(ws, now()),
                meta_for(ws, app.current_meta().as_ref()),
                app.edits.get_value(),
            )
        })
    }) {
        app.save_state.set(SaveState::Saving);
        let base = app.base_revision.get_value();
        let result = repo().save(&meta, &json, base).await;
        perf::end("trappe-save");
        match result {
            Ok(revision) => {
                app.base_revision.set_value(revision);
                app.saved_edits.set_value(edits);
                app.save_state.set(SaveState::Saved(now()));
                let saved = StoredMeta {
                    revision,
                    bytes: json.len(),
                    ..meta.clone()
                };
                app.workspaces
                    .update(|l| match l.iter_mut().find(|m| m.id == saved.id) {
                        Some(m) => *m = saved,
                        None => l.insert(0, saved),
                    });
                announce(Some(meta.id), revision);
            }
            Err(StorageError::Conflict { .. }) => {
                app.save_state.set(SaveState::Conflict);
                break;
            }
            Err(e) => {
                app.save_state.set(SaveState::Failed(e));
                break;
            }
        }
        if !app.is_dirty() {
            break;
        }
        perf::start("trappe-save");
    }
    SAVING.with(|s| *s.borrow_mut() = false);
}

fn announce(workspace: Option<Id>, revision: u64) {
    let tab = TAB_ID.with(|t| t.clone());
    SYNC.with(|s| {
        if let Some(sync) = s.borrow().as_ref() {
            sync.announce(&SavedNotice {
                workspace,
                revision,
                tab,
            });
        }
    });
}

fn on_other_tab_saved(app: AppState, notice: SavedNotice) {
    if notice.tab == TAB_ID.with(|t| t.clone()) {
        return;
    }
    spawn_local(async move {
        refresh_list(app).await;
        let current = app.current.with_untracked(|c| c.as_ref().map(|w| w.id));
        if notice.workspace.is_none() || notice.workspace != current {
            return;
        }
        if notice.revision <= app.base_revision.get_value() {
            return;
        }
        if app.is_dirty() {
            // Both tabs changed it: keep this tab's edits in memory and let the user choose.
            app.save_state.set(SaveState::Conflict);
        } else if let Some(id) = current {
            open(app, id).await;
            app.info(t::UPDATED_FROM_OTHER_TAB);
        }
    });
}

/// Conflict: drop this tab's edits and show the stored version.
pub fn take_stored_version(app: AppState) {
    let Some(id) = app.current.with_untracked(|c| c.as_ref().map(|w| w.id)) else {
        return;
    };
    spawn_local(async move {
        app.saved_edits.set_value(app.edits.get_value());
        app.save_state.set(SaveState::Idle);
        open(app, id).await;
    });
}

/// Conflict: keep this tab's edits as a new workspace beside the stored one.
pub fn keep_mine_as_copy(app: AppState) {
    let Some(ws) = app.current.get_untracked() else {
        return;
    };
    let copy = ws.duplicate(name_with_suffix(&ws.name, t::CONFLICT_COPY_SUFFIX));
    spawn_local(async move {
        app.saved_edits.set_value(app.edits.get_value());
        app.save_state.set(SaveState::Idle);
        match create(app, copy).await {
            Ok(()) => app.info(t::CONFLICT_COPY_SAVED),
            Err(e) => app.error(t::storage_error(&e)),
        }
    });
}

async fn ask_for_persistence(app: AppState) {
    if app.persisted.get_untracked() != Some(true) {
        app.persisted
            .set(storage_info::request_persistence().await.or(Some(false)));
    }
}

/// Downloads the open workspace as a file and records the export time.
pub fn export_current(app: AppState) {
    let Some(ws) = app.current.get_untracked() else {
        return;
    };
    let json = file_format::export_json(&ws, now());
    let name = file_format::file_name(&ws, crate::browser::today());
    if files::download(&name, "application/json", json.as_bytes()).is_err() {
        app.error(t::DOWNLOAD_FAILED);
        return;
    }
    app.info(format!("{} {name}", t::EXPORTED_AS));
    if let Some(mut meta) = app.current_meta() {
        meta.last_exported_at = Some(now());
        spawn_local(async move {
            if repo().put_meta(&meta).await.is_ok() {
                refresh_list(app).await;
            }
        });
    }
}

/// Downloads the in-memory work, whatever storage says (after a failed save, or in memory-only mode).
pub fn download_unsaved(app: AppState) {
    if let Some(ws) = app.current.get_untracked() {
        let json = file_format::export_json(&ws, now());
        let name = file_format::file_name(&ws, crate::browser::today());
        let _ = files::download(&name, "application/json", json.as_bytes());
    }
}

/// Downloads a stored value as it is, for a workspace that could not be read.
pub fn download_raw(app: AppState, id: Id) {
    spawn_local(async move {
        match repo().load(id).await {
            Ok(body) => {
                let _ = files::download(
                    &format!("trappe-ulaeselig-{id}.json"),
                    "application/json",
                    body.json.as_bytes(),
                );
            }
            Err(e) => app.error(t::storage_error(&e)),
        }
    });
}

pub enum ImportTarget {
    New,
    /// Replace this stored workspace; the old one is kept in the trash.
    Replace(Id),
}

/// Imports a validated workspace. Nothing is stored unless the whole file passed validation.
pub async fn import(
    app: AppState,
    mut ws: Workspace,
    target: ImportTarget,
) -> Result<(), StorageError> {
    // Unsaved edits reach storage first, so a replaced workspace goes to the trash with them.
    if app.is_dirty() {
        save_now(app).await;
    }
    match target {
        ImportTarget::New => {
            if app
                .workspaces
                .with_untracked(|l| l.iter().any(|m| m.id == ws.id))
            {
                // The same workspace exists already: import beside it instead of over it.
                ws.id = crate::model::new_id();
            }
            create(app, ws).await
        }
        ImportTarget::Replace(id) => {
            let old = repo().load(id).await?;
            let old_meta = app
                .workspaces
                .with_untracked(|l| l.iter().find(|m| m.id == id).cloned())
                .ok_or(StorageError::NotFound)?;
            // Keep the replaced version in the trash, untouched, as a recoverable copy.
            let backup = StoredMeta {
                id: crate::model::new_id(),
                name: name_with_suffix(&old_meta.name, t::BEFORE_IMPORT_SUFFIX),
                revision: 0,
                saved_at: now(),
                last_exported_at: old_meta.last_exported_at,
                deleted_at: Some(now()),
                bytes: old.json.len(),
            };
            repo().save(&backup, &old.json, 0).await?;
            ws.id = id;
            let json = file_format::storage_json(&ws, now());
            let revision = repo()
                .save(&meta_for(&ws, Some(&old_meta)), &json, old.revision)
                .await?;
            set_current(app, ws, revision);
            settings::set(settings::LAST_OPENED, &id);
            announce(Some(id), revision);
            refresh_list(app).await;
            Ok(())
        }
    }
}

/// Renames any workspace: the open one through an undoable edit, others in storage.
pub async fn rename(app: AppState, id: Id, name: String) -> Result<(), String> {
    let is_current = app.current.with_untracked(|c| c.as_ref().map(|w| w.id)) == Some(id);
    if is_current {
        let (municipality, description) = app.current.with_untracked(|c| {
            c.as_ref()
                .map(|w| (w.municipality.clone(), w.description.clone()))
                .unwrap_or_default()
        });
        dispatch(
            app,
            Command::SetInfo {
                name,
                municipality,
                description,
            },
        )
        .map_err(|e| t::command_error(&e))?;
        app.workspaces.update(|l| {
            if let (Some(m), Some(n)) = (
                l.iter_mut().find(|m| m.id == id),
                app.current
                    .with_untracked(|c| c.as_ref().map(|w| w.name.clone())),
            ) {
                m.name = n;
            }
        });
        save_now(app).await;
        return Ok(());
    }
    let body = repo().load(id).await.map_err(|e| t::storage_error(&e))?;
    let mut ws = read_stored_workspace(body.json.as_bytes())
        .map_err(|e| crate::text::file::import_error(&e))?
        .workspace;
    let previous = app
        .workspaces
        .with_untracked(|l| l.iter().find(|m| m.id == id).cloned());
    let info = Command::SetInfo {
        name,
        municipality: ws.municipality.clone(),
        description: ws.description.clone(),
    };
    crate::model::commands::apply(&mut ws, info).map_err(|e| t::command_error(&e))?;
    let json = file_format::storage_json(&ws, now());
    let revision = repo()
        .save(&meta_for(&ws, previous.as_ref()), &json, body.revision)
        .await
        .map_err(|e| t::storage_error(&e))?;
    announce(Some(id), revision);
    refresh_list(app).await;
    Ok(())
}

pub async fn duplicate(app: AppState, id: Id) -> Result<(), String> {
    let body = repo().load(id).await.map_err(|e| t::storage_error(&e))?;
    let ws = read_stored_workspace(body.json.as_bytes())
        .map_err(|e| crate::text::file::import_error(&e))?
        .workspace;
    let copy = ws.duplicate(name_with_suffix(&ws.name, t::COPY_SUFFIX));
    create(app, copy).await.map_err(|e| t::storage_error(&e))
}

/// Moves a workspace to the trash; its data stays until the trash is emptied.
pub async fn trash(app: AppState, id: Id, restore: bool) -> Result<(), String> {
    let mut meta = app
        .workspaces
        .with_untracked(|l| l.iter().find(|m| m.id == id).cloned())
        .ok_or_else(|| t::storage_error(&StorageError::NotFound))?;
    if !restore && app.current.with_untracked(|c| c.as_ref().map(|w| w.id)) == Some(id) {
        save_now(app).await;
        app.current.set(None);
        settings::remove(settings::LAST_OPENED);
    }
    meta.deleted_at = if restore { None } else { Some(now()) };
    repo()
        .put_meta(&meta)
        .await
        .map_err(|e| t::storage_error(&e))?;
    announce(None, 0);
    refresh_list(app).await;
    Ok(())
}

pub async fn empty_trash(app: AppState) -> Result<usize, String> {
    let trashed: Vec<Id> = app.workspaces.with_untracked(|l| {
        l.iter()
            .filter(|m| m.deleted_at.is_some())
            .map(|m| m.id)
            .collect()
    });
    for id in &trashed {
        repo().delete(*id).await.map_err(|e| t::storage_error(&e))?;
    }
    announce(None, 0);
    refresh_list(app).await;
    Ok(trashed.len())
}

pub fn set_workshop_mode(app: AppState, on: bool) {
    app.workshop_mode.set(on);
    settings::set(settings::WORKSHOP_MODE, &on);
}
