//! Overblik: the municipality's key figures on one screen (staircase over the years, moves, caseload,
//! meetings, plan), the committee print page, and the workspace's name and description.

mod band_form;
mod figures;
mod print;
mod sections;
mod spend_chart;

mod colleague;
pub use colleague::ColleagueComparison;

use super::common::WithWorkspace;
use crate::app::{session, use_app, Part};
use crate::browser::address::at;
use crate::model::commands::Command;
use crate::model::merge::Setting;
use crate::model::validation::InfoField;
use crate::text::ui as t;
use crate::ui::common::{field_error, ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <WithWorkspace page=crate::text::ui::NAV_OVERVIEW>
            <OverviewBody/>
        </WithWorkspace>
    }
}

#[component]
fn OverviewBody() -> impl IntoView {
    let app = use_app();
    let data = figures::overview_data();
    let name = move || app.read(Part::Info, |w| w.name.clone()).unwrap_or_default();
    view! {
        <div class="overview-head">
            <div>
                <h1>{crate::text::overview::OVERVIEW_HEADING}{name}</h1>
                <p class="lead">{crate::text::overview::OVERVIEW_LEAD}</p>
            </div>
            <a class="button" href=at("/overblik/udskriv")>{crate::text::overview::PRINT_FOR_COMMITTEE}</a>
        </div>
        <sections::Summary data=data/>
        <sections::Notices data=data/>
        <sections::StaircaseSection data=data/>
        <sections::MovesSection data=data/>
        <sections::CaseloadSection data=data/>
        <sections::MeetingsSection data=data/>
        <sections::PlanSection data=data/>
        <ColleagueComparison/>
        <WorkspaceInfoForm/>
        <p><a href=at("/data")>{crate::text::overview::DATA_PAGE_LINK}</a></p>
    }
}

/// The committee page, with the workspace frame.
#[component]
pub fn OverviewPrintPage() -> impl IntoView {
    view! {
        <WithWorkspace page=crate::text::overview::PRINT_TITLE>
            <print::OverviewPrint/>
        </WithWorkspace>
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
    let errors = FormErrors::<InfoField>::new();
    let error = errors.at(InfoField::Name);
    let municipality_error = errors.at(InfoField::Municipality);
    let description_error = errors.at(InfoField::Description);
    // What the form opened with: a save keeps what another tab changed meanwhile.
    let merge = FormMerge::of("ws", &[], &[Setting::Info]);
    let touched = crate::ui::common::form_draft(crate::text::overview::WS_INFO);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let mine = Command::SetInfo {
            name: name.get_untracked(),
            municipality: municipality.get_untracked(),
            description: description.get_untracked(),
        };
        let Some(cmd) = merge.rebase(app, mine) else {
            return;
        };
        if let Command::SetInfo {
            name: n,
            municipality: m,
            description: d,
        } = &cmd
        {
            name.set(n.clone());
            municipality.set(m.clone());
            description.set(d.clone());
        }
        match session::dispatch(app, cmd) {
            Ok(()) => {
                merge.saved(&[], &[Setting::Info]);
                touched.saved();
                app.info(crate::text::plan::DETAILS_SAVED);
            }
            Err(e) => {
                let (field, message) = field_error(&e)
                    .map(|(f, m)| (InfoField::of_model_field(&f), m))
                    .unwrap_or_else(|| (InfoField::Name, t::command_error(&e)));
                errors.set_one(FieldError::at(field, message));
            }
        }
    };
    view! {
        <section aria-labelledby="ws-info">
            <h2 id="ws-info">{crate::text::overview::WS_INFO}</h2>
            <form class="form" on:submit=submit on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) novalidate>
                <TextInput id="ws-name" label=crate::text::data::COL_NAME value=name error=error/>
                <TextInput id="ws-municipality" label=crate::text::overview::WS_MUNICIPALITY value=municipality error=municipality_error/>
                <TextInput id="ws-description" label=crate::text::plan::L_DESCRIPTION value=description error=description_error
                    hint=crate::text::overview::WS_DESCRIPTION_HINT multiline=true rows="3" maxlength=limits::TEXT/>
                <ConflictChoices merge=merge/>
                <button type="submit" class="button">{crate::text::plan::SAVE_DETAILS}</button>
            </form>
        </section>
    }
}
