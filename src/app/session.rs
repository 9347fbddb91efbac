//! The browser shell around the plain-Rust session (`crate::session`): it picks the storage backend, turns
//! the session's results into signals and banners, runs the save a short pause after the last edit (and at
//! once when the tab is hidden), retries a failed save on its own, listens to other tabs, and downloads.
//! The rules themselves (single-flight saves, the journal, merging with another tab) live in the session
//! and are tested natively.

use super::core::{core, tab_id, Backend};
pub use super::core::{current_meta, is_dirty, with_workspace};
use super::state::{AppState, SaveState, StorageMode, Unreadable};
use crate::browser::{files, perf, storage_info};
use crate::file_format;
use crate::model::commands::{Changes, Command, CommandError};
use crate::model::sorting::StableSort;
use crate::model::{now, Id, Workspace};
use crate::session::{Flushed, OpenError, Opened, RenameError, SaveStatus, Session};
use crate::storage::indexed_db::IndexedDbRepository;
use crate::storage::journal_local::LocalJournal;
use crate::storage::memory::MemoryRepository;
use crate::storage::tab_sync::{SavedNotice, TabSync};
use crate::storage::{settings, Repository, StorageError};
use crate::text::ui as t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::time::Duration;

thread_local! {
    static SYNC: RefCell<Option<TabSync>> = const { RefCell::new(None) };
    static SAVE_TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    static RETRY_TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

/// A stored workspace as it is in storage (to compare a file being imported with a copy that is not open).
pub async fn read_stored(id: Id) -> Result<Workspace, StorageError> {
    core().read(id).await
}

/// The author's initials kept in this browser, made the author of the revisions this tab makes.
pub fn load_author() -> String {
    let a = settings::get::<String>(settings::AUTHOR).unwrap_or_default();
    crate::model::revision::set_author(&a);
    a
}

/// Starts storage, the tab channel and the save-on-hide listeners, then opens the last workspace.
pub fn boot(app: AppState) {
    load_author();
    app.workshop_mode
        .set(settings::get::<bool>(settings::WORKSHOP_MODE).unwrap_or(false));
    spawn_local(async move {
        // Opening waits while a tab with an older Trappe holds the database (see `indexed_db`'s version):
        // said after a moment, and taken away once storage is open.
        let ready = std::rc::Rc::new(std::cell::Cell::new(false));
        let waiting = ready.clone();
        set_timeout(
            move || {
                if !waiting.get() {
                    app.info(t::WAITING_FOR_STORAGE);
                }
            },
            Duration::from_millis(2000),
        );
        let backend = match IndexedDbRepository::open().await {
            Ok(db) => {
                app.mode.set(StorageMode::IndexedDb);
                Backend::IndexedDb(db.with_pace(crate::browser::pace::PACE))
            }
            Err(e) => {
                app.mode.set(StorageMode::MemoryOnly(e.to_string()));
                Backend::Memory(MemoryRepository::default())
            }
        };
        ready.set(true);
        if app
            .banner
            .with_untracked(|b| b.as_ref().is_some_and(|b| b.text == t::WAITING_FOR_STORAGE))
        {
            app.banner.set(None);
        }
        let journal = LocalJournal::new(tab_id());
        let tab = tab_id();
        super::core::install(
            Session::new(backend, journal)
                .with_tab(tab)
                .with_pace(crate::browser::pace::PACE),
        );
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
        app.booted.set(true);
        app.persisted.set(storage_info::is_persisted().await);
    });
    // Saves at once when the tab is hidden or closed. Every edit is in the journal already, so a save
    // that the closing tab cuts off loses nothing; the next start brings it back.
    let flush_now = move || {
        if core().is_dirty() {
            spawn_local(save_now(app));
        }
    };
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush_now());
    // Only where the journal could not be written is leaving risky: then the browser asks first.
    // A form's unsaved draft is not in the journal: closing the tab then asks too.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let draft = app
            .drafts
            .any_unsaved_untracked(app.open_id.get_untracked());
        if core().is_dirty() {
            flush_now();
        }
        if draft || (core().is_dirty() && !core().journal_ok()) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush_now();
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        wasm_bindgen::JsCast::unchecked_ref(on_visibility.as_ref()),
    );
    // The listener lives as long as the page.
    on_visibility.forget();
}

