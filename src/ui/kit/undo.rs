//! Undo and redo by button: one rule for every area. A button is marked disabled (`aria-disabled`) while
//! there is nothing to undo or redo, and then does nothing; the keyboard shortcuts (`layout`) follow the
//! same rule through `undo_keeping_focus`.

use crate::app::{use_app, AppState};
use crate::text::ui as t;
use leptos::prelude::*;

/// The undo and redo buttons, with the classes `class`. With `shortcuts`, each shows its shortcut (in
/// its text and title), as the staircase's toolbar does.
#[component]
pub fn UndoButtons(class: &'static str, #[prop(optional)] shortcuts: bool) -> impl IntoView {
    view! {
        <UndoButton redo=false class=class shortcuts=shortcuts/>
        <UndoButton redo=true class=class shortcuts=shortcuts/>
    }
}

/// The undo and redo buttons (classes `button_class`) as a group of their own, in a `<div>` with the
/// classes `class`.
#[component]
pub fn UndoGroup(class: &'static str, button_class: &'static str) -> impl IntoView {
    view! {
        <div class=class role="group" aria-label=t::UNDO_GROUP>
            <UndoButtons class=button_class/>
        </div>
    }
}

#[component]
fn UndoButton(redo: bool, class: &'static str, shortcuts: bool) -> impl IntoView {
    let app = use_app();
    let possible = if redo { app.can_redo } else { app.can_undo };
    let (label, hint, keys) = match (redo, shortcuts) {
        (false, _) => (t::UNDO, t::UNDO_SHORTCUT, "Control+Z"),
        (true, false) => (t::REDO, t::REDO_SHORTCUT, "Control+Y"),
        (true, true) => (t::REDO, t::REDO_SHORTCUT, "Control+Y Control+Shift+Z"),
    };
    // Two branches rather than an `Option`, which would leave an empty placeholder in the button.
    let text = if shortcuts {
        view! { {label}<span class="shortcut">{hint}</span> }.into_any()
    } else {
        label.into_any()
    };
    view! {
        // aria-disabled, not disabled: a button that disables itself under the focus drops it.
        <button type="button" class=class title=shortcuts.then(|| format!("{label}{hint}"))
            aria-keyshortcuts=keys aria-disabled=move || (!possible.get()).to_string()
            on:click=move |_| undo_keeping_focus(app, redo)>
            {text}
        </button>
    }
}

/// Undo (or redo, with `redo`) that keeps the keyboard focus: an undone edit redraws the record it
/// touched, and the element that had the focus may be replaced or disabled. The focus then goes back to
/// the element with the same id (the card, the row, the button that was focused), and when that is gone,
/// to the page's own undo button, never to the page body. Nothing happens while there is nothing to undo
/// (redo).
pub fn undo_keeping_focus(app: AppState, redo: bool) {
    use wasm_bindgen::JsCast;
    let possible = if redo {
        app.can_redo.get_untracked()
    } else {
        app.can_undo.get_untracked()
    };
    if !possible {
        return;
    }
    let anchor = document().active_element().and_then(|el| {
        let with_id = if el.id().is_empty() {
            el.parent_element()?.closest("[id]").ok().flatten()?
        } else {
            el
        };
        let id = with_id.id();
        (id != "indhold").then_some(id)
    });
    if redo {
        crate::app::session::redo(app);
    } else {
        crate::app::session::undo(app);
    }
    set_timeout(
        move || {
            let doc = document();
            let lost = doc
                .active_element()
                .is_none_or(|a| !a.is_connected() || doc.body().is_some_and(|b| *b == a));
            if !lost {
                return;
            }
            let focus = |el: Option<web_sys::Element>| -> bool {
                let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
                    return false;
                };
                let _ = el.focus();
                doc.active_element()
                    .is_some_and(|a| &a == AsRef::<web_sys::Element>::as_ref(&el))
            };
            let same = anchor.as_deref().and_then(|id| doc.get_element_by_id(id));
            if !focus(same) {
                let button = doc
                    .query_selector("main [aria-keyshortcuts^='Control+Z']")
                    .ok()
                    .flatten();
                focus(button);
            }
        },
        std::time::Duration::from_millis(40),
    );
}
