//! «Lagt til side»: what a file or stored copy held that broke a rule or could not be read, and the other
//! tab's version where two tabs changed the same thing. Each entry is kept as it was, can be downloaded,
//! and is removed only when the user says so.

use super::common::ConfirmButton;
use crate::app::{session, use_app, Part};
use crate::browser::files;
use crate::model::commands::Command;
use crate::model::{Id, SetAside};
use crate::text::set_aside as txt;
use leptos::prelude::*;

#[component]
pub fn SetAsideSection() -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| app.read(Part::SetAside, |w| w.set_aside.clone()));
    view! {
        {move || items.get().filter(|l| !l.is_empty()).map(|list| {
            let count = list.len();
            view! {
                <section aria-labelledby="data-set-aside" data-testid="set-aside">
                    <h2 id="data-set-aside">{txt::TITLE}</h2>
                    <p>{txt::lead(count)}</p>
                    <div class="button-row">
                        <button type="button" class="button secondary" on:click=move |_| download_all(app)>{txt::DOWNLOAD_ALL}</button>
                    </div>
                    <ul class="set-aside-list">
                        <For each=move || items.get().unwrap_or_default() key=|s| s.id let:item>
                            <SetAsideItem item=item/>
                        </For>
                    </ul>
                </section>
            }
        })}
    }
}

#[component]
fn SetAsideItem(item: SetAside) -> impl IntoView {
    let app = use_app();
    let id = item.id;
    let heading = format!("sa-{id}");
    let labelled_by = heading.clone();
    let remove = Callback::new(move |_| {
        let Some(items) = app.read_untracked(|w| {
            w.set_aside
                .iter()
                .filter(|s| s.id != id)
                .cloned()
                .collect::<Vec<_>>()
        }) else {
            return;
        };
        match session::dispatch(app, Command::SetSetAside { items }) {
            Ok(()) => app.info(txt::REMOVED),
            Err(e) => app.error(crate::text::ui::command_error(&e)),
        }
    });
    let original = item.original.clone();
    let download = move |_| {
        let name = format!("trappe-lagt-til-side-{}.json", short(id));
        if files::download(&name, "application/json", original.as_bytes()).is_err() {
            app.error(crate::text::ui::DOWNLOAD_FAILED);
        }
    };
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <h3 id=heading>{crate::text::file::set_aside_reason(&item.reason)}</h3>
            <p class="muted">
                {txt::found_at(&item.found_at)}" · "
                {if item.repaired { txt::REPAIRED } else { txt::LEFT_OUT }}
            </p>
            <details>
                <summary>{txt::SHOW_ORIGINAL}</summary>
                <pre class="set-aside-original">{preview(&item.original)}</pre>
            </details>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=download>{txt::DOWNLOAD}</button>
                <ConfirmButton label=txt::REMOVE.to_string() question=txt::REMOVE_QUESTION.to_string()
                    confirm_label=txt::REMOVE_CONFIRM.to_string() on_confirm=remove/>
            </div>
        </li>
    }
}

fn short(id: Id) -> String {
    id.to_string().chars().take(8).collect()
}

/// The original, cut to a screenful; the download has all of it.
fn preview(original: &str) -> String {
    const MAX: usize = 2_000;
    if original.chars().count() > MAX {
        let cut: String = original.chars().take(MAX).collect();
        format!("{cut} …")
    } else {
        original.to_string()
    }
}

fn download_all(app: crate::app::AppState) {
    let Some(json) =
        app.read_untracked(|w| crate::output::set_aside_json::set_aside_json(&w.set_aside))
    else {
        return;
    };
    if files::download(
        "trappe-lagt-til-side.json",
        "application/json",
        json.as_bytes(),
    )
    .is_err()
    {
        app.error(crate::text::ui::DOWNLOAD_FAILED);
    }
}
