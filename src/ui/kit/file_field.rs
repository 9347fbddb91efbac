//! The one file field: a drop zone around a real `<input type="file">` with a Danish button and the chosen
//! file's name. The browser draws its own button and text in its own language («Choose File», «No file
//! chosen»), whatever the page says, so the input is hidden from sight but not from anyone else: it keeps
//! its label, takes keyboard focus (Tab, then Enter or Space opens the picker), and the visible «Vælg fil»
//! is a second `<label>` for it, so a click opens the picker with no script. Its focus shows on the button.

use crate::browser::files;
use crate::text::input as txt;
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn FileField(
    /// The input's id; the hint, error and chosen name take ids from it.
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    /// The message at the field when a chosen file could not be used.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The name shown beside the button; the owner empties it when it is done with the file.
    chosen: RwSignal<Option<String>>,
    /// A chosen or dropped file.
    on_file: Callback<web_sys::File>,
    /// The input itself, for an owner that puts focus back on it.
    #[prop(optional)]
    node_ref: NodeRef<Input>,
    #[prop(default = ".json,application/json")] accept: &'static str,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let chosen_id = format!("{id}-chosen");
    let described = {
        let (h, e, c) = (hint_id.clone(), error_id.clone(), chosen_id.clone());
        move || {
            if error.with(|e| e.is_some()) {
                format!("{h} {e} {c}")
            } else {
                format!("{h} {c}")
            }
        }
    };
    let take = move |file: web_sys::File| {
        chosen.set(Some(file.name()));
        on_file.run(file);
    };
    let on_change = move |_| {
        if let Some(file) = node_ref.get().and_then(|i| files::take_chosen(&i)) {
            take(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = files::dropped(&ev) {
            take(file);
        }
    };
    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <div class="form-group" class:has-error=move || error.with(|e| e.is_some())>
                <label for=id class="form-label">{label}</label>
                <span class="form-hint" id=hint_id>{hint}</span>
                {move || error.get().map(|e| view! { <p class="form-error" id=error_id.clone() role="alert">{e}</p> })}
                <div class="file-field">
                    <input id=id class="file-input" type="file" accept=accept node_ref=node_ref
                        aria-describedby=described
                        aria-invalid=move || error.with(|e| e.is_some()).to_string()
                        on:change=on_change/>
                    // A second label of the same input, for the eye and the mouse; the input's name comes
                    // from the first.
                    <label for=id class="button secondary file-button" aria-hidden="true" data-testid=format!("{id}-button")>{txt::CHOOSE_FILE}</label>
                    <span class="file-chosen" id=chosen_id>
                        {move || chosen.get().map(|n| txt::file_chosen(&n)).unwrap_or_else(|| txt::NO_FILE_CHOSEN.to_string())}
                    </span>
                </div>
            </div>
        </div>
    }
}
