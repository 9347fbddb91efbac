//! The timeline: the time and process plan (period → activity, København style) against today, and the
//! initiatives' start-to-deadline spans. Past, current and future are written out, not only coloured.

use super::fields::Field;
use super::{commit, commit_form, date_input_value, today, with_plan, with_plan_untracked};
use crate::app::use_app;
use crate::browser::address::at;
use crate::model::plan_deadline::{deadline, deadline_state, Deadline, DeadlineState};
use crate::model::plan_ops::{ordered_ids, parse_date, timeline, PlanField, TimelinePhase};
use crate::model::record::RecordKind;
use crate::model::time_scale::{TimeScale, TodayOnScale};
use crate::model::{Id, TimelineRow};
use crate::text::{self, plan as tp};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::confirm::ConfirmButton;
use crate::ui::kit::errors::{FieldError, FormErrors, GeneralError};
use chrono::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct RowView {
    id: Id,
    label: String,
    activity: String,
    phase: TimelinePhase,
    updated_at: chrono::DateTime<chrono::Utc>,
}

fn phase_class(p: TimelinePhase) -> &'static str {
    match p {
        TimelinePhase::Past => "phase-past",
        TimelinePhase::Current => "phase-current",
        TimelinePhase::Future => "phase-future",
        TimelinePhase::Undated => "phase-undated",
    }
}

fn phase_icon(p: TimelinePhase) -> &'static str {
    match p {
        TimelinePhase::Past => "✓",
        TimelinePhase::Current => "▶",
        TimelinePhase::Future => "…",
        TimelinePhase::Undated => "?",
    }
}

fn row_label(r: &TimelineRow) -> String {
    if !r.period_label.is_empty() {
        return r.period_label.clone();
    }
    match (r.start, r.end) {
        (Some(s), Some(e)) if s != e => {
            format!("{} – {}", text::date_short(s), text::date_short(e))
        }
        (Some(s), _) | (None, Some(s)) => text::date_short(s),
        (None, None) => crate::text::meetings::UNDATED.into(),
    }
}

