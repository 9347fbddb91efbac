//! Small pieces shared by the pages.

use crate::app::use_app;
use crate::text::ui as t;
use leptos::prelude::*;

/// Sets the document title, so screen reader users and tabs know the page.
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} – {}", t::APP_NAME));
}

/// Renders `children` while a workspace is open, else a pointer to the start page. Children read the
/// workspace reactively through `AppState::read`; they are built once per opened workspace, so edits do not
/// re-create the page (and inputs keep their focus).
#[component]
pub fn WithWorkspace(page: &'static str, children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    set_title(page);
    let open_id = Memo::new(move |_| app.open_id.get());
    move || match open_id.get() {
        Some(_) => children().into_any(),
        None => view! {
            <h1>{page}</h1>
            <NoWorkspace/>
        }
        .into_any(),
    }
}

#[component]
pub fn NoWorkspace() -> impl IntoView {
    view! {
        <div class="notice">
            <p><strong>{t::NO_WORKSPACE}</strong></p>
            <p><a href="/">{t::GO_TO_START}</a></p>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Siden findes ikke");
    view! {
        <h1>"Siden findes ikke"</h1>
        <p><a href="/">"Gå til forsiden"</a></p>
    }
}

/// A destructive button that asks in place before it acts (keyboard and screen-reader friendly).
#[component]
pub fn ConfirmButton(
    label: String,
    question: String,
    confirm_label: String,
    on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = confirm_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show
            when=move || asking.get()
            fallback={
                let label = label.clone();
                move || view! {
                    <button type="button" class="button secondary" class:danger=danger
                        on:click=move |_| asking.set(true)>{label.clone()}</button>
                }
            }
        >
            <span class="confirm" role="group" aria-label=question.clone()>
                <span class="confirm-question">{question.clone()}</span>
                <button type="button" class="button" class:danger=danger node_ref=confirm_ref
                    on:click=move |_| { asking.set(false); on_confirm.run(()); }>{confirm_label.clone()}</button>
                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>"Fortryd"</button>
            </span>
        </Show>
    }
}
