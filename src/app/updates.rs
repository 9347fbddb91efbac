//! New versions of the app. The service worker (`public/sw.js`) serves the version it installed with; a
//! newer one installs beside it and waits. The page then shows "Ny version er klar", and only when the user
//! chooses (never while a form holds a draft) does it save, let the new worker take over and reload.
//! Opened as a file there is no service worker and nothing to update.

use super::{session, AppState};
use crate::browser::address;
use crate::text::ui as t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the server for a newer version (also whenever the tab is shown again).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

/// Registers the service worker for the app's folder and watches for a newer version.
pub fn start(app: AppState) {
    if address::is_file() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // Relative to the page's base: the worker lives in, and controls, the app's own folder.
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    let registering = container.register_with_options("sw.js", &options);
    spawn_local(async move {
        // No service worker (private mode, blocked, a browser that answers with nothing): the app
        // works, only not offline.
        let Ok(Ok(reg)) = wasm_bindgen_futures::JsFuture::from(registering)
            .await
            .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
        else {
            return;
        };
        watch(app, reg);
    });
}

fn has_controller() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().service_worker().controller())
        .is_some()
}

/// A worker that finished installing while an older one controls the page is a new version.
fn watch(app: AppState, reg: ServiceWorkerRegistration) {
    if reg.waiting().is_some() && has_controller() {
        app.update_ready.set(true);
    }
    let reg_found = reg.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = reg_found.installing() else {
            return;
        };
        let watched = worker.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if watched.state() == ServiceWorkerState::Installed && has_controller() {
                app.update_ready.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();

    // Long-open tabs ask again now and then, and when shown again.
    let reg_timer = reg.clone();
    let check = Closure::<dyn Fn()>::new(move || {
        let _ = reg_timer.update();
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            CHECK_EVERY_MS,
        );
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                check.as_ref().unchecked_ref(),
            );
        }
    }
    check.forget();
}

/// "Genindlæs nu": refused while a form holds a draft; otherwise saves, hands over to the new worker and
/// reloads when it has taken over.
pub fn apply(app: AppState) {
    if app
        .drafts
        .any_unsaved_untracked(app.open_id.get_untracked())
    {
        app.error(t::UPDATE_FINISH_FORM_FIRST);
        return;
    }
    spawn_local(async move {
        if session::is_dirty() {
            session::save_now(app).await;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        // No registration (removed meanwhile: `undefined`) or no waiting worker: a plain reload.
        let Ok(Ok(reg)) = wasm_bindgen_futures::JsFuture::from(container.get_registration())
            .await
            .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
        else {
            let _ = window.location().reload();
            return;
        };
        let Some(waiting) = reg.waiting() else {
            let _ = window.location().reload();
            return;
        };
        let reload = Closure::<dyn Fn()>::new(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    });
}
