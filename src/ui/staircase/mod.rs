//! Trappe: the intervention staircase. One route per sub-view under `/trappe`: the staircase itself (steps,
//! interventions, chart), `maalinger` (measurements and counts), `sammenlign` (comparison and what-if) and
//! `udskriv` (print view, A4 landscape). The parent route holds the shared state, so moving between them
//! keeps the chosen measurements, the filter and the open panel.

mod board;
mod chart;
mod compare;
mod counts;
mod ctx;
pub(crate) mod export;
mod filter;
mod intervention_form;
mod measurements;
mod moves;
mod print;
mod step_form;
mod whatif;

use super::common::{set_title, WithWorkspace};
use super::kit::undo::UndoButtons;
use crate::app::{session, use_app};
use crate::text::staircase as ts;
use ctx::Ctx;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;

#[component(transparent)]
pub fn StaircaseRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/trappe") view=StaircasePage>
            <Route path=path!("") view=StaircaseView/>
            <Route path=path!("maalinger") view=MeasurementsPage/>
            <Route path=path!("maalinger/fra-regneark") view=SheetImportPage/>
            <Route path=path!("sammenlign") view=ComparePage/>
            <Route path=path!("udskriv") view=print::PrintView/>
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn StaircasePage() -> impl IntoView {
    view! {
        <WithWorkspace page=crate::text::ui::NAV_STAIRCASE>
            <StaircaseBody/>
        </WithWorkspace>
    }
}

/// The state every sub-view shares, created once per opened workspace, and the live region.
#[component]
fn StaircaseBody() -> impl IntoView {
    let app = use_app();
    let ctx = Ctx::new(app);
    provide_context(ctx);
    // After an undo or redo, the last move announced may no longer hold; the app's live region says what
    // was undone.
    Effect::new(move |_| {
        app.undo_count.track();
        ctx.announce.set(String::new());
    });
    view! {
        <Outlet/>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="stair-live">
            {move || ctx.announce.get()}
        </div>
    }
}

#[component]
fn StaircaseView() -> impl IntoView {
    set_title(crate::text::ui::NAV_STAIRCASE);
    view! {
        <PageHead title=ts::PRINT_HEADING lead=ts::STAIRCASE_LEAD/>
        // In workshop mode the board and the chart stand side by side in one band (style/staircase.css).
        <div class="stair-stage">
            <board::Board/>
            <chart::ChartSection/>
        </div>
    }
}

#[component]
fn MeasurementsPage() -> impl IntoView {
    set_title(ts::MEASUREMENTS_PAGE_TITLE);
    view! {
        <PageHead title=ts::MEASUREMENTS_TITLE lead=ts::MEASUREMENTS_LEAD/>
        <measurements::MeasurementsView/>
    }
}

/// Measurements from a spreadsheet.
#[component]
fn SheetImportPage() -> impl IntoView {
    use crate::sheet_import::fields::Kind;
    use crate::text::sheet_import as tsi;
    set_title(tsi::page_title(Kind::Measurements));
    view! {
        <PageHead title=tsi::page_title(Kind::Measurements) lead=tsi::page_lead(Kind::Measurements)/>
        <crate::ui::sheet_import::SheetImport kind=Kind::Measurements/>
    }
}

#[component]
fn ComparePage() -> impl IntoView {
    set_title(ts::COMPARE_PAGE_TITLE);
    view! {
        <PageHead title=ts::COMPARE_TITLE lead=ts::COMPARE_LEAD/>
        <compare::CompareView/>
        <whatif::WhatIfView/>
    }
}

#[component]
fn PageHead(title: &'static str, lead: &'static str) -> impl IntoView {
    view! {
        <div class="stair-head">
            <div>
                <h1>{title}</h1>
                <p class="lead">{lead}</p>
            </div>
            <Toolbar/>
        </div>
        <SubNav/>
    }
}

#[component]
fn SubNav() -> impl IntoView {
    view! {
        <crate::ui::kit::nav::SubNav class="stair-subnav no-print" label=ts::SUBNAV_LABEL base="/trappe" links=&[
            ("", ts::SUBNAV_STAIRCASE),
            ("/maalinger", ts::SUBNAV_MEASUREMENTS),
            ("/sammenlign", ts::SUBNAV_COMPARE),
        ]/>
    }
}

/// Undo, redo and workshop mode, on every staircase view.
#[component]
fn Toolbar() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="stair-toolbar no-print" role="group" aria-label=ts::TOOLBAR_LABEL>
            <UndoButtons class="button secondary" shortcuts=true/>
            <button type="button" class="button secondary" aria-pressed=move || app.workshop_mode.get().to_string()
                on:click=move |_| session::set_workshop_mode(app, !app.workshop_mode.get_untracked())>
                {ts::WORKSHOP_MODE}
            </button>
        </div>
    }
}
