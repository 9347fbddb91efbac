//! Trappe: the intervention staircase (read-only until the editor lands).

use super::common::WithWorkspace;
use crate::app::use_app;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn StaircasePage() -> impl IntoView {
    view! {
        <WithWorkspace page="Trappe">
            <StaircaseBody/>
        </WithWorkspace>
    }
}

#[component]
fn StaircaseBody() -> impl IntoView {
    let app = use_app();
    let steps = Memo::new(move |_| {
        app.current.with(|c| {
            c.as_ref()
                .map(|w| w.staircase.steps.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <h1>"Indsatstrappen"</h1>
        <p class="lead">"Fra de almene tilbud nederst til de mest indgribende indsatser øverst."</p>
        <ol class="step-list" reversed>
            {move || steps.get().into_iter().enumerate().rev().map(|(i, s)| view! {
                <li class="step-card">
                    <h2>{format!("Trin {}: {}", i + 1, s.name)}</h2>
                    <p class="muted">{text::step_category(s.category)}</p>
                    <p>{s.description.clone()}</p>
                    <ul>
                        {s.interventions.iter().map(|iv| view! {
                            <li>{iv.name.clone()}{iv.yearly_cost_per_child().map(|c| format!(" – {} om året pr. barn", text::kroner(c)))}</li>
                        }).collect_view()}
                    </ul>
                </li>
            }).collect_view()}
        </ol>
    }
}
