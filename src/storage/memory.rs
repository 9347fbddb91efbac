//! An in-memory repository: the fallback when the browser refuses storage (the work then lives only in
//! this tab, and the app says so), and the double for native tests of the save rules, with the failures a
//! browser shows (a full disk, a connection the browser closed) to inject.

use super::{
    name_in_meta, rebuilt_meta, JournalRemoval, Repository, StorageError, StoredBody, StoredCheck,
    StoredJournal, StoredMeta,
};
use crate::file_format::parts::{apply_write, WriteSet, HEAD};
use crate::model::Id;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A meta record as the browser may hold it: as Trappe wrote it, or replaced by something that does not
/// read as a meta (its JSON text).
#[derive(Clone, Debug)]
enum Meta {
    Readable(StoredMeta),
    Unreadable(String),
}

#[derive(Clone, Debug, Default)]
struct Stored {
    meta: Option<Meta>,
    parts: BTreeMap<String, String>,
    /// Parts the browser holds as something other than text (an object, a number), as JSON.
    raw: BTreeMap<String, serde_json::Value>,
    legacy: Option<String>,
}

impl Stored {
    fn meta(&self) -> Option<&StoredMeta> {
        match &self.meta {
            Some(Meta::Readable(m)) => Some(m),
            _ => None,
        }
    }

    /// The revision a save is checked against: 0 without a readable meta.
    fn revision(&self) -> u64 {
        self.meta().map_or(0, |m| m.revision)
    }

    fn exists(&self) -> bool {
        !self.parts.is_empty() || !self.raw.is_empty() || self.legacy.is_some()
    }

    /// Every part as text: values that are not text as their JSON, as the browser's `JSON.stringify`.
    fn part_texts(&self) -> BTreeMap<String, String> {
        let mut all = self.parts.clone();
        for (k, v) in &self.raw {
            all.insert(k.clone(), v.to_string());
        }
        all
    }
}

#[derive(Default)]
pub struct MemoryRepository {
    records: RefCell<BTreeMap<Id, Stored>>,
    /// The journal store: (workspace, tab) to the journal's text.
    journals: RefCell<BTreeMap<(Id, String), String>>,
    /// While set, every write fails with this error, as on a full disk. A `WriteFailed` also closes the
    /// connection, as Chromium does.
    pub fail_writes: RefCell<Option<StorageError>>,
    /// The connection is closed: every call fails until `reopen`.
    pub closed: Cell<bool>,
    /// How often the connection was opened again.
    pub reopens: Cell<usize>,
    /// How often the database was sealed after failed writes.
    pub seals: Cell<usize>,
}

/// Damage a disk error, another program or a user with the browser's developer tools may do to stored
/// values, for tests that storage is read like any other input.
impl MemoryRepository {
    fn usable(&self) -> Result<(), StorageError> {
        if self.closed.get() {
            return Err(StorageError::Closed(
                "InvalidStateError: The database connection is closing.".into(),
            ));
        }
        Ok(())
    }

    fn writable(&self) -> Result<(), StorageError> {
        self.usable()?;
        if let Some(e) = self.fail_writes.borrow().clone() {
            if matches!(e, StorageError::WriteFailed(_)) {
                self.closed.set(true);
            }
            return Err(e);
        }
        Ok(())
    }

    fn remove_journals_now(&self, workspace: Id, journals: &[JournalRemoval]) {
        let mut stored = self.journals.borrow_mut();
        for r in journals {
            let key = (workspace, r.tab.clone());
            let keep = match (&r.if_text, stored.get(&key)) {
                (Some(expected), Some(text)) => expected != text,
                _ => false,
            };
            if !keep {
                stored.remove(&key);
            }
        }
    }

    /// Loses everything stored, as Chromium does when it finds its database damaged after a failed write to
    /// a full disk (it deletes it and starts an empty one).
    pub fn wipe(&self) {
        self.records.borrow_mut().clear();
        self.journals.borrow_mut().clear();
    }

    /// Stores a journal's text as another program (or a damaged disk) might.
    pub fn put_journal_text(&self, workspace: Id, tab: &str, text: &str) {
        self.journals
            .borrow_mut()
            .insert((workspace, tab.to_string()), text.to_string());
    }

    /// Stores a workspace the way the first version did (one JSON body), for upgrade tests.
    pub fn put_legacy(&self, meta: StoredMeta, json: &str) {
        self.records.borrow_mut().insert(
            meta.id,
            Stored {
                meta: Some(Meta::Readable(meta)),
                legacy: Some(json.to_string()),
                ..Stored::default()
            },
        );
    }

