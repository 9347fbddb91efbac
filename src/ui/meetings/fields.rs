//! Form fields bound to the meeting being edited (the draft), DKFDS style: label, hint, error, field. Each
//! field reads its own value through a memo, so typing in one field does not rewrite the others.

use crate::model::meeting_query::{iso_date, parse_iso_date};
use crate::model::Meeting;
use chrono::NaiveDate;
use leptos::prelude::*;

pub type Draft = RwSignal<Meeting>;

/// Field errors by field id; the editor fills it on save.
pub type Errors = RwSignal<Vec<(String, String)>>;

pub fn error_for(errors: Errors, id: &str) -> Option<String> {
    errors.with(|e| e.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()))
}

/// `aria-describedby` for a field with an optional hint and an optional error.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A one-line or multi-line text field for one of the meeting's string fields.
#[component]
pub fn TextField(
    draft: Draft,
    errors: Errors,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    get: fn(&Meeting) -> &String,
    set: fn(&mut Meeting, String),
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|m| get(m).clone()));
    let error = Memo::new(move |_| error_for(errors, id));
    let on_input = move |ev| draft.update(|m| set(m, event_target_value(&ev)));
    let describedby = move || described_by(id, hint.is_some(), error.get().is_some());
    let invalid = move || error.get().is_some().to_string();
    view! {
        <div class="form-group" class:has-error=move || error.get().is_some()>
            <label class="form-label" for=id>{label}{required.then_some(crate::text::meetings::REQUIRED)}</label>
            {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
            {move || error.get().map(|e| view! { <span class="form-error" id=format!("{id}-error")>{e}</span> })}
            {if multiline {
                view! {
                    <textarea maxlength="50000" id=id class="form-input" rows="4" aria-describedby=describedby aria-invalid=invalid
                        prop:value=move || value.get() on:input=on_input></textarea>
                }.into_any()
            } else {
                view! {
                    <input maxlength="300" id=id class="form-input" type="text" aria-describedby=describedby aria-invalid=invalid
                        aria-required=required.then_some("true")
                        prop:value=move || value.get() on:input=on_input/>
                }.into_any()
            }}
        </div>
    }
}

/// A date field for one of the meeting's optional dates. It updates on `change` (a whole date entered or
/// cleared), so a half-typed date is never overwritten.
#[component]
pub fn DateField(
    draft: Draft,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    get: fn(&Meeting) -> Option<NaiveDate>,
    set: fn(&mut Meeting, Option<NaiveDate>),
) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|m| iso_date(get(m))));
    view! {
        <div class="form-group">
            <label class="form-label" for=id>{label}</label>
            {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
            <input id=id class="form-input date-input" type="date"
                aria-describedby=described_by(id, hint.is_some(), false)
                prop:value=move || value.get()
                on:change=move |ev| draft.update(|m| set(m, parse_iso_date(&event_target_value(&ev))))/>
        </div>
    }
}
