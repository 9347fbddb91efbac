//! What a screen must say about the open workspace's figures and dates: that it is shown as of another day
//! than today (a built-in example), with a button to see it as of today, and which of its numbers are made
//! up. Shown with the banners on every screen, and inside the print views (which hide the banners).

use crate::app::{session, use_app, Part};
use crate::model::commands::Command;
use crate::text::ui as t;
use leptos::prelude::*;

#[component]
pub fn ExampleNotice(
    /// In a print view: no button, and shown on paper only (the banner says it on screen).
    #[prop(optional)]
    print: bool,
) -> impl IntoView {
    let app = use_app();
    let as_of = move || app.read(Part::Info, |w| w.as_of).flatten();
    let made_up = move || {
        app.read_parts(&[Part::Staircase, Part::Plan], |w| {
            let (measurements, indicators) = w.made_up();
            t::made_up_notice(&measurements, &indicators)
        })
        .flatten()
    };
    let show_today = move |_| {
        match session::dispatch(app, Command::SetAsOf { as_of: None }) {
            Ok(()) => {
                // Every screen counts from the new day: redraw them all.
                app.notify_all();
                app.announce(t::AS_OF_CLEARED);
            }
            Err(e) => app.error(t::command_error(&e)),
        }
    };
    let compact = move || !print && app.workshop_mode.get();
    move || {
        let (day, words) = (as_of(), made_up());
        if compact() && (day.is_some() || words.is_some()) {
            // On a projector the notice takes one line, so the staircase starts high on the screen.
            return Some(view! {
                <div class="alert alert-info example-notice compact" data-testid="example-notice">
                    <details>
                        <summary>{t::example_notice_short(day, words.is_some())}" · "{t::EXAMPLE_NOTICE_MORE}</summary>
                        {day.map(|d| view! { <p data-testid="as-of-notice">{t::as_of_notice(d)}</p> })}
                        {words.clone().map(|w| view! { <p data-testid="made-up-notice">{w}</p> })}
                    </details>
                    {day.map(|_| view! {
                        <button type="button" class="button secondary" on:click=show_today>{t::AS_OF_TODAY}</button>
                    })}
                </div>
            }
            .into_any());
        }
        (day.is_some() || words.is_some()).then(|| {
            view! {
                <div class="alert alert-info example-notice" class:print-only=print data-testid=if print { "example-notice-print" } else { "example-notice" }>
                    {day.map(|d| view! {
                        <p data-testid="as-of-notice">{t::as_of_notice(d)}" "
                            {(!print).then(|| view! {
                                <button type="button" class="button secondary" on:click=show_today>{t::AS_OF_TODAY}</button>
                            })}
                        </p>
                    })}
                    {words.map(|w| view! { <p data-testid="made-up-notice">{w}</p> })}
                </div>
            }
            .into_any()
        })
    }
}
