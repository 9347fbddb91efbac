//! The Leptos user interface. Components render state from `AppState` and call `app::session`; the domain
//! logic lives in `model`, texts in `text`. Shared pieces of form and page (fields, limits, file fields) are
//! in `kit`. The top layer: it may import every other module.
//!
//! Routes: each area is one `ParentRoute` (its shared state and frame) with one child `Route` per sub-view,
//! shown in the area's `<Outlet/>`. A path that no route matches, in any area, gets the not-found page.

pub mod common;
pub mod data;
pub mod example_notice;
pub mod kit;
pub mod layout;
pub mod linked_copy;
pub mod meetings;
pub mod merge;
pub mod overview;
pub mod plan;
pub mod privacy_check;
pub mod protect;
pub mod set_aside;
pub mod sheet_import;
pub mod staircase;
pub mod start;

use crate::app::AppState;
use crate::browser::address;
use crate::model::Id;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use leptos_router::path;

pub fn mount() {
    console_error_panic_hook::set_once();
    address::remember_folder();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    crate::app::boot(app);
    layout::install_shortcuts(app);
    layout::install_leave_guard(app);
    kit::text_limit::install(app);
    view! {
        <Router base=address::base()>
            <FileRoute/>
            <div class="app" class:workshop=move || app.workshop_mode.get()>
                <layout::Header/>
                <layout::Banners/>
                <main id="indhold" tabindex="-1">
                    <Routes fallback=|| view! { <common::NotFound/> }>
                        <Route path=path!("/") view=start::StartPage/>
                        <staircase::StaircaseRoutes/>
                        <meetings::MeetingsRoutes/>
                        <plan::PlanRoutes/>
                        <Route path=path!("/overblik") view=overview::OverviewPage/>
                        <Route path=path!("/overblik/udskriv") view=overview::OverviewPrintPage/>
                        <Route path=path!("/data") view=data::DataPage/>
                    </Routes>
                </main>
                <layout::Footer/>
            </div>
        </Router>
    }
}

/// Opened as a file, the route lives after `#` (see `browser::address`): go there at start, and again when
/// back/forward or an edited address changes it.
#[component]
fn FileRoute() -> impl IntoView {
    if address::is_file() {
        let navigate = leptos_router::hooks::use_navigate();
        let go = move |route: String| {
            let options = leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&route, options);
        };
        go(address::route_in_hash().unwrap_or_else(|| "/".to_string()));
        // A `#place` on the page (not a route) only scrolls; the route stays.
        let on_route = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(route) = address::route_in_hash() {
                go(route);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback(
                "trappe-route",
                wasm_bindgen::JsCast::unchecked_ref(on_route.as_ref()),
            );
        }
        // The listener lives as long as the page.
        on_route.forget();
    }
}

/// The `:id` of a record's route (`/netvaerksmoeder/:id`, `/handleplan/:id`).
#[derive(Params, Clone, Debug, PartialEq)]
struct RecordParams {
    id: Option<Id>,
}

/// The page for the record named by the route's `:id`, or the not-found page when that segment is no id.
/// A well-formed id that names no record is `page`'s to handle.
fn record_page<V: IntoView + 'static>(
    page: impl Fn(Id) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params::<RecordParams>();
    let id = Memo::new(move |_| params.get().ok().and_then(|p| p.id));
    move || match id.get() {
        Some(id) => Either::Left(page(id)),
        None => Either::Right(view! { <common::NotFound/> }),
    }
}
