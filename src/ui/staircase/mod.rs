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

use super::common::{set_title, undo_keeping_focus, WithWorkspace};
use crate::app::{session, use_app};
use crate::browser::address::at;
use ctx::Ctx;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, A};
use leptos_router::path;

#[component(transparent)]
pub fn StaircaseRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/trappe") view=StaircasePage>
            <Route path=path!("") view=StaircaseView/>
            <Route path=path!("maalinger") view=MeasurementsPage/>
            <Route path=path!("sammenlign") view=ComparePage/>
            <Route path=path!("udskriv") view=PrintPage/>
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn StaircasePage() -> impl IntoView {
    view! {
        <WithWorkspace page="Trappe">
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
    set_title("Trappe");
    view! {
        <PageHead title="Indsatstrappen" lead="Fra de almene tilbud til venstre til de mest indgribende indsatser til højre. Flyt indsatser med musen eller tastaturet, og se børn og udgifter for en måling."/>
        // In workshop mode the board and the chart stand side by side in one band (style/staircase.css).
        <div class="stair-stage">
            <board::Board/>
            <chart::ChartSection/>
        </div>
    }
}

#[component]
fn MeasurementsPage() -> impl IntoView {
    set_title("Målinger – Trappe");
    view! {
        <PageHead title="Indsatstrappen: målinger" lead="En måling tæller børn pr. indsats, eller pr. trin hvor kun trinnets samlede tal kendes. Årlig udgift er antal børn gange prisen om året."/>
        <measurements::MeasurementsView/>
    }
}

#[component]
fn ComparePage() -> impl IntoView {
    set_title("Sammenlign – Trappe");
    view! {
        <PageHead title="Indsatstrappen: sammenlign" lead="Sammenlign to målinger trin for trin, og regn på hvad det betyder at flytte børn til en anden indsats."/>
        <compare::CompareView/>
        <whatif::WhatIfView/>
    }
}

#[component]
fn PrintPage() -> impl IntoView {
    set_title("Udskrift – Trappe");
    view! { <print::PrintView/> }
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
        <nav class="stair-subnav no-print" aria-label="Trappens visninger">
            <ul>
                <li><A href=at("/trappe") exact=true>"Trappe og diagram"</A></li>
                <li><A href=at("/trappe/maalinger") exact=true>"Målinger"</A></li>
                <li><A href=at("/trappe/sammenlign") exact=true>"Sammenlign og hvad nu hvis"</A></li>
            </ul>
        </nav>
    }
}

/// Undo, redo and workshop mode, on every staircase view.
#[component]
fn Toolbar() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="stair-toolbar no-print" role="group" aria-label="Fortryd og visning">
            // aria-disabled, not disabled: a button that disables itself under the focus drops it.
            <button type="button" class="button secondary" title="Fortryd (Ctrl+Z)" aria-keyshortcuts="Control+Z"
                aria-disabled=move || (!app.can_undo.get()).to_string() on:click=move |_| undo_keeping_focus(app, false)>
                "Fortryd"<span class="shortcut">" (Ctrl+Z)"</span>
            </button>
            <button type="button" class="button secondary" title="Gentag (Ctrl+Y)" aria-keyshortcuts="Control+Y Control+Shift+Z"
                aria-disabled=move || (!app.can_redo.get()).to_string() on:click=move |_| undo_keeping_focus(app, true)>
                "Gentag"<span class="shortcut">" (Ctrl+Y)"</span>
            </button>
            <button type="button" class="button secondary" aria-pressed=move || app.workshop_mode.get().to_string()
                on:click=move |_| session::set_workshop_mode(app, !app.workshop_mode.get_untracked())>
                "Workshop-visning (stor skrift)"
            </button>
        </div>
    }
}
