//! Export of the open workspace as a file, and the reminder of when it was last exported.

use super::{days_since, local_date};
use crate::app::{use_app, Part};
use crate::browser::address::at;
use crate::storage::StoredMeta;
use crate::text::{data as td, ui as t};
use leptos::prelude::*;

#[component]
pub(super) fn ExportSection() -> impl IntoView {
    let app = use_app();
    // Personal data in the file is shown first; chosen hits are left out of the file.
    let check = crate::ui::privacy_check::PrivacyCheck::new("export");
    let choice = crate::ui::protect::ExportChoice::new();
    let meta = Memo::new(move |_| {
        app.workspaces.track();
        app.open_id.get().and_then(|_| app.current_meta())
    });
    // Initials, asked once per browser: each revision made here names who made it.
    let author = RwSignal::new(String::new());
    let author_error = RwSignal::new(None::<String>);
    let ask_author = RwSignal::new(!crate::ui::merge::has_author());
    let start_export = move |_| {
        if ask_author.get_untracked() {
            if !crate::ui::merge::keep_author_if_given(author, author_error) {
                return;
            }
            ask_author.set(!crate::ui::merge::has_author());
        }
        let hits = crate::ui::privacy_check::workspace_hits(app);
        check.run(hits, move |leave_out| choice.export(app, leave_out));
    };
    view! {
        <section aria-labelledby="data-export">
            <h2 id="data-export">{td::EXPORT_HEADING}</h2>
            {move || match app.read(Part::Info, |w| w.name.clone()) {
                None => view! { <p>{t::NO_WORKSPACE}" "<a href=at("/")>{td::GO_HOME}</a></p> }.into_any(),
                Some(name) => view! {
                    <p>{td::export_lead(&name)}</p>
                    <ExportReminder meta=meta/>
                    <Show when=move || ask_author.get()>
                        <crate::ui::merge::AuthorField value=author error=author_error id="export-author"/>
                    </Show>
                    <crate::ui::protect::ExportControls choice=choice start=Callback::new(start_export)/>
                    <crate::ui::privacy_check::PrivacyWarning check=check/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
pub(super) fn ExportReminder(meta: Memo<Option<StoredMeta>>) -> impl IntoView {
    move || {
        let m = meta.get()?;
        Some(match days_since(m.last_exported_at) {
            None => view! { <p class="reminder" data-testid="export-reminder">{td::NEVER_EXPORTED}</p> }.into_any(),
            Some(d) if d > 14 => view! { <p class="reminder" data-testid="export-reminder">{td::exported_long_ago(d, &local_date(m.last_exported_at.unwrap_or_default()))}</p> }.into_any(),
            Some(_) => view! { <p class="muted" data-testid="export-reminder">{td::last_exported(&local_date(m.last_exported_at.unwrap_or_default()))}</p> }.into_any(),
        })
    }
}
