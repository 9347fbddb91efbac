//! Personal data in a sheet before it is imported: every CPR-like number, e-mail address and phone number
//! in each cell the import would bring in, found as an export finds them, and the sheet with the hits the
//! user leaves out replaced by «[fjernet]». The stored workspace is never touched by the check.

use super::cells::text;
use super::fields::Mapping;
use super::preview::{Outcome, Preview};
use crate::file_format::personal_data::{Hit, REDACTED};
use crate::model::field_path::FieldPath;
use crate::model::privacy::find_personal_data;
use crate::model::sorting::StableSort;
use crate::spreadsheet::{Cell, Sheet};

/// The place of a cell, as the check's list describes it («Regnearkets række 7, kolonne H»).
fn cell_path(row: usize, column: usize) -> FieldPath {
    FieldPath::key("sheet").at(row).then("column").at(column)
}

/// Every hit in the cells of the chosen columns, in the rows the import brings in (`update`: also the
/// existing records the sheet changes).
pub fn hits(sheet: &Sheet, mapping: &Mapping, preview: &Preview, update: bool) -> Vec<Hit> {
    let mut found = Vec::new();
    for r in &preview.rows {
        let imported = match &r.outcome {
            Outcome::New(_) | Outcome::Counted(_) => true,
            Outcome::Exists { changes, .. } => update && *changes,
            _ => false,
        };
        if !imported {
            continue;
        }
        let row = r.row - 1;
        for (column, field) in mapping.columns.iter().enumerate() {
            if field.is_none() {
                continue;
            }
            let value = text(sheet.cell(row, column));
            for f in find_personal_data(&value) {
                found.push(Hit {
                    id: format!(
                        "sheet[{row}].column[{column}]#{}-{}",
                        f.range.start, f.range.end
                    ),
                    kind: f.kind,
                    path: cell_path(row, column),
                    text: value[f.range.clone()].to_string(),
                    range: f.range,
                });
            }
        }
    }
    found
}

/// The sheet with the hits named by `leave_out` replaced by «[fjernet]» in their cells.
pub fn redact(sheet: &Sheet, hits: &[Hit], leave_out: &[String]) -> Sheet {
    let mut out = sheet.clone();
    // Later ranges first, so earlier ones keep their place in the text.
    let mut chosen: Vec<&Hit> = hits.iter().filter(|h| leave_out.contains(&h.id)).collect();
    chosen.stable_sort_by_key(|h| std::cmp::Reverse(h.range.start));
    for hit in chosen {
        let (Some(row), Some(column)) = (
            hit.path.steps().get(1).and_then(index),
            hit.path.steps().get(3).and_then(index),
        ) else {
            continue;
        };
        let mut value = text(out.cell(row, column));
        if value.get(hit.range.clone()) != Some(hit.text.as_str()) {
            continue;
        }
        value.replace_range(hit.range.clone(), REDACTED);
        if let Some(cell) = out.rows.get_mut(row).and_then(|r| r.get_mut(column)) {
            *cell = Cell::Text(value);
        }
    }
    out
}

fn index(step: &crate::model::field_path::PathStep) -> Option<usize> {
    match step {
        crate::model::field_path::PathStep::Index(i) => Some(*i),
        _ => None,
    }
}
