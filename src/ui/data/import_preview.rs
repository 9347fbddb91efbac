//! What a read file holds, and the choice of how to bring it in: as a copy, replacing, or merged.

use super::import::{import, Pending};
use crate::app::session::{self, ImportTarget};
use crate::app::use_app;
use crate::model::copies::{compare_copies, CopyComparison};
use crate::model::import_choice::{self, ImportMode, ImportRequest, ImportStep};
use crate::model::Id;
use crate::text::{self, data as td, ui as t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[component]
pub(super) fn ImportPreview(pending: Arc<Pending>, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    // Read through the shared file: a 10,000-meeting workspace took 15 ms to copy (profiled), and only
    // the choice made (a copy to store, or a merge) needs one.
    let ws = &pending.workspace;
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
            .then(|| app.read_untracked(|w| compare_copies(ws, w)))
            .flatten();
        match open_here {
            Some(c) => comparison.set(Some(Ok(c))),
            None => {
                let file = pending.clone();
                spawn_local(async move {
                    let result = session::read_stored(file_id)
                        .await
                        .map(|here| compare_copies(&file.workspace, &here))
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
    let name = ws.name.clone();
    let counts = (
        td::steps_and_interventions(ws.staircase.steps.len(), interventions),
        td::meeting_count(ws.meetings.len()),
        td::initiative_count(ws.plan.initiatives.len()),
    );
    let from_file = td::from_file(&pending.file_name);
    let upgraded = pending.migrated_from.map(td::upgraded_from);
    let repairs =
        (!pending.report.is_clean()).then(|| text::file::restore_summary(&pending.report));
    let file = StoredValue::new(pending.clone());
    let run = move |_| {
        let step = file.with_value(|p| {
            import_choice::step(ImportRequest {
                mode: mode.get_untracked(),
                file: &p.workspace,
                same_workspace_here: has_same,
                open: app.open_id.get_untracked(),
                replace: replace_target.get_untracked().parse::<Id>().ok(),
                confirmed: confirmed.get_untracked(),
                copy_suffix: &copy_suffix,
            })
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
                <legend class="form-label">{td::WHAT_TO_DO}</legend>
                {radio("import-merge", ImportMode::Merge, text::merge::merge_into(&here.name), never)}
                {radio("import-open-here", ImportMode::OpenHere, td::MODE_OPEN_HERE.into(), never)}
                // Replacing a copy with the same content changes nothing but puts it in the bin.
                <Show when=move || !is_same.get()>
                    {radio("import-replace-same", ImportMode::ReplaceSame, td::MODE_REPLACE_SAME.into(), never)}
                </Show>
                {radio("import-copy", ImportMode::Copy, td::mode_copy(&copy_name), never)}
            </fieldset>
        }
        .into_any(),
        None => view! {
            <fieldset class="form-group">
                <legend class="form-label">{td::HOW_TO_IMPORT}</legend>
                {radio("import-new", ImportMode::New, td::MODE_NEW.into(), never)}
                {open_name.clone().map(|n| radio("import-merge", ImportMode::Merge, text::merge::merge_into(&n), never))}
                {radio("import-replace", ImportMode::Replace, td::MODE_REPLACE.into(), no_others)}
            </fieldset>
        }
        .into_any(),
    };
    view! {
        <div class="panel" data-testid="import-preview">
            <h3 tabindex="-1" node_ref=heading_ref>{td::ready_to_import(&name)}</h3>
            <p>{from_file}
                {upgraded}
            </p>
            {repairs.map(|summary| view! {
                <div class="alert alert-warning" data-testid="import-repairs">
                    <p>{summary}</p>
                </div>
            })}
            <ul>
                <li>{counts.0}</li>
                <li>{counts.1}</li>
                <li>{counts.2}</li>
            </ul>
            {choices}
            <Show when=move || mode.get() == ImportMode::Replace>
                <div class="form-group">
                    <label for="import-target" class="form-label">{td::REPLACE_TARGET}</label>
                    <select id="import-target" class="form-select" on:change=move |ev| replace_target.set(event_target_value(&ev)) prop:value=move || replace_target.get()>
                        <option value="">{td::CHOOSE}</option>
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
                            ImportMode::OpenHere => td::OPEN,
                            ImportMode::Merge => text::merge::CONTINUE,
                            _ => td::IMPORT,
                        }}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| on_done.run(())>{td::CANCEL}</button>
                </div>
            </Show>
            {move || merging.get().then(|| view! { <crate::ui::merge::MergePreview file=file.with_value(|p| p.workspace.clone()) on_done=on_done/> })}
        </div>
    }
}
