//! The follow-up cadence and the monthly targets per meeting type (FollowUpRules).

use super::fields::described_by;
use super::{focus_later, AreaHeader};
use crate::app::{session, use_app, Part};
use crate::model::commands::Command;
use crate::model::follow_up::{check_rules, RuleField};
use crate::model::meeting_query::{type_from_key, type_key, type_options};
use crate::model::merge::Setting;
use crate::model::validation::Problem;
use crate::model::{FollowUpRules, MeetingType, MonthlyTarget};
use crate::text::{self, meetings as txt};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

/// A target as typed: numbers stay text until saved, so a half-typed value is never lost.
#[derive(Clone, Debug, PartialEq)]
struct TargetRow {
    key: u32,
    type_key: String,
    min: String,
    max: String,
}

/// A field of the form: the cadence's four numbers, and each target row's (by its key) three fields.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RulesField {
    FirstWithin,
    PlacementPerYear,
    PreventivePerYear,
    DueSoon,
    TargetType(u32),
    TargetMin(u32),
    TargetMax(u32),
}

impl RulesField {
    /// The form field of a field the model's rules name; a target by its row's key.
    fn of(field: RuleField, keys: &[u32]) -> Option<RulesField> {
        Some(match field {
            RuleField::FirstWithin => RulesField::FirstWithin,
            RuleField::PlacementPerYear => RulesField::PlacementPerYear,
            RuleField::PreventivePerYear => RulesField::PreventivePerYear,
            RuleField::DueSoon => RulesField::DueSoon,
            RuleField::TargetType(i) => RulesField::TargetType(*keys.get(i)?),
            RuleField::TargetMin(i) => RulesField::TargetMin(*keys.get(i)?),
            RuleField::TargetMax(i) => RulesField::TargetMax(*keys.get(i)?),
        })
    }

    /// The field's element id.
    fn id(self) -> String {
        match self {
            RulesField::FirstWithin => "r-first".into(),
            RulesField::PlacementPerYear => "r-placement".into(),
            RulesField::PreventivePerYear => "r-preventive".into(),
            RulesField::DueSoon => "r-soon".into(),
            RulesField::TargetType(key) => format!("t-{key}-type"),
            RulesField::TargetMin(key) => format!("t-{key}-min"),
            RulesField::TargetMax(key) => format!("t-{key}-max"),
        }
    }
}

type Errors = FormErrors<RulesField>;