    /// Overwrites one stored part with `text`.
    pub fn corrupt_part(&self, id: Id, key: &str, text: &str) {
        if let Some(s) = self.records.borrow_mut().get_mut(&id) {
            s.raw.remove(key);
            s.parts.insert(key.to_string(), text.to_string());
        }
    }

    /// Overwrites one stored part with a value that is not text.
    pub fn put_raw_part(&self, id: Id, key: &str, value: serde_json::Value) {
        if let Some(s) = self.records.borrow_mut().get_mut(&id) {
            s.parts.remove(key);
            s.raw.insert(key.to_string(), value);
        }
    }

    pub fn remove_part(&self, id: Id, key: &str) {
        if let Some(s) = self.records.borrow_mut().get_mut(&id) {
            s.parts.remove(key);
            s.raw.remove(key);
        }
    }

    /// The stored text of one part.
    pub fn part(&self, id: Id, key: &str) -> Option<String> {
        self.records.borrow().get(&id)?.part_texts().remove(key)
    }

    /// Removes the meta record (`None`) or replaces it with text that is no meta.
    pub fn damage_meta(&self, id: Id, text: Option<&str>) {
        if let Some(s) = self.records.borrow_mut().get_mut(&id) {
            s.meta = text.map(|t| Meta::Unreadable(t.to_string()));
        }
    }

    /// The meta record as stored, if it reads.
    pub fn stored_meta(&self, id: Id) -> Option<StoredMeta> {
        self.records.borrow().get(&id)?.meta().cloned()
    }
}

