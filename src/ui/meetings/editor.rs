//! The meeting form: a new meeting (from a template or as a copy) or an existing one. The form edits a
//! draft; "Gem mødet" checks it and stores it with one undoable command.

use super::fields::{
    described_by, error_for, input_errors, set_input_error, DateField, Draft, Errors, TextField,
};
use super::{
    actions, all_templates, focus_later, links, meeting_by_id, meeting_path, participants,
    plan_items, templates, AreaHeader, MeetingNotFound, BASE,
};
use crate::app::{session, use_app, Part};
use crate::browser::address::at;
use crate::model::commands::{Command, CommandError};
use crate::model::dates::{parse_time, time_field};
use crate::model::follow_up::mark_followed_up;
use crate::model::meeting_form;
use crate::model::meeting_query::{type_from_key, type_key, type_options};
use crate::model::merge::Seen;
use crate::model::record::{Record, RecordKind};
use crate::model::templates::{
    duplicate_meeting, meeting_from_template, shows_safety_scale, template_from_meeting,
    validate_case_ref,
};
use crate::model::{Id, Meeting, MeetingStatus, MeetingType, MinutesKind};
use crate::text::{self, meetings as txt, ui as t};
use crate::ui::common::workspace_today as today;
use crate::ui::common::{ConfirmButton, ConflictChoices, FormMerge};
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

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

/// Every problem that stops the draft being saved, as (field id, message), in form order.
fn problems(m: &Meeting, custom_type: bool) -> Vec<(String, String)> {
    meeting_form::problems(m, custom_type)
        .into_iter()
        .map(|(id, p)| (id, txt::form_problem(&p)))
        .collect()
}

/// The form fields of the rules a refused save broke, as (field id, message).
fn refused_fields(m: &Meeting, e: &CommandError) -> Vec<(String, String)> {
    let CommandError::Invalid { issues, .. } = e else {
        return Vec::new();
    };
    meeting_form::refused_fields(m, issues)
        .into_iter()
        .map(|(id, p)| (id, t::field_problem(&p)))
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
    let errors: Errors = RwSignal::new(Vec::new());
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
                errors.set(found);
                focus_later(meeting_form::SUMMARY_ID.into());
                return;
            }
            errors.set(Vec::new());
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
                        errors.set(found);
                        focus_later(meeting_form::SUMMARY_ID.into());
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
        errors.set(Vec::new());
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
                <TextField draft=draft errors=errors id="m-decisions" label=txt::L_DECISIONS hint=txt::H_DECISIONS
                    get=|m| &m.decisions set=|m, v| m.decisions = v multiline=true/>
            </fieldset>
            <actions::ActionItems draft=draft errors=errors/>
            <links::FollowUpAndLinks draft=draft errors=errors/>
            <fieldset class="meet-section">
                <legend><h2>{txt::SECTION_NOTES}</h2></legend>
                <TextField draft=draft errors=errors id="m-notes" label=txt::L_NOTES hint=txt::H_NOTES
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