pub async fn refresh_list(app: AppState) {
    match core().list().await {
        Ok(mut list) => {
            list.stable_sort_by_key(|m| std::cmp::Reverse(m.saved_at));
            let missing = core()
                .open_id()
                .is_some_and(|id| !list.iter().any(|m| m.id == id));
            app.workspaces.set(list);
            // Checked again under the save lock: the list may be older than a workspace just created.
            if missing && core().check_still_stored().await {
                sync_state(app);
            }
        }
        Err(e) => app.error(t::storage_error(&e)),
    }
}

/// Mirrors the session's save status, undo state and the open workspace into signals.
fn sync_state(app: AppState) {
    let c = core();
    app.save_state.set(match c.status() {
        None | Some(SaveStatus::Saved(None)) => SaveState::Idle,
        Some(SaveStatus::Saved(Some(at))) => SaveState::Saved(at),
        Some(SaveStatus::Pending) => SaveState::Pending,
        Some(SaveStatus::Saving) => SaveState::Saving,
        Some(SaveStatus::Failed(e)) => SaveState::Failed(e),
    });
    app.can_undo.set(c.can_undo());
    app.can_redo.set(c.can_redo());
    if app.open_id.get_untracked() != c.open_id() {
        app.open_id.set(c.open_id());
    }
    if let Some(meta) = c.meta() {
        app.workspaces
            .update(|l| match l.iter_mut().find(|m| m.id == meta.id) {
                Some(m) => *m = meta,
                None => l.insert(0, meta),
            });
    }
}

/// After the whole workspace changed (opened, reloaded, merged): every reader and every signal.
fn workspace_replaced(app: AppState) {
    sync_state(app);
    app.notify_all();
}

/// Opens a stored workspace. An unreadable one is reported and left untouched.
pub async fn open(app: AppState, id: Id) {
    let name = app.workspaces.with_untracked(|l| {
        l.iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    });
    perf::start("trappe-load");
    let job = crate::browser::pace::begin(t::OPENING_WORKSPACE);
    let result = core().open(id).await;
    drop(job);
    match result {
        Ok(opened) => {
            perf::end("trappe-load");
            settings::set(settings::LAST_OPENED, &id);
            app.unreadable.set(None);
            workspace_replaced(app);
            report_opened(app, &opened);
            if core().is_dirty() {
                spawn_local(persist(app));
                schedule_save(app);
            }
        }
        Err(OpenError::Unreadable(e)) => app.unreadable.set(Some(Unreadable {
            id,
            name,
            reason: crate::text::file::import_error(&e),
        })),
        Err(OpenError::Storage(e)) => app.unreadable.set(Some(Unreadable {
            id,
            name,
            reason: t::storage_error(&e),
        })),
        Err(OpenError::UnsavedEdits(e)) => {
            app.error(format!("{} {}", t::storage_error(&e), t::CANNOT_SWITCH))
        }
    }
}

fn report_opened(app: AppState, opened: &Opened) {
    let mut parts = Vec::new();
    if opened.recovered > 0 {
        parts.push(t::recovered(opened.recovered));
    }
    if !opened.report.is_clean() {
        parts.push(crate::text::file::restore_summary(&opened.report));
    }
    if !opened.conflicts.is_empty() {
        parts.push(t::MERGED_WITH_CONFLICTS.to_string());
    }
    if opened.journals_set_aside > 0 {
        parts.push(t::journals_set_aside(opened.journals_set_aside));
    }
    if !parts.is_empty() {
        app.info(parts.join(" "));
    }
}

/// Stores a new workspace and opens it.
pub async fn create(app: AppState, ws: Workspace) -> Result<(), StorageError> {
    let id = ws.id;
    core().create(ws).await?;
    settings::set(settings::LAST_OPENED, &id);
    workspace_replaced(app);
    announce(Some(id), core().base_revision().unwrap_or(0));
    // The list holds the new workspace already (`sync_state`): the stored list and the request to keep
    // storage follow, together, without holding up the workspace being shown (about 20 ms after a
    // large import, measured).
    spawn_local(async move {
        futures::join!(refresh_list(app), ask_for_persistence(app));
    });
    Ok(())
}

/// Applies an edit to the open workspace (undoable, journaled at once) and schedules a save.
pub fn dispatch(app: AppState, cmd: Command) -> Result<(), CommandError> {
    let changes = core().dispatch(cmd)?;
    after_edit(app, &changes);
    Ok(())
}

