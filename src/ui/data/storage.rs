//! What the browser's storage holds and whether it is kept.

use crate::app::{use_app, StorageMode};
use crate::browser::storage_info;
use crate::text::{self, data as td, ui as t};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn StorageSection() -> impl IntoView {
    let app = use_app();
    let usage = LocalResource::new(move || {
        app.workspaces.track();
        storage_info::estimate()
    });
    let ask = move |_| {
        spawn_local(async move {
            app.persisted
                .set(storage_info::request_persistence().await.or(Some(false)));
        })
    };
    view! {
        <section aria-labelledby="data-storage">
            <h2 id="data-storage">{td::STORAGE_HEADING}</h2>
            <dl class="facts">
                <dt>"Lagring"</dt>
                <dd>{move || match app.mode.get() {
                    StorageMode::Starting => "Starter …".to_string(),
                    StorageMode::IndexedDb => text::data::STORED_IN_BROWSER.into(),
                    StorageMode::MemoryOnly(_) => td::MEMORY_ONLY.into(),
                }}</dd>
                <dt>{td::USED_SPACE}</dt>
                <dd>{move || usage.get().flatten().map(|(used, quota)| format!("{} af {} til rådighed", t::bytes(used), t::bytes(quota))).unwrap_or_else(|| td::UNKNOWN.into())}</dd>
                <dt>{td::PERSISTED}</dt>
                <dd>{move || match app.persisted.get() {
                    Some(true) => td::PERSISTED_YES.into_any(),
                    _ => view! { "Nej: browseren kan slette dataene, hvis disken bliver fuld. " <button type="button" class="button-link" on:click=ask>"Bed om varig lagring"</button> }.into_any(),
                }}</dd>
            </dl>
        </section>
    }
}
