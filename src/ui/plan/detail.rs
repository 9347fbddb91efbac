//! One initiative: its facts, a form for a new status or note, the history (with earlier wordings of edited
//! notes), the editor for its fields, and deletion. Also the page for a new initiative.

use super::fields::{Field, GeneralError, SelectField};
use super::{
    author_signal, commit, commit_form, date_input_value, focus_later, remember_author, today,
    with_plan, with_plan_untracked, FormError, OverdueFlag, StaleFlag, StatusTag,
};
use crate::app::{use_app, Part};
use crate::browser::address::at;
use crate::model::initiative_facts::{indicators_of, initiative_facts};
use crate::model::plan_ops::{
    is_stale, ordered_ids, parse_date, shared_numbers, sorted_goals, sorted_tracks, PlanField,
};
use crate::model::record::{RecordKind, RecordRef};
use crate::model::{ActionPlan, BudgetLine, Id, Initiative, InitiativeStatus, StatusNote};
use crate::text::{self, plan as tp};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::limits;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

fn status_key(s: InitiativeStatus) -> String {
    tp::status_class(s).to_string()
}

fn status_from_key(k: &str) -> Option<InitiativeStatus> {
    InitiativeStatus::ALL
        .into_iter()
        .find(|s| tp::status_class(*s) == k)
}

fn opt_date(s: &str, what: &str) -> Result<Option<chrono::NaiveDate>, FormError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    parse_date(s)
        .map(Some)
        .ok_or_else(|| FormError::at(PlanField::Dates, format!("{what}: {}", tp::INVALID_DATE)))
}

/// The goals, tracks or initiatives a select offers, given the initiative being edited.
type ChoicesOf = fn(&ActionPlan, Option<Id>) -> Vec<(Id, String)>;

#[component]
pub(crate) fn NewInitiative() -> impl IntoView {
    let navigate = use_navigate();
    let on_saved = Callback::new(move |id: Id| {
        navigate(&format!("/handleplan/{id}"), NavigateOptions::default());
    });
    view! {
        <super::PlanHeading title=tp::PAGE_NEW>
            <p class="lead">"Felter markeret «skal udfyldes» er nødvendige; resten kan udfyldes senere."</p>
        </super::PlanHeading>
        <InitiativeForm existing=None on_saved=on_saved/>
    }
}

