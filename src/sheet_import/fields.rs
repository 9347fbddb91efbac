//! What a column can become: the fields of each kind of record a sheet can bring in, and the first guess of
//! which column is which, from its header as people write it in Danish or English.

use crate::spreadsheet::{Cell, Sheet};
use crate::text::sheet_import as txt;
use serde::{Deserialize, Serialize};

/// The kinds of record a sheet can bring in, one per place "Importér fra regneark" is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Meetings,
    Initiatives,
    /// Children per intervention or step: each count column becomes one measurement.
    Measurements,
}

/// A field a column can fill. One column per field, except `Budget` (one column per year) and `Count`
/// (one measurement per column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    // Meetings
    Date,
    Time,
    MeetingType,
    CaseRef,
    MeetingStatus,
    Initiator,
    Coordinator,
    Participants,
    Questions,
    Decisions,
    MeasureStart,
    FollowUpDate,
    Notes,
    /// An action item agreed at the meeting: what, who, by when, done. Rows of one meeting (same case
    /// reference, date and type) each add one, as Trappe's CSV with one action item per row writes them.
    ActionWhat,
    ActionWho,
    ActionDue,
    ActionDone,
    // Initiatives
    Number,
    Title,
    Description,
    Owner,
    Committee,
    Start,
    Deadline,
    Period,
    InitiativeStatus,
    /// The budget of one year, in kroner (the year from the column's header).
    Budget,
    // Measurements
    /// The intervention or step a row counts, by its name.
    Place,
    /// Children counted; the column's header names the measurement.
    Count,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Meetings, Kind::Initiatives, Kind::Measurements];

    /// The fields of this kind, in the order the mapping offers them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Kind::Meetings => &[
                Date,
                Time,
                MeetingType,
                CaseRef,
                MeetingStatus,
                Initiator,
                Coordinator,
                Participants,
                Questions,
                Decisions,
                MeasureStart,
                FollowUpDate,
                Notes,
                ActionWhat,
                ActionWho,
                ActionDue,
                ActionDone,
            ],
            Kind::Initiatives => &[
                Number,
                Title,
                Description,
                Owner,
                Committee,
                Start,
                Deadline,
                Period,
                InitiativeStatus,
                Budget,
            ],
            Kind::Measurements => &[Place, Count],
        }
    }

    /// The fields without which a row is no record of this kind.
    pub fn required(self) -> &'static [Field] {
        match self {
            Kind::Meetings => &[Field::MeetingType],
            Kind::Initiatives => &[Field::Title],
            Kind::Measurements => &[Field::Place, Field::Count],
        }
    }
}

impl Field {
    /// Whether more than one column may fill this field.
    pub fn repeats(self) -> bool {
        matches!(self, Field::Budget | Field::Count)
    }
}

/// A header or value as compared: lower case, letters and digits only («Sags-ID» and «sagsid» are one).
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names for this kind, if any.
pub fn field_of_header(kind: Kind, header: &str) -> Option<Field> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    let fields = kind.fields();
    // Budget columns carry their year: «Budget 2020 (kr.)».
    if fields.contains(&Field::Budget) && h.starts_with("budget") && budget_year(header).is_some() {
        return Some(Field::Budget);
    }
    fields
        .iter()
        .copied()
        .find(|f| txt::header_words(*f).iter().any(|w| normalise(w) == h))
}

/// The year in a budget column's header («Budget 2020 (kr.)» → 2020).
pub fn budget_year(header: &str) -> Option<i32> {
    let digits: String = header
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = digits.parse().ok()?;
    (1900..=2200).contains(&year).then_some(year)
}

/// Which columns are which: the row that holds the headers, and each column's field (`None`: skipped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub header_row: usize,
    pub columns: Vec<Option<Field>>,
}

/// How many rows from the top the header is looked for in (a title, a date line and empty rows above it).
const HEADER_SEARCH_ROWS: usize = 30;

