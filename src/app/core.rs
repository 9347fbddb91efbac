//! The one owner of the session handle: the plain-Rust session (`crate::session::Session`) over the storage
//! the browser allows, kept once per page. Every other part of `app` reaches the open workspace through
//! here, so `state`, `session`, `updates` and `linked_copy` depend on this module, not on each other.

use crate::file_format::parts::WriteSet;
use crate::model::{Id, Workspace};
use crate::session::Session;
use crate::storage::indexed_db::IndexedDbRepository;
use crate::storage::journal_local::LocalJournal;
use crate::storage::memory::MemoryRepository;
use crate::storage::{
    JournalRemoval, Repository, StorageError, StoredBody, StoredCheck, StoredJournal, StoredMeta,
};
use std::cell::RefCell;
use std::rc::Rc;

/// The storage the browser allows: IndexedDB, or memory when it is refused.
pub enum Backend {
    IndexedDb(IndexedDbRepository),
    Memory(MemoryRepository),
}

impl Repository for Backend {
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
    async fn save_and_clear(
        &self,
        m: &StoredMeta,
        w: &WriteSet,
        base: u64,
        j: &[JournalRemoval],
    ) -> Result<u64, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.save_and_clear(m, w, base, j).await,
            Backend::Memory(r) => r.save_and_clear(m, w, base, j).await,
        }
    }
    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.check(id).await,
            Backend::Memory(r) => r.check(id).await,
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
    async fn put_journal(&self, id: Id, tab: &str, text: &str) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.put_journal(id, tab, text).await,
            Backend::Memory(r) => r.put_journal(id, tab, text).await,
        }
    }
    async fn journals(&self, id: Id) -> Result<Vec<StoredJournal>, StorageError> {
        match self {
            Backend::IndexedDb(r) => r.journals(id).await,
            Backend::Memory(r) => r.journals(id).await,
        }
    }
    async fn remove_journals(&self, id: Id, j: &[JournalRemoval]) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.remove_journals(id, j).await,
            Backend::Memory(r) => r.remove_journals(id, j).await,
        }
    }
    async fn reopen(&self) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.reopen().await,
            Backend::Memory(r) => r.reopen().await,
        }
    }
    async fn seal(&self) -> Result<(), StorageError> {
        match self {
            Backend::IndexedDb(r) => r.seal().await,
            Backend::Memory(r) => r.seal().await,
        }
    }
}

pub type Core = Session<Backend, LocalJournal>;

thread_local! {
    static CORE: RefCell<Option<Rc<Core>>> = const { RefCell::new(None) };
    static TAB_ID: String = crate::model::new_id().to_string();
}

/// This tab's id (for journals and the tab channel).
pub fn tab_id() -> String {
    TAB_ID.with(|t| t.clone())
}

/// Puts the session in place once storage is known (at boot).
pub fn install(core: Core) {
    CORE.with(|c| *c.borrow_mut() = Some(Rc::new(core)));
}

/// The session (in memory until `install`).
pub fn core() -> Rc<Core> {
    CORE.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(
                    Session::new(
                        Backend::Memory(MemoryRepository::default()),
                        LocalJournal::new(tab_id()),
                    )
                    .with_tab(tab_id()),
                )
            })
            .clone()
    })
}

/// Reads the open workspace (see `AppState::read` for the reactive form).
pub fn with_workspace<T>(f: impl FnOnce(&Workspace) -> T) -> Option<T> {
    core().with_workspace(f)
}

pub fn is_dirty() -> bool {
    core().is_dirty()
}

pub fn current_meta() -> Option<StoredMeta> {
    core().meta()
}
