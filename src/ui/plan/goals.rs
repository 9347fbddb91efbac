//! Political goals, strategic tracks and the plan's settings (title, period, days before "stale").

use super::fields::Field;
use super::{commit, commit_form, with_plan, with_plan_untracked};
use crate::app::use_app;
use crate::model::merge::Setting;
use crate::model::plan_ops::{sorted_goals, sorted_tracks, PlanField};
use crate::model::record::RecordKind;
use crate::model::{ActionPlan, Goal, Id, Initiative, Track};
use crate::text::plan as tp;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::confirm::ConfirmButton;
use crate::ui::kit::errors::{FieldError, FormErrors, GeneralError};
use leptos::prelude::*;

#[component]
pub(crate) fn GoalsView() -> impl IntoView {
    view! {
        <super::PlanHeading title=tp::PAGE_GOALS/>
        <PlanSettings/>
        <KindSection kind=Kind::Goal/>
        <KindSection kind=Kind::Track/>
    }
}

#[component]
fn PlanSettings() -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::PLAN_SETTINGS_FORM);
    let app = use_app();
    let (t, p, d) = with_plan_untracked(app, |p| {
        (p.title.clone(), p.period.clone(), p.stale_after_days)
    })
    .unwrap_or_default();
    let title = RwSignal::new(t);
    let period = RwSignal::new(p);
    let days = RwSignal::new(d.to_string());
    let error = FormErrors::<PlanField>::new();
    let saved = RwSignal::new(String::new());
    let merge = FormMerge::of("plan-settings", &[], &[Setting::PlanInfo]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        saved.set(String::new());
        // Only reading the number is the form's job; its range, and the title's and period's lengths, are
        // the model's rules (`check_plan_info`), refused at `apply` and shown at their fields.
        let Ok(n) = days.get_untracked().trim().parse::<u32>() else {
            error.set_one(FieldError::at(PlanField::Value, tp::INVALID_DAYS));
            return;
        };
        let (t, p) = (title.get_untracked(), period.get_untracked());
        match commit_form(app, merge, |plan| {
            plan.title = t.trim().to_string();
            plan.period = p.trim().to_string();
            plan.stale_after_days = n;
            Ok(())
        }) {
            Ok(None) => {}
            Ok(Some(())) => {
                merge.saved(&[], &[Setting::PlanInfo]);
                touched.saved();
                saved.set(crate::text::meetings::RULES_SAVED.into())
            }
            Err(e) => error.put(e, &[PlanField::Title, PlanField::Period, PlanField::Value]),
        }
    };
    view! {
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{tp::PLAN_SETTINGS_HEADING}</h2>
            <form class="form" on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
                <Field id="plan-title" label=tp::L_PLAN_TITLE value=title field=PlanField::Title error=error/>
                <Field id="plan-period" label=crate::text::meetings::PERIOD_LABEL value=period field=PlanField::Period error=error hint=tp::H_PERIOD/>
                <Field id="plan-stale" label=tp::L_STALE_DAYS value=days
                    field=PlanField::Value error=error class="plan-narrow"
                    hint=tp::H_STALE_DAYS/>
                <GeneralError errors=error/>
                <ConflictChoices merge=merge/>
                <button type="submit" class="button">{tp::SAVE_SETTINGS}</button>
                <p role="status" class="plan-saved">{move || saved.get()}</p>
            </form>
        </section>
    }
}

/// Goals and tracks share this shape in the forms.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Goal,
    Track,
}

#[derive(Clone, Debug, PartialEq)]
struct Item {
    id: Id,
    number: String,
    title: String,
    description: String,
    success_criteria: String,
    updated_at: chrono::DateTime<chrono::Utc>,
    uses: usize,
}

