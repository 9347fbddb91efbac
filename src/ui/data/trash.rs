//! The trash: restore a workspace, or empty it for good.

use super::local_date;
use crate::app::session::{self};
use crate::app::use_app;
use crate::text::data as td;
use crate::ui::common::ConfirmButton;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn TrashSection() -> impl IntoView {
    let app = use_app();
    let trashed = crate::ui::kit::stored::stored_workspaces(app, true);
    view! {
        <section aria-labelledby="data-trash">
            <h2 id="data-trash">{td::TRASH_HEADING}</h2>
            <Show when=move || !trashed.get().is_empty() fallback=|| view! { <p>{td::TRASH_EMPTY}</p> }>
                <ul class="plain-list">
                    <For each=move || trashed.get() key=|m| m.id let:m>
                        <li>
                            {m.name.clone()}" "<span class="muted">{td::deleted_on(&m.deleted_at.map(local_date).unwrap_or_default())}</span>" "
                            <button type="button" class="button secondary" on:click=move |_| spawn_local(async move {
                                match session::trash(app, m.id, true).await {
                                    Ok(()) => app.info(td::RESTORED),
                                    Err(e) => app.error(e),
                                }
                            })>{td::RESTORE}<span class="visually-hidden">" "{m.name.clone()}</span></button>
                        </li>
                    </For>
                </ul>
                <ConfirmButton label=td::EMPTY_TRASH.into() question=td::EMPTY_TRASH_QUESTION.into()
                    confirm_label=td::EMPTY_TRASH_CONFIRM.into() danger=true
                    on_confirm=Callback::new(move |_| spawn_local(async move {
                        match session::empty_trash(app).await {
                            Ok(n) => app.info(td::deleted_for_good(n)),
                            Err(e) => app.error(e),
                        }
                    }))/>
            </Show>
        </section>
    }
}
