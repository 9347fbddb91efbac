//! The Data page: the workspaces in this browser (rename, duplicate, trash), export and import of files,
//! and what the browser's storage holds. One file per section of the page; this module draws the page and
//! owns the date wording the sections share. The sections may import the app state, `file_format`,
//! `storage` metadata, the model and `text::data`, and the other `ui` modules whose sections the page
//! shows (merge, linked copies, set-aside files, privacy check); nothing outside imports them but through
//! the names re-exported here.

mod export;
mod import;
mod import_preview;
mod storage;
mod trash;
mod workspaces;

use export::ExportSection;
use import::ImportSection;
pub use import::{read_import_file, ReadImport};
use storage::StorageSection;
use trash::TrashSection;
use workspaces::WorkspaceList;

use super::common::set_title;
use super::start::NewWorkspaceForm;
use crate::text::{self, data as td};
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

fn local_date(at: DateTime<Utc>) -> String {
    let l = at.with_timezone(&Local);
    td::date_and_time(
        &text::date_long(l.date_naive()),
        &l.format("%H.%M").to_string(),
    )
}

#[component]
pub fn DataPage() -> impl IntoView {
    set_title(td::PAGE_TITLE);
    view! {
        <h1>{td::PAGE_TITLE}</h1>
        <p class="lead">{td::PAGE_LEAD}</p>
        <super::merge::ConflictsSection/>
        <ExportSection/>
        <super::linked_copy::LinkedCopySection/>
        <WorkspaceList/>
        <ImportSection/>
        <super::set_aside::SetAsideSection/>
        <section aria-labelledby="data-new">
            <h2 id="data-new">{td::NEW_HEADING}</h2>
            <NewWorkspaceForm/>
        </section>
        <TrashSection/>
        <StorageSection/>
    }
}

/// Days since the last export, or None when never exported.
fn days_since(at: Option<DateTime<Utc>>) -> Option<i64> {
    at.map(|a| (Utc::now() - a).num_days())
}
