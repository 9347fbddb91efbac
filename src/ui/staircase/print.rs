//! Print view (/trappe/udskriv?a=…&b=…): the chart, the table and the date on A4 landscape.

use super::chart::{chart_data, FiguresTable, StairChart};
use super::ctx::{measurement_options, parse_id, use_ctx};
use crate::browser::address::at;
use crate::model::staircase_figures::compare;
use crate::text::staircase as ts;
use crate::ui::kit::print::{PrintFrame, PrintHeader};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PrintView() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let a = Memo::new(move |_| {
        let want = query.with(|q| q.get("a").and_then(|v| parse_id(&v)));
        ctx.stair.with(|s| {
            want.filter(|id| s.measurement(*id).is_some())
                .or_else(|| s.measurements.first().map(|m| m.id))
        })
    });
    let b = Memo::new(move |_| {
        let want = query.with(|q| q.get("b").and_then(|v| parse_id(&v)));
        ctx.stair
            .with(|s| want.filter(|id| s.measurement(*id).is_some()))
    });
    let data = chart_data(a.into(), b.into());
    let workspace = move || {
        ctx.app
            .read(crate::app::Part::Info, |w| w.name.clone())
            .unwrap_or_default()
    };
    let summary = move || {
        let (a, b) = (a.get()?, b.get()?);
        ctx.stair
            .with(|s| compare(s, a, b).ok().map(|c| ts::comparison_summary(s, &c)))
    };
    let has_measurements =
        Memo::new(move |_| ctx.stair.with(|s| !measurement_options(s).is_empty()));
    view! {
        <PrintFrame title=ts::PRINT_TITLE paper="A4 landscape" back=("/trappe", ts::PRINT_BACK)
            name="staircase-print" hint=ts::PRINT_PAPER>
            <PrintHeader what=ts::PRINT_HEADING workspace=Signal::derive(workspace)/>
            <Show when=move || has_measurements.get()
                fallback=|| view! { <p>{ts::PRINT_NO_MEASUREMENTS}<a href=at("/trappe/maalinger")>{ts::SUBNAV_MEASUREMENTS}</a>"."</p> }>
                {move || summary().map(|s| view! { <p class="summary">{s}</p> })}
                <div class="chart-box print-chart">
                    <StairChart data=data svg_id="trappe-udskrift-diagram" large=false/>
                </div>
                <div class="print-table">
                    <FiguresTable data=data/>
                </div>
            </Show>
        </PrintFrame>
    }
}
