//! The workspace model: plain Rust, no browser types, so it compiles and tests natively.
//!
//! Owns the records, their rules (`validation`), the commands that change them (`commands::apply`), merges
//! and the figures every screen shows. Imports nothing else of the crate: words the app writes into records
//! are passed in by the caller (see `docs/architecture.md`).

pub mod branches;
pub mod collation;
pub mod commands;
pub mod committee_report;
pub mod copies;
pub mod copy_merge;
pub mod dates;
pub mod delete;
pub mod delta;
pub mod edit;
pub mod field_path;
pub mod follow_up;
pub mod import_choice;
pub mod initiative_facts;
pub mod iso8601;
pub mod json;
pub mod key_figures;
pub mod meeting_form;
pub mod meeting_query;
pub mod meetings;
pub mod merge;
pub mod plan;
pub mod plan_deadline;
pub mod plan_ops;
pub mod privacy;
pub mod record;
pub mod revision;
pub mod set_aside;
pub mod sheet_values;
pub mod sorting;
pub mod staircase;
pub mod staircase_figures;
pub mod staircase_ops;
pub mod templates;
pub mod time_scale;
pub mod validation;
pub mod workspace;

pub use meetings::*;
pub use plan::*;
pub use set_aside::{SetAside, SetAsideReason};
pub use staircase::*;
pub use workspace::*;

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Every record carries a stable id so files from two colleagues can be merged record by record.
pub type Id = Uuid;

/// Fresh random id (UUID v4). Also the serde default, so files from other programs may omit ids: serde
/// builds that default for every record it reads, so reading 10,000 meetings makes 10,000 ids. Their
/// random bytes come from a pool filled 4 KB at a time, one call into the browser's crypto per 256 ids
/// instead of one per id (about 70 ms of a large import).
pub fn new_id() -> Id {
    use std::cell::RefCell;
    const POOL: usize = 4096;
    thread_local! {
        static RANDOM: RefCell<(Vec<u8>, usize)> = const { RefCell::new((Vec::new(), 0)) };
    }
    RANDOM.with_borrow_mut(|(bytes, used)| {
        if *used + 16 > bytes.len() {
            bytes.resize(POOL, 0);
            if getrandom::fill(bytes).is_err() {
                bytes.clear();
                return Uuid::new_v4();
            }
            *used = 0;
        }
        let mut id = [0u8; 16];
        id.copy_from_slice(&bytes[*used..*used + 16]);
        *used += 16;
        uuid::Builder::from_random_bytes(id).into_uuid()
    })
}

/// Current time, UTC. The serde default for timestamps a foreign file leaves out.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Reads a record's timestamp as chrono's own reader does (RFC 3339, relaxed: `2019-05-08 12:00:00+02:00`
/// too, and its messages for anything else), but tries chrono's strict RFC 3339 parser first: four times
/// as fast for the form Trappe writes, which is nearly every timestamp in a file (10 ms of reading 10,000
/// meetings).
pub fn read_timestamp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    struct Timestamp;
    impl serde::de::Visitor<'_> for Timestamp {
        type Value = DateTime<Utc>;
        // chrono's words, so a file's wrong value is named the same way.
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 formatted date and time string")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
            DateTime::parse_from_rfc3339(s)
                .or_else(|_| s.parse::<DateTime<chrono::FixedOffset>>())
                .map(|t| t.with_timezone(&Utc))
                .map_err(E::custom)
        }
    }
    d.deserialize_str(Timestamp)
}

/// Amounts are whole Danish kroner; øre never matter on a staircase or in a plan.
pub type Kroner = i64;

#[cfg(test)]
mod timestamp_tests {
    use chrono::{DateTime, Utc};

    #[derive(serde::Deserialize)]
    struct At(#[serde(deserialize_with = "super::read_timestamp")] DateTime<Utc>);

    /// Every value reads as chrono's own reader reads it, with the same message where it cannot.
    #[test]
    fn timestamps_read_as_chronos_reader_reads_them() {
        for json in [
            r#""2019-05-08T12:00:00Z""#,
            r#""2019-05-08T12:00:00.123456Z""#,
            r#""2019-05-08T14:00:00+02:00""#,
            r#""2019-05-08 14:00:00+02:00""#,
            r#""2019-05-08t12:00:00z""#,
            r#""2019-05-08""#,
            r#""8. maj 2019""#,
            r#""""#,
            "17",
            "null",
            "{}",
        ] {
            let ours = serde_json::from_str::<At>(json).map(|a| a.0);
            let chronos = serde_json::from_str::<DateTime<Utc>>(json);
            match (ours, chronos) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{json}"),
                (a, b) => panic!("{json}: {a:?} against {b:?}"),
            }
        }
    }
}

#[cfg(test)]
mod id_tests {
    use super::new_id;
    use std::collections::HashSet;

    #[test]
    fn ids_from_the_pool_are_random_version_4_and_never_repeat_across_refills() {
        // 1,000 ids use the pool four times over.
        let ids: Vec<_> = (0..1000).map(|_| new_id()).collect();
        assert!(ids
            .iter()
            .all(|id| id.get_version_num() == 4 && id.get_variant() == uuid::Variant::RFC4122));
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 1000);
    }
}
