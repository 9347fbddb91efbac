//! The meeting form: a new meeting (from a template or as a copy) or an existing one. The form edits a
//! draft; "Gem mødet" checks it (the rules are `model::meeting_form`'s) and stores it with one undoable
//! command. This module holds the pages and the form; each section of the form, the error summary and the
//! stored meeting's tools have their own file. They may import the meetings area (`ui::meetings`, its
//! fields and sections), the model and `text::meetings`; the routes use only `NewMeeting` and `EditMeeting`.

mod basics;
mod roles;
mod summary;
mod tools;

use basics::BasicsSection;
use roles::RolesSection;
use summary::ErrorSummary;
use tools::MeetingTools;

use super::fields::{input_errors, Draft, Errors, TextField};
use super::{
    actions, all_templates, focus_later, links, meeting_by_id, meeting_path, participants,
    plan_items, templates, AreaHeader, MeetingNotFound, BASE,
};
use crate::app::{session, use_app, Part};
use crate::model::commands::{Command, CommandError};
use crate::model::meeting_form::{self, FormField};
use crate::model::merge::Seen;
use crate::model::record::Record;
use crate::model::templates::{duplicate_meeting, meeting_from_template, shows_safety_scale};
use crate::model::{Id, Meeting};
use crate::text::{meetings as txt, ui as t};
use crate::ui::common::workspace_today as today;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use summary::SUMMARY_ID;

/// A new meeting from `?skabelon=<id>` ("ingen" for a blank one) or `?kopi=<meeting id>`; without either,
/// the template chooser.
#[component]
pub fn NewMeeting(template: Option<String>, copy: Option<String>) -> impl IntoView {
    let app = use_app();
    let from_copy = copy
        .and_then(|c| c.parse::<Id>().ok())
        .and_then(|id| app.read_untracked(|w| meeting_by_id(w, id)).flatten());
    if let Some(original) = from_copy {
        let draft = duplicate_meeting(&original);
        let scale = shows_safety_scale(&draft);
        let title = txt::new_copy_title(&original.case_ref);
        return view! { <Editor initial=draft is_new=true scale=scale title=title/> }.into_any();
    }
    match template.as_deref() {
        Some(txt::NO_TEMPLATE_KEY) => {
            let draft = Meeting {
                date: Some(today()),
                ..Meeting::default()
            };
            view! { <Editor initial=draft is_new=true scale=false title=txt::NEW_TITLE.to_string()/> }
                .into_any()
        }
        Some(key) => {
            let found = key.parse::<Id>().ok().and_then(|id| {
                app.read_untracked(|w| all_templates(w).into_iter().find(|t| t.id == id))
                    .flatten()
            });
            match found {
                Some(tpl) => {
                    let draft = meeting_from_template(&tpl, today());
                    let title = txt::new_from_template_title(&tpl.name);
                    view! { <Editor initial=draft is_new=true scale=tpl.uses_safety_scale title=title/> }
                        .into_any()
                }
                None => view! {
                    <AreaHeader title=txt::NEW_TITLE/>
                    <div class="alert alert-warning" role="alert"><p>{txt::TEMPLATE_GONE}</p></div>
                    <templates::TemplateChooser/>
                }
                .into_any(),
            }
        }
        None => view! {
            <AreaHeader title=txt::NEW_TITLE/>
            <templates::TemplateChooser/>
        }
        .into_any(),
    }
}

#[component]
pub fn EditMeeting(id: Id) -> impl IntoView {
    let app = use_app();
    let found = app.read_untracked(|w| meeting_by_id(w, id)).flatten();
    match found {
        Some(m) => {
            let scale = shows_safety_scale(&m);
            let title = txt::edit_title(&m);
            view! { <Editor initial=m is_new=false scale=scale title=title/> }.into_any()
        }
        None => view! { <MeetingNotFound/> }.into_any(),
    }
}

/// The two meetings are the same apart from when they were last stored.
/// Whether two versions of a meeting say the same, whenever they were stamped (edit time, revision).
fn same_content(a: &Meeting, b: &Meeting) -> bool {
    if a.updated_at == b.updated_at && a.revisions == b.revisions {
        a == b
    } else {
        Meeting {
            updated_at: b.updated_at,
            revisions: b.revisions.clone(),
            ..a.clone()
        } == *b
    }
}

/// Every problem that stops the draft being saved, at its field, in form order.
fn problems(m: &Meeting, custom_type: bool) -> Vec<FieldError<FormField>> {
    meeting_form::problems(m, custom_type)
        .into_iter()
        .map(|(f, p)| FieldError::at(f, txt::form_problem(&p)))
        .collect()
}

