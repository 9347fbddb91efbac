//! One cell read as the value a field needs, the way Danes write it. A cell that cannot be read gives a
//! `ValueProblem`, never a default.

use super::fields::normalise;
use crate::model::dates::parse_time;
use crate::model::sheet_values::{excel_serial_date, written_date};
use crate::model::{InitiativeStatus, MeetingStatus, MeetingType};
use crate::spreadsheet::Cell;
use crate::text::{self, sheet_import as txt};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// Why a cell could not be read. `text` says each in Danish.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueProblem {
    /// Looks like nothing a date is written as.
    NotADate(String),
    /// Written as a date, but the day does not exist (31.04.2024).
    NoSuchDate(String),
    NotATime(String),
    /// A number that cannot be read, with the reason in Danish from the one number reader.
    NotANumber(String, String),
    UnknownStatus {
        found: String,
        close: Option<String>,
    },
    /// A formula's error value (#REF!).
    FormulaError(String),
    /// A field the record cannot be without is empty.
    Missing,
    NotYesNo(String),
    /// No intervention or step of the staircase has this name.
    UnknownPlace {
        found: String,
        close: Option<String>,
    },
}

/// A cell as text: what the user sees in it. A number shows without a needless «,0»; a leading apostrophe
/// that a CSV export put before «=», «+», «-» or «@» (so no spreadsheet runs it) is taken off again.
pub fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => {
            let t = t.trim();
            match t.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                _ => t.to_string(),
            }
        }
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string().replace('.', ","),
        Cell::Date(d, None) => text::date_csv(*d),
        Cell::Date(d, Some(t)) => format!("{} {}", text::date_csv(*d), text::time_csv(*t)),
        Cell::Bool(b) => text::meetings::yes_no(*b).to_string(),
        Cell::Error(e) => e.clone(),
    }
}

/// A date: a date cell, an Excel serial number, or a date as written. Empty is `None`.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, ValueProblem> {
    match cell {
        Cell::Date(d, _) => Ok(Some(*d)),
        Cell::Number(n) => excel_serial_date(*n)
            .map(Some)
            .ok_or_else(|| ValueProblem::NotADate(text(cell))),
        Cell::Error(e) => Err(ValueProblem::FormulaError(e.clone())),
        _ => {
            let t = text(cell);
            if t.is_empty() {
                return Ok(None);
            }
            // A date and a time in one cell («08.05.2019 10:00»): the date is the first word(s).
            if let Some(d) = written_date(&t) {
                return Ok(Some(d));
            }
            // A serial number that reached the file as text (a CSV written from a date cell's value).
            if t.chars().all(|c| c.is_ascii_digit()) {
                if let Some(d) = t.parse().ok().and_then(excel_serial_date) {
                    return Ok(Some(d));
                }
            }
            if let Some((d, rest)) = t.rsplit_once(' ') {
                if parse_time(rest).is_some() {
                    if let Some(d) = written_date(d) {
                        return Ok(Some(d));
                    }
                }
            }
            Err(if looks_like_a_date(&t) {
                ValueProblem::NoSuchDate(t)
            } else {
                ValueProblem::NotADate(t)
            })
        }
    }
}

/// Three groups of digits, as a date is written: a day that does not exist rather than no date at all.
fn looks_like_a_date(t: &str) -> bool {
    let groups: Vec<&str> = t
        .split(['.', '-', '/', ' '])
        .filter(|g| !g.is_empty())
        .collect();
    groups.len() == 3 && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
}

/// A time of day: a date cell's time, the fraction of a day Excel keeps a time as, or «10:00» / «10.00».
pub fn time(cell: &Cell) -> Result<Option<NaiveTime>, ValueProblem> {
    match cell {
        Cell::Date(_, t) => Ok(*t),
        Cell::Number(n) if (0.0..1.0).contains(n) => {
            let secs = (n * 86_400.0).round() as u32;
            Ok(
                NaiveTime::from_num_seconds_from_midnight_opt(secs.min(86_399), 0)
                    .map(|t| t.with_second(0).unwrap_or(t)),
            )
        }
        Cell::Error(e) => Err(ValueProblem::FormulaError(e.clone())),
        _ => {
            let t = text(cell);
            if t.is_empty() {
                return Ok(None);
            }
            parse_time(&t).map(Some).ok_or(ValueProblem::NotATime(t))
        }
    }
}

/// Yes or no: a yes/no cell, «ja», «x», «nej»; empty is `None`.
pub fn yes_no(cell: &Cell) -> Result<Option<bool>, ValueProblem> {
    match cell {
        Cell::Bool(b) => Ok(Some(*b)),
        Cell::Error(e) => Err(ValueProblem::FormulaError(e.clone())),
        _ => {
            let t = text(cell);
            if t.is_empty() {
                return Ok(None);
            }
            crate::model::sheet_values::yes_no(&t)
                .map(Some)
                .ok_or(ValueProblem::NotYesNo(t))
        }
    }
}

/// A whole number of children: a number cell, or «12», «1.200».
pub fn whole(cell: &Cell) -> Result<Option<u32>, ValueProblem> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n) => {
            Ok(Some(*n as u32))
        }
        Cell::Error(e) => Err(ValueProblem::FormulaError(e.clone())),
        _ => {
            let t = text(cell);
            text::parse_whole(&t).map_err(|why| ValueProblem::NotANumber(t, why))
        }
    }
}

