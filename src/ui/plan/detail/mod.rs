//! One initiative: its facts, a form for a new status or note, the history (with earlier wordings of edited
//! notes), the editor for its fields, and deletion. Also the page for a new initiative. This module draws
//! the page and its facts (worked out by `model::initiative_facts`, worded by `text::plan`); each form or
//! list it shows has its own file. They may import the plan area's shared pieces (`ui::plan`), the model,
//! `text::plan` and `ui::common`; the routes use only `NewInitiative` and `InitiativeDetail`.

mod form;
mod history;
mod status;

use form::InitiativeForm;
use history::History;
use status::StatusForm;

use super::{commit, today, with_plan, OverdueFlag, StaleFlag, StatusTag};
use crate::app::{use_app, Part};
use crate::browser::address::at;
use crate::model::initiative_facts::{indicators_of, initiative_facts};
use crate::model::plan_ops::{is_stale, shared_numbers};
use crate::model::{Id, InitiativeStatus};
use crate::text::plan as tp;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub(crate) fn NewInitiative() -> impl IntoView {
    let navigate = use_navigate();
    let on_saved = Callback::new(move |id: Id| {
        navigate(&format!("/handleplan/{id}"), NavigateOptions::default());
    });
    view! {
        <super::PlanHeading title=tp::PAGE_NEW>
            <p class="lead">{tp::NEW_LEAD}</p>
        </super::PlanHeading>
        <InitiativeForm existing=None on_saved=on_saved/>
    }
}

#[component]
pub(crate) fn InitiativeDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let exists =
        Memo::new(move |_| with_plan(app, |p| p.initiative(id).is_some()).unwrap_or(false));
    view! {
        <Show when=move || exists.get() fallback=|| view! {
            <super::PlanHeading title=tp::PAGE_NOT_FOUND/>
            <p>{tp::MAYBE_DELETED}<a href=at("/handleplan")>{tp::GO_TO_LIST}</a></p>
        }>
            <DetailBody id=id/>
        </Show>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Head {
    label: String,
    status: InitiativeStatus,
    overdue: bool,
    stale: bool,
    stale_days: u32,
    description: String,
    facts: Vec<(&'static str, String)>,
    indicators: Vec<(Id, String)>,
    history: usize,
    subs: usize,
    /// Other initiatives with the same number, by label (the data may already share one).
    same_number: Vec<String>,
}

#[component]
fn DetailBody(id: Id) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let day = today();
    let head = Memo::new(move |_| {
        app.read_parts(&[Part::Plan, Part::Staircase], |w| {
            let p = &w.plan;
            let i = p.initiative(id)?;
            let facts = initiative_facts(p, &w.staircase, i, day);
            let overdue = facts.state.is_overdue();
            let facts = tp::initiative_facts(&facts);
            let indicators = indicators_of(p, id);
            Some(Head {
                label: tp::initiative_label(&i.number, &i.title),
                status: i.status,
                overdue,
                stale: is_stale(i, day, p.stale_after_days),
                stale_days: p.stale_after_days,
                description: i.description.clone(),
                facts,
                indicators,
                history: i.history.len(),
                subs: p.sub_items(id).len(),
                same_number: shared_numbers(p, id)
                    .into_iter()
                    .filter_map(|o| p.initiative(o))
                    .map(|o| tp::initiative_label(&o.number, &o.title))
                    .collect(),
            })
        })
        .flatten()
    });
    let editing = RwSignal::new(false);
    let on_saved = Callback::new(move |_| {
        editing.set(false);
        app.info(tp::DETAILS_SAVED);
    });
    let delete_question = move || {
        head.with(|h| {
            h.as_ref()
                .map(|h| tp::delete_initiative_question(&h.label, h.history, h.subs))
                .unwrap_or_default()
        })
    };
    let on_delete = Callback::new(move |_| {
        if commit(app, |p| p.delete_initiative(id, true)).is_ok() {
            app.info(tp::INITIATIVE_DELETED);
            navigate("/handleplan", NavigateOptions::default());
        }
    });
    // The heading and the sub-navigation are drawn again only when the name changes, so a status change
    // (or its undo) leaves the focus where it was.
    let label = Memo::new(move |_| head.with(|h| h.as_ref().map(|h| h.label.clone())));
    view! {
        {move || label.get().map(|label| view! {
            <p class="plan-breadcrumb no-print"><a href=at("/handleplan")>{tp::PAGE_LIST}</a>" › "{label.clone()}</p>
            <h1>{label}</h1>
        })}
        <super::SubNav/>
        {move || head.get().map(|h| view! {
            <p class="plan-detail-status">
                <StatusTag status=h.status/>
                {h.overdue.then(|| view! { " " <OverdueFlag/> })}
                {h.stale.then(|| view! { " " <StaleFlag days=h.stale_days/> })}
            </p>
            {(!h.same_number.is_empty()).then(|| view! {
                <p class="notice no-print" data-testid="same-number">{tp::number_shared(&h.same_number)}</p>
            })}
            {(!h.description.is_empty()).then(|| view! { <p class="plan-description">{h.description.clone()}</p> })}
            <dl class="facts plan-facts">
                {h.facts.iter().map(|(k, v)| view! { <dt>{*k}</dt><dd>{v.clone()}</dd> }).collect_view()}
                {(!h.indicators.is_empty()).then(|| view! {
                    <dt>{tp::FACT_INDICATORS}</dt>
                    <dd>{h.indicators.iter().map(|(iid, name)| view! {
                        <a href=at(&format!("/handleplan/indikatorer#indikator-{iid}"))>{name.clone()}</a>" "
                    }).collect_view()}</dd>
                })}
            </dl>
        })}
        <div class="no-print">
            <button type="button" class="button secondary" aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|e| *e = !*e)>{tp::EDIT_DETAILS}</button>
        </div>
        <Show when=move || editing.get()>
            <section class="panel plan-edit" aria-labelledby="ini-edit-heading">
                <h2 id="ini-edit-heading">{tp::EDIT_DETAILS}</h2>
                <InitiativeForm existing=Some(id) on_saved=on_saved on_cancel=Callback::new(move |_| editing.set(false))/>
            </section>
        </Show>
        <div class="plan-detail-columns">
            <StatusForm id=id/>
            <History id=id/>
        </div>
        <section class="plan-danger no-print" aria-labelledby="ini-delete-heading">
            <h2 id="ini-delete-heading">{tp::DELETE_INITIATIVE}</h2>
            {move || view! {
                <super::super::common::ConfirmButton label=tp::DELETE_INITIATIVE.into() question=delete_question()
                    confirm_label=tp::DELETE_CONFIRM.into() danger=true on_confirm=on_delete/>
            }}
        </section>
    }
}
