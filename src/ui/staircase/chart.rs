//! The staircase chart: SVG stairs rising from the least intrusive step (left, low) to the most intrusive
//! (right, high), each with its name, children and yearly spend, optionally beside a second measurement
//! with the change. The same figures as a table are one click away; SVG and PNG export for slides.

use super::ctx::{measurement_options, parse_id, use_ctx};
use super::export;
use crate::model::staircase_figures::{
    max_children, measurement_figures, totals, wrap_words, StepFigures,
};
use crate::model::{Id, StepCategory};
use crate::text::{self, staircase as ts};
use leptos::prelude::*;

/// Everything the chart and the table show, computed once per change.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub steps: Vec<(String, StepCategory)>,
    pub a_name: String,
    pub a: Vec<StepFigures>,
    pub b: Option<(String, Vec<StepFigures>)>,
}

pub fn chart_data(a: Signal<Option<Id>>, b: Signal<Option<Id>>) -> Memo<Option<ChartData>> {
    let ctx = use_ctx();
    Memo::new(move |_| {
        let (a, b) = (a.get()?, b.get());
        ctx.stair.with(|s| {
            let ma = s.measurement(a)?;
            Some(ChartData {
                steps: s
                    .steps
                    .iter()
                    .map(|st| (st.name.clone(), st.category))
                    .collect(),
                a_name: ts::measurement_name(ma),
                a: measurement_figures(s, ma),
                b: b.filter(|b| *b != a)
                    .and_then(|b| s.measurement(b))
                    .map(|mb| (ts::measurement_name(mb), measurement_figures(s, mb))),
            })
        })
    })
}

