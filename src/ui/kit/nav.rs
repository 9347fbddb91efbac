//! An area's sub-navigation: its views as a list of links under the page heading; the router marks the
//! one shown with `aria-current="page"`.

use crate::browser::address::at;
use leptos::prelude::*;
use leptos_router::components::A;

/// The area's views `links` (path under the area's route `base`, Danish label) in a `<nav>` with the
/// classes `class` and the accessible name `label`.
#[component]
pub fn SubNav(
    class: &'static str,
    label: &'static str,
    base: &'static str,
    links: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <nav class=class aria-label=label>
            <ul>
                {links.iter().map(|(sub, text)| view! {
                    <li><A href=at(&format!("{base}{sub}")) exact=true>{*text}</A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
