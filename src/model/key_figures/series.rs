//! The staircase over the years: each measurement's children and spend per step, in date order, and the
//! change against the baseline. Scenarios are what-ifs, not the municipality's figures, and an undated
//! measurement cannot be placed in time: both are left out of the series and named, never dropped silently.

use crate::model::sorting::StableSort;
use crate::model::staircase_figures::{
    caseload, casework_children, measurement_figures, totals, CategorySplit, StepFigures, Totals,
};
use crate::model::{Id, Kroner, Measurement, MeasurementKind, Staircase};
use chrono::NaiveDate;

/// One measurement on the time line.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub measurement_id: Id,
    pub name: String,
    pub kind: MeasurementKind,
    pub date: NaiveDate,
    /// One entry per step, in staircase order.
    pub steps: Vec<StepFigures>,
    pub totals: Totals,
    pub split: CategorySplit,
    pub caseworkers: Option<u32>,
    /// Children with a case (see `staircase_figures::casework_children`).
    pub casework_children: i64,
    pub caseload: Option<f64>,
}

impl Point {
    fn of(s: &Staircase, m: &Measurement, date: NaiveDate) -> Self {
        let steps = measurement_figures(s, m);
        Point {
            measurement_id: m.id,
            name: m.name.trim().to_string(),
            kind: m.kind,
            date,
            totals: totals(&steps),
            split: CategorySplit::of(s, &steps),
            steps,
            caseworkers: m.caseworkers,
            casework_children: casework_children(s, m),
            caseload: caseload(s, m),
        }
    }

    /// Step `i`'s share of the children (0.25 = 25 %); `None` when no child is counted.
    pub fn children_share(&self, i: usize) -> Option<f64> {
        share(self.steps.get(i)?.children, self.totals.children)
    }

    /// Step `i`'s share of the yearly spend; `None` when no spend is known.
    pub fn spend_share(&self, i: usize) -> Option<f64> {
        share(self.steps.get(i)?.yearly_spend, self.totals.yearly_spend)
    }
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| part as f64 / whole as f64)
}

/// Why a measurement is not on the time line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    Undated,
    Scenario,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Baseline, actual and target measurements with a date, oldest first; one date keeps list order.
    pub points: Vec<Point>,
    /// Index in `points` of the baseline: the oldest measurement marked as baseline, else the oldest.
    pub baseline: Option<usize>,
    /// No measurement is marked as baseline, so the oldest stands in (the screen says so).
    pub baseline_assumed: bool,
    pub left_out: Vec<(Id, String, LeftOut)>,
}

pub fn series(s: &Staircase) -> Series {
    let mut points = Vec::new();
    let mut left_out = Vec::new();
    for m in &s.measurements {
        match (m.kind, m.date) {
            (MeasurementKind::Scenario, _) => {
                left_out.push((m.id, m.name.trim().to_string(), LeftOut::Scenario))
            }
            (_, None) => left_out.push((m.id, m.name.trim().to_string(), LeftOut::Undated)),
            (_, Some(d)) => points.push(Point::of(s, m, d)),
        }
    }
    points.stable_sort_by_key(|p| p.date); // stable
    let marked = points
        .iter()
        .position(|p| p.kind == MeasurementKind::Baseline);
    let baseline = marked.or((!points.is_empty()).then_some(0));
    Series {
        baseline_assumed: marked.is_none() && baseline.is_some(),
        baseline,
        points,
        left_out,
    }
}

/// A measurement against the baseline: b − a for counts and kroner, percentage points for shares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delta {
    pub children: i64,
    pub spend: Kroner,
    pub placement_children: i64,
    pub placement_spend: Kroner,
    pub preventive_children: i64,
    pub preventive_spend: Kroner,
    /// Change in the share of children on the placement steps, in percentage points.
    pub placement_children_points: Option<f64>,
    /// Change in the share of spend on the placement steps, in percentage points.
    pub placement_spend_points: Option<f64>,
}

pub fn delta(a: &Point, b: &Point) -> Delta {
    let points = super::share_points;
    Delta {
        children: b.totals.children - a.totals.children,
        spend: b.totals.yearly_spend.saturating_sub(a.totals.yearly_spend),
        placement_children: b.split.placement_children - a.split.placement_children,
        placement_spend: b
            .split
            .placement_spend
            .saturating_sub(a.split.placement_spend),
        preventive_children: b.split.preventive_children - a.split.preventive_children,
        preventive_spend: b
            .split
            .preventive_spend
            .saturating_sub(a.split.preventive_spend),
        placement_children_points: points(
            a.split.placement_children_share(),
            b.split.placement_children_share(),
        ),
        placement_spend_points: points(
            a.split.placement_spend_share(),
            b.split.placement_spend_share(),
        ),
    }
}

impl Series {
    pub fn baseline(&self) -> Option<&Point> {
        self.points.get(self.baseline?)
    }

    /// The situation now: the newest point that is not a target. `None` when only targets (or nothing)
    /// are dated.
    pub fn latest(&self) -> Option<&Point> {
        self.points
            .iter()
            .rev()
            .find(|p| p.kind != MeasurementKind::Target)
    }

    /// The first target dated on or after the latest measurement, for "on the way to".
    pub fn next_target(&self) -> Option<&Point> {
        let after = self.latest().map(|p| p.date);
        self.points
            .iter()
            .find(|p| p.kind == MeasurementKind::Target && after.is_none_or(|d| p.date >= d))
    }

    /// `p` against the baseline; `None` without a baseline.
    pub fn since_baseline(&self, p: &Point) -> Option<Delta> {
        Some(delta(self.baseline()?, p))
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}