/// The section on the main view: pick measurements, see the chart or the table, export.
#[component]
pub fn ChartSection() -> impl IntoView {
    let ctx = use_ctx();
    let options = Memo::new(move |_| ctx.stair.with(measurement_options));
    let data = chart_data(ctx.shown_id.into(), ctx.other_id.into());
    let as_table = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let workspace_name = move || {
        ctx.app
            .read_untracked(|w| w.name.clone())
            .unwrap_or_default()
    };
    let export_svg = move |_| {
        let name = ts::chart_file_name(&workspace_name(), crate::browser::today(), "svg");
        match export::download_svg("trappe-diagram", &name) {
            Ok(()) => ctx.say(format!("Diagrammet er hentet som {name}.")),
            Err(e) => error.set(Some(e)),
        }
    };
    let export_png = move |_| {
        let name = ts::chart_file_name(&workspace_name(), crate::browser::today(), "png");
        match export::download_png("trappe-diagram", &name) {
            Ok(()) => ctx.say(format!("Diagrammet er hentet som {name}.")),
            Err(e) => error.set(Some(e)),
        }
    };
    let print_href = move || {
        let mut q = String::new();
        if let Some(a) = ctx.shown_id.get() {
            q.push_str(&format!("?a={a}"));
            if let Some(b) = ctx.other_id.get() {
                q.push_str(&format!("&b={b}"));
            }
        }
        format!("/trappe/udskriv{q}")
    };
    view! {
        <section aria-labelledby="chart-title-h" class="chart-section">
            <h2 id="chart-title-h">"Diagram"</h2>
            <Show when=move || !options.with(|o| o.is_empty())
                fallback=|| view! {
                    <div class="notice"><p>"Diagrammet viser børn og udgifter pr. trin for en måling. Opret en måling under "<a href="/trappe/maalinger">"Målinger"</a>"."</p></div>
                }>
                <div class="chart-controls no-print">
                    <div class="filter-field">
                        <label class="form-label" for="chart-a">"Vis måling"</label>
                        <select id="chart-a" class="form-select"
                            prop:value=move || ctx.shown_id.get().map(|i| i.to_string()).unwrap_or_default()
                            on:change=move |ev| ctx.chosen.set(parse_id(&event_target_value(&ev)))>
                            {move || options.get().into_iter().map(|(id, n)| view! {
                                <option value=id.to_string() selected=move || ctx.shown_id.get() == Some(id)>{n}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="filter-field">
                        <label class="form-label" for="chart-b">"Sammenlign med"</label>
                        <select id="chart-b" class="form-select"
                            prop:value=move || ctx.other_id.get().map(|i| i.to_string()).unwrap_or_default()
                            on:change=move |ev| ctx.chosen_other.set(parse_id(&event_target_value(&ev)))>
                            <option value="">"Ingen"</option>
                            {move || options.get().into_iter().map(|(id, n)| view! {
                                <option value=id.to_string() selected=move || ctx.other_id.get() == Some(id)>{n}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="button-row chart-buttons">
                        <button type="button" class="button secondary" aria-pressed=move || as_table.get().to_string()
                            on:click=move |_| as_table.update(|t| *t = !*t)>"Vis som tabel"</button>
                        <button type="button" class="button secondary" on:click=export_svg>"Hent som SVG"</button>
                        <button type="button" class="button secondary" on:click=export_png>"Hent som PNG"</button>
                        <a class="button secondary" href=print_href>"Udskriftsvisning"</a>
                    </div>
                </div>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <Show when=move || as_table.get()>
                    <FiguresTable data=data/>
                </Show>
                // The chart stays in the page (hidden while the table shows) so it can always be exported.
                <div class="chart-box" class:visually-hidden=move || as_table.get()>
                    <StairChart data=data svg_id="trappe-diagram"/>
                </div>
            </Show>
        </section>
    }
}

const W_MIN: f64 = 1200.0;
const COL_MIN: f64 = 170.0;
const H: f64 = 640.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 24.0;
const FONT: f64 = 15.0;
const LINE: f64 = 19.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";
const PRIMARY: &str = "#004993";
const B_COLOUR: &str = "#8a4b00";

fn fill_of(c: StepCategory) -> &'static str {
    match c {
        StepCategory::Universal => "#f2f2f2",
        StepCategory::Preventive => "#e6f0fa",
        StepCategory::Placement => "#fbeee3",
    }
}

pub fn chart_width(steps: usize) -> f64 {
    W_MIN.max(steps as f64 * COL_MIN + 32.0)
}

/// The SVG itself. Presentation attributes only (no CSS classes needed), so the exported file looks the same.
#[component]
pub fn StairChart(data: Memo<Option<ChartData>>, svg_id: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let width = move || data.with(|d| chart_width(d.as_ref().map_or(0, |d| d.steps.len())));
    let title_id = format!("{svg_id}-title");
    let desc_id = format!("{svg_id}-desc");
    let (labelled, described) = (title_id.clone(), desc_id.clone());
    let title = move || {
        data.with(|d| match d {
            Some(d) => match &d.b {
                Some((b, _)) => format!("Indsatstrappen: »{}« sammenlignet med »{b}«", d.a_name),
                None => format!("Indsatstrappen: »{}«", d.a_name),
            },
            None => "Indsatstrappen".into(),
        })
    };
    let desc = move || {
        data.with(|d| match d {
            Some(d) => ctx.stair.with_untracked(|s| {
                ts::chart_description(
                    s,
                    &d.a_name,
                    &d.a,
                    d.b.as_ref().map(|(n, f)| (n.as_str(), f.as_slice())),
                )
            }),
            None => String::new(),
        })
    };
    view! {
        <svg id=svg_id class="stair-chart" role="img"
            aria-labelledby=labelled aria-describedby=described
            viewBox=move || format!("0 0 {} {H}", width())
            width=move || width().to_string() height=H.to_string()
            font-family="IBM Plex Sans, Arial, Helvetica, sans-serif" font-size=FONT.to_string()>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <rect x="0" y="0" width=move || width().to_string() height=H.to_string() fill="#ffffff"/>
            {move || data.get().map(|d| chart_body(&d, width()))}
        </svg>
    }
}

fn chart_body(d: &ChartData, width: f64) -> impl IntoView {
    let n = d.steps.len().max(1);
    let col = (width - 32.0) / n as f64;
    let base = H - BOTTOM;
    let min_h = 300.0;
    let max_h = base - TOP;
    let max_kids = max_children(&d.a, d.b.as_ref().map(|(_, f)| f.as_slice())) as f64;
    let chars = ((col - 20.0) / (FONT * 0.56)).floor().max(6.0) as usize;
    let legend = {
        let b = d.b.as_ref().map(|(name, _)| name.clone());
        let heading = match &b {
            Some(b) => format!("Børn og årlig udgift pr. trin: {} og {b}", d.a_name),
            None => format!("Børn og årlig udgift pr. trin: {}", d.a_name),
        };
        let b_x = 36.0 + d.a_name.chars().count() as f64 * 7.6 + 28.0;
        let bars_x = b_x
            + b.as_ref()
                .map_or(0.0, |b| 20.0 + b.chars().count() as f64 * 7.6 + 28.0);
        view! {
            <g>
                <text x="16" y="24" font-size="17" font-weight="700" fill=INK>{heading}</text>
                <rect x="16" y="36" width="14" height="10" fill=PRIMARY/>
                <text x="36" y="46" font-size="14" fill=INK>{d.a_name.clone()}</text>
                {b.map(|b| view! {
                    <rect x=b_x y="36" width="14" height="10" fill="#ffffff" stroke=B_COLOUR stroke-width="2"/>
                    <text x=b_x + 20.0 y="46" font-size="14" fill=INK>{b}</text>
                })}
                <text x=bars_x y="46" font-size="14" fill=MUTED>"Bjælkerne nederst viser antal børn."</text>
            </g>
        }
    };
    let steps = d
        .steps
        .iter()
        .enumerate()
        .map(|(i, (name, cat))| {
            let fa = d.a.get(i).copied();
            let fb = d.b.as_ref().and_then(|(_, f)| f.get(i).copied());
            let h = if n == 1 {
                max_h
            } else {
                min_h + (max_h - min_h) * i as f64 / (n - 1) as f64
            };
            let x = 16.0 + i as f64 * col;
            let y = base - h;
            let w = col - 6.0;
            let tx = x + 10.0;
            let mut lines: Vec<(String, &'static str, &'static str, f64)> = Vec::new();
            lines.push((ts::step_no(i), "700", MUTED, 14.0));
            for l in wrap_words(name, chars, 3) {
                lines.push((l, "700", INK, FONT));
            }
            lines.push((text::step_category(*cat).to_string(), "400", MUTED, 13.0));
            // (text, weight, colour, size, marker: 0 none, 1 solid as measurement A, 2 outline as B)
            let mut figs: Vec<(String, &'static str, &'static str, f64, u8)> = Vec::new();
            if let Some(fa) = fa {
                figs.push((text::children(fa.children), "700", PRIMARY, 17.0, 1));
                figs.push((text::kroner_short(fa.yearly_spend), "400", INK, FONT, 0));
            }
            if let (Some(fa), Some(fb)) = (fa, fb) {
                figs.push((text::children(fb.children), "700", B_COLOUR, 17.0, 2));
                figs.push((text::kroner_short(fb.yearly_spend), "400", INK, FONT, 0));
                figs.push((
                    format!("Ændring: {}", ts::signed_children(fb.children - fa.children)),
                    "700",
                    INK,
                    14.0,
                    0,
                ));
                figs.push((ts::signed_kroner(fb.yearly_spend - fa.yearly_spend), "400", INK, 14.0, 0));
            }
            let mut ty = y + 26.0;
            let mut texts = Vec::new();
            for (t, weight, fill, size) in lines {
                texts.push(view! { <text x=tx y=ty font-size=size.to_string() font-weight=weight fill=fill>{t}</text> }.into_any());
                ty += LINE;
            }
            ty += 6.0;
            for (t, weight, fill, size, marker) in figs {
                let indent = if d.b.is_some() { 16.0 } else { 0.0 };
                let mark = match marker {
                    1 => Some(view! { <rect x=tx y=ty - 10.0 width="10" height="10" fill=PRIMARY/> }.into_any()),
                    2 => Some(view! { <rect x=tx + 1.0 y=ty - 9.0 width="8" height="8" fill="#ffffff" stroke=B_COLOUR stroke-width="2"/> }.into_any()),
                    _ => None,
                };
                texts.push(view! { {mark}<text x=tx + indent y=ty font-size=size.to_string() font-weight=weight fill=fill>{t}</text> }.into_any());
                ty += LINE + 1.0;
            }
            let bar_w = w - 20.0;
            let bar_a = fa.map(|f| (f.children as f64 / max_kids * bar_w).max(0.0));
            let bar_b = fb.map(|f| (f.children as f64 / max_kids * bar_w).max(0.0));
            let bars_y = base - 34.0;
            view! {
                <g>
                    <rect x=x y=y width=w height=h fill=fill_of(*cat) stroke=PRIMARY stroke-width="1.5"/>
                    <rect x=x y=y width=w height="6" fill=PRIMARY/>
                    {texts}
                    {bar_a.map(|bw| view! { <rect x=tx y=bars_y width=bw.max(1.0) height="10" fill=PRIMARY/> })}
                    {bar_b.map(|bw| view! { <rect x=tx y=bars_y + 14.0 width=bw.max(1.0) height="9" fill="#ffffff" stroke=B_COLOUR stroke-width="2"/> })}
                </g>
            }
        })
        .collect_view();
    let total_a = totals(&d.a);
    let foot = format!(
        "{}: {} · {}",
        if d.b.is_some() {
            d.a_name.as_str()
        } else {
            "I alt"
        },
        text::children(total_a.children),
        text::kroner_short(total_a.yearly_spend)
    );
    let foot_b = d.b.as_ref().map(|(name, f)| {
        let t = totals(f);
        format!(
            "{name}: {} · {}",
            text::children(t.children),
            text::kroner_short(t.yearly_spend)
        )
    });
    view! {
        {legend}
        {steps}
        <text x=width - 16.0 y="24" text-anchor="end" font-size="15" font-weight="700" fill=INK>{foot}</text>
        {foot_b.map(|f| view! { <text x=width - 16.0 y="46" text-anchor="end" font-size="15" font-weight="700" fill=B_COLOUR>{f}</text> })}
    }
}

/// The chart's figures as a table: the accessible alternative, also printed.
#[component]
pub fn FiguresTable(data: Memo<Option<ChartData>>) -> impl IntoView {
    move || {
        data.get().map(|d| {
            let has_b = d.b.is_some();
            let b_name = d.b.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();
            let ta = totals(&d.a);
            let tb = d.b.as_ref().map(|(_, f)| totals(f));
            let rows = d
                .steps
                .iter()
                .enumerate()
                .map(|(i, (name, cat))| {
                    let fa = d.a.get(i).copied();
                    let fb = d.b.as_ref().and_then(|(_, f)| f.get(i).copied());
                    view! {
                        <tr>
                            <th scope="row">{ts::step_title(i, name)}</th>
                            <td>{text::step_category(*cat)}</td>
                            <td class="num">{fa.map(|f| text::group_thousands(f.children))}</td>
                            <td class="num">{fa.map(|f| text::kroner(f.yearly_spend))}</td>
                            {fb.zip(fa).map(|(fb, fa)| view! {
                                <td class="num">{text::group_thousands(fb.children)}</td>
                                <td class="num">{text::kroner(fb.yearly_spend)}</td>
                                <td class="num">{ts::signed_children(fb.children - fa.children)}</td>
                                <td class="num">{ts::signed_kroner(fb.yearly_spend - fa.yearly_spend)}</td>
                            })}
                        </tr>
                    }
                })
                .collect_view();
            let without = ta.children_without_cost;
            view! {
                <table class="table figures-table" data-testid="figures-table">
                    <caption>{if has_b { format!("Børn og årlig udgift pr. trin: »{}« og »{b_name}«", d.a_name) } else { format!("Børn og årlig udgift pr. trin: »{}«", d.a_name) }}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Trin"</th>
                            <th scope="col">"Kategori"</th>
                            <th scope="col" class="num">{format!("Børn, {}", d.a_name)}</th>
                            <th scope="col" class="num">{format!("Årlig udgift, {}", d.a_name)}</th>
                            {has_b.then(|| view! {
                                <th scope="col" class="num">{format!("Børn, {b_name}")}</th>
                                <th scope="col" class="num">{format!("Årlig udgift, {b_name}")}</th>
                                <th scope="col" class="num">"Ændring, børn"</th>
                                <th scope="col" class="num">"Ændring, kr."</th>
                            })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"I alt"</th>
                            <td></td>
                            <td class="num">{text::group_thousands(ta.children)}</td>
                            <td class="num">{text::kroner(ta.yearly_spend)}</td>
                            {tb.map(|tb| view! {
                                <td class="num">{text::group_thousands(tb.children)}</td>
                                <td class="num">{text::kroner(tb.yearly_spend)}</td>
                                <td class="num">{ts::signed_children(tb.children - ta.children)}</td>
                                <td class="num">{ts::signed_kroner(tb.yearly_spend - ta.yearly_spend)}</td>
                            })}
                        </tr>
                    </tfoot>
                </table>
                {(without > 0).then(|| view! { <p class="muted">{format!("{} i »{}« er ikke regnet med i udgiften.", ts::without_cost(without), d.a_name)}</p> })}
            }
        })
    }
}
