//! Handleplan: goals, tracks and numbered initiatives with a dated status history; a list grouped by goal
//! and track, a board by status, a timeline, indicators, the committee report and CSV export.
//!
//! One route per sub-view under /handleplan/…; every edit clones the plan, changes it through `plan_ops` and
//! dispatches the delta, so undo, redo and saving work the same everywhere.

mod board;
mod detail;
mod fields;
mod goals;
mod indicators;
mod list;
mod report;
mod timeline;

use super::common::{FormMerge, WithWorkspace};
use super::record_page;
use crate::app::AppState;
use crate::model::field_path::FieldPath;
use crate::model::plan_ops::{PlanError, PlanField, PlanFilter};
use crate::model::{ActionPlan, Id, InitiativeStatus};
use crate::storage::settings;
use crate::text::{self, plan as tp};
use crate::ui::kit::errors::{FieldError, FormRule};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;
use std::cell::RefCell;
use std::collections::HashMap;

const AUTHOR_KEY: &str = "plan_author";

thread_local! {
    // Shared by the list and the board, and kept while the user moves between the sub-views: one per
    // workspace, so a filter set in one workspace does not hide initiatives in the next.
    static FILTERS: RefCell<HashMap<Id, ArcRwSignal<PlanFilter>>> = RefCell::default();
    static AUTHOR: ArcRwSignal<String> =
        ArcRwSignal::new(settings::get::<String>(AUTHOR_KEY).unwrap_or_default());
}

/// The open workspace's filter. Read when a view is built: views are built anew for each workspace opened
/// (`WithWorkspace`).
pub(crate) fn filter_signal() -> RwSignal<PlanFilter> {
    let id = crate::app::use_app()
        .open_id
        .get_untracked()
        .unwrap_or_default();
    FILTERS.with(|f| RwSignal::from(f.borrow_mut().entry(id).or_default().clone()))
}

/// The name written on history entries; remembered in this browser.
pub(crate) fn author_signal() -> RwSignal<String> {
    AUTHOR.with(|a| RwSignal::from(a.clone()))
}

pub(crate) fn remember_author(name: &str) {
    settings::set(AUTHOR_KEY, &name.trim().to_string());
}

/// A refused plan operation, said at its field where the form shows it.
impl FormRule for PlanError {
    type Field = PlanField;
    fn error(self) -> FieldError<PlanField> {
        FieldError {
            field: self.field(),
            message: tp::plan_error(&self),
        }
    }
    fn field_of(model_field: &FieldPath) -> Option<PlanField> {
        PlanField::of_model_field(model_field)
    }
}

/// Reads the open plan (tracked).
pub(crate) fn with_plan<T>(app: AppState, f: impl FnOnce(&ActionPlan) -> T) -> Option<T> {
    app.read(crate::app::Part::Plan, |w| f(&w.plan))
}

pub(crate) fn with_plan_untracked<T>(app: AppState, f: impl FnOnce(&ActionPlan) -> T) -> Option<T> {
    app.read_untracked(|w| f(&w.plan))
}

/// One undoable edit of the plan (`kit::edit::edit`); nothing changes on error.
pub(crate) fn commit<T>(
    app: AppState,
    f: impl FnOnce(&mut ActionPlan) -> Result<T, PlanError>,
) -> Result<T, FieldError<PlanField>> {
    crate::ui::kit::edit::edit(app, f)
}

/// A form's edit of the plan (`kit::edit::edit_form`).
pub(crate) fn commit_form<T>(
    app: AppState,
    merge: FormMerge,
    f: impl FnOnce(&mut ActionPlan) -> Result<T, PlanError>,
) -> Result<Option<T>, FieldError<PlanField>> {
    crate::ui::kit::edit::edit_form(app, merge, f)
}

