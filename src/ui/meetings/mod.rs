//! Netværksmøder: the meeting log with search, filters and CSV export; the editor (new from a template,
//! edit, duplicate, delete); follow-up; statistics against the monthly targets; templates; settings; and
//! printable minutes. One route per sub-view under `/netvaerksmoeder`.

mod actions;
mod editor;
mod fields;
mod follow_up;
mod links;
mod list;
mod minutes;
mod participants;
mod plan_items;
mod settings;
mod stats;
mod templates;

use super::common::WithWorkspace;
use super::record_page;
use crate::browser::address::at;
use crate::model::{Id, Meeting, MeetingTemplate, Workspace};
use crate::text::meetings as txt;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

/// The area's root path.
pub(crate) const BASE: &str = "/netvaerksmoeder";

#[component(transparent)]
pub fn MeetingsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/netvaerksmoeder") view=MeetingsPage>
            <Route path=path!("") view=list::MeetingList/>
            <Route path=path!("opfoelgning") view=follow_up::FollowUpView/>
            <Route path=path!("statistik") view=stats::StatsView/>
            <Route path=path!("skabeloner") view=templates::TemplatesView/>
            <Route path=path!("indstillinger") view=settings::SettingsView/>
            <Route path=path!("ny") view=NewMeetingPage/>
            <Route path=path!("fra-regneark") view=SheetImportPage/>
            <Route path=path!(":id") view=|| record_page(|id| view! { <editor::EditMeeting id=id/> })/>
            <Route path=path!(":id/referat") view=|| record_page(|id| view! { <minutes::MinutesView id=id/> })/>
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn MeetingsPage() -> impl IntoView {
    view! {
        <WithWorkspace page=txt::AREA_TITLE>
            <Outlet/>
        </WithWorkspace>
    }
}

/// Meetings from a spreadsheet.
#[component]
fn SheetImportPage() -> impl IntoView {
    use crate::sheet_import::fields::Kind;
    view! {
        <AreaHeader title=crate::text::sheet_import::page_title(Kind::Meetings)/>
        <p class="lead">{crate::text::sheet_import::page_lead(Kind::Meetings)}</p>
        <crate::ui::sheet_import::SheetImport kind=Kind::Meetings/>
    }
}

/// A new meeting: from a template (`?skabelon=<id>`), as a copy (`?kopi=<id>`), or the template chooser.
/// A new query (a template picked in the chooser) starts a new draft.
#[component]
fn NewMeetingPage() -> impl IntoView {
    let query = use_query_map();
    let from = Memo::new(move |_| query.with(|q| (q.get("skabelon"), q.get("kopi"))));
    move || {
        let (template, copy) = from.get();
        view! { <editor::NewMeeting template=template copy=copy/> }
    }
}

/// The area's own navigation, with undo and redo for keyboard and mouse users alike.
#[component]
fn SubNav() -> impl IntoView {
    view! {
        <div class="meet-toolbar no-print">
            <crate::ui::kit::nav::SubNav class="meet-subnav" label=txt::SUBNAV_LABEL base=BASE links=&[
                ("", txt::SUBNAV_LIST),
                ("/opfoelgning", txt::SUBNAV_FOLLOW_UP),
                ("/statistik", txt::SUBNAV_STATS),
                ("/skabeloner", txt::SUBNAV_TEMPLATES),
                ("/indstillinger", txt::SUBNAV_SETTINGS),
            ]/>
            <crate::ui::kit::undo::UndoGroup class="meet-undo" button_class="button secondary small"/>
        </div>
    }
}

/// The page heading and sub-navigation every view starts with; also sets the document title.
#[component]
fn AreaHeader(#[prop(into)] title: String) -> impl IntoView {
    super::common::set_title(&title);
    view! {
        <h1 id="meet-title" tabindex="-1">{title}</h1>
        <SubNav/>
    }
}

#[component]
fn MeetingNotFound() -> impl IntoView {
    view! {
        <AreaHeader title=txt::NOT_FOUND_TITLE/>
        <div class="notice">
            <p>{txt::NOT_FOUND_TEXT}</p>
            <p><a href=at(BASE)>{txt::BACK_TO_LIST}</a></p>
        </div>
    }
}

/// Reads one meeting of the open workspace (a clone of that meeting only).
fn meeting_by_id(ws: &Workspace, id: Id) -> Option<Meeting> {
    ws.meetings.iter().find(|m| m.id == id).cloned()
}

/// The built-in templates, then the workspace's own.
fn all_templates(ws: &Workspace) -> Vec<MeetingTemplate> {
    let mut all = crate::model::templates::built_in_templates();
    all.extend(ws.meeting_templates.iter().cloned());
    all
}

use crate::ui::common::focus_later;

fn meeting_path(id: Id) -> String {
    format!("{BASE}/{id}")
}
