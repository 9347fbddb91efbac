//! The meeting log: free-text search and filters over a kept-current index, one page of rows at a time,
//! a politely announced result count, and CSV export of the filtered list.

use super::{focus_later, meeting_path, AreaHeader, BASE};
use crate::app::{use_app, Part};
use crate::browser::address::at;
use crate::browser::files;
use crate::model::dates::{date_field, parse_date};
use crate::model::follow_up::{due_list, next_follow_up, StepLookup};
use crate::model::meeting_query::{
    in_list_order, open_action_count, paginate, type_from_key, type_key, type_options, LiveIndex,
    MeetingFilter,
};
use crate::model::{Id, MeetingStatus, MeetingType};
use crate::output::meetings_csv::{meetings_csv_of, CsvRows};
use crate::text::ui as t;
use crate::text::{self, meetings as txt};
use crate::ui::common::workspace_today as today;
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;
use std::cell::RefCell;

/// Rows on one page.
const PER_PAGE: usize = 50;

/// The list's search and page survive moving to a meeting and back (per workspace, per tab).
#[derive(Clone, Default)]
struct Prefs {
    workspace: Option<Id>,
    filter: MeetingFilter,
    page: usize,
    oldest_first: bool,
}

thread_local! {
    static PREFS: RefCell<Prefs> = RefCell::new(Prefs::default());
    /// The search index, kept across visits and brought up to date on each query.
    static INDEX: RefCell<(Option<Id>, LiveIndex)> = RefCell::new((None, LiveIndex::default()));
}

/// One row of the table: plain values only, keyed as a whole so a changed meeting re-renders.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    date: Option<NaiveDate>,
    time: Option<NaiveTime>,
    type_label: String,
    case_ref: String,
    status: MeetingStatus,
    open: usize,
    actions: usize,
    next: Option<NaiveDate>,
}

