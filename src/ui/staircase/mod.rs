//! Trappe: the intervention staircase. Sub-views by path: `/trappe` (steps, interventions, chart),
//! `/trappe/maalinger` (measurements and counts), `/trappe/sammenlign` (comparison and what-if) and
//! `/trappe/udskriv` (print view, A4 landscape).

mod board;
mod chart;
mod compare;
mod counts;
mod ctx;
mod export;
mod filter;
mod intervention_form;
mod measurements;
mod print;
mod step_form;
mod whatif;

use super::common::{set_title, WithWorkspace};
use crate::app::{session, use_app};
use ctx::Ctx;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn StaircasePage() -> impl IntoView {
    view! {
        <WithWorkspace page="Trappe">
            <StaircaseBody/>
        </WithWorkspace>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SubView {
    Staircase,
    Measurements,
    Compare,
    Print,
}

fn sub_view(path: &str) -> SubView {
    let rest = path.trim_end_matches('/');
    if rest.ends_with("/udskriv") {
        SubView::Print
    } else if rest.ends_with("/maalinger") {
        SubView::Measurements
    } else if rest.ends_with("/sammenlign") {
        SubView::Compare
    } else {
        SubView::Staircase
    }
}

#[component]
fn StaircaseBody() -> impl IntoView {
    let app = use_app();
    let ctx = Ctx::new(app);
    provide_context(ctx);
    let location = use_location();
    let view = Memo::new(move |_| sub_view(&location.pathname.get()));
    Effect::new(move |_| {
        set_title(match view.get() {
            SubView::Staircase => "Trappe",
            SubView::Measurements => "Målinger – Trappe",
            SubView::Compare => "Sammenlign – Trappe",
            SubView::Print => "Udskrift – Trappe",
        })
    });
    view! {
        {move || match view.get() {
            SubView::Print => view! { <print::PrintView/> }.into_any(),
            SubView::Staircase => view! {
                <PageHead title="Indsatstrappen" lead="Fra de almene tilbud til venstre til de mest indgribende indsatser til højre. Flyt indsatser med musen eller tastaturet, og se børn og udgifter for en måling."/>
                <board::Board/>
                <chart::ChartSection/>
            }.into_any(),
            SubView::Measurements => view! {
                <PageHead title="Indsatstrappen: målinger" lead="En måling tæller børn pr. indsats, eller pr. trin hvor kun trinnets samlede tal kendes. Årlig udgift er antal børn gange prisen om året."/>
                <measurements::MeasurementsView/>
            }.into_any(),
            SubView::Compare => view! {
                <PageHead title="Indsatstrappen: sammenlign" lead="Sammenlign to målinger trin for trin, og regn på hvad det betyder at flytte børn til en anden indsats."/>
                <compare::CompareView/>
                <whatif::WhatIfView/>
            }.into_any(),
        }}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="stair-live">
            {move || ctx.announce.get()}
        </div>
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
        <nav class="stair-subnav no-print" aria-label="Trappens visninger">
            <ul>
                <li><A href="/trappe" exact=true>"Trappe og diagram"</A></li>
                <li><A href="/trappe/maalinger" exact=true>"Målinger"</A></li>
                <li><A href="/trappe/sammenlign" exact=true>"Sammenlign og hvad nu hvis"</A></li>
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
            <button type="button" class="button secondary" title="Fortryd (Ctrl+Z)" aria-keyshortcuts="Control+Z"
                disabled=move || !app.can_undo.get() on:click=move |_| session::undo(app)>
                "Fortryd"<span class="shortcut">" (Ctrl+Z)"</span>
            </button>
            <button type="button" class="button secondary" title="Gentag (Ctrl+Y)" aria-keyshortcuts="Control+Y Control+Shift+Z"
                disabled=move || !app.can_redo.get() on:click=move |_| session::redo(app)>
                "Gentag"<span class="shortcut">" (Ctrl+Y)"</span>
            </button>
            <button type="button" class="button secondary" aria-pressed=move || app.workshop_mode.get().to_string()
                on:click=move |_| session::set_workshop_mode(app, !app.workshop_mode.get_untracked())>
                "Workshop-visning (stor skrift)"
            </button>
        </div>
    }
}