/// The id of the element that shows a form field's problem.
pub(super) fn element_id(f: FormField) -> String {
    match f {
        FormField::Type => "m-type".into(),
        FormField::TypeName => "m-type-name".into(),
        FormField::CaseRef => "m-case-ref".into(),
        FormField::Notes => "m-notes".into(),
        FormField::Decisions => "m-decisions".into(),
        FormField::Initiator => "m-initiator".into(),
        FormField::Coordinator => "m-coordinator".into(),
        FormField::InvitedBy => "m-invited-by".into(),
        FormField::Chair => "m-chair".into(),
        FormField::NoteTaker => "m-note-taker".into(),
        FormField::ParticipantName(id) => format!("p-{id}-name"),
        FormField::ParticipantRelation(id) => format!("p-{id}-rel"),
        FormField::ActionWhat(id) => format!("a-{id}-what"),
        FormField::ActionWho(id) => format!("a-{id}-who"),
        FormField::Date => "m-date".into(),
        FormField::Time => "m-time".into(),
        FormField::MeasureStart => "m-measure-start".into(),
        FormField::FollowUp => "m-follow-up".into(),
        FormField::ActionDue(id) => format!("a-{id}-due"),
        FormField::Summary => SUMMARY_ID.into(),
    }
}

/// The rules a refused save broke, at their form fields.
fn refused_fields(m: &Meeting, e: &CommandError) -> Vec<FieldError<FormField>> {
    let CommandError::Invalid { issues, .. } = e else {
        return Vec::new();
    };
    meeting_form::refused_fields(m, issues)
        .into_iter()
        .map(|(f, p)| FieldError::at(f, t::field_problem(&p)))
        .collect()
}

