//! Downloads and file reading. Nothing leaves the machine: a download is a Blob URL the browser saves.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, DragEvent, File, HtmlAnchorElement, HtmlInputElement, Url};

/// Saves `bytes` as a file called `name` through the browser's download.
/// The file chosen in a file field, if any. The field is emptied, so choosing the same file again (after
/// fixing it) is a new choice.
pub fn take_chosen(input: &HtmlInputElement) -> Option<File> {
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The first file dropped on a drop zone, if any.
pub fn dropped(ev: &DragEvent) -> Option<File> {
    ev.data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
}

pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = Array::new();
    parts.push(&Uint8Array::from(bytes).into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

pub fn download_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    // Clean up later: revoking the URL or removing the link at once can cancel the download or lose its
    // file name in some browsers.
    leptos::prelude::set_timeout(
        move || {
            a.remove();
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a picked or dropped file as bytes; refuses oversized files before reading them.
pub async fn read_file(file: &File, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(ReadError::TooLarge(size));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    TooLarge(usize),
    Unreadable,
}
