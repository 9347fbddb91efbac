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

use crate::model::Workspace;
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

#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigures {
    pub series: series::Series,
    /// Moves of the latest measurement (see `Series::latest`).
    pub moves: Option<moves::MoveFigures>,
    pub caseload: Vec<casework::CaseloadPoint>,
    pub meetings: meetings::MeetingFigures,
    pub plan: plan::PlanFigures,
    pub notices: Vec<notices::Notice>,
}

/// Every key figure of `ws` as of `today`.
pub fn key_figures(ws: &Workspace, today: NaiveDate) -> KeyFigures {
    let series = series::series(&ws.staircase);
    let moves = series
        .latest()
        .and_then(|p| ws.staircase.measurement(p.measurement_id))
        .map(|m| moves::move_figures(&ws.staircase, m));
    let caseload = casework::caseload_series(&series, ws.follow_up.caseload_band);
    let meetings = meetings::meeting_figures(ws, today);
    let plan = plan::plan_figures(&ws.plan, today);
    let notices = notices::notices(ws, &series, &meetings, &plan);
    KeyFigures {
        series,
        moves,
        caseload,
        meetings,
        plan,
        notices,
    }
}
