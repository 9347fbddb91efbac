//! Create or edit an intervention with every attribute; duplicate and delete an existing one.

use super::ctx::{parse_id, step_options, use_ctx, Panel};
use crate::model::record::RecordKind;
use crate::model::sorting::StableSort;
use crate::model::staircase_ops::StaircaseField;
use crate::model::{AgeGroup, CostPeriod, Id, Intervention, InterventionStatus, ProviderKind};
use crate::text;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

const PERIODS: [(CostPeriod, &str); 3] = [
    (CostPeriod::PerMonth, "month"),
    (CostPeriod::PerYear, "year"),
    (CostPeriod::PerCourse, "course"),
];
const STATUSES: [(InterventionStatus, &str); 4] = [
    (InterventionStatus::Active, "active"),
    (InterventionStatus::Planned, "planned"),
    (InterventionStatus::Pilot, "pilot"),
    (InterventionStatus::Closed, "closed"),
];

#[component]
pub fn InterventionForm(step: Id, intervention: Option<Id>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(text::staircase::INTERVENTION_FORM);
    let ctx = use_ctx();
    let original: Intervention = ctx
        .stair
        .with_untracked(|s| intervention.and_then(|id| s.intervention(id).cloned()))
        .unwrap_or_default();
    let steps = ctx.stair.with_untracked(step_options);
    let (providers, bases, methods) = ctx
        .stair
        .with_untracked(|s| (s.providers(), s.legal_bases(), s.methods()));

    let name = RwSignal::new(original.name.clone());
    let description = RwSignal::new(original.description.clone());
    let legal = RwSignal::new(original.legal_basis.clone());
    let provider = RwSignal::new(original.provider.clone());
    let provider_kind = RwSignal::new(original.provider_kind);
    let ages = RwSignal::new(original.target_ages.clone());
    let referral = RwSignal::new(original.referral_required);
    let method = RwSignal::new(original.method.clone());
    let cost = RwSignal::new(
        original
            .unit_cost
            .map(text::group_thousands)
            .unwrap_or_default(),
    );
    // No unit until the user picks one: a new price is never silently a price per month.
    let period = RwSignal::new(original.unit_cost.map(|_| original.cost_period));
    let errors = FormErrors::<StaircaseField>::new();
    let period_error = errors.at(StaircaseField::CostPeriod);
    let capacity = RwSignal::new(original.capacity.map(|c| c.to_string()).unwrap_or_default());
    let status = RwSignal::new(original.status);
    let target_step = RwSignal::new(step);
    let start_index = ctx.stair.with_untracked(|s| match intervention {
        Some(id) => s.find_intervention(id).map(|(_, ii, _)| ii).unwrap_or(0),
        None => s.step(step).map(|st| st.interventions.len()).unwrap_or(0),
    });
    // Place within the step, 0-based, after the save.
    let position = RwSignal::new(start_index);
    let slots = Memo::new(move |_| {
        let to = target_step.get();
        ctx.stair.with(|s| {
            let len = s.step(to).map(|st| st.interventions.len()).unwrap_or(0);
            let already_there =
                intervention.is_some_and(|id| s.step_of(id).map(|st| st.id) == Some(to));
            if already_there {
                len
            } else {
                len + 1
            }
        })
    });
    let name_error = errors.at(StaircaseField::Name);
    let cost_error = errors.at(StaircaseField::UnitCost);
    let capacity_error = errors.at(StaircaseField::Capacity);
    let legal_error = errors.at(StaircaseField::LegalBasis);
    let provider_error = errors.at(StaircaseField::Provider);
    let method_error = errors.at(StaircaseField::Method);
    let description_error = errors.at(StaircaseField::Description);
    let form_error = errors.general();
    // The version the form opened: a save keeps what another tab changed meanwhile.
    let original = StoredValue::new(original);
    let merge = FormMerge::of_record("iv", RecordKind::Intervention, intervention);
    let input_id = move |field| match field {
        StaircaseField::Name => Some("iv-name"),
        StaircaseField::UnitCost => Some("iv-cost"),
        StaircaseField::Capacity => Some("iv-capacity"),
        StaircaseField::LegalBasis => Some("iv-legal"),
        StaircaseField::Provider => Some("iv-provider"),
        StaircaseField::Method => Some("iv-method"),
        StaircaseField::Description => Some("iv-description"),
        _ => None,
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        let c = text::parse_kroner(&cost.get_untracked());
        let cap = text::parse_whole(&capacity.get_untracked());
        let unit_missing = matches!(c, Ok(Some(_))) && period.get_untracked().is_none();
        let checks = [
            (
                StaircaseField::Name,
                n.is_empty()
                    .then(|| crate::text::staircase::IV_NAME_MISSING.to_string()),
            ),
            (StaircaseField::UnitCost, c.clone().err()),
            (
                StaircaseField::CostPeriod,
                unit_missing.then(|| crate::text::staircase::IV_PERIOD_MISSING.to_string()),
            ),
            (StaircaseField::Capacity, cap.clone().err()),
        ];
        errors.set_all(
            checks
                .into_iter()
                .filter_map(|(f, m)| Some(FieldError::at(f, m?)))
                .collect(),
        );
        let (false, Ok(c), Ok(cap), false) = (n.is_empty(), c, cap, unit_missing) else {
            let first = if name_error.get_untracked().is_some() {
                "iv-name"
            } else if cost_error.get_untracked().is_some() {
                "iv-cost"
            } else if unit_missing {
                "iv-period"
            } else {
                "iv-capacity"
            };
            super::ctx::focus_later(first.into());
            return;
        };
        let mut sorted_ages = ages.get_untracked();
        sorted_ages.stable_sort();
        let iv = Intervention {
            name: n.clone(),
            description: description.get_untracked(),
            legal_basis: legal.get_untracked().trim().to_string(),
            provider: provider.get_untracked().trim().to_string(),
            provider_kind: provider_kind.get_untracked(),
            target_ages: sorted_ages,
            referral_required: referral.get_untracked(),
            method: method.get_untracked().trim().to_string(),
            unit_cost: c,
            cost_period: period
                .get_untracked()
                .unwrap_or_else(|| original.with_value(|o| o.cost_period)),
            capacity: cap,
            status: status.get_untracked(),
            ..original.get_value()
        };
        let to = target_step.get_untracked();
        let pos = position.get_untracked();
        // Step and place only when the user chose them: the intervention may have moved meanwhile.
        let moved = intervention.is_none() || to != step || pos != start_index;
        let result = ctx.edit_form(merge, |s| {
            let id = match intervention {
                Some(_) => {
                    let id = iv.id;
                    s.update_intervention(iv)?;
                    id
                }
                None => s.add_intervention(to, iv)?,
            };
            if moved {
                s.move_intervention(id, to, pos)?;
            }
            Ok(id)
        });
        let Some(result) = result.transpose() else {
            return;
        };
        match result {
            Ok(id) => {
                ctx.say(text::staircase::intervention_saved(
                    &n,
                    intervention.is_none(),
                ));
                ctx.return_focus.set_value(Some(format!("ivb-{id}")));
                ctx.close_panel();
            }
            Err(e) => errors.show(e, input_id),
        }
    };

    let duplicate = move |_| {
        let Some(id) = intervention else { return };
        match ctx.edit(|s| s.duplicate_intervention(id, crate::text::staircase::copy_name)) {
            Ok(copy) => {
                ctx.say(text::staircase::INTERVENTION_DUPLICATED.into());
                ctx.open_panel(Panel::Intervention(copy), Some(format!("ivb-{copy}")));
            }
            Err(e) => errors.set_one(FieldError::general(e)),
        }
    };
    let delete = move || {
        let Some(id) = intervention else { return };
        let n = original.with_value(|o| o.name.clone());
        match ctx.edit(|s| s.delete_intervention(id).map(|_| ())) {
            Ok(()) => {
                ctx.say(text::staircase::deleted(&n));
                ctx.return_focus.set_value(Some(format!("step-{step}-add")));
                ctx.close_panel();
            }
            Err(e) => errors.set_one(FieldError::general(e)),
        }
    };
    // Saying what else loses its link to the intervention, before it goes (undo puts it back).
    let delete_question = intervention
        .and_then(|id| {
            ctx.app.read_untracked(|w| {
                let target =
                    std::collections::BTreeSet::from([crate::model::record::RecordRef::new(
                        crate::model::record::RecordKind::Intervention,
                        id,
                    )]);
                crate::model::delete::affected(w, &target)
                    .into_iter()
                    .filter(|(k, _)| *k != crate::model::record::RecordKind::Measurement)
                    .collect::<Vec<_>>()
            })
        })
        .map(|others| text::staircase::delete_intervention_question(&others))
        .unwrap_or_default();
    let datalist = |id: &'static str, values: Vec<String>| {
        view! { <datalist id=id>{values.into_iter().map(|v| view! { <option value=v></option> }).collect_view()}</datalist> }
    };

    view! {
        <div class="panel editor-panel wide" role="region" aria-labelledby="editor-heading">
            <h3 id="editor-heading" tabindex="-1">
                {if intervention.is_some() { text::staircase::edit_intervention(&original.with_value(|o| o.name.clone())) } else { text::staircase::NEW_INTERVENTION.to_string() }}
            </h3>
            <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form iv-form" on:submit=submit novalidate>
                <div class="form-columns">
                    <div>
                        <TextInput id="iv-name" label=crate::text::data::COL_NAME hint=crate::text::staircase::IV_NAME_HINT value=name error=name_error/>
                        <div class="form-group">
                            <label class="form-label" for="iv-step">{crate::text::colleague::STEP}</label>
                            <select id="iv-step" class="form-select"
                                on:change=move |ev| {
                                    if let Some(id) = parse_id(&event_target_value(&ev)) {
                                        target_step.set(id);
                                        position.set(slots.get_untracked().saturating_sub(1));
                                    }
                                }>
                                {steps.into_iter().map(|(sid, n)| view! { <option value=sid.to_string() selected=sid == step>{n}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for="iv-position">{text::staircase::IV_POSITION_LABEL}</label>
                            <span class="form-hint" id="iv-position-hint">{text::staircase::IV_POSITION_HINT}</span>
                            <select id="iv-position" class="form-select narrow" aria-describedby="iv-position-hint"
                                prop:value=move || position.get().to_string()
                                on:change=move |ev| { if let Ok(p) = event_target_value(&ev).parse::<usize>() { position.set(p) } }>
                                {move || (0..slots.get()).map(|i| view! {
                                    <option value=i.to_string() selected=move || position.get() == i>{text::staircase::position(i + 1)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <TextInput id="iv-description" label=crate::text::plan::L_DESCRIPTION value=description error=description_error
                            hint=crate::text::staircase::IV_DESCRIPTION_HINT multiline=true maxlength=limits::TEXT/>
                        <TextInput id="iv-legal" label=crate::text::staircase::IV_LEGAL hint=crate::text::staircase::IV_LEGAL_HINT value=legal error=legal_error list="iv-legal-list"/>
                        {datalist("iv-legal-list", bases)}
                        <TextInput id="iv-provider" label=crate::text::staircase::IV_PROVIDER hint=crate::text::staircase::IV_PROVIDER_HINT value=provider error=provider_error list="iv-provider-list"/>
                        {datalist("iv-provider-list", providers)}
                        <fieldset class="form-group">
                            <legend class="form-label">{text::staircase::IV_PROVIDER_KIND}</legend>
                            {[ProviderKind::Own, ProviderKind::External].into_iter().map(|k| {
                                let rid = format!("iv-kind-{}", if k == ProviderKind::Own { "own" } else { "external" });
                                view! {
                                    <div class="radio">
                                        <input type="radio" id=rid.clone() name="iv-provider-kind"
                                            prop:checked=move || provider_kind.get() == k on:change=move |_| provider_kind.set(k)/>
                                        <label for=rid>{text::provider_kind(k)}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    </div>
                    <div>
                        <fieldset class="form-group">
                            <legend class="form-label">{text::staircase::IV_AGES}</legend>
                            <span class="form-hint">{text::staircase::IV_AGES_HINT}</span>
                            {AgeGroup::ALL.into_iter().enumerate().map(|(i, a)| {
                                let cid = format!("iv-age-{i}");
                                view! {
                                    <div class="checkbox">
                                        <input type="checkbox" id=cid.clone()
                                            prop:checked=move || ages.with(|v| v.contains(&a))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                ages.update(|v| { v.retain(|x| *x != a); if on { v.push(a) } });
                                            }/>
                                        <label for=cid>{text::age_group(a)}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <div class="checkbox form-group">
                            <input type="checkbox" id="iv-referral" prop:checked=move || referral.get()
                                on:change=move |ev| referral.set(event_target_checked(&ev))/>
                            <label for="iv-referral">{text::staircase::IV_REFERRAL}</label>
                        </div>
                        <TextInput id="iv-method" label=crate::text::staircase::IV_METHOD hint=crate::text::staircase::IV_METHOD_HINT value=method error=method_error list="iv-method-list"/>
                        {datalist("iv-method-list", methods)}
                        <div class="form-pair">
                            <TextInput id="iv-cost" label=crate::text::staircase::IV_COST hint=crate::text::staircase::IV_COST_HINT value=cost error=cost_error numeric=true maxlength=limits::NUMBER/>
                            <div class="form-group" class:has-error=move || period_error.get().is_some()>
                                <label class="form-label" for="iv-period">{text::staircase::IV_PERIOD}</label>
                                <span class="form-hint" id="iv-period-hint">{text::staircase::IV_PERIOD_HINT}</span>
                                {move || period_error.get().map(|e| view! { <span class="form-error" id="iv-period-error">{e}</span> })}
                                <select id="iv-period" class="form-select narrow"
                                    aria-describedby=move || if period_error.get().is_some() { "iv-period-hint iv-period-error iv-yearly" } else { "iv-period-hint iv-yearly" }
                                    aria-invalid=move || period_error.get().is_some().to_string()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        period.set(PERIODS.iter().find(|(_, k)| *k == v).map(|(p, _)| *p));
                                        if period.get_untracked().is_some() { errors.set_at(StaircaseField::CostPeriod, None) }
                                    }>
                                    <option value="" selected=period.get_untracked().is_none()>{text::staircase::IV_CHOOSE_PERIOD}</option>
                                    {PERIODS.iter().map(|(p, k)| view! { <option value=*k selected=Some(*p) == period.get_untracked()>{text::cost_period(*p)}</option> }).collect_view()}
                                </select>
                            </div>
                        </div>
                        <p class="form-hint" id="iv-yearly" data-testid="iv-yearly" aria-live="polite">{move || {
                            let c = text::parse_kroner(&cost.get()).ok().flatten();
                            text::staircase::yearly_cost_line(c, period.get())
                        }}</p>
                        <TextInput id="iv-capacity" label=crate::text::staircase::IV_CAPACITY hint=crate::text::staircase::IV_CAPACITY_HINT value=capacity error=capacity_error numeric=true maxlength=limits::NUMBER/>
                        <div class="form-group">
                            <label class="form-label" for="iv-status">{crate::text::meetings::L_FILTER_STATUS}</label>
                            <select id="iv-status" class="form-select narrow"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if let Some((st, _)) = STATUSES.iter().find(|(_, k)| *k == v) { status.set(*st) }
                                }>
                                {STATUSES.iter().map(|(st, k)| view! { <option value=*k selected=*st == original.with_value(|o| o.status)>{text::intervention_status(*st)}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                </div>
                <ConflictChoices merge=merge/>
                {move || form_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button">{if intervention.is_some() { text::staircase::SAVE_INTERVENTION } else { text::staircase::ADD_THE_INTERVENTION }}</button>
                    <button type="button" class="button secondary" on:click=move |_| ctx.close_panel()>{crate::text::data::CANCEL}</button>
                    {intervention.map(|_| view! {
                        <button type="button" class="button secondary" on:click=duplicate>{text::staircase::DUPLICATE_INTERVENTION}</button>
                        <super::super::common::ConfirmButton label=text::staircase::DELETE_INTERVENTION.into() question=delete_question.clone()
                            confirm_label=text::staircase::YES_DELETE_INTERVENTION.into() danger=true on_confirm=Callback::new(move |_| delete())/>
                    })}
                </div>
            </form>
        </div>
    }
}
