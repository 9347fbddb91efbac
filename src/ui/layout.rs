//! The frame around every page: skip link, header with navigation and save status, banners, footer.

use crate::app::{session, use_app, AppState, Part, SaveState, StorageMode};
use crate::browser::address::at;
use crate::text::ui as t;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let name = move || app.read(Part::Info, |w| w.name.clone());
    view! {
        <a class="skip-link" href="#indhold" on:click=skip_to_content>{t::SKIP_LINK}</a>
        <header class="site-header">
            <div class="brand">
                <A href=at("/") attr:class="brand-name">{t::APP_NAME}</A>
                <span class="brand-tagline">{t::APP_TAGLINE}</span>
            </div>
            <div class="workspace-name">
                {move || name().map(|n| view! {
                    <span class="visually-hidden">{t::OPEN_WORKSPACE_HIDDEN}</span>
                    <span>{n}</span>
                })}
            </div>
            <SaveStatus/>
        </header>
        <nav class="site-nav" aria-label=t::NAV_LABEL>
            <ul>
                <li><A href=at("/trappe")>{t::NAV_STAIRCASE}</A></li>
                <li><A href=at("/netvaerksmoeder")>{t::NAV_MEETINGS}</A></li>
                <li><A href=at("/handleplan")>{t::NAV_PLAN}</A></li>
                <li><A href=at("/overblik")>{t::NAV_OVERVIEW}</A></li>
                <li><A href=at("/data")>{t::NAV_DATA}</A></li>
            </ul>
        </nav>
    }
}

/// Moves focus to the main content; done by hand because the router would treat the hash as navigation.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("indhold")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let app = use_app();
    let drafts = move || app.drafts.unsaved(app.open_id.get());
    let text = move || match app.save_state.get() {
        _ if !drafts().is_empty() => t::drafts_unsaved(&drafts()),
        SaveState::Idle => {
            if app.is_open() {
                t::SAVE_IDLE.to_string()
            } else {
                String::new()
            }
        }
        SaveState::Pending => t::SAVE_PENDING.into(),
        SaveState::Saving => t::SAVE_SAVING.into(),
        SaveState::Saved(at) => format!(
            "{} {}",
            t::SAVE_SAVED_AT,
            crate::model::dates::hour_minute(at.with_timezone(&chrono::Local), '.')
        ),
        SaveState::Failed(_) => t::SAVE_FAILED.into(),
    };
    let bad = move || matches!(app.save_state.get(), SaveState::Failed(_));
    // A kept draft of a form the user has left: one link back to it.
    let elsewhere = move || {
        let here = crate::ui::common::here();
        app.drafts
            .elsewhere(app.open_id.get(), &here)
            .into_iter()
            .next()
    };
    view! {
        <div class="save-area">
            <p class="save-status" class:bad=bad class:draft=move || !drafts().is_empty() role="status" aria-live="polite" data-testid="save-status">{text}</p>
            {move || elsewhere().map(|(label, path)| view! {
                <A href=at(&path) attr:class="draft-link" attr:data-testid="draft-link">{format!("{}: {label}", t::GO_TO_DRAFT)}</A>
            })}
            <super::linked_copy::LinkedCopyLine/>
        </div>
    }
}

/// Drops a message once the page or the open workspace it was raised on changes (see `Banner`): each
/// message, and each thing said in the live region, is bound to the place where it is first seen, which is
/// after the action that raised it has run to its end (navigation included).
fn drop_messages_elsewhere(app: AppState) {
    type Place = (String, Option<crate::model::Id>);
    let location = leptos_router::hooks::use_location();
    let place = Memo::new(move |_| (location.pathname.get(), app.open_id.get()));
    let banner_at = StoredValue::new(None::<(u64, Place)>);
    let said_at = StoredValue::new(None::<(String, Place)>);
    Effect::new(move |_| {
        let here = place.get();
        if let Some(seq) = app.banner.with(|b| b.as_ref().map(|b| b.seq)) {
            match banner_at.get_value() {
                Some((s, at)) if s == seq => {
                    if at != here {
                        app.banner.set(None);
                    }
                }
                _ => banner_at.set_value(Some((seq, here.clone()))),
            }
        }
        let said = app.announcement.get();
        if !said.is_empty() {
            match said_at.get_value() {
                Some((s, at)) if s == said => {
                    if at != here {
                        app.announcement.set(String::new());
                    }
                }
                _ => said_at.set_value(Some((said, here))),
            }
        }
    });
    // A message that takes focus gets it once it is drawn.
    Effect::new(move |_| {
        if app.banner.with(|b| b.as_ref().is_some_and(|b| b.focus)) {
            crate::ui::common::focus_later(BANNER_ID.into());
        }
    });
}

