//! The board: one column per status. Cards move by drag and drop, by the arrow keys on a focused card, or
//! with the card's "Flyt til" field; every move is a dated history entry and is announced.

use super::list::{filtered_ids, FilterBar};
use super::{
    author_signal, commit, filter_signal, focus_later, today, with_plan, OverdueFlag, StaleFlag,
};
use crate::app::{use_app, AppState};
use crate::browser::address::at;
use crate::model::plan_deadline::{deadline, deadline_state};
use crate::model::plan_ops::{is_stale, neighbour_status};
use crate::model::{Id, InitiativeStatus};
use crate::text::hyphen::hyphenate;
use crate::text::{self, plan as tp};
use crate::ui::kit::limits;
use crate::ui::kit::progressive::Progressive;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Card {
    id: Id,
    label: String,
    owner: String,
    /// The deadline as every screen writes it; `None` without one.
    deadline: Option<String>,
    overdue: bool,
    status: InitiativeStatus,
    stale: bool,
    updated_at: DateTime<Utc>,
}

fn card_dom_id(id: Id) -> String {
    format!("kort-{id}")
}

/// Moves a card and says so in the live region; focus follows the card when asked.
fn move_card(
    app: AppState,
    id: Id,
    to: InitiativeStatus,
    announce: RwSignal<String>,
    keep_focus: bool,
) {
    let Some((from, label)) = with_plan(app, |p| {
        p.initiative(id)
            .map(|i| (i.status, tp::initiative_label(&i.number, &i.title)))
    })
    .flatten() else {
        return;
    };
    let author = author_signal().get_untracked();
    let note = tp::board_move_note(from, to);
    match commit(app, |p| p.move_to_status(id, to, today(), &author, &note)) {
        Ok(Some(_)) => announce.set(tp::moved_announcement(&label, to)),
        Ok(None) => {}
        Err(e) => announce.set(e.message),
    }
    if keep_focus {
        focus_later(card_dom_id(id));
    }
}

