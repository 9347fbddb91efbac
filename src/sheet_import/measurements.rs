//! Children per intervention or step from a sheet: each row names an intervention or a step of the
//! staircase, and each count column is one measurement, named by its header («Baseline 2016», «Mål 2020»).

use super::cells::{self, ValueProblem};
use super::fields::{normalise, Field, Mapping};
use super::preview::{
    CellProblem, Chosen, ColumnRecord, Outcome, RowProblem, RowResult, UnknownValue, ValueChoices,
};
use crate::model::record::Record;
use crate::model::sheet_values::written_date;
use crate::model::validation::check_record;
use crate::model::{now, Id, Measurement, MeasurementKind, Workspace};
use crate::spreadsheet::{Cell, Sheet};
use crate::text::sheet_import as txt;
use std::collections::BTreeMap;

/// Where a row's children are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlaceRef {
    Intervention(Id),
    Step(Id),
}

/// The staircase's interventions and steps by the names a sheet may use; an intervention's name that two
/// steps share is named with its step.
fn places(ws: &Workspace) -> Vec<(String, PlaceRef)> {
    let mut out = Vec::new();
    for step in &ws.staircase.steps {
        for iv in &step.interventions {
            let shared = ws
                .staircase
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .filter(|o| normalise(&o.name) == normalise(&iv.name))
                .count()
                > 1;
            let label = if shared {
                txt::intervention_in_step(&iv.name, &step.name)
            } else {
                iv.name.clone()
            };
            out.push((label, PlaceRef::Intervention(iv.id)));
        }
    }
    for step in &ws.staircase.steps {
        out.push((step.name.clone(), PlaceRef::Step(step.id)));
    }
    out
}

/// A measurement's kind from the words of its header: «Baseline …», «Mål …», «Scenarie …», else a count.
fn kind_of(header: &str) -> MeasurementKind {
    let h = header.to_lowercase();
    let words: Vec<&str> = h.split(|c: char| !c.is_alphanumeric()).collect();
    if words.contains(&"baseline") {
        MeasurementKind::Baseline
    } else if words.contains(&"mål") || words.contains(&"målsætning") || words.contains(&"target")
    {
        MeasurementKind::Target
    } else if words.iter().any(|w| w.starts_with("scenari")) {
        MeasurementKind::Scenario
    } else {
        MeasurementKind::Actual
    }
}

/// Reads every row's place and counts; each count column becomes a measurement (new, or one of the same
/// name already in the staircase, which the sheet's counts would update).
pub(super) fn read(
    ws: &Workspace,
    sheet: &Sheet,
    mapping: &Mapping,
    choices: &ValueChoices,
) -> (Vec<RowResult>, Vec<UnknownValue>, Vec<ColumnRecord>) {
    let places = places(ws);
    let names: Vec<String> = places.iter().map(|(n, _)| n.clone()).collect();
    let find = |text: &str| {
        let n = normalise(text);
        places
            .iter()
            .find(|(label, _)| normalise(label) == n)
            .map(|(_, p)| *p)
    };
    let headers = super::fields::headers(sheet, mapping.header_row);
    let place_column = mapping
        .columns
        .iter()
        .position(|c| *c == Some(Field::Place));
    let count_columns: Vec<usize> = mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(Field::Count))
        .map(|(i, _)| i)
        .collect();
    let mut built: Vec<Measurement> = count_columns
        .iter()
        .map(|&c| {
            let header = headers[c].trim().to_string();
            let existing = ws
                .staircase
                .measurements
                .iter()
                .find(|m| normalise(&m.name) == normalise(&header));
            match existing {
                Some(m) => m.clone(),
                None => Measurement {
                    kind: kind_of(&header),
                    date: match sheet.cell(mapping.header_row, c) {
                        Cell::Date(d, _) => Some(*d),
                        _ => written_date(&header),
                    },
                    name: header,
                    ..Measurement::default()
                },
            }
        })
        .collect();
    let mut rows = Vec::new();
    let mut unknown: BTreeMap<String, UnknownValue> = BTreeMap::new();
    for (i, cells) in sheet.rows.iter().enumerate().skip(mapping.header_row + 1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let row = i + 1;
        let mut problems = Vec::new();
        let found = place_column
            .map(|c| cells::text(cells.get(c).unwrap_or(&Cell::Empty)))
            .unwrap_or_default();
        let chosen = match choices.get(&(Field::Place, normalise(&found))) {
            Some(Chosen::Name(n)) => n.clone(),
            _ => found.clone(),
        };
        let place = if found.is_empty() {
            problems.push(at(place_column, Field::Place, ValueProblem::Missing));
            None
        } else {
            let p = find(&chosen);
            // Noted as found, so the list of unknown values stays while the user chooses.
            if find(&found).is_none() {
                let close = cells::closest_name(&found, &names);
                unknown
                    .entry(normalise(&found))
                    .or_insert_with(|| UnknownValue {
                        field: Field::Place,
                        found: found.clone(),
                        rows: 0,
                        close: close.clone(),
                        options: names.clone(),
                    })
                    .rows += 1;
                if p.is_none() {
                    problems.push(at(
                        place_column,
                        Field::Place,
                        ValueProblem::UnknownPlace {
                            found: found.clone(),
                            close,
                        },
                    ));
                }
            }
            p
        };
        let mut counts = Vec::new();
        for (k, &c) in count_columns.iter().enumerate() {
            match cells::whole(cells.get(c).unwrap_or(&Cell::Empty)) {
                Ok(Some(n)) => counts.push((k, n)),
                Ok(None) => {}
                Err(p) => problems.push(at(Some(c), Field::Count, p)),
            }
        }
        let outcome = match place {
            Some(place) if problems.is_empty() => {
                for (k, n) in counts {
                    let m = &mut built[k];
                    match place {
                        PlaceRef::Intervention(id) => m.per_intervention.insert(id, n),
                        PlaceRef::Step(id) => m.per_step.insert(id, n),
                    };
                }
                Outcome::Counted(
                    places
                        .iter()
                        .find(|(_, p)| *p == place)
                        .map(|(l, _)| l.clone())
                        .unwrap_or_default(),
                )
            }
            _ => Outcome::Unreadable(problems),
        };
        rows.push(RowResult { row, outcome });
    }
    let columns = built
        .into_iter()
        .zip(count_columns)
        .map(|(mut m, column)| {
            let before = ws.staircase.measurements.iter().find(|x| x.id == m.id);
            let changes = before != Some(&m);
            if changes {
                m.updated_at = now();
            }
            let record = Record::Measurement(m);
            let issues = check_record(record.view());
            ColumnRecord {
                column,
                exists: before.is_some(),
                changes,
                problems: issues
                    .iter()
                    .map(|i| crate::text::file::validation_problem(&i.problem))
                    .collect(),
                record,
            }
        })
        .collect();
    (rows, unknown.into_values().collect(), columns)
}

fn at(column: Option<usize>, field: Field, problem: ValueProblem) -> CellProblem {
    CellProblem {
        column,
        field: Some(field),
        problem: RowProblem::Value(problem),
    }
}
