//! Form fields bound to the meeting being edited (the draft), DKFDS style: label, hint, error, field. Each
//! field reads its own value through a memo, so typing in one field does not rewrite the others.

use crate::model::dates::{date_field, parse_date};
use crate::model::meeting_form::FormField;
use crate::model::Meeting;
use crate::text::ui as t;
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use chrono::NaiveDate;
use leptos::prelude::*;

pub type Draft = RwSignal<Meeting>;

/// Field errors by form field; the editor fills it on save.
pub type Errors = FormErrors<FormField>;

pub use crate::ui::kit::field::described_by;

/// A one-line or multi-line text field for one of the meeting's string fields.
#[component]
pub fn TextField(
    draft: Draft,
    errors: Errors,
    field: FormField,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    get: fn(&Meeting) -> &String,
    set: fn(&mut Meeting, String),
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|m| get(m).clone()));
    let error = errors.at(field);
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
                    <textarea maxlength=limits::TEXT id=id class="form-input" rows="4" aria-describedby=describedby aria-invalid=invalid
                        prop:value=move || value.get() on:input=on_input></textarea>
                }.into_any()
            } else {
                view! {
                    <input maxlength=limits::NAME id=id class="form-input" type="text" aria-describedby=describedby aria-invalid=invalid
                        aria-required=required.then_some("true")
                        prop:value=move || value.get() on:input=on_input/>
                }.into_any()
            }}
        </div>
    }
}

/// A date field for one of the meeting's optional dates, in Danish format (dd.mm.åååå) whatever the
/// browser's language. It updates on `change` (a whole date entered or cleared), so a half-typed date is
/// never overwritten; a date it cannot read stays as typed, with an error the save also respects.
#[component]
pub fn DateField(
    draft: Draft,
    errors: Errors,
    field: FormField,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    get: fn(&Meeting) -> Option<NaiveDate>,
    set: fn(&mut Meeting, Option<NaiveDate>),
) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|m| date_field(get(m))));
    let hint = match hint {
        Some(h) => format!("{h} {}", t::DATE_HINT),
        None => t::DATE_HINT.to_string(),
    };
    let on_change = move |typed: String| {
        let parsed = parse_date(&typed);
        set_input_error(
            errors,
            field,
            (parsed.is_none() && !typed.trim().is_empty()).then_some(t::DATE_WRONG),
        );
        if parsed.is_some() || typed.trim().is_empty() {
            draft.update(|m| set(m, parsed));
        }
    };
    let error = errors.at(field);
    view! {
        <ChangeInput id=id label=label hint=hint maxlength=limits::DATE numeric=true input_class="date-input"
            error=error value=value on_change=Callback::new(on_change)/>
    }
}

/// Sets or clears the "cannot read what you typed" error of one field. Such errors outlive a save's own
/// checks (`input_errors`), since the draft never holds the unreadable text.
pub fn set_input_error(errors: Errors, field: FormField, message: Option<&'static str>) {
    errors.set_at(field, message.map(str::to_string));
}

/// The fields whose typed text could not be read (date, time), to keep when the save re-checks the draft.
pub fn input_errors(errors: Errors) -> Vec<FieldError<FormField>> {
    untrack(|| errors.all())
        .into_iter()
        .filter(|e| [t::DATE_WRONG, t::TIME_WRONG].contains(&e.message.as_str()))
        .collect()
}