#[component]
pub fn SettingsView() -> impl IntoView {
    let app = use_app();
    let rules = app
        .read_untracked(|w| w.follow_up.clone())
        .unwrap_or_default();
    let first = RwSignal::new(rules.first_within_months.to_string());
    let placement = RwSignal::new(rules.placement_per_year.to_string());
    let preventive = RwSignal::new(rules.preventive_per_year.to_string());
    let soon = RwSignal::new(rules.due_soon_days.to_string());
    let next_key = StoredValue::new(rules.monthly_targets.len() as u32);
    let targets = RwSignal::new(
        rules
            .monthly_targets
            .iter()
            .enumerate()
            .map(|(i, t)| TargetRow {
                key: i as u32,
                type_key: type_key(&t.meeting_type),
                min: t.min.to_string(),
                max: t.max.to_string(),
            })
            .collect::<Vec<_>>(),
    );
    let errors = Errors::new();
    let types = Memo::new(move |_| {
        app.read_parts(&[Part::Meetings, Part::Templates], |w| {
            type_options(&w.meetings, &w.meeting_templates)
        })
        .unwrap_or_default()
    });

    let touched = crate::ui::common::form_draft(txt::SETTINGS_TITLE);
    // The rules as the form opened them: a save keeps what another tab changed meanwhile.
    let merge = FormMerge::of("rules", &[], &[Setting::FollowUp]);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Reading a whole number is the form's; what numbers the rules may hold is the model's
        // (`follow_up::check_rules`). A number that cannot be read stands in as one past any range, so the
        // model says its range at the field.
        let mut unread: Vec<RuleField> = Vec::new();
        let mut num = |field: RuleField, v: String| -> u32 {
            v.trim().parse::<u32>().unwrap_or_else(|_| {
                unread.push(field);
                u32::MAX
            })
        };
        let mut new_rules = FollowUpRules {
            first_within_months: num(RuleField::FirstWithin, first.get_untracked()),
            placement_per_year: num(RuleField::PlacementPerYear, placement.get_untracked()),
            preventive_per_year: num(RuleField::PreventivePerYear, preventive.get_untracked()),
            due_soon_days: num(RuleField::DueSoon, soon.get_untracked()),
            monthly_targets: Vec::new(),
            // Set on Overblik, not here: kept as it is at the moment of saving.
            caseload_band: app.read_untracked(|w| w.follow_up.caseload_band).flatten(),
        };
        for (i, row) in targets.get_untracked().into_iter().enumerate() {
            let t = MonthlyTarget {
                meeting_type: type_from_key(&row.type_key)
                    .unwrap_or(MeetingType::FamilyGroupConference),
                min: num(RuleField::TargetMin(i), row.min),
                max: num(RuleField::TargetMax(i), row.max),
            };
            new_rules.monthly_targets.push(t);
        }
        let keys: Vec<u32> = targets.with_untracked(|t| t.iter().map(|r| r.key).collect());
        let found: Vec<FieldError<RulesField>> = check_rules(&new_rules)
            .into_iter()
            .filter(|(field, problem)| {
                // A band around a number that could not be read is not said to be the wrong way round.
                !(*problem == Problem::MinAboveMax
                    && matches!(field, RuleField::TargetMax(i)
                        if unread.contains(&RuleField::TargetMin(*i)) || unread.contains(field)))
            })
            .filter_map(|(field, problem)| {
                let message = match problem {
                    Problem::OutOfRange { min, max } => txt::number_error(min, max),
                    Problem::MinAboveMax => txt::MIN_ABOVE_MAX.into(),
                    Problem::Duplicate => txt::DUPLICATE_TARGET.into(),
                    other => text::ui::field_problem(&other),
                };
                Some(FieldError::at(RulesField::of(field, &keys)?, message))
            })
            .collect();
        if let Some(first) = found.first().and_then(|e| e.field) {
            focus_later(first.id());
            errors.set_all(found);
            return;
        }
        errors.clear();
        let Some(cmd) = merge.rebase(app, Command::SetFollowUp { rules: new_rules }) else {
            return;
        };
        match session::dispatch(app, cmd) {
            Ok(()) => {
                merge.saved(&[], &[Setting::FollowUp]);
                touched.saved();
                app.info(txt::RULES_SAVED)
            }
            Err(e) => app.error(crate::text::ui::command_error(&e)),
        }
    };
    let add_target = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        targets.update(|t| {
            t.push(TargetRow {
                key,
                type_key: type_key(&MeetingType::FamilyGroupConference),
                min: "0".into(),
                max: "10".into(),
            })
        });
        focus_later(RulesField::TargetType(key).id());
    };

    view! {
        <AreaHeader title=txt::SETTINGS_TITLE/>
        <p class="lead">{txt::SETTINGS_LEAD}</p>
        <form class="form meet-settings" novalidate on:submit=save on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev)>
            <fieldset class="meet-section">
                <legend><h2>{txt::SECTION_CADENCE}</h2></legend>
                <NumberField field=RulesField::FirstWithin label=txt::L_FIRST_WITHIN hint=txt::H_FIRST_WITHIN value=first errors=errors unit=txt::UNIT_MONTHS/>
                <NumberField field=RulesField::PlacementPerYear label=txt::L_PLACEMENT_PER_YEAR hint=txt::H_PLACEMENT_PER_YEAR value=placement errors=errors unit=txt::UNIT_PER_YEAR/>
                <NumberField field=RulesField::PreventivePerYear label=txt::L_PREVENTIVE_PER_YEAR hint=txt::H_PREVENTIVE_PER_YEAR value=preventive errors=errors unit=txt::UNIT_PER_YEAR/>
                <NumberField field=RulesField::DueSoon label=txt::L_DUE_SOON hint=txt::H_DUE_SOON value=soon errors=errors unit=txt::UNIT_DAYS/>
            </fieldset>
            <fieldset class="meet-section">
                <legend><h2>{txt::SECTION_TARGETS}</h2></legend>
                <p class="form-hint">{txt::H_TARGETS}</p>
                <ol class="meet-rows">
                    <For each=move || targets.get() key=|r| r.key let:row>
                        <TargetRowView row_key=row.key targets=targets errors=errors types=types/>
                    </For>
                </ol>
                <button type="button" class="button secondary" id="t-add" on:click=add_target>{txt::ADD_TARGET}</button>
            </fieldset>
            <ConflictChoices merge=merge/>
            <div class="form-actions">
                <button type="submit" class="button">{txt::SAVE_RULES}</button>
            </div>
        </form>
    }
}