/// An amount of kroner: a number cell, or «1.234.567,50», «1234567», «9,3 mio.», «250 t.kr.», «kr. 500»;
/// rounded to whole kroner.
pub fn kroner(cell: &Cell) -> Result<Option<i64>, ValueProblem> {
    match cell {
        Cell::Number(n) if n.is_finite() && n.abs() < 1e15 => Ok(Some(n.round() as i64)),
        Cell::Error(e) => Err(ValueProblem::FormulaError(e.clone())),
        _ => {
            let t = text(cell);
            let (number, factor) = amount_and_factor(&t);
            match text::parse_decimal(number) {
                Ok(None) => Ok(None),
                Ok(Some(n)) if (n * factor).abs() < 1e15 => Ok(Some((n * factor).round() as i64)),
                Ok(Some(_)) => Err(ValueProblem::NotANumber(
                    t.clone(),
                    txt::AMOUNT_TOO_LARGE.into(),
                )),
                Err(why) => Err(ValueProblem::NotANumber(t.clone(), why)),
            }
        }
    }
}

/// The number in an amount and what it is counted in: «9,3 mio.» is 9,3 × 1.000.000.
fn amount_and_factor(t: &str) -> (&str, f64) {
    let mut s = t.trim();
    for unit in ["kr.", "kr", "dkk"] {
        if let Some(rest) = strip_suffix_ci(s, unit) {
            s = rest.trim_end();
        }
        if let Some(rest) = strip_prefix_ci(s, unit) {
            s = rest.trim_start();
        }
    }
    for (unit, factor) in [
        ("mio.", 1e6),
        ("mio", 1e6),
        ("mia.", 1e9),
        ("mia", 1e9),
        ("t.", 1e3),
        ("t", 1e3),
    ] {
        if let Some(rest) = strip_suffix_ci(s, unit) {
            let rest = rest.trim_end();
            if rest.ends_with(|c: char| c.is_ascii_digit()) {
                return (rest, factor);
            }
        }
    }
    (s, 1.0)
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.is_char_boundary(prefix.len().min(s.len()))
        && s.len() >= prefix.len()
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

/// How far two texts are apart, in letters added, removed or changed.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut last = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (row[j] + 1)
                .min(here + 1)
                .min(last + usize::from(ca != *cb));
            last = here;
        }
    }
    row[b.len()]
}

/// The closest of `names` to `found`, if it is close enough to be a slip of the keyboard: at most a
/// third of its letters wrong (and at least one letter may be).
fn closest<T: Clone>(found: &str, names: impl IntoIterator<Item = (String, T)>) -> Option<T> {
    let f = normalise(found);
    if f.is_empty() {
        return None;
    }
    names
        .into_iter()
        .map(|(n, v)| (distance(&f, &normalise(&n)), v))
        .filter(|(d, _)| *d <= (f.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// The closest of `names` to `found`, if it is close enough to be a slip of the keyboard.
pub fn closest_name(found: &str, names: &[String]) -> Option<String> {
    closest(found, names.iter().map(|n| (n.clone(), n.clone())))
}

/// A meeting type from its Danish name or a usual short form. A name that is none of them stays visibly
/// unknown (`MeetingType::Unknown`), never a default; the closest known type is offered beside it.
pub fn meeting_type(found: &str, custom: &[MeetingType]) -> (MeetingType, Option<MeetingType>) {
    let n = normalise(found);
    let known = MeetingType::BUILT_IN.iter().chain(custom);
    for t in known.clone() {
        if normalise(&text::meeting_type(t)) == n
            || txt::meeting_type_words(t).iter().any(|w| normalise(w) == n)
        {
            return (t.clone(), None);
        }
    }
    // Trappe's own export of an unknown type («Ukendt type: «x»») reads back as that unknown type.
    if let Some(inner) = txt::unknown_type_inner(found) {
        return (MeetingType::Unknown(inner.to_string()), None);
    }
    // A slip in the full name or in a short form offers the type.
    let close = closest(
        found,
        known.flat_map(|t| {
            txt::meeting_type_words(t)
                .iter()
                .map(|w| w.to_string())
                .chain([text::meeting_type(t)])
                .map(move |w| (w, t.clone()))
        }),
    );
    (MeetingType::Unknown(found.trim().to_string()), close)
}

/// A meeting's status from its Danish name; the closest is offered for one that is not.
pub fn meeting_status(found: &str) -> Result<Option<MeetingStatus>, ValueProblem> {
    status(
        found,
        &MeetingStatus::ALL,
        |s| text::meeting_status(*s),
        txt::meeting_status_words,
    )
}

/// An initiative's status from its Danish name; the closest is offered for one that is not.
pub fn initiative_status(found: &str) -> Result<Option<InitiativeStatus>, ValueProblem> {
    status(
        found,
        &InitiativeStatus::ALL,
        |s| text::initiative_status(*s),
        txt::initiative_status_words,
    )
}

fn status<S: Copy>(
    found: &str,
    all: &[S],
    name: impl Fn(&S) -> &'static str,
    words: impl Fn(S) -> &'static [&'static str],
) -> Result<Option<S>, ValueProblem> {
    let n = normalise(found);
    if n.is_empty() {
        return Ok(None);
    }
    if let Some(s) = all
        .iter()
        .find(|s| normalise(name(s)) == n || words(**s).iter().any(|w| normalise(w) == n))
    {
        return Ok(Some(*s));
    }
    Err(ValueProblem::UnknownStatus {
        found: found.trim().to_string(),
        close: closest(
            found,
            all.iter()
                .map(|s| (name(s).to_string(), name(s).to_string())),
        ),
    })
}
