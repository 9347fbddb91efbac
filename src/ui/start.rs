//! The start page: open an example, create a new workspace, or pick up a stored one.

use super::common::set_title;
use crate::app::{session, use_app};
use crate::examples::{self, EXAMPLES};
use crate::model::Workspace;
use crate::text::{self, ui as t};
use crate::ui::kit::field::TextInput;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn StartPage() -> impl IntoView {
    let app = use_app();
    set_title(t::START_TITLE);
    let stored = crate::ui::kit::stored::stored_workspaces(app, false);
    view! {
        <h1>{t::START_HEADING}</h1>
        <p class="lead">{t::START_LEAD}</p>
        <Show when=move || !stored.get().is_empty()>
            <section aria-labelledby="start-stored">
                <h2 id="start-stored">{t::START_STORED}</h2>
                <ul class="card-list">
                    <For each=move || stored.get() key=|m| (m.id, m.name.clone()) let:m>
                        <li class="card">
                            <OpenButton id=m.id name=m.name.clone()/>
                            <span class="muted">{t::START_SAVED}{text::date_long(m.saved_at.with_timezone(&chrono::Local).date_naive())}</span>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
        <super::linked_copy::OpenCopyOffer/>
        <section aria-labelledby="start-examples">
            <h2 id="start-examples">{t::START_EXAMPLES}</h2>
            <p>{t::EXAMPLES_INTRO}</p>
            <ul class="card-list">
                {EXAMPLES.iter().map(|ex| view! {
                    <li class="card">
                        <h3>{ex.title}</h3>
                        <p>{ex.summary}</p>
                        <ExampleButton key=ex.key title=ex.title/>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="start-new">
            <h2 id="start-new">{crate::text::data::NEW_HEADING}</h2>
            <NewWorkspaceForm/>
        </section>
    }
}

#[component]
fn OpenButton(id: crate::model::Id, name: String) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    view! {
        <button type="button" class="button-link strong" on:click=move |_| {
            let navigate = navigate.clone();
            spawn_local(async move {
                session::open(app, id).await;
                if app.open_id.get_untracked() == Some(id) {
                    navigate("/overblik", Default::default());
                }
            });
        }>{t::open_named(&name)}</button>
    }
}

#[component]
fn ExampleButton(key: &'static str, title: &'static str) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    // One example per click: a second click while its file is fetched would open it twice.
    let busy = StoredValue::new(false);
    view! {
        <button type="button" class="button" on:click=move |_| {
            if busy.get_value() {
                return;
            }
            busy.set_value(true);
            let navigate = navigate.clone();
            spawn_local(async move {
                let opened = match crate::browser::example_files::text(key).await {
                    Err(e) => Err(e.to_string()),
                    Ok(text) => match examples::from_file(&text) {
                        None => Err(t::EXAMPLE_UNREADABLE.to_string()),
                        Some(ws) => session::create(app, ws).await.map_err(|e| t::storage_error(&e)),
                    },
                };
                busy.set_value(false);
                match opened {
                    Ok(()) => navigate("/overblik", Default::default()),
                    Err(e) => app.error(e),
                }
            });
        }>{t::open_example(title)}</button>
    }
}

#[component]
pub fn NewWorkspaceForm() -> impl IntoView {
    let touched = crate::ui::common::form_draft(crate::text::data::NEW_HEADING);
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some(t::NEW_WORKSPACE_NAME_MISSING.into()));
            return;
        }
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match session::create(app, Workspace::new(n)).await {
                Ok(()) => {
                    name.set(String::new());
                    navigate("/overblik", Default::default());
                }
                Err(e) => app.error(t::storage_error(&e)),
            }
        });
    };
    view! {
        <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form" on:submit=on_submit novalidate>
            <TextInput id="new-ws-name" label=crate::text::data::COL_NAME value=name error=error hint_id="new-ws-hint" error_id="new-ws-error"
                hint=crate::text::ui::NEW_WORKSPACE_HINT/>
            <button type="submit" class="button">{t::CREATE_WORKSPACE}</button>
        </form>
    }
}
