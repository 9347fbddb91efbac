//! The progress bar of long work (opening or reading a large workspace): shown once the work has taken a
//! second, with what it is and how far it has come. The work itself is done in slices
//! (`browser::pace`), so the page draws the bar while it goes on.

use crate::browser::pace;
use leptos::prelude::*;

/// How long work runs before its bar appears (ms): shorter work would only flash.
const SHOW_AFTER_MS: f64 = 1000.0;

#[component]
pub fn WorkProgress() -> impl IntoView {
    let shown = move || pace::job().filter(|j| pace::clock() - j.started >= SHOW_AFTER_MS);
    let percent = move || shown().map_or(0.0, |j| (j.done * 100.0).round());
    view! {
        <Show when=move || shown().is_some()>
            <div class="work-progress" data-testid="work-progress">
                <label for="work-progress">{move || shown().map(|j| j.label)}</label>
                <progress id="work-progress" max="100" value=move || percent().to_string()></progress>
                <span aria-hidden="true">{move || format!("{} %", percent())}</span>
            </div>
        </Show>
    }
}
