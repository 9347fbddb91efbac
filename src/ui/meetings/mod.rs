//! Netværksmøder: the meeting log with search, filters and CSV export; the editor (new from a template,
//! edit, duplicate, delete); follow-up; statistics against the monthly targets; templates; settings; and
//! printable minutes. The sub-view comes from the path under `/netvaerksmoeder`.

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
use crate::app::{session, use_app};
use crate::model::{Id, Meeting, MeetingTemplate, Workspace};
use crate::text::meetings as txt;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_query_map};
use wasm_bindgen::JsCast;

/// The area's root path.
pub(crate) const BASE: &str = "/netvaerksmoeder";

#[derive(Clone, Debug, PartialEq)]
enum View {
    List,
    FollowUp,
    Stats,
    Templates,
    Settings,
    /// A new meeting: from a template (`?skabelon=<id>`), as a copy (`?kopi=<id>`), or the template chooser.
    New {
        template: Option<String>,
        copy: Option<String>,
    },
    Edit(Id),
    Minutes(Id),
    NotFound,
}

fn parse_view(path: &str, template: Option<String>, copy: Option<String>) -> View {
    let rest = path.strip_prefix(BASE).unwrap_or_default();
    let parts: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        [] => View::List,
        ["opfoelgning"] => View::FollowUp,
        ["statistik"] => View::Stats,
        ["skabeloner"] => View::Templates,
        ["indstillinger"] => View::Settings,
        ["ny"] => View::New { template, copy },
        [id] => id.parse().map(View::Edit).unwrap_or(View::NotFound),
        [id, "referat"] => id.parse().map(View::Minutes).unwrap_or(View::NotFound),
        _ => View::NotFound,
    }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! {
        <WithWorkspace page=txt::AREA_TITLE>
            <MeetingsArea/>
        </WithWorkspace>
    }
}

#[component]
fn MeetingsArea() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let current = Memo::new(move |_| {
        let q = query.get();
        parse_view(&location.pathname.get(), q.get("skabelon"), q.get("kopi"))
    });
    move || match current.get() {
        View::List => view! { <list::MeetingList/> }.into_any(),
        View::FollowUp => view! { <follow_up::FollowUpView/> }.into_any(),
        View::Stats => view! { <stats::StatsView/> }.into_any(),
        View::Templates => view! { <templates::TemplatesView/> }.into_any(),
        View::Settings => view! { <settings::SettingsView/> }.into_any(),
        View::New { template, copy } => {
            view! { <editor::NewMeeting template=template copy=copy/> }.into_any()
        }
        View::Edit(id) => view! { <editor::EditMeeting id=id/> }.into_any(),
        View::Minutes(id) => view! { <minutes::MinutesView id=id/> }.into_any(),
        View::NotFound => view! { <MeetingNotFound/> }.into_any(),
    }
}

/// The area's own navigation, with undo and redo for keyboard and mouse users alike.
#[component]
fn SubNav() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="meet-toolbar no-print">
            <nav class="meet-subnav" aria-label=txt::SUBNAV_LABEL>
                <ul>
                    <li><A href=BASE exact=true>{txt::SUBNAV_LIST}</A></li>
                    <li><A href=format!("{BASE}/opfoelgning") exact=true>{txt::SUBNAV_FOLLOW_UP}</A></li>
                    <li><A href=format!("{BASE}/statistik") exact=true>{txt::SUBNAV_STATS}</A></li>
                    <li><A href=format!("{BASE}/skabeloner") exact=true>{txt::SUBNAV_TEMPLATES}</A></li>
                    <li><A href=format!("{BASE}/indstillinger") exact=true>{txt::SUBNAV_SETTINGS}</A></li>
                </ul>
            </nav>
            <div class="meet-undo" role="group" aria-label=txt::UNDO_GROUP>
                <button type="button" class="button secondary small"
                    aria-disabled=move || (!app.can_undo.get()).to_string()
                    aria-keyshortcuts="Control+Z"
                    on:click=move |_| if app.can_undo.get_untracked() { session::undo(app) }>{txt::UNDO}</button>
                <button type="button" class="button secondary small"
                    aria-disabled=move || (!app.can_redo.get()).to_string()
                    aria-keyshortcuts="Control+Y"
                    on:click=move |_| if app.can_redo.get_untracked() { session::redo(app) }>{txt::REDO}</button>
            </div>
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
            <p><a href=BASE>{txt::BACK_TO_LIST}</a></p>
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

/// Moves keyboard focus to the element with this id once the view has updated.
fn focus_later(id: String) {
    set_timeout(
        move || {
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        std::time::Duration::from_millis(0),
    );
}

fn meeting_path(id: Id) -> String {
    format!("{BASE}/{id}")
}