/// The header row: among the first rows, the one whose cells name the most fields of this kind (the first
/// such row); if none names any, the first row with the most text cells. `None` for an empty sheet.
pub fn find_header_row(kind: Kind, sheet: &Sheet) -> Option<usize> {
    let candidates = sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS);
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in candidates.clone() {
        let named = row
            .iter()
            .filter_map(|c| match c {
                Cell::Text(t) => field_of_header(kind, t),
                _ => None,
            })
            .count();
        if named > 0 && best.is_none_or(|(_, n)| named > n) {
            best = Some((i, named));
        }
    }
    if let Some((i, _)) = best {
        return Some(i);
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in candidates {
        let texts = row
            .iter()
            .filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
            .count();
        if texts > 0 && best.is_none_or(|(_, n)| texts > n) {
            best = Some((i, texts));
        }
    }
    best.map(|(i, _)| i)
}

/// The header texts of the header row, one per column of the sheet (empty where a column has none).
pub fn headers(sheet: &Sheet, header_row: usize) -> Vec<String> {
    (0..sheet.width())
        .map(|c| super::cells::text(sheet.cell(header_row, c)))
        .collect()
}

/// The first guess: the remembered choice for a header where there is one, else the field the header
/// names; a field that takes one column goes to the first column that names it.
pub fn suggest(
    kind: Kind,
    sheet: &Sheet,
    remembered: &std::collections::BTreeMap<String, Option<Field>>,
) -> Option<Mapping> {
    let header_row = find_header_row(kind, sheet)?;
    Some(suggest_at(kind, sheet, header_row, remembered))
}

/// The first guess for the columns under the header row the user chose.
pub fn suggest_at(
    kind: Kind,
    sheet: &Sheet,
    header_row: usize,
    remembered: &std::collections::BTreeMap<String, Option<Field>>,
) -> Mapping {
    let mut taken = Vec::new();
    let columns = headers(sheet, header_row)
        .iter()
        .enumerate()
        .map(|(c, h)| {
            // A count column has no fixed header («Baseline 2016»): a named column of whole numbers.
            if kind == Kind::Measurements
                && !remembered.contains_key(&normalise(h))
                && field_of_header(kind, h).is_none()
                && !normalise(h).is_empty()
                && holds_counts(sheet, header_row, c)
            {
                return Some(Field::Count);
            }
            let field = match remembered.get(&normalise(h)) {
                Some(choice) => *choice,
                None => field_of_header(kind, h),
            }?;
            if !field.repeats() && taken.contains(&field) {
                return None;
            }
            taken.push(field);
            Some(field)
        })
        .collect();
    Mapping {
        header_row,
        columns,
    }
}

impl Mapping {
    /// Column `column` fills `field` (`None`: skipped). A field that takes one column leaves the column
    /// that had it, so no two columns fill one field.
    pub fn choose(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field.filter(|f| !f.repeats()) {
            for c in self.columns.iter_mut() {
                if *c == Some(f) {
                    *c = None;
                }
            }
        }
        if let Some(c) = self.columns.get_mut(column) {
            *c = field;
        }
    }
}

/// Whether a column's first filled cell under the header is a whole number.
fn holds_counts(sheet: &Sheet, header_row: usize, column: usize) -> bool {
    sheet.rows[header_row + 1..]
        .iter()
        .map(|r| r.get(column).unwrap_or(&Cell::Empty))
        .find(|c| !c.is_empty())
        .is_some_and(|c| matches!(super::cells::whole(c), Ok(Some(_))))
}

/// The choices of a mapping to remember for next month's file: each header's field.
pub fn to_remember(
    sheet: &Sheet,
    mapping: &Mapping,
) -> std::collections::BTreeMap<String, Option<Field>> {
    headers(sheet, mapping.header_row)
        .iter()
        .zip(&mapping.columns)
        .filter(|(h, _)| !normalise(h).is_empty())
        .map(|(h, f)| (normalise(h), *f))
        .collect()
}
