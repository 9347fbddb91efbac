//! IndexedDB repository (through rexie). Database version 2 has three object stores: `meta` (small JSON
//! records for the list, keyed by workspace id), `parts` (one JSON text per workspace part, keyed
//! `<workspace id>|<part key>`) and `bodies` (whole workspaces written by version 1, kept until their next
//! save moves them into parts). A save checks the stored revision and writes its parts, deletes and meta in
//! one transaction, so parts and meta never disagree.
//!
//! What is stored is read as input: a value that is not text is read as its JSON, and a workspace whose
//! meta record is missing or unreadable is listed with a meta rebuilt from its head (see `rebuilt_meta`).

use super::{
    name_in_meta, rebuilt_meta, Repository, StorageError, StoredBody, StoredCheck, StoredMeta,
};
use crate::file_format::parts::{WriteSet, HEAD};
use crate::model::Id;
use js_sys::{Object, Reflect};
use rexie::{KeyRange, ObjectStore, Rexie, Store, TransactionMode};
use std::collections::HashSet;
use wasm_bindgen::JsValue;

const DB_NAME: &str = "trappe";
const DB_VERSION: u32 = 2;
const META: &str = "meta";
const PARTS: &str = "parts";
const BODIES: &str = "bodies";

pub struct IndexedDbRepository {
    db: Rexie,
}

fn err(e: rexie::Error) -> StorageError {
    StorageError::from_browser(&format!("{e:?}"))
}

fn record(key_field: &str, key: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    let _ = Reflect::set(&obj, &key_field.into(), &key.into());
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

/// A stored value as text: Trappe stores text, but a value replaced by something else (an object, a
/// number) is read as its JSON, like any part, rather than skipped.
fn value_text(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        return s;
    }
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

/// A meta record that does not read as a meta: the workspace id it is stored under, and its text.
fn unreadable_meta(value: &JsValue) -> Option<(Id, String)> {
    let id = field(value, "id")?.as_string()?.parse().ok()?;
    let text = field(value, "json")
        .filter(|j| j.as_string().is_some())
        .map_or_else(|| value_text(value), |j| value_text(&j));
    Some((id, text))
}

fn range_error(e: impl std::fmt::Debug) -> StorageError {
    StorageError::Other(format!("{e:?}"))
}

fn part_key(id: Id, key: &str) -> String {
    format!("{id}|{key}")
}

/// Every part key of workspace `id`: `<id>|` up to `<id>|\u{ffff}`.
fn part_range(id: Id) -> Result<KeyRange, StorageError> {
    KeyRange::bound(
        &format!("{id}|").into(),
        &format!("{id}|\u{ffff}").into(),
        Some(false),
        Some(false),
    )
    .map_err(|e| StorageError::Other(format!("{e:?}")))
}

impl IndexedDbRepository {
    /// Opens (or creates, or upgrades from version 1) the database. Fails where the browser blocks
    /// IndexedDB. Every store must be named here: the upgrade removes stores it is not told about.
    pub async fn open() -> Result<Self, StorageError> {
        Self::open_named(DB_NAME).await
    }

    /// The same database layout under another name (tests use their own databases).
    pub async fn open_named(name: &str) -> Result<Self, StorageError> {
        let db = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(META).key_path("id"))
            .add_object_store(ObjectStore::new(BODIES).key_path("id"))
            // Values are the parts' JSON text, keyed out of line: plain strings clone fastest.
            .add_object_store(ObjectStore::new(PARTS))
            .build()
            .await
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        Ok(IndexedDbRepository { db })
    }

    fn meta_value(meta: &StoredMeta) -> JsValue {
        let json = serde_json::to_string(meta).unwrap_or_default();
        record("id", &meta.id.to_string(), &[("json", json.into())])
    }

    async fn stored_meta(metas: &Store, id: Id) -> Result<Option<StoredMeta>, StorageError> {
        Ok(metas
            .get(id.to_string().into())
            .await
            .map_err(err)?
            .and_then(|v| meta_from(&v)))
    }

    /// The id of every workspace that has parts, one request per workspace: each finds the first key
    /// after the previous workspace's parts.
    async fn part_ids(parts: &Store) -> Result<Vec<Id>, StorageError> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        // Strings only: Trappe's keys are text, and keys of other kinds sort before or after them.
        let mut range = KeyRange::lower_bound(&"".into(), Some(false)).map_err(range_error)?;
        loop {
            let keys = parts
                .get_all_keys(Some(range), Some(1))
                .await
                .map_err(err)?;
            let Some(key) = keys.first().and_then(JsValue::as_string) else {
                break;
            };
            let next = match key.split_once('|') {
                Some((prefix, _)) => {
                    if let Ok(id) = prefix.parse::<Id>() {
                        if seen.insert(id) {
                            out.push(id);
                        }
                    }
                    let past = format!("{prefix}|\u{ffff}");
                    if key.starts_with(&past) {
                        key
                    } else {
                        past
                    }
                }
                None => key,
            };
            range = KeyRange::lower_bound(&next.into(), Some(true)).map_err(range_error)?;
        }
        Ok(out)
    }

    /// Whether anything of workspace `id` is stored besides its meta.
    async fn has_data(parts: &Store, bodies: &Store, id: Id) -> Result<bool, StorageError> {
        Ok(parts.count(Some(part_range(id)?)).await.map_err(err)? > 0
            || bodies
                .key_exists(id.to_string().into())
                .await
                .map_err(err)?)
    }

    async fn delete_parts(parts: &Store, id: Id) -> Result<(), StorageError> {
        let keys = parts
            .get_all_keys(Some(part_range(id)?), None)
            .await
            .map_err(err)?;
        for k in keys {
            parts.delete(k).await.map_err(err)?;
        }
        Ok(())
    }
}

