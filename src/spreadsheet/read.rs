//! Reads a file's bytes into a [`Workbook`]: `.xlsx`/`.xlsm`/`.xls`/`.ods` through calamine, anything
//! text (`.csv`, `.txt`, `.tsv`) as CSV. Runs in the reader's web worker (`src/bin/sheet_reader.rs`) and
//! natively in the tests; nothing in the app's own wasm calls it, so calamine stays out of the app.
//!
//! Hostile input gives a [`ReadError`], never a panic: the size is capped before anything is read, and a
//! workbook's cells are placed one by one (never a grid sized by what the file claims).

use super::{Cell, ReadError, Sheet, Workbook};
use calamine::{
    open_workbook_from_rs, Data, DataRef, ExcelDateTime, Ods, Reader, SheetType, Xls, Xlsx,
};
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::io::Cursor;

/// The largest file read (bytes): far above a municipality's meeting log, well below what a browser tab
/// holds decoded.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most cells (placed and empty padding) a workbook may become: a 50 MB file can unpack to far more
/// than a tab can hold (a zip bomb); this is about 10× the largest real sheet we expect.
const MAX_CELLS: usize = 20_000_000;
/// Excel's own limits: a cell outside them is damage, not data.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// What the worker answers, as JSON: `{"ok": Workbook}` or `{"err": ReadError}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    #[serde(rename = "ok")]
    Ok(Workbook),
    #[serde(rename = "err")]
    Err(ReadError),
}

impl From<Result<Workbook, ReadError>> for Reply {
    fn from(r: Result<Workbook, ReadError>) -> Self {
        match r {
            Ok(w) => Reply::Ok(w),
            Err(e) => Reply::Err(e),
        }
    }
}

impl From<Reply> for Result<Workbook, ReadError> {
    fn from(r: Reply) -> Self {
        match r {
            Reply::Ok(w) => Ok(w),
            Reply::Err(e) => Err(e),
        }
    }
}

/// Reads a spreadsheet file, deciding its kind by its first bytes and then its name.
pub fn read_workbook(file_name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    // calamine 0.38 asserts on some broken files (its OLE reader): a panic here is a damaged file.
    // Natively it is caught; in the worker's wasm (panic = abort) the worker traps, and the client says
    // Damaged and starts a fresh worker (browser::sheet_worker).
    let workbook =
        std::panic::catch_unwind(|| read_any(file_name, bytes)).unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(damaged(format!("the reader stopped: {why}")))
        })?;
    if workbook.sheets.is_empty() || workbook.sheets.iter().all(|s| s.rows.is_empty()) {
        return Err(ReadError::NoSheets);
    }
    Ok(workbook)
}

fn read_any(file_name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    let (stem, extension) = split_name(file_name);
    if bytes.starts_with(b"PK\x03\x04") {
        read_zip(bytes)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        read_ole(bytes)
    } else if let Some(text) = decode_text(bytes) {
        Ok(read_csv(stem, &text))
    } else if matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb") {
        Err(ReadError::Damaged(
            "the file does not start as a workbook does".into(),
        ))
    } else {
        Err(ReadError::UnknownKind)
    }
}

/// The name without its extension (a CSV's one sheet is called so), and the extension in lower case.
fn split_name(file_name: &str) -> (&str, String) {
    // A browser gives the bare name, but a path may come from elsewhere.
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (base, String::new()),
    }
}

// ---- workbooks ----

fn damaged(e: impl std::fmt::Display) -> ReadError {
    ReadError::Damaged(e.to_string())
}

fn read_zip(bytes: &[u8]) -> Result<Workbook, ReadError> {
    // An OpenDocument file names its type in its first entry, "mimetype", stored uncompressed.
    let ods = bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..38 + 60)
            .is_some_and(|t| t.windows(11).any(|w| w == b"spreadsheet"));
    if ods {
        let mut book: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
            calamine::OdsError::Password => ReadError::Encrypted,
            e => damaged(e),
        })?;
        read_ranges(&mut book)
    } else {
        read_xlsx(bytes)
    }
}

fn read_ole(bytes: &[u8]) -> Result<Workbook, ReadError> {
    // A password-protected .xlsx is an OLE file holding the encrypted package; Xlsx knows it.
    if let Err(calamine::XlsxError::Password) = Xlsx::new(Cursor::new(bytes)) {
        return Err(ReadError::Encrypted);
    }
    let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => ReadError::Encrypted,
        e => damaged(e),
    })?;
    read_ranges(&mut book)
}