#[component(transparent)]
pub fn PlanRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/handleplan") view=PlanPage>
            <Route path=path!("") view=list::ListView/>
            <Route path=path!("tavle") view=board::BoardView/>
            <Route path=path!("tidslinje") view=timeline::TimelineView/>
            <Route path=path!("indikatorer") view=indicators::IndicatorsView/>
            <Route path=path!("rapport") view=report::ReportView/>
            <Route path=path!("maal") view=goals::GoalsView/>
            <Route path=path!("ny") view=detail::NewInitiative/>
            <Route path=path!("fra-regneark") view=SheetImportPage/>
            <Route path=path!(":id") view=|| record_page(|id| view! { <detail::InitiativeDetail id=id/> })/>
        </ParentRoute>
    }
    .into_inner()
}

/// Initiatives from a spreadsheet.
#[component]
fn SheetImportPage() -> impl IntoView {
    use crate::sheet_import::fields::Kind;
    let title = crate::text::sheet_import::page_title(Kind::Initiatives);
    crate::ui::common::set_title(title);
    view! {
        <PlanHeading title=title>
            <p class="lead">{crate::text::sheet_import::page_lead(Kind::Initiatives)}</p>
        </PlanHeading>
        <crate::ui::sheet_import::SheetImport kind=Kind::Initiatives/>
    }
}

#[component]
fn PlanPage() -> impl IntoView {
    view! {
        <WithWorkspace page=tp::PAGE_LIST>
            <div class="plan-area">
                <Outlet/>
            </div>
        </WithWorkspace>
    }
}

/// The page heading, anything that belongs right under it (`children`), then the sub-navigation: every
/// view of the area starts like this, as the other areas do.
#[component]
pub(crate) fn PlanHeading(
    #[prop(into)] title: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        {children.map(|c| c())}
        <SubNav/>
    }
}

/// The area's tabs, with undo and redo beside them.
#[component]
pub(crate) fn SubNav() -> impl IntoView {
    view! {
        <div class="plan-tabs-bar no-print">
            <crate::ui::kit::nav::SubNav class="plan-tabs" label=tp::SUBNAV_LABEL base="/handleplan" links=&[
                ("", tp::TAB_LIST),
                ("/tavle", tp::TAB_BOARD),
                ("/tidslinje", tp::TAB_TIMELINE),
                ("/indikatorer", tp::TAB_INDICATORS),
                ("/rapport", tp::TAB_REPORT),
                ("/maal", tp::TAB_GOALS),
            ]/>
            <crate::ui::kit::undo::UndoGroup class="plan-undo" button_class="button secondary plan-small"/>
        </div>
    }
}

/// A status with its symbol and text: never colour alone.
#[component]
pub(crate) fn StatusTag(status: InitiativeStatus) -> impl IntoView {
    view! {
        <span class=format!("plan-status {}", tp::status_class(status))>
            <span class="plan-status-icon" aria-hidden="true">{tp::status_icon(status)}</span>
            {text::initiative_status(status)}
        </span>
    }
}

/// The stale flag: an icon and a sentence.
#[component]
pub(crate) fn StaleFlag(days: u32) -> impl IntoView {
    view! {
        <span class="plan-stale">
            <svg class="plan-stale-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6"></circle>
                <path d="M8 4.2V8.3L10.8 10" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"></path>
            </svg>
            {tp::stale(days)}
        </span>
    }
}

/// Text that may wrap after a slash ("udslusningsboliger/egne værelser") as it may after a hyphen; browsers
/// do not break there on their own, and a long pair would otherwise be cut inside a word.
pub(crate) fn wrap_after_slash(text: &str) -> impl IntoView {
    let parts: Vec<String> = text.split_inclusive('/').map(str::to_string).collect();
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {part}{(i < last).then(|| view! { <wbr/> })} })
        .collect_view()
}

/// The overdue flag: a symbol and the one wording, wherever an initiative is past its deadline and not
/// finished (see `model::plan_deadline`).
#[component]
pub(crate) fn OverdueFlag() -> impl IntoView {
    view! {
        <span class="plan-overdue">
            <span class="plan-overdue-icon" aria-hidden="true">"!"</span>
            {tp::OVERDUE}
        </span>
    }
}

pub(crate) fn today() -> chrono::NaiveDate {
    crate::ui::common::workspace_today()
}

pub(crate) fn date_input_value(d: Option<chrono::NaiveDate>) -> String {
    crate::model::dates::date_field(d)
}

pub(crate) use crate::ui::common::focus_later;
