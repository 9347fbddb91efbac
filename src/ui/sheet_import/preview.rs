//! The preview: how many rows are new, already there or unreadable; the first rows as records; every
//! unreadable row with its column and reason; the choice for rows already there; and the buttons.

use super::Flow;
use crate::browser::files;
use crate::model::record::Record;
use crate::output::sheet_rejects::rejected_rows_csv;
use crate::sheet_import::fields::{headers, Field, Kind};
use crate::sheet_import::preview::{Outcome, Preview, RowResult};
use crate::text::{self, sheet_import as txt};
use leptos::prelude::*;

/// How many records the sample shows, and how many unreadable rows the list names.
const SAMPLE: usize = 10;
const LISTED: usize = 200;

#[component]
pub(super) fn PreviewSection(
    flow: Flow,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    // (new, existing, changed, parts, unreadable, to import), and the line that says them.
    let counts = move || {
        flow.preview.with(|p| {
            p.as_ref().map(|p| {
                let existing = if p.kind == Kind::Measurements {
                    p.columns.iter().filter(|c| c.exists).count()
                } else {
                    p.existing_rows()
                };
                (
                    p.new_rows(),
                    existing,
                    p.changed_rows(),
                    p.part_rows(),
                    p.unreadable_rows(),
                    p.records(flow.update.get()).len(),
                )
            })
        })
    };
    let summary = move || {
        flow.preview.with(|p| {
            p.as_ref().map(|p| {
                if p.kind == Kind::Measurements {
                    let name = |c: &crate::sheet_import::preview::ColumnRecord| match &c.record {
                        Record::Measurement(m) => m.name.clone(),
                        _ => String::new(),
                    };
                    let new: Vec<String> =
                        p.columns.iter().filter(|c| !c.exists).map(name).collect();
                    let existing: Vec<(String, bool)> = p
                        .columns
                        .iter()
                        .filter(|c| c.exists)
                        .map(|c| (name(c), c.changes))
                        .collect();
                    txt::measurement_summary(&new, &existing, p.counted_rows(), p.unreadable_rows())
                } else {
                    txt::summary(
                        p.new_rows(),
                        p.existing_rows(),
                        p.changed_rows(),
                        p.part_rows(),
                        p.unreadable_rows(),
                    )
                }
            })
        })
    };
    let missing = move || {
        flow.preview
            .with(|p| p.as_ref().map(|p| p.missing.clone()).unwrap_or_default())
    };
    let download = move |_| {
        let (Some(s), Some(m)) = (flow.current_sheet_untracked(), flow.mapping.get_untracked())
        else {
            return;
        };
        let Some(p) = flow.preview.get_untracked() else {
            return;
        };
        let bytes = rejected_rows_csv(&s, &m, &p);
        let _ = files::download(
            &txt::rejects_file_name(&flow.file_name.get_untracked()),
            "text/csv;charset=utf-8",
            &bytes,
        );
    };
    let existing_hint = match flow.kind {
        Kind::Meetings => txt::EXISTING_HINT_MEETINGS,
        Kind::Initiatives => txt::EXISTING_HINT_PLAN,
        Kind::Measurements => txt::EXISTING_HINT_MEASUREMENTS,
    };
    view! {
        <h2 id="sheet-preview-heading">{txt::PREVIEW_HEADING}</h2>
        {move || missing().into_iter().map(|f| view! {
            <p class="form-error" role="alert" data-testid="sheet-missing">{txt::missing_column(f)}</p>
        }).collect_view()}
        <p data-testid="sheet-summary" aria-live="polite">{summary}</p>
        {move || sample(flow)}
        <Show when=move || counts().is_some_and(|(_, e, _, _, _, _)| e > 0)>
            <fieldset class="form-group">
                <legend class="form-label">{txt::existing_legend(flow.kind)}</legend>
                <span class="form-hint">{existing_hint}</span>
                <div class="radio">
                    <input type="radio" id="sheet-existing-skip" name="sheet-existing" prop:checked=move || !flow.update.get()
                        on:change=move |_| flow.update.set(false)/>
                    <label for="sheet-existing-skip">{txt::EXISTING_SKIP}</label>
                </div>
                <div class="radio">
                    <input type="radio" id="sheet-existing-update" name="sheet-existing" prop:checked=move || flow.update.get()
                        on:change=move |_| flow.update.set(true)/>
                    <label for="sheet-existing-update">{txt::EXISTING_UPDATE}</label>
                </div>
            </fieldset>
        </Show>
        {move || problems(flow)}
        {move || flow.error.get().map(|e| view! { <p class="form-error" role="alert" id="sheet-import-error">{e}</p> })}
        <div class="button-row">
            {move || {
                let n = counts().map(|c| c.5).unwrap_or(0);
                let blocked = n == 0 || !missing().is_empty();
                view! {
                    <button type="button" class="button" id="sheet-import-go" data-testid="sheet-import-go"
                        aria-disabled=blocked.to_string()
                        on:click=move |_| if !blocked { on_import.run(()) }>
                        {if n == 0 { txt::NOTHING_TO_IMPORT.to_string() } else { txt::import_button(flow.kind, n) }}
                    </button>
                }
            }}
            <Show when=move || counts().is_some_and(|c| c.4 > 0)>
                <button type="button" class="button secondary" data-testid="sheet-rejects" on:click=download>{txt::DOWNLOAD_REJECTS}</button>
            </Show>
            <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>{txt::CANCEL}</button>
        </div>
    }
}

