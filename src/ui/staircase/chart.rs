//! The staircase chart: SVG stairs rising from the least intrusive step (left, low) to the most intrusive
//! (right, high), each with its name, children and yearly spend, optionally beside a second measurement
//! with the change. The same figures as a table are one click away; SVG and PNG export for slides.

use super::ctx::{measurement_options, parse_id, use_ctx};
use super::export;
use crate::browser::address::at;
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
            Ok(()) => ctx.say(crate::text::overview::chart_downloaded(&name)),
            Err(e) => error.set(Some(e)),
        }
    };
    let export_png = move |_| {
        let name = ts::chart_file_name(&workspace_name(), crate::browser::today(), "png");
        match export::download_png("trappe-diagram", &name) {
            Ok(()) => ctx.say(crate::text::overview::chart_downloaded(&name)),
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
        at(&format!("/trappe/udskriv{q}"))
    };
    view! {
        <section aria-labelledby="chart-title-h" class="chart-section">
            <h2 id="chart-title-h">{ts::CHART_HEADING}</h2>
            <Show when=move || !options.with(|o| o.is_empty())
                fallback=|| view! {
                    <div class="notice"><p>{ts::CHART_EMPTY_BEFORE_LINK}<a href=at("/trappe/maalinger")>{ts::SUBNAV_MEASUREMENTS}</a>"."</p></div>
                }>
                <div class="chart-controls no-print">
                    <div class="filter-field">
                        <label class="form-label" for="chart-a">{ts::SHOW_MEASUREMENT}</label>
                        <select id="chart-a" class="form-select"
                            prop:value=move || ctx.shown_id.get().map(|i| i.to_string()).unwrap_or_default()
                            on:change=move |ev| ctx.chosen.set(parse_id(&event_target_value(&ev)))>
                            {move || options.get().into_iter().map(|(id, n)| view! {
                                <option value=id.to_string() selected=move || ctx.shown_id.get() == Some(id)>{n}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="filter-field">
                        <label class="form-label" for="chart-b">{ts::COMPARE_WITH}</label>
                        <select id="chart-b" class="form-select"
                            prop:value=move || ctx.other_id.get().map(|i| i.to_string()).unwrap_or_default()
                            on:change=move |ev| ctx.chosen_other.set(parse_id(&event_target_value(&ev)))>
                            <option value="">{ts::COMPARE_NONE}</option>
                            {move || options.get().into_iter().map(|(id, n)| view! {
                                <option value=id.to_string() selected=move || ctx.other_id.get() == Some(id)>{n}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="button-row chart-buttons">
                        <button type="button" class="button secondary" aria-pressed=move || as_table.get().to_string()
                            on:click=move |_| as_table.update(|t| *t = !*t)>{ts::SHOW_AS_TABLE}</button>
                        <button type="button" class="button secondary" on:click=export_svg>{ts::DOWNLOAD_SVG}</button>
                        <button type="button" class="button secondary" on:click=export_png>{ts::DOWNLOAD_PNG}</button>
                        <a class="button secondary" href=print_href>{ts::PRINT_VIEW}</a>
                    </div>
                </div>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <Show when=move || as_table.get()>
                    <FiguresTable data=data/>
                </Show>
                // The chart stays in the page (hidden while the table shows) so it can always be exported.
                <div class="chart-box" class:visually-hidden=move || as_table.get()>
                    <StairChart data=data svg_id="trappe-diagram" large=ctx.app.workshop_mode/>
                </div>
            </Show>
        </section>
    }
}

const W_MIN: f64 = 1200.0;
const COL_MIN: f64 = 170.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";
const PRIMARY: &str = "#004993";
const B_COLOUR: &str = "#8a4b00";
/// Estimated advance per character in em, on the generous side so text fits in the usual sans fonts
/// (Arial, Liberation Sans, DejaVu Sans). SVG cannot wrap or measure, so the layout works from these.
const EM_REGULAR: f64 = 0.6;
const EM_BOLD: f64 = 0.68;
/// Workshop mode draws every text this much larger, on wider steps under a lower rise: the chart is shown
/// at its own size beside the board on a projector, and no text in it is under 20 px.
pub const WORKSHOP_SCALE: f64 = 1.6;
const COL_MIN_WORKSHOP: f64 = 278.0;
/// How much higher the last step stands than the first.
const RISE: f64 = 260.0;
const RISE_WORKSHOP: f64 = 60.0;

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

/// The width for text drawn `k` times larger: wider steps in workshop mode.
fn chart_width_at(steps: usize, k: f64) -> f64 {
    if k > 1.0 {
        W_MIN.max(steps as f64 * COL_MIN_WORKSHOP + 32.0)
    } else {
        chart_width(steps)
    }
}

fn text_width(t: &str, size: f64, bold: bool) -> f64 {
    t.chars().count() as f64 * size * if bold { EM_BOLD } else { EM_REGULAR }
}

/// `size`, made smaller where the text would be wider than `avail`.
fn fit(t: &str, size: f64, bold: bool, avail: f64) -> f64 {
    let w = text_width(t, size, bold);
    if w > avail && w > 0.0 {
        size * avail / w
    } else {
        size
    }
}

/// How many characters of bold text at `size` fit in `avail`.
fn chars_in(avail: f64, size: f64, bold: bool) -> usize {
    (avail / (size * if bold { EM_BOLD } else { EM_REGULAR }))
        .floor()
        .max(4.0) as usize
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    None,
    /// Filled, as measurement A.
    Solid,
    /// Outlined, as measurement B.
    Outline,
}

/// One line of chart text.
#[derive(Clone)]
struct Line {
    text: String,
    size: f64,
    bold: bool,
    fill: &'static str,
    mark: Mark,
}

fn line(text: impl Into<String>, size: f64, bold: bool, fill: &'static str) -> Line {
    Line {
        text: text.into(),
        size,
        bold,
        fill,
        mark: Mark::None,
    }
}

/// Baselines for lines stacked from `top`: each line box (ascent about 0.95 em, descent about 0.25 em)
/// clears the one above by `gap`. Returns the baselines and the bottom of the last line box.
fn stack(lines: &[Line], top: f64, gap: f64) -> (Vec<f64>, f64) {
    let mut out = Vec::with_capacity(lines.len());
    let mut bottom = top;
    for l in lines {
        let baseline = bottom + gap + l.size * 0.95;
        out.push(baseline);
        bottom = baseline + l.size * 0.25;
    }
    (out, bottom)
}

fn mark_view(m: Mark, x: f64, baseline: f64, size: f64) -> Option<AnyView> {
    let side = size * 0.6;
    let y = baseline - side;
    match m {
        Mark::Solid => Some(view! { <rect x=x y=y width=side height=side fill=PRIMARY/> }.into_any()),
        Mark::Outline => Some(
            view! { <rect x=x + 1.0 y=y + 1.0 width=side - 2.0 height=side - 2.0 fill="#ffffff" stroke=B_COLOUR stroke-width="2"/> }
                .into_any(),
        ),
        Mark::None => None,
    }
}

/// Draws lines at `x` with their baselines; a marked line gets its square first and the text after it.
fn lines_view(lines: Vec<Line>, baselines: &[f64], x: f64, anchor: &'static str) -> Vec<AnyView> {
    lines
        .into_iter()
        .zip(baselines)
        .map(|(l, y)| {
            let indent = if l.mark == Mark::None { 0.0 } else { l.size * 0.6 + l.size * 0.4 };
            let mark = mark_view(l.mark, x, *y, l.size);
            let weight = if l.bold { "700" } else { "400" };
            view! {
                {mark}
                <text x=x + indent y=*y text-anchor=anchor font-size=format!("{:.1}", l.size) font-weight=weight fill=l.fill>{l.text}</text>
            }
            .into_any()
        })
        .collect()
}

/// The SVG itself. Presentation attributes only (no CSS classes needed), so the exported file looks the same.
/// `large` draws the text larger, for workshop mode on a projector. Background rectangles carry `data-bg`
/// and each step's group `data-step`, so tests can check that no text collides with another shape.
#[component]
pub fn StairChart(
    data: Memo<Option<ChartData>>,
    svg_id: &'static str,
    #[prop(into)] large: Signal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let layout = Memo::new(move |_| {
        let k = if large.get() { WORKSHOP_SCALE } else { 1.0 };
        data.with(|d| d.as_ref().map(|d| ChartLayout::of(d, k)))
    });
    let width = move || layout.with(|l| l.as_ref().map_or(W_MIN, |l| l.width));
    let height = move || layout.with(|l| l.as_ref().map_or(640.0, |l| l.height));
    let title_id = format!("{svg_id}-title");
    let desc_id = format!("{svg_id}-desc");
    let (labelled, described) = (title_id.clone(), desc_id.clone());
    let title = move || {
        data.with(|d| match d {
            Some(d) => match &d.b {
                Some((b, _)) => ts::chart_title_compared(&d.a_name, b),
                None => ts::chart_title(&d.a_name),
            },
            None => ts::PRINT_HEADING.into(),
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
            viewBox=move || format!("0 0 {} {}", width(), height())
            width=move || width().to_string() height=move || height().to_string()
            font-family="IBM Plex Sans, Arial, Helvetica, sans-serif">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <rect data-bg="" x="0" y="0" width=move || width().to_string() height=move || height().to_string() fill="#ffffff"/>
            {move || data.with(|d| d.as_ref().zip(layout.get()).map(|(d, l)| chart_body(d, &l)))}
        </svg>
    }
}

/// Where everything goes, worked out from the texts before drawing, so nothing is drawn over anything.
#[derive(Clone, Debug, PartialEq)]
struct ChartLayout {
    k: f64,
    width: f64,
    height: f64,
    /// The steps stand on this line.
    base: f64,
    min_h: f64,
    max_h: f64,
}

/// The lines in one step's column: number, name, category, then the figures.
fn step_lines(d: &ChartData, i: usize, avail: f64, k: f64) -> Vec<Line> {
    let (name, cat) = &d.steps[i];
    let fa = d.a.get(i).copied();
    let fb = d.b.as_ref().and_then(|(_, f)| f.get(i).copied());
    let name_size = 15.0 * k;
    // A word too long for the column shrinks its line a little rather than be cut.
    let full = chars_in(avail, name_size, true);
    let longest = name
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    let chars = if longest > full {
        chars_in(avail, name_size * 0.75, true)
            .min(longest)
            .max(full)
    } else {
        full
    };
    let mut lines = vec![line(ts::step_no(i), 14.0 * k, true, MUTED)];
    for l in wrap_words(name, chars, 3) {
        let size = fit(&l, name_size, true, avail);
        lines.push(line(l, size, true, INK));
    }
    let cat = text::step_category(*cat);
    lines.push(line(cat, fit(cat, 13.0 * k, false, avail), false, MUTED));
    // A marked line starts one font size in, after its square.
    let marked = avail - 17.0 * k;
    let mut figures = |children: i64, spend: i64, fill: &'static str, mark: Mark| {
        let c = text::children(children);
        lines.push(Line {
            size: fit(&c, 17.0 * k, true, marked),
            text: c,
            bold: true,
            fill,
            mark,
        });
        let kr = text::kroner_short(spend);
        lines.push(line(
            kr.clone(),
            fit(&kr, 15.0 * k, false, avail),
            false,
            INK,
        ));
    };
    if let Some(fa) = fa {
        let mark = if d.b.is_some() {
            Mark::Solid
        } else {
            Mark::None
        };
        figures(fa.children, fa.yearly_spend, PRIMARY, mark);
    }
    if let (Some(fa), Some(fb)) = (fa, fb) {
        figures(fb.children, fb.yearly_spend, B_COLOUR, Mark::Outline);
        lines.push(line(ts::CHANGE_LABEL, 13.0 * k, false, MUTED));
        let c = ts::signed_children_label(fb.children - fa.children);
        lines.push(line(c.clone(), fit(&c, 14.0 * k, true, avail), true, INK));
        let kr = ts::signed_kroner(fb.yearly_spend - fa.yearly_spend);
        lines.push(line(
            kr.clone(),
            fit(&kr, 14.0 * k, false, avail),
            false,
            INK,
        ));
    }
    lines
}

/// The legend above the steps: heading, note on the bars, and one line per measurement with its totals.
/// Returns the lines stacked at the left, and the note when it fits at the right of the heading.
fn legend(d: &ChartData, width: f64, k: f64) -> (Vec<Line>, Option<Line>) {
    let heading = line(ts::LEGEND_HEADING, 17.0 * k, true, INK);
    let note = line(ts::LEGEND_NOTE, 14.0 * k, false, MUTED);
    let avail = width - 32.0 - 16.0 * k;
    let series = |name: &str, f: &[StepFigures], fill, mark| {
        let t = totals(f);
        let full = ts::legend_series(
            name,
            &text::children(t.children),
            &text::kroner_short(t.yearly_spend),
        );
        let size = 15.0 * k;
        let text = wrap_words(&full, chars_in(avail, size, true), 1)
            .pop()
            .unwrap_or_default();
        Line {
            text,
            size,
            bold: true,
            fill,
            mark,
        }
    };
    let side_by_side = text_width(&heading.text, heading.size, true)
        + text_width(&note.text, note.size, false)
        + 48.0
        <= width - 32.0;
    let mut left = vec![heading];
    let right = if side_by_side {
        Some(note)
    } else {
        left.push(note);
        None
    };
    left.push(series(&d.a_name, &d.a, INK, Mark::Solid));
    if let Some((name, f)) = &d.b {
        left.push(series(name, f, INK, Mark::Outline));
    }
    (left, right)
}

fn per_course_line(d: &ChartData, width: f64, k: f64) -> Option<Line> {
    let mut uses = vec![(d.a_name.as_str(), totals(&d.a).children_per_course)];
    if let Some((name, f)) = &d.b {
        uses.push((name.as_str(), totals(f).children_per_course));
    }
    let note = ts::per_course_note(&uses);
    (!note.is_empty()).then(|| {
        let size = fit(&note, 13.0 * k, false, width - 32.0);
        line(note, size, false, MUTED)
    })
}

impl ChartLayout {
    fn of(d: &ChartData, k: f64) -> Self {
        let n = d.steps.len().max(1);
        let width = chart_width_at(n, k);
        let (left, _) = legend(d, width, k);
        let (_, legend_bottom) = stack(&left, 4.0, 6.0 * k);
        let top = legend_bottom + 14.0 * k;
        // Each step must hold its text and, below it, the bars.
        let col = (width - 32.0) / n as f64;
        let avail = col - 6.0 - 18.0;
        let need = (0..d.steps.len())
            .map(|i| stack(&step_lines(d, i, avail, k), 6.0, 4.0 * k).1 + 12.0 * k + 34.0 * k)
            .fold(0.0, f64::max);
        let min_h = need.max(300.0);
        let max_h = min_h + if k > 1.0 { RISE_WORKSHOP } else { RISE };
        let bottom = match per_course_line(d, width, k) {
            Some(l) => 10.0 + l.size * 1.3,
            None => 24.0,
        };
        ChartLayout {
            k,
            width,
            height: (top + max_h + bottom).ceil(),
            base: top + max_h,
            min_h,
            max_h,
        }
    }
}

fn chart_body(d: &ChartData, l: &ChartLayout) -> impl IntoView {
    let (k, width, base) = (l.k, l.width, l.base);
    let n = d.steps.len().max(1);
    let col = (width - 32.0) / n as f64;
    let max_kids = max_children(&d.a, d.b.as_ref().map(|(_, f)| f.as_slice())) as f64;
    let legend = {
        let (left, right) = legend(d, width, k);
        let (baselines, _) = stack(&left, 4.0, 6.0 * k);
        let first = baselines[0];
        let right = right.map(|r| lines_view(vec![r], &[first], width - 16.0, "end"));
        view! { <g>{lines_view(left, &baselines, 16.0, "start")}{right}</g> }
    };
    let steps = (0..d.steps.len())
        .map(|i| {
            let cat = d.steps[i].1;
            let h = if n == 1 {
                l.max_h
            } else {
                l.min_h + (l.max_h - l.min_h) * i as f64 / (n - 1) as f64
            };
            let x = 16.0 + i as f64 * col;
            let y = base - h;
            let w = col - 6.0;
            let tx = x + 10.0;
            let lines = step_lines(d, i, w - 18.0, k);
            let (baselines, _) = stack(&lines, y + 6.0, 4.0 * k);
            let texts = lines_view(lines, &baselines, tx, "start");
            let fa = d.a.get(i).copied();
            let fb = d.b.as_ref().and_then(|(_, f)| f.get(i).copied());
            let bar_w = w - 20.0;
            let bar_a = fa.map(|f| (f.children as f64 / max_kids * bar_w).max(1.0));
            let bar_b = fb.map(|f| (f.children as f64 / max_kids * bar_w).max(1.0));
            let bars_y = base - 34.0 * k;
            view! {
                <g data-step=i.to_string()>
                    <rect data-bg="" x=x y=y width=w height=h fill=fill_of(cat) stroke=PRIMARY stroke-width="1.5"/>
                    <rect x=x y=y width=w height="6" fill=PRIMARY/>
                    {texts}
                    {bar_a.map(|bw| view! { <rect x=tx y=bars_y width=bw height=10.0 * k fill=PRIMARY/> })}
                    {bar_b.map(|bw| view! { <rect x=tx y=bars_y + 14.0 * k width=bw height=9.0 * k fill="#ffffff" stroke=B_COLOUR stroke-width="2"/> })}
                </g>
            }
        })
        .collect_view();
    let foot = per_course_line(d, width, k).map(|f| {
        let y = base + 6.0 + f.size;
        lines_view(vec![f], &[y], 16.0, "start")
    });
    view! {
        {legend}
        {steps}
        {foot}
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
            let mut uses = vec![(d.a_name.as_str(), ta.children_per_course)];
            if let (Some((name, _)), Some(tb)) = (&d.b, tb) {
                uses.push((name.as_str(), tb.children_per_course));
            }
            let per_course = ts::per_course_note(&uses);
            view! {
                <table class="table figures-table" data-testid="figures-table">
                    <caption>{if has_b { ts::figures_caption_compared(&d.a_name, &b_name) } else { ts::figures_caption(&d.a_name) }}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{crate::text::colleague::STEP}</th>
                            <th scope="col">{ts::COL_CATEGORY}</th>
                            <th scope="col" class="num">{ts::children_column(&d.a_name)}</th>
                            <th scope="col" class="num">{ts::spend_column(&d.a_name)}</th>
                            {has_b.then(|| view! {
                                <th scope="col" class="num">{ts::children_column(&b_name)}</th>
                                <th scope="col" class="num">{ts::spend_column(&b_name)}</th>
                                <th scope="col" class="num">{ts::COL_CHANGE_CHILDREN}</th>
                                <th scope="col" class="num">{ts::COL_CHANGE_KRONER}</th>
                            })}
                        </tr>
                    </thead>
                    // The total is the last body row, not a <tfoot>: a printed <tfoot> repeats on every page.
                    <tbody>
                        {rows}
                        <tr class="total-row" data-testid="figures-total">
                            <th scope="row">{crate::text::meetings::COL_TOTAL}</th>
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
                    </tbody>
                </table>
                {(without > 0).then(|| view! { <p class="muted">{ts::not_in_spend(&ts::without_cost(without), &d.a_name)}</p> })}
                {(!per_course.is_empty()).then(|| view! { <p class="muted" data-testid="figures-per-course">{per_course.clone()}</p> })}
            }
        })
    }
}
