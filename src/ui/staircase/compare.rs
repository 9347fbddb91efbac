//! Compare two measurements: per step the change in children and kroner, placement versus preventive
//! shares, and one plain sentence.

use super::ctx::{measurement_options, parse_id, use_ctx};
use crate::browser::address::at;
use crate::model::staircase_figures::{caseload, compare, Comparison};
use crate::model::Id;
use crate::text::{self, staircase as ts};
use leptos::prelude::*;

#[component]
pub fn MeasurementSelect(
    id: &'static str,
    label: &'static str,
    value: Memo<Option<Id>>,
    set: RwSignal<Option<Id>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let options = Memo::new(move |_| ctx.stair.with(measurement_options));
    view! {
        <div class="filter-field">
            <label class="form-label" for=id>{label}</label>
            <select id=id class="form-select"
                prop:value=move || value.get().map(|i| i.to_string()).unwrap_or_default()
                on:change=move |ev| set.set(parse_id(&event_target_value(&ev)))>
                {move || options.get().into_iter().map(|(oid, n)| view! {
                    <option value=oid.to_string() selected=move || value.get() == Some(oid)>{n}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let ctx = use_ctx();
    let want_a = RwSignal::new(None::<Id>);
    let want_b = RwSignal::new(None::<Id>);
    let a = Memo::new(move |_| {
        let w = want_a.get();
        ctx.stair.with(|s| {
            w.filter(|id| s.measurement(*id).is_some())
                .or_else(|| s.measurements.first().map(|m| m.id))
        })
    });
    let b = Memo::new(move |_| {
        let w = want_b.get();
        ctx.stair.with(|s| {
            w.filter(|id| s.measurement(*id).is_some()).or_else(|| {
                s.measurements
                    .get(1)
                    .or(s.measurements.first())
                    .map(|m| m.id)
            })
        })
    });
    let cmp = Memo::new(move |_| {
        let (a, b) = (a.get()?, b.get()?);
        ctx.stair.with(|s| compare(s, a, b).ok())
    });
    let enough = Memo::new(move |_| ctx.stair.with(|s| s.measurements.len() >= 2));
    view! {
        <section aria-labelledby="cmp-title">
            <h2 id="cmp-title">{ts::COMPARE_HEADING}</h2>
            <Show when=move || enough.get()
                fallback=|| view! { <p>{ts::COMPARE_NEEDS_TWO}<a href=at("/trappe/maalinger")>{ts::SUBNAV_MEASUREMENTS}</a>"."</p> }>
                <div class="chart-controls">
                    <MeasurementSelect id="cmp-a" label=ts::COMPARE_FROM value=a set=want_a/>
                    <MeasurementSelect id="cmp-b" label=ts::COMPARE_TO value=b set=want_b/>
                </div>
                {move || cmp.get().map(|c| view! { <ComparisonResult c=c/> })}
            </Show>
        </section>
    }
}

#[component]
fn ComparisonResult(c: Comparison) -> impl IntoView {
    let ctx = use_ctx();
    let (summary, a_name, b_name, step_names, load_a, load_b) = ctx.stair.with_untracked(|s| {
        let name = |id| {
            s.measurement(id)
                .map(ts::measurement_name)
                .unwrap_or_default()
        };
        let load = |id| s.measurement(id).and_then(|m| caseload(s, m));
        (
            ts::comparison_summary(s, &c),
            name(c.a),
            name(c.b),
            s.steps
                .iter()
                .enumerate()
                .map(|(i, st)| ts::step_title(i, &st.name))
                .collect::<Vec<_>>(),
            load(c.a),
            load(c.b),
        )
    });
    let per_course = ts::per_course_note(&[
        (a_name.as_str(), c.total_a.children_per_course),
        (b_name.as_str(), c.total_b.children_per_course),
    ]);
    let rows = c
        .steps
        .iter()
        .zip(step_names)
        .map(|(sc, name)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{text::step_category(sc.category)}</td>
                    <td class="num">{text::group_thousands(sc.a.children)}</td>
                    <td class="num">{text::group_thousands(sc.b.children)}</td>
                    <td class="num">{ts::signed_children(sc.children_delta)}</td>
                    <td class="num">{text::kroner(sc.a.yearly_spend)}</td>
                    <td class="num">{text::kroner(sc.b.yearly_spend)}</td>
                    <td class="num">{ts::signed_kroner(sc.spend_delta)}</td>
                </tr>
            }
        })
        .collect_view();
    let share_row = |label: &'static str, x: Option<f64>, y: Option<f64>| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{crate::text::percent(x)}</td>
                <td class="num">{crate::text::percent(y)}</td>
            </tr>
        }
    };
    view! {
        <p class="summary" data-testid="comparison-summary">{summary}</p>
        <table class="table comparison-table" data-testid="comparison-table">
            <caption>{ts::figures_caption_compared(&a_name, &b_name)}</caption>
            <thead>
                <tr>
                    <th scope="col">{crate::text::colleague::STEP}</th>
                    <th scope="col">{ts::COL_CATEGORY}</th>
                    <th scope="col" class="num">{ts::children_column(&a_name)}</th>
                    <th scope="col" class="num">{ts::children_column(&b_name)}</th>
                    <th scope="col" class="num">{ts::COL_CHANGE_CHILDREN}</th>
                    <th scope="col" class="num">{ts::spend_short_column(&a_name)}</th>
                    <th scope="col" class="num">{ts::spend_short_column(&b_name)}</th>
                    <th scope="col" class="num">{ts::COL_CHANGE_KRONER}</th>
                </tr>
            </thead>
            // The total is the last body row: a printed <tfoot> repeats on every page.
            <tbody>
                {rows}
                <tr class="total-row">
                    <th scope="row">{crate::text::meetings::COL_TOTAL}</th>
                    <td></td>
                    <td class="num">{text::group_thousands(c.total_a.children)}</td>
                    <td class="num">{text::group_thousands(c.total_b.children)}</td>
                    <td class="num" data-testid="cmp-children-delta">{ts::signed_children(c.children_delta)}</td>
                    <td class="num">{text::kroner(c.total_a.yearly_spend)}</td>
                    <td class="num">{text::kroner(c.total_b.yearly_spend)}</td>
                    <td class="num" data-testid="cmp-spend-delta">{ts::signed_kroner(c.spend_delta)}</td>
                </tr>
            </tbody>
        </table>
        {(!per_course.is_empty()).then(|| view! { <p class="muted" data-testid="comparison-per-course">{per_course.clone()}</p> })}
        <table class="table shares-table" data-testid="shares-table">
            <caption>{ts::SHARES_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{ts::COL_SHARE}</th>
                    <th scope="col" class="num">{a_name.clone()}</th>
                    <th scope="col" class="num">{b_name.clone()}</th>
                </tr>
            </thead>
            <tbody>
                {share_row(ts::SHARE_PLACEMENT_CHILDREN, c.split_a.placement_children_share(), c.split_b.placement_children_share())}
                {share_row(ts::SHARE_PREVENTIVE_CHILDREN, c.split_a.preventive_children_share(), c.split_b.preventive_children_share())}
                {share_row(ts::SHARE_PLACEMENT_SPEND, c.split_a.placement_spend_share(), c.split_b.placement_spend_share())}
                {share_row(ts::SHARE_PREVENTIVE_SPEND, c.split_a.preventive_spend_share(), c.split_b.preventive_spend_share())}
                <tr>
                    <th scope="row">{crate::text::overview::TITLE_CASELOAD}</th>
                    <td class="num">{ts::caseload(load_a)}</td>
                    <td class="num">{ts::caseload(load_b)}</td>
                </tr>
            </tbody>
        </table>
    }
}
