//! The list: initiatives grouped by goal and track, with the shared filter and the CSV exports.

use super::{filter_signal, today, with_plan, OverdueFlag, StaleFlag, StatusTag};
use crate::app::use_app;
use crate::browser::address::at;
use crate::model::plan_deadline::{deadline, deadline_state};
use crate::model::plan_ops::{
    distinct_committees, distinct_owners, filter, group_initiatives, is_stale, last_note_date,
    PlanFilter,
};
use crate::model::{Id, InitiativeStatus};
use crate::output::plan_csv;
use crate::text::{self, plan as tp};
use crate::ui::kit::progressive::Progressive;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// What one row shows; rows are keyed by id and `updated_at`, so an edited initiative is redrawn.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    depth: usize,
    number: String,
    title: String,
    owner: String,
    committee: String,
    /// The deadline as the detail page writes it (from the date or the period).
    deadline: String,
    overdue: bool,
    status: InitiativeStatus,
    stale: bool,
    last_note: Option<NaiveDate>,
    updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    key: (Option<Id>, Option<Id>),
    heading: String,
    /// Rows in the groups above this one (how far down the page it starts).
    before: usize,
    rows: Vec<Row>,
}

/// The ids passing the shared filter, in list order; recomputed only when the plan or filter changes.
pub(crate) fn filtered_ids(f: RwSignal<PlanFilter>) -> Memo<Vec<Id>> {
    let app = use_app();
    let day = today();
    Memo::new(move |_| {
        f.with(|f| with_plan(app, |p| filter(p, f, day)))
            .unwrap_or_default()
    })
}

