//! Form fields in DKFDS order (label, hint, error, input), with the error tied to the input by
//! `aria-describedby` and `aria-invalid`.

use crate::model::plan_ops::PlanField;
use crate::ui::kit::errors::FormErrors;
use crate::ui::kit::field::join_ids;
use crate::ui::kit::limits;
use leptos::prelude::*;

/// A text, date or number field bound to `value`. Errors from `error` about `field` show above the input;
/// a `warning` (kept, but worth a look) shows there too, tied to the input the same way.
#[component]
pub(crate) fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(optional)] field: Option<PlanField>,
    error: FormErrors<PlanField>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] warning: Option<Signal<Option<String>>>,
) -> impl IntoView {
    // Dates are typed as dd.mm.åååå whatever the browser's language (`<input type="date">` follows it).
    let is_date = kind == "date";
    let hint = match (is_date, hint) {
        (true, Some(h)) => Some(format!("{h} {}", crate::text::ui::DATE_HINT)),
        (true, None) => Some(crate::text::ui::DATE_HINT.to_string()),
        (false, h) => h,
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    let my_warning = move || warning.and_then(|w| w.get());
    let my_error = move || field.and_then(|f| error.message(Some(f)));
    let invalid = move || my_error().is_some();
    let describe = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let warning_id = warning_id.clone();
        move || {
            join_ids([
                hint_id.clone(),
                invalid().then(|| error_id.clone()),
                my_warning().map(|_| warning_id.clone()),
            ])
        }
    };
    let input = if multiline {
        let describe = describe.clone();
        view! {
            <textarea maxlength=limits::TEXT id=id.clone() class="form-input" rows="4"
                aria-invalid=move || invalid().to_string()
                aria-describedby=describe
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        let describe = describe.clone();
        view! {
            <input maxlength=if is_date { limits::DATE } else { limits::NAME } id=id.clone() class="form-input" class:date-input=is_date
                type=if is_date { "text" } else { kind } inputmode=is_date.then_some("numeric") autocomplete=is_date.then_some("off")
                aria-invalid=move || invalid().to_string()
                aria-describedby=describe
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
        .into_any()
    };
    let group_class = format!("form-group {}", class.unwrap_or_default());
    view! {
        <div class=group_class class:has-error=invalid>
            <label for=id.clone() class="form-label">{label}{required.then_some(crate::text::meetings::REQUIRED)}</label>
            {hint.map(|h| view! { <span class="form-hint" id=hint_id.clone()>{h}</span> })}
            {move || my_error().map(|m| view! { <span class="form-error" id=error_id.clone()>{m}</span> })}
            {move || my_warning().map(|m| view! {
                <span class="form-warning" id=warning_id.clone()><span aria-hidden="true">"! "</span>{m}</span>
            })}
            {input}
        </div>
    }
}

/// A select bound to `value`; `options` are (value, label) pairs. Errors from `error` about `field` show
/// above it, tied the way `Field` ties them.
#[component]
pub(crate) fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional)] field: Option<PlanField>,
    #[prop(optional)] error: Option<FormErrors<PlanField>>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let my_error = move || field.zip(error).and_then(|(f, e)| e.message(Some(f)));
    let invalid = move || my_error().is_some();
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || join_ids([hint_id.clone(), invalid().then(|| error_id.clone())])
    };
    let group_class = format!("form-group {}", class.unwrap_or_default());
    view! {
        <div class=group_class class:has-error=invalid>
            <label for=id.clone() class="form-label">{label}</label>
            {hint.map(|h| view! { <span class="form-hint" id=hint_id.clone()>{h}</span> })}
            {move || my_error().map(|m| view! { <span class="form-error" id=error_id.clone()>{m}</span> })}
            <select id=id.clone() class="form-select" aria-describedby=describe
                aria-invalid=move || invalid().to_string()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {move || {
                    options.get().into_iter().map(|(v, l)| {
                        let me = v.clone();
                        view! { <option value=v prop:selected=move || value.with(|c| *c == me)>{l}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}
