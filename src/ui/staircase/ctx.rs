//! The staircase page's shared state: the staircase as a memo, the chosen measurements, the filter, which
//! editor panel is open, and the live region that announces moves. Edits go through `edit`, which clones
//! the staircase, applies the model operation and dispatches one undoable command.

use crate::app::{AppState, Part};
use crate::model::field_path::FieldPath;
use crate::model::staircase_ops::{
    InterventionFilter, MoveDirection, StaircaseError, StaircaseField,
};
use crate::model::{Id, Measurement, Staircase};
use crate::text;
use crate::ui::common::FormMerge;
use crate::ui::kit::errors::{FieldError, FormRule};
use leptos::prelude::*;
use std::collections::HashSet;
use std::time::Duration;

/// Which editor panel is open under the staircase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    None,
    NewStep,
    Step(Id),
    NewIntervention(Id),
    Intervention(Id),
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub app: AppState,
    /// The open workspace's staircase; every figure below derives from it.
    pub stair: Memo<Staircase>,
    /// The measurement the user picked for the chart and the cards (may be stale after a delete).
    pub chosen: RwSignal<Option<Id>>,
    /// A second measurement to compare with in the chart.
    pub chosen_other: RwSignal<Option<Id>>,
    /// `chosen` if it still exists, else the first measurement.
    pub shown_id: Memo<Option<Id>>,
    pub other_id: Memo<Option<Id>>,
    pub shown: Memo<Option<Measurement>>,
    pub filter: RwSignal<InterventionFilter>,
    /// Ids that match the filter; `None` while the filter is empty.
    pub matches: Memo<Option<HashSet<Id>>>,
    pub total_interventions: Memo<usize>,
    pub panel: RwSignal<Panel>,
    pub announce: RwSignal<String>,
    pub dragging: RwSignal<Option<Id>>,
    /// Where the keyboard focus goes back when a panel closes.
    pub return_focus: StoredValue<Option<String>>,
}

impl Ctx {
    pub fn new(app: AppState) -> Self {
        let stair = Memo::new(move |_| {
            app.read(Part::Staircase, |w| w.staircase.clone())
                .unwrap_or_default()
        });
        let chosen = RwSignal::new(None::<Id>);
        let chosen_other = RwSignal::new(None::<Id>);
        let shown_id = Memo::new(move |_| {
            let want = chosen.get();
            stair.with(|s| {
                want.filter(|id| s.measurement(*id).is_some())
                    .or_else(|| s.measurements.first().map(|m| m.id))
            })
        });
        let other_id = Memo::new(move |_| {
            let want = chosen_other.get();
            stair.with(|s| want.filter(|id| s.measurement(*id).is_some()))
        });
        let shown = Memo::new(move |_| {
            let id = shown_id.get()?;
            stair.with(|s| s.measurement(id).cloned())
        });
        let filter = RwSignal::new(InterventionFilter::default());
        let matches = Memo::new(move |_| {
            filter.with(|f| {
                if f.is_empty() {
                    None
                } else {
                    Some(stair.with(|s| s.matching(f)))
                }
            })
        });
        let total_interventions = Memo::new(move |_| {
            stair.with(|s| s.steps.iter().map(|st| st.interventions.len()).sum())
        });
        Ctx {
            app,
            stair,
            chosen,
            chosen_other,
            shown_id,
            other_id,
            shown,
            filter,
            matches,
            total_interventions,
            panel: RwSignal::new(Panel::None),
            announce: RwSignal::new(String::new()),
            dragging: RwSignal::new(None),
            return_focus: StoredValue::new(None),
        }
    }

    /// Applies `f` to a copy of the staircase and dispatches it as one undoable edit. On error nothing
    /// changes and the Danish message comes back.
    pub fn edit<T>(
        &self,
        f: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
    ) -> Result<T, String> {
        edit(self.app, f)
    }