#[component]
fn Editor(initial: Meeting, is_new: bool, scale: bool, title: String) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    // A draft the user left unsaved here (with the stored version it was based on) comes back.
    let path = untrack(crate::ui::common::here);
    let workspace = app.open_id.get_untracked();
    let kept: Option<(Meeting, Option<Meeting>)> =
        workspace.and_then(|ws| app.drafts.take(ws, &path));
    let prefilled = StoredValue::new(initial.clone());
    let (initial, kept_base) = match kept {
        Some((d, base)) => (d, Some(base)),
        None => (initial, None),
    };
    let id = initial.id;
    let cancel_path = path.clone();
    let draft: Draft = RwSignal::new(initial);
    let errors = Errors::new();
    let custom_type = RwSignal::new(false);
    let show_scale = RwSignal::new(scale);
    // The stored meeting (None while new or after removal); an undo elsewhere reloads an unchanged draft.
    let stored = Memo::new(move |_| app.read(Part::Meetings, |w| meeting_by_id(w, id)).flatten());
    let baseline = StoredValue::new(stored.get_untracked());
    // The stored version the draft was made from: a save keeps what another tab changed meanwhile.
    let opened = StoredValue::new(kept_base.unwrap_or_else(|| stored.get_untracked()));
    let merge = FormMerge::new("m", Vec::new());
    Effect::new(move |_| {
        let now = stored.get();
        let untouched = baseline.with_value(|b| {
            b.as_ref()
                .is_some_and(|b| draft.with_untracked(|d| same_content(d, b)))
        });
        if let (true, Some(m)) = (untouched, now.as_ref()) {
            if draft.with_untracked(|d| !same_content(d, m)) {
                draft.set(m.clone());
            }
            opened.set_value(Some(m.clone()));
        }
        baseline.set_value(now);
    });
    // Edited since opened (a new meeting: since it was prefilled) or since last saved.
    let dirty = Memo::new(move |_| {
        stored.with(|s| match s {
            None => draft.with(|d| prefilled.with_value(|p| !same_content(d, p))),
            Some(s) => draft.with(|d| !same_content(d, s)),
        })
    });
    // Leaving keeps the draft; the header says it is not saved, and closing the tab asks.
    if let Some(ws) = workspace {
        let label = Signal::derive(move || {
            draft.with(|m| txt::draft_label(m, is_new && stored.with(|s| s.is_none())))
        });
        app.drafts.keep(ws, path, label, dirty.into(), move || {
            (draft.get(), opened.get_value())
        });
    }
    let unsaved_note = move || {
        if stored.with(|s| s.is_none()) {
            Some(txt::NOT_SAVED_YET)
        } else {
            dirty.get().then_some(txt::UNSAVED)
        }
    };

    let save: Callback<()> = Callback::new({
        let navigate = navigate.clone();
        move |_| {
            let m = draft.get_untracked();
            let mut found = input_errors(errors);
            found.extend(problems(&m, custom_type.get_untracked()));
            if !found.is_empty() {
                errors.set_all(found);
                focus_later(SUMMARY_ID.into());
                return;
            }
            errors.clear();
            let was_stored = stored.with_untracked(|s| s.is_some());
            merge.started_from(
                opened
                    .get_value()
                    .map(|b| vec![Seen::Record(Record::Meeting(b))])
                    .unwrap_or_default(),
            );
            let m = Meeting {
                updated_at: crate::model::now(),
                ..m
            };
            let Some(cmd) = merge.rebase(app, Command::put(Record::Meeting(m))) else {
                return;
            };
            let saved = match &cmd {
                Command::Put {
                    record: Record::Meeting(m),
                    ..
                } => m.clone(),
                _ => draft.get_untracked(),
            };
            match session::dispatch(app, cmd) {
                Ok(()) => {
                    merge.opened(Vec::new());
                    let saved = app
                        .read_untracked(|w| meeting_by_id(w, id))
                        .flatten()
                        .unwrap_or(saved);
                    opened.set_value(Some(saved.clone()));
                    if draft.with_untracked(|d| !same_content(d, &saved)) {
                        // The save took fields another tab changed: show them.
                        draft.set(saved);
                    }
                    app.info(txt::SAVED);
                    if !was_stored && is_new {
                        navigate(
                            &meeting_path(id),
                            NavigateOptions {
                                replace: true,
                                ..NavigateOptions::default()
                            },
                        );
                        focus_later_ms("meet-title", 60);
                    }
                }
                Err(e) => {
                    let found = refused_fields(&saved, &e);
                    if found.is_empty() {
                        app.error(t::command_error(&e));
                    } else {
                        errors.set_all(found);
                        focus_later(SUMMARY_ID.into());
                    }
                }
            }
        }
    });
    // A new meeting (chosen template, copy): the link that led here is gone, so focus would fall to the
    // page; start at the form's first field instead.
    if is_new {
        set_timeout(
            || {
                let idle = document()
                    .active_element()
                    .is_none_or(|e| e.tag_name() == "BODY");
                if idle {
                    focus_later("m-type".into());
                }
            },
            std::time::Duration::from_millis(60),
        );
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.run(());
    };
    let revert = move |_| {
        errors.clear();
        if let Some(s) = stored.get_untracked() {
            draft.set(s);
        } else {
            if let Some(ws) = workspace {
                app.drafts.discard(ws, &cancel_path);
            }
            navigate(BASE, NavigateOptions::default());
        }
    };

    view! {
        <AreaHeader title=title/>
        <Show when=move || !is_new || stored.with(|s| s.is_some())>
            <MeetingTools draft=draft save=save/>
        </Show>
        <ErrorSummary errors=errors/>
        <form class="meet-form" novalidate on:submit=on_submit on:focusin=crate::ui::common::keep_clear_of_sticky_bar aria-label=txt::FORM_LABEL>
            <BasicsSection draft=draft errors=errors custom_type=custom_type/>
            <RolesSection draft=draft errors=errors/>
            <participants::Participants draft=draft/>
            <fieldset class="meet-section">
                <legend><h2>{txt::SECTION_CONTENT}</h2></legend>
                <plan_items::Questions draft=draft/>
                <plan_items::Checklist draft=draft/>
                <plan_items::SafetyScale draft=draft show=show_scale/>
                <TextField draft=draft errors=errors field=FormField::Decisions id="m-decisions" label=txt::L_DECISIONS hint=txt::H_DECISIONS
                    get=|m| &m.decisions set=|m, v| m.decisions = v multiline=true/>
            </fieldset>
            <actions::ActionItems draft=draft errors=errors/>
            <links::FollowUpAndLinks draft=draft errors=errors/>
            <fieldset class="meet-section">
                <legend><h2>{txt::SECTION_NOTES}</h2></legend>
                <TextField draft=draft errors=errors field=FormField::Notes id="m-notes" label=txt::L_NOTES hint=txt::H_NOTES
                    get=|m| &m.notes set=|m, v| m.notes = v multiline=true/>
            </fieldset>
            <ConflictChoices merge=merge/>
            <div class="form-actions">
                <button type="submit" class="button">{txt::SAVE}</button>
                <button type="button" class="button secondary" on:click=revert>
                    {if is_new { txt::CANCEL_NEW } else { txt::REVERT }}
                </button>
                <span class="dirty-note" aria-live="polite">
                    {unsaved_note}
                </span>
            </div>
        </form>
    }
}

fn focus_later_ms(id: &'static str, ms: u64) {
    set_timeout(
        move || focus_later(id.into()),
        std::time::Duration::from_millis(ms),
    );
}
