//! The progress bar of long work (opening or reading a large workspace): shown once the work has taken a
//! second, with what it is and how far it has come. The work itself is done in slices
//! (`browser::pace`), so the page draws the bar while it goes on.

use crate::browser::pace;
use leptos::prelude::*;

#[component]
pub fn WorkProgress() -> impl IntoView {
    move || {
        let job = pace::job().filter(|j| pace::clock() - j.started >= pace::SHOWN_AFTER_MS)?;
        let percent = format!("{}", (job.done * 100.0).round());
        Some(view! {
            <div class="work-progress" data-testid="work-progress">
                <label for="work-progress">{job.label}</label>
                <progress id="work-progress" max="100" value=percent.clone()></progress>
                <span aria-hidden="true">{percent}" %"</span>
            </div>
        })
    }
}
