//! Overblik: the open workspace at a glance, and its name and description (the first edit path).

use super::common::WithWorkspace;
use crate::app::{session, use_app, Part};
use crate::model::commands::Command;
use crate::text::{self, ui as t};
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <WithWorkspace page="Overblik">
            <OverviewBody/>
        </WithWorkspace>
    }
}

#[component]
fn OverviewBody() -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        app.read_parts(&[Part::Staircase, Part::Meetings, Part::Plan], |w| {
            (
                w.staircase.steps.len(),
                w.staircase
                    .steps
                    .iter()
                    .map(|s| s.interventions.len())
                    .sum::<usize>(),
                w.meetings.len(),
                w.plan.initiatives.len(),
                w.staircase.measurements.len(),
            )
        })
    });
    let name = move || app.read(Part::Info, |w| w.name.clone()).unwrap_or_default();
    view! {
        <h1>"Overblik: "{name}</h1>
        {move || counts.get().map(|(steps, interventions, meetings, initiatives, measurements)| view! {
            <ul class="stat-grid" aria-label="Nøgletal">
                <li class="stat"><span class="stat-value">{steps}</span><span class="stat-label">"trin på trappen"</span></li>
                <li class="stat"><span class="stat-value">{interventions}</span><span class="stat-label">"indsatser"</span></li>
                <li class="stat"><span class="stat-value">{measurements}</span><span class="stat-label">"målinger"</span></li>
                <li class="stat"><span class="stat-value">{text::group_thousands(meetings as i64)}</span><span class="stat-label">"netværksmøder"</span></li>
                <li class="stat"><span class="stat-value">{initiatives}</span><span class="stat-label">"initiativer i handleplanen"</span></li>
            </ul>
        })}
        <WorkspaceInfoForm/>
        <p><a href="/data">"Eksportér, importér og administrér arbejdsområder på siden Data."</a></p>
    }
}

#[component]
fn WorkspaceInfoForm() -> impl IntoView {
    let app = use_app();
    let initial = app
        .read_untracked(|w| {
            (
                w.name.clone(),
                w.municipality.clone(),
                w.description.clone(),
            )
        })
        .unwrap_or_default();
    let name = RwSignal::new(initial.0);
    let municipality = RwSignal::new(initial.1);
    let description = RwSignal::new(initial.2);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = Command::SetInfo {
            name: name.get_untracked(),
            municipality: municipality.get_untracked(),
            description: description.get_untracked(),
        };
        match session::dispatch(app, cmd) {
            Ok(()) => {
                error.set(None);
                app.info("Oplysningerne er gemt.");
            }
            Err(e) => error.set(Some(t::command_error(&e))),
        }
    };
    view! {
        <section aria-labelledby="ws-info">
            <h2 id="ws-info">"Om arbejdsområdet"</h2>
            <form class="form" on:submit=submit novalidate>
                <div class="form-group" class:has-error=move || error.get().is_some()>
                    <label for="ws-name" class="form-label">"Navn"</label>
                    {move || error.get().map(|e| view! { <span class="form-error" id="ws-name-error">{e}</span> })}
                    <input id="ws-name" class="form-input" type="text" maxlength="300"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=move || error.get().map(|_| "ws-name-error")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label for="ws-municipality" class="form-label">"Kommune"</label>
                    <input id="ws-municipality" class="form-input" type="text" maxlength="300"
                        prop:value=move || municipality.get() on:input=move |ev| municipality.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label for="ws-description" class="form-label">"Beskrivelse"</label>
                    <span class="form-hint" id="ws-description-hint">"Formål, periode eller hvem der arbejder i det."</span>
                    <textarea id="ws-description" class="form-input" rows="3" aria-describedby="ws-description-hint"
                        prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button">"Gem oplysninger"</button>
            </form>
        </section>
    }
}
