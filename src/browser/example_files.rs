//! The built-in examples' files, which are not in the app's wasm. Served, the page names each with a
//! `<link rel="trappe-example" data-key="…">` no browser fetches by itself (the service worker caches it
//! for offline), and the file is fetched when an example is opened. In trappe.html each is a data block,
//! `<script type="application/json" id="trappe-example-…">`. Both are written by `scripts/package.mjs`.

use crate::text::ui as t;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of the example file `key` (one of `examples::EXAMPLES`), or what to tell the user.
pub async fn text(key: &str) -> Result<String, &'static str> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(t::EXAMPLE_NOT_FETCHED)?;
    if let Some(block) = document.get_element_by_id(&format!("trappe-example-{key}")) {
        return block.text_content().ok_or(t::EXAMPLE_NOT_FETCHED);
    }
    let href = document
        .query_selector(&format!("link[rel=trappe-example][data-key=\"{key}\"]"))
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .ok_or(t::EXAMPLE_NOT_FETCHED)?;
    fetch_text(&href).await.ok_or(t::EXAMPLE_NOT_FETCHED)
}

async fn fetch_text(href: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(href))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
