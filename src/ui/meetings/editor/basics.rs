//! The form's first section: type, date, time, status and case reference.

use crate::app::{use_app, Part};
use crate::model::dates::{parse_time, time_field};
use crate::model::meeting_form::FormField;
use crate::model::meeting_query::{type_from_key, type_key, type_options};
use crate::model::templates::validate_case_ref;
use crate::model::{MeetingStatus, MeetingType};
use crate::text::{self, meetings as txt, ui as t};
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use crate::ui::meetings::fields::{described_by, set_input_error, DateField, Draft, Errors};
use crate::ui::meetings::focus_later;
use leptos::prelude::*;

/// Type, date, time, status and case reference.
#[component]
pub(super) fn BasicsSection(
    draft: Draft,
    errors: Errors,
    custom_type: RwSignal<bool>,
) -> impl IntoView {
    let app = use_app();
    let options = Memo::new(move |_| {
        app.read_parts(&[Part::Meetings, Part::Templates], |w| {
            type_options(&w.meetings, &w.meeting_templates)
        })
        .unwrap_or_default()
    });
    let selected = Memo::new(move |_| {
        if custom_type.get() {
            txt::NEW_TYPE_KEY.to_string()
        } else {
            draft.with(|m| type_key(&m.meeting_type))
        }
    });
    let on_type = move |ev| {
        let key = event_target_value(&ev);
        errors.retain(|f| f != Some(FormField::Type));
        if key == txt::NEW_TYPE_KEY {
            custom_type.set(true);
            draft.update(|m| m.meeting_type = MeetingType::Custom(String::new()));
            focus_later("m-type-name".into());
        } else if let Some(t) = type_from_key(&key) {
            custom_type.set(false);
            draft.update(|m| m.meeting_type = t);
        }
    };
    let type_name = Memo::new(move |_| {
        draft.with(|m| match &m.meeting_type {
            MeetingType::Custom(n) => n.clone(),
            _ => String::new(),
        })
    });
    let type_error = errors.at(FormField::TypeName);
    // A type a file named that Trappe does not know: the select asks for a type, and says why.
    let unknown_type = Memo::new(move |_| {
        draft.with(|m| match &m.meeting_type {
            MeetingType::Unknown(found) => Some(found.clone()),
            _ => None,
        })
    });
    let choose_error = errors.at(FormField::Type);
    let time = Memo::new(move |_| draft.with(|m| time_field(m.time)));
    let time_error = errors.at(FormField::Time);
    let status = Memo::new(move |_| draft.with(|m| m.status));
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_BASICS}</h2></legend>
            <div class="meet-grid">
                <div class="form-group" class:has-error=move || choose_error.get().is_some()>
                    <label class="form-label" for="m-type">{txt::L_TYPE}</label>
                    {move || unknown_type.get().map(|found| view! { <span class="form-hint" id="m-type-hint">{txt::unknown_type_asks(&found)}</span> })}
                    {move || choose_error.get().map(|e| view! { <span class="form-error" id="m-type-error">{e}</span> })}
                    <select id="m-type" class="form-select" on:change=on_type prop:value=move || selected.get()
                        aria-describedby=move || described_by("m-type", unknown_type.get().is_some(), choose_error.get().is_some())
                        aria-invalid=move || choose_error.get().is_some().to_string()>
                        {move || unknown_type.get().map(|found| {
                            let key = type_key(&MeetingType::Unknown(found));
                            view! { <option value=key selected=true>{txt::CHOOSE_TYPE_OPTION}</option> }
                        })}
                        {move || options.get().into_iter().map(|t| {
                            let key = type_key(&t);
                            let is_sel = move || selected.get() == key;
                            let key2 = type_key(&t);
                            view! { <option value=key2 selected=is_sel>{text::meeting_type(&t)}</option> }
                        }).collect_view()}
                        <option value=txt::NEW_TYPE_KEY selected=move || custom_type.get()>{txt::NEW_TYPE_OPTION}</option>
                    </select>
                </div>
                <Show when=move || custom_type.get()>
                    <ChangeInput id="m-type-name" label=txt::L_TYPE_NAME hint=txt::H_TYPE_NAME maxlength=limits::NAME live=true
                        error=type_error value=type_name
                        on_change=Callback::new(move |v: String| draft.update(|m| m.meeting_type = MeetingType::Custom(v)))/>
                </Show>
                <DateField draft=draft errors=errors field=FormField::Date id="m-date" label=txt::L_DATE get=|m| m.date set=|m, v| m.date = v/>
                <ChangeInput id="m-time" label=txt::L_TIME hint=txt::H_TIME maxlength=limits::TIME numeric=true input_class="time-input"
                    error=time_error value=time
                    on_change=Callback::new(move |typed: String| {
                        let parsed = parse_time(&typed);
                        let unreadable = parsed.is_none() && !typed.trim().is_empty();
                        set_input_error(errors, FormField::Time, unreadable.then_some(t::TIME_WRONG));
                        if !unreadable {
                            draft.update(|m| m.time = parsed);
                        }
                    })/>
            </div>
            <CaseRefField draft=draft errors=errors/>
            <fieldset class="form-group">
                <legend class="form-label">{txt::L_STATUS}</legend>
                <div class="radio-row">
                    {MeetingStatus::ALL.into_iter().map(|s| {
                        let rid = format!("m-status-{}", crate::ui::meetings::list::status_class(s));
                        view! {
                            <div class="radio">
                                <input type="radio" id=rid.clone() name="m-status"
                                    prop:checked=move || status.get() == s
                                    on:change=move |_| draft.update(|m| m.status = s)/>
                                <label for=rid>{text::meeting_status(s)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </fieldset>
    }
}

/// The case reference, checked when the field is left and, once wrong, on every keystroke until right.
#[component]
pub(super) fn CaseRefField(draft: Draft, errors: Errors) -> impl IntoView {
    const ID: &str = "m-case-ref";
    let value = Memo::new(move |_| draft.with(|m| m.case_ref.clone()));
    let error = errors.at(FormField::CaseRef);
    let check = move || {
        let problem = draft.with_untracked(|m| validate_case_ref(&m.case_ref).err());
        errors.set_first(FormField::CaseRef, problem.map(|e| txt::case_ref_error(&e)));
    };
    view! {
        <div class="form-group" class:has-error=move || error.get().is_some()>
            <label class="form-label" for=ID>{txt::L_CASE_REF}{txt::REQUIRED}</label>
            <span class="form-hint" id="m-case-ref-hint">{txt::H_CASE_REF}</span>
            {move || error.get().map(|e| view! { <span class="form-error" id="m-case-ref-error">{e}</span> })}
            <input maxlength=limits::CASE_REF id=ID class="form-input case-ref" type="text" autocomplete="off" spellcheck="false"
                aria-required="true"
                aria-describedby=move || described_by(ID, true, error.get().is_some())
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |ev| {
                    draft.update(|m| m.case_ref = event_target_value(&ev));
                    if error.get_untracked().is_some() { check(); }
                }
                on:change=move |_| check()/>
        </div>
    }
}
