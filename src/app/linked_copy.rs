//! The copy on disk that keeps itself current (File System Access, Chrome and Edge): glue between the
//! session, the plain link state (`storage::linked_copy`) and the browser edge (`browser::linked_file`).
//!
//! When a workspace opens, its link (a file handle kept in IndexedDB by workspace id) is loaded and the
//! browser asked whether Trappe may still write; if not, the user is told once and can give permission
//! with a click. Every save that reached browser storage then writes the workspace's export (the same JSON
//! as «Eksportér til fil») to the file, one write at a time. A write that fails changes nothing in
//! browser storage; the user is told once, and the next save tries again.

use super::session;
use super::state::{AppState, SaveState};
use crate::browser::linked_file::{self, Handle, PickError};
use crate::file_format;
use crate::model::{now, Id};
use crate::storage::linked_copy::{suggested_file_name, Link, Notice, Permission};
use crate::text::linked_copy as t;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// What the UI shows of the link (signals; the handle itself stays in this module).
#[derive(Clone, Copy)]
pub struct LinkedCopy {
    /// The open workspace's link, if it has one.
    pub link: RwSignal<Option<Link>>,
    /// Shown at the top of every page until answered or closed.
    pub notice: RwSignal<Option<Notice>>,
    /// The outcome of the last action on the Data page (unlinked, picker failed …).
    pub message: RwSignal<Option<String>>,
    /// The browser can keep a copy on disk (`showSaveFilePicker`).
    pub supported: bool,
    /// The browser can open a copy and link it again (`showOpenFilePicker`).
    pub open_supported: bool,
}

thread_local! {
    /// The open workspace's file handle, with the workspace's id.
    static HANDLE: RefCell<Option<(Id, Handle)>> = const { RefCell::new(None) };
    /// Counts changes of the link (loaded, chosen, removed); a write or load that started under an older
    /// link does not touch the new one.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The save last written for, so one save writes the file once.
    static LAST_SAVE: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
    /// Workspaces whose permission notice was shown in this page's life: not shown again.
    static ASKED: RefCell<HashSet<Id>> = RefCell::new(HashSet::new());
}

pub fn use_linked() -> LinkedCopy {
    expect_context::<LinkedCopy>()
}

