//! Where the app lives, so the router and every link work wherever the page is opened.
//!
//! Served, the app's base is the folder its page came from: the start script at the top of `index.html` puts
//! a `<base>` there, also when a deep address such as `/apps/trappe/handleplan/…` was reloaded, and the path
//! is read back from `document.baseURI`. Opened as a file (`trappe.html` from disk), the base is the file
//! itself; the browser refuses other paths for a file, so the start script keeps the route after `#` in the
//! address bar, and a `trappe-route` event tells the app when a link or back/forward changed it (back and
//! forward through `history_guard`).

use std::cell::OnceCell;

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// True when the page was opened from disk (`file://`), with no server behind it.
pub fn is_file() -> bool {
    location()
        .and_then(|l| l.protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The path every route starts from, without a trailing slash: `""` at a server's root, `/apps/trappe`
/// under a sub-path, `/C:/Users/…/trappe.html` for a file.
pub fn base() -> String {
    BASE.with(|b| b.get_or_init(compute).clone())
}

fn compute() -> String {
    let path = if is_file() {
        location().and_then(|l| l.pathname().ok())
    } else {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|u| u.pathname())
    }
    .unwrap_or_default();
    // Escaped (`Mine%20filer`), as the router matches routes. (Its link handling compares unescaped
    // paths, so for a file the start script takes the clicks on links; see index.html.)
    path.trim_end_matches('/').to_string()
}

/// Notes the folder the app runs from, so the start script can tell a reloaded `/trappe/` (a route with a
/// slash) from a folder of that name. Keeps the last few folders; nothing for a file.
pub fn remember_folder() {
    use crate::storage::settings;
    if is_file() {
        return;
    }
    let folder = format!("{}/", base());
    let mut folders: Vec<String> = settings::get(settings::FOLDERS).unwrap_or_default();
    if folders.first() == Some(&folder) {
        return;
    }
    folders.retain(|f| *f != folder);
    folders.insert(0, folder);
    folders.truncate(5);
    settings::set(settings::FOLDERS, &folders);
}

/// The address of a route for a plain `<a href>`: `at("/overblik")` under `/apps/trappe` is
/// `/apps/trappe/overblik`; a place on the same page (`#felt`) stays as it is. (The router's `navigate`
/// adds the base itself; its `<A>` does not for a path that starts with `/`.)
pub fn at(route: &str) -> String {
    if route.starts_with('#') {
        return route.to_string();
    }
    format!("{}{route}", base())
}

/// The route within the app of a path the router reports (`/apps/trappe/overblik` → `/overblik`).
pub fn route_of(path: &str) -> String {
    let base = base();
    match path.strip_prefix(base.as_str()) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ => path.to_string(),
    }
}

/// Opened as a file: the route kept after `#` (`#/overblik?x=1` → `/overblik?x=1`; no `#` is the start
/// page). None for a place on the page (`#felt`), which is no route.
pub fn route_in_hash() -> Option<String> {
    if !is_file() {
        return None;
    }
    let hash = location()?.hash().ok()?;
    match hash.strip_prefix('#') {
        None | Some("") => Some("/".to_string()),
        Some(route) if route.starts_with('/') => Some(route.to_string()),
        Some(_) => None,
    }
}
