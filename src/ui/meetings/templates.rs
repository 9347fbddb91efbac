//! Templates: the built-in ones and the user's own (saved from a meeting), each starting a new meeting;
//! own templates can be deleted.

use super::{all_templates, AreaHeader, BASE};
use crate::app::{session, use_app, Part};
use crate::browser::address::at;
use crate::model::commands::Command;
use crate::model::record::RecordKind;
use crate::model::templates::is_built_in;
use crate::model::{Id, MeetingTemplate};
use crate::text::{self, meetings as txt};
use crate::ui::common::ConfirmButton;
use leptos::prelude::*;

#[component]
pub fn TemplatesView() -> impl IntoView {
    view! {
        <AreaHeader title=txt::TEMPLATES_TITLE/>
        <p class="lead">{txt::TEMPLATES_LEAD}</p>
        <TemplateCards manage=true/>
    }
}

/// The chooser on "Nyt møde": every template, and a blank meeting.
#[component]
pub fn TemplateChooser() -> impl IntoView {
    view! {
        <p class="lead">{txt::CHOOSE_TEMPLATE}</p>
        <TemplateCards manage=false/>
        <p><a class="button secondary" href=at(&format!("{BASE}/ny?skabelon={}", txt::NO_TEMPLATE_KEY))>{txt::BLANK_MEETING}</a></p>
    }
}

#[component]
fn TemplateCards(manage: bool) -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| app.read(Part::Templates, all_templates).unwrap_or_default());
    view! {
        <ul class="card-list template-cards">
            <For each=move || list.get() key=|t| (t.id, t.updated_at) let:t>
                <TemplateCard template=t manage=manage/>
            </For>
        </ul>
    }
}

#[component]
fn TemplateCard(template: MeetingTemplate, manage: bool) -> impl IntoView {
    let app = use_app();
    let own = !is_built_in(&template);
    let id: Id = template.id;
    let name = template.name.clone();
    let delete = Callback::new(move |_| {
        if session::dispatch(app, Command::remove(RecordKind::Template, id)).is_ok() {
            app.info(txt::TEMPLATE_DELETED);
        }
    });
    let heading_id = format!("tpl-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="card template-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{name.clone()}</h3>
            <p class="muted">
                {text::meeting_type(&template.meeting_type)}" · "
                {if own { txt::OWN_TEMPLATE } else { txt::BUILT_IN_TEMPLATE }}
            </p>
            {(!template.questions.is_empty()).then(|| view! {
                <p class="card-sub">{txt::QUESTIONS_HEADING}</p>
                <ul class="compact">{template.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
            })}
            {(!template.checklist.is_empty()).then(|| view! {
                <p class="card-sub">{txt::CHECKLIST_HEADING}</p>
                <ol class="compact phases">{template.checklist.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
            })}
            {template.uses_safety_scale.then(|| view! { <p>{txt::USES_SCALE}</p> })}
            <div class="button-row">
                <a class="button" href=at(&format!("{BASE}/ny?skabelon={id}"))>
                    {txt::NEW_FROM_TEMPLATE}<span class="visually-hidden">{format!(" {name}")}</span>
                </a>
                {(manage && own).then(|| view! {
                    <ConfirmButton label=txt::delete_template(&name) question=txt::DELETE_TEMPLATE_QUESTION.to_string()
                        confirm_label=txt::DELETE_TEMPLATE_CONFIRM.to_string() danger=true on_confirm=delete/>
                })}
            </div>
        </li>
    }
}
