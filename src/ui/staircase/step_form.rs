//! Add or edit a step: name, description, category, yearly price per child (for steps counted as a whole),
//! place on the staircase, and delete (moving its interventions or deleting them too).

use super::ctx::{parse_id, step_options, use_ctx};
use crate::model::record::RecordKind;
use crate::model::staircase_ops::StaircaseField;
use crate::model::{Id, StepCategory};
use crate::text;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::FormErrors;
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

const CATEGORIES: [StepCategory; 3] = [
    StepCategory::Universal,
    StepCategory::Preventive,
    StepCategory::Placement,
];

fn category_value(c: StepCategory) -> &'static str {
    match c {
        StepCategory::Universal => "universal",
        StepCategory::Preventive => "preventive",
        StepCategory::Placement => "placement",
    }
}

#[component]
pub fn StepForm(step: Option<Id>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(crate::text::colleague::STEP);
    let ctx = use_ctx();
    let existing = ctx.stair.with_untracked(|s| {
        step.and_then(|id| {
            let i = s.step_index(id)?;
            let st = &s.steps[i];
            Some((
                st.name.clone(),
                st.description.clone(),
                st.category,
                st.yearly_cost_per_child,
                i,
            ))
        })
    });
    let step_count = ctx.stair.with_untracked(|s| s.steps.len());
    let (name0, desc0, cat0, cost0, pos0) = existing.clone().unwrap_or((
        String::new(),
        String::new(),
        if step_count == 0 {
            StepCategory::Universal
        } else {
            StepCategory::Preventive
        },
        None,
        step_count,
    ));
    let name = RwSignal::new(name0);
    let description = RwSignal::new(desc0);
    let category = RwSignal::new(cat0);
    let cost = RwSignal::new(cost0.map(text::group_thousands).unwrap_or_default());
    let position = RwSignal::new(pos0);
    let errors = FormErrors::<StaircaseField>::new();
    let name_error = errors.at(StaircaseField::Name);
    let cost_error = errors.at(StaircaseField::YearlyCost);
    let description_error = errors.at(StaircaseField::Description);
    let form_error = errors.general();
    // The version the form opened: a save keeps what another tab changed meanwhile.
    let merge = FormMerge::of_record("step", RecordKind::Step, step);
    let positions = if step.is_some() {
        step_count
    } else {
        step_count + 1
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        errors.set_at(
            StaircaseField::Name,
            n.is_empty()
                .then(|| crate::text::staircase::STEP_NAME_MISSING.to_string()),
        );
        let parsed_cost = text::parse_kroner(&cost.get_untracked());
        errors.set_at(StaircaseField::YearlyCost, parsed_cost.clone().err());
        let (Ok(c), false) = (parsed_cost, n.is_empty()) else {
            let target = if n.is_empty() {
                "step-name"
            } else {
                "step-cost"
            };
            super::ctx::focus_later(target.into());
            return;
        };
        errors.clear();
        let d = description.get_untracked();
        let cat = category.get_untracked();
        let pos = position.get_untracked();
        // A step keeps its place unless the user chose another (it may have moved meanwhile).
        let moved = step.is_none() || pos != pos0;
        let result = ctx.edit_form(merge, |s| {
            let id = match step {
                Some(id) => {
                    s.set_step_name(id, n.clone())?;
                    id
                }
                None => s.add_step(n.clone(), cat)?,
            };
            s.set_step_description(id, d)?;
            s.set_step_category(id, cat)?;
            s.set_step_yearly_cost(id, c)?;
            if moved {
                s.move_step(id, pos)?;
            }
            Ok(id)
        });
        let Some(result) = result.transpose() else {
            return;
        };
        match result {
            Ok(id) => {
                ctx.say(text::staircase::step_saved(&n, step.is_none()));
                if step.is_none() {
                    ctx.return_focus.set_value(Some(format!("step-{id}-add")));
                }
                ctx.close_panel();
            }
            Err(e) => errors.show(e, |field| match field {
                StaircaseField::Name => Some("step-name"),
                StaircaseField::Description => Some("step-description"),
                StaircaseField::YearlyCost => Some("step-cost"),
                _ => None,
            }),
        }
    };

    let title = if step.is_some() {
        text::staircase::EDIT_STEP
    } else {
        text::staircase::NEW_STEP
    };
    view! {
        <div class="panel editor-panel" role="region" aria-labelledby="editor-heading">
            <h3 id="editor-heading" tabindex="-1">{title}</h3>
            <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form" on:submit=submit novalidate>
                <TextInput id="step-name" label=crate::text::staircase::STEP_NAME value=name error=name_error
                    hint=crate::text::staircase::STEP_NAME_HINT/>
                <TextInput id="step-description" label=crate::text::plan::L_DESCRIPTION value=description error=description_error
                    hint=crate::text::staircase::STEP_DESCRIPTION_HINT multiline=true maxlength=limits::TEXT/>
                <fieldset class="form-group">
                    <legend class="form-label">{text::staircase::COL_CATEGORY}</legend>
                    <span class="form-hint">{text::staircase::STEP_CATEGORY_HINT}</span>
                    {CATEGORIES.iter().map(|c| {
                        let c = *c;
                        let rid = format!("step-cat-{}", category_value(c));
                        view! {
                            <div class="radio">
                                <input type="radio" id=rid.clone() name="step-category" value=category_value(c)
                                    prop:checked=move || category.get() == c on:change=move |_| category.set(c)/>
                                <label for=rid>{text::step_category(c)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <TextInput id="step-cost" label=crate::text::staircase::STEP_COST value=cost error=cost_error
                    hint=crate::text::staircase::STEP_COST_HINT
                    numeric=true maxlength=limits::NUMBER/>
                <div class="form-group">
                    <label class="form-label" for="step-position">{text::staircase::STEP_POSITION_LABEL}</label>
                    <span class="form-hint" id="step-position-hint">{text::staircase::STEP_POSITION_HINT}</span>
                    <select id="step-position" class="form-select narrow" aria-describedby="step-position-hint"
                        on:change=move |ev| { if let Ok(p) = event_target_value(&ev).parse::<usize>() { position.set(p) } }>
                        {(0..positions).map(|i| view! {
                            <option value=i.to_string() selected=i == pos0>{text::staircase::step_no(i)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <ConflictChoices merge=merge/>
                {move || form_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button">{if step.is_some() { text::staircase::SAVE_STEP } else { text::staircase::ADD_THE_STEP }}</button>
                    <button type="button" class="button secondary" on:click=move |_| ctx.close_panel()>{crate::text::data::CANCEL}</button>
                </div>
            </form>
            {step.map(|id| view! { <DeleteStep id=id/> })}
        </div>
    }
}

/// Deleting a step: with interventions, the user picks a step to move them to or confirms deleting them.
#[component]
fn DeleteStep(id: Id) -> impl IntoView {
    let ctx = use_ctx();
    let count = Memo::new(move |_| {
        ctx.stair
            .with(|s| s.step(id).map(|st| st.interventions.len()).unwrap_or(0))
    });
    let others = Memo::new(move |_| {
        ctx.stair.with(|s| {
            step_options(s)
                .into_iter()
                .filter(|(sid, _)| *sid != id)
                .collect::<Vec<_>>()
        })
    });
    // "" = not chosen, "delete" = delete them too, else a step id.
    let choice = RwSignal::new(String::new());
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let run = move |_| {
        let c = choice.get_untracked();
        let n = count.get_untracked();
        let result = if n == 0 {
            ctx.edit(|s| s.delete_step(id, None).map(|_| ()))
        } else if c == "delete" {
            ctx.edit(|s| s.delete_step_and_interventions(id).map(|_| ()))
        } else if let Some(target) = parse_id(&c) {
            ctx.edit(|s| s.delete_step(id, Some(target)).map(|_| ()))
        } else {
            Err(text::staircase::CHOOSE_WHAT_HAPPENS.into())
        };
        match result {
            Ok(()) => {
                ctx.say(text::staircase::STEP_DELETED.into());
                ctx.return_focus.set_value(Some("add-step-button".into()));
                ctx.close_panel();
            }
            Err(e) => {
                asking.set(false);
                error.set(Some(e));
            }
        }
    };
    view! {
        <div class="delete-step">
            <h4>{text::staircase::DELETE_THE_STEP}</h4>
            <Show when=move || { count.get() > 0 }>
                <fieldset class="form-group" class:has-error=move || error.get().is_some()>
                    <legend class="form-label">{move || text::staircase::step_has_interventions(count.get())}</legend>
                    {move || error.get().map(|e| view! { <span class="form-error" id="delete-step-error">{e}</span> })}
                    <div class="form-group">
                        <label class="form-label" for="delete-step-target">{text::staircase::MOVE_INTERVENTIONS_TO}</label>
                        <select id="delete-step-target" class="form-select narrow"
                            aria-describedby=move || error.get().map(|_| "delete-step-error")
                            prop:value=move || { let c = choice.get(); if c == "delete" { String::new() } else { c } }
                            on:change=move |ev| { choice.set(event_target_value(&ev)); error.set(None); }>
                            <option value="">{text::staircase::CHOOSE_STEP}</option>
                            {move || others.get().into_iter().map(|(sid, n)| view! { <option value=sid.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="checkbox">
                        <input type="checkbox" id="delete-step-all"
                            prop:checked=move || choice.get() == "delete"
                            on:change=move |ev| { choice.set(if event_target_checked(&ev) { "delete".into() } else { String::new() }); error.set(None); }/>
                        <label for="delete-step-all">{text::staircase::DELETE_INTERVENTIONS_TOO}</label>
                    </div>
                </fieldset>
            </Show>
            <Show when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button secondary danger" on:click=move |_| {
                        if count.get_untracked() > 0 && choice.get_untracked().is_empty() {
                            error.set(Some(text::staircase::CHOOSE_WHAT_HAPPENS.into()));
                            super::ctx::focus_later("delete-step-target".into());
                        } else {
                            asking.set(true);
                            super::ctx::focus_later("delete-step-confirm".into());
                        }
                    }>{text::staircase::DELETE_STEP}</button>
                }>
                <span class="confirm" role="group" aria-label=text::staircase::CONFIRM_DELETE_LABEL>
                    <span class="confirm-question">{move || if choice.get() == "delete" { text::staircase::DELETE_STEP_AND_INTERVENTIONS_QUESTION } else { text::staircase::DELETE_STEP_QUESTION }}</span>
                    <button type="button" class="button danger" id="delete-step-confirm" on:click=run>{text::staircase::YES_DELETE_STEP}</button>
                    <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{crate::text::data::CANCEL}</button>
                </span>
            </Show>
        </div>
    }
}