#[component]
pub(crate) fn InitiativeDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let exists =
        Memo::new(move |_| with_plan(app, |p| p.initiative(id).is_some()).unwrap_or(false));
    view! {
        <Show when=move || exists.get() fallback=|| view! {
            <super::PlanHeading title=tp::PAGE_NOT_FOUND/>
            <p>"Det kan være slettet. "<a href=at("/handleplan")>{tp::GO_TO_LIST}</a></p>
        }>
            <DetailBody id=id/>
        </Show>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Head {
    label: String,
    status: InitiativeStatus,
    overdue: bool,
    stale: bool,
    stale_days: u32,
    description: String,
    facts: Vec<(&'static str, String)>,
    indicators: Vec<(Id, String)>,
    history: usize,
    subs: usize,
    /// Other initiatives with the same number, by label (the data may already share one).
    same_number: Vec<String>,
}

#[component]
fn DetailBody(id: Id) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let day = today();
    let head = Memo::new(move |_| {
        app.read_parts(&[Part::Plan, Part::Staircase], |w| {
            let p = &w.plan;
            let i = p.initiative(id)?;
            let facts = initiative_facts(p, &w.staircase, i, day);
            let overdue = facts.state.is_overdue();
            let facts = tp::initiative_facts(&facts);
            let indicators = indicators_of(p, id);
            Some(Head {
                label: tp::initiative_label(&i.number, &i.title),
                status: i.status,
                overdue,
                stale: is_stale(i, day, p.stale_after_days),
                stale_days: p.stale_after_days,
                description: i.description.clone(),
                facts,
                indicators,
                history: i.history.len(),
                subs: p.sub_items(id).len(),
                same_number: shared_numbers(p, id)
                    .into_iter()
                    .filter_map(|o| p.initiative(o))
                    .map(|o| tp::initiative_label(&o.number, &o.title))
                    .collect(),
            })
        })
        .flatten()
    });
    let editing = RwSignal::new(false);
    let on_saved = Callback::new(move |_| {
        editing.set(false);
        app.info(tp::DETAILS_SAVED);
    });
    let delete_question = move || {
        head.with(|h| {
            h.as_ref()
                .map(|h| {
                    let mut q = format!("Slette «{}»?", h.label);
                    if h.history > 0 || h.subs > 0 {
                        q.push_str(&format!(
                            " Historikken ({} noter) og {} delinitiativer slettes også.",
                            h.history, h.subs
                        ));
                    }
                    q
                })
                .unwrap_or_default()
        })
    };
    let on_delete = Callback::new(move |_| {
        if commit(app, |p| p.delete_initiative(id, true)).is_ok() {
            app.info(tp::INITIATIVE_DELETED);
            navigate("/handleplan", NavigateOptions::default());
        }
    });
    // The heading and the sub-navigation are drawn again only when the name changes, so a status change
    // (or its undo) leaves the focus where it was.
    let label = Memo::new(move |_| head.with(|h| h.as_ref().map(|h| h.label.clone())));
    view! {
        {move || label.get().map(|label| view! {
            <p class="plan-breadcrumb no-print"><a href=at("/handleplan")>"Handleplan"</a>" › "{label.clone()}</p>
            <h1>{label}</h1>
        })}
        <super::SubNav/>
        {move || head.get().map(|h| view! {
            <p class="plan-detail-status">
                <StatusTag status=h.status/>
                {h.overdue.then(|| view! { " " <OverdueFlag/> })}
                {h.stale.then(|| view! { " " <StaleFlag days=h.stale_days/> })}
            </p>
            {(!h.same_number.is_empty()).then(|| view! {
                <p class="notice no-print" data-testid="same-number">{tp::number_shared(&h.same_number)}</p>
            })}
            {(!h.description.is_empty()).then(|| view! { <p class="plan-description">{h.description.clone()}</p> })}
            <dl class="facts plan-facts">
                {h.facts.iter().map(|(k, v)| view! { <dt>{*k}</dt><dd>{v.clone()}</dd> }).collect_view()}
                {(!h.indicators.is_empty()).then(|| view! {
                    <dt>"Indikatorer"</dt>
                    <dd>{h.indicators.iter().map(|(iid, name)| view! {
                        <a href=at(&format!("/handleplan/indikatorer#indikator-{iid}"))>{name.clone()}</a>" "
                    }).collect_view()}</dd>
                })}
            </dl>
        })}
        <div class="no-print">
            <button type="button" class="button secondary" aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|e| *e = !*e)>"Redigér oplysninger"</button>
        </div>
        <Show when=move || editing.get()>
            <section class="panel plan-edit" aria-labelledby="ini-edit-heading">
                <h2 id="ini-edit-heading">"Redigér oplysninger"</h2>
                <InitiativeForm existing=Some(id) on_saved=on_saved on_cancel=Callback::new(move |_| editing.set(false))/>
            </section>
        </Show>
        <div class="plan-detail-columns">
            <StatusForm id=id/>
            <History id=id/>
        </div>
        <section class="plan-danger no-print" aria-labelledby="ini-delete-heading">
            <h2 id="ini-delete-heading">"Slet initiativet"</h2>
            {move || view! {
                <super::super::common::ConfirmButton label="Slet initiativet".into() question=delete_question()
                    confirm_label="Ja, slet".into() danger=true on_confirm=on_delete/>
            }}
        </section>
    }
}

/// A new status and/or a dated note.
#[component]
fn StatusForm(id: Id) -> impl IntoView {
    let touched = crate::ui::common::form_draft("Ny note i historikken");
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
    let error = RwSignal::new(None::<FormError>);
    let done = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let now = with_plan(app, |p| p.initiative(id).map(|i| i.status))
            .flatten()
            .unwrap_or_default();
        InitiativeStatus::ALL
            .into_iter()
            .map(|s| {
                let label = if s == now {
                    format!("{} (nuværende)", text::initiative_status(s))
                } else {
                    text::initiative_status(s).to_string()
                };
                (status_key(s), label)
            })
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        done.set(String::new());
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some(FormError::at(PlanField::Dates, tp::INVALID_DATE)));
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
                    format!("{} og skrevet i historikken.", tp::status_set_to(chosen))
                } else {
                    "Noten er skrevet i historikken.".into()
                });
            }
            Err(e) => {
                let target = match e.field {
                    Some(PlanField::NoteText) => "note-text",
                    Some(PlanField::Author) => "note-author",
                    _ => "note-date",
                };
                error.set(Some(e));
                focus_later(target.into());
            }
        }
    };
    view! {
        <section class="panel plan-status-form no-print" aria-labelledby="note-heading">
            <h2 id="note-heading">{tp::NOTE_HEADING}</h2>
            <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
                <SelectField id="note-status" label="Status" value=status options=options
                    hint=tp::NOTE_STATUS_HINT/>
                <Field id="note-date" label="Dato" kind="date" value=date field=PlanField::Dates error=error
                    hint=tp::NOTE_DATE_HINT/>
                <Field id="note-author" label=tp::NOTE_AUTHOR value=author field=PlanField::Author error=error
                    hint=tp::NOTE_AUTHOR_HINT/>
                <Field id="note-text" label="Note" multiline=true value=note field=PlanField::NoteText error=error
                    hint=tp::NOTE_TEXT_HINT/>
                <GeneralError error=error fields=&[PlanField::Dates, PlanField::Author, PlanField::NoteText]/>
                <ConflictChoices merge=merge/>
                <button type="submit" class="button">"Gem i historikken"</button>
                <p role="status" class="plan-saved">{move || done.get()}</p>
            </form>
        </section>
    }
}