#[component]
pub fn MeetingList() -> impl IntoView {
    let app = use_app();
    let ws_id = app.open_id.get_untracked();
    let prefs = PREFS.with(|p| {
        let p = p.borrow();
        if p.workspace == ws_id {
            p.clone()
        } else {
            Prefs::default()
        }
    });
    let filter = RwSignal::new(prefs.filter);
    let page = RwSignal::new(prefs.page);
    let oldest_first = RwSignal::new(prefs.oldest_first);
    Effect::new(move |_| {
        let p = Prefs {
            workspace: ws_id,
            filter: filter.get(),
            page: page.get(),
            oldest_first: oldest_first.get(),
        };
        PREFS.with(|cell| *cell.borrow_mut() = p);
    });

    let results = Memo::new(move |_| {
        let oldest = oldest_first.get();
        filter.with(|f| {
            app.read_parts(&[Part::Meetings, Part::Staircase], |w| {
                let found = INDEX.with(|cell| {
                    let mut cell = cell.borrow_mut();
                    if cell.0 != Some(w.id) {
                        *cell = (
                            Some(w.id),
                            LiveIndex::new(&w.meetings, crate::text::meeting_type),
                        );
                    }
                    cell.1.query(&w.meetings, f, &w.staircase)
                });
                in_list_order(found, &w.meetings, oldest)
            })
            .unwrap_or_default()
        })
    });
    let total_meetings =
        Memo::new(move |_| app.read(Part::Meetings, |w| w.meetings.len()).unwrap_or(0));
    let page_info = Memo::new(move |_| {
        results.with(|r| {
            let p = paginate(r, page.get(), PER_PAGE);
            (p.page, p.page_count, p.total, p.items.to_vec())
        })
    });
    let rows = Memo::new(move |_| {
        page_info.with(|(_, _, _, items)| {
            app.read_parts(&[Part::Meetings, Part::Staircase, Part::FollowUp], |w| {
                let lookup = StepLookup::new(&w.staircase);
                let today = today();
                items
                    .iter()
                    .filter_map(|&i| w.meetings.get(i))
                    .map(|m| Row {
                        id: m.id,
                        date: m.date,
                        time: m.time,
                        type_label: text::meeting_type(&m.meeting_type),
                        case_ref: m.case_ref.clone(),
                        status: m.status,
                        open: open_action_count(m),
                        actions: m.action_items.len(),
                        next: next_follow_up(m, &w.follow_up, lookup.category_of(m), today),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let set_filter = move |f: &dyn Fn(&mut MeetingFilter)| {
        filter.update(|x| f(x));
        page.set(0);
    };

    view! {
        <AreaHeader title=txt::AREA_TITLE/>
        <p class="lead">{txt::LIST_LEAD}</p>
        <div class="button-row">
            <a class="button" href=at(&format!("{BASE}/ny"))>{txt::NEW_MEETING}</a>
            <a class="button secondary" href=at(&format!("{BASE}/{}", crate::ui::sheet_import::ROUTE))>{crate::text::sheet_import::OPEN_IMPORT}</a>
        </div>
        <DueSummary/>
        <Filters filter=filter set_filter=set_filter oldest_first=oldest_first page=page/>
        <p class="result-count" id="result-top" tabindex="-1" role="status" aria-live="polite" aria-atomic="true" data-testid="result-count">
            {move || {
                let (p, _, total, items) = page_info.get();
                let first = p * PER_PAGE + 1;
                txt::result_count(first, first + items.len().saturating_sub(1), total, total_meetings.get())
            }}
        </p>
        <Show when=move || !rows.with(|r| r.is_empty())
            fallback=move || view! { <p class="notice">{move || if total_meetings.get() == 0 { txt::NO_MEETINGS_YET } else { txt::NO_MATCHES }}</p> }>
            <div class="table-scroll">
                <table class="table meet-table">
                    <caption class="visually-hidden">{txt::TABLE_CAPTION}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{txt::COL_DATE}</th>
                            <th scope="col">{txt::COL_CASE}</th>
                            <th scope="col">{txt::COL_TYPE}</th>
                            <th scope="col">{txt::COL_STATUS}</th>
                            <th scope="col" class="num">{txt::COL_OPEN_ACTIONS}</th>
                            <th scope="col">{txt::COL_NEXT_FOLLOW_UP}</th>
                            <th scope="col"><span class="visually-hidden">{txt::COL_MORE}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() let:r>
                            <MeetingRow row=r/>
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <Pager page=page page_info=page_info/>
        <ExportSection results=results/>
    }
}

#[component]
fn MeetingRow(row: Row) -> impl IntoView {
    let today = today();
    let when = match (row.date, row.time) {
        (Some(d), Some(t)) => txt::date_at(&text::date_short(d), t),
        (Some(d), None) => text::date_short(d),
        (None, _) => txt::UNDATED.to_string(),
    };
    let next = row.next.map(|d| {
        let overdue = d < today;
        view! {
            <span class:overdue=overdue>{text::date_short(d)}</span>
            {overdue.then(|| view! { <span class="tag tag-warning">{txt::OVERDUE}</span> })}
        }
    });
    let case = if row.case_ref.trim().is_empty() {
        txt::NO_CASE_REF.to_string()
    } else {
        row.case_ref.clone()
    };
    view! {
        <tr>
            <td class="nowrap">{when}</td>
            <th scope="row"><a href=at(&meeting_path(row.id))>{case.clone()}</a>" "<crate::ui::merge::ConflictMark record=crate::model::record::RecordRef::new(crate::model::record::RecordKind::Meeting, row.id)/></th>
            <td>{row.type_label.clone()}</td>
            <td><span class=format!("status-tag status-{}", status_class(row.status))>{text::meeting_status(row.status)}</span></td>
            <td class="num">{txt::open_of_total(row.open, row.actions)}</td>
            <td>{next}</td>
            <td><a href=at(&format!("{}/referat", meeting_path(row.id)))>{txt::MINUTES_LINK}<span class="visually-hidden">{format!(" {case}")}</span></a></td>
        </tr>
    }
}

pub(super) fn status_class(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "planned",
        MeetingStatus::Held => "held",
        MeetingStatus::FollowedUp => "followed-up",
        MeetingStatus::Cancelled => "cancelled",
    }
}

/// "3 opfølgninger og handlinger er over fristen" with a link to the follow-up view.
#[component]
fn DueSummary() -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        app.read_parts(&[Part::Meetings, Part::Staircase, Part::FollowUp], |w| {
            let list = due_list(w, today());
            let overdue = list.iter().filter(|i| i.overdue).count();
            (overdue, list.len() - overdue)
        })
        .unwrap_or((0, 0))
    });
    view! {
        <Show when=move || counts.with(|(a, b)| a + b > 0)>
            <p class="due-summary">
                {move || { let (o, s) = counts.get(); txt::due_summary(o, s) }}" "
                <a href=at(&format!("{BASE}/opfoelgning"))>{txt::SEE_FOLLOW_UP}</a>
            </p>
        </Show>
    }
}

#[component]
fn Filters(
    filter: RwSignal<MeetingFilter>,
    set_filter: impl Fn(&dyn Fn(&mut MeetingFilter)) + Copy + Send + Sync + 'static,
    oldest_first: RwSignal<bool>,
    page: RwSignal<usize>,
) -> impl IntoView {
    let app = use_app();
    let types = Memo::new(move |_| {
        app.read_parts(&[Part::Meetings, Part::Templates], |w| {
            type_options(&w.meetings, &w.meeting_templates)
        })
        .unwrap_or_default()
    });
    let steps = Memo::new(move |_| {
        app.read(Part::Staircase, |w| {
            w.staircase
                .steps
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let text_value = Memo::new(move |_| filter.with(|f| f.text.clone()));
    let type_value =
        Memo::new(move |_| filter.with(|f| f.types.first().map(type_key).unwrap_or_default()));
    let status_value = Memo::new(move |_| {
        filter.with(|f| {
            f.statuses
                .first()
                .map(|s| status_class(*s).to_string())
                .unwrap_or_default()
        })
    });
    let step_value =
        Memo::new(move |_| filter.with(|f| f.step.map(|s| s.to_string()).unwrap_or_default()));
    // The two date filters, each with its flag for text that is not a date (the filter keeps its last date).
    let date_filter = move |id: &'static str,
                            label: &'static str,
                            get: fn(&MeetingFilter) -> Option<NaiveDate>,
                            put: fn(&mut MeetingFilter, Option<NaiveDate>)| {
        let unreadable = RwSignal::new(false);
        view! {
            <ChangeInput id=id label=label hint=t::DATE_HINT maxlength=limits::DATE numeric=true input_class="date-input"
                value=Signal::derive(move || filter.with(|f| date_field(get(f))))
                error=Signal::derive(move || unreadable.get().then(|| t::DATE_WRONG.to_string()))
                on_change=Callback::new(move |typed: String| {
                    let d = parse_date(&typed);
                    let bad = d.is_none() && !typed.trim().is_empty();
                    unreadable.set(bad);
                    if !bad { set_filter(&|f| put(f, d)) }
                })/>
        }
    };
    let open_only = Memo::new(move |_| filter.with(|f| f.open_actions_only));
    let active = Memo::new(move |_| filter.with(|f| !f.is_empty()));
    view! {
        <form class="meet-filters" role="search" aria-label=txt::FILTERS_LABEL on:submit=|ev| ev.prevent_default()>
            <div class="form-group filter-text">
                <label class="form-label" for="f-text">{txt::L_SEARCH}</label>
                <span class="form-hint" id="f-text-hint">{txt::H_SEARCH}</span>
                <input id="f-text" class="form-input" type="search" autocomplete="off" aria-describedby="f-text-hint"
                    prop:value=move || text_value.get()
                    on:input=move |ev| { let v = event_target_value(&ev); set_filter(&|f| f.text = v.clone()) }/>
            </div>
            <div class="filter-grid">
                <div class="form-group">
                    <label class="form-label" for="f-type">{txt::L_FILTER_TYPE}</label>
                    <select id="f-type" class="form-select" prop:value=move || type_value.get()
                        on:change=move |ev| {
                            let t: Option<MeetingType> = type_from_key(&event_target_value(&ev));
                            set_filter(&|f| f.types = t.clone().into_iter().collect());
                        }>
                        <option value="">{txt::ALL_TYPES}</option>
                        {move || types.get().into_iter().map(|t| {
                            let k = type_key(&t);
                            let k2 = k.clone();
                            view! { <option value=k selected=move || type_value.get() == k2>{text::meeting_type(&t)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="f-status">{txt::L_FILTER_STATUS}</label>
                    <select id="f-status" class="form-select" prop:value=move || status_value.get()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let s = MeetingStatus::ALL.into_iter().find(|s| status_class(*s) == v);
                            set_filter(&|f| f.statuses = s.into_iter().collect());
                        }>
                        <option value="">{txt::ALL_STATUSES}</option>
                        {MeetingStatus::ALL.into_iter().map(|s| view! {
                            <option value=status_class(s) selected=move || status_value.get() == status_class(s)>{text::meeting_status(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {date_filter("f-from", txt::L_FROM, |f| f.from, |f, d| f.from = d)}
                {date_filter("f-to", txt::L_TO, |f| f.to, |f, d| f.to = d)}
                <div class="form-group">
                    <label class="form-label" for="f-step">{txt::L_FILTER_STEP}</label>
                    <select id="f-step" class="form-select" prop:value=move || step_value.get()
                        on:change=move |ev| { let s = event_target_value(&ev).parse::<Id>().ok(); set_filter(&|f| f.step = s) }>
                        <option value="">{txt::ALL_STEPS}</option>
                        {move || steps.get().into_iter().enumerate().map(|(i, (id, name))| {
                            let k = id.to_string();
                            let k2 = k.clone();
                            view! { <option value=k selected=move || step_value.get() == k2>{txt::step_option(i + 1, &name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="form-label" for="f-sort">{txt::L_SORT}</label>
                    <select id="f-sort" class="form-select" prop:value=move || if oldest_first.get() { "oldest" } else { "newest" }
                        on:change=move |ev| { oldest_first.set(event_target_value(&ev) == "oldest"); page.set(0); }>
                        <option value="newest" selected=move || !oldest_first.get()>{txt::SORT_NEWEST}</option>
                        <option value="oldest" selected=move || oldest_first.get()>{txt::SORT_OLDEST}</option>
                    </select>
                </div>
            </div>
            <div class="filter-foot">
                <div class="checkbox">
                    <input type="checkbox" id="f-open" prop:checked=move || open_only.get()
                        on:change=move |ev| { let c = event_target_checked(&ev); set_filter(&|f| f.open_actions_only = c) }/>
                    <label for="f-open">{txt::L_OPEN_ONLY}</label>
                </div>
                <Show when=move || active.get()>
                    <button type="button" class="button secondary" on:click=move |_| {
                        filter.set(MeetingFilter::default());
                        page.set(0);
                        focus_later("f-text".into());
                    }>{txt::RESET_FILTERS}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn Pager(
    page: RwSignal<usize>,
    page_info: Memo<(usize, usize, usize, Vec<usize>)>,
) -> impl IntoView {
    let current = move || page_info.with(|p| p.0);
    let count = move || page_info.with(|p| p.1);
    view! {
        <Show when=move || { count() > 1 }>
            <nav class="pager no-print" aria-label=txt::PAGER_LABEL>
                <PagerButton page=page label=txt::PAGE_FIRST target=Signal::derive(move || (current() > 0).then_some(0))/>
                <PagerButton page=page label=txt::PAGE_PREV target=Signal::derive(move || current().checked_sub(1))/>
                <span class="pager-status">{move || txt::page_of(current() + 1, count())}</span>
                <PagerButton page=page label=txt::PAGE_NEXT target=Signal::derive(move || (current() + 1 < count()).then(|| current() + 1))/>
                <PagerButton page=page label=txt::PAGE_LAST target=Signal::derive(move || (current() + 1 < count()).then(|| count() - 1))/>
            </nav>
        </Show>
    }
}

/// A paging button; where it cannot go it stays focusable but says so (aria-disabled).
#[component]
fn PagerButton(
    page: RwSignal<usize>,
    label: &'static str,
    target: Signal<Option<usize>>,
) -> impl IntoView {
    view! {
        <button type="button" class="button secondary small"
            aria-disabled=move || target.get().is_none().to_string()
            on:click=move |_| if let Some(p) = target.get_untracked() {
                page.set(p);
                focus_later("result-top".into());
            }>{label}</button>
    }
}

/// CSV of the filtered list, one row per meeting or per action item, after a check for personal data in
/// what the file carries.
#[component]
fn ExportSection(results: Memo<Vec<usize>>) -> impl IntoView {
    use crate::ui::privacy_check::{check_csv, PrivacyCheck, PrivacyWarning};
    let app = use_app();
    let check = PrivacyCheck::new("meetings-csv");
    let start = move |rows: CsvRows| {
        check_csv(
            app,
            check,
            || {
                let bytes = app.read_untracked(|w| {
                    results.with_untracked(|r| meetings_csv_of(w, r, rows, today()))
                })?;
                let name =
                    txt::csv_file_name(rows == CsvRows::PerActionItem, crate::browser::today());
                Some((bytes, name))
            },
            move |bytes, name| {
                if files::download(&name, "text/csv;charset=utf-8", &bytes).is_err() {
                    app.error(crate::text::ui::DOWNLOAD_FAILED);
                }
            },
        )
    };
    view! {
        <section class="meet-export no-print" aria-labelledby="export-title">
            <h2 id="export-title">{txt::EXPORT_TITLE}</h2>
            <p>{move || txt::export_lead(results.with(|r| r.len()))}</p>
            <div class="button-row">
                <button type="button" class="button secondary" id="meetings-csv-per-meeting" on:click=move |_| start(CsvRows::PerMeeting)>{txt::EXPORT_PER_MEETING}</button>
                <button type="button" class="button secondary" id="meetings-csv-per-action" on:click=move |_| start(CsvRows::PerActionItem)>{txt::EXPORT_PER_ACTION}</button>
            </div>
            <PrivacyWarning check=check/>
        </section>
    }
}