/// The first rows as they will become records.
fn sample(flow: Flow) -> impl IntoView {
    let p = flow.preview.get()?;
    let (cols, body, of) = if flow.kind == Kind::Measurements {
        counts_sample(flow, &p)?
    } else {
        records_sample(flow.kind, &p)?
    };
    let shown = body.len();
    Some(view! {
        <div class="table-scroll">
            <table class="table sheet-sample" data-testid="sheet-sample">
                <caption>{txt::sample_caption(shown, of)}</caption>
                <thead><tr>{cols.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                <tbody>{body.into_iter().map(|cells| view! {
                    <tr>{cells.into_iter().enumerate().map(|(i, c)| if i == 0 {
                        view! { <th scope="row">{c}</th> }.into_any()
                    } else {
                        view! { <td>{c}</td> }.into_any()
                    }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    })
}

type Sample = (Vec<String>, Vec<Vec<String>>, usize);

/// Meetings and initiatives: each row's record, its main fields as the app shows them.
fn records_sample(kind: Kind, p: &Preview) -> Option<Sample> {
    let rows: Vec<&RowResult> = p
        .rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::New(_) | Outcome::Exists { .. }))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let fields: &[Field] = match kind {
        Kind::Meetings => &[
            Field::Date,
            Field::Time,
            Field::MeetingType,
            Field::CaseRef,
            Field::MeetingStatus,
        ],
        _ => &[
            Field::Number,
            Field::Title,
            Field::Owner,
            Field::Deadline,
            Field::InitiativeStatus,
        ],
    };
    let cols = std::iter::once(txt::ROW)
        .chain(fields.iter().map(|f| txt::field_label(*f)))
        .chain([txt::NEW_OR_EXISTING])
        .map(str::to_string)
        .collect();
    let body = rows.iter().take(SAMPLE).map(|r| record_cells(r)).collect();
    Some((cols, body, rows.len()))
}

/// Measurements: each row's intervention or step, and its count in each measurement's column.
fn counts_sample(flow: Flow, p: &Preview) -> Option<Sample> {
    let sheet = flow.current_sheet()?;
    let m = flow.mapping.get()?;
    let heads = headers(&sheet, m.header_row);
    let rows: Vec<(usize, &str)> = p
        .rows
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Counted(place) => Some((r.row, place.as_str())),
            _ => None,
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let cols = [
        txt::ROW.to_string(),
        txt::field_label(Field::Place).to_string(),
    ]
    .into_iter()
    .chain(p.columns.iter().map(|c| heads[c.column].clone()))
    .collect();
    let body = rows
        .iter()
        .take(SAMPLE)
        .map(|(row, place)| {
            [row.to_string(), place.to_string()]
                .into_iter()
                .chain(
                    p.columns
                        .iter()
                        .map(|c| crate::sheet_import::cells::text(sheet.cell(row - 1, c.column))),
                )
                .collect()
        })
        .collect();
    Some((cols, body, rows.len()))
}

/// One row of the sample: its number, the record's main fields as the app shows them, and new or existing.
fn record_cells(r: &RowResult) -> Vec<String> {
    let (record, state) = match &r.outcome {
        Outcome::New(rec) => (rec, txt::NEW),
        Outcome::Exists { record, changes } => (
            record,
            if *changes {
                txt::EXISTS_CHANGED
            } else {
                txt::EXISTS
            },
        ),
        _ => return Vec::new(),
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(text::date_short).unwrap_or_default();
    let mut cells = vec![r.row.to_string()];
    match record {
        Record::Meeting(m) => cells.extend([
            date(m.date),
            m.time.map(text::meetings::time).unwrap_or_default(),
            text::meeting_type(&m.meeting_type),
            m.case_ref.clone(),
            text::meeting_status(m.status).to_string(),
        ]),
        Record::Initiative(i) => cells.extend([
            i.number.clone(),
            i.title.clone(),
            i.owner.clone(),
            date(i.deadline),
            text::initiative_status(i.status).to_string(),
        ]),
        _ => {}
    }
    cells.push(state.to_string());
    cells
}

/// Every unreadable row (up to `LISTED`), with its column and the reason.
fn problems(flow: Flow) -> impl IntoView {
    let p = flow.preview.get()?;
    let sheet = flow.current_sheet()?;
    let m = flow.mapping.get()?;
    let heads = headers(&sheet, m.header_row);
    let bad: Vec<&RowResult> = p
        .rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Unreadable(_)))
        .collect();
    if bad.is_empty() {
        return None;
    }
    let more = bad.len().saturating_sub(LISTED);
    let items = bad
        .into_iter()
        .take(LISTED)
        .map(|r| {
            let Outcome::Unreadable(list) = &r.outcome else {
                return ().into_any();
            };
            let reasons: Vec<String> = list.iter().map(|c| txt::cell_problem(c, &heads)).collect();
            view! {
                <li><strong>{txt::row_number(r.row)}</strong>": "
                    {reasons.join(" ")}</li>
            }
            .into_any()
        })
        .collect_view();
    Some(view! {
        <h3 id="sheet-problems-heading">{txt::PROBLEMS_HEADING}</h3>
        <p>{txt::PROBLEMS_LEAD}</p>
        <ul class="sheet-problems" aria-labelledby="sheet-problems-heading" data-testid="sheet-problems">{items}</ul>
        {(more > 0).then(|| view! { <p>{txt::more_problems(more)}</p> })}
    })
}
