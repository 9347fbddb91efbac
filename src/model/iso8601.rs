//! Timestamps and days in a file or a stored record: written and read as chrono writes and reads them,
//! but the one form Trappe writes (`2019-05-08T12:00:00Z`, `2019-05-08`) without chrono's general
//! formatter and parser. Profiled on 10,000 meetings: writing their dates through `core::fmt` took 24 ms
//! of the 90 ms that storing them took, and reading days through chrono's parser about 10 ms.
//! For `serialize_with` and `deserialize_with` on a record's fields (a serde `with` would be taken for a
//! type by the schema's derive). Anything else (a year before 0 or after 9999, a leap
//! second, a day written another way) goes to chrono, so its text and its messages stay chrono's.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A record's timestamp (`created_at`, `updated_at`); read by `model::read_timestamp`.
pub fn write_timestamp<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let mut text = [0u8; 30];
    match timestamp_text(t, &mut text).and_then(|n| std::str::from_utf8(&text[..n]).ok()) {
        Some(text) => s.serialize_str(text),
        None => t.serialize(s),
    }
}

/// A day that may be missing: a meeting's date, an initiative's deadline.
pub fn write_day<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    d.map(Day).serialize(s)
}

pub fn read_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<Day>::deserialize(d)?.map(|d| d.0))
}

struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = [0u8; 10];
        match day_text(self.0, &mut text).and_then(|()| std::str::from_utf8(&text).ok()) {
            Some(text) => s.serialize_str(text),
            None => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Day;
            // chrono's words, so a file's wrong value is named the same way.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a formatted date string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Day, E> {
                day_from(s)
                    .map_or_else(|| s.parse().map_err(E::custom), Ok)
                    .map(Day)
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// `YYYY-MM-DD` of a day in the years 0 to 9999 (what chrono writes for those).
fn day_text(d: NaiveDate, out: &mut [u8; 10]) -> Option<()> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    two(out, 0, year / 100);
    two(out, 2, year % 100);
    out[4] = b'-';
    two(out, 5, d.month());
    out[7] = b'-';
    two(out, 8, d.day());
    Some(())
}

/// `YYYY-MM-DDTHH:MM:SS[.fff|.ffffff|.fffffffff]Z` as chrono writes a UTC timestamp (its `AutoSi`); its
/// length, or `None` where chrono writes it another way (an outlying year, a leap second).
fn timestamp_text(t: &DateTime<Utc>, out: &mut [u8; 30]) -> Option<usize> {
    let mut day = [0u8; 10];
    day_text(t.date_naive(), &mut day)?;
    let nano = t.nanosecond();
    if nano >= 1_000_000_000 {
        return None;
    }
    out[..10].copy_from_slice(&day);
    out[10] = b'T';
    two(out, 11, t.hour());
    out[13] = b':';
    two(out, 14, t.minute());
    out[16] = b':';
    two(out, 17, t.second());
    let (fraction, digits) = match nano {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    let mut end = 19;
    if digits > 0 {
        out[end] = b'.';
        let mut rest = fraction;
        for i in (0..digits).rev() {
            out[end + 1 + i] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        end += 1 + digits;
    }
    out[end] = b'Z';
    Some(end + 1)
}

fn two(out: &mut [u8], at: usize, n: u32) {
    out[at] = b'0' + (n / 10 % 10) as u8;
    out[at + 1] = b'0' + (n % 10) as u8;
}

/// A day written `YYYY-MM-DD`, the form chrono writes; `None` for anything else, which chrono reads.
fn day_from(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use proptest::prelude::*;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Ours {
        #[serde(
            serialize_with = "super::write_timestamp",
            deserialize_with = "crate::model::read_timestamp"
        )]
        at: DateTime<Utc>,
        #[serde(
            serialize_with = "super::write_day",
            deserialize_with = "super::read_day",
            default
        )]
        day: Option<NaiveDate>,
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Chronos {
        at: DateTime<Utc>,
        day: Option<NaiveDate>,
    }

    fn both(at: DateTime<Utc>, day: Option<NaiveDate>) -> (String, String) {
        (
            serde_json::to_string(&Ours { at, day }).unwrap(),
            serde_json::to_string(&Chronos { at, day }).unwrap(),
        )
    }

    proptest! {
        /// Written as chrono writes them, for every instant and day chrono holds, with and without a
        /// fraction of a second, and read back as the same values.
        #[test]
        fn timestamps_and_days_are_written_as_chrono_writes_them(
            secs in -400_000_000_000i64..400_000_000_000,
            nanos in prop_oneof![Just(0u32), (0u32..1000).prop_map(|m| m * 1_000_000),
                (0u32..1_000_000).prop_map(|u| u * 1000), 0u32..2_000_000_000],
            days in prop::option::of(-4_000_000i32..4_000_000),
        ) {
            let at = Utc.timestamp_opt(secs, nanos).single().unwrap_or_default();
            let day = days.and_then(NaiveDate::from_num_days_from_ce_opt);
            let (ours, chronos) = both(at, day);
            prop_assert_eq!(&ours, &chronos);
            let back: Ours = serde_json::from_str(&ours).unwrap();
            prop_assert_eq!(back, Ours { at, day });
        }

        /// Any text reads as chrono reads it: the same day, or an error with the same words.
        #[test]
        fn days_read_as_chrono_reads_them(s in "[0-9+ -]{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            let json = format!(r#"{{"at":"2019-05-08T12:00:00Z","day":{}}}"#, serde_json::to_string(&s).unwrap());
            let ours = serde_json::from_str::<Ours>(&json).map(|o| o.day).map_err(|e| e.to_string());
            let chronos = serde_json::from_str::<Chronos>(&json).map(|o| o.day).map_err(|e| e.to_string());
            prop_assert_eq!(ours, chronos);
        }
    }

    #[test]
    fn the_edges_are_written_as_chrono_writes_them() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (at, d) in [
            (
                Utc.with_ymd_and_hms(2019, 5, 8, 12, 0, 0).unwrap(),
                day(2019, 5, 8),
            ),
            (
                Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
                day(0, 1, 1),
            ),
            (
                Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap(),
                day(9999, 12, 31),
            ),
            (
                Utc.with_ymd_and_hms(-1, 12, 31, 23, 59, 59).unwrap(),
                day(-1, 12, 31),
            ),
            (
                Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap(),
                day(10000, 1, 1),
            ),
            (DateTime::<Utc>::MIN_UTC, None),
            (DateTime::<Utc>::MAX_UTC, None),
        ] {
            let (ours, chronos) = both(at, d);
            assert_eq!(ours, chronos);
        }
        let json = r#"{"at":"2019-05-08T12:00:00Z","day":null}"#;
        assert_eq!(serde_json::from_str::<Ours>(json).unwrap().day, None);
        let json = r#"{"at":"2019-05-08T12:00:00Z"}"#;
        assert_eq!(serde_json::from_str::<Ours>(json).unwrap().day, None);
        let json = r#"{"at":"2019-05-08T12:00:00Z","day":"2019-02-29"}"#;
        let ours = serde_json::from_str::<Ours>(json).unwrap_err().to_string();
        let chronos = serde_json::from_str::<Chronos>(json)
            .unwrap_err()
            .to_string();
        assert_eq!(
            ours, chronos,
            "a day that does not exist is refused in chrono's words"
        );
    }
}
