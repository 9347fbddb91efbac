//! The stored meeting's tools: minutes, duplicate, mark followed up, save as a template, delete.

use crate::app::{session, use_app};
use crate::browser::address::at;
use crate::model::commands::Command;
use crate::model::follow_up::mark_followed_up;
use crate::model::record::{Record, RecordKind};
use crate::model::templates::template_from_meeting;
use crate::model::MeetingStatus;
use crate::text::meetings as txt;
use crate::ui::common::workspace_today as today;
use crate::ui::common::ConfirmButton;
use crate::ui::kit::limits;
use crate::ui::meetings::fields::{described_by, Draft};
use crate::ui::meetings::{focus_later, meeting_path, BASE};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Buttons for a stored meeting: minutes, duplicate, mark followed up, save as template, delete.
#[component]
pub(super) fn MeetingTools(draft: Draft, save: Callback<()>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let id = draft.with_untracked(|m| m.id);
    let naming = RwSignal::new(false);
    let open = Memo::new(move |_| {
        draft.with(|m| {
            !matches!(
                m.status,
                MeetingStatus::FollowedUp | MeetingStatus::Cancelled
            )
        })
    });
    let duplicate = {
        let navigate = navigate.clone();
        move |_| navigate(&format!("{BASE}/ny?kopi={id}"), NavigateOptions::default())
    };
    let mark = move |_| {
        draft.update(|m| *m = mark_followed_up(m, today()));
        save.run(());
    };
    let delete = Callback::new(move |_| {
        if session::dispatch(app, Command::remove(RecordKind::Meeting, id)).is_ok() {
            app.info(txt::DELETED);
            navigate(BASE, NavigateOptions::default());
        }
    });
    view! {
        <div class="button-row meet-tools no-print" role="group" aria-label=txt::TOOLS_LABEL>
            <a class="button secondary" href=at(&format!("{}/referat", meeting_path(id)))>{txt::PRINT_MINUTES}</a>
            <button type="button" class="button secondary" on:click=duplicate>{txt::DUPLICATE}</button>
            <Show when=move || open.get()>
                <button type="button" class="button secondary" on:click=mark>{txt::MARK_FOLLOWED_UP}</button>
            </Show>
            <button type="button" class="button secondary" aria-expanded=move || naming.get().to_string()
                on:click=move |_| naming.update(|n| *n = !*n)>{txt::SAVE_AS_TEMPLATE}</button>
            <ConfirmButton label=txt::DELETE.to_string() question=txt::DELETE_QUESTION.to_string()
                confirm_label=txt::DELETE_CONFIRM.to_string() danger=true on_confirm=delete/>
        </div>
        <Show when=move || naming.get()>
            <TemplateNameForm draft=draft done=Callback::new(move |_| naming.set(false))/>
        </Show>
    }
}

#[component]
pub(super) fn TemplateNameForm(draft: Draft, done: Callback<()>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(txt::SAVE_AS_TEMPLATE);
    let app = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(txt::TEMPLATE_NAME_MISSING));
            focus_later("tpl-name".into());
            return;
        }
        let tpl = draft.with_untracked(|m| template_from_meeting(m, &n));
        let saved_name = tpl.name.clone();
        if session::dispatch(app, Command::put(Record::Template(tpl))).is_ok() {
            app.info(txt::template_saved(&saved_name));
            done.run(());
        }
    };
    view! {
        <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="panel inline-form" on:submit=submit novalidate>
            <div class="form-group" class:has-error=move || error.get().is_some()>
                <label class="form-label" for="tpl-name">{txt::L_TEMPLATE_NAME}</label>
                <span class="form-hint" id="tpl-name-hint">{txt::H_TEMPLATE_NAME}</span>
                {move || error.get().map(|e| view! { <span class="form-error" id="tpl-name-error">{e}</span> })}
                <input maxlength=limits::NAME id="tpl-name" class="form-input" type="text" autofocus
                    aria-describedby=move || described_by("tpl-name", true, error.get().is_some())
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">{txt::SAVE_TEMPLATE}</button>
            <button type="button" class="button secondary" on:click=move |_| done.run(())>{txt::CANCEL}</button>
        </form>
    }
}
