//! The browser's `Pace` (see `file_format::pace`): a slice runs for at most `SLICE_MS` of the page's
//! clock, then yields through a `MessageChannel` message, which runs after whatever input and drawing
//! the browser has waiting, without the 4 ms a nested `setTimeout` is held back.

use crate::file_format::pace::Pace;
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// Well below the 50 ms a task may take before the browser counts it as long, leaving room for the
/// piece of work that ends the slice.
const SLICE_MS: f64 = 20.0;

thread_local! {
    /// When the current slice began (the page's clock, ms).
    static SLICE_START: Cell<f64> = const { Cell::new(0.0) };
}

fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn due() -> bool {
    clock() - SLICE_START.with(Cell::get) > SLICE_MS
}

fn pause() -> LocalBoxFuture<'static, ()> {
    Box::pin(async {
        let yielded = js_sys::Promise::new(&mut |resolve, _| {
            if let Ok(channel) = web_sys::MessageChannel::new() {
                channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
                let _ = channel.port2().post_message(&JsValue::UNDEFINED);
            } else {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(yielded).await;
        SLICE_START.with(|s| s.set(clock()));
    })
}

/// The page's pace.
pub const PACE: Pace = Pace::new(due, pause);
