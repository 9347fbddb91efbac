//! Meetings per month and type against the municipality's targets: an SVG bar chart per target (with a
//! title and description) and the same figures as tables.

use super::AreaHeader;
use crate::app::{use_app, Part};
use crate::model::dates::month_field;
use crate::model::follow_up::{
    axis_max, evaluate_months, monthly_counts, Band, MonthCounts, MonthEvaluation, YearMonth,
};
use crate::model::MeetingType;
use crate::text::ui as t;
use crate::text::{self, meetings as txt};
use crate::ui::common::workspace_today as today;
use crate::ui::kit::chart::Frame;
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

#[component]
pub fn StatsView() -> impl IntoView {
    let app = use_app();
    let this_month = YearMonth::of(today());
    let from = RwSignal::new(this_month.minus(11));
    let to = RwSignal::new(this_month);
    let counts = Memo::new(move |_| {
        let (f, t) = (from.get(), to.get());
        app.read(Part::Meetings, |w| monthly_counts(&w.meetings, f, t))
            .unwrap_or_default()
    });
    let targets = Memo::new(move |_| {
        app.read(Part::FollowUp, |w| w.follow_up.monthly_targets.clone())
            .unwrap_or_default()
    });
    let unknown = Memo::new(move |_| {
        app.read(Part::Meetings, |w| {
            crate::model::meetings::unknown_type_count(&w.meetings)
        })
        .unwrap_or_default()
    });
    // Which of the two month fields holds text that is not a month (the chart keeps the last month).
    let bad_month = RwSignal::new((false, false));
    let period_error = Memo::new(move |_| {
        if bad_month.get().1 {
            Some(t::MONTH_WRONG)
        } else {
            (to.get() < from.get()).then_some(txt::PERIOD_REVERSED)
        }
    });
    view! {
        <AreaHeader title=txt::STATS_TITLE/>
        <p class="lead">{txt::stats_lead()}</p>
        {move || (unknown.get() > 0).then(|| view! {
            <p class="notice" data-testid="unknown-types">{txt::unknown_types_left_out(unknown.get())}</p>
        })}
        <form class="inline-form period-form" on:submit=|ev| ev.prevent_default() aria-label=txt::PERIOD_LABEL>
            <ChangeInput id="st-from" label=txt::L_FROM_MONTH hint=txt::H_MONTH maxlength=limits::MONTH numeric=true input_class="month-input"
                value=Signal::derive(move || { let m = from.get(); month_field(m.year, m.month) })
                error=Signal::derive(move || bad_month.get().0.then(|| t::MONTH_WRONG.to_string()))
                on_change=Callback::new(move |typed: String| {
                    let m = YearMonth::parse(&typed);
                    bad_month.update(|b| b.0 = m.is_none());
                    if let Some(m) = m { from.set(m) }
                })/>
            <ChangeInput id="st-to" label=txt::L_TO_MONTH hint=txt::H_MONTH maxlength=limits::MONTH numeric=true input_class="month-input"
                value=Signal::derive(move || { let m = to.get(); month_field(m.year, m.month) })
                error=Signal::derive(move || period_error.get().map(str::to_string))
                on_change=Callback::new(move |typed: String| {
                    let m = YearMonth::parse(&typed);
                    bad_month.update(|b| b.1 = m.is_none());
                    if let Some(m) = m { to.set(m) }
                })/>
        </form>
        {move || {
            let c = counts.get();
            targets.get().into_iter().enumerate().map(|(i, t)| {
                let ev = evaluate_months(&c, std::slice::from_ref(&t));
                view! { <TargetChart index=i meeting_type=t.meeting_type.clone() min=t.min max=t.max months=ev/> }
            }).collect_view()
        }}
        <Show when=move || targets.with(|t| t.is_empty())>
            <p class="notice">{txt::NO_TARGETS}</p>
        </Show>
        <AllTypesTable counts=counts/>
    }
}

const F: Frame = Frame::new(760.0, 280.0, [44.0, 12.0, 20.0, 44.0]);

fn band_class(b: Band) -> &'static str {
    match b {
        Band::Below => "below",
        Band::Within => "within",
        Band::Above => "above",
    }
}

