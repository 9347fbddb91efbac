//! Handing a file to the system's share sheet (Web Share level 2: `navigator.canShare({files})`), where the
//! browser offers it; desktop browsers often do not, and then the file is downloaded instead.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FilePropertyBag, ShareData};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Shared,
    /// The user closed the share sheet.
    Cancelled,
    /// The browser cannot share this file (no Web Share level 2).
    Unsupported,
    Failed,
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// A file in memory, to share.
pub fn file(name: &str, mime: &str, bytes: &[u8]) -> Result<File, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes).into());
    let options = FilePropertyBag::new();
    options.set_type(mime);
    File::new_with_u8_array_sequence_and_options(&parts, name, &options)
}

fn data(file: &File, title: &str) -> ShareData {
    let data = ShareData::new();
    data.set_files(&Array::of1(file).into());
    data.set_title(title);
    data
}

/// Whether the browser would share this file. Asked without calling methods the browser may lack.
pub fn can_share(file: &File) -> bool {
    let Some(nav) = navigator() else { return false };
    let has = |name: &str| {
        Reflect::get(&nav, &name.into())
            .map(|f| f.is_function())
            .unwrap_or(false)
    };
    has("share") && has("canShare") && nav.can_share_with_data(&data(file, ""))
}

/// Opens the share sheet with the file.
pub async fn share(file: &File, title: &str) -> Shared {
    if !can_share(file) {
        return Shared::Unsupported;
    }
    let Some(nav) = navigator() else {
        return Shared::Unsupported;
    };
    match JsFuture::from(nav.share_with_data(&data(file, title))).await {
        Ok(_) => Shared::Shared,
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "AbortError" {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// Copies a text to the clipboard, where the browser allows it.
pub async fn copy_text(text: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    let clipboard = Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    JsFuture::from(nav.clipboard().write_text(text))
        .await
        .is_ok()
}
