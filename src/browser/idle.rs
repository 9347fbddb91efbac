//! Work that can wait until the browser has painted what is on screen and has a moment to spare
//! (`requestIdleCallback`, with a limit so it never waits long). Where the browser has no idle callbacks, it
//! runs on the next turn instead.

use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest the work waits for an idle moment, in milliseconds.
const LIMIT_MS: u32 = 200;

/// Runs `work` once the browser is idle, or after `LIMIT_MS` at the latest.
pub fn when_idle(work: impl Fn() + Copy + 'static) {
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(LIMIT_MS);
    let queued = web_sys::window().map(|w| {
        w.request_idle_callback_with_options(Closure::once_into_js(work).unchecked_ref(), &options)
    });
    if !matches!(queued, Some(Ok(_))) {
        leptos::prelude::set_timeout(work, Duration::ZERO);
    }
}