impl Repository for MemoryRepository {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        self.usable()?;
        Ok(self
            .records
            .borrow()
            .iter()
            .filter_map(|(id, r)| match &r.meta {
                Some(Meta::Readable(m)) => Some(m.clone()),
                // A workspace whose meta is gone or unreadable is still listed, its meta rebuilt.
                other if r.exists() => {
                    let head = r.part_texts().remove(HEAD).or_else(|| r.legacy.clone());
                    let old = match other {
                        Some(Meta::Unreadable(t)) => Some(t.as_str()),
                        _ => None,
                    };
                    Some(rebuilt_meta(*id, head.as_deref(), old))
                }
                _ => None,
            })
            .collect())
    }

    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        self.usable()?;
        let records = self.records.borrow();
        let s = records.get(&id).ok_or(StorageError::NotFound)?;
        if !s.exists() {
            return Err(StorageError::NotFound);
        }
        Ok(StoredBody {
            id,
            revision: s.revision(),
            name: match &s.meta {
                Some(Meta::Readable(m)) => Some(m.name.clone()),
                Some(Meta::Unreadable(t)) => name_in_meta(t),
                None => None,
            },
            parts: s.part_texts().into_iter().collect(),
            legacy: s.legacy.clone(),
        })
    }

    async fn save_and_clear(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
        journals: &[JournalRemoval],
    ) -> Result<u64, StorageError> {
        self.writable()?;
        let mut records = self.records.borrow_mut();
        let stored = records.get(&meta.id).map_or(0, Stored::revision);
        if stored != base_revision {
            return Err(StorageError::Conflict {
                stored,
                base: base_revision,
            });
        }
        let entry = records.entry(meta.id).or_default();
        if write.replace_all {
            entry.raw.clear();
            entry.legacy = None;
        }
        for k in write
            .deletes
            .iter()
            .chain(write.puts.iter().map(|(k, _)| k))
        {
            entry.raw.remove(k);
        }
        apply_write(&mut entry.parts, write);
        entry.meta = Some(Meta::Readable(StoredMeta {
            revision: base_revision + 1,
            ..meta.clone()
        }));
        self.remove_journals_now(meta.id, journals);
        Ok(base_revision + 1)
    }

    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        self.usable()?;
        let records = self.records.borrow();
        let s = records.get(&id).ok_or(StorageError::NotFound)?;
        Ok(StoredCheck {
            revision: s.revision(),
            parts: s.parts.len() + s.raw.len(),
        })
    }

    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        self.writable()?;
        let mut records = self.records.borrow_mut();
        let record = records.get_mut(&meta.id).ok_or(StorageError::NotFound)?;
        // A workspace listed with a rebuilt meta gets it written, at the revision its saves check.
        let (revision, bytes) = match record.meta() {
            Some(old) => (old.revision, old.bytes),
            None if record.exists() => (0, meta.bytes),
            None => return Err(StorageError::NotFound),
        };
        record.meta = Some(Meta::Readable(StoredMeta {
            revision,
            bytes,
            ..meta.clone()
        }));
        Ok(())
    }

    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        self.writable()?;
        self.records.borrow_mut().remove(&id);
        self.journals.borrow_mut().retain(|(w, _), _| *w != id);
        Ok(())
    }

    async fn put_journal(&self, workspace: Id, tab: &str, text: &str) -> Result<(), StorageError> {
        self.writable()?;
        // A journal is worth something only on top of its stored workspace.
        if self
            .records
            .borrow()
            .get(&workspace)
            .is_none_or(|r| r.meta.is_none() && !r.exists())
        {
            return Err(StorageError::NotFound);
        }
        self.put_journal_text(workspace, tab, text);
        Ok(())
    }

    async fn journals(&self, workspace: Id) -> Result<Vec<StoredJournal>, StorageError> {
        self.usable()?;
        Ok(self
            .journals
            .borrow()
            .iter()
            .filter(|((w, _), _)| *w == workspace)
            .map(|((_, tab), text)| StoredJournal {
                tab: tab.clone(),
                text: text.clone(),
            })
            .collect())
    }

    async fn remove_journals(
        &self,
        workspace: Id,
        journals: &[JournalRemoval],
    ) -> Result<(), StorageError> {
        self.writable()?;
        self.remove_journals_now(workspace, journals);
        Ok(())
    }

    async fn reopen(&self) -> Result<(), StorageError> {
        self.reopens.set(self.reopens.get() + 1);
        self.closed.set(false);
        Ok(())
    }

    async fn seal(&self) -> Result<(), StorageError> {
        self.writable()?;
        self.seals.set(self.seals.get() + 1);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file_format::pace::Pace;
    use crate::file_format::parts::all_parts;
    use crate::model::Workspace;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// The memory repository never waits, so one poll finishes every call.
    fn run<T>(f: impl Future<Output = T>) -> T {
        match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("memory repository pended"),
        }
    }

    fn meta(id: Id) -> StoredMeta {
        StoredMeta {
            id,
            name: "Køge".into(),
            revision: 0,
            saved_at: chrono::Utc::now(),
            last_exported_at: None,
            deleted_at: None,
            bytes: 0,
            edited_at: None,
        }
    }

    fn write(name: &str) -> (Id, WriteSet) {
        let ws = Workspace::new(name);
        (ws.id, all_parts(&ws, chrono::Utc::now()))
    }

    #[test]
    fn a_save_based_on_an_old_revision_is_refused_and_keeps_the_newer_data() {
        let repo = MemoryRepository::default();
        let (id, a) = write("a");
        assert_eq!(run(repo.save(&meta(id), &a, 0)), Ok(1));
        // Tab A saves revision 2 on top of 1.
        let mut b = a.clone();
        b.puts[0].1 = b.puts[0].1.replace("\"a\"", "\"b\"");
        assert_eq!(run(repo.save(&meta(id), &b, 1)), Ok(2));
        // Tab B still thinks revision 1 is the newest.
        assert_eq!(
            run(repo.save(&meta(id), &a, 1)),
            Err(StorageError::Conflict { stored: 2, base: 1 })
        );
        let body = run(repo.load(id)).unwrap();
        assert_eq!(run(body.read(&Pace::UNPACED)).unwrap().workspace.name, "b");
        assert_eq!(run(repo.check(id)).unwrap().revision, 2);
    }

    #[test]
    fn trash_keeps_the_body_until_deleted() {
        let repo = MemoryRepository::default();
        let (id, w) = write("body");
        run(repo.save(&meta(id), &w, 0)).unwrap();
        let trashed = StoredMeta {
            deleted_at: Some(chrono::Utc::now()),
            ..meta(id)
        };
        run(repo.put_meta(&trashed)).unwrap();
        let listed = run(repo.list()).unwrap();
        assert!(listed[0].deleted_at.is_some());
        assert_eq!(listed[0].revision, 1, "meta updates keep the revision");
        assert_eq!(
            run(run(repo.load(id)).unwrap().read(&Pace::UNPACED))
                .unwrap()
                .workspace
                .name,
            "body"
        );
        run(repo.delete(id)).unwrap();
        assert_eq!(run(repo.load(id)), Err(StorageError::NotFound));
    }
}
