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
                <dt>{td::STORAGE}</dt>
                <dd>{move || match app.mode.get() {
                    StorageMode::Starting => td::STARTING.to_string(),
                    StorageMode::IndexedDb => text::data::STORED_IN_BROWSER.into(),
                    StorageMode::MemoryOnly(_) => td::MEMORY_ONLY.into(),
                }}</dd>
                <dt>{td::USED_SPACE}</dt>
                <dd>{move || usage.get().flatten().map(|(used, quota)| td::space_used(&t::bytes(used), &t::bytes(quota))).unwrap_or_else(|| td::UNKNOWN.into())}</dd>
                <dt>{td::PERSISTED}</dt>
                <dd>{move || match app.persisted.get() {
                    Some(true) => td::PERSISTED_YES.into_any(),
                    _ => view! { {td::NOT_PERSISTED} <button type="button" class="button-link" on:click=ask>{td::ASK_PERSISTENCE}</button> }.into_any(),
                }}</dd>
            </dl>
        </section>
    }
}
