//! The File System Access API, thinly: the save and open pickers, a file handle's permission, writing a
//! file whole, and keeping handles in IndexedDB (handles are structured-cloneable).
//!
//! Handles are kept in their own small database, `trappe-linked-files`, one record per workspace id
//! (`{ handle, writtenAt }`), so the workspace database and its migrations are untouched.
//!
//! Pickers and permissions are not in web-sys's stable API, so they are reached by name (`Reflect`) and
//! through a small `extern` block; where the browser lacks them (Firefox), `supported()` is false.

use crate::model::Id;
use crate::storage::linked_copy::{Permission, WriteFailure};
use chrono::{DateTime, Utc};
use js_sys::{Array, Function, Object, Promise, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemFileHandle, FileSystemHandle, FileSystemWritableFileStream};

pub type Handle = FileSystemFileHandle;

/// The link database's errors, as the text the caller shows or logs.
fn described(e: impl std::fmt::Debug) -> String {
    format!("{e:?}")
}

#[wasm_bindgen]
extern "C" {
    /// A `FileSystemHandle` seen through the File System Access methods web-sys keeps unstable.
    #[wasm_bindgen(extends = FileSystemHandle)]
    type AccessHandle;
    #[wasm_bindgen(method, catch, js_name = queryPermission)]
    fn query_permission(this: &AccessHandle, descriptor: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = requestPermission)]
    fn request_permission(this: &AccessHandle, descriptor: &JsValue) -> Result<Promise, JsValue>;
}

fn access(handle: &Handle) -> &AccessHandle {
    handle.unchecked_ref()
}

fn window_function(name: &str) -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// The browser can link a file (Chrome, Edge): `showSaveFilePicker` exists.
pub fn supported() -> bool {
    window_function("showSaveFilePicker").is_some()
}

/// The browser can open a file and keep its handle: `showOpenFilePicker` exists.
pub fn open_supported() -> bool {
    window_function("showOpenFilePicker").is_some()
}

/// A picker that did not give a file.
#[derive(Debug)]
pub enum PickError {
    /// The user closed the picker.
    Cancelled,
    Failed(String),
}

