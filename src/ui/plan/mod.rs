//! Handleplan: initiatives and their statuses (read-only until the editor lands).

use super::common::WithWorkspace;
use crate::app::use_app;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    view! {
        <WithWorkspace page="Handleplan">
            <PlanBody/>
        </WithWorkspace>
    }
}

#[component]
fn PlanBody() -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.current.with(|c| {
            c.as_ref()
                .map(|w| {
                    w.plan
                        .initiatives
                        .iter()
                        .map(|i| {
                            (
                                i.number.clone(),
                                i.title.clone(),
                                i.status,
                                i.history.last().map(|n| (n.date, n.text.clone())),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <h1>"Handleplan"</h1>
        <table class="table">
            <caption>"Initiativer og deres status"</caption>
            <thead><tr><th scope="col">"Nr."</th><th scope="col">"Initiativ"</th><th scope="col">"Status"</th><th scope="col">"Seneste note"</th></tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(n, title, st, note)| view! {
                    <tr><td>{n}</td><td>{title}</td><td><span class="status-tag">{text::initiative_status(st)}</span></td>
                    <td>{note.map(|(d, t)| format!("{}: {}", text::opt_date_long(d), t))}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
