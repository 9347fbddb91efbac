//! The app's side of the spreadsheet reader: the reader (`src/bin/sheet_reader.rs`, calamine and all) is
//! its own wasm module in a web worker, started on the first file and kept for the next. Nothing of it
//! loads with the app.
//!
//! The worker is always made the same way, served or opened from disk: the reader's glue script (wasm-
//! bindgen's no-modules glue) plus a small bootstrap become a `blob:` script, and the reader's wasm is
//! posted to it as bytes. Served, the two files are named by `<link rel="trappe-sheet-reader…">` in the
//! page (scripts/package.mjs adds them; the service worker caches them for offline); in trappe.html they
//! are data blocks, decoded only here.

use crate::spreadsheet::read::Reply;
use crate::spreadsheet::{ReadError, Workbook};
use base64::Engine;
use futures::channel::oneshot;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Response, Url, Worker};

/// Why a file gave no workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetReadFailure {
    /// The reader read the file and says what is wrong with it.
    Read(ReadError),
    /// The reader could not be started or stopped working (offline before its first load, a browser
    /// without workers): the reader's or the browser's own words.
    Unavailable(String),
}

/// Reads a file in the reader's worker. The bytes move to the worker (transferred, not copied again).
pub async fn read_workbook(file_name: &str, bytes: Vec<u8>) -> Result<Workbook, SheetReadFailure> {
    read_with_json(file_name, &bytes)
        .await
        .map(|(book, _)| book)
}

/// The workbook and the worker's JSON it was read from.
async fn read_with_json(
    file_name: &str,
    bytes: &[u8],
) -> Result<(Workbook, String), SheetReadFailure> {
    let reader = reader().await.map_err(SheetReadFailure::Unavailable)?;
    match reader.ask(file_name, bytes).await {
        Answer::Json(json) => {
            let reply: Reply = serde_json::from_str(&json)
                .map_err(|e| SheetReadFailure::Unavailable(format!("svar fra læseren: {e}")))?;
            Result::from(reply)
                .map(|book| (book, json))
                .map_err(SheetReadFailure::Read)
        }
        // The reader stopped inside a file (a broken file calamine does not expect; the wasm is built
        // with panic = abort): that instance is spent, the next file gets a fresh worker.
        Answer::Trapped(why) => {
            stop(&reader);
            Err(SheetReadFailure::Read(ReadError::Damaged(why)))
        }
        Answer::Failed(why) => {
            stop(&reader);
            Err(SheetReadFailure::Unavailable(why))
        }
    }
}

