//! Values as a Danish spreadsheet holds them, for bringing in what people keep in Excel, LibreOffice and
//! CSV files: dates as Excel serial numbers or as written («08.05.2019», «8/5 2019», «8. maj 2019»), and yes
//! or no («ja», «nej», «x»). A value that cannot be read is `None`, never a default: the import says which
//! cell it is.

use super::dates::parse_date;
use chrono::{Days, NaiveDate};

/// The largest serial Excel has a date for: 31.12.9999.
const MAX_SERIAL: f64 = 2_958_465.0;

/// A date cell's serial number in Excel's 1900 date system (1 is 1.1.1900; a time of day is the fraction
/// and is dropped). Excel counts a 29.2.1900 that never was (serial 60, kept from Lotus 1-2-3), so from
/// serial 61 on the days are counted from 30.12.1899; serial 60 itself is no date.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..MAX_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    let days = serial.trunc() as u64;
    let (epoch, days) = match days {
        60 => return None,
        0..=59 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, days),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 30)?, days),
    };
    epoch.checked_add_days(Days::new(days))
}

/// Danish month names and their usual short forms, by month number.
const MONTHS: [&[&str]; 12] = [
    &["januar", "jan"],
    &["februar", "feb"],
    &["marts", "mar"],
    &["april", "apr"],
    &["maj"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

/// A date as a Dane writes it in a cell: every form a form field reads (`dates::parse_date`: «08.05.2019»,
/// «8-5-2019», «8/5 2019», «2019-05-08») and the month by name: «8. maj 2019», «8 maj 2019», «8. maj.
/// 2019», «8. Maj 2019». `None` for anything else, and for a date that does not exist (31.04.2024).
pub fn written_date(text: &str) -> Option<NaiveDate> {
    if let Some(d) = parse_date(text) {
        return Some(d);
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let month = MONTHS
        .iter()
        .position(|names| names.contains(&month.as_str()))? as u32
        + 1;
    let number = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(number(year, 4..=4)? as i32, month, number(day, 1..=2)?)
}

/// Yes or no in a cell: «ja», «x», «✓», «1» are yes; «nej», «0» and «-» are no (and their English
/// forms). An empty cell or anything else is `None`: not known, for the import to show.
pub fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "✓" | "✔" | "1" | "yes" | "y" | "true" | "sand" => Some(true),
        "nej" | "n" | "0" | "-" | "no" | "false" | "falsk" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn excel_serials_count_the_day_that_never_was() {
        assert_eq!(excel_serial_date(1.0), d(1900, 1, 1));
        assert_eq!(excel_serial_date(59.0), d(1900, 2, 28));
        assert_eq!(excel_serial_date(60.0), None, "Excel's 29.2.1900");
        assert_eq!(excel_serial_date(61.0), d(1900, 3, 1));
        assert_eq!(excel_serial_date(43_593.0), d(2019, 5, 8));
        assert_eq!(excel_serial_date(43_593.75), d(2019, 5, 8), "a time of day");
        assert_eq!(excel_serial_date(45_413.0), d(2024, 5, 1));
        assert_eq!(excel_serial_date(MAX_SERIAL), d(9999, 12, 31));
        for no_date in [0.0, -1.0, MAX_SERIAL + 1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(excel_serial_date(no_date), None, "{no_date}");
        }
    }

    #[test]
    fn dates_are_read_as_danes_write_them() {
        for text in [
            "08.05.2019",
            "8.5.2019",
            "8-5-2019",
            "8/5 2019",
            "2019-05-08",
            "8. maj 2019",
            "8 maj 2019",
            " 8. Maj 2019 ",
            "8. MAJ. 2019",
        ] {
            assert_eq!(written_date(text), d(2019, 5, 8), "{text}");
        }
        assert_eq!(written_date("1. sept. 2020"), d(2020, 9, 1));
        assert_eq!(written_date("24. december 2023"), d(2023, 12, 24));
        assert_eq!(written_date("31. okt 2021"), d(2021, 10, 31));
        for text in [
            "31.04.2024",
            "31. april 2024",
            "8. mai 2019",
            "maj 2019",
            "8. maj 19",
            "",
        ] {
            assert_eq!(written_date(text), None, "{text}");
        }
    }

    #[test]
    fn yes_and_no_are_read_and_anything_else_is_unknown() {
        for yes in ["ja", "Ja", " x ", "X", "✓", "1", "yes"] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["nej", "NEJ", "0", "-", "no"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        for unknown in ["", "måske", "ja tak"] {
            assert_eq!(yes_no(unknown), None, "{unknown}");
        }
    }
}
