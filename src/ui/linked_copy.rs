//! The copy on disk in the UI: the section on the Data page, the short line under the save status, the
//! notice at the top (permission needed again, a write that failed), and the start page's offer to open a
//! copy from the computer when the browser holds no workspaces.

use crate::app::linked_copy::{self as linked, use_linked};
use crate::app::session::{self, ImportTarget};
use crate::app::{use_app, StorageMode};
use crate::browser::linked_file;
use crate::file_format::sealed::SealedFile;
use crate::file_format::Imported;
use crate::storage::linked_copy::{Notice, WriteFailure};
use crate::text::{self, linked_copy as t};
use crate::ui::data::ReadImport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

fn today() -> chrono::NaiveDate {
    crate::browser::today()
}

/// «Kopi på disken» on the Data page.
#[component]
pub fn LinkedCopySection() -> impl IntoView {
    let app = use_app();
    let lc = use_linked();
    // Personal data is shown before the first write; the copy holds the whole workspace, so nothing can
    // be left out of it.
    let check = crate::ui::privacy_check::PrivacyCheck::new("linked");
    let link = move |_: ()| {
        check.run(crate::ui::privacy_check::workspace_hits(app), move |_| {
            linked::pick_and_link(app, lc)
        })
    };
    // What the controls depend on, so a write in progress does not redraw them (and take the focus).
    let shape = Memo::new(move |_| {
        lc.link.with(|l| {
            l.as_ref().map(|l| {
                let failure = l
                    .failing
                    .as_ref()
                    .filter(|f| **f != WriteFailure::NotAllowed)
                    .map(|f| t::failure(f, &l.file_name));
                (failure, l.wants_permission())
            })
        })
    });
    let body = move || {
        if !lc.supported {
            return view! { <p data-testid="linked-unsupported">{t::UNSUPPORTED}</p> }.into_any();
        }
        if !app.is_open() {
            return view! { <p>{t::NO_WORKSPACE}</p> }.into_any();
        }
        match shape.get() {
            None => view! {
                <p>{t::INTRO}</p>
                <button type="button" class="button" on:click=move |_| link(())>{t::LINK}</button>
            }
            .into_any(),
            Some((failure, wants_permission)) => {
                let failed = failure.is_some();
                view! {
                    {failure.map(|f| view! { <p class="linked-failure" data-testid="linked-failure-text">{f}</p> })}
                    <div class="button-row">
                        {wants_permission.then(|| view! {
                            <button type="button" class="button" on:click=move |_| linked::grant(app, lc)>{t::GRANT}</button>
                        })}
                        {failed.then(|| view! {
                            <button type="button" class="button" on:click=move |_| linked::retry(app, lc)>{t::RETRY}</button>
                        })}
                        <button type="button" class="button secondary" on:click=move |_| link(())>{t::LINK_OTHER}</button>
                        <button type="button" class="button secondary" on:click=move |_| linked::unlink(lc)>{t::UNLINK}</button>
                    </div>
                    <p class="muted">{t::STORAGE_FIRST}</p>
                }
                .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="data-linked" data-testid="linked-copy">
            <h2 id="data-linked">{t::HEADING}</h2>
            <p class="linked-file" data-testid="linked-file">
                {move || lc.link.with(|l| l.as_ref().map(|l| t::linked_to(&l.file_name)))}
            </p>
            // Always there, so a change of what it says is read out.
            <p role="status" aria-live="polite" class="linked-state" data-testid="linked-state">
                {move || lc.link.get().map(|l| t::status(&l, today()))}
            </p>
            {body}
            <crate::ui::privacy_check::PrivacyWarning check=check anyway=crate::text::privacy::LINK_ANYWAY whole=true/>
            <p role="status" aria-live="polite" class="linked-message" data-testid="linked-message">
                {move || lc.message.get()}
            </p>
        </section>
    }
}

/// The short line under the save status: where the copy on disk stands, when there is one.
#[component]
pub fn LinkedCopyLine() -> impl IntoView {
    let lc = use_linked();
    let bad = move || lc.link.with(|l| l.as_ref().is_some_and(|l| !l.is_ok()));
    view! {
        <p class="linked-status" class:bad=bad role="status" aria-live="polite" data-testid="linked-status">
            {move || lc.link.get().map(|l| t::header_line(&l, today()))}
        </p>
    }
}

/// At the top of every page: permission needed again (once), or a write that failed (once in a row).
#[component]
pub fn LinkedCopyNotice() -> impl IntoView {
    let app = use_app();
    let lc = use_linked();
    move || {
        let notice = lc.notice.get()?;
        let file = lc.link.with(|l| l.as_ref().map(|l| l.file_name.clone()))?;
        Some(match notice {
            Notice::Permission => view! {
                <div class="alert alert-info" role="status" data-testid="linked-permission">
                    <p><strong>{t::permission_needed(&file)}</strong></p>
                    <p>{t::PERMISSION_WHY}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| linked::grant(app, lc)>{t::GRANT}</button>
                        <button type="button" class="button secondary" on:click=move |_| linked::dismiss(lc)>{t::NOT_NOW}</button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::Failed(f) => view! {
                <div class="alert alert-warning" role="alert" data-testid="linked-failure">
                    <p>{t::failure(&f, &file)}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| linked::retry(app, lc)>{t::RETRY}</button>
                        <button type="button" class="button-link" on:click=move |_| linked::dismiss(lc)>{t::CLOSE}</button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}

/// On the start page, when the browser holds no workspaces: open the copy on disk and link it again. The
/// file goes through the same reading and checks as an import on the Data page.
#[component]
pub fn OpenCopyOffer() -> impl IntoView {
    let app = use_app();
    let lc = use_linked();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    // A protected copy waits for its passphrase; once open it is imported but never linked, since Trappe
    // would write it back to the file unprotected.
    let locked = RwSignal::new(None::<(String, Arc<SealedFile>)>);
    let nav = StoredValue::new_local(navigate.clone());
    let open_sealed = move |file_name: String, imported: Imported| {
        // Taken now: once the import stores a workspace, this offer (and its values) is gone.
        let navigate = nav.get_value();
        spawn_local(async move {
            if let Err(e) = session::import(app, imported.workspace, ImportTarget::New).await {
                let _ = error.try_set(Some(text::ui::storage_error(&e)));
                return;
            }
            let _ = locked.try_set(None);
            let name = app.read_untracked(|w| w.name.clone()).unwrap_or_default();
            let mut said = text::sealed::opened_sealed_copy(&name, &file_name);
            if !imported.report.is_clean() {
                said = format!("{said} {}", text::file::restore_summary(&imported.report));
            }
            app.info(said);
            navigate("/overblik", Default::default());
        });
    };
    let shown = move || {
        lc.open_supported
            && app.mode.get() != StorageMode::Starting
            && app
                .workspaces
                .with(|l| l.iter().all(|m| m.deleted_at.is_some()))
    };
    let open = move |_| {
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let handle = match linked_file::pick_open().await {
                Ok(h) => h,
                Err(linked_file::PickError::Cancelled) => return,
                Err(linked_file::PickError::Failed(_)) => {
                    error.set(Some(t::PICK_FAILED.into()));
                    return;
                }
            };
            // Asked at once, while the click still counts; if the browser will not ask now, the notice
            // asks later.
            let granted = linked_file::request_permission(&handle).await
                == crate::storage::linked_copy::Permission::Granted;
            reading.set(true);
            let file_name = linked_file::name(&handle);
            let read = match linked_file::file(&handle).await {
                Ok(file) => super::data::read_import_file(&file).await,
                Err(_) => Err(text::file::unreadable_file()),
            };
            let imported = match read {
                Ok(ReadImport::Plain(i)) => i,
                Ok(ReadImport::Sealed(sealed)) => {
                    reading.set(false);
                    locked.set(Some((file_name, sealed)));
                    return;
                }
                Err(e) => {
                    reading.set(false);
                    error.set(Some(t::not_opened(&file_name, &e)));
                    return;
                }
            };
            let result = session::import(app, imported.workspace, ImportTarget::New).await;
            reading.set(false);
            if let Err(e) = result {
                error.set(Some(text::ui::storage_error(&e)));
                return;
            }
            let Some(id) = app.open_id.get_untracked() else {
                return;
            };
            let name = app.read_untracked(|w| w.name.clone()).unwrap_or_default();
            let mut said = t::opened_copy(&name, &file_name);
            if !imported.report.is_clean() {
                said = format!("{said} {}", text::file::restore_summary(&imported.report));
            }
            app.info(said);
            navigate("/overblik", Default::default());
            linked::attach(app, lc, id, handle, granted).await;
        });
    };
    view! {
        <Show when=shown>
            <section aria-labelledby="start-copy" data-testid="open-copy">
                <h2 id="start-copy">{t::OPEN_HEADING}</h2>
                <p>{t::OPEN_TEXT}</p>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <button type="button" class="button" on:click=open.clone()>{t::OPEN_BUTTON}</button>
                {move || locked.get().map(|(file_name, sealed)| {
                    let name = file_name.clone();
                    view! {
                        <crate::ui::protect::UnlockForm file_name=file_name sealed=sealed id="copy-unlock"
                            on_open=Callback::new(move |imported| open_sealed(name.clone(), imported))
                            on_cancel=Callback::new(move |_| locked.set(None))/>
                    }
                })}
                <p role="status" aria-live="polite">{move || reading.get().then_some(t::OPEN_READING)}</p>
            </section>
        </Show>
    }
}
