//! «Importér fra regneark»: a spreadsheet file is read in its own worker (`browser::sheet_worker`), the
//! user confirms which column is which and what unknown values mean, reads the preview, and imports the good
//! rows as one command (one undo). The reading of rows is `sheet_import`; this only draws and dispatches.

mod mapping;
mod preview;

use crate::app::state::Part;
use crate::app::{session, use_app};
use crate::browser::files;
use crate::browser::sheet_worker::{self, SheetReadFailure};
use crate::sheet_import::fields::{suggest, suggest_at, to_remember, Field, Kind, Mapping};
use crate::sheet_import::preview::{preview as read_rows, Preview, ValueChoices};
use crate::sheet_import::privacy;
use crate::spreadsheet::Sheet;
use crate::storage::settings;
use crate::text::sheet_import as txt;
use crate::ui::kit::file_field::FileField;
use crate::ui::privacy_check::{PrivacyCheck, PrivacyWarning};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The import's address under each area (`/netvaerksmoeder/fra-regneark`, `/handleplan/fra-regneark`).
pub const ROUTE: &str = "fra-regneark";

use crate::spreadsheet::read::MAX_BYTES as MAX_SHEET_BYTES;

/// One import's state, shared by its parts.
#[derive(Clone, Copy)]
struct Flow {
    kind: Kind,
    file_name: RwSignal<String>,
    sheets: RwSignal<Vec<Arc<Sheet>>>,
    sheet: RwSignal<usize>,
    mapping: RwSignal<Option<Mapping>>,
    choices: RwSignal<ValueChoices>,
    update: RwSignal<bool>,
    preview: Memo<Option<Arc<Preview>>>,
    /// What went wrong with the last import, shown above its buttons.
    error: RwSignal<Option<String>>,
}

impl Flow {
    fn current_sheet(&self) -> Option<Arc<Sheet>> {
        let i = self.sheet.get();
        self.sheets.with(|s| s.get(i).cloned())
    }

    fn current_sheet_untracked(&self) -> Option<Arc<Sheet>> {
        let i = self.sheet.get_untracked();
        self.sheets.with_untracked(|s| s.get(i).cloned())
    }

    fn reset(&self) {
        self.sheets.set(Vec::new());
        self.mapping.set(None);
        self.choices.set(ValueChoices::new());
        self.update.set(false);
        self.error.set(None);
    }
}

/// The key the columns' choices are remembered under: per workspace and kind.
fn remembered_key(workspace: &str, kind: Kind) -> String {
    format!("sheet_mapping.{workspace}.{kind:?}")
}

fn remembered(workspace: Option<String>, kind: Kind) -> BTreeMap<String, Option<Field>> {
    workspace
        .and_then(|w| settings::get(&remembered_key(&w, kind)))
        .unwrap_or_default()
}

fn part_of(kind: Kind) -> Part {
    match kind {
        Kind::Meetings => Part::Meetings,
        Kind::Initiatives => Part::Plan,
        Kind::Measurements => Part::Staircase,
    }
}

