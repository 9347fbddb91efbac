//! Reading a workspace file (plain or sealed) and the import section that offers it.

use super::import_preview::ImportPreview;
use crate::app::session::{self, ImportTarget};
use crate::app::{use_app, AppState};
use crate::browser::pace::PACE;
use crate::browser::{files, perf};
use crate::file_format::import::read_workspace_file_paced;
use crate::file_format::sealed::{self, SealedFile};
use crate::file_format::{self, Imported, MAX_FILE_BYTES};
use crate::model::Workspace;
use crate::text::{self, data as td, ui as t};
use crate::ui::kit::file_field::FileField;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone)]
pub(super) struct Pending {
    pub(super) file_name: String,
    pub(super) workspace: Workspace,
    pub(super) migrated_from: Option<u32>,
    pub(super) report: file_format::RestoreReport,
}

#[component]
pub(super) fn ImportSection() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    // Shared, not copied, by the preview each time it is drawn.
    let pending = RwSignal::new(None::<Arc<Pending>>);
    let reading = RwSignal::new(false);
    let chosen = RwSignal::new(None::<String>);

    // A protected file, waiting for its passphrase.
    let locked = RwSignal::new(None::<(String, Arc<SealedFile>)>);
    let accept = move |file_name: String, imported: Imported| {
        let Imported {
            workspace,
            migrated_from,
            report,
        } = imported;
        pending.set(Some(Arc::new(Pending {
            file_name,
            workspace,
            migrated_from,
            report,
        })));
    };

    // A file chosen while another is still being read takes its place: the older read is then dropped.
    let generation = StoredValue::new(0u32);
    let take_file = Callback::new(move |file: web_sys::File| {
        let file_name = file.name();
        error.set(None);
        pending.set(None);
        locked.set(None);
        reading.set(true);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let result = read_import_file(&file).await;
            if generation.get_value() != mine {
                return;
            }
            reading.set(false);
            match result {
                Ok(ReadImport::Plain(imported)) => accept(file_name, imported),
                Ok(ReadImport::Sealed(sealed)) => locked.set(Some((file_name, sealed))),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let done = Callback::new(move |_| {
        pending.set(None);
        locked.set(None);
        chosen.set(None);
    });

    view! {
        <section aria-labelledby="data-import">
            <h2 id="data-import">{td::IMPORT_HEADING}</h2>
            <FileField id="import-file" label=text::data::IMPORT_FILE_LABEL hint=text::data::import_file_hint(MAX_FILE_BYTES)
                error=error chosen=chosen on_file=take_file/>
            <Show when=move || reading.get() || (pending.with(Option::is_some) && !app.booted.get())><p role="status">{td::READING_FILE}</p></Show>
            {move || locked.get().map(|(file_name, sealed)| {
                let name = file_name.clone();
                view! {
                    <crate::ui::protect::UnlockForm file_name=file_name sealed=sealed id="import-unlock"
                        on_open=Callback::new(move |imported| { locked.set(None); accept(name.clone(), imported) })
                        on_cancel=done/>
                }
            })}
            // Compared with what this browser holds only once that is read.
            {move || app.booted.get().then(|| pending.get().map(|p| view! { <ImportPreview pending=p on_done=done/> }))}
        </section>
    }
}

/// A read file: a workspace, or a protected file that needs its passphrase (`protect::UnlockForm`).
#[allow(clippy::large_enum_variant)] // one per file read, moved once
pub enum ReadImport {
    Plain(Imported),
    Sealed(Arc<SealedFile>),
}

/// Reads a chosen file as every import does (here, and a copy opened on the start page): refused above the
/// size limit before reading, then read whole and checked (`read_workspace_bytes`). The error is the
/// message to show.
pub async fn read_import_file(file: &web_sys::File) -> Result<ReadImport, String> {
    let bytes = match files::read_file(file, MAX_FILE_BYTES).await {
        Ok(b) => b,
        Err(files::ReadError::TooLarge(n)) => {
            return Err(text::file::import_error(
                &file_format::ImportError::TooLarge {
                    bytes: n,
                    max: MAX_FILE_BYTES,
                },
            ))
        }
        Err(files::ReadError::Unreadable) => return Err(text::file::unreadable_file()),
    };
    // A protected file is opened with its passphrase first, then read as any other.
    match sealed::detect(&bytes) {
        Some(Ok(s)) => return Ok(ReadImport::Sealed(Arc::new(s))),
        Some(Err(e)) => return Err(td::not_read(&file.name(), &text::sealed::sealed_error(&e))),
        None => {}
    }
    perf::start("trappe-import-parse");
    let parsed = read_workspace_bytes(&bytes).await;
    perf::end("trappe-import-parse");
    parsed
        .map(ReadImport::Plain)
        .map_err(|e| td::not_read(&file.name(), &text::file::import_error(&e)))
}

/// Reads a file's bytes as every import does: in slices, with the progress bar of long work.
pub async fn read_workspace_bytes(bytes: &[u8]) -> Result<Imported, file_format::ImportError> {
    let _job = crate::browser::pace::begin(td::READING_FILE);
    read_workspace_file_paced(bytes, &PACE).await
}

/// Stores the file's workspace as `target` says, then closes the preview; an error stays in it.
pub(super) fn import(
    app: AppState,
    ws: Workspace,
    target: ImportTarget,
    error: RwSignal<Option<String>>,
    on_done: Callback<()>,
) {
    spawn_local(async move {
        match session::import(app, ws, target).await {
            Ok(()) => {
                app.info_focused(text::data::IMPORTED);
                on_done.run(());
            }
            Err(e) => error.set(Some(t::storage_error(&e))),
        }
    });
}
