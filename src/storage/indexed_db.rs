//! IndexedDB repository (through rexie). Database version 4 has four object stores: `meta` (small JSON
//! records for the list, keyed by workspace id), `parts` (one JSON text per workspace part, keyed
//! `<workspace id>|<part key>`; a pack of records as the text's UTF-8 bytes, a `Uint8Array`), `bodies`
//! (whole workspaces written by version 1, kept until their next save moves them into parts) and
//! `journal` (each tab's journal of edits not yet in the parts, the JSON of a `JournalFile`, keyed
//! `<workspace id>|<tab>`). A save checks the stored revision and writes its parts, deletes, meta and the
//! removal of the journal records it covers in one transaction, so parts and meta never disagree and parts
//! and journal never both miss an edit.
//!
//! A journal is written at once after every edit, in a transaction of its own with durability "strict"
//! (the browser flushes it to disk before it reports it done), then read back. rexie offers no transaction
//! options, so that write goes through a second connection of plain `web_sys::IdbDatabase`.
//!
//! Errors are sorted into `StorageError` kinds from the browser's `DOMException`. After a failed write
//! Chromium may close the connection ("The database connection is closing"); `reopen` drops both
//! connections and opens them again.
//!
//! What is stored is read as input: a value that is not text is read as its JSON, and a workspace whose
//! meta record is missing or unreadable is listed with a meta rebuilt from its head (see `rebuilt_meta`).

