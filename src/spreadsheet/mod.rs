//! A spreadsheet as it was read from a file (`.xlsx`, `.ods`, `.csv`), before anything in it is taken for a
//! meeting, an initiative or a figure. The reader (`read`) runs in its own web worker (`src/bin/sheet_reader.rs`),
//! so the spreadsheet crates never load with the app; what crosses to the app is this shape, as JSON.

pub mod read;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Every sheet of a workbook, in the workbook's order. A CSV file is one sheet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// One sheet: its rows as in the file, top to bottom, each row's cells left to right. Empty rows stay, so a
/// row's index + 1 is the row number the user sees in the spreadsheet program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell's value: for a formula, the value it last computed (what the program saved with it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (or date and time) by the program that wrote it.
    Date(NaiveDate, Option<NaiveTime>),
    Bool(bool),
    /// A formula's error value (`#DIV/0!`, `#REF!` …), as the program shows it.
    Error(String),
}

impl Sheet {
    /// The number of columns: the longest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The cell at a row and column; past a row's end a cell is empty.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// Why a file could not be read as a spreadsheet. The app says each in Danish (`text::sheet`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadError {
    /// Not a file type the reader knows (by its name and its first bytes).
    UnknownKind,
    /// A workbook protected with a password.
    Encrypted,
    /// A workbook whose insides cannot be read; the reader's own words, for the details.
    Damaged(String),
    /// A workbook with no sheet, or only empty ones.
    NoSheets,
    /// Larger than the reader takes (bytes).
    TooLarge(u64),
}