#[component]
fn History(id: Id) -> impl IntoView {
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
            <h2 id="history-heading">"Historik"</h2>
            <p class="muted">"Nyeste først. Noter kan rettes, men ikke slettes."</p>
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
fn HistoryEntry(ini: Id, note_id: Id, entries: Memo<Vec<StatusNote>>) -> impl IntoView {
    let touched = crate::ui::common::form_draft("Rettelse af note");
    let app = use_app();
    let note = Memo::new(move |_| entries.with(|l| l.iter().find(|n| n.id == note_id).cloned()));
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FormError>);
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
            Err(e) => error.set(Some(e)),
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
                                        <span class="muted">{format!("Erstattet {}: ", text::date_long(r.replaced_at.with_timezone(&chrono::Local).date_naive()))}</span>
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
                        "Ret note"<span class="visually-hidden">{move || format!(" fra {}", when())}</span>
                    </button>
                }
            }>
                <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="plan-note-edit" on:submit=save novalidate>
                    <Field id=field_id.clone() label=tp::NOTE_CORRECT multiline=true value=draft field=PlanField::NoteText error=error
                        hint=tp::NOTE_CORRECT_HINT/>
                    <ConflictChoices merge=merge/>
                    <button type="submit" class="button">"Gem rettelse"</button>
                    <button type="button" class="button secondary" on:click=move |_| { touched.saved(); editing.set(false) }>"Fortryd"</button>
                </form>
            </Show>
        </li>
    }
}

#[derive(Clone, Copy)]
struct BudgetRow {
    key: usize,
    year: RwSignal<String>,
    amount: RwSignal<String>,
}

