//! The Data page: the workspaces in this browser (rename, duplicate, trash), export and import of files,
//! and what the browser's storage holds. This module draws the page and the date format its sections share;
//! each section has its own file. The sections may import the app state and session, `file_format`,
//! `storage` metadata, the model, `text::data` and the `ui` modules whose parts they show (merge, linked
//! copies, protection, privacy check); other modules use only what is re-exported here.

mod export;
mod import;
mod import_preview;
mod storage;
mod trash;
mod workspaces;

use export::ExportSection;
use import::ImportSection;
pub use import::{read_import_file, read_workspace_bytes, ReadImport};
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
        &crate::model::dates::hour_minute(l, '.'),
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
        <section aria-labelledby="data-sheet-import">
            <h2 id="data-sheet-import">{crate::text::sheet_import::OPEN_IMPORT}</h2>
            <p>{crate::text::sheet_import::DATA_SECTION_LEAD}</p>
            <ul>
                <li><a href=crate::browser::address::at(&format!("/netvaerksmoeder/{}", super::sheet_import::ROUTE))>{crate::text::sheet_import::page_title(crate::sheet_import::fields::Kind::Meetings)}</a></li>
                <li><a href=crate::browser::address::at(&format!("/handleplan/{}", super::sheet_import::ROUTE))>{crate::text::sheet_import::page_title(crate::sheet_import::fields::Kind::Initiatives)}</a></li>
                <li><a href=crate::browser::address::at(&format!("/trappe/maalinger/{}", super::sheet_import::ROUTE))>{crate::text::sheet_import::page_title(crate::sheet_import::fields::Kind::Measurements)}</a></li>
            </ul>
        </section>
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