#[component]
fn NumberField(
    field: RulesField,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    errors: Errors,
    unit: &'static str,
) -> impl IntoView {
    let id = field.id();
    let error = errors.at(field);
    view! {
        <div class="form-group" class:has-error=move || error.get().is_some()>
            <label class="form-label" for=id.clone()>{label}</label>
            <span class="form-hint" id=format!("{id}-hint")>{hint}</span>
            {let id = id.clone(); move || error.get().map(|e| view! { <span class="form-error" id=format!("{id}-error")>{e}</span> })}
            <span class="number-with-unit">
                <input maxlength=limits::NUMBER id=id.clone() class="form-input number-input" type="text" inputmode="numeric"
                    aria-describedby=move || described_by(&id, true, error.get().is_some())
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                <span class="unit" aria-hidden="true">{unit}</span>
            </span>
        </div>
    }
}

#[component]
fn TargetRowView(
    row_key: u32,
    targets: RwSignal<Vec<TargetRow>>,
    errors: Errors,
    types: Memo<Vec<MeetingType>>,
) -> impl IntoView {
    let row = Memo::new(move |_| {
        targets.with(|t| {
            t.iter()
                .position(|r| r.key == row_key)
                .map(|i| (i, t[i].clone()))
        })
    });
    let number = move || row.get().map_or(0, |(i, _)| i + 1);
    let edit = move |f: &dyn Fn(&mut TargetRow)| {
        targets.update(|t| {
            if let Some(r) = t.iter_mut().find(|r| r.key == row_key) {
                f(r);
            }
        })
    };
    let type_id = RulesField::TargetType(row_key).id();
    let min_id = RulesField::TargetMin(row_key).id();
    let max_id = RulesField::TargetMax(row_key).id();
    let type_err = errors.at(RulesField::TargetType(row_key));
    let min_err = errors.at(RulesField::TargetMin(row_key));
    let max_err = errors.at(RulesField::TargetMax(row_key));
    let selected = move || row.get().map(|(_, r)| r.type_key).unwrap_or_default();
    let tid = type_id.clone();
    view! {
        <li class="meet-row">
            <fieldset class="meet-row-fields">
                <legend class="meet-row-legend">{move || txt::target_legend(number())}</legend>
                <div class="form-group" class:has-error=move || type_err.get().is_some()>
                    <label class="form-label" for=type_id.clone()>{txt::L_TARGET_TYPE}</label>
                    {move || type_err.get().map(|e| view! { <span class="form-error" id=format!("{tid}-error")>{e}</span> })}
                    <select id=type_id.clone() class="form-select"
                        aria-describedby={let id = type_id.clone(); move || described_by(&id, false, type_err.get().is_some())}
                        prop:value=selected
                        on:change=move |ev| { let v = event_target_value(&ev); edit(&|r| r.type_key = v.clone()) }>
                        {move || types.get().into_iter().map(|t| {
                            let k = type_key(&t);
                            let k2 = k.clone();
                            view! { <option value=k selected=move || selected() == k2>{text::meeting_type(&t)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <ChangeInput id=min_id label=txt::L_TARGET_MIN maxlength=limits::NUMBER numeric=true input_class="number-input" live=true error=min_err
                    value=Signal::derive(move || row.get().map(|(_, r)| r.min).unwrap_or_default())
                    on_change=Callback::new(move |v: String| edit(&|r| r.min = v.clone()))/>
                <ChangeInput id=max_id label=txt::L_TARGET_MAX maxlength=limits::NUMBER numeric=true input_class="number-input" live=true error=max_err
                    value=Signal::derive(move || row.get().map(|(_, r)| r.max).unwrap_or_default())
                    on_change=Callback::new(move |v: String| edit(&|r| r.max = v.clone()))/>
                <button type="button" class="button secondary small row-remove" on:click=move |_| {
                    targets.update(|t| t.retain(|r| r.key != row_key));
                    focus_later("t-add".into());
                }>{move || txt::remove_target(number())}</button>
            </fieldset>
        </li>
    }
}
