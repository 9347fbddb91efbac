//! Files the app writes for other programs and people. CSV for Danish Excel (UTF-8 with a byte order mark
//! so æøå survive a double-click, semicolons as Danish Excel expects, CRLF line ends). Quoting is the `csv`
//! crate's: a cell with a semicolon, quote or line break is quoted, quotes doubled. A cell with several
//! values (a meeting's participants) holds one value per line (LF inside the quoted cell, which Excel
//! shows as lines in the cell), so a name with a semicolon or comma cannot be read as two. The set-aside
//! list as JSON with its Danish sentences, for a person to read.
//!
//! May import `model`, and `text` for the Danish headers and values.

pub mod colleague_csv;
pub mod meetings_csv;
pub mod overview_csv;
pub mod plan_csv;
pub mod set_aside_json;
pub mod sheet_rejects;

use std::borrow::Cow;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV writer in Danish Excel's dialect, writing after the byte order mark.
fn excel_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(BOM.to_vec())
}

/// A header and rows as one CSV file in Danish Excel's dialect. Writing to memory cannot fail, and callers
/// give every row the header's length.
fn table_csv<I, S>(rows: impl IntoIterator<Item = I>) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = excel_writer();
    for r in rows {
        w.write_record(r).expect("CSV into memory");
    }
    w.into_inner().expect("CSV into memory")
}

/// Reads a file of [`table_csv`] back as Excel would: after the byte order mark, by semicolons.
#[cfg(test)]
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    assert_eq!(&bytes[..3], BOM, "byte order mark first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Several values in one cell, one per line. A line break inside a value becomes a space, so each line is
/// exactly one value; empty values are left out.
pub fn lines_cell<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> String {
    values
        .into_iter()
        .map(|v| v.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cell that starts like a formula (= + - @, or tab / carriage return, which some spreadsheets skip
/// before one) gets a leading apostrophe so it stays text.
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}
