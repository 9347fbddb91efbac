//! The copy on disk that keeps itself current (File System Access, Chrome and Edge): glue between the
//! session, the plain link state (`storage::linked_copy`) and the browser edge (`browser::linked_file`).
//!
//! When a workspace opens, its link (a file handle kept in IndexedDB by workspace id) is loaded and the
//! browser asked whether Trappe may still write; if not, the user is told once and can give permission
//! with a click. Every save that reached browser storage then writes the workspace's export (the same JSON
//! as «Eksportér til fil») to the file, one write at a time. A write that fails changes nothing in
//! browser storage; the user is told once, and the next save tries again.

use super::state::{AppState, SaveState};
use crate::browser::linked_file::{self, Handle, PickError};
use crate::file_format;
use crate::model::{now, Id};
use crate::session::linked_copy::{LinkedCopy as Writer, LinkedFiles, OpenWorkspace};
use crate::storage::linked_copy::{suggested_file_name, Link, Notice, Permission, WriteFailure};
use crate::text::linked_copy as t;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// What the UI shows of the link (signals; the handle itself stays in the writer).
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

/// The browser's files: File System Access handles, kept in IndexedDB.
struct BrowserFiles;

impl LinkedFiles for BrowserFiles {
    type Handle = Handle;
    fn name(&self, handle: &Handle) -> String {
        linked_file::name(handle)
    }
    async fn load(&self, id: Id) -> Option<(Handle, Option<DateTime<Utc>>)> {
        linked_file::load(id)
            .await
            .map(|l| (l.handle, l.written_at))
    }
    async fn permission(&self, handle: &Handle) -> Permission {
        linked_file::query_permission(handle).await
    }
    async fn request_permission(&self, handle: &Handle) -> Permission {
        linked_file::request_permission(handle).await
    }
    async fn write(&self, handle: &Handle, text: &str) -> Result<(), WriteFailure> {
        linked_file::write(handle, text).await
    }
    async fn store(&self, id: Id, handle: &Handle, written_at: Option<DateTime<Utc>>) -> bool {
        linked_file::store(id, handle, written_at).await.is_ok()
    }
    async fn remove(&self, id: Id) {
        let _ = linked_file::remove(id).await;
    }
}

/// The open workspace as the writer reads it.
struct Open(AppState);

impl OpenWorkspace for Open {
    fn open_id(&self) -> Option<Id> {
        self.0.open_id.get_untracked()
    }
    fn saved_at(&self) -> Option<DateTime<Utc>> {
        self.0.current_meta().map(|m| m.saved_at)
    }
    fn export(&self) -> Option<String> {
        // The same JSON as «Eksportér til fil».
        super::core::with_workspace(|ws| file_format::export_json(ws, now()))
    }
    fn now(&self) -> DateTime<Utc> {
        now()
    }
}

thread_local! {
    /// The one writer of this page (its state and rules are `session::linked_copy`'s).
    static WRITER: Rc<Writer<BrowserFiles>> = Rc::new(Writer::new(BrowserFiles));
}

fn writer() -> Rc<Writer<BrowserFiles>> {
    WRITER.with(Rc::clone)
}

pub fn use_linked() -> LinkedCopy {
    expect_context::<LinkedCopy>()
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
    writer().on_change(move |link, notice| {
        lc.link.set(link.clone());
        lc.notice.set(notice.clone());
    });
    Effect::new(move |_| {
        let id = app.open_id.get();
        if id.is_none() || writer().linked_id() != id {
            lc.message.set(None);
        }
        spawn_local(async move { writer().open(&Open(app), id).await });
    });
    Effect::new(move |_| {
        if let SaveState::Saved(at) = app.save_state.get() {
            if writer().saved(at) {
                spawn_local(write_now(app));
            }
        }
    });
}

/// Writes the open workspace's export to its linked file now, if it has one and may.
async fn write_now(app: AppState) {
    writer().write_now(&Open(app)).await;
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
    if let Some(kept) = writer().attach(&Open(app), id, handle, granted).await {
        lc.message
            .set((!kept).then(|| t::NOT_REMEMBERED.to_string()));
    }
}

/// Asks the browser for permission to write again (a click on «Giv lov»), and writes if given.
pub fn grant(app: AppState, lc: LinkedCopy) {
    spawn_local(async move {
        if writer().grant(&Open(app)).await == Some(false) {
            lc.message.set(Some(t::DECLINED.into()));
        }
    });
}

/// Closes the notice; nothing more is asked until the next start.
pub fn dismiss(_lc: LinkedCopy) {
    writer().dismiss();
}

/// Stops writing to the file and forgets it (the file is left as it is).
pub fn unlink(lc: LinkedCopy) {
    if writer().linked_id().is_some() {
        lc.message.set(Some(t::UNLINKED.into()));
    }
    spawn_local(async move {
        writer().unlink().await;
    });
}

/// Tries the last failed write again now (a click on «Prøv igen nu»).
pub fn retry(app: AppState, _lc: LinkedCopy) {
    spawn_local(write_now(app));
}
