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
    move || {
        let (day, words) = (as_of(), made_up());
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
        })
    }
}