    /// A form's edit on the versions it opened (see `edit_form`).
    pub fn edit_form<T>(
        &self,
        merge: FormMerge,
        f: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
    ) -> Result<Option<T>, FieldError<StaircaseField>> {
        edit_form(self.app, merge, f)
    }

    /// Moves an intervention and announces its new place; keeps keyboard focus on it.
    pub fn move_intervention(&self, id: Id, to_step: Id, index: usize) {
        match self.edit(|s| s.move_intervention(id, to_step, index)) {
            Ok(()) => {
                let msg = self.stair.with_untracked(|s| {
                    let name = s
                        .intervention(id)
                        .map(|iv| iv.name.clone())
                        .unwrap_or_default();
                    s.place_of(id)
                        .map(|(step, pos)| text::staircase::moved(&name, step, pos))
                        .unwrap_or_default()
                });
                self.say(msg);
                focus_later(format!("ivb-{id}"));
            }
            Err(e) => self.say(e),
        }
    }

    pub fn move_by_keyboard(&self, id: Id, dir: MoveDirection) {
        let target = self
            .stair
            .with_untracked(|s| s.keyboard_move_target(id, dir));
        match target {
            Some((step, index)) => self.move_intervention(id, step, index),
            None => {
                let name = self.stair.with_untracked(|s| {
                    s.intervention(id)
                        .map(|iv| iv.name.clone())
                        .unwrap_or_default()
                });
                self.say(text::staircase::cannot_move(&name));
            }
        }
    }

    /// Says `msg` in the live region; clears it first so the same message is read again.
    pub fn say(&self, msg: String) {
        let announce = self.announce;
        announce.set(String::new());
        set_timeout(move || announce.set(msg), Duration::from_millis(50));
    }

    /// Opens an editor panel and remembers where focus should return.
    pub fn open_panel(&self, panel: Panel, return_to: Option<String>) {
        self.return_focus.set_value(return_to);
        self.panel.set(panel);
        focus_initial(
            match panel {
                Panel::NewStep | Panel::Step(_) => "step-name",
                _ => "iv-name",
            }
            .into(),
        );
    }

    pub fn close_panel(&self) {
        self.panel.set(Panel::None);
        if let Some(id) = self.return_focus.get_value() {
            focus_later(id);
        }
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

pub fn edit<T>(
    app: AppState,
    f: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
) -> Result<T, String> {
    edit_checked(app, f).map_err(|e| e.message)
}

/// A refused staircase operation, said at its field where the form shows it.
impl FormRule for StaircaseError {
    type Field = StaircaseField;
    fn error(self) -> FieldError<StaircaseField> {
        FieldError {
            field: self.field(),
            message: text::staircase::error(&self),
        }
    }
    fn field_of(model_field: &FieldPath) -> Option<StaircaseField> {
        StaircaseField::of_model_field(model_field)
    }
}

/// `edit`, with a refused rule tied to its field (`kit::edit::edit`).
pub fn edit_checked<T>(
    app: AppState,
    f: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
) -> Result<T, FieldError<StaircaseField>> {
    crate::ui::kit::edit::edit(app, f)
}

/// A form's edit of the staircase (`kit::edit::edit_form`).
pub fn edit_form<T>(
    app: AppState,
    merge: FormMerge,
    f: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
) -> Result<Option<T>, FieldError<StaircaseField>> {
    crate::ui::kit::edit::edit_form(app, merge, f)
}

pub use crate::ui::kit::focus::{focus_initial, focus_later};

/// "Trin 3: Familiebehandling" style names of steps, for selects.
pub fn step_options(s: &Staircase) -> Vec<(Id, String)> {
    s.steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            (
                st.id,
                format!("{}: {}", text::staircase::step_no(i), st.name),
            )
        })
        .collect()
}

/// Measurement ids and names, for selects.
pub fn measurement_options(s: &Staircase) -> Vec<(Id, String)> {
    s.measurements
        .iter()
        .map(|m| (m.id, text::staircase::measurement_name(m)))
        .collect()
}

pub fn parse_id(v: &str) -> Option<Id> {
    v.parse().ok()
}