#[component]
fn TargetChart(
    index: usize,
    meeting_type: MeetingType,
    min: u32,
    max: u32,
    months: Vec<MonthEvaluation>,
) -> impl IntoView {
    let label = text::meeting_type(&meeting_type);
    let top = axis_max(months.iter().map(|m| m.count), max);
    let plot_h = F.plot_h();
    let plot_w = F.plot_w();
    let y = move |v: u32| F.top + plot_h - plot_h * f64::from(v) / f64::from(top);
    let n = months.len().max(1) as f64;
    let slot = plot_w / n;
    let bar_w = (slot * 0.6).min(48.0);
    let title_id = format!("chart-{index}-title");
    let desc_id = format!("chart-{index}-desc");
    let within = months.iter().filter(|m| m.band == Band::Within).count();
    let below = months.iter().filter(|m| m.band == Band::Below).count();
    let above = months.iter().filter(|m| m.band == Band::Above).count();
    let desc = txt::chart_desc(&label, min, max, months.len(), within, below, above);
    let grid: Vec<u32> = {
        let step = if top <= 10 {
            if top <= 5 {
                1
            } else {
                2
            }
        } else {
            top / 5
        };
        (0..=top).step_by(step.max(1) as usize).collect()
    };
    let bars = months.iter().enumerate().map(|(i, m)| {
        let x = F.left + slot * i as f64 + (slot - bar_w) / 2.0;
        let yv = y(m.count);
        let h = (F.top + plot_h - yv).max(0.0);
        let cx = x + bar_w / 2.0;
        let month_label = txt::month_short(m.month);
        view! {
            <g class=format!("bar bar-{}", band_class(m.band))>
                <rect x=format!("{x:.1}") y=format!("{yv:.1}") width=format!("{bar_w:.1}") height=format!("{h:.1}")></rect>
                <text class="bar-value" x=format!("{cx:.1}") y=format!("{:.1}", yv - 5.0) text-anchor="middle">{m.count.to_string()}</text>
                <text class="axis-label" x=format!("{cx:.1}") y=format!("{:.1}", F.bottom_y() + 18.0) text-anchor="middle">{month_label}</text>
            </g>
        }
    }).collect_view();
    let band_top = y(max.min(top));
    let band_bottom = y(min.min(top));
    let table_rows = months.clone();
    view! {
        <section class="chart-section" aria-labelledby=format!("chart-{index}-h")>
            <h2 id=format!("chart-{index}-h")>{txt::chart_heading(&label, min, max)}</h2>
            <figure class="chart">
                <svg viewBox=F.view_box() role="img" aria-labelledby=format!("{title_id} {desc_id}") class="bar-chart" preserveAspectRatio="xMidYMid meet">
                    <title id=title_id.clone()>{txt::chart_title(&label)}</title>
                    <desc id=desc_id.clone()>{desc.clone()}</desc>
                    <rect class="target-band" x=F.left.to_string() y=format!("{band_top:.1}") width=plot_w.to_string()
                        height=format!("{:.1}", (band_bottom - band_top).max(0.0))></rect>
                    {grid.into_iter().map(|g| {
                        let gy = y(g);
                        view! {
                            <g class="grid">
                                <line x1=F.left.to_string() x2=F.right_x().to_string() y1=format!("{gy:.1}") y2=format!("{gy:.1}")></line>
                                <text class="axis-label" x=(F.left - 6.0).to_string() y=format!("{:.1}", gy + 4.0) text-anchor="end">{g.to_string()}</text>
                            </g>
                        }
                    }).collect_view()}
                    <line class="target-line" x1=F.left.to_string() x2=F.right_x().to_string() y1=format!("{band_top:.1}") y2=format!("{band_top:.1}")></line>
                    <line class="target-line" x1=F.left.to_string() x2=F.right_x().to_string() y1=format!("{band_bottom:.1}") y2=format!("{band_bottom:.1}")></line>
                    {bars}
                    <line class="axis" x1=F.left.to_string() x2=F.right_x().to_string() y1=(F.top + plot_h).to_string() y2=(F.top + plot_h).to_string()></line>
                </svg>
                <figcaption class="chart-legend">
                    <span class="legend-band" aria-hidden="true"></span>{txt::legend_band(min, max)}
                </figcaption>
            </figure>
            <table class="table chart-table">
                <caption>{txt::chart_table_caption(&label)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{txt::COL_MONTH}</th>
                        <th scope="col" class="num">{txt::COL_COUNT}</th>
                        <th scope="col">{txt::COL_TARGET}</th>
                        <th scope="col">{txt::COL_BAND}</th>
                    </tr>
                </thead>
                <tbody>
                    {table_rows.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{txt::year_month(m.month)}</th>
                            <td class="num">{m.count}</td>
                            <td>{format!("{}–{}", m.min, m.max)}</td>
                            <td><span class=format!("band-tag band-{}", band_class(m.band))>{txt::band(m.band)}</span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Every type per month, the text alternative for all meeting types at once.
#[component]
fn AllTypesTable(counts: Memo<Vec<MonthCounts>>) -> impl IntoView {
    let columns = Memo::new(move |_| {
        counts.with(|c| {
            let mut cols: Vec<MeetingType> = Vec::new();
            for mc in c {
                for (t, _) in &mc.by_type {
                    if !cols.contains(t) {
                        cols.push(t.clone());
                    }
                }
            }
            cols
        })
    });
    view! {
        <section aria-labelledby="all-types-h">
            <h2 id="all-types-h">{txt::ALL_TYPES_HEADING}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="all-types-h">
                <table class="table all-types">
                    <caption class="visually-hidden">{txt::ALL_TYPES_HEADING}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{txt::COL_MONTH}</th>
                            {move || columns.get().into_iter().map(|t| view! { <th scope="col" class="num">{text::meeting_type(&t)}</th> }).collect_view()}
                            <th scope="col" class="num">{txt::COL_TOTAL}</th>
                            <th scope="col" class="num">{txt::COL_PLANNED}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let cols = columns.get();
                            counts.get().into_iter().map(|mc| {
                                let cells = cols.iter().map(|t| view! { <td class="num">{mc.count(t)}</td> }).collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{txt::year_month(mc.month)}</th>
                                        {cells}
                                        <td class="num"><strong>{mc.total()}</strong></td>
                                        <td class="num muted">{mc.planned}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
