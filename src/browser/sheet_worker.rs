//! The app's side of the spreadsheet reader: the reader (`src/bin/sheet_reader.rs`, calamine and all) is
//! its own wasm module in a web worker, started on the first file and kept for the next. Nothing of it
//! loads with the app.
//!
//! The worker runs the reader's wasm-bindgen glue (no-modules) followed by a small bootstrap, joined into
//! one script by scripts/package.mjs; its first message names the wasm. Served, the script and the wasm
//! are named by `<link rel="trappe-sheet-reader…">` in the page, which no browser fetches by itself (the
//! service worker caches them for offline). In trappe.html they are data blocks: the script becomes a
//! `blob:` worker, and the wasm's base64 text is decoded in the worker.

use crate::spreadsheet::{Cell as WorkbookCell, ReadError, Sheet, Workbook};
use chrono::{NaiveDate, NaiveTime};
use futures::channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

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
    read_with_json(file_name, &bytes).await.0
}

/// The workbook, and the worker's JSON when it answered one.
async fn read_with_json(
    file_name: &str,
    bytes: &[u8],
) -> (Result<Workbook, SheetReadFailure>, Option<String>) {
    let reader = match reader() {
        Ok(r) => r,
        Err(why) => return (Err(SheetReadFailure::Unavailable(why)), None),
    };
    match reader.ask(file_name, bytes).await {
        Answer::Json(json) => {
            let read = match reply_from(&json) {
                Some(Ok(book)) => Ok(book),
                Some(Err(e)) => Err(SheetReadFailure::Read(e)),
                None => Err(SheetReadFailure::Unavailable("ulæseligt svar".into())),
            };
            (read, Some(json))
        }
        // The reader stopped inside a file (a broken file calamine does not expect; the wasm is built
        // with panic = abort): that instance is spent, the next file gets a fresh worker.
        Answer::Trapped(why) => {
            stop(&reader);
            (Err(SheetReadFailure::Read(ReadError::Damaged(why))), None)
        }
        Answer::Failed(why) => {
            stop(&reader);
            (Err(SheetReadFailure::Unavailable(why)), None)
        }
    }
}

// The worker's JSON (`spreadsheet::read::Reply`) is parsed by the browser and walked here: serde's
// derived reader for these types would add about 15 KB to the app's wasm.

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn reply_from(json: &str) -> Option<Result<Workbook, ReadError>> {
    let reply = js_sys::JSON::parse(json).ok()?;
    let ok = get(&reply, "ok");
    if ok.is_object() {
        return workbook_from(&ok).map(Ok);
    }
    let err = get(&reply, "err");
    let e = match err.as_string().as_deref() {
        Some("UnknownKind") => ReadError::UnknownKind,
        Some("Encrypted") => ReadError::Encrypted,
        Some("NoSheets") => ReadError::NoSheets,
        Some(_) => return None,
        None => match (
            get(&err, "Damaged").as_string(),
            get(&err, "TooLarge").as_f64(),
        ) {
            (Some(why), _) => ReadError::Damaged(why),
            (_, Some(n)) => ReadError::TooLarge(n as u64),
            _ => return None,
        },
    };
    Some(Err(e))
}

fn workbook_from(v: &JsValue) -> Option<Workbook> {
    let mut sheets = Vec::new();
    for sheet in get(v, "sheets").dyn_into::<Array>().ok()?.iter() {
        let mut rows = Vec::new();
        for row in get(&sheet, "rows").dyn_into::<Array>().ok()?.iter() {
            let row = row.dyn_into::<Array>().ok()?;
            let mut cells = Vec::with_capacity(row.length() as usize);
            for c in row.iter() {
                cells.push(cell_from(&c)?);
            }
            rows.push(cells);
        }
        sheets.push(Sheet {
            name: get(&sheet, "name").as_string()?,
            rows,
        });
    }
    Some(Workbook { sheets })
}

