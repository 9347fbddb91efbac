//! IndexedDB repository (through rexie). Two object stores keyed by workspace id: `meta` holds small JSON
//! records for the list, `bodies` the workspace envelope JSON. A save checks the stored revision and writes
//! both in one transaction, so a body and its meta never disagree.

use super::{Repository, StorageError, StoredBody, StoredMeta};
use crate::model::Id;
use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

const DB_NAME: &str = "trappe";
const META: &str = "meta";
const BODIES: &str = "bodies";

pub struct IndexedDbRepository {
    db: Rexie,
}

fn err(e: rexie::Error) -> StorageError {
    let text = format!("{e:?}");
    if text.contains("Quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Other(text)
    }
}

fn record(id: Id, fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"id".into(), &id.to_string().into());
    for (k, v) in fields {
        let _ = Reflect::set(&obj, &(*k).into(), v);
    }
    obj.into()
}

fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(value, &name.into()).ok()
}

fn meta_from(value: &JsValue) -> Option<StoredMeta> {
    let json = field(value, "json")?.as_string()?;
    serde_json::from_str(&json).ok()
}

impl IndexedDbRepository {
    /// Opens (or creates) the database. Fails where the browser blocks IndexedDB.
    pub async fn open() -> Result<Self, StorageError> {
        let db = Rexie::builder(DB_NAME)
            .version(1)
            .add_object_store(ObjectStore::new(META).key_path("id"))
            .add_object_store(ObjectStore::new(BODIES).key_path("id"))
            .build()
            .await
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        Ok(IndexedDbRepository { db })
    }

    fn meta_value(meta: &StoredMeta) -> JsValue {
        let json = serde_json::to_string(meta).unwrap_or_default();
        record(meta.id, &[("json", json.into())])
    }
}

impl Repository for IndexedDbRepository {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        let tx = self
            .db
            .transaction(&[META], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(META).map_err(err)?;
        let values = store.get_all(None, None).await.map_err(err)?;
        // A meta record that cannot be read is skipped here; its body stays untouched in storage.
        Ok(values.iter().filter_map(meta_from).collect())
    }

    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        let tx = self
            .db
            .transaction(&[BODIES], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(BODIES).map_err(err)?;
        let value = store
            .get(id.to_string().into())
            .await
            .map_err(err)?
            .ok_or(StorageError::NotFound)?;
        let revision = field(&value, "revision")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u64;
        let json = field(&value, "json")
            .and_then(|v| v.as_string())
            .ok_or_else(|| StorageError::Other("body without json".into()))?;
        Ok(StoredBody { revision, json })
    }

    async fn save(
        &self,
        meta: &StoredMeta,
        json: &str,
        base_revision: u64,
    ) -> Result<u64, StorageError> {
        let tx = self
            .db
            .transaction(&[META, BODIES], TransactionMode::ReadWrite)
            .map_err(err)?;
        let metas = tx.store(META).map_err(err)?;
        let bodies = tx.store(BODIES).map_err(err)?;
        let stored = metas
            .get(meta.id.to_string().into())
            .await
            .map_err(err)?
            .and_then(|v| meta_from(&v))
            .map_or(0, |m| m.revision);
        if stored != base_revision {
            let _ = tx.abort().await;
            return Err(StorageError::Conflict {
                stored,
                base: base_revision,
            });
        }
        let revision = base_revision + 1;
        let new_meta = StoredMeta {
            revision,
            bytes: json.len(),
            ..meta.clone()
        };
        bodies
            .put(
                &record(
                    meta.id,
                    &[
                        ("revision", JsValue::from_f64(revision as f64)),
                        ("json", json.into()),
                    ],
                ),
                None,
            )
            .await
            .map_err(err)?;
        metas
            .put(&Self::meta_value(&new_meta), None)
            .await
            .map_err(err)?;
        tx.done().await.map_err(err)?;
        Ok(revision)
    }

    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[META], TransactionMode::ReadWrite)
            .map_err(err)?;
        let metas = tx.store(META).map_err(err)?;
        let stored = metas
            .get(meta.id.to_string().into())
            .await
            .map_err(err)?
            .and_then(|v| meta_from(&v))
            .ok_or(StorageError::NotFound)?;
        let merged = StoredMeta {
            revision: stored.revision,
            bytes: stored.bytes,
            ..meta.clone()
        };
        metas
            .put(&Self::meta_value(&merged), None)
            .await
            .map_err(err)?;
        tx.done().await.map_err(err)?;
        Ok(())
    }

    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[META, BODIES], TransactionMode::ReadWrite)
            .map_err(err)?;
        let key: JsValue = id.to_string().into();
        tx.store(META)
            .map_err(err)?
            .delete(key.clone())
            .await
            .map_err(err)?;
        tx.store(BODIES)
            .map_err(err)?
            .delete(key)
            .await
            .map_err(err)?;
        tx.done().await.map_err(err)?;
        Ok(())
    }
}
