//! Files the app writes for other programs: CSV for Danish Excel (UTF-8 with a byte order mark so æøå
//! survive a double-click, semicolons as Danish Excel expects, CRLF line ends).

pub mod meetings_csv;
pub mod plan_csv;

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

/// A cell that starts like a formula (= + - @, or tab / carriage return, which some spreadsheets skip
/// before one) gets a leading apostrophe so it stays text.
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}