/// Create or edit an initiative's fields (not its status or history).
#[component]
pub(crate) fn InitiativeForm(
    existing: Option<Id>,
    on_saved: Callback<Id>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let touched = crate::ui::common::form_draft("Initiativ");
    let base = existing
        .and_then(|id| with_plan_untracked(app, |p| p.initiative(id).cloned()).flatten())
        .unwrap_or_default();
    let base = StoredValue::new(base);
    let merge = FormMerge::of_record("ini", RecordKind::Initiative, existing);
    let b = base.get_value();
    let number = RwSignal::new(b.number.clone());
    let title = RwSignal::new(b.title.clone());
    let description = RwSignal::new(b.description.clone());
    let parent = RwSignal::new(b.parent_id.map(|i| i.to_string()).unwrap_or_default());
    let goal = RwSignal::new(b.goal_id.map(|i| i.to_string()).unwrap_or_default());
    let track = RwSignal::new(b.track_id.map(|i| i.to_string()).unwrap_or_default());
    let owner = RwSignal::new(b.owner.clone());
    let committee = RwSignal::new(b.committee.clone());
    let start = RwSignal::new(date_input_value(b.start));
    let deadline = RwSignal::new(date_input_value(b.deadline));
    let period = RwSignal::new(b.period.clone());
    let next_key = StoredValue::new(0usize);
    let new_row = move |year: String, amount: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        BudgetRow {
            key,
            year: RwSignal::new(year),
            amount: RwSignal::new(amount),
        }
    };
    let budget = RwSignal::new(
        b.budget
            .iter()
            .map(|l| new_row(l.year.to_string(), l.amount.to_string()))
            .collect::<Vec<_>>(),
    );
    let interventions = RwSignal::new(b.intervention_ids.clone());
    let error = RwSignal::new(None::<FormError>);
    let prefix = StoredValue::new(
        existing
            .map(|i| format!("ini-{i}"))
            .unwrap_or_else(|| "ini-ny".into()),
    );
    let pid = move |s: &str| prefix.with_value(|p| format!("{p}-{s}"));

    // A select's options: "none", then the plan's goals, tracks or initiatives (`list`, told this one's id).
    let id_options = move |none: &'static str, list: ChoicesOf| {
        Signal::derive(move || {
            std::iter::once((String::new(), none.to_string()))
                .chain(
                    with_plan(app, |p| list(p, existing))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(i, l)| (i.to_string(), l)),
                )
                .collect::<Vec<_>>()
        })
    };
    let goal_options = id_options("Intet mål", |p, _| {
        sorted_goals(p)
            .into_iter()
            .map(|g| (g.id, tp::goal_label(g)))
            .collect()
    });
    let track_options = id_options("Intet spor", |p, _| {
        sorted_tracks(p)
            .into_iter()
            .map(|t| (t.id, tp::track_label(t)))
            .collect()
    });
    let parent_options = id_options(tp::NO_PARENT, |p, existing| {
        ordered_ids(p)
            .into_iter()
            .filter(|i| Some(*i) != existing)
            .filter_map(|i| p.initiative(i))
            .map(|i| (i.id, tp::initiative_label(&i.number, &i.title)))
            .collect()
    });
    let steps = Memo::new(move |_| {
        app.read(Part::Staircase, |w| {
            w.staircase
                .steps
                .iter()
                .map(|s| {
                    (
                        s.name.clone(),
                        s.interventions
                            .iter()
                            .map(|i| (i.id, i.name.clone()))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });

    let build = move || -> Result<Initiative, FormError> {
        let parse_id = |s: String| s.parse::<Id>().ok();
        let mut lines = Vec::new();
        for r in budget.get_untracked() {
            let (y, a) = (r.year.get_untracked(), r.amount.get_untracked());
            if y.trim().is_empty() && a.trim().is_empty() {
                continue;
            }
            let year = y
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| FormError::at(PlanField::Budget, tp::INVALID_YEAR))?;
            let amount = crate::text::parse_kroner(&a)
                .ok()
                .flatten()
                .ok_or_else(|| FormError::at(PlanField::Budget, tp::INVALID_AMOUNT))?;
            lines.push(BudgetLine { year, amount });
        }
        Ok(Initiative {
            number: number.get_untracked(),
            title: title.get_untracked(),
            description: description.get_untracked(),
            parent_id: parse_id(parent.get_untracked()),
            goal_id: parse_id(goal.get_untracked()),
            track_id: parse_id(track.get_untracked()),
            owner: owner.get_untracked(),
            committee: committee.get_untracked(),
            start: opt_date(&start.get_untracked(), "Start")?,
            deadline: opt_date(&deadline.get_untracked(), "Frist")?,
            period: period.get_untracked(),
            budget: lines,
            intervention_ids: interventions.get_untracked(),
            ..base.get_value()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let result = build().and_then(|ini| {
            commit_form(app, merge, |p| match existing {
                Some(_) => {
                    let id = ini.id;
                    p.update_initiative(ini).map(|_| id)
                }
                None => p.add_initiative(ini),
            })
        });
        match result {
            Ok(Some(id)) => on_saved.run(id),
            Ok(None) => {}
            Err(e) => {
                let target = match e.field {
                    Some(PlanField::Number) => Some("number"),
                    Some(PlanField::Title) => Some("title"),
                    Some(PlanField::Description) => Some("description"),
                    Some(PlanField::Owner) => Some("owner"),
                    Some(PlanField::Committee) => Some("committee"),
                    Some(PlanField::Period) => Some("period"),
                    Some(PlanField::Dates) => Some("deadline"),
                    Some(PlanField::Budget) => Some("budget-add"),
                    _ => None,
                };
                error.set(Some(e));
                if let Some(t) = target {
                    focus_later(pid(t));
                }
            }
        }
    };
    let budget_error = move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field == Some(PlanField::Budget))
                .map(|e| e.message.clone())
        })
    };
    view! {
        <form class="form plan-form" on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
            <div class="plan-form-row">
                <Field id=pid("number") label="Nummer" value=number field=PlanField::Number error=error
                    hint="Fx 1.1 eller 6A. Skal være unikt." class="plan-narrow"/>
                <Field id=pid("title") label="Titel" value=title field=PlanField::Title error=error required=true/>
            </div>
            <Field id=pid("description") label="Beskrivelse" multiline=true value=description field=PlanField::Description error=error/>
            <SelectField id=pid("parent") label=tp::PARENT value=parent options=parent_options
                hint=tp::PARENT_HINT/>
            <div class="plan-form-row">
                <SelectField id=pid("goal") label="Politisk mål" value=goal options=goal_options/>
                <SelectField id=pid("track") label="Strategisk spor" value=track options=track_options/>
            </div>
            <div class="plan-form-row">
                <Field id=pid("owner") label="Ejer" value=owner field=PlanField::Owner error=error
                    hint=tp::OWNER_HINT/>
                <Field id=pid("committee") label="Udvalg" value=committee field=PlanField::Committee error=error
                    hint="Fx Børneudvalget."/>
            </div>
            <div class="plan-form-row">
                <Field id=pid("start") label="Start" kind="date" value=start error=error/>
                <Field id=pid("deadline") label="Frist" kind="date" value=deadline field=PlanField::Dates error=error
                    hint=tp::DEADLINE_HINT/>
                <Field id=pid("period") label=tp::PERIOD_TEXT value=period field=PlanField::Period error=error
                    hint=tp::PERIOD_TEXT_HINT/>
            </div>
            <fieldset class="form-group plan-budget" class:has-error=move || budget_error().is_some()>
                <legend class="form-label">"Budget pr. år (kr.)"</legend>
                <span class="form-hint">"Hele kroner, fx 250000 eller 250.000."</span>
                {move || budget_error().map(|m| view! { <span class="form-error" role="alert">{m}</span> })}
                <For each=move || budget.get() key=|r| r.key let:r>
                    <div class="plan-budget-row">
                        <div class="form-group">
                            <label class="form-label" for=pid(&format!("budget-{}-year", r.key))>"År"</label>
                            <input maxlength=limits::NUMBER id=pid(&format!("budget-{}-year", r.key)) class="form-input" inputmode="numeric"
                                aria-invalid=move || budget_error().is_some().to_string()
                                prop:value=move || r.year.get() on:input=move |ev| r.year.set(event_target_value(&ev))/>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for=pid(&format!("budget-{}-amount", r.key))>"Beløb i kr."</label>
                            <input maxlength=limits::NUMBER id=pid(&format!("budget-{}-amount", r.key)) class="form-input" inputmode="numeric"
                                aria-invalid=move || budget_error().is_some().to_string()
                                prop:value=move || r.amount.get() on:input=move |ev| r.amount.set(event_target_value(&ev))/>
                        </div>
                        <button type="button" class="button secondary" on:click=move |_| budget.update(|b| b.retain(|x| x.key != r.key))>
                            "Fjern"<span class="visually-hidden">{move || format!(" budgetåret {}", r.year.get())}</span>
                        </button>
                    </div>
                </For>
                <button type="button" id=pid("budget-add") class="button secondary"
                    on:click=move |_| budget.update(|b| b.push(new_row(String::new(), String::new())))>{tp::ADD_BUDGET_YEAR}</button>
            </fieldset>
            <fieldset class="form-group plan-interventions">
                <legend class="form-label">"Indsatser på trappen"</legend>
                <span class="form-hint">"Vælg de indsatser fra arbejdsområdets indsatstrappe, som initiativet handler om."</span>
                {move || steps.get().into_iter().filter(|(_, ivs)| !ivs.is_empty()).map(|(step, ivs)| view! {
                    <div class="plan-step-group">
                        <p class="plan-step-name">{step}</p>
                        {ivs.into_iter().map(|(iv, name)| {
                            let cid = pid(&format!("iv-{iv}"));
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=cid.clone()
                                        prop:checked=move || interventions.with(|v| v.contains(&iv))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            interventions.update(|v| { v.retain(|x| *x != iv); if on { v.push(iv); } });
                                        }/>
                                    <label for=cid>{name}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }).collect_view()}
            </fieldset>
            <GeneralError error=error fields=&[PlanField::Number, PlanField::Title, PlanField::Description,
                PlanField::Owner, PlanField::Committee, PlanField::Period, PlanField::Dates, PlanField::Budget]/>
            <ConflictChoices merge=merge/>
            <div class="button-row">
                <button type="submit" class="button">{if existing.is_some() { "Gem oplysninger" } else { "Opret initiativ" }}</button>
                {on_cancel.map(|c| view! { <button type="button" class="button secondary" on:click=move |_| c.run(())>"Fortryd"</button> })}
            </div>
        </form>
    }
}
