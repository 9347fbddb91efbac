//! The versions of a record besides the one shown: CouchDB's other leaves of a record's revision tree.
//! A deletion leaves a tombstone (a branch ending in no version), so a copy that still holds the record
//! learns it was deleted; a merge that finds two versions neither of which descends from the other keeps
//! the one not shown as a losing version, never drops it. A branch the user has dealt with is settled: it
//! stays (the next merge with a copy that still holds it must know it was dealt with) but asks nothing.

use super::record::{Record, RecordRef, RecordView};
use super::revision::{self, Revisions};
use super::{now, Workspace};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a deletion's revision hashes as content (CouchDB marks a deleted revision `_deleted`).
pub const DELETED: &str = "{\"_deleted\":true}";
/// What a settling revision hashes as content: the branch ends here, dealt with.
pub const SETTLED: &str = "{\"_deleted\":true,\"settled\":true}";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Branch {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "serde_json::Value"))]
    pub record: RecordRef,
    #[serde(rename = "_revisions", default)]
    pub revisions: Revisions,
    /// The version the branch ends in; `None`: it ends in a deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<serde_json::Value>")
    )]
    pub version: Option<Record>,
    /// Dealt with: a losing version the user chose against, or a deletion the user overruled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub settled: bool,
    /// When the branch came to be (a deletion: when it was deleted).
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub at: DateTime<Utc>,
}

impl Branch {
    /// The tombstone of `record`, deleted now.
    pub fn deletion(record: RecordView<'_>) -> Self {
        Branch {
            record: record.reference(),
            revisions: revision::of(record).next(DELETED),
            version: None,
            settled: false,
            at: now(),
        }
    }

    /// Whether the branch still holds a version that competes with the one shown.
    pub fn is_live(&self) -> bool {
        self.version.is_some() && !self.settled
    }

    /// Whether the branch asks the user something while the record is shown: a losing version, or a
    /// deletion the shown version overruled.
    pub fn is_open(&self) -> bool {
        !self.settled
    }

    /// The branch dealt with: a later revision that settles it (its version is kept, for the record).
    pub fn settle(&self) -> Branch {
        Branch {
            revisions: self.revisions.next(SETTLED),
            settled: true,
            at: now(),
            ..self.clone()
        }
    }
}

impl Workspace {
    /// The records shown with a conflict: another version kept beside them, or a deletion on one side
    /// they overruled. In the order their branches are kept, each once.
    pub fn conflicts(&self) -> Vec<RecordRef> {
        let mut out: Vec<RecordRef> = Vec::new();
        for b in &self.branches {
            if b.is_open() && !out.contains(&b.record) && self.contains(b.record) {
                out.push(b.record);
            }
        }
        out
    }

    /// Whether the record is shown with a conflict.
    pub fn in_conflict(&self, r: RecordRef) -> bool {
        self.branches.iter().any(|b| b.record == r && b.is_open()) && self.contains(r)
    }

    /// The open branches of a record shown.
    pub fn open_branches(&self, r: RecordRef) -> Vec<&Branch> {
        self.branches
            .iter()
            .filter(|b| b.record == r && b.is_open())
            .collect()
    }
}

/// Both lists of branches as one: each branch once (by record and revision), less those another branch of
/// the same record descends from (a branch settled on one side replaces its open self). `a`'s order first.
pub fn union(a: &[Branch], b: &[Branch]) -> Vec<Branch> {
    let mut all: Vec<&Branch> = Vec::with_capacity(a.len() + b.len());
    for x in a.iter().chain(b) {
        if !all.iter().any(|y| {
            y.record == x.record
                && y.revisions.ids.first() == x.revisions.ids.first()
                && y.revisions.start == x.revisions.start
        }) {
            all.push(x);
        }
    }
    all.iter()
        .filter(|x| {
            !all.iter().any(|y| {
                y.record == x.record
                    && y.revisions.start > x.revisions.start
                    && x.revisions.is_ancestor_of(&y.revisions)
            })
        })
        .map(|x| (*x).clone())
        .collect()
}
