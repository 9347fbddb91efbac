//! The error summary above the form (its element id is `SUMMARY_ID`), where problems without a field of
//! their own are shown.

use super::element_id;
use crate::text::meetings as txt;
use crate::ui::meetings::fields::Errors;
use crate::ui::meetings::focus_later;
use leptos::prelude::*;

/// The summary's element id: problems that no single field holds are shown and focused here.
pub(super) const SUMMARY_ID: &str = "m-errors";

/// DKFDS error summary: every problem, each a link to its field.
#[component]
pub(super) fn ErrorSummary(errors: Errors) -> impl IntoView {
    view! {
        <Show when=move || !errors.all().is_empty()>
            <div class="alert alert-error error-summary" id=SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="m-errors-title">
                <h2 id="m-errors-title">{txt::ERRORS_TITLE}</h2>
                <ul>
                    {move || errors.all().into_iter().map(|e| {
                        let field = e.field.map_or_else(|| SUMMARY_ID.to_string(), element_id);
                        let (target, msg) = (field.clone(), e.message);
                        view! {
                            <li><a href=format!("#{field}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_later(target.clone());
                            }>{msg}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
