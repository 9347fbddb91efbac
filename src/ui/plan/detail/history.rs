//! The initiative's history, newest first, each note correctable with its earlier wordings kept.

use crate::app::use_app;
use crate::model::plan_ops::PlanField;
use crate::model::record::{RecordKind, RecordRef};
use crate::model::{Id, StatusNote};
use crate::text::{self, plan as tp};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::FormErrors;
use crate::ui::plan::fields::Field;
use crate::ui::plan::{commit_form, with_plan, StatusTag};
use leptos::prelude::*;

#[component]
pub(super) fn History(id: Id) -> impl IntoView {
    let app = use_app();
    let entries = Memo::new(move |_| {
        with_plan(app, |p| {
            p.initiative(id)
                .map(|i| i.history.iter().rev().cloned().collect::<Vec<_>>())
        })
        .flatten()
        .unwrap_or_default()
    });
    view! {
        <section class="plan-history" aria-labelledby="history-heading">
            <h2 id="history-heading">{tp::HISTORY_HEADING}</h2>
            <p class="muted">{tp::HISTORY_LEAD}</p>
            <Show when=move || entries.with(|e| !e.is_empty()) fallback=|| view! { <p>{tp::NO_NOTES}</p> }>
                <ol class="plan-history-list" data-testid="history">
                    // Keyed by id alone: a save elsewhere redraws the note's text, never an open correction.
                    <For each=move || entries.get() key=|n| n.id let:n>
                        <HistoryEntry ini=id note_id=n.id entries=entries/>
                    </For>
                </ol>
            </Show>
        </section>
    }
}

#[component]
pub(super) fn HistoryEntry(ini: Id, note_id: Id, entries: Memo<Vec<StatusNote>>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::NOTE_CORRECTION);
    let app = use_app();
    let note = Memo::new(move |_| entries.with(|l| l.iter().find(|n| n.id == note_id).cloned()));
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let error = FormErrors::<PlanField>::new();
    let field_id = format!("ret-{note_id}");
    let ini_ref = [RecordRef::new(RecordKind::Initiative, ini)];
    let merge = FormMerge::of("ret", &ini_ref, &[]);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match commit_form(app, merge, |p| {
            p.edit_note(ini, note_id, &draft.get_untracked())
        }) {
            Ok(None) => {}
            Ok(Some(())) => {
                touched.saved();
                editing.set(false);
                app.info(tp::NOTE_CORRECTED);
            }
            Err(e) => error.set_one(e),
        }
    };
    let when = move || {
        note.with(|n| {
            n.as_ref()
                .map(|n| text::opt_date_long(n.date))
                .unwrap_or_default()
        })
    };
    view! {
        <li class="plan-history-entry">
            {move || note.get().map(|note| {
                let author = if note.author.trim().is_empty() {
                    tp::UNKNOWN_AUTHOR.to_string()
                } else {
                    note.author.clone()
                };
                let earlier = note.earlier_versions.clone();
                view! {
                    <p class="plan-history-meta">
                        <strong>{when()}</strong>
                        " · "{author}
                        {note.status.map(|s| view! { " · " <StatusTag status=s/> })}
                    </p>
                    {(!note.text.is_empty()).then(|| view! { <p class="plan-note-text">{note.text.clone()}</p> })}
                    {(!earlier.is_empty()).then(|| view! {
                        <details class="plan-earlier">
                            <summary>{tp::earlier_versions(earlier.len())}</summary>
                            <ol>
                                {earlier.iter().rev().map(|r| view! {
                                    <li>
                                        <span class="muted">{tp::replaced_on(r.replaced_at.with_timezone(&chrono::Local).date_naive())}</span>
                                        <span class="plan-note-text">{r.text.clone()}</span>
                                    </li>
                                }).collect_view()}
                            </ol>
                        </details>
                    })}
                }
            })}
            <Show when=move || editing.get() fallback=move || {
                view! {
                    <button type="button" class="button-link no-print" on:click=move |_| {
                        merge.opened_now(&ini_ref, &[]);
                        draft.set(note.with_untracked(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default()));
                        editing.set(true)
                    }>
                        {tp::CORRECT_NOTE}<span class="visually-hidden">{move || tp::note_from(&when())}</span>
                    </button>
                }
            }>
                <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="plan-note-edit" on:submit=save novalidate>
                    <Field id=field_id.clone() label=tp::NOTE_CORRECT multiline=true value=draft field=PlanField::NoteText error=error
                        hint=tp::NOTE_CORRECT_HINT/>
                    <ConflictChoices merge=merge/>
                    <button type="submit" class="button">{tp::SAVE_CORRECTION}</button>
                    <button type="button" class="button secondary" on:click=move |_| { touched.saved(); editing.set(false) }>{tp::CANCEL}</button>
                </form>
            </Show>
        </li>
    }
}