/// `2024-05-08` (as chrono writes it), read by hand: chrono's parser would add to the app's wasm.
fn date_from(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
    let (y, m, d) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `13:30:00` (the reader rounds to whole seconds).
fn time_from(s: &str) -> Option<NaiveTime> {
    let mut parts = s.splitn(3, ':').map(str::parse::<u32>);
    let (h, m, sec) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    NaiveTime::from_hms_opt(h, m, sec)
}

fn cell_from(c: &JsValue) -> Option<WorkbookCell> {
    let v = get(c, "v");
    Some(match get(c, "t").as_string()?.as_str() {
        "Empty" => WorkbookCell::Empty,
        "Text" => WorkbookCell::Text(v.as_string()?),
        // serde_json writes a number that is not finite as null.
        "Number" => v.as_f64().map_or(WorkbookCell::Empty, WorkbookCell::Number),
        "Bool" => WorkbookCell::Bool(v.as_bool()?),
        "Error" => WorkbookCell::Error(v.as_string()?),
        "Date" => {
            let date = Reflect::get_u32(&v, 0).ok()?.as_string()?;
            let time = Reflect::get_u32(&v, 1).ok()?.as_string();
            let time = match time {
                Some(t) => Some(time_from(&t)?),
                None => None,
            };
            WorkbookCell::Date(date_from(&date)?, time)
        }
        _ => return None,
    })
}

/// For the end-to-end tests (and the console): `wasmBindings.trappeReadSheet(name, bytes)` gives the
/// answer as JSON, `{"ok": Workbook}`, `{"err": {"Read": ReadError}}` or `{"err": {"Unavailable": "…"}}`.
/// trunk's loader (and trappe.html's) puts the app's exports on `window.wasmBindings`. The workbook is
/// read as the app reads it, then handed back as the worker sent it (no serialiser in the app's wasm).
#[wasm_bindgen(js_name = trappeReadSheet)]
pub async fn read_sheet_json(file_name: String, bytes: Vec<u8>) -> String {
    // The worker's own JSON once the app has read it; the app's own failures said in the same form.
    let failure = |kind: &str, why: String| {
        let why = js_sys::JSON::stringify(&why.into()).map_or_else(|_| "\"\"".into(), String::from);
        ["{\"err\":", kind, why.as_str(), "}}"].concat()
    };
    match read_with_json(&file_name, &bytes).await {
        (Ok(_), Some(json)) => json,
        (Err(SheetReadFailure::Read(_)), Some(json)) => {
            json.replacen(r#"{"err":"#, r#"{"err":{"Read":"#, 1) + "}"
        }
        (Err(SheetReadFailure::Read(ReadError::Damaged(why))), None) => {
            failure(r#"{"Read":{"Damaged":"#, why) + "}"
        }
        (Err(SheetReadFailure::Unavailable(why)), _) => failure(r#"{"Unavailable":"#, why),
        _ => failure(r#"{"Unavailable":"#, String::new()),
    }
}

enum Answer {
    Json(String),
    Trapped(String),
    Failed(String),
}

/// Files waiting for their answer, by id (a few at most: a Vec, not a map).
type Pending = Rc<RefCell<Vec<(u32, oneshot::Sender<Answer>)>>>;

fn take(pending: &Pending, id: u32) -> Option<oneshot::Sender<Answer>> {
    let mut waiting = pending.borrow_mut();
    let at = waiting.iter().position(|(i, _)| *i == id)?;
    Some(waiting.swap_remove(at).1)
}

struct Reader {
    worker: Worker,
    /// The `blob:` script's address, freed with the worker.
    url: Option<String>,
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
}

fn reader() -> Result<Rc<Reader>, String> {
    if let Some(r) = READER.with(|r| r.borrow().clone()) {
        return Ok(r);
    }
    let reader = Rc::new(start()?);
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
    if let Some(url) = &reader.url {
        let _ = Url::revoke_object_url(url);
    }
    for (_, waiting) in reader.pending.borrow_mut().drain(..) {
        let _ = waiting.send(Answer::Failed("læseren stoppede".into()));
    }
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "?".into())
}

/// Starts the reader's worker. Served: the worker's script (the reader's glue and bootstrap, made by
/// scripts/package.mjs) and its wasm are named by the page's links; the worker loads the wasm itself
/// (the service worker answers offline). In trappe.html: a `blob:` script from the data block, and the
/// wasm's base64 text posted to it, decoded in the worker.
fn start() -> Result<Reader, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let block = |id: &str| {
        document
            .get_element_by_id(id)
            .map(|el| get(&el, "textContent"))
    };
    let link = |selector: &str| {
        document
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|link| get(&link, "href"))
            .ok_or("Trappe er bygget uden regnearkslæseren (scripts/package.mjs)")
    };
    let message = Object::new();
    let (worker, url) = match (
        block("trappe-sheet-reader-js"),
        block("trappe-sheet-reader-wasm"),
    ) {
        (Some(script), Some(wasm)) => {
            let options = BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&script), &options)
                .map_err(js_error)?;
            let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
            let _ = Reflect::set(&message, &"wasm".into(), &wasm);
            (Worker::new(&url).map_err(js_error)?, Some(url))
        }
        _ => {
            let script = link("link[rel=trappe-sheet-reader]")?;
            let _ = Reflect::set(
                &message,
                &"wasmUrl".into(),
                &link("link[rel=trappe-sheet-reader-wasm]")?,
            );
            let script = script.as_string().unwrap_or_default();
            (Worker::new(&script).map_err(js_error)?, None)
        }
    };

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
            if let Some(waiting) = take(&pending, id as u32) {
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
            for (_, waiting) in pending.borrow_mut().drain(..) {
                let _ = waiting.send(Answer::Failed(why.clone()));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    // The wasm (its address, or its base64 text) goes first; files follow.
    worker.post_message(&message).map_err(js_error)?;
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
        self.pending.borrow_mut().push((id, tell));
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
            take(&self.pending, id);
            return Answer::Failed(js_error(e));
        }
        answer
            .await
            .unwrap_or_else(|_| Answer::Failed("læseren stoppede".into()))
    }
}