/// For the end-to-end tests (and the console): `wasmBindings.trappeReadSheet(name, bytes)` gives the
/// answer as JSON, `{"ok": Workbook}`, `{"err": {"Read": ReadError}}` or `{"err": {"Unavailable": "…"}}`.
/// trunk's loader (and trappe.html's) puts the app's exports on `window.wasmBindings`. The workbook is
/// read as the app reads it, then handed back as the worker sent it (no serialiser in the app's wasm).
#[wasm_bindgen(js_name = trappeReadSheet)]
pub async fn read_sheet_json(file_name: String, bytes: Vec<u8>) -> String {
    let quoted = |s: &str| serde_json::Value::from(s).to_string();
    match read_with_json(&file_name, &bytes).await {
        Ok((_, json)) => json,
        Err(SheetReadFailure::Read(ReadError::Damaged(why))) => {
            format!(r#"{{"err":{{"Read":{{"Damaged":{}}}}}}}"#, quoted(&why))
        }
        Err(SheetReadFailure::Read(ReadError::TooLarge(n))) => {
            format!(r#"{{"err":{{"Read":{{"TooLarge":{n}}}}}}}"#)
        }
        Err(SheetReadFailure::Read(e)) => format!(r#"{{"err":{{"Read":"{e:?}"}}}}"#),
        Err(SheetReadFailure::Unavailable(why)) => {
            format!(r#"{{"err":{{"Unavailable":{}}}}}"#, quoted(&why))
        }
    }
}

/// Runs in the worker after wasm-bindgen's no-modules glue (which defines `wasm_bindgen`). The first
/// message is the wasm; each later one a file, answered with its id.
const BOOTSTRAP: &str = r#"
;(() => {
  let ready = Promise.reject(new Error('no wasm'));
  ready.catch(() => {});
  self.onmessage = (event) => {
    const m = event.data;
    if (m.wasm) { ready = wasm_bindgen({ module_or_path: m.wasm }); ready.catch(() => {}); return; }
    ready.then(() => {
      let json;
      try { json = wasm_bindgen.read_workbook(m.name, new Uint8Array(m.bytes)); }
      catch (e) { self.postMessage({ id: m.id, trapped: String(e) }); return; }
      self.postMessage({ id: m.id, json });
    }, (e) => self.postMessage({ id: m.id, failed: 'start: ' + String(e) }));
  };
})();
"#;

enum Answer {
    Json(String),
    Trapped(String),
    Failed(String),
}

type Pending = Rc<RefCell<HashMap<u32, oneshot::Sender<Answer>>>>;

struct Reader {
    worker: Worker,
    url: String,
    pending: Pending,
    /// Set when the worker's script failed, perhaps before any file was waiting.
    dead: Rc<RefCell<Option<String>>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    /// The running reader; None before the first file and after it stopped.
    static READER: RefCell<Option<Rc<Reader>>> = const { RefCell::new(None) };
    /// Held while the reader starts, so two files at once start one worker.
    static STARTING: Rc<futures::lock::Mutex<()>> = Rc::new(futures::lock::Mutex::new(()));
}

async fn reader() -> Result<Rc<Reader>, String> {
    let lock = STARTING.with(Rc::clone);
    let _starting = lock.lock().await;
    if let Some(r) = READER.with(|r| r.borrow().clone()) {
        return Ok(r);
    }
    let (glue, wasm) = sources().await?;
    let reader = Rc::new(start(&glue, wasm)?);
    READER.with(|r| *r.borrow_mut() = Some(reader.clone()));
    Ok(reader)
}

/// Ends a reader that failed (if it is still the current one); every file waiting on it is told.
fn stop(reader: &Rc<Reader>) {
    READER.with(|r| {
        let mut current = r.borrow_mut();
        if current.as_ref().is_some_and(|c| Rc::ptr_eq(c, reader)) {
            *current = None;
        }
    });
    reader.worker.terminate();
    let _ = Url::revoke_object_url(&reader.url);
    for (_, waiting) in reader.pending.borrow_mut().drain() {
        let _ = waiting.send(Answer::Failed("læseren stoppede".into()));
    }
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The reader's glue script and wasm: from trappe.html's data blocks, else fetched from beside the page
/// (the service worker answers offline).
async fn sources() -> Result<(String, ArrayBuffer), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    if let (Some(js), Some(wasm)) = (
        document.get_element_by_id("trappe-sheet-reader-js"),
        document.get_element_by_id("trappe-sheet-reader-wasm"),
    ) {
        let decode = |el: web_sys::Element| {
            let text = el.text_content().unwrap_or_default();
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|e| format!("indlejret læser: {e}"))
        };
        let glue = String::from_utf8(decode(js)?).map_err(|e| e.to_string())?;
        let wasm = Uint8Array::from(decode(wasm)?.as_slice()).buffer();
        return Ok((glue, wasm));
    }
    // Without the build's links (trunk serve), trunk's own names for a worker.
    let address = |rel: &str, fallback: &str| -> Result<String, String> {
        match document.query_selector(&format!("link[rel=\"{rel}\"]")) {
            Ok(Some(link)) => Reflect::get(&link, &"href".into())
                .ok()
                .and_then(|h| h.as_string())
                .ok_or_else(|| "link uden adresse".into()),
            _ => {
                let base = document.base_uri().ok().flatten().unwrap_or_default();
                Url::new_with_base(fallback, &base)
                    .map(|u| u.href())
                    .map_err(js_error)
            }
        }
    };
    let glue = fetch(&address("trappe-sheet-reader", "sheet_reader.js")?).await?;
    let glue = JsFuture::from(glue.text().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .as_string()
        .unwrap_or_default();
    let wasm = fetch(&address(
        "trappe-sheet-reader-wasm",
        "sheet_reader_bg.wasm",
    )?)
    .await?;
    let wasm = JsFuture::from(wasm.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .unchecked_into::<ArrayBuffer>();
    Ok((glue, wasm))
}

async fn fetch(url: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {}", js_error(e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()));
    }
    Ok(response)
}

fn start(glue: &str, wasm: ArrayBuffer) -> Result<Reader, String> {
    let parts = Array::of2(&glue.into(), &BOOTSTRAP.into());
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let worker = Worker::new(&url).map_err(js_error)?;

    let pending: Pending = Rc::default();
    let on_message = {
        let pending = pending.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let field = |name: &str| Reflect::get(&data, &name.into()).ok();
            let Some(id) = field("id").and_then(|v| v.as_f64()) else {
                return;
            };
            let text = |name: &str| field(name).and_then(|v| v.as_string());
            let answer = if let Some(json) = text("json") {
                Answer::Json(json)
            } else if let Some(why) = text("trapped") {
                Answer::Trapped(why)
            } else {
                Answer::Failed(text("failed").unwrap_or_default())
            };
            if let Some(waiting) = pending.borrow_mut().remove(&(id as u32)) {
                let _ = waiting.send(answer);
            }
        })
    };
    // The script itself failed (or the browser refused it): every waiting file is told.
    let dead: Rc<RefCell<Option<String>>> = Rc::default();
    let on_error = {
        let pending = pending.clone();
        let dead = dead.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let why = Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "læseren kunne ikke starte".into());
            *dead.borrow_mut() = Some(why.clone());
            for (_, waiting) in pending.borrow_mut().drain() {
                let _ = waiting.send(Answer::Failed(why.clone()));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    let message = Object::new();
    let _ = Reflect::set(&message, &"wasm".into(), &wasm);
    worker
        .post_message_with_transfer(&message, &Array::of1(&wasm))
        .map_err(js_error)?;
    Ok(Reader {
        worker,
        url,
        pending,
        dead,
        next_id: Cell::new(1),
        _on_message: on_message,
        _on_error: on_error,
    })
}

impl Reader {
    async fn ask(&self, file_name: &str, bytes: &[u8]) -> Answer {
        if let Some(why) = self.dead.borrow().clone() {
            return Answer::Failed(why);
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let (tell, answer) = oneshot::channel();
        self.pending.borrow_mut().insert(id, tell);
        // One copy out of the app's memory; the buffer is then handed over, not copied again.
        let buffer = Uint8Array::from(bytes).buffer();
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        let _ = Reflect::set(&message, &"name".into(), &file_name.into());
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        if let Err(e) = self
            .worker
            .post_message_with_transfer(&message, &Array::of1(&buffer))
        {
            self.pending.borrow_mut().remove(&id);
            return Answer::Failed(js_error(e));
        }
        answer
            .await
            .unwrap_or_else(|_| Answer::Failed("læseren stoppede".into()))
    }
}
