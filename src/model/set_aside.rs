//! What was set aside and why, as data: the reason is a value (which record, which field, which rule), and
//! `text::file` says it in Danish. Files and stored copies so carry no wording of the app's; entries an
//! older Trappe wrote carry their sentence in `what`, and it is kept as it was (`SetAsideReason::Written`).

use super::field_path::FieldPath;
use super::record::RecordKind;
use super::validation::Problem;
use super::{new_id, now, Id};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One record (or value) as it was found, before it was repaired or left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(from = "SetAsideIn")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(with = "SetAsideIn"))]
pub struct SetAside {
    pub id: Id,
    /// Where it was: a path in the file (`workspace.meetings[17]`) or a place named in `found` (`tab:other`).
    pub found_at: String,
    /// What was wrong and what was done.
    pub reason: SetAsideReason,
    /// Whether a repaired version is in the workspace (else the record was left out).
    pub repaired: bool,
    /// The original JSON text.
    pub original: String,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub set_aside_at: DateTime<Utc>,
}

impl Default for SetAside {
    fn default() -> Self {
        SetAside {
            id: new_id(),
            found_at: String::new(),
            reason: SetAsideReason::default(),
            repaired: false,
            original: String::new(),
            set_aside_at: now(),
        }
    }
}

/// A set-aside entry as files and stored copies hold it: with a `reason`, or (written by an older Trappe)
/// with the sentence in `what`.
#[derive(Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
struct SetAsideIn {
    id: Id,
    /// Where it was: a path in the file (`workspace.meetings[17]`) or a place such as `tab:other`
    /// (an older Trappe wrote the place in Danish words).
    found_at: String,
    /// What was wrong and what was done. Absent in entries an older Trappe wrote.
    #[serde(deserialize_with = "reason_via_value")]
    reason: Option<SetAsideReason>,
    /// What was wrong and what was done, in Danish, as an older Trappe wrote it instead of a `reason`;
    /// read only when there is no `reason`.
    what: String,
    /// Whether a repaired version is in the workspace (else the record was left out).
    repaired: bool,
    /// The original JSON text.
    original: String,
    set_aside_at: DateTime<Utc>,
}

impl Default for SetAsideIn {
    fn default() -> Self {
        let d = SetAside::default();
        SetAsideIn {
            id: d.id,
            found_at: d.found_at,
            reason: None,
            what: String::new(),
            repaired: d.repaired,
            original: d.original,
            set_aside_at: d.set_aside_at,
        }
    }
}

impl From<SetAsideIn> for SetAside {
    fn from(s: SetAsideIn) -> Self {
        SetAside {
            id: s.id,
            found_at: s.found_at,
            reason: s.reason.unwrap_or(SetAsideReason::Written { text: s.what }),
            repaired: s.repaired,
            original: s.original,
            set_aside_at: s.set_aside_at,
        }
    }
}

/// Reads a reason through a JSON value, whatever the source (a file, a stored part, a value being
/// restored): serde's derived readers for these enums are large, and so the app holds one copy of them (for
/// text, see `json::read`) instead of one per source, about 40 KB of wasm less.
fn reason_via_value<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<SetAsideReason>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None => Ok(None),
        Some(v) => super::json::read::<SetAsideReason>(&v)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// Why an entry was set aside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Externally tagged (`{"record": {…}}`, `"unknown_part"`): an internally tagged enum needs serde's
