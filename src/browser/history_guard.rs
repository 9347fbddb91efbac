//! Back and forward with an unsaved form ask first, as the app's links do.
//!
//! The router (leptos_router 0.8) has no hook to refuse a navigation, and the browser's `popstate` comes
//! after the address has changed. So every history entry the app makes carries its place in the tab's
//! history (`trappeIndex` in `history.state`, added by wrapping `history.pushState` and `replaceState`),
//! and a capture-phase listener, installed before the router mounts, sees each back and forward first.
//! When the route changes and `may_leave` says no, the event never reaches the router, and the browser is
//! sent back the same number of steps: the address, the form and its text stay as they were.
//!
//! Opened as a file, the route lives after `#` (see `address`): a step the app follows goes to it as a
//! `trappe-route` event (see `ui::FileRoute`), never to the router, which knows paths only. A step between
//! two entries fires `hashchange` after `popstate`: the first event decides, and the second then finds the
//! route unchanged.

use super::address;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const INDEX_KEY: &str = "trappeIndex";

thread_local! {
    /// The place in the tab's history of the entry the app shows.
    static AT: Cell<i32> = const { Cell::new(0) };
    /// The route the app shows (path and query; opened as a file, what follows `#`).
    static ROUTE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// After the user chose to stay: the entry the browser is being sent back to. Every history event
    /// until it arrives is the way back, and is kept from the app.
    static RETURNING: Cell<Option<i32>> = const { Cell::new(None) };
    /// Counts the ways back, so a late timer ends only its own.
    static WAYS_BACK: Cell<u32> = const { Cell::new(0) };
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// The route at the address now; None for a place on the page (`#felt` in a file), which is no route.
fn route_here() -> Option<String> {
    if address::is_file() {
        return address::route_in_hash();
    }
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// The place in history written into an entry's state, if the app wrote one.
fn index_of(state: &JsValue) -> Option<i32> {
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(state, &INDEX_KEY.into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|v| v as i32)
}

/// `state` with the place in history added: a copy of an object, a new object for none. Any other state
/// (the app passes none) is left as it is.
fn tagged(state: &JsValue, index: i32) -> JsValue {
    let out = if state.is_object() {
        js_sys::Object::assign(&js_sys::Object::new(), state.unchecked_ref())
    } else if state.is_null() || state.is_undefined() {
        js_sys::Object::new()
    } else {
        return state.clone();
    };
    let _ = js_sys::Reflect::set(&out, &INDEX_KEY.into(), &index.into());
    out.into()
}

/// Replaces `history[name]` by a function that adds the place in history to the state, calls the browser's
/// own (or, from a file, the start script's) with the same arguments, and notes the route. `step` is 1 for
/// a push, 0 for a replace.
fn wrap(history: &web_sys::History, name: &str, step: i32) {
    let Some(original) = js_sys::Reflect::get(history, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let this = history.clone();
    let wrapper = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        move |state: JsValue, title: JsValue, url: JsValue| {
            let index = AT.get() + step;
            let result = original.call3(&this, &tagged(&state, index), &title, &url)?;
            AT.set(index);
            ROUTE.set(route_here());
            Ok(result)
        },
    );
    let _ = js_sys::Reflect::set(history, &name.into(), wrapper.as_ref());
    // The wrapper lives as long as the page.
    wrapper.forget();
}

/// After a `popstate` (or, from a file, `hashchange`): whether the app follows the step. If not, the
/// browser is on its way back to where the user stays.
fn follows(may_leave: &dyn Fn() -> bool) -> bool {
    let Some(history) = history() else {
        return true;
    };
    let index = history.state().ok().as_ref().and_then(index_of);
    let route = route_here();
    if let Some(target) = RETURNING.get() {
        if index == Some(target) || ROUTE.with_borrow(|r| *r == route) {
            RETURNING.set(None);
        }
        return false;
    }
    let Some(route) = route else {
        // A place on the page: no route changes.
        return true;
    };
    if ROUTE.with_borrow(|r| r.as_deref() == Some(route.as_str())) {
        if let Some(i) = index {
            AT.set(i);
        }
        return true;
    }
    // An entry the app did not make is one the browser just added (a new `#…` typed in a file's address).
    let from = AT.get();
    let to = index.unwrap_or(from + 1);
    if to == from || may_leave() {
        AT.set(to);
        ROUTE.set(Some(route));
        if index.is_none() {
            let state = history.state().unwrap_or(JsValue::NULL);
            let _ = history.replace_state(&tagged(&state, to), "");
        }
        return true;
    }
    RETURNING.set(Some(from));
    let way = WAYS_BACK.get().wrapping_add(1);
    WAYS_BACK.set(way);
    let _ = history.go_with_delta(from - to);
    // Should the browser not go back (another step of the user's came first), the next back or forward
    // is the user's again, not part of the way back.
    leptos::prelude::set_timeout(
        move || {
            if WAYS_BACK.get() == way {
                RETURNING.set(None);
            }
        },
        std::time::Duration::from_secs(2),
    );
    false
}

/// Installs the guard; call once, before the router mounts. `may_leave` is asked when back or forward
/// would change the route, and answers whether the app may follow (it asks the user when a draft would
/// be lost).
pub fn install(may_leave: impl Fn() -> bool + 'static) {
    let (Some(window), Some(history)) = (web_sys::window(), history()) else {
        return;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    match index_of(&state) {
        // Reloaded: the entry keeps its place.
        Some(i) => AT.set(i),
        None => {
            AT.set(0);
            let _ = history.replace_state(&tagged(&state, 0), "");
        }
    }
    ROUTE.set(route_here());
    wrap(&history, "pushState", 1);
    wrap(&history, "replaceState", 0);

    let file = address::is_file();
    let on_event = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let follow = follows(&may_leave);
        if !follow || file {
            ev.stop_immediate_propagation();
        }
        if follow && file {
            if let Some(w) = web_sys::window() {
                let _ = web_sys::Event::new("trappe-route").map(|e| w.dispatch_event(&e));
            }
        }
    });
    let kinds: &[&str] = if file {
        &["popstate", "hashchange"]
    } else {
        &["popstate"]
    };
    for kind in kinds {
        // Registered before the router mounts, so before its own listener (the browser calls a target's
        // listeners in the order they were added).
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            on_event.as_ref().unchecked_ref(),
            true,
        );
    }
    // The listener lives as long as the page.
    on_event.forget();
}
