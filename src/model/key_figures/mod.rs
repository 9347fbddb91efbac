//! Overblik's key figures: the staircase over the years, moves on it, caseload, meetings and the plan, each
//! computed from the workspace alone (plain Rust, tested natively with hand-computed values). What a figure
//! cannot be computed from is reported as a [`notices::Notice`], never shown as a misleading zero.

pub mod casework;
pub mod colleague;
pub mod meetings;
pub mod moves;
pub mod notices;
pub mod plan;
pub mod series;

#[cfg(test)]
mod tests;

use crate::model::{Id, Workspace};
use chrono::NaiveDate;

/// A share in percent as every page shows it: one decimal, rounded half away from zero (see `text::percent`).
pub fn shown_percent(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

/// The change from share `a` to share `b` in percentage points, from the shares as shown, so the two
/// shares and their difference on a page add up (13,2 % and 19,5 % differ by 6,3, not by 6,4 from the
/// unrounded values).
pub fn share_points(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(((shown_percent(b?) - shown_percent(a?)) * 10.0).round() / 10.0)
}

/// What the user chose for the figures that can be read from more than one measurement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// The measurement whose moves are shown; `None`: the default (`moves_measurement`).
    pub moves: Option<Id>,
}

/// The measurement whose moves are shown: the chosen one if it is on the time line, else the newest
/// measurement on it with moves recorded (a target too: moves are counts the user wrote down), else the
/// latest measurement.
pub fn moves_measurement(
    ws: &Workspace,
    series: &series::Series,
    chosen: Option<Id>,
) -> Option<Id> {
    let on_line = |id: Id| series.points.iter().any(|p| p.measurement_id == id);
    chosen.filter(|id| on_line(*id)).or_else(|| {
        series
            .points
            .iter()
            .rev()
            .find(|p| {
                ws.staircase
                    .measurement(p.measurement_id)
                    .is_some_and(|m| !m.moves.is_empty())
            })
            .or_else(|| series.latest())
            .map(|p| p.measurement_id)
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigures {
    pub series: series::Series,
    /// The measurement the moves are read from (see `moves_measurement`), with its name.
    pub moves_from: Option<(Id, String)>,
    /// Moves of `moves_from`.
    pub moves: Option<moves::MoveFigures>,
    pub caseload: Vec<casework::CaseloadPoint>,
    pub meetings: meetings::MeetingFigures,
    pub plan: plan::PlanFigures,
    pub notices: Vec<notices::Notice>,
}

/// Every key figure of `ws` as of `today`, with the default choices.
pub fn key_figures(ws: &Workspace, today: NaiveDate) -> KeyFigures {
    key_figures_with(ws, today, Choices::default())
}

/// Every key figure of `ws` as of `today`, read as the user chose.
pub fn key_figures_with(ws: &Workspace, today: NaiveDate, choices: Choices) -> KeyFigures {
    let series = series::series(&ws.staircase);
    let moves_from = moves_measurement(ws, &series, choices.moves)
        .and_then(|id| ws.staircase.measurement(id))
        .map(|m| (m.id, m.name.trim().to_string()));
    let moves = moves_from
        .as_ref()
        .and_then(|(id, _)| ws.staircase.measurement(*id))
        .map(|m| moves::move_figures(&ws.staircase, m));
    let caseload = casework::caseload_series(&series, ws.follow_up.caseload_band);
    let meetings = meetings::meeting_figures(ws, today);
    let plan = plan::plan_figures(&ws.plan, today);
    let notices = notices::notices(ws, &series, &meetings, &plan, moves_from.as_ref());
    KeyFigures {
        series,
        moves_from,
        moves,
        caseload,
        meetings,
        plan,
        notices,
    }
}