// buffering deserializer, which cost the app about 20 KB of wasm.
#[serde(rename_all = "snake_case")]
pub enum SetAsideReason {
    /// The sentence an older Trappe wrote, kept as it was.
    Written { text: String },
    /// A record of a file or stored copy (or, without `record`, a workspace-wide setting such as the
    /// follow-up rules), known to the user by `label`, and what was wrong with it.
    Record {
        record: Option<RecordKind>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        label: String,
        #[serde(default)]
        notes: Vec<Note>,
    },
    /// An earlier set-aside entry that could not be read.
    UnreadableSetAside,
    /// The set-aside list itself could not be read.
    UnreadableSetAsideList,
    /// A deletion or a kept version of a record that could not be read.
    UnreadableBranch,
    /// Edits a tab had not saved (its journal) could not be read.
    UnreadableJournal,
    /// A record of this tab that refers to something another tab deleted.
    DidNotFit { record: RecordKind },
    /// Both tabs changed the same record: `fields` (paths in the record) or, when empty, the record as a
    /// whole. `kept_theirs`: this tab had deleted it and the other tab's version was kept.
    Conflict {
        record: RecordKind,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<String>,
        #[serde(default)]
        kept_theirs: bool,
    },
    /// A workspace a replace wrote over could not be read and was kept as it lay in storage.
    UnreadableBackup,
    /// The workspace's own fields could not be read from storage; `name_known`: its name was found in
    /// the list of workspaces.
    UnreadableHead { name_known: bool },
    /// The workspace's own fields were missing in storage.
    MissingHead { name_known: bool },
    /// The stored workspace had no id (or another than the key it is stored under) and got the key's.
    HeadIdFromStorageKey,
    /// The stored order of a kind of records could not be read.
    UnreadableOrder { record: RecordKind },
    /// A stored part with a name Trappe does not know.
    UnknownPart,
    /// A stored pack of records (see `file_format::parts`) could not be read: the records in it are in
    /// its original.
    UnreadablePack { record: RecordKind },
}

impl Default for SetAsideReason {
    fn default() -> Self {
        SetAsideReason::Written {
            text: String::new(),
        }
    }
}

/// One thing wrong with a record, and what was done about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// The value at `field` (a path in the record; empty: the whole value) could not be read and was left
    /// out.
    UnreadableValue {
        field: FieldPath,
        problem: DataProblem,
    },
    /// A text at `field` held a character code (`code`, `\ud800`) that is no character; it was replaced.
    CharacterReplaced { field: FieldPath, code: String },
    /// The record had the id of another and got a new one.
    RenewedId,
    /// The record could not be read at all and is not in the workspace.
    UnreadableRecord { problem: DataProblem },
    /// The record broke the rules past repair and is not in the workspace.
    PastRepair,
    /// The settings could not be repaired and were reset to their defaults.
    ResetToDefault,
    /// The value at `field` broke a rule and was repaired.
    Fixed {
        field: FieldPath,
        problem: Problem,
        fix: Fix,
    },
    /// A list was something else and was not read.
    NotAList,
    /// The record had not the id it is stored under and got it.
    IdFromStorageKey,
    /// A stored step could not be read; its interventions were kept under a step in its place.
    StepInterventionsKept,
}

/// What repairing a broken rule did to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fix {
    Shortened,
    Masked,
    NewId,
    Named,
    Removed,
    Nothing,
}

/// A value that could not be read: serde_json's English error messages sorted into what a Danish message
/// needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DataProblem {
    WrongType {
        found: String,
        expected: String,
    },
    UnknownValue {
        found: String,
        allowed: String,
    },
    MissingField(String),
    DuplicateField(String),
    BadDate,
    /// A date or time that could not be read, as the file wrote it (cut to 40 characters).
    BadDateText(String),
    BadId,
    NumberOutOfRange,
    /// A number too large for the file's number type (`1e309`), as written.
    NumberTooLarge(String),
    /// A text with a `\` code that is no character (a lone surrogate such as `\ud800`), as written; empty
    /// when it is not known.
    BadCharacter(String),
    /// A raw control character (a line break, a tab) inside a text.
    ControlCharacter,
    UnexpectedEnd,
    TrailingCharacters,
    TooDeep,
    Syntax,
    Other(String),
}

