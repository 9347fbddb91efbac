//! The form field of Det Fælles Designsystem: label, hint and error above the input, the input tied to the
//! hint and the error by `aria-describedby` and marked by `aria-invalid`. Forms use [`TextInput`] for a
//! text field and [`described_by`] where they draw another kind of input themselves.

use crate::ui::kit::limits;
use leptos::prelude::*;

/// `aria-describedby` for a field `id` with an optional hint (`{id}-hint`) and error (`{id}-error`).
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    join_ids([
        hint.then(|| format!("{id}-hint")),
        error.then(|| format!("{id}-error")),
    ])
}

/// The ids that are shown, in order, as one `aria-describedby` value; `None` when none is.
pub fn join_ids(ids: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let ids: Vec<String> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line or multi-line text field bound to `value`, with its label, optional hint and optional error.
/// The hint and error ids are `{id}-hint` and `{id}-error` unless `hint_id` or `error_id` says otherwise.
/// `numeric` fields are narrow and bring up a number keyboard; `on_input` runs after the value is set.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint_id: Option<String>,
    #[prop(optional, into)] error_id: Option<String>,
    #[prop(default = limits::NAME)] maxlength: usize,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] rows: Option<&'static str>,
    #[prop(optional)] numeric: bool,
    /// More classes for the input, such as `narrow`.
    #[prop(optional)]
    input_class: &'static str,
    /// More classes for the group, such as `grow`.
    #[prop(optional)]
    group_class: &'static str,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] on_input: Option<Callback<String>>,
) -> impl IntoView {
    let hint_id = hint
        .as_ref()
        .map(|_| hint_id.unwrap_or_else(|| format!("{id}-hint")));
    let error_id = error_id.unwrap_or_else(|| format!("{id}-error"));
    let invalid = move || error.is_some_and(|e| e.with(Option::is_some));
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || join_ids([hint_id.clone(), invalid().then(|| error_id.clone())])
    };
    let set = move |ev| {
        let v = event_target_value(&ev);
        value.set(v.clone());
        if let Some(f) = on_input {
            f.run(v);
        }
    };
    let input_class = input_classes(numeric, input_class);
    let input = if multiline {
        view! {
            <textarea maxlength=maxlength id=id.clone() class=input_class rows=rows
                aria-describedby=describe aria-invalid=move || invalid().to_string()
                prop:value=move || value.get() on:input=set></textarea>
        }
        .into_any()
    } else {
        view! {
            <input maxlength=maxlength id=id.clone() class=input_class type="text" autocomplete="off"
                inputmode=numeric.then_some("numeric") list=list
                aria-describedby=describe aria-invalid=move || invalid().to_string()
                prop:value=move || value.get() on:input=set/>
        }
        .into_any()
    };
    group(
        id,
        label,
        hint_id.zip(hint),
        error,
        error_id,
        group_class,
        input,
    )
}

/// A field that shows `value` and hands what is typed to `on_change`: when the user leaves the field or
/// presses Enter (`change`, for a date or a month, so a half-typed one is never read), or with `live` on
/// every keystroke.
#[component]
pub fn ChangeInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    maxlength: usize,
    #[prop(optional)] numeric: bool,
    /// More classes for the input, such as `date-input`.
    #[prop(optional)]
    input_class: &'static str,
    /// More classes for the group, such as `grow`.
    #[prop(optional)]
    group_class: &'static str,
    #[prop(optional)] live: bool,
) -> impl IntoView {
    let hint = hint.map(|h| (format!("{id}-hint"), h));
    let hint_id = hint.as_ref().map(|(i, _)| i.clone());
    let error_id = format!("{id}-error");
    let invalid = move || error.is_some_and(|e| e.with(Option::is_some));
    let describe = {
        let error_id = error_id.clone();
        move || join_ids([hint_id.clone(), invalid().then(|| error_id.clone())])
    };
    let input = view! {
        <input maxlength=maxlength id=id.clone() class=input_classes(false, input_class) type="text" autocomplete="off"
            inputmode=numeric.then_some("numeric")
            aria-describedby=describe aria-invalid=move || invalid().to_string()
            prop:value=move || value.get()
            on:change=move |ev| if !live { on_change.run(event_target_value(&ev)) }
            on:input=move |ev| if live { on_change.run(event_target_value(&ev)) }/>
    }
    .into_any();
    group(id, label, hint, error, error_id, group_class, input)
}

/// `form-input` and `narrow` (for numbers) and what else the field asks for.
fn input_classes(narrow: bool, more: &str) -> String {
    let mut class = String::from("form-input");
    for c in [narrow.then_some("narrow"), Some(more)]
        .into_iter()
        .flatten()
    {
        if !c.is_empty() {
            class.push(' ');
            class.push_str(c);
        }
    }
    class
}

/// The group around an input: label, hint (id, text), error, then the input.
fn group(
    id: String,
    label: String,
    hint: Option<(String, String)>,
    error: Option<Signal<Option<String>>>,
    error_id: String,
    group_class: &'static str,
    input: AnyView,
) -> impl IntoView {
    let invalid = move || error.is_some_and(|e| e.with(Option::is_some));
    let group_class = if group_class.is_empty() {
        "form-group".to_string()
    } else {
        format!("form-group {group_class}")
    };
    view! {
        <div class=group_class class:has-error=invalid>
            <label class="form-label" for=id>{label}</label>
            {hint.map(|(hint_id, h)| view! { <span class="form-hint" id=hint_id>{h}</span> })}
            {move || error.and_then(|e| e.get()).map(|e| view! { <span class="form-error" id=error_id.clone()>{e}</span> })}
            {input}
        </div>
    }
}
