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

/// Fresh random id (UUID v4). Also the serde default, so files from other programs may omit ids.
pub fn new_id() -> Id {
    Uuid::new_v4()
}

/// Current time, UTC. The serde default for timestamps a foreign file leaves out.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Amounts are whole Danish kroner; øre never matter on a staircase or in a plan.
pub type Kroner = i64;
