//! One meeting as minutes (referat) for A4: a decision note or full minutes, with print CSS in
//! style/meetings.css (named page `referat`).

use super::{meeting_by_id, meeting_path, MeetingNotFound};
use crate::app::use_app;
use crate::browser::address::at;
use crate::model::follow_up::{next_follow_up, StepLookup};
use crate::model::{Id, Meeting, MinutesKind, ParticipantRole};
use crate::text::{self, meetings as txt};
use crate::ui::common::workspace_today as today;
use leptos::prelude::*;

struct Prepared {
    meeting: Meeting,
    step: Option<String>,
    interventions: Vec<String>,
    next: Option<chrono::NaiveDate>,
    workspace: String,
}

#[component]
pub fn MinutesView(id: Id) -> impl IntoView {
    let app = use_app();
    let prepared = app
        .read_untracked(|w| {
            let m = meeting_by_id(w, id)?;
            let lookup = StepLookup::new(&w.staircase);
            Some(Prepared {
                step: m
                    .linked_step
                    .and_then(|s| lookup.step(s))
                    .map(|s| s.name.clone()),
                interventions: m
                    .linked_interventions
                    .iter()
                    .filter_map(|i| lookup.intervention(*i))
                    .map(|(iv, s)| format!("{} ({})", iv.name, s.name))
                    .collect(),
                next: next_follow_up(&m, &w.follow_up, lookup.category_of(&m), today()),
                workspace: w.name.clone(),
                meeting: m,
            })
        })
        .flatten();
    match prepared {
        Some(p) => view! { <Minutes p=p/> }.into_any(),
        None => view! { <MeetingNotFound/> }.into_any(),
    }
}

/// A4 portrait with margins for hole punching.
const MINUTES_PAGE: &str = "@page { size: A4 portrait; margin: 18mm 16mm 20mm 20mm; }";

fn opt(s: &str) -> String {
    if s.trim().is_empty() {
        txt::NOT_STATED.to_string()
    } else {
        s.to_string()
    }
}