#[component]
pub(crate) fn TimelineView() -> impl IntoView {
    let app = use_app();
    let day = today();
    let rows = Memo::new(move |_| {
        with_plan(app, |p| {
            timeline(p, day)
                .into_iter()
                .map(|(r, phase)| RowView {
                    id: r.id,
                    label: row_label(r),
                    activity: r.activity.clone(),
                    phase,
                    updated_at: r.updated_at,
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let adding = RwSignal::new(false);
    view! {
        <super::PlanHeading title=tp::PAGE_TIMELINE/>
        <section aria-labelledby="tp-heading">
            <h2 id="tp-heading">{tp::TIMELINE_HEADING}</h2>
            <p class="plan-today-line"><span aria-hidden="true">"▼ "</span>{tp::today_marker(day)}{tp::TIMELINE_MARKS_NOTE}</p>
            <ol class="plan-timeline">
                // Keyed by id alone: a save elsewhere redraws the row's text, never its open form.
                <For each=move || rows.get() key=|r| r.id let:r>
                    <TimelineItem id=r.id rows=rows/>
                </For>
            </ol>
            <button type="button" class="button no-print" aria-expanded=move || adding.get().to_string()
                on:click=move |_| adding.update(|a| *a = !*a)>{tp::NEW_ACTIVITY}</button>
            <Show when=move || adding.get()>
                <div class="panel">
                    <RowForm existing=None done=Callback::new(move |_| adding.set(false))/>
                </div>
            </Show>
        </section>
        <InitiativeSpans/>
    }
}

#[component]
fn TimelineItem(id: Id, rows: Memo<Vec<RowView>>) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let r = Memo::new(move |_| rows.with(|l| l.iter().find(|r| r.id == id).cloned()));
    view! {
        <li class=move || r.with(|r| format!("plan-timeline-row {}", r.as_ref().map(|r| phase_class(r.phase)).unwrap_or_default()))>
            {move || r.get().map(|r| {
                let activity = r.activity.clone();
                view! {
                    <span class="plan-phase">
                        <span aria-hidden="true">{phase_icon(r.phase)}" "</span>{tp::timeline_phase(r.phase)}
                        <span class="visually-hidden">": "</span>
                    </span>
                    <span class="plan-timeline-period">{r.label.clone()}</span>
                    <span class="plan-timeline-activity">{r.activity.clone()}</span>
                    <span class="plan-timeline-actions no-print">
                        <button type="button" class="button-link" aria-expanded=move || editing.get().to_string()
                            on:click=move |_| editing.update(|e| *e = !*e)>{crate::text::staircase::EDIT}<span class="visually-hidden">{format!(" {activity}")}</span></button>
                        <ConfirmButton label=tp::DELETE.into() danger=true size="plan-small" confirm_label=crate::text::ui::YES_DELETE.into() name=r.activity.clone()
                            question=tp::DELETE_ACTIVITY_QUESTION.into()
                            on_confirm=Callback::new(move |_| { let _ = commit(app, |p| p.delete_timeline_row(id)); })/>
                    </span>
                }
            })}
            <Show when=move || editing.get()>
                <div class="panel plan-timeline-edit">
                    <RowForm existing=Some(id) done=Callback::new(move |_| editing.set(false))/>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn RowForm(existing: Option<Id>, done: Callback<()>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::ACTIVITY_FORM);
    let app = use_app();
    let base = existing
        .and_then(|id| {
            with_plan_untracked(app, |p| p.timeline.iter().find(|r| r.id == id).cloned()).flatten()
        })
        .unwrap_or_default();
    let base = StoredValue::new(base);
    let merge = FormMerge::of_record("tp", RecordKind::TimelineRow, existing);
    let b = base.get_value();
    let label = RwSignal::new(b.period_label.clone());
    let start = RwSignal::new(date_input_value(b.start));
    let end = RwSignal::new(date_input_value(b.end));
    let activity = RwSignal::new(b.activity.clone());
    let error = FormErrors::<PlanField>::new();
    let p = existing
        .map(|i| format!("tp-{i}"))
        .unwrap_or_else(|| "tp-ny".into());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        let day = |s: String| -> Result<Option<NaiveDate>, FieldError<PlanField>> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                parse_date(&s)
                    .map(Some)
                    .ok_or_else(|| FieldError::at(PlanField::Dates, tp::INVALID_DATE))
            }
        };
        let row = day(start.get_untracked()).and_then(|s| {
            Ok(TimelineRow {
                start: s,
                end: day(end.get_untracked())?,
                period_label: label.get_untracked(),
                activity: activity.get_untracked(),
                ..base.get_value()
            })
        });
        let result = row.and_then(|row| {
            commit_form(app, merge, |pl| match existing {
                Some(_) => pl.update_timeline_row(row),
                None => pl.add_timeline_row(row).map(|_| ()),
            })
        });
        match result {
            Ok(Some(())) => done.run(()),
            Ok(None) => {}
            Err(e) => error.put(
                e,
                &[
                    PlanField::Activity,
                    PlanField::PeriodLabel,
                    PlanField::Dates,
                ],
            ),
        }
    };
    view! {
        <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form" on:submit=submit novalidate>
            <Field id=format!("{p}-activity") label=tp::L_ACTIVITY value=activity field=PlanField::Activity error=error required=true/>
            <Field id=format!("{p}-label") label=tp::PERIOD_TEXT value=label field=PlanField::PeriodLabel error=error
                hint=tp::H_ACTIVITY_PERIOD/>
            <div class="plan-form-row">
                <Field id=format!("{p}-start") label=tp::L_FROM kind="date" value=start error=error/>
                <Field id=format!("{p}-end") label=tp::L_TO kind="date" value=end field=PlanField::Dates error=error
                    hint=tp::H_TO/>
            </div>
            <GeneralError errors=error/>
            <ConflictChoices merge=merge/>
            <div class="button-row">
                <button type="submit" class="button">{if existing.is_some() { tp::SAVE_ACTIVITY } else { tp::ADD_ACTIVITY }}</button>
                <button type="button" class="button secondary" on:click=move |_| done.run(())>{tp::CANCEL}</button>
            </div>
        </form>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Span {
    id: Id,
    label: String,
    start: Option<NaiveDate>,
    /// The deadline as every screen reads it (the date, or the end of the period).
    deadline: Option<Deadline>,
    /// The deadline as written, "31.12.2020 (ud fra perioden 2019–2020)".
    deadline_text: String,
    state: DeadlineState,
}

fn span_text(s: &Span) -> String {
    match (s.start, s.deadline) {
        (Some(a), Some(_)) => format!("{} – {}", text::date_short(a), s.deadline_text),
        (Some(a), None) => tp::from_without_deadline(&text::date_short(a)),
        (None, Some(_)) => tp::deadline_on(&s.deadline_text),
        (None, None) => "–".into(),
    }
}

/// The bar's look follows the deadline: finished grey, overdue marked, otherwise running.
fn bar_class(s: DeadlineState) -> &'static str {
    match s {
        DeadlineState::Done { .. } | DeadlineState::Dropped => "phase-past",
        DeadlineState::Overdue { .. } => "deadline-overdue",
        DeadlineState::Upcoming { .. } | DeadlineState::NoDeadline => "phase-current",
    }
}

/// The initiatives from start to deadline as bars against a shared time axis with a line for today.
#[component]
fn InitiativeSpans() -> impl IntoView {
    let app = use_app();
    let day = today();
    let spans = Memo::new(move |_| {
        with_plan(app, |p| {
            ordered_ids(p)
                .into_iter()
                .filter_map(|id| p.initiative(id))
                .map(|i| Span {
                    id: i.id,
                    label: tp::initiative_label(&i.number, &i.title),
                    start: i.start,
                    deadline: deadline(i),
                    deadline_text: tp::deadline_short(deadline(i), &i.period),
                    state: deadline_state(i, day),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // Whole years around the bars' own dates; today only when it is near them.
    let scale = Memo::new(move |_| {
        spans.with(|s| {
            TimeScale::of(
                s.iter()
                    .flat_map(|x| [x.start, x.deadline.map(|d| d.date)])
                    .flatten(),
                day,
            )
        })
    });
    let pct = move |d: NaiveDate| scale.get().fraction(d) * 100.0;
    let years = move || {
        let (first, last) = scale.get().years();
        (last - first + 1).max(1)
    };
    view! {
        <section aria-labelledby="spans-heading">
            <h2 id="spans-heading">{tp::SPANS_HEADING}</h2>
            <p class="muted">{move || tp::time_scale_note(&scale.get())}</p>
            <table class="table plan-spans" style=move || format!("--years: {}", years())>
                <caption class="visually-hidden">{tp::SPANS_CAPTION}</caption>
                <thead><tr>
                    <th scope="col">{tp::INITIATIVE_FORM}</th><th scope="col">{crate::text::meetings::PERIOD_LABEL}</th><th scope="col">{tp::L_DEADLINE_STATE}</th>
                    <th scope="col" class="plan-span-col">
                        <span class="visually-hidden">{tp::SPANS_GRAPHIC_COLUMN}</span>
                        <div class="plan-span-years" aria-hidden="true" data-testid="span-years">
                            {move || scale.get().year_ticks().into_iter().map(|(year, at)| view! {
                                <span class="plan-span-year" style=format!("left:{:.2}%", at * 100.0)>{year}</span>
                            }).collect_view()}
                        </div>
                    </th>
                </tr></thead>
                <tbody>
                    <For each=move || spans.get() key=|s| (s.id, s.start, s.deadline, s.state, s.label.clone()) let:s>
                        <tr>
                            <th scope="row"><a href=at(&format!("/handleplan/{}", s.id))>{super::wrap_after_slash(&s.label)}</a></th>
                            <td>{span_text(&s)}</td>
                            <td class="plan-span-state"><span aria-hidden="true">{tp::deadline_icon(s.state)}" "</span>{tp::deadline_state(s.state)}</td>
                            <td class="plan-span-col">
                                <div class="plan-span-track" aria-hidden="true">
                                    {s.start.or(s.deadline.map(|d| d.date)).map(|a| {
                                        // A start without a deadline runs on to the end of the scale.
                                        let open = s.deadline.is_none();
                                        let b = s.deadline.map(|d| d.date).unwrap_or_else(|| scale.get_untracked().end);
                                        let style = move || format!("left:{:.2}%;width:{:.2}%", pct(a), (pct(b) - pct(a)).max(0.8));
                                        view! { <div class=format!("plan-span-bar {}", bar_class(s.state)) class:open=open style=style></div> }
                                    })}
                                    {move || (scale.get().today_on_scale() == TodayOnScale::On).then(|| view! {
                                        <div class="plan-span-today" style=format!("left:{:.2}%", pct(day))></div>
                                    })}
                                </div>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}