/// The goals or the tracks of the plan, in order, each with the number of initiatives under it.
fn items(p: &ActionPlan, kind: Kind) -> Vec<Item> {
    let uses =
        |under: &dyn Fn(&Initiative) -> bool| p.initiatives.iter().filter(|i| under(i)).count();
    match kind {
        Kind::Goal => sorted_goals(p)
            .into_iter()
            .map(|g| Item {
                id: g.id,
                number: g.number.clone(),
                title: g.title.clone(),
                description: g.description.clone(),
                success_criteria: g.success_criteria.clone(),
                updated_at: g.updated_at,
                uses: uses(&|i| i.goal_id == Some(g.id)),
            })
            .collect(),
        Kind::Track => sorted_tracks(p)
            .into_iter()
            .map(|t| Item {
                id: t.id,
                number: t.number.clone(),
                title: t.title.clone(),
                description: t.description.clone(),
                success_criteria: String::new(),
                updated_at: t.updated_at,
                uses: uses(&|i| i.track_id == Some(t.id)),
            })
            .collect(),
    }
}

#[component]
fn KindSection(kind: Kind) -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| with_plan(app, |p| items(p, kind)).unwrap_or_default());
    view! { <ItemSection kind=kind items=items/> }
}

#[component]
fn ItemSection(kind: Kind, items: Memo<Vec<Item>>) -> impl IntoView {
    let adding = RwSignal::new(false);
    let (heading, add_label, hid) = match kind {
        Kind::Goal => (tp::GOALS_HEADING, tp::NEW_GOAL, "goals-heading"),
        Kind::Track => (tp::TRACKS_HEADING, tp::NEW_TRACK, "tracks-heading"),
    };
    view! {
        <section aria-labelledby=hid>
            <h2 id=hid>{heading}</h2>
            <Show when=move || items.with(|i| !i.is_empty()) fallback=|| view! { <p>{tp::NONE_YET}</p> }>
                <ul class="plan-items">
                    // Keyed by id alone: a save elsewhere redraws the row's text, never its open form.
                    <For each=move || items.get() key=|i| i.id let:i>
                        <ItemRow kind=kind id=i.id items=items/>
                    </For>
                </ul>
            </Show>
            <button type="button" class="button secondary" aria-expanded=move || adding.get().to_string()
                on:click=move |_| adding.update(|a| *a = !*a)>{add_label}</button>
            <Show when=move || adding.get()>
                <div class="panel">
                    <ItemForm kind=kind existing=None done=Callback::new(move |_| adding.set(false))/>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ItemRow(kind: Kind, id: Id, items: Memo<Vec<Item>>) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let item = Memo::new(move |_| items.with(|l| l.iter().find(|i| i.id == id).cloned()));
    let label = move || {
        item.with(|i| {
            i.as_ref()
                .map(|item| {
                    if item.number.is_empty() {
                        item.title.clone()
                    } else {
                        format!("{}. {}", item.number.trim_end_matches('.'), item.title)
                    }
                })
                .unwrap_or_default()
        })
    };
    view! {
        <li class="plan-item">
            {move || item.get().map(|item| {
                let label = label();
                let question = match (kind, item.uses) {
                    (_, 0) => tp::DELETE_UNUSED_QUESTION.to_string(),
                    (Kind::Goal, n) => tp::delete_goal_question(n),
                    (Kind::Track, n) => tp::delete_track_question(n),
                };
                view! {
                    <h3>{label.clone()}</h3>
                    {(!item.description.is_empty()).then(|| view! { <p>{item.description.clone()}</p> })}
                    {(!item.success_criteria.is_empty()).then(|| view! { <p><strong>{tp::SUCCESS_CRITERIA_LEAD}</strong>{item.success_criteria.clone()}</p> })}
                    <p class="muted">{tp::initiatives_count(item.uses)}</p>
                    <div class="button-row">
                        <button type="button" class="button secondary plan-small" aria-expanded=move || editing.get().to_string()
                            on:click=move |_| editing.update(|e| *e = !*e)>{crate::text::staircase::EDIT}<span class="visually-hidden">{format!(" {label}")}</span></button>
                        <ConfirmButton label=tp::DELETE.into() danger=true size="plan-small" confirm_label=crate::text::ui::YES_DELETE.into() name=item.title.clone() question=question
                            on_confirm=Callback::new(move |_| {
                                let _ = match kind {
                                    Kind::Goal => commit(app, |p| p.delete_goal(id).map(|_| ())),
                                    Kind::Track => commit(app, |p| p.delete_track(id).map(|_| ())),
                                };
                            })/>
                    </div>
                }
            })}
            <Show when=move || editing.get()>
                <div class="panel">
                    <ItemForm kind=kind existing=Some(id) done=Callback::new(move |_| editing.set(false))/>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn ItemForm(kind: Kind, existing: Option<Id>, done: Callback<()>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::GOAL_TRACK_FORM);
    let app = use_app();
    let (n, t, d, s) = existing
        .and_then(|id| {
            with_plan_untracked(app, |p| match kind {
                Kind::Goal => p.goal(id).map(|g| {
                    (
                        g.number.clone(),
                        g.title.clone(),
                        g.description.clone(),
                        g.success_criteria.clone(),
                    )
                }),
                Kind::Track => p.track(id).map(|t| {
                    (
                        t.number.clone(),
                        t.title.clone(),
                        t.description.clone(),
                        String::new(),
                    )
                }),
            })
            .flatten()
        })
        .unwrap_or_default();
    let number = RwSignal::new(n);
    let title = RwSignal::new(t);
    let description = RwSignal::new(d);
    let criteria = RwSignal::new(s);
    let error = FormErrors::<PlanField>::new();
    let merge = match kind {
        Kind::Goal => FormMerge::of_record("maal", RecordKind::Goal, existing),
        Kind::Track => FormMerge::of_record("spor", RecordKind::Track, existing),
    };
    let p = format!(
        "{}-{}",
        if kind == Kind::Goal { "maal" } else { "spor" },
        existing
            .map(|i| i.to_string())
            .unwrap_or_else(|| "ny".into())
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        let result = commit_form(app, merge, |plan| match (kind, existing) {
            (Kind::Goal, Some(id)) => {
                let old = plan.goal(id).cloned().unwrap_or_default();
                plan.update_goal(Goal {
                    id,
                    number: number.get_untracked(),
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    success_criteria: criteria.get_untracked(),
                    ..old
                })
            }
            (Kind::Goal, None) => plan
                .add_goal(Goal {
                    number: number.get_untracked(),
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    success_criteria: criteria.get_untracked(),
                    ..Goal::default()
                })
                .map(|_| ()),
            (Kind::Track, Some(id)) => {
                let old = plan.track(id).cloned().unwrap_or_default();
                plan.update_track(Track {
                    id,
                    number: number.get_untracked(),
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    ..old
                })
            }
            (Kind::Track, None) => plan
                .add_track(Track {
                    number: number.get_untracked(),
                    title: title.get_untracked(),
                    description: description.get_untracked(),
                    ..Track::default()
                })
                .map(|_| ()),
        });
        match result {
            Ok(Some(())) => done.run(()),
            Ok(None) => {}
            Err(e) => error.put(
                e,
                &[
                    PlanField::Number,
                    PlanField::Title,
                    PlanField::Description,
                    PlanField::SuccessCriteria,
                ],
            ),
        }
    };
    view! {
        <form class="form" on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
            <div class="plan-form-row">
                <Field id=format!("{p}-number") label=tp::L_NUMBER value=number field=PlanField::Number error=error class="plan-narrow"/>
                <Field id=format!("{p}-title") label=tp::L_TITLE value=title field=PlanField::Title error=error required=true/>
            </div>
            <Field id=format!("{p}-description") label=tp::L_DESCRIPTION multiline=true value=description field=PlanField::Description error=error/>
            {(kind == Kind::Goal).then(|| view! {
                <Field id=format!("{p}-criteria") label=tp::L_SUCCESS_CRITERIA multiline=true value=criteria field=PlanField::SuccessCriteria error=error
                    hint=tp::H_SUCCESS_CRITERIA/>
            })}
            <GeneralError errors=error/>
            <ConflictChoices merge=merge/>
            <div class="button-row">
                <button type="submit" class="button">{tp::SAVE}</button>
                <button type="button" class="button secondary" on:click=move |_| done.run(())>{tp::CANCEL}</button>
            </div>
        </form>
    }
}