/// Places an entry was found that are no path in a file, for `SetAside::found_at`. `text::set_aside`
/// says them in words; a place an older Trappe wrote in words is shown as it is.
pub mod found {
    use crate::model::record::RecordKind;
    use crate::model::Id;

    pub const THIS_TAB: &str = "tab:this";
    pub const OTHER_TAB: &str = "tab:other";
    /// The browser's storage.
    pub const STORAGE: &str = "storage";
    /// A journal (edits a tab had not yet saved) in storage.
    pub const JOURNAL: &str = "storage:journal";
    /// The workspace's own fields in storage.
    pub const HEAD: &str = "storage:head";
    /// The stored set-aside list.
    pub const SET_ASIDE_LIST: &str = "storage:set_aside";

    pub fn order(kind: RecordKind) -> String {
        format!("storage:order:{}", kind.key())
    }

    pub fn record(kind: RecordKind, id: Id) -> String {
        format!("storage:record:{}:{id}", kind.key())
    }

    /// One of the stored packs of records of a kind (see `file_format::parts`).
    pub fn pack(kind: RecordKind) -> String {
        format!("storage:pack:{}", kind.key())
    }

    /// A stored part by its key (which may be any text).
    pub fn part(key: &str) -> String {
        format!("storage:part:{key}")
    }

    /// `found_at` read back: which place it names.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Place<'a> {
        ThisTab,
        OtherTab,
        Storage,
        Journal,
        Head,
        SetAsideList,
        Order(RecordKind),
        Record(RecordKind, &'a str),
        Pack(RecordKind),
        Part(&'a str),
        /// A path in a file (`workspace.meetings[0]`), or words an older Trappe wrote.
        Other(&'a str),
    }

    pub fn parse(at: &str) -> Place<'_> {
        match at {
            THIS_TAB => return Place::ThisTab,
            OTHER_TAB => return Place::OtherTab,
            STORAGE => return Place::Storage,
            JOURNAL => return Place::Journal,
            HEAD => return Place::Head,
            SET_ASIDE_LIST => return Place::SetAsideList,
            _ => {}
        }
        if let Some(key) = at.strip_prefix("storage:part:") {
            return Place::Part(key);
        }
        if let Some(kind) = at
            .strip_prefix("storage:order:")
            .and_then(RecordKind::from_key)
        {
            return Place::Order(kind);
        }
        if let Some(kind) = at
            .strip_prefix("storage:pack:")
            .and_then(RecordKind::from_key)
        {
            return Place::Pack(kind);
        }
        if let Some((kind, id)) = at
            .strip_prefix("storage:record:")
            .and_then(|r| r.split_once(':'))
            .and_then(|(k, id)| Some((RecordKind::from_key(k)?, id)))
        {
            return Place::Record(kind, id);
        }
        Place::Other(at)
    }
}

/// Names that repairing writes into the workspace itself. They are data, stored and shown like a name the
/// user typed, so they live here with the repairs rather than with the wording in `text`.
pub mod names {
    /// The name given to a record (or a workspace) whose file had none.
    pub const UNNAMED: &str = "Uden navn";
    /// The name of a workspace found in the browser's storage whose own name could not be read anywhere.
    pub const STORED_WITHOUT_NAME: &str = "Arbejdsområde fundet i browserens lager";
    /// The name of a step that holds the interventions of a step that could not be read.
    pub const UNREADABLE_STEP: &str = "Trin der ikke kunne læses";
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_reason_is_stored_as_data_and_read_back() {
        let entry = SetAside {
            found_at: "workspace.meetings[2]".into(),
            reason: SetAsideReason::Record {
                record: Some(RecordKind::Meeting),
                label: "Sag 2".into(),
                notes: vec![
                    Note::Fixed {
                        field: "notes".into(),
                        problem: Problem::TooLong { max: 50_000 },
                        fix: Fix::Shortened,
                    },
                    Note::UnreadableValue {
                        field: "date".into(),
                        problem: DataProblem::BadDateText("8. maj".into()),
                    },
                ],
            },
            repaired: true,
            original: "{}".into(),
            ..SetAside::default()
        };
        let v = serde_json::to_value(&entry).unwrap();
        assert_eq!(
            v["reason"],
            json!({"record": {
                "record": "meeting",
                "label": "Sag 2",
                "notes": [
                    {"fixed": {"field": "notes", "problem": {"too_long": {"max": 50000}}, "fix": "shortened"}},
                    {"unreadable_value": {"field": "date", "problem": {"bad_date_text": "8. maj"}}},
                ],
            }})
        );
        assert!(v.get("what").is_none(), "no sentence in the data");
        assert_eq!(serde_json::from_value::<SetAside>(v).unwrap(), entry);
    }