#[component]
pub fn SheetImport(kind: Kind) -> impl IntoView {
    let app = use_app();
    let workspace_id = move || app.current_meta().map(|m| m.id.to_string());
    let file_error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let (sheets, sheet, mapping, choices, update) = (
        RwSignal::new(Vec::<Arc<Sheet>>::new()),
        RwSignal::new(0usize),
        RwSignal::new(None::<Mapping>),
        RwSignal::new(ValueChoices::new()),
        RwSignal::new(false),
    );
    // Read again whenever the workspace's records of this kind change, so «findes allerede» is always now.
    let preview = Memo::new_with_compare(
        move |_| {
            let s = sheets.with(|all| all.get(sheet.get()).cloned())?;
            let m = mapping.get()?;
            choices.with(|c| app.read(part_of(kind), |ws| Arc::new(read_rows(ws, kind, &s, &m, c))))
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let flow = Flow {
        kind,
        file_name: RwSignal::new(String::new()),
        sheets,
        sheet,
        mapping,
        choices,
        update,
        preview,
        error: RwSignal::new(None),
    };

    let guess = move |s: &Sheet| suggest(kind, s, &remembered(workspace_id(), kind));
    let take_file = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        file_error.set(None);
        done.set(None);
        flow.reset();
        reading.set(true);
        spawn_local(async move {
            let read = match files::read_file(&file, MAX_SHEET_BYTES).await {
                Ok(bytes) => sheet_worker::read_workbook(&name, bytes)
                    .await
                    .map_err(|e| match e {
                        SheetReadFailure::Read(e) => {
                            if let crate::spreadsheet::ReadError::Damaged(why) = &e {
                                leptos::logging::warn!("sheet reader: {why}");
                            }
                            crate::text::sheet_read::read_error(&e)
                        }
                        SheetReadFailure::Unavailable(why) => {
                            leptos::logging::warn!("sheet reader: {why}");
                            crate::text::sheet_read::UNAVAILABLE.to_string()
                        }
                    }),
                Err(files::ReadError::TooLarge(n)) => Err(crate::text::sheet_read::read_error(
                    &crate::spreadsheet::ReadError::TooLarge(n as u64),
                )),
                Err(files::ReadError::Unreadable) => Err(crate::text::file::unreadable_file()),
            };
            reading.set(false);
            match read {
                Err(e) => file_error.set(Some(e)),
                Ok(wb) => {
                    let all: Vec<Arc<Sheet>> = wb.sheets.into_iter().map(Arc::new).collect();
                    // The first sheet that holds anything.
                    let first = all.iter().position(|s| s.width() > 0).unwrap_or(0);
                    let guessed = all.get(first).and_then(|s| guess(s));
                    if guessed.is_none() {
                        file_error.set(Some(txt::NO_ROWS.into()));
                        return;
                    }
                    flow.file_name.set(name);
                    sheet.set(first);
                    sheets.set(all);
                    mapping.set(guessed);
                }
            }
        });
    });
    let choose_sheet = move |i: usize| {
        sheet.set(i);
        choices.set(ValueChoices::new());
        let guessed = flow.current_sheet_untracked().and_then(|s| guess(&s));
        if guessed.is_none() {
            file_error.set(Some(txt::NO_ROWS.into()));
        } else {
            file_error.set(None);
        }
        mapping.set(guessed);
    };
    let choose_header_row = move |row: usize| {
        if let Some(s) = flow.current_sheet_untracked() {
            mapping.set(Some(suggest_at(
                kind,
                &s,
                row,
                &remembered(workspace_id(), kind),
            )));
        }
    };

    let check = PrivacyCheck::new("sheet");
    let import = move || {
        let (Some(s), Some(m), Some(p)) = (
            flow.current_sheet_untracked(),
            mapping.get_untracked(),
            preview.get_untracked(),
        ) else {
            return;
        };
        let upd = update.get_untracked();
        let found = privacy::hits(&s, &m, &p, upd);
        let all = found.clone();
        let chosen_values = choices.get_untracked();
        check.run(found, move |leave_out| {
            let clean = privacy::redact(&s, &all, &leave_out);
            let Some(Some((cmd, n))) = app.read_untracked(|ws| {
                let p = read_rows(ws, kind, &clean, &m, &chosen_values);
                p.command(upd).map(|c| (c, p.records(upd).len()))
            }) else {
                flow.error.set(Some(txt::NOTHING_TO_IMPORT.into()));
                return;
            };
            match session::dispatch(app, cmd) {
                Ok(()) => {
                    if let Some(w) = workspace_id() {
                        settings::set(&remembered_key(&w, kind), &to_remember(&s, &m));
                    }
                    flow.reset();
                    chosen.set(None);
                    done.set(Some(txt::imported(kind, n)));
                    crate::ui::common::focus_later("sheet-import-done".to_string());
                }
                Err(e) => flow.error.set(Some(crate::text::ui::command_error(&e))),
            }
        });
    };
    let cancel = move || {
        flow.reset();
        chosen.set(None);
        file_error.set(None);
        crate::ui::common::focus_later("sheet-file".to_string());
    };

    view! {
        <div class="sheet-import">
            {move || done.get().map(|d| view! {
                <div class="alert alert-success" role="status" id="sheet-import-done" tabindex="-1" data-testid="sheet-import-done">
                    <p>{d}</p>
                    <p><a href=crate::browser::address::at(txt::see_imported(kind).0)>{txt::see_imported(kind).1}</a></p>
                </div>
            })}
            <FileField id="sheet-file" label=txt::FILE_LABEL hint=txt::FILE_HINT error=file_error chosen=chosen
                on_file=take_file accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,text/csv"/>
            <Show when=move || reading.get()><p role="status">{txt::READING}</p></Show>
            <Show when=move || flow.mapping.with(Option::is_some)>
                <mapping::SheetAndMapping flow=flow on_sheet=Callback::new(choose_sheet) on_header_row=Callback::new(choose_header_row)/>
                <preview::PreviewSection flow=flow on_import=Callback::new(move |_| import()) on_cancel=Callback::new(move |_| cancel())/>
            </Show>
            <PrivacyWarning check=check anyway=txt::IMPORT_ANYWAY import=true/>
        </div>
    }
}