use super::{
    name_in_meta, rebuilt_meta, JournalRemoval, Repository, StorageError, StoredBody, StoredCheck,
    StoredJournal, StoredMeta,
};
use crate::file_format::pace::Pace;
use crate::file_format::parts::{is_pack, WriteSet, HEAD};
use crate::model::Id;
use js_sys::{Object, Promise, Reflect};
use rexie::{KeyRange, ObjectStore, Rexie, Store, Transaction, TransactionMode, TransactionResult};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction};

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase`, for the one call web-sys offers only behind its unstable-API flag (which would
    /// change how the whole crate is built).
    #[wasm_bindgen(extends = IdbDatabase, js_name = IDBDatabase)]
    type DatabaseWithOptions;

    /// `IDBDatabase.transaction(stores, mode, options)`.
    #[wasm_bindgen(catch, method, js_class = "IDBDatabase", js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        stores: &JsValue,
        mode: &str,
        options: &JsValue,
    ) -> Result<IdbTransaction, JsValue>;
}

const DB_NAME: &str = "trappe";
/// Version 4 stores records in packs (`file_format::parts`). The layout of `parts` is all that changed, but
/// the number went up so that a tab still running an older Trappe is told (`versionchange`) and cannot
/// write records one per part beside the packs: the upgrade waits until that tab is reloaded or closed
/// (the start page says so), and its own writes fail from then on (it keeps its edits in its journal).
const DB_VERSION: u32 = 4;
const META: &str = "meta";
const PARTS: &str = "parts";
const BODIES: &str = "bodies";
const JOURNAL: &str = "journal";
/// What `seal` writes: more than the largest write buffer Chromium gives IndexedDB's LevelDB (4 MB), in
/// records small enough to stay in its log (larger values go to files of their own).
const SEAL_RECORDS: usize = 6_000;
const SEAL_RECORD_BYTES: usize = 1_000;
/// Keys of the records `seal` writes and removes, in the journal store (workspace ids never start so).
const SEAL_PREFIX: &str = "~seal|";

/// The two connections to one database: rexie's, and a plain one for the journal's durable writes.
struct Conn {
    rexie: Rexie,
    raw: IdbDatabase,
    /// Closes `raw` when another page deletes or upgrades the database (as rexie does for its own), so
    /// this tab never blocks it; the next call then opens the database again.
    _on_version_change: Closure<dyn FnMut(web_sys::Event)>,
}

/// The open connections, replaced by `reopen`.
struct Db {
    name: String,
    conn: RefCell<Rc<Conn>>,
}

impl Db {
    fn conn(&self) -> Rc<Conn> {
        self.conn.borrow().clone()
    }

    fn transaction<T: AsRef<str>>(
        &self,
        stores: &[T],
        mode: TransactionMode,
    ) -> rexie::Result<Transaction> {
        self.conn.borrow().rexie.transaction(stores, mode)
    }
}

pub struct IndexedDbRepository {
    db: Db,
    /// The pace of long work on what is read: turning a large workspace's packs into text.
    pace: Pace,
}

/// A rexie error as a kind: the browser's `DOMException` (name and message) is in its source.
fn err(e: rexie::Error) -> StorageError {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.push_str(&format!(" ({e:?})"));
    StorageError::from_browser(&text)
}

/// A value thrown by the browser (a `DOMException`, an `Error`, anything) as a kind.
fn js_err(v: &JsValue) -> StorageError {
    if let Some(d) = v.dyn_ref::<DomException>() {
        return dom_err(d);
    }
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return StorageError::from_browser(&format!("{}: {}", e.name(), e.message()));
    }
    StorageError::from_browser(&v.as_string().unwrap_or_else(|| format!("{v:?}")))
}

fn dom_err(d: &DomException) -> StorageError {
    StorageError::from_browser(&format!("{}: {}", d.name(), d.message()))
}

/// A transaction that ended aborted without saying why (a commit the disk refused).
fn aborted() -> StorageError {
    StorageError::WriteFailed("AbortError: the transaction was aborted".into())
}

/// Waits until a rexie transaction has committed; an aborted one is an error.
async fn finish(tx: Transaction) -> Result<(), StorageError> {
    match tx.done().await.map_err(err)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(aborted()),
    }
}

/// Waits until a plain transaction has committed.
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    let result = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    match result {
        Ok(_) => Ok(()),
        Err(_) => Err(tx.error().map_or_else(aborted, |e| dom_err(&e))),
    }
}

/// Waits for a plain request's result.
async fn requested(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let result = JsFuture::from(promise).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    match result {
        Ok(_) => req.result().map_err(|e| js_err(&e)),
        Err(_) => Err(req
            .error()
            .ok()
            .flatten()
            .map_or_else(aborted, |e| dom_err(&e))),
    }
}

/// The plain connection, opened after rexie has created or upgraded the database. It never upgrades
/// (that would create stores rexie does not know): an upgrade it meets is aborted.
async fn open_plain(name: &str) -> Result<IdbDatabase, StorageError> {
    let unavailable = |what: &str| StorageError::Unavailable(what.to_string());
    let factory = web_sys::window()
        .ok_or_else(|| unavailable("no window"))?
        .indexed_db()
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?
        .ok_or_else(|| unavailable("no indexedDB"))?;
    let req = factory
        .open_with_u32(name, DB_VERSION)
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    let upgrading = req.clone();
    let refuse_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(tx) = upgrading.transaction() {
            let _ = tx.abort();
        }
    });
    req.set_onupgradeneeded(Some(refuse_upgrade.as_ref().unchecked_ref()));
    let opened = requested(&req).await;
    req.set_onupgradeneeded(None);
    drop(refuse_upgrade);
    opened?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| unavailable("not a database"))
}

fn journal_key(id: Id, tab: &str) -> String {
    format!("{id}|{tab}")
}

/// Removes journal records in `store` (inside the caller's transaction).
async fn remove_journals_in(
    store: &Store,
    id: Id,
    journals: &[JournalRemoval],
) -> Result<(), StorageError> {
    for r in journals {
        let key = JsValue::from_str(&journal_key(id, &r.tab));
        if let Some(expected) = &r.if_text {
            let now = store.get(key.clone()).await.map_err(err)?;
            if now.and_then(|v| v.as_string()).as_deref() != Some(expected.as_str()) {
                continue;
            }
        }
        store.delete(key).await.map_err(err)?;
    }
    Ok(())
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
    serde_json::from_slice(json.as_bytes()).ok()
}

/// A stored value as text: Trappe stores text (packs as its UTF-8 bytes), but a value replaced by
/// something else (an object, a number) is read as its JSON, like any part, rather than skipped. Bytes
/// that are not UTF-8 are read with the replacement character where they break.
fn value_text(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        return s;
    }
    if let Some(bytes) = v.dyn_ref::<js_sys::Uint8Array>() {
        return String::from_utf8(bytes.to_vec())
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
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

/// Every part (or journal) key of workspace `id`: `<id>|` up to `<id>|\u{ffff}`.
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
        let conn = Self::connect(name).await?;
        Ok(IndexedDbRepository {
            db: Db {
                name: name.to_string(),
                conn: RefCell::new(Rc::new(conn)),
            },
            pace: Pace::UNPACED,
        })
    }

    /// The same repository, doing its long work at `pace`.
    pub fn with_pace(self, pace: Pace) -> Self {
        IndexedDbRepository { pace, ..self }
    }

    async fn connect(name: &str) -> Result<Conn, StorageError> {
        let rexie = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(META).key_path("id"))
            .add_object_store(ObjectStore::new(BODIES).key_path("id"))
            // Values are the parts' JSON text, keyed out of line: plain strings clone fastest.
            .add_object_store(ObjectStore::new(PARTS))
            // Values are the journals' JSON text, keyed `<workspace id>|<tab>`.
            .add_object_store(ObjectStore::new(JOURNAL))
            .build()
            .await
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        let raw = open_plain(name).await?;
        let closing = raw.clone();
        let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
        raw.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Conn {
            rexie,
            raw,
            _on_version_change: on_version_change,
        })
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

    /// Deletes every part (or journal) of workspace `id`: one request for the key range, not one per key
    /// (a workspace stored one record per part had 10,000 keys).
    async fn delete_parts(parts: &Store, id: Id) -> Result<(), StorageError> {
        parts.delete(part_range(id)?.into()).await.map_err(err)
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
        let metas = tx.store(META).map_err(err)?;
        let store = tx.store(PARTS).map_err(err)?;
        // The three requests go out together and are answered in order: one wait, not three.
        let (meta, keys, values) = futures::join!(
            metas.get(id.to_string().into()),
            store.get_all_keys(Some(part_range(id)?), None),
            store.get_all(Some(part_range(id)?), None)
        );
        let meta = meta.map_err(err)?;
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
        // Keys and values of one range come in the same (key) order.
        let (keys, values) = (keys.map_err(err)?, values.map_err(err)?);
        let part = |k: &JsValue| Some(k.as_string()?.strip_prefix(&prefix)?.to_string());
        let legacy = if !keys.iter().any(|k| part(k).is_some()) {
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
        // A large workspace's packs (20 MB for 10,000 meetings) become text in slices, not in the task
        // that took the browser's answer. The transaction is asked nothing more, so it may end meanwhile.
        let mut parts = Vec::new();
        for (k, v) in keys.iter().zip(&values) {
            if let Some(k) = part(k) {
                parts.push((k, value_text(v)));
                self.pace.breathe().await;
            }
        }
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

    async fn save_and_clear(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base_revision: u64,
        journals: &[JournalRemoval],
    ) -> Result<u64, StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES, JOURNAL], TransactionMode::ReadWrite)
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
                    // Packs (nearly all the bytes) as UTF-8: into and out of wasm as one copy, where a
                    // string is converted from and to the browser's UTF-16 (about 40 ms each way for
                    // 20 MB). The small parts stay text, readable as such in the browser's tools.
                    let value = if is_pack(k) {
                        js_sys::Uint8Array::from(json.as_bytes()).into()
                    } else {
                        JsValue::from_str(json)
                    };
                    (value, Some(JsValue::from_str(&part_key(id, k))))
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
            remove_journals_in(&tx.store(JOURNAL).map_err(err)?, id, journals).await
        }
        .await;
        match result {
            Ok(()) => {
                finish(tx).await?;
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
        finish(tx).await
    }

    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[META, PARTS, BODIES, JOURNAL], TransactionMode::ReadWrite)
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
        Self::delete_parts(&tx.store(JOURNAL).map_err(err)?, id).await?;
        finish(tx).await
    }

    async fn put_journal(&self, workspace: Id, tab: &str, text: &str) -> Result<(), StorageError> {
        let conn = self.db.conn();
        let key = JsValue::from_str(&journal_key(workspace, tab));
        // "strict": the browser reports the transaction complete only once it is flushed to disk.
        let options = Object::new();
        let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
        let stores = js_sys::Array::of3(&JOURNAL.into(), &META.into(), &PARTS.into());
        let tx = conn
            .raw
            .unchecked_ref::<DatabaseWithOptions>()
            .transaction_with_options(&stores, "readwrite", &options)
            .map_err(|e| js_err(&e))?;
        // A journal is worth something only on top of its stored workspace: the browser may have lost that
        // (it deletes a database it finds damaged after a failed write to a full disk).
        // Its meta record, or (where that was damaged and the list rebuilt it) its head part.
        let mut stored = Ok(false);
        for (store, key) in [
            (META, workspace.to_string()),
            (PARTS, part_key(workspace, HEAD)),
        ] {
            let req = tx
                .object_store(store)
                .and_then(|s| s.count_with_key(&JsValue::from_str(&key)))
                .map_err(|e| js_err(&e));
            stored = match req {
                Ok(req) => requested(&req).await.map(|n| n.as_f64() == Some(1.0)),
                Err(e) => Err(e),
            };
            if !matches!(stored, Ok(false)) {
                break;
            }
        }
        if !matches!(stored, Ok(true)) {
            let _ = tx.abort();
            return Err(stored.err().unwrap_or(StorageError::NotFound));
        }
        tx.object_store(JOURNAL)
            .and_then(|store| store.put_with_key(&JsValue::from_str(text), &key))
            .map_err(|e| {
                let _ = tx.abort();
                js_err(&e)
            })?;
        committed(&tx).await?;
        // Read back in a transaction of its own: what the database holds now.
        let tx = conn
            .raw
            .transaction_with_str(JOURNAL)
            .map_err(|e| js_err(&e))?;
        let req = tx
            .object_store(JOURNAL)
            .and_then(|store| store.get(&key))
            .map_err(|e| js_err(&e))?;
        let back = requested(&req).await?;
        if back.as_string().as_deref() == Some(text) {
            Ok(())
        } else {
            Err(StorageError::NotConfirmed {
                revision: 0,
                parts: 1,
                found_revision: 0,
                found_parts: usize::from(!back.is_undefined()),
            })
        }
    }

    async fn journals(&self, workspace: Id) -> Result<Vec<StoredJournal>, StorageError> {
        let tx = self
            .db
            .transaction(&[JOURNAL], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(JOURNAL).map_err(err)?;
        let keys = store
            .get_all_keys(Some(part_range(workspace)?), None)
            .await
            .map_err(err)?;
        let values = store
            .get_all(Some(part_range(workspace)?), None)
            .await
            .map_err(err)?;
        let prefix = format!("{workspace}|");
        Ok(keys
            .iter()
            .zip(&values)
            .filter_map(|(k, v)| {
                let tab = k.as_string()?.strip_prefix(&prefix)?.to_string();
                // A value that is not text is input too: kept as its JSON, to be set aside.
                let text = v.as_string().unwrap_or_else(|| {
                    js_sys::JSON::stringify(v)
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_default()
                });
                Some(StoredJournal { tab, text })
            })
            .collect())
    }

    async fn remove_journals(
        &self,
        workspace: Id,
        journals: &[JournalRemoval],
    ) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(&[JOURNAL], TransactionMode::ReadWrite)
            .map_err(err)?;
        let result =
            remove_journals_in(&tx.store(JOURNAL).map_err(err)?, workspace, journals).await;
        match result {
            Ok(()) => finish(tx).await,
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    async fn seal(&self) -> Result<(), StorageError> {
        let filler = JsValue::from_str(&"0".repeat(SEAL_RECORD_BYTES));
        let tx = self
            .db
            .transaction(&[JOURNAL], TransactionMode::ReadWrite)
            .map_err(err)?;
        let written = tx
            .store(JOURNAL)
            .map_err(err)?
            .put_all((0..SEAL_RECORDS).map(|i| {
                (
                    filler.clone(),
                    Some(JsValue::from_str(&format!("{SEAL_PREFIX}{i:05}"))),
                )
            }))
            .await
            .map_err(err);
        match written {
            Ok(()) => finish(tx).await?,
            Err(e) => {
                let _ = tx.abort().await;
                return Err(e);
            }
        }
        let tx = self
            .db
            .transaction(&[JOURNAL], TransactionMode::ReadWrite)
            .map_err(err)?;
        let range = KeyRange::bound(
            &SEAL_PREFIX.into(),
            &format!("{SEAL_PREFIX}\u{ffff}").into(),
            Some(false),
            Some(false),
        )
        .map_err(|e| StorageError::Other(format!("{e:?}")))?;
        tx.store(JOURNAL)
            .map_err(err)?
            .delete(range.into())
            .await
            .map_err(err)?;
        finish(tx).await
    }

    async fn reopen(&self) -> Result<(), StorageError> {
        // Not opening here again is a closed connection still: said and tried again like one.
        let fresh = Self::connect(&self.db.name).await.map_err(|e| match e {
            StorageError::Unavailable(t) => StorageError::Closed(t),
            e => e,
        })?;
        let old = self.db.conn.replace(Rc::new(fresh));
        old.raw.close();
        if let Ok(old) = Rc::try_unwrap(old) {
            old.rexie.close();
        }
        Ok(())
    }
}
