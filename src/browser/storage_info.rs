//! Persistent storage (so the browser does not wipe the data under pressure) and how much is used.

use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

/// Asks for persistent storage; returns whether the browser granted it.
pub async fn request_persistence() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

pub async fn is_persisted() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// (used, quota) in bytes, as far as the browser tells.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let value: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.into();
    Some((value.get_usage()?, value.get_quota()?))
}
