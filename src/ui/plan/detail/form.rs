//! The form for an initiative's fields (not its status or history), for a new initiative or an existing one.

use crate::app::{use_app, Part};
use crate::model::plan_ops::{ordered_ids, parse_date, sorted_goals, sorted_tracks, PlanField};
use crate::model::record::RecordKind;
use crate::model::{ActionPlan, BudgetLine, Id, Initiative};
use crate::text::plan as tp;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors, GeneralError};
use crate::ui::kit::limits;
use crate::ui::plan::fields::{Field, SelectField};
use crate::ui::plan::{commit_form, date_input_value, with_plan, with_plan_untracked};
use leptos::prelude::*;

fn opt_date(s: &str, what: &str) -> Result<Option<chrono::NaiveDate>, FieldError<PlanField>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    parse_date(s)
        .map(Some)
        .ok_or_else(|| FieldError::at(PlanField::Dates, tp::invalid_date_in(what)))
}

/// The goals, tracks or initiatives a select offers, given the initiative being edited.
type ChoicesOf = fn(&ActionPlan, Option<Id>) -> Vec<(Id, String)>;

#[derive(Clone, Copy)]
struct BudgetRow {
    key: usize,
    year: RwSignal<String>,
    amount: RwSignal<String>,
}

/// Create or edit an initiative's fields (not its status or history).
#[component]
pub(crate) fn InitiativeForm(
    existing: Option<Id>,
    on_saved: Callback<Id>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let touched = crate::ui::common::form_draft(tp::INITIATIVE_FORM);
    let base = existing
        .and_then(|id| with_plan_untracked(app, |p| p.initiative(id).cloned()).flatten())
        .unwrap_or_default();
    let base = StoredValue::new(base);
    let merge = FormMerge::of_record("ini", RecordKind::Initiative, existing);
    let b = base.get_value();
    let number = RwSignal::new(b.number.clone());
    let title = RwSignal::new(b.title.clone());
    let description = RwSignal::new(b.description.clone());
    let parent = RwSignal::new(b.parent_id.map(|i| i.to_string()).unwrap_or_default());
    let goal = RwSignal::new(b.goal_id.map(|i| i.to_string()).unwrap_or_default());
    let track = RwSignal::new(b.track_id.map(|i| i.to_string()).unwrap_or_default());
    let owner = RwSignal::new(b.owner.clone());
    let committee = RwSignal::new(b.committee.clone());
    let start = RwSignal::new(date_input_value(b.start));
    let deadline = RwSignal::new(date_input_value(b.deadline));
    let period = RwSignal::new(b.period.clone());
    let next_key = StoredValue::new(0usize);
    let new_row = move |year: String, amount: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        BudgetRow {
            key,
            year: RwSignal::new(year),
            amount: RwSignal::new(amount),
        }
    };
    let budget = RwSignal::new(
        b.budget
            .iter()
            .map(|l| new_row(l.year.to_string(), l.amount.to_string()))
            .collect::<Vec<_>>(),
    );
    let interventions = RwSignal::new(b.intervention_ids.clone());
    let error = FormErrors::<PlanField>::new();
    let prefix = StoredValue::new(
        existing
            .map(|i| format!("ini-{i}"))
            .unwrap_or_else(|| "ini-ny".into()),
    );
    let pid = move |s: &str| prefix.with_value(|p| format!("{p}-{s}"));

    // A select's options: "none", then the plan's goals, tracks or initiatives (`list`, told this one's id).
    let id_options = move |none: &'static str, list: ChoicesOf| {
        Signal::derive(move || {
            std::iter::once((String::new(), none.to_string()))
                .chain(
                    with_plan(app, |p| list(p, existing))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(i, l)| (i.to_string(), l)),
                )
                .collect::<Vec<_>>()
        })
    };
    let goal_options = id_options(tp::NO_GOAL_CHOICE, |p, _| {
        sorted_goals(p)
            .into_iter()
            .map(|g| (g.id, tp::goal_label(g)))
            .collect()
    });
    let track_options = id_options(tp::NO_TRACK_CHOICE, |p, _| {
        sorted_tracks(p)
            .into_iter()
            .map(|t| (t.id, tp::track_label(t)))
            .collect()
    });
    let parent_options = id_options(tp::NO_PARENT, |p, existing| {
        ordered_ids(p)
            .into_iter()
            .filter(|i| Some(*i) != existing)
            .filter_map(|i| p.initiative(i))
            .map(|i| (i.id, tp::initiative_label(&i.number, &i.title)))
            .collect()
    });
    let steps = Memo::new(move |_| {
        app.read(Part::Staircase, |w| {
            w.staircase
                .steps
                .iter()
                .map(|s| {
                    (
                        s.name.clone(),
                        s.interventions
                            .iter()
                            .map(|i| (i.id, i.name.clone()))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });

    let build = move || -> Result<Initiative, FieldError<PlanField>> {
        let parse_id = |s: String| s.parse::<Id>().ok();
        let mut lines = Vec::new();
        for r in budget.get_untracked() {
            let (y, a) = (r.year.get_untracked(), r.amount.get_untracked());
            if y.trim().is_empty() && a.trim().is_empty() {
                continue;
            }
            let year = y
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| FieldError::at(PlanField::Budget, tp::INVALID_YEAR))?;
            let amount = crate::text::parse_kroner(&a)
                .ok()
                .flatten()
                .ok_or_else(|| FieldError::at(PlanField::Budget, tp::INVALID_AMOUNT))?;
            lines.push(BudgetLine { year, amount });
        }
        Ok(Initiative {
            number: number.get_untracked(),
            title: title.get_untracked(),
            description: description.get_untracked(),
            parent_id: parse_id(parent.get_untracked()),
            goal_id: parse_id(goal.get_untracked()),
            track_id: parse_id(track.get_untracked()),
            owner: owner.get_untracked(),
            committee: committee.get_untracked(),
            start: opt_date(&start.get_untracked(), tp::L_START)?,
            deadline: opt_date(&deadline.get_untracked(), tp::L_DEADLINE)?,
            period: period.get_untracked(),
            budget: lines,
            intervention_ids: interventions.get_untracked(),
            ..base.get_value()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        let result = build().and_then(|ini| {
            commit_form(app, merge, |p| match existing {
                Some(_) => {
                    let id = ini.id;
                    p.update_initiative(ini).map(|_| id)
                }
                None => p.add_initiative(ini),
            })
        });
        match result {
            Ok(Some(id)) => on_saved.run(id),
            Ok(None) => {}
            Err(e) => error.show(e, |f| {
                let input = match f {
                    PlanField::Number => "number",
                    PlanField::Title => "title",
                    PlanField::Description => "description",
                    PlanField::Owner => "owner",
                    PlanField::Committee => "committee",
                    PlanField::Period => "period",
                    PlanField::Dates => "deadline",
                    PlanField::Budget => "budget-add",
                    PlanField::Parent => "parent",
                    _ => return None,
                };
                Some(pid(input))
            }),
        }
    };
    let budget_error = move || error.message(Some(PlanField::Budget));
    view! {
        <form class="form plan-form" on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
            <div class="plan-form-row">
                <Field id=pid("number") label=tp::L_NUMBER value=number field=PlanField::Number error=error
                    hint=tp::H_NUMBER class="plan-narrow"/>
                <Field id=pid("title") label=tp::L_TITLE value=title field=PlanField::Title error=error required=true/>
            </div>
            <Field id=pid("description") label=tp::L_DESCRIPTION multiline=true value=description field=PlanField::Description error=error/>
            <SelectField id=pid("parent") label=tp::PARENT value=parent options=parent_options
                hint=tp::PARENT_HINT field=PlanField::Parent error=error/>
            <div class="plan-form-row">
                <SelectField id=pid("goal") label=tp::L_GOAL value=goal options=goal_options/>
                <SelectField id=pid("track") label=tp::L_TRACK value=track options=track_options/>
            </div>
            <div class="plan-form-row">
                <Field id=pid("owner") label=tp::L_OWNER value=owner field=PlanField::Owner error=error
                    hint=tp::OWNER_HINT/>
                <Field id=pid("committee") label=tp::L_COMMITTEE value=committee field=PlanField::Committee error=error
                    hint=tp::H_COMMITTEE/>
            </div>
            <div class="plan-form-row">
                <Field id=pid("start") label=tp::L_START kind="date" value=start error=error/>
                <Field id=pid("deadline") label=tp::L_DEADLINE kind="date" value=deadline field=PlanField::Dates error=error
                    hint=tp::DEADLINE_HINT/>
                <Field id=pid("period") label=tp::PERIOD_TEXT value=period field=PlanField::Period error=error
                    hint=tp::PERIOD_TEXT_HINT/>
            </div>
            <fieldset class="form-group plan-budget" class:has-error=move || budget_error().is_some()>
                <legend class="form-label">{tp::L_BUDGET}</legend>
                <span class="form-hint">{tp::H_BUDGET}</span>
                {move || budget_error().map(|m| view! { <span class="form-error" role="alert">{m}</span> })}
                <For each=move || budget.get() key=|r| r.key let:r>
                    <div class="plan-budget-row">
                        <div class="form-group">
                            <label class="form-label" for=pid(&format!("budget-{}-year", r.key))>{tp::L_YEAR}</label>
                            <input maxlength=limits::NUMBER id=pid(&format!("budget-{}-year", r.key)) class="form-input" inputmode="numeric"
                                aria-invalid=move || budget_error().is_some().to_string()
                                prop:value=move || r.year.get() on:input=move |ev| r.year.set(event_target_value(&ev))/>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for=pid(&format!("budget-{}-amount", r.key))>{tp::L_AMOUNT}</label>
                            <input maxlength=limits::NUMBER id=pid(&format!("budget-{}-amount", r.key)) class="form-input" inputmode="numeric"
                                aria-invalid=move || budget_error().is_some().to_string()
                                prop:value=move || r.amount.get() on:input=move |ev| r.amount.set(event_target_value(&ev))/>
                        </div>
                        <button type="button" class="button secondary" on:click=move |_| budget.update(|b| b.retain(|x| x.key != r.key))>
                            {tp::REMOVE}<span class="visually-hidden">{move || tp::budget_year_hidden(&r.year.get())}</span>
                        </button>
                    </div>
                </For>
                <button type="button" id=pid("budget-add") class="button secondary"
                    on:click=move |_| budget.update(|b| b.push(new_row(String::new(), String::new())))>{tp::ADD_BUDGET_YEAR}</button>
            </fieldset>
            <fieldset class="form-group plan-interventions">
                <legend class="form-label">{tp::L_INTERVENTIONS}</legend>
                <span class="form-hint">{tp::H_INTERVENTIONS}</span>
                {move || steps.get().into_iter().filter(|(_, ivs)| !ivs.is_empty()).map(|(step, ivs)| view! {
                    <div class="plan-step-group">
                        <p class="plan-step-name">{step}</p>
                        {ivs.into_iter().map(|(iv, name)| {
                            let cid = pid(&format!("iv-{iv}"));
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=cid.clone()
                                        prop:checked=move || interventions.with(|v| v.contains(&iv))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            interventions.update(|v| { v.retain(|x| *x != iv); if on { v.push(iv); } });
                                        }/>
                                    <label for=cid>{name}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }).collect_view()}
            </fieldset>
            <GeneralError errors=error/>
            <ConflictChoices merge=merge/>
            <div class="button-row">
                <button type="submit" class="button">{if existing.is_some() { tp::SAVE_DETAILS } else { tp::CREATE_INITIATIVE }}</button>
                {on_cancel.map(|c| view! { <button type="button" class="button secondary" on:click=move |_| c.run(())>{tp::CANCEL}</button> })}
            </div>
        </form>
    }
}
