//! The workspaces in this browser: open, rename, duplicate and move to the trash.

use super::local_date;
use crate::app::session::{self};
use crate::app::use_app;
use crate::model::Id;
use crate::storage::StoredMeta;
use crate::text::{data as td, ui as t};
use crate::ui::common::ConfirmButton;
use crate::ui::kit::limits;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn WorkspaceList() -> impl IntoView {
    let app = use_app();
    let active = crate::ui::kit::stored::stored_workspaces(app, false);
    view! {
        <section aria-labelledby="data-list">
            <h2 id="data-list">{td::LIST_HEADING}</h2>
            <Show when=move || !active.get().is_empty() fallback=|| view! { <p>{td::NO_WORKSPACES}</p> }>
                <table class="table">
                    <caption class="visually-hidden">{td::LIST_HEADING}</caption>
                    <thead><tr><th scope="col">{td::COL_NAME}</th><th scope="col">{td::COL_SAVED}</th><th scope="col">{td::COL_SIZE}</th><th scope="col">{td::COL_EXPORTED}</th><th scope="col">{td::COL_ACTIONS}</th></tr></thead>
                    <tbody>
                        // Keyed by id alone: a save in another tab updates a row in place, so a name being
                        // typed into its rename field stays.
                        <For each=move || active.get() key=|m| m.id let:m>
                            <WorkspaceRow id=m.id/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
pub(super) fn WorkspaceRow(id: Id) -> impl IntoView {
    let app = use_app();
    let meta = Memo::new(move |_| {
        app.workspaces
            .with(|l| l.iter().find(|m| m.id == id).cloned())
    });
    let field = move |f: fn(&StoredMeta) -> String| {
        move || meta.with(|m| m.as_ref().map(f).unwrap_or_default())
    };
    let is_open = move || app.open_id.get() == Some(id);
    let renaming = RwSignal::new(false);
    // The name alone, so the delete question is redrawn only when the name changes.
    let name =
        Memo::new(move |_| meta.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default()));
    let hidden_name = move || view! { <span class="visually-hidden">" "{name.get()}</span> };
    view! {
        <tr class:current=is_open>
            <th scope="row">
                {move || name.get()}
                <Show when=is_open><span class="tag">{td::IS_OPEN}</span></Show>
            </th>
            <td>{field(|m| local_date(m.saved_at))}</td>
            <td>{field(|m| t::bytes(m.bytes as f64))}</td>
            <td>{field(|m| m.last_exported_at.map(local_date).unwrap_or_else(|| td::NEVER.into()))}</td>
            <td class="actions">
                <Show when=move || !is_open()>
                    <button type="button" class="button secondary" on:click=move |_| spawn_local(session::open(app, id))>
                        {td::OPEN}{hidden_name}
                    </button>
                </Show>
                <button type="button" class="button secondary" aria-expanded=move || renaming.get().to_string() on:click=move |_| renaming.update(|r| *r = !*r)>
                    {td::RENAME}{hidden_name}
                </button>
                <button type="button" class="button secondary" on:click=move |_| spawn_local(async move {
                    match session::duplicate(app, id).await {
                        Ok(()) => app.info(td::COPY_OPENED),
                        Err(e) => app.error(e),
                    }
                })>{td::DUPLICATE}{hidden_name}</button>
                {move || {
                    let n = name.get();
                    view! {
                        <ConfirmButton label=td::delete_named(&n) question=t::trash_question(&n)
                            confirm_label=td::TRASH_CONFIRM.into() danger=true
                            on_confirm=Callback::new(move |_| spawn_local(async move {
                                match session::trash(app, id, false).await {
                                    Ok(()) => app.info(td::TRASHED),
                                    Err(e) => app.error(e),
                                }
                            }))/>
                    }
                }}
                <Show when=move || renaming.get()>
                    <RenameForm id=id current=name.get_untracked() done=Callback::new(move |_| renaming.set(false))/>
                </Show>
            </td>
        </tr>
    }
}

#[component]
pub(super) fn RenameForm(id: Id, current: String, done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let value = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let field_id = format!("rename-{id}");
    let error_id = format!("rename-{id}-error");
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let touched = crate::ui::common::form_draft(td::NEW_NAME);
    Effect::new(move |_| {
        if let Some(i) = input_ref.get() {
            let _ = i.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = value.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(td::NAME_MISSING.into()));
            return;
        }
        spawn_local(async move {
            match session::rename(app, id, name).await {
                // The row may be gone by now (the workspace emptied from the bin in another tab): a panic
                // here would leave the app's task queue broken.
                Ok(()) => {
                    app.info(td::RENAMED);
                    let _ = done.try_run(());
                }
                Err(e) => {
                    let _ = error.try_set(Some(e));
                }
            }
        });
    };
    let eid = error_id.clone();
    view! {
        <form class="inline-form" on:submit=submit on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) novalidate>
            <label for=field_id.clone() class="form-label">{td::NEW_NAME}</label>
            {move || error.get().map(|e| view! { <span class="form-error" id=error_id.clone()>{e}</span> })}
            <input id=field_id class="form-input" type="text" maxlength=limits::NAME node_ref=input_ref
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().map(|_| eid.clone())
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <button type="submit" class="button">{td::SAVE_NAME}</button>
            <button type="button" class="button secondary" on:click=move |_| done.run(())>{td::CANCEL}</button>
        </form>
    }
}
