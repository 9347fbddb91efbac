//! The intervention staircase (indsatstrappe): steps, interventions and measurements.

use super::revision::Revisions;
use super::{new_id, now, Id, Kroner};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Staircase {
    /// Ordered from the least intrusive (first) to the most intrusive (last).
    pub steps: Vec<Step>,
    pub measurements: Vec<Measurement>,
}

/// Which side of the policy goal a step is on; comparisons report placement versus preventive shares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepCategory {
    Universal,
    #[default]
    Preventive,
    Placement,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Step {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub category: StepCategory,
    /// Yearly cost per child, used where a measurement only knows the step's total.
    pub yearly_cost_per_child: Option<Kroner>,
    pub interventions: Vec<Intervention>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub created_at: DateTime<Utc>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub updated_at: DateTime<Utc>,
    /// This record's revision history (see `revision`); travels with it in files and storage.
    #[serde(rename = "_revisions", skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
}

impl Step {
    /// A new step with a name (every step has one).
    pub fn named(name: &str) -> Self {
        Step {
            name: name.into(),
            ..Step::default()
        }
    }
}

impl Default for Step {
    fn default() -> Self {
        let t = now();
        Step {
            id: new_id(),
            name: String::new(),
            description: String::new(),
            category: StepCategory::default(),
            yearly_cost_per_child: None,
            interventions: Vec::new(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum AgeGroup {
    #[serde(rename = "0-6")]
    Age0To6,
    #[serde(rename = "7-14")]
    Age7To14,
    #[serde(rename = "15-17")]
    Age15To17,
    #[serde(rename = "18-23")]
    Age18To23,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 4] = [
        AgeGroup::Age0To6,
        AgeGroup::Age7To14,
        AgeGroup::Age15To17,
        AgeGroup::Age18To23,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CostPeriod {
    #[default]
    PerMonth,
    PerYear,
    /// A whole course, counted as [`CostPeriod::COURSES_PER_CHILD_PER_YEAR`] per child per year.
    PerCourse,
}

impl CostPeriod {
    /// A price per course becomes a yearly price per child by this many courses. The screens state it
    /// wherever such a price is used (`text::staircase::per_course_rule`).
    pub const COURSES_PER_CHILD_PER_YEAR: i64 = 1;

    /// How many periods a child uses in a year.
    pub fn per_year(self) -> i64 {
        match self {
            CostPeriod::PerMonth => 12,
            CostPeriod::PerYear => 1,
            CostPeriod::PerCourse => Self::COURSES_PER_CHILD_PER_YEAR,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    #[default]
    Own,
    External,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionStatus {
    #[default]
    Active,
    Planned,
    Pilot,
    Closed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Intervention {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// E.g. "Barnets Lov § 32" or the older "Serviceloven § 52, stk. 3".
    pub legal_basis: String,
    pub provider: String,
    pub provider_kind: ProviderKind,
    pub target_ages: Vec<AgeGroup>,
    pub referral_required: bool,
    /// Method or evidence base: ICDP, COS-P, KIFF, Back2School, FIT, LØFT, Signs of Safety …
    pub method: String,
    pub unit_cost: Option<Kroner>,
    pub cost_period: CostPeriod,
    pub capacity: Option<u32>,
    pub status: InterventionStatus,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub created_at: DateTime<Utc>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub updated_at: DateTime<Utc>,
    /// This record's revision history (see `revision`); travels with it in files and storage.
    #[serde(rename = "_revisions", skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
}

impl Default for Intervention {
    fn default() -> Self {
        let t = now();
        Intervention {
            id: new_id(),
            name: String::new(),
            description: String::new(),
            legal_basis: String::new(),
            provider: String::new(),
            provider_kind: ProviderKind::default(),
            target_ages: Vec::new(),
            referral_required: false,
            method: String::new(),
            unit_cost: None,
            cost_period: CostPeriod::default(),
            capacity: None,
            status: InterventionStatus::default(),
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

impl Intervention {
    /// A new intervention with a name (every intervention has one).
    pub fn named(name: &str) -> Self {
        Intervention {
            name: name.into(),
            ..Intervention::default()
        }
    }

    /// Yearly cost of one child in this intervention, if a unit cost is known.
    pub fn yearly_cost_per_child(&self) -> Option<Kroner> {
        self.unit_cost
            .map(|c| c.saturating_mul(self.cost_period.per_year()))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasurementKind {
    Baseline,
    #[default]
    Actual,
    Target,
    Scenario,
}

/// A named count of children ("Baseline 2016", "Mål 2020"): per intervention, or per step where only
/// the step's total is known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Measurement {
    pub id: Id,
    pub name: String,
    pub kind: MeasurementKind,
    #[serde(
        serialize_with = "crate::model::iso8601::write_day",
        deserialize_with = "crate::model::iso8601::read_day"
    )]
    pub date: Option<NaiveDate>,
    pub note: String,
    /// Children per intervention id.
    pub per_intervention: BTreeMap<Id, u32>,
    /// Children per step id, for steps counted only as a whole.
    pub per_step: BTreeMap<Id, u32>,
    /// Caseworkers at the time, for children per caseworker.
    pub caseworkers: Option<u32>,
    /// Children who moved from one step to another during the measurement's period: counts, never
    /// individuals (Socialstyrelsen's "bevægelser på trappen").
    pub moves: Vec<StepMove>,
    /// The counts are made up (a built-in example's illustration, a workshop's exercise), not a
    /// municipality's own; the screens and prints that show them say so. Left out of files when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub made_up: bool,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub created_at: DateTime<Utc>,
    #[serde(
        serialize_with = "crate::model::iso8601::write_timestamp",
        deserialize_with = "crate::model::read_timestamp"
    )]
    pub updated_at: DateTime<Utc>,
    /// This record's revision history (see `revision`); travels with it in files and storage.
    #[serde(rename = "_revisions", skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
}

impl Default for Measurement {
    fn default() -> Self {
        let t = now();
        Measurement {
            id: new_id(),
            name: String::new(),
            kind: MeasurementKind::default(),
            date: None,
            note: String::new(),
            per_intervention: BTreeMap::new(),
            per_step: BTreeMap::new(),
            caseworkers: None,
            moves: Vec::new(),
            made_up: false,
            created_at: t,
            updated_at: t,
            revisions: Revisions::default(),
        }
    }
}

/// So many children moved from step `from` to step `to`. Both ids are required: a move that names no step
/// cannot be counted, so a file's move without them is left out on load (and kept under "Tilsidesat").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StepMove {
    pub from: Id,
    pub to: Id,
    pub children: u32,
}
