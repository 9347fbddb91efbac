//! Opfølgning: follow-ups and open action items that are overdue or due soon, oldest first, each one click
//! from its meeting, with a button to mark a meeting followed up or an action item done.

use super::{focus_later, meeting_path, AreaHeader, BASE};
use crate::app::{session, use_app, Part};
use crate::browser::address::at;
use crate::model::commands::Command;
use crate::model::follow_up::{due_list, mark_followed_up, DueKind};
use crate::model::record::Record;
use crate::model::{Id, Meeting};
use crate::text::{self, meetings as txt};
use crate::ui::common::workspace_today as today;
use chrono::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DueRow {
    meeting_id: Id,
    /// The action item, or None for the meeting's follow-up.
    item: Option<Id>,
    due: NaiveDate,
    overdue: bool,
    label: String,
    case_ref: String,
    meeting_label: String,
}

#[component]
pub fn FollowUpView() -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.read_parts(&[Part::Meetings, Part::Staircase, Part::FollowUp], |w| {
            let list = due_list(w, today());
            let index: std::collections::HashMap<Id, usize> = w
                .meetings
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, i))
                .collect();
            list.into_iter()
                .filter_map(|d| {
                    let m = &w.meetings[*index.get(&d.meeting_id)?];
                    Some(DueRow {
                        meeting_id: d.meeting_id,
                        item: match d.kind {
                            DueKind::FollowUp => None,
                            DueKind::ActionItem { item_id } => Some(item_id),
                        },
                        due: d.due,
                        overdue: d.overdue,
                        label: d.label,
                        case_ref: m.case_ref.clone(),
                        meeting_label: txt::meeting_label(m),
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let soon_days = Memo::new(move |_| {
        app.read(Part::FollowUp, |w| w.follow_up.due_soon_days)
            .unwrap_or(14)
    });
    let overdue = Memo::new(move |_| {
        rows.with(|r| r.iter().filter(|x| x.overdue).cloned().collect::<Vec<_>>())
    });
    let soon = Memo::new(move |_| {
        rows.with(|r| r.iter().filter(|x| !x.overdue).cloned().collect::<Vec<_>>())
    });
    view! {
        <AreaHeader title=txt::FOLLOW_UP_TITLE/>
        <p class="lead">{move || txt::follow_up_lead(soon_days.get())}</p>
        <section aria-labelledby="due-overdue">
            <h2 id="due-overdue" tabindex="-1">{move || txt::overdue_heading(overdue.with(|o| o.len()))}</h2>
            <DueTable rows=overdue empty=txt::NOTHING_OVERDUE caption=txt::OVERDUE_CAPTION/>
        </section>
        <section aria-labelledby="due-soon">
            <h2 id="due-soon" tabindex="-1">{move || txt::soon_heading(soon.with(|o| o.len()), soon_days.get())}</h2>
            <DueTable rows=soon empty=txt::NOTHING_SOON caption=txt::SOON_CAPTION/>
        </section>
        <p><a href=at(&format!("{BASE}/indstillinger"))>{txt::CHANGE_RULES}</a></p>
    }
}

#[component]
fn DueTable(rows: Memo<Vec<DueRow>>, empty: &'static str, caption: &'static str) -> impl IntoView {
    view! {
        <Show when=move || !rows.with(|r| r.is_empty()) fallback=move || view! { <p class="muted">{empty}</p> }>
            <table class="table due-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{txt::COL_DUE}</th>
                        <th scope="col">{txt::COL_WHAT}</th>
                        <th scope="col">{txt::COL_MEETING}</th>
                        <th scope="col"><span class="visually-hidden">{txt::COL_MORE}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <DueRowView row=r/>
                    </For>
                </tbody>
            </table>
        </Show>
    }
}

#[component]
fn DueRowView(row: DueRow) -> impl IntoView {
    let app = use_app();
    let today = today();
    let meeting_id = row.meeting_id;
    let item = row.item;
    let what = match item {
        None => txt::DUE_FOLLOW_UP.to_string(),
        Some(_) => txt::due_action(&row.label),
    };
    let act = move |_| {
        let updated = app
            .read_untracked(|w| {
                w.meetings
                    .iter()
                    .find(|m| m.id == meeting_id)
                    .map(|m| match item {
                        None => mark_followed_up(m, today),
                        Some(item_id) => {
                            let mut m = m.clone();
                            if let Some(a) = m.action_items.iter_mut().find(|a| a.id == item_id) {
                                a.done = true;
                            }
                            m
                        }
                    })
            })
            .flatten();
        let Some(m) = updated else { return };
        let overdue = row.overdue;
        let m = Meeting {
            updated_at: crate::model::now(),
            ..m
        };
        if session::dispatch(app, Command::put(Record::Meeting(m))).is_ok() {
            app.info(if item.is_none() {
                txt::MARKED_FOLLOWED_UP
            } else {
                txt::MARKED_DONE
            });
            focus_later(if overdue { "due-overdue" } else { "due-soon" }.into());
        }
    };
    let button_label = if item.is_none() {
        txt::MARK_FOLLOWED_UP
    } else {
        txt::MARK_DONE
    };
    let context = format!(" – {}", row.case_ref);
    view! {
        <tr>
            <td class="nowrap">
                {text::date_short(row.due)}<br/>
                <span class=if row.overdue { "tag tag-warning" } else { "tag" }>{txt::due_relative(row.due, today)}</span>
            </td>
            <td>{what}</td>
            <td><a href=at(&meeting_path(meeting_id))>{row.meeting_label.clone()}</a></td>
            <td>
                <button type="button" class="button secondary small" on:click=act>
                    {button_label}<span class="visually-hidden">{context}</span>
                </button>
            </td>
        </tr>
    }
}
