//! An in-memory repository: the fallback when the browser refuses storage (the work then lives only in
//! this tab, and the app says so), and the double for native tests of the save rules.

use super::{Repository, StorageError, StoredBody, StoredMeta};
use crate::model::Id;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct MemoryRepository {
    records: RefCell<BTreeMap<Id, (StoredMeta, String)>>,
}

impl Repository for MemoryRepository {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        Ok(self
            .records
            .borrow()
            .values()
            .map(|r| r.0.clone())
            .collect())
    }

    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        let records = self.records.borrow();
        let (meta, json) = records.get(&id).ok_or(StorageError::NotFound)?;
        Ok(StoredBody {
            revision: meta.revision,
            json: json.clone(),
        })
    }

    async fn save(
        &self,
        meta: &StoredMeta,
        json: &str,
        base_revision: u64,
    ) -> Result<u64, StorageError> {
        let mut records = self.records.borrow_mut();
        let stored = records.get(&meta.id).map_or(0, |r| r.0.revision);
        if stored != base_revision {
            return Err(StorageError::Conflict {
                stored,
                base: base_revision,
            });
        }
        let mut meta = meta.clone();
        meta.revision = base_revision + 1;
        meta.bytes = json.len();
        records.insert(meta.id, (meta, json.to_string()));
        Ok(base_revision + 1)
    }

    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        let mut records = self.records.borrow_mut();
        let record = records.get_mut(&meta.id).ok_or(StorageError::NotFound)?;
        let revision = record.0.revision;
        record.0 = StoredMeta {
            revision,
            ..meta.clone()
        };
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
    use crate::model::new_id;
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
        }
    }

    #[test]
    fn a_save_based_on_an_old_revision_is_refused_and_keeps_the_newer_data() {
        let repo = MemoryRepository::default();
        let id = new_id();
        assert_eq!(run(repo.save(&meta(id), "a", 0)), Ok(1));
        // Tab A saves revision 2 on top of 1.
        assert_eq!(run(repo.save(&meta(id), "b", 1)), Ok(2));
        // Tab B still thinks revision 1 is the newest.
        assert_eq!(
            run(repo.save(&meta(id), "stale", 1)),
            Err(StorageError::Conflict { stored: 2, base: 1 })
        );
        assert_eq!(run(repo.load(id)).unwrap().json, "b");
    }

    #[test]
    fn trash_keeps_the_body_until_deleted() {
        let repo = MemoryRepository::default();
        let id = new_id();
        run(repo.save(&meta(id), "body", 0)).unwrap();
        let trashed = StoredMeta {
            deleted_at: Some(chrono::Utc::now()),
            ..meta(id)
        };
        run(repo.put_meta(&trashed)).unwrap();
        let listed = run(repo.list()).unwrap();
        assert!(listed[0].deleted_at.is_some());
        assert_eq!(listed[0].revision, 1, "meta updates keep the revision");
        assert_eq!(run(repo.load(id)).unwrap().json, "body");
        run(repo.delete(id)).unwrap();
        assert_eq!(run(repo.load(id)), Err(StorageError::NotFound));
    }
}