const BANNER_ID: &str = "app-banner";

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    drop_messages_elsewhere(app);
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="app-live">{move || app.announcement.get()}</p>
        <div class="banners">
            {move || app.update_ready.get().then(|| view! {
                <div class="alert alert-info" role="status" data-testid="update-ready">
                    <p>{t::UPDATE_READY}</p>
                    <button type="button" class="button" on:click=move |_| crate::app::updates::apply(app)>{t::UPDATE_RELOAD}</button>
                    " "
                    <button type="button" class="button-link" on:click=move |_| app.update_ready.set(false)>{t::UPDATE_LATER}</button>
                </div>
            })}
            {move || match app.mode.get() {
                StorageMode::MemoryOnly(_) => Some(view! {
                    <div class="alert alert-warning" role="alert">
                        <p>{if crate::browser::address::is_file() { t::FILE_MEMORY_ONLY } else { t::MEMORY_ONLY }}</p>
                        <button type="button" class="button secondary" on:click=move |_| session::download_unsaved(app)>{t::DOWNLOAD_UNSAVED}</button>
                    </div>
                }),
                _ => None,
            }}
            {move || match app.save_state.get() {
                SaveState::Failed(e) => {
                    let gone = e == crate::storage::StorageError::NotFound;
                    Some(view! {
                        <div class="alert alert-error" role="alert">
                            <p>{t::storage_error(&e)}</p>
                            {gone.then(|| view! {
                                <button type="button" class="button" on:click=move |_| leptos::task::spawn_local(session::store_again(app))>{t::STORE_AGAIN}</button>
                                " "
                            })}
                            <button type="button" class="button" class:secondary=gone on:click=move |_| session::download_unsaved(app)>{t::DOWNLOAD_UNSAVED}</button>
                        </div>
                    }.into_any())
                }
                _ => None,
            }}
            {move || app.unreadable.get().map(|u| {
                let id = u.id;
                view! {
                    <div class="alert alert-error" role="alert">
                        <h2>{t::UNREADABLE_TITLE}{if u.name.is_empty() { String::new() } else { format!(": {}", u.name) }}</h2>
                        <p>{u.reason.clone()}</p>
                        <p>{t::UNREADABLE_TEXT}</p>
                        <button type="button" class="button" on:click=move |_| session::download_raw(app, id)>{t::DOWNLOAD_STORED}</button>
                    </div>
                }
            })}
            <super::kit::progress::WorkProgress/>
            <super::linked_copy::LinkedCopyNotice/>
            <super::example_notice::ExampleNotice/>
            // The message boxes are always there, so what appears in them is said: a confirmation in a
            // polite live region, an error in an alert. One that takes focus is said by the focus.
            <div role="status" aria-live="polite" class="banner-slot">
                {move || app.banner.get().filter(|b| !b.is_error && !b.focus).map(|b| banner_box(app, b))}
            </div>
            <div role="alert" class="banner-slot">
                {move || app.banner.get().filter(|b| b.is_error).map(|b| banner_box(app, b))}
            </div>
            <div class="banner-slot">
                {move || app.banner.get().filter(|b| !b.is_error && b.focus).map(|b| banner_box(app, b))}
            </div>
        </div>
    }
}

fn banner_box(app: AppState, b: crate::app::Banner) -> impl IntoView {
    view! {
        <div id=BANNER_ID class=if b.is_error { "alert alert-error" } else { "alert alert-info" }
            tabindex=b.focus.then_some("-1") data-testid="banner">
            <p>{b.text.clone()}</p>
            <button type="button" class="button-link" on:click=move |_| app.banner.set(None)>{t::CLOSE_MESSAGE}</button>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t::FOOTER_PRIVACY}</p>
            <p>{t::SAVE_MODEL}</p>
        </footer>
    }
}

/// A click on a link away from a form with an unsaved draft that the form cannot keep asks first, and so
/// do the browser's back and forward (see `browser::history_guard`). Both run in the capture phase, before
/// the router's own handling; install before the router mounts.
pub fn install_leave_guard(app: AppState) {
    crate::browser::history_guard::install(move || confirm_leave(app));
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |ev: web_sys::MouseEvent| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
            {
                return;
            }
            let Some(link) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let here = window().location();
            let same_page = link.pathname() == here.pathname().unwrap_or_default()
                && link.search() == here.search().unwrap_or_default();
            if same_page || !link.target().is_empty() || link.has_attribute("download") {
                return;
            }
            if !confirm_leave(app) {
                ev.prevent_default();
                ev.stop_immediate_propagation();
            }
        },
    );
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the page.
    on_click.forget();
}

/// True when no open form would lose a draft, or the user agrees to lose it.
pub fn confirm_leave(app: AppState) -> bool {
    let lost = app.drafts.lost_on_leave();
    lost.is_empty()
        || window()
            .confirm_with_message(&t::leave_draft_question(&lost))
            .unwrap_or(false)
}

/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo edits, except inside text fields (which keep their own undo).
pub fn install_shortcuts(app: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if in_field {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                super::kit::undo::undo_keeping_focus(app, false);
            }
            ("z", true) | ("y", _) => {
                ev.prevent_default();
                super::kit::undo::undo_keeping_focus(app, true);
            }
            _ => {}
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}