#[component]
pub(crate) fn ListView() -> impl IntoView {
    let app = use_app();
    let f = filter_signal();
    let ids = filtered_ids(f);
    let day = today();
    let groups = Memo::new(move |_| {
        let mut groups = ids.with(|ids| {
            with_plan(app, |p| {
                group_initiatives(p, Some(ids))
                    .into_iter()
                    .map(|g| Group {
                        key: (g.goal_id, g.track_id),
                        heading: tp::group_heading(p, &g),
                        before: 0,
                        rows: g
                            .rows
                            .iter()
                            .filter_map(|r| {
                                let i = p.initiative(r.id)?;
                                Some(Row {
                                    id: i.id,
                                    depth: r.depth,
                                    number: i.number.clone(),
                                    title: i.title.clone(),
                                    owner: i.owner.clone(),
                                    committee: i.committee.clone(),
                                    deadline: tp::deadline_short(deadline(i), &i.period),
                                    overdue: deadline_state(i, day).is_overdue(),
                                    status: i.status,
                                    stale: is_stale(i, day, p.stale_after_days),
                                    last_note: last_note_date(i),
                                    updated_at: i.updated_at,
                                })
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        });
        let mut before = 0;
        for g in &mut groups {
            g.before = before;
            before += g.rows.len();
        }
        groups
    });
    let stale_days = Memo::new(move |_| with_plan(app, |p| p.stale_after_days).unwrap_or(0));
    let title = Memo::new(move |_| {
        with_plan(app, |p| (p.title.clone(), p.period.clone())).unwrap_or_default()
    });
    let drawn = Progressive::start(ids.with_untracked(Vec::len));
    let shown = move || {
        groups.with(|g| {
            g.iter()
                .filter(|g| drawn.reaches(g.before))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <super::PlanHeading title=tp::PAGE_LIST>
            {move || {
                let (t, period) = title.get();
                (!t.is_empty()).then(|| view! {
                    <p class="lead">{tp::plan_title_with_period(&t, &period)}</p>
                })
            }}
        </super::PlanHeading>
        <div class="button-row no-print">
            <a class="button" href=at("/handleplan/ny")>{tp::PAGE_NEW}</a>
            <a class="button secondary" href=at(&format!("/handleplan/{}", crate::ui::sheet_import::ROUTE))>{crate::text::sheet_import::OPEN_IMPORT}</a>
            <ExportButtons/>
        </div>
        <FilterBar f=f shown=Signal::derive(move || ids.with(|i| i.len()))/>
        // With nothing to show, the count line above says why (an empty plan, or a filter that matches none).
        <div class="plan-groups" aria-busy=move || drawn.busy()>
            <For each=shown key=|g| (g.key, g.heading.clone()) let:g>
                <GroupTable key=g.key heading=g.heading.clone() groups=groups stale_days=stale_days drawn=drawn/>
            </For>
        </div>
    }
}

#[component]
fn GroupTable(
    key: (Option<Id>, Option<Id>),
    heading: String,
    groups: Memo<Vec<Group>>,
    stale_days: Memo<u32>,
    drawn: Progressive,
) -> impl IntoView {
    let heading_id = format!(
        "gruppe-{}-{}",
        key.0.map(|i| i.to_string()).unwrap_or_default(),
        key.1.map(|i| i.to_string()).unwrap_or_default()
    );
    let rows = move || {
        groups.with(|g| {
            g.iter()
                .find(|x| x.key == key)
                .map(|x| drawn.take_after(x.before, x.rows.clone()))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="plan-group" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{heading.clone()}</h2>
            <div class="plan-table-scroll">
            <table class="table plan-table">
                <caption class="visually-hidden">{tp::group_caption(&heading)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="col-number">{tp::COL_NUMBER}</th>
                        <th scope="col">{tp::INITIATIVE_FORM}</th>
                        <th scope="col">{tp::L_OWNER}</th>
                        <th scope="col">{tp::L_COMMITTEE}</th>
                        <th scope="col">{tp::L_DEADLINE}</th>
                        <th scope="col">{tp::L_STATUS}</th>
                        <th scope="col">{tp::COL_LATEST_NOTE}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=|r| (r.id, r.updated_at, r.stale, r.overdue, r.depth) let:r>
                        <ListRow r=r stale_days=stale_days/>
                    </For>
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[component]
fn ListRow(r: Row, stale_days: Memo<u32>) -> impl IntoView {
    let href = format!("/handleplan/{}", r.id);
    let indent = format!("plan-title depth-{}", r.depth.min(3));
    view! {
        <tr>
            <td class="col-number">{r.number.clone()}</td>
            <td class=indent>
                {(r.depth > 0).then(|| view! { <span class="visually-hidden">{tp::SUB_INITIATIVE}</span><span aria-hidden="true">"↳ "</span> })}
                <a href=at(&href)>{super::wrap_after_slash(&r.title)}</a>
                " "<crate::ui::merge::ConflictMark record=crate::model::record::RecordRef::new(crate::model::record::RecordKind::Initiative, r.id)/>
            </td>
            <td>{r.owner.clone()}</td>
            <td>{r.committee.clone()}</td>
            <td class="col-deadline">
                {r.deadline.clone()}
                {r.overdue.then(|| view! { <br/><OverdueFlag/> })}
            </td>
            <td>
                <StatusTag status=r.status/>
                {r.stale.then(|| view! { <br/><StaleFlag days=stale_days.get_untracked()/> })}
            </td>
            <td>{r.last_note.map(text::date_short).unwrap_or_else(|| "–".into())}</td>
        </tr>
    }
}

/// The filter shared by the list and the board.
#[component]
pub(crate) fn FilterBar(
    f: RwSignal<PlanFilter>,
    #[prop(into)] shown: Signal<usize>,
) -> impl IntoView {
    let app = use_app();
    let owners = Memo::new(move |_| with_plan(app, distinct_owners).unwrap_or_default());
    let committees = Memo::new(move |_| with_plan(app, distinct_committees).unwrap_or_default());
    let total = Memo::new(move |_| with_plan(app, |p| p.initiatives.len()).unwrap_or(0));
    let stale_days = Memo::new(move |_| with_plan(app, |p| p.stale_after_days).unwrap_or(0));
    // A select of one text field of the filter (owner, committee): all, or one of the plan's values.
    let pick = move |id: &'static str,
                     label: &'static str,
                     all: &'static str,
                     values: Memo<Vec<String>>,
                     get: fn(&PlanFilter) -> &String,
                     set: fn(&mut PlanFilter, String)| {
        view! {
            <div class="form-group">
                <label class="form-label" for=id>{label}</label>
                <select id=id class="form-select" on:change=move |ev| f.update(|f| set(f, event_target_value(&ev)))>
                    <option value="" prop:selected=move || f.with(|f| get(f).is_empty())>{all}</option>
                    {move || values.get().into_iter().map(|o| {
                        let v = o.clone();
                        view! { <option value=o.clone() prop:selected=move || f.with(|f| *get(f) == v)>{o.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        // An empty plan has nothing to filter: only the one sentence that says so.
        <Show when=move || total.get() != 0>
        <details class="plan-filter no-print" open>
            <summary>{tp::FILTER_SUMMARY}</summary>
            <div class="plan-filter-grid">
                <div class="form-group">
                    <label class="form-label" for="filter-text">{crate::text::meetings::L_SEARCH}</label>
                    <span class="form-hint" id="filter-text-hint">{tp::FILTER_SEARCH_HINT}</span>
                    <input id="filter-text" class="form-input" type="search" aria-describedby="filter-text-hint"
                        prop:value=move || f.with(|f| f.text.clone())
                        on:input=move |ev| f.update(|f| f.text = event_target_value(&ev))/>
                </div>
                {pick("filter-owner", tp::L_OWNER, tp::ALL_OWNERS, owners, |f| &f.owner, |f, v| f.owner = v)}
                {pick("filter-committee", tp::L_COMMITTEE, tp::REPORT_ALL_COMMITTEES, committees, |f| &f.committee, |f, v| f.committee = v)}
                <fieldset class="form-group plan-filter-status">
                    <legend class="form-label">{tp::L_STATUS}</legend>
                    {InitiativeStatus::ALL.into_iter().map(|s| {
                        let id = format!("filter-{}", tp::status_class(s));
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || f.with(|f| f.statuses.contains(&s))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        f.update(|f| {
                                            f.statuses.retain(|x| *x != s);
                                            if on { f.statuses.push(s); }
                                        })
                                    }/>
                                <label for=id>{text::initiative_status(s)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-group">
                    <div class="checkbox">
                        <input type="checkbox" id="filter-stale"
                            prop:checked=move || f.with(|f| f.stale_only)
                            on:change=move |ev| f.update(|f| f.stale_only = event_target_checked(&ev))/>
                        <label for="filter-stale">{move || tp::stale_only_label(stale_days.get())}</label>
                    </div>
                    <button type="button" class="button secondary" on:click=move |_| f.set(PlanFilter::default())
                        disabled=move || f.with(|f| f.is_empty())>{tp::RESET_FILTERS}</button>
                </div>
            </div>
        </details>
        </Show>
        <p class="plan-count" class:notice=move || total.get() == 0 role="status">{move || tp::shown_of(shown.get(), total.get())}</p>
    }
}

/// CSV downloads for Danish Excel.
#[component]
pub(crate) fn ExportButtons() -> impl IntoView {
    use crate::ui::privacy_check::{check_csv, PrivacyCheck};
    let app = use_app();
    let check = PrivacyCheck::new("plan-csv");
    let download = move |indicators: bool| {
        let make = move || {
            app.read_untracked(|w| {
                let base = file_stem(&w.name);
                if indicators {
                    (
                        plan_csv::indicators_csv(&w.plan),
                        format!("{base}-indikatorer.csv"),
                    )
                } else {
                    (
                        plan_csv::initiatives_csv(&w.plan),
                        format!("{base}-initiativer.csv"),
                    )
                }
            })
        };
        check_csv(app, check, make, move |bytes, name| {
            if crate::browser::files::download(&name, "text/csv;charset=utf-8", &bytes).is_err() {
                app.error(text::ui::DOWNLOAD_FAILED);
            }
        });
    };
    view! {
        <button type="button" class="button secondary" id="plan-csv-initiatives" on:click=move |_| download(false)>{tp::CSV_INITIATIVES}</button>
        <button type="button" class="button secondary" id="plan-csv-indicators" on:click=move |_| download(true)>{tp::CSV_INDICATORS}</button>
        <crate::ui::privacy_check::PrivacyWarning check=check/>
    }
}

/// A file name from the workspace name: letters (æøå kept), digits and dashes.
fn file_stem(name: &str) -> String {
    let out = crate::file_format::export::ascii_slug(name);
    if out.is_empty() {
        "handleplan".into()
    } else {
        format!("{out}-handleplan")
    }
}