fn error_name(e: &JsValue) -> (String, String) {
    let get = |k: &str| {
        Reflect::get(e, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    (get("name"), get("message"))
}

fn pick_error(e: JsValue) -> PickError {
    let (name, message) = error_name(&e);
    if name == "AbortError" {
        PickError::Cancelled
    } else {
        PickError::Failed(format!("{name} {message}").trim().to_string())
    }
}

/// `{ types: [{ description: "Trappe-fil (JSON)", accept: { "application/json": [".json"] } }] }`
fn json_types() -> Array {
    let accept = Object::new();
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Trappe-fil (JSON)".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    Array::of1(&kind)
}

async fn call_picker(name: &str, options: &Object) -> Result<JsValue, PickError> {
    let picker = window_function(name).ok_or_else(|| PickError::Failed(name.to_string()))?;
    let window = web_sys::window().ok_or_else(|| PickError::Failed("window".into()))?;
    let promise: Promise = picker
        .call1(&window, options)
        .map_err(pick_error)?
        .dyn_into()
        .map_err(|_| PickError::Failed(name.to_string()))?;
    JsFuture::from(promise).await.map_err(pick_error)
}

/// Asks where to keep the copy (`showSaveFilePicker`); needs a click. The picked file may be new.
pub async fn pick_save(suggested_name: &str) -> Result<Handle, PickError> {
    let options = Object::new();
    let _ = Reflect::set(&options, &"suggestedName".into(), &suggested_name.into());
    let _ = Reflect::set(&options, &"types".into(), &json_types());
    let _ = Reflect::set(&options, &"id".into(), &"trappe-kopi".into());
    call_picker("showSaveFilePicker", &options)
        .await?
        .dyn_into()
        .map_err(|_| PickError::Failed("handle".into()))
}

/// Asks for a file to open (`showOpenFilePicker`); needs a click.
pub async fn pick_open() -> Result<Handle, PickError> {
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &json_types());
    let _ = Reflect::set(&options, &"multiple".into(), &false.into());
    let _ = Reflect::set(&options, &"id".into(), &"trappe-kopi".into());
    let picked = call_picker("showOpenFilePicker", &options).await?;
    Array::from(&picked)
        .get(0)
        .dyn_into()
        .map_err(|_| PickError::Cancelled)
}

pub fn name(handle: &Handle) -> String {
    handle.name()
}

fn readwrite() -> JsValue {
    let d = Object::new();
    let _ = Reflect::set(&d, &"mode".into(), &"readwrite".into());
    d.into()
}

async fn permission(promise: Result<Promise, JsValue>) -> Permission {
    let answer = match promise {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
        Err(_) => None,
    };
    Permission::from_browser(answer.as_deref())
}

/// Whether Trappe may write the file now, without asking.
pub async fn query_permission(handle: &Handle) -> Permission {
    permission(access(handle).query_permission(&readwrite())).await
}

/// Asks the user for permission to write; must run in a click (the browser refuses otherwise).
pub async fn request_permission(handle: &Handle) -> Permission {
    permission(access(handle).request_permission(&readwrite())).await
}

fn write_failure(e: JsValue) -> WriteFailure {
    let (name, message) = error_name(&e);
    if name.is_empty() && message.is_empty() {
        WriteFailure::from_browser("", &e.as_string().unwrap_or_default())
    } else {
        WriteFailure::from_browser(&name, &message)
    }
}

/// Writes `text` as the whole file: `createWritable()` → write → close. The browser writes to a swap file
/// and puts it in place on close, so a failed write leaves the old file as it was.
pub async fn write(handle: &Handle, text: &str) -> Result<(), WriteFailure> {
    let writable: FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await
        .map_err(write_failure)?
        .unchecked_into();
    let written = match writable.write_with_str(text) {
        Ok(p) => JsFuture::from(p).await.map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = written {
        let _ = JsFuture::from(writable.abort()).await;
        return Err(write_failure(e));
    }
    JsFuture::from(writable.close())
        .await
        .map(|_| ())
        .map_err(write_failure)
}

/// The file behind a handle, to read.
pub async fn file(handle: &Handle) -> Result<File, WriteFailure> {
    JsFuture::from(handle.get_file())
        .await
        .map_err(write_failure)?
        .dyn_into()
        .map_err(|_| WriteFailure::Other("getFile".into()))
}

// --- Handles in IndexedDB ---------------------------------------------------------------------------

const DB_NAME: &str = "trappe-linked-files";
const DB_VERSION: u32 = 1;
const LINKS: &str = "links";

/// A stored link: the handle and when its file was last written.
pub struct StoredLink {
    pub handle: Handle,
    pub written_at: Option<DateTime<Utc>>,
}

thread_local! {
    static DB: RefCell<Option<Rc<Rexie>>> = const { RefCell::new(None) };
}

/// The database, opened once per page.
async fn db() -> Result<Rc<Rexie>, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = Rc::new(
        Rexie::builder(DB_NAME)
            .version(DB_VERSION)
            // Keyed out of line by workspace id.
            .add_object_store(ObjectStore::new(LINKS))
            .build()
            .await
            .map_err(described)?,
    );
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// The link of workspace `id`, if it has one (and the browser's storage can be read).
pub async fn load(id: Id) -> Option<StoredLink> {
    let db = db().await.ok()?;
    let tx = db.transaction(&[LINKS], TransactionMode::ReadOnly).ok()?;
    let value = tx
        .store(LINKS)
        .ok()?
        .get(id.to_string().into())
        .await
        .ok()??;
    let handle = Reflect::get(&value, &"handle".into())
        .ok()?
        .dyn_into::<Handle>()
        .ok()?;
    let written_at = Reflect::get(&value, &"writtenAt".into())
        .ok()
        .and_then(|v| v.as_f64())
        .and_then(|ms| DateTime::<Utc>::from_timestamp_millis(ms as i64));
    Some(StoredLink { handle, written_at })
}

/// Keeps (or replaces) the link of workspace `id`.
pub async fn store(
    id: Id,
    handle: &Handle,
    written_at: Option<DateTime<Utc>>,
) -> Result<(), String> {
    let value = Object::new();
    let _ = Reflect::set(&value, &"handle".into(), handle);
    let _ = Reflect::set(
        &value,
        &"writtenAt".into(),
        &written_at.map_or(JsValue::NULL, |t| {
            JsValue::from_f64(t.timestamp_millis() as f64)
        }),
    );
    let db = db().await?;
    let tx = db
        .transaction(&[LINKS], TransactionMode::ReadWrite)
        .map_err(described)?;
    tx.store(LINKS)
        .map_err(described)?
        .put(&value.into(), Some(&id.to_string().into()))
        .await
        .map_err(described)?;
    tx.done().await.map_err(described)?;
    Ok(())
}

/// Forgets the link of workspace `id` (the file itself is left alone).
pub async fn remove(id: Id) -> Result<(), String> {
    let db = db().await?;
    let tx = db
        .transaction(&[LINKS], TransactionMode::ReadWrite)
        .map_err(described)?;
    tx.store(LINKS)
        .map_err(described)?
        .delete(id.to_string().into())
        .await
        .map_err(described)?;
    tx.done().await.map_err(described)?;
    Ok(())
}
