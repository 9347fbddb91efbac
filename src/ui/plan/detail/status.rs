//! The form for a new status and/or a dated note in the initiative's history.

use crate::app::use_app;
use crate::model::plan_ops::{parse_date, PlanField};
use crate::model::record::{RecordKind, RecordRef};
use crate::model::{Id, InitiativeStatus};
use crate::text::plan as tp;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors, GeneralError};
use crate::ui::plan::fields::{Field, SelectField};
use crate::ui::plan::{
    author_signal, commit_form, date_input_value, focus_later, remember_author, today, with_plan,
    with_plan_untracked,
};
use leptos::prelude::*;

fn status_key(s: InitiativeStatus) -> String {
    tp::status_class(s).to_string()
}

fn status_from_key(k: &str) -> Option<InitiativeStatus> {
    InitiativeStatus::ALL
        .into_iter()
        .find(|s| tp::status_class(*s) == k)
}

/// A new status and/or a dated note.
#[component]
pub(super) fn StatusForm(id: Id) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::NOTE_FORM);
    let app = use_app();
    let current = move || {
        with_plan_untracked(app, |p| p.initiative(id).map(|i| i.status))
            .flatten()
            .unwrap_or_default()
    };
    let status = RwSignal::new(status_key(current()));
    // The initiative as the form shows it: a save keeps what another tab changed meanwhile, and the status
    // counts as changed only when the user changed it here.
    let ini_ref = [RecordRef::new(RecordKind::Initiative, id)];
    let merge = FormMerge::of("note", &ini_ref, &[]);
    let shown_status = StoredValue::new(current());
    let date = RwSignal::new(date_input_value(Some(today())));
    let author = author_signal();
    let note = RwSignal::new(String::new());
    let error = FormErrors::<PlanField>::new();
    let done = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let now = with_plan(app, |p| p.initiative(id).map(|i| i.status))
            .flatten()
            .unwrap_or_default();
        InitiativeStatus::ALL
            .into_iter()
            .map(|s| {
                let label = tp::status_option(s, s == now);
                (status_key(s), label)
            })
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        done.set(String::new());
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set_one(FieldError::at(PlanField::Dates, tp::INVALID_DATE));
            focus_later("note-date".into());
            return;
        };
        let shown = shown_status.get_value();
        let chosen = status_from_key(&status.get_untracked()).unwrap_or(shown);
        let who = author.get_untracked();
        let body = note.get_untracked();
        let result = if chosen != shown {
            commit_form(app, merge, |p| p.set_status(id, chosen, d, &who, &body))
                .map(|r| r.map(|_| true))
        } else {
            commit_form(app, merge, |p| p.add_note(id, d, &who, &body)).map(|r| r.map(|_| false))
        };
        match result {
            Ok(None) => {}
            Ok(Some(changed)) => {
                merge.saved(&ini_ref, &[]);
                shown_status.set_value(current());
                touched.saved();
                remember_author(&who);
                note.set(String::new());
                date.set(date_input_value(Some(today())));
                status.set(status_key(current()));
                done.set(if changed {
                    tp::status_noted(chosen)
                } else {
                    tp::NOTE_WRITTEN.into()
                });
            }
            Err(e) => {
                let target = match e.field {
                    Some(PlanField::NoteText) => "note-text",
                    Some(PlanField::Author) => "note-author",
                    _ => "note-date",
                };
                error.put(
                    e,
                    &[PlanField::Dates, PlanField::Author, PlanField::NoteText],
                );
                focus_later(target.into());
            }
        }
    };
    view! {
        <section class="panel plan-status-form no-print" aria-labelledby="note-heading">
            <h2 id="note-heading">{tp::NOTE_HEADING}</h2>
            <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
                <SelectField id="note-status" label=tp::L_STATUS value=status options=options
                    hint=tp::NOTE_STATUS_HINT/>
                <Field id="note-date" label=tp::L_DATE kind="date" value=date field=PlanField::Dates error=error
                    hint=tp::NOTE_DATE_HINT/>
                <Field id="note-author" label=tp::NOTE_AUTHOR value=author field=PlanField::Author error=error
                    hint=tp::NOTE_AUTHOR_HINT/>
                <Field id="note-text" label=tp::L_NOTE multiline=true value=note field=PlanField::NoteText error=error
                    hint=tp::NOTE_TEXT_HINT/>
                <GeneralError errors=error/>
                <ConflictChoices merge=merge/>
                <button type="submit" class="button">{tp::SAVE_IN_HISTORY}</button>
                <p role="status" class="plan-saved">{move || done.get()}</p>
            </form>
        </section>
    }
}
