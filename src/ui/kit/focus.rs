//! Moving the keyboard focus to an element once the view has caught up with the last change: one timer and
//! one lookup for every area, with the two ways of leaving the user's own focus alone.
//!
//! By id on a short timer rather than by `NodeRef` and an effect: the element is often drawn by another
//! component (a card, a panel, a field), and the focus must wait for the whole redraw, which an effect on
//! one node does not see.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Long enough for the redraw after a change, short enough that nobody types into the old focus.
const DELAY: Duration = Duration::from_millis(20);

/// Moves the focus to the element with `id`, unless the user has moved it meanwhile (clicked into a field,
/// typed): then it stays where they put it. Moving it away mid-typing lost what was typed (a date field
/// emptied on blur).
pub fn focus_later(id: String) {
    let before = document().active_element();
    focus_soon(id, move |now| {
        let body = document().body().map(web_sys::Element::from);
        now.is_some() && *now != before && *now != body
    });
}

/// Puts focus on a new panel's first field `id` once it is drawn, unless the user is already in a field (a
/// fast typist's keystrokes must not land in the wrong field).
pub fn focus_initial(id: String) {
    focus_soon(id, |now| {
        now.as_ref()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
    });
}

/// After `DELAY`, focuses the element with `id` unless `leave` says to leave the focus where it is now.
fn focus_soon(id: String, leave: impl Fn(&Option<web_sys::Element>) -> bool + 'static) {
    set_timeout(
        move || {
            if leave(&document().active_element()) {
                return;
            }
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        DELAY,
    );
}
