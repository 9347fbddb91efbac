//! Follow-up dates, the computed next follow-up, and the step or interventions the meeting led to.

use super::fields::{DateField, Draft, Errors};
use crate::app::{use_app, Part};
use crate::model::follow_up::{next_follow_up, StepLookup};
use crate::model::meeting_form::FormField;
use crate::model::Id;
use crate::text::{self, meetings as txt};
use crate::ui::common::workspace_today as today;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct StepChoice {
    id: Id,
    name: String,
    interventions: Vec<(Id, String)>,
}

#[component]
pub fn FollowUpAndLinks(draft: Draft, errors: Errors) -> impl IntoView {
    let app = use_app();
    let steps = Memo::new(move |_| {
        app.read(Part::Staircase, |w| {
            w.staircase
                .steps
                .iter()
                .map(|s| StepChoice {
                    id: s.id,
                    name: s.name.clone(),
                    interventions: s
                        .interventions
                        .iter()
                        .map(|iv| (iv.id, iv.name.clone()))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let next = Memo::new(move |_| {
        draft.with(|m| {
            app.read_parts(&[Part::Staircase, Part::FollowUp], |w| {
                let category = StepLookup::new(&w.staircase).category_of(m);
                next_follow_up(m, &w.follow_up, category, today())
            })
            .flatten()
        })
    });
    let linked_step = Memo::new(move |_| {
        draft.with(|m| m.linked_step.map(|i| i.to_string()).unwrap_or_default())
    });
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_FOLLOW_UP}</h2></legend>
            <div class="meet-grid">
                <DateField draft=draft errors=errors field=FormField::MeasureStart id="m-measure-start" label=txt::L_MEASURE_START hint=txt::H_MEASURE_START
                    get=|m| m.measure_start set=|m, v| m.measure_start = v/>
                <DateField draft=draft errors=errors field=FormField::FollowUp id="m-follow-up" label=txt::L_FOLLOW_UP_DATE hint=txt::H_FOLLOW_UP_DATE
                    get=|m| m.follow_up_date set=|m, v| m.follow_up_date = v/>
            </div>
            <p class="next-follow-up" data-testid="next-follow-up">
                <strong>{txt::NEXT_FOLLOW_UP}": "</strong>
                {move || match next.get() {
                    Some(d) => format!("{} ({})", text::date_long(d), txt::due_relative(d, today())),
                    None => txt::NO_NEXT_FOLLOW_UP.to_string(),
                }}
            </p>
            <div class="form-group">
                <label class="form-label" for="m-step">{txt::L_LINKED_STEP}</label>
                <span class="form-hint" id="m-step-hint">{txt::H_LINKED_STEP}</span>
                <select id="m-step" class="form-select" aria-describedby="m-step-hint"
                    prop:value=move || linked_step.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|m| m.linked_step = v.parse::<Id>().ok());
                    }>
                    <option value="" selected=move || linked_step.get().is_empty()>{txt::NO_STEP}</option>
                    {move || steps.get().into_iter().enumerate().map(|(i, s)| {
                        let key = s.id.to_string();
                        let key2 = key.clone();
                        view! { <option value=key selected=move || linked_step.get() == key2>{txt::step_option(i + 1, &s.name)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <details class="meet-interventions">
                <summary>{txt::L_LINKED_INTERVENTIONS}{move || txt::linked_count(draft.with(|m| m.linked_interventions.len()))}</summary>
                <p class="form-hint">{txt::H_LINKED_INTERVENTIONS}</p>
                <div class="intervention-groups">
                    {move || steps.get().into_iter().enumerate().filter(|(_, s)| !s.interventions.is_empty()).map(|(i, s)| view! {
                        <fieldset class="intervention-group">
                            <legend>{txt::step_option(i + 1, &s.name)}</legend>
                            {s.interventions.into_iter().map(|(iv, name)| {
                                let cid = format!("iv-{iv}");
                                view! {
                                    <div class="checkbox">
                                        <input type="checkbox" id=cid.clone()
                                            prop:checked=move || draft.with(|m| m.linked_interventions.contains(&iv))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                draft.update(|m| {
                                                    m.linked_interventions.retain(|x| *x != iv);
                                                    if on { m.linked_interventions.push(iv); }
                                                });
                                            }/>
                                        <label for=cid>{name}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    }).collect_view()}
                </div>
            </details>
        </fieldset>
    }
}
