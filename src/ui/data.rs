//! The Data page: the workspaces in this browser (rename, duplicate, trash), export and import of files,
//! and what the browser's storage holds.

use super::common::{set_title, ConfirmButton};
use super::kit::file_field::FileField;
use super::start::NewWorkspaceForm;
use crate::app::session::{self, ImportTarget};
use crate::app::{use_app, AppState, Part, StorageMode};
use crate::browser::address::at;
use crate::browser::{files, perf, storage_info};
use crate::file_format::sealed::{self, SealedFile};
use crate::file_format::{self, read_workspace_file, Imported, MAX_FILE_BYTES};
use crate::model::copies::{compare_copies, CopyComparison};
use crate::model::import_choice::{self, ImportMode, ImportRequest, ImportStep};
use crate::model::{Id, Workspace};
use crate::storage::StoredMeta;
use crate::text::{self, data as td, ui as t};
use crate::ui::kit::limits;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

fn local_date(at: DateTime<Utc>) -> String {
    let l = at.with_timezone(&Local);
    format!(
        "{} kl. {}",
        text::date_long(l.date_naive()),
        l.format("%H.%M")
    )
}

#[component]
pub fn DataPage() -> impl IntoView {
    set_title("Data");
    view! {
        <h1>"Data"</h1>
        <p class="lead">"Her styrer du dine arbejdsområder, deler dem som filer og ser, hvad browseren gemmer."</p>
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

#[component]
fn ExportSection() -> impl IntoView {
    let app = use_app();
    // Personal data in the file is shown first; chosen hits are left out of the file.
    let check = super::privacy_check::PrivacyCheck::new("export");
    let choice = super::protect::ExportChoice::new();
    let meta = Memo::new(move |_| {
        app.workspaces.track();
        app.open_id.get().and_then(|_| app.current_meta())
    });
    // Initials, asked once per browser: each revision made here names who made it.
    let author = RwSignal::new(String::new());
    let author_error = RwSignal::new(None::<String>);
    let ask_author = RwSignal::new(!super::merge::has_author());
    let start_export = move |_| {
        if ask_author.get_untracked() {
            if !super::merge::keep_author_if_given(author, author_error) {
                return;
            }
            ask_author.set(!super::merge::has_author());
        }
        let hits = super::privacy_check::workspace_hits(app);
        check.run(hits, move |leave_out| choice.export(app, leave_out));
    };
    view! {
        <section aria-labelledby="data-export">
            <h2 id="data-export">{td::EXPORT_HEADING}</h2>
            {move || match app.read(Part::Info, |w| w.name.clone()) {
                None => view! { <p>{t::NO_WORKSPACE}" "<a href=at("/")>{td::GO_HOME}</a></p> }.into_any(),
                Some(name) => view! {
                    <p>"Gem «"{name}"» som en JSON-fil, som du kan gemme et sikkert sted eller sende til en kollega."</p>
                    <ExportReminder meta=meta/>
                    <Show when=move || ask_author.get()>
                        <super::merge::AuthorField value=author error=author_error id="export-author"/>
                    </Show>
                    <super::protect::ExportControls choice=choice start=Callback::new(start_export)/>
                    <super::privacy_check::PrivacyWarning check=check/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ExportReminder(meta: Memo<Option<StoredMeta>>) -> impl IntoView {
    move || {
        let m = meta.get()?;
        Some(match days_since(m.last_exported_at) {
            None => view! { <p class="reminder" data-testid="export-reminder">"Arbejdsområdet er aldrig blevet eksporteret. Browseren kan slette sine data, fx når disken er fuld eller historikken ryddes; en fil er din sikkerhedskopi."</p> }.into_any(),
            Some(d) if d > 14 => view! { <p class="reminder" data-testid="export-reminder">{format!("Sidst eksporteret for {d} dage siden ({}). Overvej at eksportere en frisk kopi.", local_date(m.last_exported_at.unwrap_or_default()))}</p> }.into_any(),
            Some(_) => view! { <p class="muted" data-testid="export-reminder">"Sidst eksporteret "{local_date(m.last_exported_at.unwrap_or_default())}"."</p> }.into_any(),
        })
    }
}

#[component]
fn WorkspaceList() -> impl IntoView {
    let app = use_app();
    let active = crate::ui::kit::stored::stored_workspaces(app, false);
    view! {
        <section aria-labelledby="data-list">
            <h2 id="data-list">"Arbejdsområder i denne browser"</h2>
            <Show when=move || !active.get().is_empty() fallback=|| view! { <p>{td::NO_WORKSPACES}</p> }>
                <table class="table">
                    <caption class="visually-hidden">"Arbejdsområder i denne browser"</caption>
                    <thead><tr><th scope="col">"Navn"</th><th scope="col">{td::COL_SAVED}</th><th scope="col">{td::COL_SIZE}</th><th scope="col">{td::COL_EXPORTED}</th><th scope="col">{td::COL_ACTIONS}</th></tr></thead>
                    <tbody>
                        // Keyed by id alone: a save in another tab updates a row in place, so a name being
                        // typed into its rename field stays.
                        <For each=move || active.get() key=|m| m.id let:m>
                            <WorkspaceRow id=m.id/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn WorkspaceRow(id: Id) -> impl IntoView {
    let app = use_app();
    let meta = Memo::new(move |_| {
        app.workspaces
            .with(|l| l.iter().find(|m| m.id == id).cloned())
    });
    let field = move |f: fn(&StoredMeta) -> String| {
        move || meta.with(|m| m.as_ref().map(f).unwrap_or_default())
    };
    let is_open = move || app.open_id.get() == Some(id);
    let renaming = RwSignal::new(false);
    // The name alone, so the delete question is redrawn only when the name changes.
    let name =
        Memo::new(move |_| meta.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default()));
    let hidden_name = move || view! { <span class="visually-hidden">" "{name.get()}</span> };
    view! {
        <tr class:current=is_open>
            <th scope="row">
                {move || name.get()}
                <Show when=is_open><span class="tag">"Åben"</span></Show>
            </th>
            <td>{field(|m| local_date(m.saved_at))}</td>
            <td>{field(|m| t::bytes(m.bytes as f64))}</td>
            <td>{field(|m| m.last_exported_at.map(local_date).unwrap_or_else(|| "Aldrig".into()))}</td>
            <td class="actions">
                <Show when=move || !is_open()>
                    <button type="button" class="button secondary" on:click=move |_| spawn_local(session::open(app, id))>
                        "Åbn"{hidden_name}
                    </button>
                </Show>
                <button type="button" class="button secondary" aria-expanded=move || renaming.get().to_string() on:click=move |_| renaming.update(|r| *r = !*r)>
                    "Omdøb"{hidden_name}
                </button>
                <button type="button" class="button secondary" on:click=move |_| spawn_local(async move {
                    match session::duplicate(app, id).await {
                        Ok(()) => app.info(td::COPY_OPENED),
                        Err(e) => app.error(e),
                    }
                })>"Duplikér"{hidden_name}</button>
                {move || {
                    let n = name.get();
                    view! {
                        <ConfirmButton label=format!("Slet {n}") question=t::trash_question(&n)
                            confirm_label=td::TRASH_CONFIRM.into() danger=true
                            on_confirm=Callback::new(move |_| spawn_local(async move {
                                match session::trash(app, id, false).await {
                                    Ok(()) => app.info(td::TRASHED),
                                    Err(e) => app.error(e),
                                }
                            }))/>
                    }
                }}
                <Show when=move || renaming.get()>
                    <RenameForm id=id current=name.get_untracked() done=Callback::new(move |_| renaming.set(false))/>
                </Show>
            </td>
        </tr>
    }
}

#[component]
fn RenameForm(id: Id, current: String, done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let value = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let field_id = format!("rename-{id}");
    let error_id = format!("rename-{id}-error");
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let touched = crate::ui::common::form_draft("Nyt navn");
    Effect::new(move |_| {
        if let Some(i) = input_ref.get() {
            let _ = i.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = value.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(td::NAME_MISSING.into()));
            return;
        }
        spawn_local(async move {
            match session::rename(app, id, name).await {
                // The row may be gone by now (the workspace emptied from the bin in another tab): a panic
                // here would leave the app's task queue broken.
                Ok(()) => {
                    app.info(td::RENAMED);
                    let _ = done.try_run(());
                }
                Err(e) => {
                    let _ = error.try_set(Some(e));
                }
            }
        });
    };
    let eid = error_id.clone();
    view! {
        <form class="inline-form" on:submit=submit on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) novalidate>
            <label for=field_id.clone() class="form-label">"Nyt navn"</label>
            {move || error.get().map(|e| view! { <span class="form-error" id=error_id.clone()>{e}</span> })}
            <input id=field_id class="form-input" type="text" maxlength=limits::NAME node_ref=input_ref
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().map(|_| eid.clone())
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <button type="submit" class="button">"Gem navn"</button>
            <button type="button" class="button secondary" on:click=move |_| done.run(())>"Fortryd"</button>
        </form>
    }
}

#[derive(Clone)]
struct Pending {
    file_name: String,
    workspace: Workspace,
    migrated_from: Option<u32>,
    report: file_format::RestoreReport,
}

#[component]
fn ImportSection() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
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
        pending.set(Some(Pending {
            file_name,
            workspace,
            migrated_from,
            report,
        }));
    };

    let take_file = Callback::new(move |file: web_sys::File| {
        let file_name = file.name();
        error.set(None);
        pending.set(None);
        locked.set(None);
        reading.set(true);
        spawn_local(async move {
            let result = read_import_file(&file).await;
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
                    <super::protect::UnlockForm file_name=file_name sealed=sealed id="import-unlock"
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
/// size limit before reading, then read whole and checked by `read_workspace_file`. The error is the
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
        Some(Err(e)) => {
            return Err(format!(
                "«{}» er ikke indlæst. {}",
                file.name(),
                text::sealed::sealed_error(&e)
            ))
        }
        None => {}
    }
    perf::start("trappe-import-parse");
    let parsed = read_workspace_file(&bytes);
    perf::end("trappe-import-parse");
    parsed.map(ReadImport::Plain).map_err(|e| {
        format!(
            "«{}» er ikke indlæst. {}",
            file.name(),
            text::file::import_error(&e)
        )
    })
}

/// Stores the file's workspace as `target` says, then closes the preview; an error stays in it.
fn import(
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

#[component]
fn ImportPreview(pending: Pending, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let ws = pending.workspace.clone();
    let interventions: usize = ws
        .staircase
        .steps
        .iter()
        .map(|s| s.interventions.len())
        .sum();
    let others = crate::ui::kit::stored::stored_workspaces(app, false);
    // The same workspace (by id) in this browser, compared by content with the file: the open copy as it
    // is in memory (its unsaved edits are in the journal), another as stored.
    let file_id = ws.id;
    let same = others.get_untracked().into_iter().find(|m| m.id == file_id);
    let comparison = RwSignal::new(None::<Result<CopyComparison, String>>);
    if same.is_some() {
        let open_here = (app.open_id.get_untracked() == Some(file_id))
            .then(|| app.read_untracked(|w| compare_copies(&ws, w)))
            .flatten();
        match open_here {
            Some(c) => comparison.set(Some(Ok(c))),
            None => {
                let file = ws.clone();
                spawn_local(async move {
                    let result = session::read_stored(file_id)
                        .await
                        .map(|here| compare_copies(&file, &here))
                        .map_err(|e| t::storage_error(&e));
                    let _ = comparison.try_set(Some(result));
                });
            }
        }
    }
    let mode = RwSignal::new(import_choice::first_choice(same.is_some()));
    let merging = RwSignal::new(false);
    let open_name = app
        .open_id
        .get_untracked()
        .and_then(|_| app.read_untracked(|w| w.name.clone()));
    let is_same =
        Signal::derive(move || comparison.with(|c| matches!(c, Some(Ok(c)) if c.is_same())));
    let chosen_by_user = RwSignal::new(false);
    Effect::new(move |_| {
        let next = import_choice::after_comparison(
            mode.get_untracked(),
            is_same.get(),
            chosen_by_user.get_untracked(),
        );
        if next != mode.get_untracked() {
            mode.set(next);
        }
    });
    let copy_suffix = t::imported_copy_suffix(crate::browser::today());
    let copy_name = import_choice::copy_name(&ws.name, &copy_suffix);
    let replace_target = RwSignal::new(String::new());
    let confirmed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let heading_ref = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading_ref.get() {
            let _ = h.focus();
        }
    });
    let has_same = same.is_some();
    let for_merge = StoredValue::new(pending.workspace.clone());
    let run = move |_| {
        let step = import_choice::step(ImportRequest {
            mode: mode.get_untracked(),
            file: &pending.workspace,
            same_workspace_here: has_same,
            open: app.open_id.get_untracked(),
            replace: replace_target.get_untracked().parse::<Id>().ok(),
            confirmed: confirmed.get_untracked(),
            copy_suffix: &copy_suffix,
        });
        match step {
            Err(refusal) => error.set(Some(text::data::import_refusal(refusal).into())),
            Ok(ImportStep::Merge { open_first: None }) => merging.set(true),
            Ok(ImportStep::Merge {
                open_first: Some(id),
            }) => spawn_local(async move {
                session::open(app, id).await;
                merging.set(true);
            }),
            Ok(ImportStep::OpenHere(id)) => spawn_local(async move {
                session::open(app, id).await;
                app.info_focused(text::data::OPENED_HERE_NOT_IMPORTED);
                on_done.run(());
            }),
            Ok(ImportStep::Create(ws)) => import(app, *ws, ImportTarget::New, error, on_done),
            Ok(ImportStep::Replace(ws, id)) => {
                import(app, *ws, ImportTarget::Replace(id), error, on_done)
            }
        }
    };
    let radio = move |id: &'static str, m: ImportMode, label: String, disabled: Signal<bool>| {
        view! {
            <div class="radio">
                <input type="radio" id=id name="import-mode" prop:checked=move || mode.get() == m
                    on:change=move |_| { mode.set(m); chosen_by_user.set(true); error.set(None) } disabled=disabled/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let no_others = Signal::derive(move || others.with(|o| o.is_empty()));
    let never = Signal::derive(|| false);
    let choices = match &same {
        Some(here) => view! {
            <div class="alert alert-info" data-testid="import-same">
                <p><strong>{t::same_workspace_title(&here.name)}</strong></p>
                {move || match comparison.get() {
                    None => view! { <p role="status">{t::COMPARING_COPIES}</p> }.into_any(),
                    Some(Err(e)) => view! { <p>{e}</p> }.into_any(),
                    Some(Ok(c)) => {
                        let words = t::copy_comparison(&c);
                        view! {
                            <p data-testid="import-verdict">{words.headline}</p>
                            {(!words.details.is_empty()).then(|| view! {
                                <ul data-testid="import-differences">
                                    {words.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                                </ul>
                            })}
                        }.into_any()
                    }
                }}
            </div>
            <fieldset class="form-group">
                <legend class="form-label">"Hvad vil du gøre?"</legend>
                {radio("import-merge", ImportMode::Merge, text::merge::merge_into(&here.name), never)}
                {radio("import-open-here", ImportMode::OpenHere, td::MODE_OPEN_HERE.into(), never)}
                // Replacing a copy with the same content changes nothing but puts it in the bin.
                <Show when=move || !is_same.get()>
                    {radio("import-replace-same", ImportMode::ReplaceSame, td::MODE_REPLACE_SAME.into(), never)}
                </Show>
                {radio("import-copy", ImportMode::Copy, format!("Importér filen som en kopi ved siden af, med navnet «{copy_name}»"), never)}
            </fieldset>
        }
        .into_any(),
        None => view! {
            <fieldset class="form-group">
                <legend class="form-label">"Hvordan skal filen importeres?"</legend>
                {radio("import-new", ImportMode::New, td::MODE_NEW.into(), never)}
                {open_name.clone().map(|n| radio("import-merge", ImportMode::Merge, text::merge::merge_into(&n), never))}
                {radio("import-replace", ImportMode::Replace, td::MODE_REPLACE.into(), no_others)}
            </fieldset>
        }
        .into_any(),
    };
    view! {
        <div class="panel" data-testid="import-preview">
            <h3 tabindex="-1" node_ref=heading_ref>"Klar til import: «"{ws.name.clone()}"»"</h3>
            <p>"Fra filen "{pending.file_name.clone()}". "
                {pending.migrated_from.map(|v| format!("Filen var i formatversion {v} og er opgraderet. "))}
            </p>
            {(!pending.report.is_clean()).then(|| view! {
                <div class="alert alert-warning" data-testid="import-repairs">
                    <p>{text::file::restore_summary(&pending.report)}</p>
                </div>
            })}
            <ul>
                <li>{format!("{} trin og {} indsatser på trappen", ws.staircase.steps.len(), interventions)}</li>
                <li>{format!("{} netværksmøder", ws.meetings.len())}</li>
                <li>{format!("{} initiativer i handleplanen", ws.plan.initiatives.len())}</li>
            </ul>
            {choices}
            <Show when=move || mode.get() == ImportMode::Replace>
                <div class="form-group">
                    <label for="import-target" class="form-label">"Arbejdsområde, der erstattes"</label>
                    <select id="import-target" class="form-select" on:change=move |ev| replace_target.set(event_target_value(&ev)) prop:value=move || replace_target.get()>
                        <option value="">"Vælg …"</option>
                        <For each=move || others.get() key=|m| m.id let:m>
                            <option value=m.id.to_string()>{m.name.clone()}</option>
                        </For>
                    </select>
                </div>
            </Show>
            <Show when=move || matches!(mode.get(), ImportMode::Replace | ImportMode::ReplaceSame)>
                <div class="checkbox">
                    <input type="checkbox" id="import-confirm" prop:checked=move || confirmed.get() on:change=move |ev| confirmed.set(event_target_checked(&ev))/>
                    <label for="import-confirm">{td::REPLACE_CONFIRM}</label>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <Show when=move || !merging.get()>
                <div class="button-row">
                    <button type="button" class="button" on:click=run.clone()>
                        {move || match mode.get() {
                            ImportMode::OpenHere => "Åbn",
                            ImportMode::Merge => text::merge::CONTINUE,
                            _ => "Importér",
                        }}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| on_done.run(())>"Fortryd"</button>
                </div>
            </Show>
            {move || merging.get().then(|| view! { <super::merge::MergePreview file=for_merge.get_value() on_done=on_done/> })}
        </div>
    }
}

#[component]
fn TrashSection() -> impl IntoView {
    let app = use_app();
    let trashed = crate::ui::kit::stored::stored_workspaces(app, true);
    view! {
        <section aria-labelledby="data-trash">
            <h2 id="data-trash">"Papirkurv"</h2>
            <Show when=move || !trashed.get().is_empty() fallback=|| view! { <p>{td::TRASH_EMPTY}</p> }>
                <ul class="plain-list">
                    <For each=move || trashed.get() key=|m| m.id let:m>
                        <li>
                            {m.name.clone()}" "<span class="muted">"(slettet "{m.deleted_at.map(local_date).unwrap_or_default()}")"</span>" "
                            <button type="button" class="button secondary" on:click=move |_| spawn_local(async move {
                                match session::trash(app, m.id, true).await {
                                    Ok(()) => app.info(td::RESTORED),
                                    Err(e) => app.error(e),
                                }
                            })>"Gendan"<span class="visually-hidden">" "{m.name.clone()}</span></button>
                        </li>
                    </For>
                </ul>
                <ConfirmButton label=td::EMPTY_TRASH.into() question=td::EMPTY_TRASH_QUESTION.into()
                    confirm_label=td::EMPTY_TRASH_CONFIRM.into() danger=true
                    on_confirm=Callback::new(move |_| spawn_local(async move {
                        match session::empty_trash(app).await {
                            Ok(n) => app.info(format!("{n} arbejdsområde(r) er slettet for altid.")),
                            Err(e) => app.error(e),
                        }
                    }))/>
            </Show>
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let app = use_app();
    let usage = LocalResource::new(move || {
        app.workspaces.track();
        storage_info::estimate()
    });
    let ask = move |_| {
        spawn_local(async move {
            app.persisted
                .set(storage_info::request_persistence().await.or(Some(false)));
        })
    };
    view! {
        <section aria-labelledby="data-storage">
            <h2 id="data-storage">{td::STORAGE_HEADING}</h2>
            <dl class="facts">
                <dt>"Lagring"</dt>
                <dd>{move || match app.mode.get() {
                    StorageMode::Starting => "Starter …".to_string(),
                    StorageMode::IndexedDb => text::data::STORED_IN_BROWSER.into(),
                    StorageMode::MemoryOnly(_) => td::MEMORY_ONLY.into(),
                }}</dd>
                <dt>{td::USED_SPACE}</dt>
                <dd>{move || usage.get().flatten().map(|(used, quota)| format!("{} af {} til rådighed", t::bytes(used), t::bytes(quota))).unwrap_or_else(|| td::UNKNOWN.into())}</dd>
                <dt>{td::PERSISTED}</dt>
                <dd>{move || match app.persisted.get() {
                    Some(true) => td::PERSISTED_YES.into_any(),
                    _ => view! { "Nej: browseren kan slette dataene, hvis disken bliver fuld. " <button type="button" class="button-link" on:click=ask>"Bed om varig lagring"</button> }.into_any(),
                }}</dd>
            </dl>
        </section>
    }
}