/// DKFDS error summary: every problem, each a link to its field.
#[component]
fn ErrorSummary(errors: Errors) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="alert alert-error error-summary" id="m-errors" tabindex="-1" role="alert" aria-labelledby="m-errors-title">
                <h2 id="m-errors-title">{txt::ERRORS_TITLE}</h2>
                <ul>
                    {move || errors.get().into_iter().map(|(field, msg)| {
                        let target = field.clone();
                        view! {
                            <li><a href=format!("#{field}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_later(target.clone());
                            }>{msg}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Buttons for a stored meeting: minutes, duplicate, mark followed up, save as template, delete.
#[component]
fn MeetingTools(draft: Draft, save: Callback<()>) -> impl IntoView {
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
fn TemplateNameForm(draft: Draft, done: Callback<()>) -> impl IntoView {
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

/// Type, date, time, status and case reference.
#[component]
fn BasicsSection(draft: Draft, errors: Errors, custom_type: RwSignal<bool>) -> impl IntoView {
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
        errors.update(|list| list.retain(|(f, _)| f != "m-type"));
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
    let type_error = Memo::new(move |_| error_for(errors, "m-type-name"));
    // A type a file named that Trappe does not know: the select asks for a type, and says why.
    let unknown_type = Memo::new(move |_| {
        draft.with(|m| match &m.meeting_type {
            MeetingType::Unknown(found) => Some(found.clone()),
            _ => None,
        })
    });
    let choose_error = Memo::new(move |_| error_for(errors, "m-type"));
    let time = Memo::new(move |_| draft.with(|m| time_field(m.time)));
    let time_error = Memo::new(move |_| error_for(errors, "m-time"));
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
                <DateField draft=draft errors=errors id="m-date" label=txt::L_DATE get=|m| m.date set=|m, v| m.date = v/>
                <ChangeInput id="m-time" label=txt::L_TIME hint=txt::H_TIME maxlength=limits::TIME numeric=true input_class="time-input"
                    error=time_error value=time
                    on_change=Callback::new(move |typed: String| {
                        let parsed = parse_time(&typed);
                        let unreadable = parsed.is_none() && !typed.trim().is_empty();
                        set_input_error(errors, "m-time", unreadable.then_some(t::TIME_WRONG));
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
                        let rid = format!("m-status-{}", super::list::status_class(s));
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
fn CaseRefField(draft: Draft, errors: Errors) -> impl IntoView {
    const ID: &str = "m-case-ref";
    let value = Memo::new(move |_| draft.with(|m| m.case_ref.clone()));
    let error = Memo::new(move |_| error_for(errors, ID));
    let check = move || {
        let problem = draft.with_untracked(|m| validate_case_ref(&m.case_ref).err());
        errors.update(|list| {
            list.retain(|(f, _)| f != ID);
            if let Some(e) = problem {
                list.insert(0, (ID.to_string(), txt::case_ref_error(&e)));
            }
        });
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

/// Initiator, coordinator, who invites, chairs and takes notes, and the kind of minutes.
#[component]
fn RolesSection(draft: Draft, errors: Errors) -> impl IntoView {
    let kind = Memo::new(move |_| draft.with(|m| m.minutes_kind));
    let kinds = [
        (MinutesKind::Decisions, "m-minutes-decisions"),
        (MinutesKind::Full, "m-minutes-full"),
    ];
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_ROLES}</h2></legend>
            <p class="form-hint">{txt::H_ROLES}</p>
            <div class="meet-grid">
                <TextField draft=draft errors=errors id="m-initiator" label=txt::L_INITIATOR hint=txt::H_INITIATOR
                    get=|m| &m.initiator set=|m, v| m.initiator = v/>
                <TextField draft=draft errors=errors id="m-coordinator" label=txt::L_COORDINATOR hint=txt::H_COORDINATOR
                    get=|m| &m.coordinator set=|m, v| m.coordinator = v/>
                <TextField draft=draft errors=errors id="m-invited-by" label=txt::L_INVITED_BY
                    get=|m| &m.invited_by set=|m, v| m.invited_by = v/>
                <TextField draft=draft errors=errors id="m-chair" label=txt::L_CHAIR
                    get=|m| &m.chair set=|m, v| m.chair = v/>
                <TextField draft=draft errors=errors id="m-note-taker" label=txt::L_NOTE_TAKER
                    get=|m| &m.note_taker set=|m, v| m.note_taker = v/>
            </div>
            <fieldset class="form-group">
                <legend class="form-label">{txt::L_MINUTES_KIND}</legend>
                <div class="radio-row">
                    {kinds.into_iter().map(|(k, rid)| view! {
                        <div class="radio">
                            <input type="radio" id=rid name="m-minutes-kind"
                                prop:checked=move || kind.get() == k
                                on:change=move |_| draft.update(|m| m.minutes_kind = k)/>
                            <label for=rid>{text::minutes_kind(k)}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
        </fieldset>
    }
}
