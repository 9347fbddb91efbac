//! An in-memory repository: the fallback when the browser refuses storage (the work then lives only in
//! this tab, and the app says so), and the double for native tests of the save rules.

use super::{Repository, StorageError, StoredBody, StoredCheck, StoredMeta};
use crate::file_format::parts::{apply_write, WriteSet};
use crate::model::Id;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
struct Stored {
    meta: Option<StoredMeta>,
    parts: BTreeMap<String, String>,
    legacy: Option<String>,
}

#[derive(Default)]
pub struct MemoryRepository {
    records: RefCell<BTreeMap<Id, Stored>>,
}

impl MemoryRepository {
    /// Stores a workspace the way the first version did (one JSON body), for upgrade tests.
    pub fn put_legacy(&self, meta: StoredMeta, json: &str) {
        self.records.borrow_mut().insert(
            meta.id,
            Stored {
                meta: Some(meta),
                parts: BTreeMap::new(),
                legacy: Some(json.to_string()),
            },
        );
    }

    /// Overwrites one stored part as a damaged disk or another program might.
    pub fn corrupt_part(&self, id: Id, key: &str, text: &str) {
        if let Some(s) = self.records.borrow_mut().get_mut(&id) {
            s.parts.insert(key.to_string(), text.to_string());
        }
    }
}

impl Repository for MemoryRepository {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        Ok(self
            .records
            .borrow()
            .values()
            .filter_map(|r| r.meta.clone())
            .collect())
    }

    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        let records = self.records.borrow();
        let s = records.get(&id).ok_or(StorageError::NotFound)?;
        let meta = s.meta.as_ref().ok_or(StorageError::NotFound)?;
        Ok(StoredBody {
            revision: meta.revision,
            parts: s
                .parts
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            legacy: s.legacy.clone(),
        })
    }

    async fn save(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
    ) -> Result<u64, StorageError> {
        let mut records = self.records.borrow_mut();
        let stored = records
            .get(&meta.id)
            .and_then(|r| r.meta.as_ref())
            .map_or(0, |m| m.revision);
        if stored != base_revision {
            return Err(StorageError::Conflict {
                stored,
                base: base_revision,
            });
        }
        let entry = records.entry(meta.id).or_default();
        apply_write(&mut entry.parts, write);
        if write.replace_all {
            entry.legacy = None;
        }
        entry.meta = Some(StoredMeta {
            revision: base_revision + 1,
            ..meta.clone()
        });
        Ok(base_revision + 1)
    }

    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        let records = self.records.borrow();
        let s = records.get(&id).ok_or(StorageError::NotFound)?;
        Ok(StoredCheck {
            revision: s.meta.as_ref().map_or(0, |m| m.revision),
            parts: s.parts.len(),
        })
    }

    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        let mut records = self.records.borrow_mut();
        let record = records.get_mut(&meta.id).ok_or(StorageError::NotFound)?;
        let old = record.meta.as_ref().ok_or(StorageError::NotFound)?;
        record.meta = Some(StoredMeta {
            revision: old.revision,
            bytes: old.bytes,
            ..meta.clone()
        });
        Ok(())
    }

    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        self.records.borrow_mut().remove(&id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(body.read().unwrap().workspace.name, "b");
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
            run(repo.load(id)).unwrap().read().unwrap().workspace.name,
            "body"
        );
        run(repo.delete(id)).unwrap();
        assert_eq!(run(repo.load(id)), Err(StorageError::NotFound));
    }
}
