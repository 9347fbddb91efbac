//! The committee page (/overblik/udskriv): the key figures, their trend since the baseline and the summary
//! on one A4 page, for the browser's "Gem som PDF".

use super::figures::{overview_data, OverviewData};
use super::spend_chart::SpendChart;
use crate::model::key_figures::series::Point;
use crate::model::InitiativeStatus;
use crate::text::{self, overview as to};
use crate::ui::kit::print::{PrintFrame, PrintHeader};
use leptos::prelude::*;

/// One key figure: now, at the baseline, and what it is.
#[derive(Clone)]
struct Tile {
    /// Which figure, for tests reading it beside the same figure elsewhere.
    key: &'static str,
    label: String,
    now: String,
    before: Option<String>,
}

fn tiles(d: &OverviewData) -> Vec<Tile> {
    let k = &d.k;
    let mut out = Vec::new();
    let base = k.series.baseline();
    let now = k.series.latest();
    if let Some(now) = now {
        let before = base.filter(|b| b.measurement_id != now.measurement_id);
        // A figure now and at the baseline, "… i «Baseline 2016»".
        let then =
            |show: &dyn Fn(&Point) -> String| before.map(|b| to::figure_at(&show(b), &b.name));
        let share = |p: &Point| text::percent(p.split.placement_children_share());
        let placement = |p: &Point| text::kroner_short(p.split.placement_spend);
        let preventive = |p: &Point| text::kroner_short(p.split.preventive_spend);
        out.push(Tile {
            key: "placement-share",
            label: to::PLACEMENT_SHARE.into(),
            now: share(now),
            before: then(&share),
        });
        out.push(Tile {
            key: "placement-spend",
            label: to::PLACEMENT_SPEND.into(),
            now: placement(now),
            before: then(&placement),
        });
        out.push(Tile {
            key: "preventive-spend",
            label: to::PREVENTIVE_SPEND.into(),
            now: preventive(now),
            before: then(&preventive),
        });
        if let Some(load) = now.caseload {
            out.push(Tile {
                key: "caseload",
                label: to::TITLE_CASELOAD.into(),
                now: text::decimal(load, 1),
                before: d.band.map(to::band_target),
            });
        }
    }
    if k.meetings.meetings > 0 {
        out.push(Tile {
            key: "meetings-per-month",
            label: to::TILE_MEETINGS.into(),
            now: text::decimal(k.meetings.average_per_month(), 1),
            before: Some(to::month_span(k.meetings.window.from, k.meetings.window.to)),
        });
    }
    if k.plan.initiatives > 0 {
        out.push(Tile {
            key: "initiatives-done",
            label: to::tile_done(),
            now: to::count_of(k.plan.count(InitiativeStatus::Done), k.plan.initiatives),
            before: Some(to::tile_delayed_overdue(
                k.plan.count(InitiativeStatus::Delayed),
                k.plan.overdue,
            )),
        });
    }
    out
}

#[component]
pub fn OverviewPrint() -> impl IntoView {
    let data = overview_data();
    view! {
        <PrintFrame title=to::PRINT_TITLE paper="A4 portrait" back=("/overblik", to::PRINT_BACK)
            name="overview-print" hint=to::PRINT_PAPER class="overview-print">
            {move || data.get().map(|d| {
                let summary = to::summary(&d.k, d.band);
                let tiles = tiles(&d);
                let points = d.k.series.points.clone();
                view! {
                    <PrintHeader what=to::PRINT_HEADING workspace=d.workspace.clone()/>
                    <ul class="print-tiles" data-testid="print-tiles">
                        {tiles.into_iter().map(|t| view! {
                            <li data-figure=t.key><span class="tile-label">{t.label}</span><span class="tile-now">{t.now}</span>
                                {t.before.map(|b| view! { <span class="tile-before">{b}</span> })}</li>
                        }).collect_view()}
                    </ul>
                    <h2>{to::TITLE_SUMMARY}</h2>
                    {if summary.is_empty() {
                        view! { <p>{to::NO_SUMMARY}</p> }.into_any()
                    } else {
                        view! { <ul class="summary-list" data-testid="print-summary">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    {(!points.is_empty()).then(|| view! {
                        <h2>{to::TITLE_STAIRCASE}</h2>
                        <div class="print-chart"><SpendChart points=points.clone() svg_id="overblik-udskrift-diagram"/></div>
                        <table class="table print-series">
                            <caption class="visually-hidden">{to::PRINT_SERIES_CAPTION}</caption>
                            <thead><tr><th scope="col">{to::COL_MEASUREMENT}</th><th scope="col" class="num">{crate::text::colleague::CHILDREN_GROUP}</th><th scope="col" class="num">{to::COL_PLACED_SHARE}</th>
                                <th scope="col" class="num">{to::COL_PLACEMENTS}</th><th scope="col" class="num">{to::COL_PREVENTION}</th><th scope="col" class="num">{crate::text::meetings::COL_TOTAL}</th></tr></thead>
                            <tbody>
                                {points.into_iter().map(|p| view! {
                                    <tr><th scope="row">{format!("{} ({})", p.name, text::date_short(p.date))}</th>
                                        <td class="num">{text::group_thousands(p.totals.children)}</td>
                                        <td class="num">{crate::text::percent(p.split.placement_children_share())}</td>
                                        <td class="num">{text::kroner_short(p.split.placement_spend)}</td>
                                        <td class="num">{text::kroner_short(p.split.preventive_spend)}</td>
                                        <td class="num">{text::kroner_short(p.totals.yearly_spend)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                    <p class="print-source">{to::PRINT_SOURCE}</p>
                }
            })}
        </PrintFrame>
    }
}