pub fn undo(app: AppState) {
    match core().undo() {
        Ok(changes) => {
            after_edit(app, &changes);
            app.undo_count.update(|n| *n += 1);
            app.announce(t::UNDONE);
        }
        Err(e) => app.error(t::command_error(&e)),
    }
}

pub fn redo(app: AppState) {
    match core().redo() {
        Ok(changes) => {
            after_edit(app, &changes);
            app.undo_count.update(|n| *n += 1);
            app.announce(t::REDONE);
        }
        Err(e) => app.error(t::command_error(&e)),
    }
}

fn after_edit(app: AppState, changes: &Changes) {
    sync_state(app);
    if changes.is_empty() {
        return;
    }
    app.notify(changes);
    if !core().journal_ok() {
        app.error(t::JOURNAL_FAILED);
    }
    spawn_local(persist(app));
    schedule_save(app);
}

/// Makes the newest edit durable at once (the journal store, read back); the header says "Gemt" when it
/// is. A write that failed is tried again on its own (see `after_flush`).
async fn persist(app: AppState) {
    let failed = core().persist_journal().await.is_some();
    sync_state(app);
    if failed {
        schedule_retry(app);
    }
}

/// Saves after a short pause in editing, so typing does not write on every keystroke. The edit is in the
/// journal already.
fn schedule_save(app: AppState) {
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

/// Writes the open workspace now, and waits until it is stored (or has failed).
pub async fn save_now(app: AppState) {
    perf::start("trappe-save");
    let f = core().flush().await;
    perf::end("trappe-save");
    after_flush(app, f);
}

fn after_flush(app: AppState, f: Flushed) {
    if f.rebased {
        workspace_replaced(app);
        if !f.conflicts.is_empty() {
            app.info(t::MERGED_WITH_CONFLICTS);
        }
    } else {
        sync_state(app);
    }
    if f.saved {
        if let Some(id) = core().open_id() {
            announce(Some(id), core().base_revision().unwrap_or(0));
        }
    }
    schedule_retry(app);
}

/// A failed save or journal write (disk or storage full, connection closed, not confirmed) is tried
/// again on its own, later and later, opening the connection again first: once space is free the header
/// says "Gemt" without a new edit or a reload.
fn schedule_retry(app: AppState) {
    RETRY_TIMER.with(|t| {
        if let Some(h) = t.borrow_mut().take() {
            h.clear();
        }
        if let Some(delay) = core().retry_delay() {
            *t.borrow_mut() =
                set_timeout_with_handle(move || spawn_local(save_now(app)), delay).ok();
        }
    });
}

fn announce(workspace: Option<Id>, revision: u64) {
    let tab = tab_id();
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
    if notice.tab == tab_id() {
        return;
    }
    spawn_local(async move {
        refresh_list(app).await;
        let Some(id) = notice.workspace else {
            return;
        };
        match core().other_tab_saved(id, notice.revision).await {
            Ok(true) => {
                workspace_replaced(app);
                app.info(t::UPDATED_FROM_OTHER_TAB);
            }
            Ok(false) => sync_state(app),
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
/// The open workspace as an export file: its JSON (the personal-data hits named by `leave_out` replaced by
/// «[fjernet]»; the stored workspace keeps them), its file name and the workspace's name.
pub fn export_contents(leave_out: &[String]) -> Option<(String, String, String)> {
    with_workspace(|ws| {
        let redacted = (!leave_out.is_empty()).then(|| file_format::redact(ws, leave_out));
        (
            file_format::export_json(redacted.as_ref().unwrap_or(ws), now()),
            file_format::file_name(ws, crate::browser::today()),
            ws.name.clone(),
        )
    })
}

/// Notes that the open workspace was exported now (the Data page's reminder).
pub fn mark_exported(app: AppState) {
    spawn_local(async move {
        if core().mark_exported().await.is_ok() {
            sync_state(app);
        }
    });
}

pub fn export_current(app: AppState) {
    export_current_without(app, &[]);
}

/// Downloads the open workspace with the personal-data hits named by `leave_out` left out.
pub fn export_current_without(app: AppState, leave_out: &[String]) {
    let Some((json, name, _)) = export_contents(leave_out) else {
        // Pressed while the workspace is still opening: say so rather than do nothing.
        app.error(t::NO_WORKSPACE);
        return;
    };
    if files::download(&name, "application/json", json.as_bytes()).is_err() {
        app.error(t::DOWNLOAD_FAILED);
        return;
    }
    app.info(format!("{} {name}", t::EXPORTED_AS));
    mark_exported(app);
}

/// Downloads the in-memory work, whatever storage says (after a failed save, or in memory-only mode).
pub fn download_unsaved(app: AppState) {
    let _ = app;
    if let Some((json, name)) = with_workspace(|ws| {
        (
            file_format::export_json(ws, now()),
            file_format::file_name(ws, crate::browser::today()),
        )
    }) {
        let _ = files::download(&name, "application/json", json.as_bytes());
    }
}

/// Downloads a stored workspace as it is, for one that could not be read.
pub fn download_raw(app: AppState, id: Id) {
    spawn_local(async move {
        match core().repo().load(id).await {
            Ok(body) => {
                let _ = files::download(
                    &format!("trappe-ulaeselig-{id}.json"),
                    "application/json",
                    body.raw_text().as_bytes(),
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

/// Imports a read workspace. Unsaved edits are stored first; nothing is written unless the whole file was
/// read.
pub async fn import(
    app: AppState,
    mut ws: Workspace,
    target: ImportTarget,
) -> Result<(), StorageError> {
    let _job = crate::browser::pace::begin(t::STORING_WORKSPACE);
    match target {
        ImportTarget::New => {
            if app
                .workspaces
                .with_untracked(|l| l.iter().any(|m| m.id == ws.id))
            {
                // The same workspace exists already (the list changed since the preview): never over it.
                ws = crate::model::import_choice::beside(
                    ws,
                    &t::imported_copy_suffix(crate::browser::today()),
                );
            }
            create(app, ws).await
        }
        ImportTarget::Replace(id) => {
            core().replace(id, ws, t::BEFORE_IMPORT_SUFFIX).await?;
            settings::set(settings::LAST_OPENED, &id);
            workspace_replaced(app);
            announce(Some(id), core().base_revision().unwrap_or(0));
            refresh_list(app).await;
            Ok(())
        }
    }
}

/// Renames any workspace: the open one through an undoable edit, others in storage.
pub async fn rename(app: AppState, id: Id, name: String) -> Result<(), String> {
    let result = core().rename(id, name).await;
    if core().open_id() == Some(id) {
        app.notify(&Changes {
            info: true,
            ..Changes::default()
        });
    }
    sync_state(app);
    match result {
        Ok(revision) => {
            // Other tabs with it open take the new name from this revision.
            announce(Some(id), revision);
            refresh_list(app).await;
            Ok(())
        }
        Err(RenameError::Invalid(e)) => Err(t::command_error(&e)),
        Err(RenameError::Storage(e)) => Err(t::storage_error(&e)),
    }
}

/// Stores the open workspace again after another tab removed it from storage (emptied the bin).
pub async fn store_again(app: AppState) {
    match core().store_again().await {
        Ok(()) => {
            workspace_replaced(app);
            if let Some(id) = core().open_id() {
                announce(Some(id), core().base_revision().unwrap_or(0));
            }
            refresh_list(app).await;
            app.info(t::STORED_AGAIN);
        }
        Err(e) => app.error(t::storage_error(&e)),
    }
}

pub async fn duplicate(app: AppState, id: Id) -> Result<(), String> {
    core()
        .duplicate(id, t::COPY_SUFFIX)
        .await
        .map_err(|e| t::storage_error(&e))?;
    workspace_replaced(app);
    refresh_list(app).await;
    Ok(())
}

/// Moves a workspace to the trash; its data stays until the trash is emptied.
pub async fn trash(app: AppState, id: Id, restore: bool) -> Result<(), String> {
    let was_open = core().open_id() == Some(id);
    core()
        .trash(id, restore)
        .await
        .map_err(|e| t::storage_error(&e))?;
    if was_open && !restore {
        settings::remove(settings::LAST_OPENED);
        workspace_replaced(app);
    }
    announce(None, 0);
    refresh_list(app).await;
    Ok(())
}

pub async fn empty_trash(app: AppState) -> Result<usize, String> {
    let n = core()
        .empty_trash()
        .await
        .map_err(|e| t::storage_error(&e))?;
    announce(None, 0);
    refresh_list(app).await;
    Ok(n)
}

pub fn set_workshop_mode(app: AppState, on: bool) {
    app.workshop_mode.set(on);
    settings::set(settings::WORKSHOP_MODE, &on);
}
