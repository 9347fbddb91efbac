//! Every text field with a `maxlength`: text put into it that does not all fit (a paste, a drop, dictation,
//! a typed character in a full field) is cut by the browser without a word. One listener for the whole app
//! notices it before the browser cuts, and says so at the field, in DKFDS order above the input, tied to it
//! by `aria-describedby`, and in the app's live region. The note stays until text put into that field
//! fits again.
//!
//! The note is added next to the input, not by each form, so that no field can miss it: the forms keep
//! their own markup, and the field's own `aria-describedby` (which Leptos rewrites when a hint or error
//! comes and goes) gets the note's id back at once, through a `MutationObserver`.

use crate::app::AppState;
use crate::text::input::{left_out, left_out_message};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A note shown at a field.
struct Note {
    field: web_sys::Element,
    note: web_sys::Element,
    id: String,
    watch: web_sys::MutationObserver,
    _on_change: Closure<dyn Fn()>,
}

thread_local! {
    static NOTES: RefCell<Vec<Note>> = const { RefCell::new(Vec::new()) };
    /// Numbers the notes of fields without an id.
    static UNNAMED: Cell<u32> = const { Cell::new(0) };
}

/// A number property of an element (`maxLength`, `selectionStart`), if it has one.
fn number(el: &web_sys::Element, name: &str) -> Option<f64> {
    js_sys::Reflect::get(el, &name.into()).ok()?.as_f64()
}

/// How many characters the field holds now (as `maxlength` counts them), without copying its text.
fn field_len(el: &web_sys::Element) -> Option<usize> {
    let value = js_sys::Reflect::get(el, &"value".into()).ok()?;
    Some(value.dyn_ref::<js_sys::JsString>()?.length() as usize)
}

fn has_ref(field: &web_sys::Element, id: &str) -> bool {
    field
        .get_attribute("aria-describedby")
        .is_some_and(|d| d.split_whitespace().any(|x| x == id))
}

fn add_ref(field: &web_sys::Element, id: &str) {
    if has_ref(field, id) {
        return;
    }
    let ids = field.get_attribute("aria-describedby").unwrap_or_default();
    let ids = if ids.trim().is_empty() {
        id.to_string()
    } else {
        format!("{} {id}", ids.trim())
    };
    let _ = field.set_attribute("aria-describedby", &ids);
}

fn drop_ref(field: &web_sys::Element, id: &str) {
    let Some(ids) = field.get_attribute("aria-describedby") else {
        return;
    };
    let rest: Vec<&str> = ids.split_whitespace().filter(|x| *x != id).collect();
    let _ = if rest.is_empty() {
        field.remove_attribute("aria-describedby")
    } else {
        field.set_attribute("aria-describedby", &rest.join(" "))
    };
}

impl Note {
    fn remove(self) {
        self.watch.disconnect();
        self.note.remove();
        drop_ref(&self.field, &self.id);
    }
}

/// Puts `message` at `field` (replacing an earlier one there), or takes the note away for `None`. Notes
/// of fields no longer on the page go too.
fn show(field: &web_sys::Element, message: Option<&str>) {
    let gone: Vec<Note> = NOTES.with_borrow_mut(|notes| {
        let (gone, kept) = std::mem::take(notes)
            .into_iter()
            .partition(|n| !n.field.is_connected() || (n.field == *field && message.is_none()));
        *notes = kept;
        gone
    });
    gone.into_iter().for_each(Note::remove);
    let Some(message) = message else {
        return;
    };
    let updated = NOTES.with_borrow(|notes| {
        notes.iter().find(|n| n.field == *field).map(|n| {
            n.note.set_text_content(Some(message));
            add_ref(field, &n.id);
        })
    });
    if updated.is_some() {
        return;
    }
    let Ok(note) = document().create_element("span") else {
        return;
    };
    let id = if field.id().is_empty() {
        UNNAMED.set(UNNAMED.get() + 1);
        format!("felt-{}-for-lang", UNNAMED.get())
    } else {
        format!("{}-for-lang", field.id())
    };
    note.set_id(&id);
    note.set_class_name("form-warning");
    note.set_text_content(Some(message));
    // Above the input; above a label that holds it, so the note is no part of the field's name.
    let above = field
        .closest("label")
        .ok()
        .flatten()
        .unwrap_or_else(|| field.clone());
    if above.before_with_node_1(&note).is_err() {
        return;
    }
    add_ref(field, &id);
    // Leptos sets `aria-describedby` again when a hint or error of the field comes or goes.
    let on_change = {
        let (field, id) = (field.clone(), id.clone());
        Closure::<dyn Fn()>::new(move || add_ref(&field, &id))
    };
    let Ok(watch) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"aria-describedby".into()));
    let _ = watch.observe_with_options(field, &options);
    NOTES.with_borrow_mut(|notes| {
        notes.push(Note {
            field: field.clone(),
            note,
            id,
            watch,
            _on_change: on_change,
        })
    });
}

/// Before text goes into a field with a `maxlength`: the message when some of it will not fit.
fn before_input(app: AppState, ev: &web_sys::InputEvent) {
    if ev.is_composing() || !ev.input_type().starts_with("insert") {
        return;
    }
    let Some(field) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"))
    else {
        return;
    };
    let Some(max) = number(&field, "maxLength").filter(|m| *m >= 0.0) else {
        return;
    };
    let inserted = ev
        .data()
        .or_else(|| {
            ev.data_transfer()
                .and_then(|d| d.get_data("text/plain").ok())
        })
        .unwrap_or_else(|| match ev.input_type().as_str() {
            "insertLineBreak" | "insertParagraph" => "\n".to_string(),
            _ => String::new(),
        });
    let len = field_len(&field).unwrap_or(0);
    let selected = match (
        number(&field, "selectionStart"),
        number(&field, "selectionEnd"),
    ) {
        (Some(a), Some(b)) if b > a => (b - a) as usize,
        _ => 0,
    };
    let lost = left_out(len, selected, &inserted, max as usize);
    if lost == 0 {
        show(&field, None);
        return;
    }
    let message = left_out_message(lost, max as usize);
    show(&field, Some(&message));
    app.announce(&message);
}

/// Installs the one listener for the whole app.
pub fn install(app: AppState) {
    let handle = window_event_listener(leptos::ev::beforeinput, move |ev| before_input(app, &ev));
    // The listener lives as long as the app.
    std::mem::forget(handle);
}