fn next_generation() -> u64 {
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

fn generation() -> u64 {
    GENERATION.with(Cell::get)
}

fn handle() -> Option<(Id, Handle)> {
    HANDLE.with(|h| h.borrow().clone())
}

/// Provides the link's state and starts following the open workspace and its saves. Called once, at boot.
pub fn boot(app: AppState) {
    let lc = LinkedCopy {
        link: RwSignal::new(None),
        notice: RwSignal::new(None),
        message: RwSignal::new(None),
        supported: linked_file::supported(),
        open_supported: linked_file::open_supported(),
    };
    provide_context(lc);
    if !lc.supported {
        return;
    }
    Effect::new(move |_| {
        let id = app.open_id.get();
        spawn_local(load(app, lc, id));
    });
    Effect::new(move |_| {
        if let SaveState::Saved(at) = app.save_state.get() {
            if LAST_SAVE.with(|l| l.replace(Some(at))) != Some(at) {
                spawn_local(write_now(app, lc));
            }
        }
    });
}

/// Loads the link of the workspace just opened (or forgets the last one). A file behind browser storage
/// is written at once; otherwise the permission is checked, so a restart asks once.
async fn load(app: AppState, lc: LinkedCopy, id: Option<Id>) {
    if id.is_some() && handle().map(|(h, _)| h) == id {
        return;
    }
    let generation = next_generation();
    HANDLE.with(|h| *h.borrow_mut() = None);
    lc.link.set(None);
    lc.notice.set(None);
    lc.message.set(None);
    let Some(id) = id else {
        return;
    };
    let Some(stored) = linked_file::load(id).await else {
        return;
    };
    if self::generation() != generation || app.open_id.get_untracked() != Some(id) {
        return;
    }
    let mut link = Link::new(linked_file::name(&stored.handle), stored.written_at);
    link.asked = ASKED.with(|a| a.borrow().contains(&id));
    let behind = link.is_behind(app.current_meta().map(|m| m.saved_at));
    HANDLE.with(|h| *h.borrow_mut() = Some((id, stored.handle.clone())));
    lc.link.set(Some(link));
    if behind {
        write_now(app, lc).await;
    } else {
        let p = linked_file::query_permission(&stored.handle).await;
        if self::generation() == generation {
            permission_answered(lc, id, p);
        }
    }
}

/// Records the browser's answer; shows the permission notice the first time. Returns whether to write.
fn permission_answered(lc: LinkedCopy, id: Id, p: Permission) -> bool {
    let mut go = false;
    lc.link.update(|l| {
        if let Some(l) = l {
            let (write, notice) = l.permission(p);
            go = write;
            if let Some(n) = notice {
                lc.notice.set(Some(n));
            }
            if l.asked {
                ASKED.with(|a| a.borrow_mut().insert(id));
            }
        }
    });
    go
}

/// Writes the open workspace's export to its linked file now, if it has one and may. One write at a time:
/// a save during a write writes once more after it.
pub async fn write_now(app: AppState, lc: LinkedCopy) {
    if WRITING.with(Cell::get) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    WRITING.with(|w| w.set(true));
    loop {
        AGAIN.with(|a| a.set(false));
        write_once(app, lc).await;
        if !AGAIN.with(Cell::get) {
            break;
        }
    }
    WRITING.with(|w| w.set(false));
}

async fn write_once(app: AppState, lc: LinkedCopy) {
    let Some((id, handle)) = handle() else {
        return;
    };
    if app.open_id.get_untracked() != Some(id) {
        return;
    }
    let generation = generation();
    let p = linked_file::query_permission(&handle).await;
    if self::generation() != generation || !permission_answered(lc, id, p) {
        return;
    }
    // The same JSON as «Eksportér til fil».
    let Some(json) = session::with_workspace(|ws| file_format::export_json(ws, now())) else {
        return;
    };
    lc.link.update(|l| {
        if let Some(l) = l {
            l.writing();
        }
    });
    let result = linked_file::write(&handle, &json).await;
    if self::generation() != generation {
        return;
    }
    match result {
        Ok(()) => {
            let at = now();
            lc.link.update(|l| {
                if let Some(l) = l {
                    l.written(at);
                }
            });
            lc.notice.set(None);
            // When the file was written is kept with the link, so a restart knows whether it is behind.
            let _ = linked_file::store(id, &handle, Some(at)).await;
        }
        Err(f) => {
            let mut notice = None;
            lc.link.update(|l| {
                if let Some(l) = l {
                    notice = l.failed(f);
                }
            });
            if let Some(n) = notice {
                lc.notice.set(Some(n));
            }
        }
    }
}

/// Links the open workspace to a file the user picks (a click on «Forbind med en fil…»).
pub fn pick_and_link(app: AppState, lc: LinkedCopy) {
    let Some(id) = app.open_id.get_untracked() else {
        return;
    };
    let suggested =
        suggested_file_name(&app.read_untracked(|w| w.name.clone()).unwrap_or_default());
    lc.message.set(None);
    spawn_local(async move {
        match linked_file::pick_save(&suggested).await {
            Ok(handle) => attach(app, lc, id, handle, true).await,
            Err(PickError::Cancelled) => {}
            Err(PickError::Failed(_)) => lc.message.set(Some(t::PICK_FAILED.into())),
        }
    });
}

/// Makes `handle` the link of workspace `id`, keeps it, and writes the file. `granted`: the user just gave
/// write permission (the save picker does), so there is nothing to ask.
pub async fn attach(app: AppState, lc: LinkedCopy, id: Id, handle: Handle, granted: bool) {
    if app.open_id.get_untracked() != Some(id) {
        return;
    }
    next_generation();
    let name = linked_file::name(&handle);
    HANDLE.with(|h| *h.borrow_mut() = Some((id, handle.clone())));
    let link = if granted {
        ASKED.with(|a| a.borrow_mut().insert(id));
        Link::chosen(name)
    } else {
        Link::new(name, None)
    };
    lc.link.set(Some(link));
    lc.notice.set(None);
    let remembered = linked_file::store(id, &handle, None).await.is_ok();
    lc.message
        .set((!remembered).then(|| t::NOT_REMEMBERED.to_string()));
    write_now(app, lc).await;
}

/// Asks the browser for permission to write again (a click on «Giv lov»), and writes if given.
pub fn grant(app: AppState, lc: LinkedCopy) {
    let Some((id, handle)) = handle() else {
        return;
    };
    spawn_local(async move {
        let p = linked_file::request_permission(&handle).await;
        lc.notice.set(None);
        if p == Permission::Granted {
            write_now(app, lc).await;
        } else {
            permission_answered(lc, id, p);
            lc.message.set(Some(t::DECLINED.into()));
        }
    });
}

/// Closes the notice; nothing more is asked until the next start.
pub fn dismiss(lc: LinkedCopy) {
    lc.notice.set(None);
}

/// Stops writing to the file and forgets it (the file is left as it is).
pub fn unlink(lc: LinkedCopy) {
    let Some((id, _)) = HANDLE.with(|h| h.borrow_mut().take()) else {
        return;
    };
    next_generation();
    lc.link.set(None);
    lc.notice.set(None);
    lc.message.set(Some(t::UNLINKED.into()));
    spawn_local(async move {
        let _ = linked_file::remove(id).await;
    });
}

/// Tries the last failed write again now (a click on «Prøv igen nu»).
pub fn retry(app: AppState, lc: LinkedCopy) {
    spawn_local(write_now(app, lc));
}