impl Repository for IndexedDbRepository {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(META).map_err(err)?;
        let values = store.get_all(None, None).await.map_err(err)?;
        let mut out = Vec::with_capacity(values.len());
        let mut unreadable = std::collections::HashMap::new();
        for v in &values {
            match meta_from(v) {
                Some(m) => out.push(m),
                None => unreadable.extend(unreadable_meta(v)),
            }
        }
        // A workspace whose meta is missing or cannot be read is listed too, its meta rebuilt from its
        // head (or version-1 body). The next save writes a meta again.
        let listed: HashSet<Id> = out.iter().map(|m| m.id).collect();
        let parts = tx.store(PARTS).map_err(err)?;
        let bodies = tx.store(BODIES).map_err(err)?;
        let mut missing: Vec<Id> = Self::part_ids(&parts)
            .await?
            .into_iter()
            .filter(|id| !listed.contains(id))
            .collect();
        for k in bodies.get_all_keys(None, None).await.map_err(err)? {
            if let Some(id) = k.as_string().and_then(|k| k.parse::<Id>().ok()) {
                if !listed.contains(&id) && !missing.contains(&id) {
                    missing.push(id);
                }
            }
        }
        for id in missing {
            let head = match parts.get(part_key(id, HEAD).into()).await.map_err(err)? {
                Some(v) => Some(value_text(&v)),
                None => bodies
                    .get(id.to_string().into())
                    .await
                    .map_err(err)?
                    .and_then(|v| field(&v, "json"))
                    .map(|j| value_text(&j)),
            };
            out.push(rebuilt_meta(
                id,
                head.as_deref(),
                unreadable.get(&id).map(String::as_str),
            ));
        }
        Ok(out)
    }

    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES], TransactionMode::ReadOnly)
            .map_err(err)?;
        let meta = tx
            .store(META)
            .map_err(err)?
            .get(id.to_string().into())
            .await
            .map_err(err)?;
        // Without a readable meta the stored revision is 0, which is what a save checks against.
        let (revision, name) = match meta.as_ref().map(|v| (meta_from(v), v)) {
            Some((Some(m), _)) => (m.revision, Some(m.name)),
            Some((None, v)) => (
                0,
                unreadable_meta(v).and_then(|(_, text)| name_in_meta(&text)),
            ),
            None => (0, None),
        };
        let prefix = format!("{id}|");
        let store = tx.store(PARTS).map_err(err)?;
        // Keys and values of one range come in the same (key) order.
        let keys = store
            .get_all_keys(Some(part_range(id)?), None)
            .await
            .map_err(err)?;
        let values = store
            .get_all(Some(part_range(id)?), None)
            .await
            .map_err(err)?;
        let parts: Vec<(String, String)> = keys
            .iter()
            .zip(&values)
            .filter_map(|(k, v)| {
                let k = k.as_string()?;
                Some((k.strip_prefix(&prefix)?.to_string(), value_text(v)))
            })
            .collect();
        let legacy = if parts.is_empty() {
            tx.store(BODIES)
                .map_err(err)?
                .get(id.to_string().into())
                .await
                .map_err(err)?
                .and_then(|v| field(&v, "json"))
                .map(|j| value_text(&j))
        } else {
            None
        };
        if parts.is_empty() && legacy.is_none() {
            return Err(StorageError::NotFound);
        }
        Ok(StoredBody {
            id,
            revision,
            name,
            parts,
            legacy,
        })
    }

    async fn save(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
    ) -> Result<u64, StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES], TransactionMode::ReadWrite)
            .map_err(err)?;
        let metas = tx.store(META).map_err(err)?;
        let parts = tx.store(PARTS).map_err(err)?;
        let stored = Self::stored_meta(&metas, meta.id)
            .await?
            .map_or(0, |m| m.revision);
        if stored != base_revision {
            let _ = tx.abort().await;
            return Err(StorageError::Conflict {
                stored,
                base: base_revision,
            });
        }
        let id = meta.id;
        let result: Result<(), StorageError> = async {
            if write.replace_all {
                Self::delete_parts(&parts, id).await?;
                // A version-1 body has now moved into parts.
                tx.store(BODIES)
                    .map_err(err)?
                    .delete(id.to_string().into())
                    .await
                    .map_err(err)?;
            }
            for k in &write.deletes {
                parts.delete(part_key(id, k).into()).await.map_err(err)?;
            }
            parts
                .put_all(write.puts.iter().map(|(k, json)| {
                    (
                        JsValue::from_str(json),
                        Some(JsValue::from_str(&part_key(id, k))),
                    )
                }))
                .await
                .map_err(err)?;
            let new_meta = StoredMeta {
                revision: base_revision + 1,
                ..meta.clone()
            };
            metas
                .put(&Self::meta_value(&new_meta), None)
                .await
                .map_err(err)?;
            Ok(())
        }
        .await;
        match result {
            Ok(()) => {
                tx.done().await.map_err(err)?;
                Ok(base_revision + 1)
            }
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS], TransactionMode::ReadOnly)
            .map_err(err)?;
        let revision = Self::stored_meta(&tx.store(META).map_err(err)?, id)
            .await?
            .map_or(0, |m| m.revision);
        let parts = tx
            .store(PARTS)
            .map_err(err)?
            .count(Some(part_range(id)?))
            .await
            .map_err(err)? as usize;
        Ok(StoredCheck { revision, parts })
    }

    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES], TransactionMode::ReadWrite)
            .map_err(err)?;
        let metas = tx.store(META).map_err(err)?;
        // A workspace listed with a rebuilt meta gets it written, at the revision its saves check (0).
        let (revision, bytes) = match Self::stored_meta(&metas, meta.id).await? {
            Some(stored) => (stored.revision, stored.bytes),
            None => {
                let parts = tx.store(PARTS).map_err(err)?;
                let bodies = tx.store(BODIES).map_err(err)?;
                if !Self::has_data(&parts, &bodies, meta.id).await? {
                    return Err(StorageError::NotFound);
                }
                (0, meta.bytes)
            }
        };
        let merged = StoredMeta {
            revision,
            bytes,
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
            .transaction(&[META, PARTS, BODIES], TransactionMode::ReadWrite)
            .map_err(err)?;
        let key: JsValue = id.to_string().into();
        tx.store(META)
            .map_err(err)?
            .delete(key.clone())
            .await
            .map_err(err)?;
        Self::delete_parts(&tx.store(PARTS).map_err(err)?, id).await?;
        tx.store(BODIES)
            .map_err(err)?
            .delete(key)
            .await
            .map_err(err)?;
        tx.done().await.map_err(err)?;
        Ok(())
    }
}
