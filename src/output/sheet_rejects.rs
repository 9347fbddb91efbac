//! The rows of a sheet that could not be imported, as a CSV to fix and import again: the sheet's own header
//! and cells as they were, and a last column that says what to fix in each row.

use super::{safe_cell, table_csv};
use crate::sheet_import::cells::text;
use crate::sheet_import::fields::{headers, Mapping};
use crate::sheet_import::preview::{Outcome, Preview};
use crate::spreadsheet::Sheet;
use crate::text::sheet_import as txt;

pub fn rejected_rows_csv(sheet: &Sheet, mapping: &Mapping, preview: &Preview) -> Vec<u8> {
    let header = headers(sheet, mapping.header_row);
    let width = header.len();
    let mut rows = vec![header
        .iter()
        .map(|h| safe_cell(h).into_owned())
        .chain([txt::REJECTS_REASON_HEADER.to_string()])
        .collect::<Vec<_>>()];
    for r in &preview.rows {
        let Outcome::Unreadable(problems) = &r.outcome else {
            continue;
        };
        let reasons: Vec<String> = problems
            .iter()
            .map(|p| txt::cell_problem(p, &header))
            .collect();
        rows.push(
            (0..width)
                .map(|c| safe_cell(&text(sheet.cell(r.row - 1, c))).into_owned())
                .chain([reasons.join("\n")])
                .collect(),
        );
    }
    table_csv(rows)
}
