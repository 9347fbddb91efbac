//! The frame around every page: skip link, header with navigation and save status, banners, footer.

use crate::app::{session, use_app, AppState, Part, SaveState, StorageMode};
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
                <A href="/" attr:class="brand-name">{t::APP_NAME}</A>
                <span class="brand-tagline">{t::APP_TAGLINE}</span>
            </div>
            <div class="workspace-name">
                {move || name().map(|n| view! {
                    <span class="visually-hidden">"Åbent arbejdsområde: "</span>
                    <span>{n}</span>
                })}
            </div>
            <SaveStatus/>
        </header>
        <nav class="site-nav" aria-label=t::NAV_LABEL>
            <ul>
                <li><A href="/trappe">{t::NAV_STAIRCASE}</A></li>
                <li><A href="/netvaerksmoeder">{t::NAV_MEETINGS}</A></li>
                <li><A href="/handleplan">{t::NAV_PLAN}</A></li>
                <li><A href="/overblik">{t::NAV_OVERVIEW}</A></li>
                <li><A href="/data">{t::NAV_DATA}</A></li>
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
    let text = move || match app.save_state.get() {
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
            at.with_timezone(&chrono::Local).format("%H.%M")
        ),
        SaveState::Failed(_) => t::SAVE_FAILED.into(),
    };
    let bad = move || matches!(app.save_state.get(), SaveState::Failed(_));
    view! {
        <p class="save-status" class:bad=bad role="status" aria-live="polite" data-testid="save-status">{text}</p>
    }
}

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="banners">
            {move || match app.mode.get() {
                StorageMode::MemoryOnly(_) => Some(view! {
                    <div class="alert alert-warning" role="alert">
                        <p>{t::MEMORY_ONLY}</p>
                        <button type="button" class="button secondary" on:click=move |_| session::download_unsaved(app)>{t::DOWNLOAD_UNSAVED}</button>
                    </div>
                }),
                _ => None,
            }}
            {move || match app.save_state.get() {
                SaveState::Failed(e) => Some(view! {
                    <div class="alert alert-error" role="alert">
                        <p>{t::storage_error(&e)}</p>
                        <button type="button" class="button" on:click=move |_| session::download_unsaved(app)>{t::DOWNLOAD_UNSAVED}</button>
                    </div>
                }.into_any()),
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
            {move || app.banner.get().map(|b| view! {
                <div class=if b.is_error { "alert alert-error" } else { "alert alert-info" } role=if b.is_error { "alert" } else { "status" }>
                    <p>{b.text.clone()}</p>
                    <button type="button" class="button-link" on:click=move |_| app.banner.set(None)>"Luk besked"</button>
                </div>
            })}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Trappe gemmer alt i din egen browser og sender aldrig data nogen steder hen. Del arbejde ved at eksportere en fil på siden Data."</p>
        </footer>
    }
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
                session::undo(app);
            }
            ("z", true) | ("y", _) => {
                ev.prevent_default();
                session::redo(app);
            }
            _ => {}
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}