#[component]
fn Minutes(p: Prepared) -> impl IntoView {
    let m = p.meeting;
    let title = txt::minutes_title(&m);
    crate::ui::common::set_title(&title);
    let full = m.minutes_kind == MinutesKind::Full;
    let when = match (m.date, m.time) {
        (Some(d), Some(t)) => txt::date_at_time(d, t),
        (Some(d), None) => text::date_long(d),
        (None, _) => txt::UNDATED.to_string(),
    };
    let by_role = |r: ParticipantRole| {
        m.participants
            .iter()
            .filter(|p| p.role == r)
            .map(|p| {
                let name = p.name.trim();
                let rel = p.relation_or_unit.trim();
                match (name.is_empty(), rel.is_empty()) {
                    (true, true) => txt::NOT_STATED.to_string(),
                    (false, true) => name.to_string(),
                    (true, false) => rel.to_string(),
                    (false, false) => format!("{name} ({rel})"),
                }
            })
            .collect::<Vec<_>>()
    };
    let groups = [
        ParticipantRole::Family,
        ParticipantRole::Network,
        ParticipantRole::Professional,
    ]
    .map(|r| (r, by_role(r)));
    let printed = text::date_long(crate::browser::today());
    view! {
        // Chrome sizes a printout by the unnamed @page only, so the rule lives here, present only while the
        // minutes are shown, instead of in meetings.css where it would apply to every page of the app.
        <style>{MINUTES_PAGE}</style>
        <div class="minutes-actions no-print">
            <crate::ui::privacy_check::PrintButton label=txt::PRINT name="minutes-print"/>
            <a class="button secondary" href=at(&meeting_path(m.id))>{txt::BACK_TO_MEETING}</a>
        </div>
        <article class="minutes" aria-labelledby="meet-title">
            <header class="minutes-head">
                <p class="minutes-kind">{text::minutes_kind(m.minutes_kind)}" · "{p.workspace.clone()}</p>
                <h1 id="meet-title" tabindex="-1">
                    {txt::minutes_title_lead(&m)}<span class="nowrap">{m.case_ref.clone()}</span>
                </h1>
                <p class="minutes-confidential">{txt::CONFIDENTIAL}</p>
            </header>
            <dl class="facts minutes-facts">
                <dt>{txt::L_CASE_REF}</dt><dd>{opt(&m.case_ref)}</dd>
                <dt>{txt::L_TYPE}</dt><dd>{text::meeting_type(&m.meeting_type)}</dd>
                <dt>{txt::MINUTES_WHEN}</dt><dd>{when}</dd>
                <dt>{txt::L_STATUS}</dt><dd>{text::meeting_status(m.status)}</dd>
                <dt>{txt::L_INITIATOR}</dt><dd>{opt(&m.initiator)}</dd>
                <dt>{txt::L_COORDINATOR}</dt><dd>{opt(&m.coordinator)}</dd>
                <dt>{txt::L_INVITED_BY}</dt><dd>{opt(&m.invited_by)}</dd>
                <dt>{txt::L_CHAIR}</dt><dd>{opt(&m.chair)}</dd>
                <dt>{txt::L_NOTE_TAKER}</dt><dd>{opt(&m.note_taker)}</dd>
            </dl>
            <section>
                <h2>{txt::SECTION_PARTICIPANTS}</h2>
                {if m.participants.is_empty() {
                    view! { <p>{txt::NONE_RECORDED}</p> }.into_any()
                } else {
                    view! {
                        <dl class="facts">
                            {groups.into_iter().filter(|(_, l)| !l.is_empty()).map(|(r, l)| view! {
                                <dt>{text::participant_role(r)}</dt><dd>{l.join(", ")}</dd>
                            }).collect_view()}
                        </dl>
                    }.into_any()
                }}
            </section>
            {(!m.questions.is_empty()).then(|| view! {
                <section>
                    <h2>{txt::QUESTIONS_HEADING}</h2>
                    <ol>{m.questions.iter().filter(|q| !q.trim().is_empty()).map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
                </section>
            })}
            {(!m.checklist.is_empty()).then(|| view! {
                <section>
                    <h2>{txt::CHECKLIST_HEADING}</h2>
                    <ul class="minutes-checklist">{m.checklist.iter().map(|c| view! {
                        <li><span class="check-mark" aria-hidden="true">{if c.done { "☑" } else { "☐" }}</span>" "{c.label.clone()}
                            <span class="visually-hidden">{if c.done { txt::CHECK_DONE } else { txt::CHECK_NOT_DONE }}</span>
                        </li>
                    }).collect_view()}</ul>
                </section>
            })}
            {m.safety_scale.map(|s| view! {
                <section>
                    <h2>{txt::L_SCALE}</h2>
                    <p>{txt::scale_value(s)}</p>
                </section>
            })}
            <section>
                <h2>{txt::L_DECISIONS}</h2>
                <p class="pre">{opt(&m.decisions)}</p>
            </section>
            <section>
                <h2>{txt::SECTION_ACTIONS}</h2>
                {if m.action_items.is_empty() {
                    view! { <p>{txt::NONE_RECORDED}</p> }.into_any()
                } else {
                    view! {
                        <table class="table minutes-actions-table">
                            <thead><tr>
                                <th scope="col">{txt::L_ACTION_WHAT}</th>
                                <th scope="col">{txt::L_ACTION_WHO}</th>
                                <th scope="col">{txt::L_ACTION_DUE}</th>
                                <th scope="col">{txt::L_ACTION_DONE}</th>
                            </tr></thead>
                            <tbody>{m.action_items.iter().map(|a| view! {
                                <tr>
                                    <td>{a.what.clone()}</td>
                                    <td>{opt(&a.who)}</td>
                                    <td class="nowrap">{a.due.map(text::date_short).unwrap_or_default()}</td>
                                    <td>{txt::yes_no(a.done)}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section>
                <h2>{txt::SECTION_FOLLOW_UP}</h2>
                <dl class="facts">
                    <dt>{txt::L_MEASURE_START}</dt><dd>{m.measure_start.map(text::date_long).unwrap_or_else(|| txt::NOT_STATED.into())}</dd>
                    <dt>{txt::L_FOLLOW_UP_DATE}</dt><dd>{m.follow_up_date.map(text::date_long).unwrap_or_else(|| txt::NOT_STATED.into())}</dd>
                    <dt>{txt::NEXT_FOLLOW_UP}</dt><dd>{p.next.map(text::date_long).unwrap_or_else(|| txt::NO_NEXT_FOLLOW_UP.into())}</dd>
                    <dt>{txt::L_LINKED_STEP}</dt><dd>{p.step.clone().unwrap_or_else(|| txt::NOT_STATED.into())}</dd>
                    <dt>{txt::L_LINKED_INTERVENTIONS}</dt><dd>{if p.interventions.is_empty() { txt::NOT_STATED.to_string() } else { p.interventions.join("; ") }}</dd>
                </dl>
            </section>
            {(full && !m.notes.trim().is_empty()).then(|| view! {
                <section>
                    <h2>{txt::SECTION_NOTES}</h2>
                    <p class="pre">{m.notes.clone()}</p>
                </section>
            })}
            <footer class="minutes-foot">
                <p>{txt::printed_on(&printed)}</p>
            </footer>
        </article>
    }
}
