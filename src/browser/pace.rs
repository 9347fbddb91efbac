//! The browser's `Pace` (see `file_format::pace`): a slice runs for at most `SLICE_MS` of the page's
//! clock, then yields through a `MessageChannel` message, which runs after whatever input and drawing
//! the browser has waiting, without the 4 ms a nested `setTimeout` is held back. What the work reports
//! goes to the running job (`begin`), which the page shows as a progress bar once it has taken a second
//! (`SHOWN_AFTER_MS`).

use crate::file_format::pace::Pace;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// Well below the 50 ms a task may take before the browser counts it as long, leaving room for the
/// piece of work that ends the slice.
const SLICE_MS: f64 = 20.0;

/// How long a job runs before the page shows it (ms): shorter work would only flash.
pub const SHOWN_AFTER_MS: f64 = 1000.0;

/// A long piece of work the page is doing: what it is, when it began, how far it has come (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Job {
    pub label: &'static str,
    pub started: f64,
    pub done: f64,
    id: u32,
}

thread_local! {
    /// When the current slice began (the page's clock, ms).
    static SLICE_START: Cell<f64> = const { Cell::new(0.0) };
    /// Reference-counted, not owned by whichever component first reads it (and disposed with it).
    static JOB: ArcRwSignal<Option<Job>> = ArcRwSignal::new(None);
    static NEXT_JOB: Cell<u32> = const { Cell::new(0) };
    /// Looked up once: the clock is read between every two records, and finding `window.performance`
    /// each time cost about as much as reading it (16 ms of a 10,000-meeting import, profiled).
    static PERFORMANCE: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
}

/// The page's clock, in ms.
pub fn clock() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
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

fn report(done: f64) {
    JOB.with(|j| {
        j.update(|job| {
            if let Some(job) = job {
                job.done = done;
            }
        })
    });
}

/// The page's pace.
pub const PACE: Pace = Pace::new(due, pause).with_progress(report);

/// Marks the page as doing `label` until the returned guard is dropped.
pub fn begin(label: &'static str) -> JobGuard {
    let id = NEXT_JOB.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    JOB.with(|j| {
        j.set(Some(Job {
            label,
            started: clock(),
            done: 0.0,
            id,
        }))
    });
    // Still running after `SHOWN_AFTER_MS`: the bar is drawn then, whether or not the work reports.
    set_timeout(
        move || {
            JOB.with(|j| {
                if j.with_untracked(|job| job.is_some_and(|job| job.id == id)) {
                    j.notify();
                }
            })
        },
        std::time::Duration::from_millis(SHOWN_AFTER_MS as u64),
    );
    JobGuard { id }
}

/// Ends its job when dropped (unless a later job has taken its place).
pub struct JobGuard {
    id: u32,
}

impl Drop for JobGuard {
    fn drop(&mut self) {
        JOB.with(|j| {
            if j.with_untracked(|job| job.is_some_and(|job| job.id == self.id)) {
                j.set(None);
            }
        })
    }
}

/// The job the page is doing, if any (tracked: for the progress bar).
pub fn job() -> Option<Job> {
    JOB.with(|j| j.get())
}