    #[test]
    fn an_older_entry_keeps_its_sentence() {
        let old = json!({
            "found_at": "en anden fane",
            "what": "Møde: ændret i begge faner.",
            "repaired": true,
            "original": "{}",
        });
        let entry: SetAside = serde_json::from_value(old).unwrap();
        assert_eq!(
            entry.reason,
            SetAsideReason::Written {
                text: "Møde: ændret i begge faner.".into()
            }
        );
        assert_eq!(entry.found_at, "en anden fane");
        let again: SetAside =
            serde_json::from_value(serde_json::to_value(&entry).unwrap()).unwrap();
        assert_eq!(again, entry);
        // A typed reason wins over a sentence beside it.
        let both: SetAside = serde_json::from_value(json!({
            "what": "gammel",
            "reason": "unknown_part",
        }))
        .unwrap();
        assert_eq!(both.reason, SetAsideReason::UnknownPart);
    }

    #[test]
    fn every_rule_problem_reads_back_under_its_stored_name() {
        let id = Id::nil();
        for p in [
            Problem::Empty,
            Problem::TooLong { max: 3 },
            Problem::Negative,
            Problem::TooLarge { max: 9 },
            Problem::OutOfRange { min: 1, max: 2 },
            Problem::NotFinite,
            Problem::DuplicateId(id),
            Problem::UnknownReference(id),
            Problem::CprLike,
            Problem::MinAboveMax,
            Problem::SelfReference,
            Problem::SameStep,
            Problem::EndBeforeStart,
            Problem::Duplicate,
            Problem::ParentLoop,
        ] {
            let stored = serde_json::to_value(&p).unwrap();
            assert_eq!(serde_json::from_value::<Problem>(stored).unwrap(), p);
        }
        // The names are part of the file format.
        assert_eq!(
            serde_json::to_value(Problem::TooLong { max: 3 }).unwrap(),
            json!({"too_long": {"max": 3}})
        );
        assert_eq!(
            serde_json::to_value(Problem::ParentLoop).unwrap(),
            json!("parent_loop")
        );
    }

    #[test]
    fn places_outside_files_read_back() {
        use found::Place;
        let id = Id::nil();
        assert_eq!(found::parse(found::THIS_TAB), Place::ThisTab);
        assert_eq!(found::parse(found::HEAD), Place::Head);
        assert_eq!(
            found::parse(&found::order(RecordKind::TimelineRow)),
            Place::Order(RecordKind::TimelineRow)
        );
        let at = found::record(RecordKind::Step, id);
        assert_eq!(
            found::parse(&at),
            Place::Record(RecordKind::Step, "00000000-0000-0000-0000-000000000000")
        );
        assert_eq!(found::parse(&found::part("a:b/c")), Place::Part("a:b/c"));
        assert_eq!(
            found::parse(&found::pack(RecordKind::Meeting)),
            Place::Pack(RecordKind::Meeting)
        );
        assert_eq!(
            found::parse("workspace.meetings[0]"),
            Place::Other("workspace.meetings[0]")
        );
        assert_eq!(
            found::parse("storage:order:nonsense"),
            Place::Other("storage:order:nonsense")
        );
    }
}
