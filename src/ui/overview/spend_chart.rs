//! The Allerød chart: yearly spend on the placement steps against the preventive steps at each measurement,
//! as pairs of bars with their values. Laid out from its texts' widths, with no grid line under a label, so
//! it reads the same on screen, on paper and as an exported file (presentation attributes only).

use crate::model::key_figures::series::Point;
use crate::model::staircase_figures::wrap_words;
use crate::text::{self, overview as to};
use leptos::prelude::*;

const W: f64 = 760.0;
const H: f64 = 330.0;
const SIDE: f64 = 16.0;
const LEGEND_H: f64 = 44.0;
const LABEL_ROOM: f64 = 22.0;
const NAMES_H: f64 = 44.0;
const INK: &str = "#1a1a1a";
const PLACEMENT: &str = "#8a4b00";
const PREVENTIVE: &str = "#004993";
const EM: f64 = 0.6;

fn text_width(t: &str, size: f64) -> f64 {
    t.chars().count() as f64 * size * EM
}

/// The unit all bars are shown in: millions when any value reaches a million, else thousands.
fn unit(max: i64) -> (f64, &'static str) {
    if max >= 1_000_000 {
        (1e6, to::UNIT_MILLIONS)
    } else {
        (1e3, to::UNIT_THOUSANDS)
    }
}

fn value_label(v: i64, div: f64) -> String {
    text::decimal(v as f64 / div, 1)
}

#[component]
pub fn SpendChart(points: Vec<Point>, svg_id: &'static str) -> impl IntoView {
    let n = points.len().max(1) as f64;
    let max = points
        .iter()
        .flat_map(|p| [p.split.placement_spend, p.split.preventive_spend])
        .max()
        .unwrap_or(0)
        .max(1);
    let (div, unit_name) = unit(max);
    let plot_top = LEGEND_H + LABEL_ROOM;
    let plot_bottom = H - NAMES_H;
    let slot = (W - 2.0 * SIDE) / n;
    let gap = 6.0;
    let bar_w = (slot * 0.32).min(56.0);
    let y = |v: i64| plot_bottom - (plot_bottom - plot_top) * (v.max(0) as f64 / max as f64);
    // Two value labels sit side by side over a pair: the font shrinks until they clear each other.
    let widest = points
        .iter()
        .flat_map(|p| [p.split.placement_spend, p.split.preventive_spend])
        .map(|v| value_label(v, div).chars().count())
        .max()
        .unwrap_or(1) as f64;
    let value_size = (12.0f64).min((bar_w + gap - 4.0) / (widest * EM)).max(7.0);
    let name_size = 12.0;
    let name_chars = ((slot - 6.0) / (name_size * EM)).floor().max(4.0) as usize;
    let title_id = format!("{svg_id}-title");
    let desc_id = format!("{svg_id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let desc = to::chart_description(&points);
    let legend = {
        let size = 13.0;
        let square = size * 0.8;
        let mut x = SIDE;
        let mut items = Vec::new();
        for (label, fill) in [
            (to::COL_PLACEMENTS, PLACEMENT),
            (to::COL_PREVENTION, PREVENTIVE),
        ] {
            items.push(view! {
                <rect x=format!("{x:.1}") y=format!("{:.1}", 22.0 - square) width=format!("{square:.1}") height=format!("{square:.1}") fill=fill/>
                <text x=format!("{:.1}", x + square + 5.0) y="22" font-size=format!("{size:.0}") fill=INK>{label}</text>
            });
            x += square + 5.0 + text_width(label, size) + 18.0;
        }
        let note = to::yearly_spend_in(unit_name);
        let note_x = W - SIDE - text_width(&note, 12.0);
        view! {
            {items}
            <text x=format!("{:.1}", note_x.max(x)) y="22" font-size="12" fill=INK>{note}</text>
        }
    };
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cx = SIDE + slot * (i as f64 + 0.5);
            let pair = [
                (cx - gap / 2.0 - bar_w, p.split.placement_spend, PLACEMENT),
                (cx + gap / 2.0, p.split.preventive_spend, PREVENTIVE),
            ];
            let rects = pair
                .iter()
                .map(|(x, v, fill)| {
                    let top = y(*v);
                    view! {
                        <rect x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{bar_w:.1}")
                            height=format!("{:.1}", (plot_bottom - top).max(0.0)) fill=*fill/>
                        <text x=format!("{:.1}", x + bar_w / 2.0) y=format!("{:.1}", top - 5.0) text-anchor="middle"
                            font-size=format!("{value_size:.1}") font-weight="700" fill=INK>{value_label(*v, div)}</text>
                    }
                })
                .collect_view();
            let names = wrap_words(&p.name, name_chars, 2)
                .into_iter()
                .enumerate()
                .map(|(j, line)| {
                    view! {
                        <text x=format!("{cx:.1}") y=format!("{:.1}", plot_bottom + 17.0 + j as f64 * 15.0)
                            text-anchor="middle" font-size=format!("{name_size:.0}") fill=INK>{line}</text>
                    }
                })
                .collect_view();
            view! { <g data-measurement=p.name.clone()>{rects}{names}</g> }
        })
        .collect_view();
    view! {
        <svg id=svg_id class="spend-chart" xmlns="http://www.w3.org/2000/svg" width=W.to_string() height=H.to_string()
            viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelled_by
            font-family="IBM Plex Sans, system-ui, Arial, sans-serif">
            <title id=title_id>{to::TITLE_STAIRCASE}</title>
            <desc id=desc_id>{desc}</desc>
            <rect data-bg="" x="0" y="0" width=W.to_string() height=H.to_string() fill="#ffffff"/>
            {legend}
            {bars}
            <line x1=SIDE.to_string() x2=(W - SIDE).to_string() y1=format!("{plot_bottom:.1}") y2=format!("{plot_bottom:.1}") stroke=INK stroke-width="1"/>
        </svg>
    }
}
