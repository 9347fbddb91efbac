//! What Overblik cannot show, and figures that disagree: said next to the figures, never guessed around.
//! Each notice names the record it concerns, so the screen can link to where it is edited.

use super::meetings::MeetingFigures;
use super::moves::move_figures;
use super::plan::{PlanFigures, Track};
use super::series::{LeftOut, Series};
use crate::model::staircase_ops::CountTarget;
use crate::model::{Id, Staircase, Workspace};

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    NoSteps,
    NoMeasurements,
    /// A measurement without a date is not on the time line.
    Undated {
        measurement: Id,
        name: String,
    },
    /// Scenarios are what-ifs and are left out of the time line.
    ScenariosLeftOut {
        count: usize,
    },
    /// Only one dated measurement: no development to show yet.
    OneMeasurement,
    /// No measurement is marked as baseline; the oldest stands in.
    BaselineAssumed {
        measurement: Id,
        name: String,
    },
    /// Children counted where no price is known: the spend is a lower bound.
    ChildrenWithoutCost {
        measurement: Id,
        name: String,
        children: i64,
    },
    /// A step has both a count of its own and counts per intervention: they are added, which double counts
    /// if the step's count already includes the interventions.
    StepCountedTwice {
        measurement: Id,
        name: String,
        step: Id,
        step_name: String,
        step_count: i64,
        intervention_count: i64,
    },
    /// More children moved off a step during a period than the step held at the start of it.
    MovesExceedStep {
        measurement: Id,
        name: String,
        step: Id,
        step_name: String,
        moved_out: i64,
        before: i64,
        before_name: String,
    },
    /// The newest measurement has no number of caseworkers.
    NoCaseworkers {
        measurement: Id,
        name: String,
    },
    NoCaseloadBand,
    NoMoves {
        measurement: Id,
        name: String,
    },
    NoMeetings,
    NoMonthlyTargets,
    /// No meeting was held in the last twelve whole months; the figures are for an earlier window.
    MeetingsEndEarly,
    UndatedMeetings {
        count: usize,
    },
    NoInitiatives,
    /// Indicators whose baseline, target or values are missing.
    IndicatorsIncomplete {
        count: usize,
    },
}

pub fn notices(
    ws: &Workspace,
    series: &Series,
    meetings: &MeetingFigures,
    plan: &PlanFigures,
    moves_from: Option<&(crate::model::Id, String)>,
) -> Vec<Notice> {
    let s = &ws.staircase;
    let mut out = Vec::new();
    if s.steps.is_empty() {
        out.push(Notice::NoSteps);
    }
    if s.measurements.is_empty() {
        out.push(Notice::NoMeasurements);
    }
    let scenarios = series
        .left_out
        .iter()
        .filter(|(_, _, why)| *why == LeftOut::Scenario)
        .count();
    for (id, name, why) in &series.left_out {
        if *why == LeftOut::Undated {
            out.push(Notice::Undated {
                measurement: *id,
                name: name.clone(),
            });
        }
    }
    if scenarios > 0 {
        out.push(Notice::ScenariosLeftOut { count: scenarios });
    }
    if series.points.len() == 1 {
        out.push(Notice::OneMeasurement);
    }
    if let (true, Some(b)) = (series.baseline_assumed, series.baseline()) {
        out.push(Notice::BaselineAssumed {
            measurement: b.measurement_id,
            name: b.name.clone(),
        });
    }
    for p in &series.points {
        if p.totals.children_without_cost > 0 {
            out.push(Notice::ChildrenWithoutCost {
                measurement: p.measurement_id,
                name: p.name.clone(),
                children: p.totals.children_without_cost,
            });
        }
    }
    out.extend(disagreements(s, series));
    if let Some(latest) = series.latest() {
        if latest.caseload.is_none() {
            out.push(Notice::NoCaseworkers {
                measurement: latest.measurement_id,
                name: latest.name.clone(),
            });
        } else if ws.follow_up.caseload_band.is_none() {
            out.push(Notice::NoCaseloadBand);
        }
        // The measurement the moves are read from. The baseline starts the time line: it has no period
        // for moves to happen in, so it is not asked for any.
        if let Some((id, name)) = moves_from {
            let is_baseline = series.baseline().is_some_and(|b| b.measurement_id == *id);
            let no_moves = s.measurement(*id).is_some_and(|m| m.moves.is_empty());
            if !is_baseline && no_moves {
                out.push(Notice::NoMoves {
                    measurement: *id,
                    name: name.clone(),
                });
            }
        }
    }
    if ws.meetings.is_empty() {
        out.push(Notice::NoMeetings);
    } else {
        if ws.follow_up.monthly_targets.is_empty() {
            out.push(Notice::NoMonthlyTargets);
        }
        if meetings.window.ends_early {
            out.push(Notice::MeetingsEndEarly);
        }
        if meetings.undated > 0 {
            out.push(Notice::UndatedMeetings {
                count: meetings.undated,
            });
        }
    }
    if plan.initiatives == 0 {
        out.push(Notice::NoInitiatives);
    }
    let incomplete = plan.tracks(Track::Unknown);
    if incomplete > 0 {
        out.push(Notice::IndicatorsIncomplete { count: incomplete });
    }
    out
}

/// Counts that contradict each other within the staircase's own figures.
fn disagreements(s: &Staircase, series: &Series) -> Vec<Notice> {
    let mut out = Vec::new();
    for m in &s.measurements {
        for step in &s.steps {
            let own = i64::from(m.count(CountTarget::Step(step.id)));
            let per_iv: i64 = step
                .interventions
                .iter()
                .map(|iv| i64::from(m.count(CountTarget::Intervention(iv.id))))
                .sum();
            if own > 0 && per_iv > 0 {
                out.push(Notice::StepCountedTwice {
                    measurement: m.id,
                    name: m.name.trim().to_string(),
                    step: step.id,
                    step_name: step.name.trim().to_string(),
                    step_count: own,
                    intervention_count: per_iv,
                });
            }
        }
    }
    // Moves during a period start from the measurement before it on the time line.
    for pair in series.points.windows(2) {
        let (before, p) = (&pair[0], &pair[1]);
        let Some(m) = s.measurement(p.measurement_id) else {
            continue;
        };
        let moves = move_figures(s, m);
        for ((flow, had), step) in moves.flows.iter().zip(&before.steps).zip(&s.steps) {
            if flow.moved_out > had.children {
                out.push(Notice::MovesExceedStep {
                    measurement: p.measurement_id,
                    name: p.name.clone(),
                    step: step.id,
                    step_name: step.name.trim().to_string(),
                    moved_out: flow.moved_out,
                    before: had.children,
                    before_name: before.name.clone(),
                });
            }
        }
    }
    out
}