/// `.xlsx`: cell by cell, so a sheet claiming a huge size (or unpacking to one) is refused before it
/// is allocated. calamine's range would allocate first cell to last cell as one block.
fn read_xlsx(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => ReadError::Encrypted,
        e => damaged(e),
    })?;
    let mut grid = Grid::default();
    let mut sheets = Vec::new();
    // Only worksheets hold cells; a chart sheet or a macro sheet is no data.
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for name in names {
        let mut cells = book.worksheet_cells_reader(&name).map_err(damaged)?;
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            let (row, column) = cell.get_position();
            grid.put(row, column, from_data_ref(cell.get_value()))?;
        }
        sheets.push(grid.take(name));
    }
    Ok(Workbook { sheets })
}

/// `.ods` and `.xls` through calamine's ranges, which hold cached formula values.
fn read_ranges<RS, R>(book: &mut R) -> Result<Workbook, ReadError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut grid = Grid::default();
    let mut sheets = Vec::new();
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    for name in names {
        let range = book.worksheet_range(&name).map_err(damaged)?;
        if let Some((top, left)) = range.start() {
            for (row, column, value) in range.used_cells() {
                let (Ok(row), Ok(column)) = (u32::try_from(row), u32::try_from(column)) else {
                    return Err(damaged("a cell beyond the sheet's end"));
                };
                grid.put(
                    top.saturating_add(row),
                    left.saturating_add(column),
                    from_data(value),
                )?;
            }
        }
        sheets.push(grid.take(name));
    }
    Ok(Workbook { sheets })
}

/// A sheet being filled: rows from spreadsheet row 1, columns from A, empty cells only as padding.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<Cell>>,
    /// Cells (and padding) of the whole workbook so far, against [`MAX_CELLS`].
    used: usize,
}

impl Grid {
    fn put(&mut self, row: u32, column: u32, value: Cell) -> Result<(), ReadError> {
        if value.is_nothing() {
            return Ok(());
        }
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(damaged(format!(
                "a cell outside the sheet (row {}, column {})",
                u64::from(row) + 1,
                u64::from(column) + 1
            )));
        }
        let (row, column) = (row as usize, column as usize);
        if self.rows.len() <= row {
            self.used += row + 1 - self.rows.len();
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            self.used += column + 1 - cells.len();
            if self.used > MAX_CELLS {
                return Err(damaged(format!(
                    "more than {MAX_CELLS} cells, more than a spreadsheet of this size can hold"
                )));
            }
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = value;
        Ok(())
    }

    fn take(&mut self, name: String) -> Sheet {
        Sheet {
            name,
            rows: std::mem::take(&mut self.rows),
        }
    }
}

impl Cell {
    /// An empty cell or empty text: never placed, so rows end at their last value.
    fn is_nothing(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.is_empty(),
            _ => false,
        }
    }
}

fn from_data(d: &Data) -> Cell {
    match d {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => from_excel_date(dt),
        Data::DateTimeIso(s) => from_iso_date(s),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

fn from_data_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => from_excel_date(dt),
        DataRef::DateTimeIso(s) => from_iso_date(s),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

/// A date-formatted number (1900 or 1904 system, as the workbook says): its date, and its time unless
/// midnight. A duration (`[t]:mm`) is no date and stays its number of days.
fn from_excel_date(dt: &ExcelDateTime) -> Cell {
    if dt.is_duration() {
        return Cell::Number(dt.as_f64());
    }
    match dt.as_datetime() {
        Some(at) => Cell::Date(at.date(), time_unless_midnight(at.time())),
        None => Cell::Number(dt.as_f64()),
    }
}

/// OpenDocument's dates: `2024-05-08` or `2024-05-08T13:30:00`; anything else stays its text.
fn from_iso_date(s: &str) -> Cell {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return Cell::Text(s.to_owned());
    };
    if time.is_empty() {
        return Cell::Date(date, None);
    }
    match NaiveTime::parse_from_str(time.trim_end_matches('Z'), "%H:%M:%S%.f") {
        Ok(t) => Cell::Date(date, time_unless_midnight(t)),
        Err(_) => Cell::Text(s.to_owned()),
    }
}

fn time_unless_midnight(t: NaiveTime) -> Option<NaiveTime> {
    // Excel stores a time as a fraction of a day: rounded to the second, it is what the user typed.
    let seconds = t.num_seconds_from_midnight() + u32::from(t.nanosecond() >= 500_000_000);
    let t = NaiveTime::from_num_seconds_from_midnight_opt(seconds % 86_400, 0).unwrap_or(t);
    (t != NaiveTime::MIN).then_some(t)
}

// ---- text ----

/// The file's text: by its byte-order mark, else UTF-8 if it is valid UTF-8, else Windows-1252 (Danish
/// Excel's "CSV (semikolonsepareret)"). None for bytes that are not text at all.
fn decode_text(bytes: &[u8]) -> Option<String> {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(UTF_16LE.decode_without_bom_handling(rest).0.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(UTF_16BE.decode_without_bom_handling(rest).0.into_owned());
    }
    // Text has no NUL and hardly any other control characters; a binary file has many.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    if head.contains(&0) || controls * 100 > head.len() {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(_) => Some(
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        ),
    }
}