#[component]
pub(crate) fn BoardView() -> impl IntoView {
    let app = use_app();
    let f = filter_signal();
    let ids = filtered_ids(f);
    let day = today();
    let announce = RwSignal::new(String::new());
    // An undo or redo makes the last move announced untrue; the app's live region says what it did.
    Effect::new(move |_| {
        app.undo_count.track();
        announce.set(String::new());
    });
    let cards = Memo::new(move |_| {
        ids.with(|ids| {
            with_plan(app, |p| {
                ids.iter()
                    .filter_map(|id| p.initiative(*id))
                    .map(|i| Card {
                        id: i.id,
                        label: tp::initiative_label(&i.number, &i.title),
                        owner: i.owner.clone(),
                        deadline: deadline(i).map(|d| tp::deadline_short(Some(d), &i.period)),
                        overdue: deadline_state(i, day).is_overdue(),
                        status: i.status,
                        stale: is_stale(i, day, p.stale_after_days),
                        updated_at: i.updated_at,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let stale_days = Memo::new(move |_| with_plan(app, |p| p.stale_after_days).unwrap_or(0));
    let drawn = Progressive::start(cards.with_untracked(Vec::len));
    let author = author_signal();
    view! {
        <super::PlanHeading title=tp::PAGE_BOARD/>
        <p id="board-help" class="form-hint">{tp::BOARD_HELP}</p>
        <div class="form-group plan-author no-print">
            <label class="form-label" for="board-author">{tp::BOARD_AUTHOR}</label>
            <span class="form-hint" id="board-author-hint">{tp::BOARD_AUTHOR_HINT}</span>
            <input maxlength=limits::NAME id="board-author" class="form-input" type="text" aria-describedby="board-author-hint"
                prop:value=move || author.get()
                on:input=move |ev| author.set(event_target_value(&ev))
                on:change=move |ev| super::remember_author(&event_target_value(&ev))/>
        </div>
        <FilterBar f=f shown=Signal::derive(move || ids.with(|i| i.len()))/>
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="board-announcement">{move || announce.get()}</p>
        <div class="plan-board" aria-busy=move || drawn.busy()>
            {InitiativeStatus::ALL.into_iter().map(|s| view! {
                <Column status=s cards=cards announce=announce stale_days=stale_days drawn=drawn/>
            }).collect_view()}
        </div>
    }
}

#[component]
fn Column(
    status: InitiativeStatus,
    cards: Memo<Vec<Card>>,
    announce: RwSignal<String>,
    stale_days: Memo<u32>,
    drawn: Progressive,
) -> impl IntoView {
    let app = use_app();
    let over = RwSignal::new(false);
    let heading_id = format!("kolonne-{}", tp::status_class(status));
    let mine = move || {
        cards.with(|c| {
            c.iter()
                .filter(|x| x.status == status)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let count = move || cards.with(|c| c.iter().filter(|x| x.status == status).count());
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let id = ev
            .data_transfer()
            .and_then(|d| d.get_data("text/plain").ok())
            .and_then(|s| s.parse::<Id>().ok());
        if let Some(id) = id {
            move_card(app, id, status, announce, false);
        }
    };
    view! {
        <section class=format!("plan-column {}", tp::status_class(status)) class:drag-over=move || over.get()
            aria-labelledby=heading_id.clone() data-status=tp::status_class(status)
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop>
            <h2 id=heading_id.clone() class="plan-column-heading">
                <span class="plan-status-icon" aria-hidden="true">{tp::status_icon(status)}</span>
                {text::initiative_status(status)}
                <span class="plan-column-count">{move || format!(" ({})", count())}</span>
            </h2>
            <ul class="plan-cards">
                <For each=move || drawn.take(mine()) key=|c| (c.id, c.updated_at, c.stale, c.overdue) let:c>
                    <BoardCard c=c announce=announce stale_days=stale_days/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn BoardCard(c: Card, announce: RwSignal<String>, stale_days: Memo<u32>) -> impl IntoView {
    let app = use_app();
    let id = c.id;
    let status = c.status;
    let title_id = format!("kort-titel-{id}");
    let select_id = format!("flyt-{id}");
    let target = RwSignal::new(String::new());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // Only on the card itself: the arrow keys inside the select must keep working there.
        let on_card = match (ev.target(), ev.current_target()) {
            (Some(t), Some(c)) => t == c,
            _ => false,
        };
        if !on_card {
            return;
        }
        let forward = match ev.key().as_str() {
            "ArrowRight" => true,
            "ArrowLeft" => false,
            _ => return,
        };
        ev.prevent_default();
        if let Some(to) = neighbour_status(status, forward) {
            move_card(app, id, to, announce, true);
        }
    };
    let do_move = move |_| {
        let chosen = target.get_untracked();
        if let Some(to) = InitiativeStatus::ALL
            .into_iter()
            .find(|s| tp::status_class(*s) == chosen)
        {
            move_card(app, id, to, announce, true);
        }
    };
    view! {
        <li id=card_dom_id(id) class="plan-card" tabindex="0" draggable="true"
            aria-labelledby=title_id.clone() aria-describedby="board-help"
            on:keydown=on_key
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &id.to_string());
                    dt.set_effect_allowed("move");
                }
            }>
            <h3 class="plan-card-title" id=title_id.clone()>
                <a href=at(&format!("/handleplan/{id}"))>{super::wrap_after_slash(&hyphenate(&c.label))}</a>
            </h3>
            <p class="plan-card-meta">
                <span class="visually-hidden">{tp::STATUS_HIDDEN}{text::initiative_status(status)}". "</span>
                {(!c.owner.is_empty()).then(|| hyphenate(&c.owner))}
                {c.deadline.clone().map(|d| view! { <br/>{tp::DEADLINE_LEAD}{d} })}
            </p>
            {c.overdue.then(|| view! { <p class="plan-card-meta"><OverdueFlag/></p> })}
            {c.stale.then(|| view! { <p class="plan-card-meta"><StaleFlag days=stale_days.get_untracked()/></p> })}
            <div class="plan-card-move no-print">
                <label class="visually-hidden" for=select_id.clone()>{tp::move_to_label(&c.label)}</label>
                <select id=select_id class="form-select" on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{tp::MOVE_TO_CHOICE}</option>
                    {InitiativeStatus::ALL.into_iter().filter(|s| *s != status).map(|s| view! {
                        <option value=tp::status_class(s)>{text::initiative_status(s)}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="button secondary" on:click=do_move>
                    {tp::MOVE}<span class="visually-hidden">" "{c.label.clone()}</span>
                </button>
            </div>
        </li>
    }
}
