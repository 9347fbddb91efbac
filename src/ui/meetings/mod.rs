//! Netværksmøder: the meeting log (read-only until the editor lands).

use super::common::WithWorkspace;
use crate::app::use_app;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! {
        <WithWorkspace page="Netværksmøder">
            <MeetingsBody/>
        </WithWorkspace>
    }
}

#[component]
fn MeetingsBody() -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.current.with(|c| {
            let mut v: Vec<_> = c
                .as_ref()
                .map(|w| {
                    w.meetings
                        .iter()
                        .map(|m| {
                            (
                                m.date,
                                text::meeting_type(&m.meeting_type),
                                m.case_ref.clone(),
                                m.status,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            v.sort_by_key(|m| std::cmp::Reverse(m.0));
            v.truncate(200);
            v
        })
    });
    view! {
        <h1>"Netværksmøder"</h1>
        <table class="table">
            <caption>"Seneste møder (højst 200)"</caption>
            <thead><tr><th scope="col">"Dato"</th><th scope="col">"Type"</th><th scope="col">"Sag"</th><th scope="col">"Status"</th></tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(d, ty, case, st)| view! {
                    <tr><td>{text::opt_date_long(d)}</td><td>{ty}</td><td>{case}</td><td>{text::meeting_status(st)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
