//! A button that asks in place before it acts: the one confirm every area uses (keyboard and screen-reader
//! friendly; the confirm button gets the focus when asked).

use crate::text::ui as t;
use leptos::prelude::*;

/// `label` asks `question`; `confirm_label` then runs `on_confirm`, «Fortryd» does nothing. `danger` marks a
/// destructive action; `name` is added to the first button's name for screen readers only (so each short
/// «Slet» in a table has its own name); `size` is a class every button gets (`plan-small`).
#[component]
pub fn ConfirmButton(
    label: String,
    question: String,
    confirm_label: String,
    on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
    #[prop(optional, into)] name: Option<String>,
    #[prop(optional)] size: &'static str,
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
    let (ask_class, confirm_class, cancel_class) = (
        classes("button secondary", danger, size),
        classes("button", danger, size),
        classes("button secondary", false, size),
    );
    view! {
        <Show
            when=move || asking.get()
            fallback={
                let (label, name, class) = (label.clone(), name.clone(), ask_class.clone());
                move || view! {
                    <button type="button" class=class.clone() on:click=move |_| asking.set(true)>
                        // Two branches rather than an `Option`, which would leave an empty placeholder.
                        {match name.clone() {
                            Some(n) => view! { {label.clone()}<span class="visually-hidden">{format!(" {n}")}</span> }.into_any(),
                            None => label.clone().into_any(),
                        }}
                    </button>
                }
            }
        >
            <span class="confirm" role="group" aria-label=question.clone()>
                <span class="confirm-question">{question.clone()}</span>
                <button type="button" class=confirm_class.clone() node_ref=confirm_ref
                    on:click=move |_| { asking.set(false); on_confirm.run(()); }>{confirm_label.clone()}</button>
                <button type="button" class=cancel_class.clone() on:click=move |_| asking.set(false)>{t::CANCEL}</button>
            </span>
        </Show>
    }
}

/// A button's classes: `base`, then `danger` when it is one, then `size`.
fn classes(base: &str, danger: bool, size: &str) -> String {
    [base, if danger { "danger" } else { "" }, size]
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
