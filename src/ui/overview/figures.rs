//! The figures Overblik shows, computed once per change of the workspace and shared by its sections and
//! the print view.

use crate::app::{use_app, AppState, Part};
use crate::model::key_figures::{key_figures_with, Choices, KeyFigures};
use crate::model::{CaseloadBand, Id, StepCategory};
use std::collections::HashMap;

thread_local! {
    // The measurement chosen for the moves, per workspace: Overblik and its print page read the same.
    static MOVES_CHOICE: ArcRwSignal<HashMap<Id, Id>> = ArcRwSignal::new(HashMap::new());
}

fn moves_choice() -> RwSignal<HashMap<Id, Id>> {
    MOVES_CHOICE.with(|c| RwSignal::from(c.clone()))
}

/// The user's choices for the open workspace `ws` (tracked where read reactively).
fn choices(ws: Id) -> Choices {
    Choices {
        moves: moves_choice().with(|c| c.get(&ws).copied()),
    }
}

/// Shows the moves of measurement `m` in workspace `ws`, on Overblik and its print page.
pub fn choose_moves(ws: Id, m: Id) {
    moves_choice().update(|c| {
        c.insert(ws, m);
    });
}
use crate::text;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct OverviewData {
    pub k: KeyFigures,
    /// Step titles ("3. Familiebehandling") and categories, in staircase order.
    pub steps: Vec<(String, StepCategory)>,
    pub band: Option<CaseloadBand>,
    pub workspace: String,
}

/// Recomputed when any part changes; the memo keeps sections from redrawing when the figures are equal.
pub fn overview_data() -> Memo<Option<OverviewData>> {
    let app = use_app();
    Memo::new(move |_| {
        app.read_parts(
            &[
                Part::Info,
                Part::Staircase,
                Part::Meetings,
                Part::FollowUp,
                Part::Plan,
            ],
            |w| OverviewData {
                k: {
                    // The benchmark reads how often and how long this takes.
                    crate::browser::perf::start("trappe-key-figures");
                    let k =
                        key_figures_with(w, w.seen_from(crate::browser::today()), choices(w.id));
                    crate::browser::perf::end("trappe-key-figures");
                    k
                },
                steps: w
                    .staircase
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (text::staircase::step_title(i, &s.name), s.category))
                    .collect(),
                band: w.follow_up.caseload_band,
                workspace: if w.name.trim().is_empty() {
                    crate::text::overview::WORKSPACE_FALLBACK.into()
                } else {
                    w.name.trim().to_string()
                },
            },
        )
    })
}

/// Downloads one of Overblik's tables as CSV, computed from the workspace as it is now, after a check
/// for personal data in what the file carries.
pub fn download_csv(
    app: AppState,
    check: crate::ui::privacy_check::PrivacyCheck,
    what: &'static str,
    make: impl Fn(&crate::model::Workspace, &KeyFigures) -> Vec<u8>,
) {
    let build = || {
        app.read_untracked(|w| {
            let k = key_figures_with(w, w.seen_from(crate::browser::today()), choices(w.id));
            (
                make(w, &k),
                text::overview::file_name(&w.name, what, crate::browser::today(), "csv"),
            )
        })
    };
    crate::ui::privacy_check::check_csv(app, check, build, move |bytes, name| {
        match crate::browser::files::download(&name, "text/csv;charset=utf-8", &bytes) {
            Ok(()) => app.announce(&crate::text::overview::table_downloaded(&name)),
            Err(_) => app.error(text::ui::DOWNLOAD_FAILED),
        }
    });
}
