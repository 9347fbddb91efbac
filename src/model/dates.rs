//! Dates, times and months as a Dane types and reads them in a form: `12.03.2026`, `09.30`, `03.2026`.
//! Fields are plain text inputs with these formats, because `<input type="date">` and `"time"` follow the
//! browser's language (mm/dd/yyyy and "04:30 PM" in an English browser) whatever the page says.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// A date as the form shows it: `12.03.2026`; empty for none.
pub fn date_field(d: Option<NaiveDate>) -> String {
    d.map(|d| day_month_year(d, '.')).unwrap_or_default()
}

/// A time as the form shows it: `09.30`, as Danes write it (`09:30` is read too); empty for none.
pub fn time_field(t: Option<NaiveTime>) -> String {
    t.map(|t| hour_minute(t, '.')).unwrap_or_default()
}

/// `12.03.2026` with `sep` between: chrono's `%d.%m.%Y` (a year past 9999 with its sign), written
/// directly. chrono's `format` brings its whole pattern reader into the app for these few forms.
pub fn day_month_year(d: NaiveDate, sep: char) -> String {
    let (day, month, year) = (d.day(), d.month(), d.year());
    if (0..=9999).contains(&year) {
        format!("{day:02}{sep}{month:02}{sep}{year:04}")
    } else {
        format!("{day:02}{sep}{month:02}{sep}{year:+05}")
    }
}

/// `09.30` with `sep` between: chrono's `%H.%M`.
pub fn hour_minute(t: impl Timelike, sep: char) -> String {
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

/// A month as the form shows it: `03.2026` (`2026-03` is read too).
pub fn month_field(year: i32, month: u32) -> String {
    format!("{month:02}.{year:04}")
}

/// A typed date: `12.03.2026`, `12.3.2026`, `12-03-2026`, `12/3/2026`, `12032026`, or ISO `2026-03-12`.
/// A two-digit year is read as 20xx. `None` for anything else, including dates that do not exist.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
        return NaiveDate::from_ymd_opt(n(4..8)? as i32, n(2..4)?, n(0..2)?);
    }
    let parts: Vec<&str> = s.split(['.', '-', '/', ' ']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (d, m) = (num(d)?, num(m)?);
    let year = match y.len() {
        2 => 2000 + num(y)? as i32,
        4 => num(y)? as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

/// A typed time: `09:30`, `9:30`, `9.30`, `0930`, `9` (whole hour), or `09:30:15`.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = NaiveTime::parse_from_str(s, "%H:%M:%S") {
        return Some(t);
    }
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) if digits(h) && m.len() == 2 && digits(m) => (h, m),
        Some(_) => return None,
        None if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => (&s[..2], &s[2..]),
        None if digits(s) => (s, "0"),
        None => return None,
    };
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A typed month: `2026-03`, `03.2026`, `3/2026` or `3-2026`, as (year, month).
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let s = s.trim();
    let (a, b) = s.split_once(['-', '.', '/', ' '])?;
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(a) || !all_digits(b) {
        return None;
    }
    let (year, month) = match (a.len(), b.len()) {
        (4, 1 | 2) => (a.parse().ok()?, b.parse().ok()?),
        (1 | 2, 4) => (b.parse().ok()?, a.parse().ok()?),
        _ => return None,
    };
    (1..=12).contains(&month).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_danish_and_iso_forms() {
        for typed in [
            "12.03.2026",
            "12.3.2026",
            "12-03-2026",
            "12/3/2026",
            "12032026",
            "2026-03-12",
            " 12.03.26 ",
        ] {
            assert_eq!(parse_date(typed), Some(d(2026, 3, 12)), "{typed}");
        }
        for wrong in [
            "",
            "31.02.2026",
            "03/12/2026x",
            "12.13.2026",
            "2026",
            "12.03",
            "fx 1.1.2026",
            "1.1.123",
        ] {
            assert_eq!(parse_date(wrong), None, "{wrong}");
        }
        // Day first, always: an English-style 03/12/2026 is 3 December.
        assert_eq!(parse_date("03/12/2026"), Some(d(2026, 12, 3)));
    }

    #[test]
    fn a_shown_date_reads_back() {
        let day = d(2019, 5, 8);
        assert_eq!(date_field(Some(day)), "08.05.2019");
        assert_eq!(parse_date(&date_field(Some(day))), Some(day));
        assert_eq!(date_field(None), "");
    }

    #[test]
    fn times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("09:30"), t(9, 30));
        assert_eq!(parse_time("9.30"), t(9, 30));
        assert_eq!(parse_time("0930"), t(9, 30));
        assert_eq!(parse_time("9"), t(9, 0));
        assert_eq!(parse_time("16:05"), t(16, 5));
        assert_eq!(parse_time("09:30:15"), NaiveTime::from_hms_opt(9, 30, 15));
        for wrong in ["", "24:00", "9:3", "4:30 PM", "12:60", "abc", "123"] {
            assert_eq!(parse_time(wrong), None, "{wrong}");
        }
        assert_eq!(time_field(t(9, 5)), "09.05");
        assert_eq!(parse_time(&time_field(t(11, 0))), t(11, 0));
    }

    #[test]
    fn months() {
        assert_eq!(parse_month("2026-03"), Some((2026, 3)));
        assert_eq!(parse_month("3.2026"), Some((2026, 3)));
        assert_eq!(parse_month("03/2026"), Some((2026, 3)));
        for wrong in ["", "2026", "2026-13", "13.2026", "26-03", "marts 2026"] {
            assert_eq!(parse_month(wrong), None, "{wrong}");
        }
        assert_eq!(month_field(2026, 3), "03.2026");
        assert_eq!(parse_month(&month_field(2026, 11)), Some((2026, 11)));
        assert_eq!(parse_month("11.2026"), Some((2026, 11)));
        assert_eq!(parse_month("2026-11"), Some((2026, 11)));
    }
}