/// Separators tried, in the order that wins a tie: Danish Excel's `;`, then tab, then `,` (which also
/// appears inside Danish decimals, "1,5").
const SEPARATORS: [u8; 3] = [b';', b'\t', b','];
/// Records looked at to choose the separator.
const SNIFF_RECORDS: usize = 50;

/// The separator that splits the first records most consistently into more than one column.
fn sniff_separator(text: &str) -> u8 {
    // (records agreeing on the column count, records looked at, separator)
    let mut best: Option<(usize, usize, u8)> = None;
    for separator in SEPARATORS {
        let counts: Vec<usize> = csv_reader(text, separator)
            .into_byte_records()
            .take(SNIFF_RECORDS)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|&n| n > 0)
            .collect();
        // The most common column count, and how many records have it.
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for &n in &counts {
            match tally.iter_mut().find(|(m, _)| *m == n) {
                Some((_, k)) => *k += 1,
                None => tally.push((n, 1)),
            }
        }
        let Some(&(columns, agreeing)) = tally.iter().max_by_key(|&&(n, k)| (k, n)) else {
            continue;
        };
        // The larger share of agreeing records wins (a wrong separator also splits quoted line
        // breaks into records of their own, so counts alone would favour it).
        let looked = counts.len();
        if columns > 1 && best.is_none_or(|(a, l, _)| agreeing * l > a * looked) {
            best = Some((agreeing, looked, separator));
        }
    }
    best.map_or(b';', |(_, _, s)| s)
}

fn csv_reader(text: &str, separator: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes())
}

/// All rows as text (nothing taken for a number or a date: the app reads the text as Danes write it).
/// Blank lines stay as empty rows, so a row's index + 1 is its row number in Excel.
fn read_csv(name: &str, text: &str) -> Workbook {
    let separator = sniff_separator(text);
    let mut reader = csv_reader(text, separator);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut end = 0usize;
    let mut record = csv::ByteRecord::new();
    // A record that cannot be read (only possible for a broken quote at the end) ends the file.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        // The csv crate skips blank lines. The stretch it read for this record starts with the last
        // record's line break (its position stops before it), then the blank lines: count them back in.
        let next = usize::try_from(reader.position().byte()).unwrap_or(end);
        let read = text.as_bytes().get(end..next).unwrap_or_default();
        let breaks = read
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let blank = line_breaks(&read[..breaks]).saturating_sub(usize::from(!rows.is_empty()));
        rows.extend(std::iter::repeat_n(Vec::new(), blank));
        end = next;
        let mut cells: Vec<Cell> = record
            .iter()
            .map(|field| match String::from_utf8_lossy(field) {
                f if f.is_empty() => Cell::Empty,
                f => Cell::Text(f.into_owned()),
            })
            .collect();
        while cells.last().is_some_and(Cell::is_nothing) {
            cells.pop();
        }
        rows.push(cells);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    Workbook {
        sheets: vec![Sheet {
            name: name.to_owned(),
            rows,
        }],
    }
}

/// Line breaks in a stretch of blank lines: CRLF, LF or a lone CR each count once.
fn line_breaks(gap: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b'\r' => {
                n += 1;
                if gap.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}
