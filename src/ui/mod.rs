//! The Leptos user interface. Components render state from `AppState` and call `app::session`; the domain
//! logic lives in `model`, texts in `text`.

pub mod common;
pub mod data;
pub mod layout;
pub mod meetings;
pub mod overview;
pub mod plan;
pub mod staircase;
pub mod start;

use crate::app::{session, AppState};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    session::boot(app);
    layout::install_shortcuts(app);
    view! {
        <Router>
            <div class="app" class:workshop=move || app.workshop_mode.get()>
                <layout::Header/>
                <layout::Banners/>
                <main id="indhold" tabindex="-1">
                    <Routes fallback=|| view! { <common::NotFound/> }>
                        <Route path=path!("/") view=start::StartPage/>
                        <Route path=path!("/trappe") view=staircase::StaircasePage/>
                        <Route path=path!("/trappe/*any") view=staircase::StaircasePage/>
                        <Route path=path!("/netvaerksmoeder") view=meetings::MeetingsPage/>
                        <Route path=path!("/netvaerksmoeder/*any") view=meetings::MeetingsPage/>
                        <Route path=path!("/handleplan") view=plan::PlanPage/>
                        <Route path=path!("/handleplan/*any") view=plan::PlanPage/>
                        <Route path=path!("/overblik") view=overview::OverviewPage/>
                        <Route path=path!("/data") view=data::DataPage/>
                    </Routes>
                </main>
                <layout::Footer/>
            </div>
        </Router>
    }
}
