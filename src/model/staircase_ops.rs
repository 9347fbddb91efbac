//! Edit operations on the staircase: steps, interventions, measurements, and the filter behind search.
//! Every operation checks everything before it changes anything, so on error the staircase is unchanged;
//! the rules of a record's fields are `validation`'s (`rules`), asked of the record as it would be stored.
//! The UI edits a clone and dispatches the difference (`delta::staircase`) as one command.

use super::collation::danish_sort_key;
use super::field_path::{FieldPath, PathStep};
use super::record::RecordView;
use super::validation::{check_record, Problem};
use super::{
    new_id, now, AgeGroup, Id, Intervention, Kroner, Measurement, Staircase, Step, StepCategory,
};
use crate::model::sorting::StableSort;
use std::collections::HashSet;
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StaircaseError {
    #[error("no step with id {0}")]
    StepNotFound(Id),
    #[error("no intervention with id {0}")]
    InterventionNotFound(Id),
    #[error("no measurement with id {0}")]
    MeasurementNotFound(Id),
    /// Deleting a step that still has interventions needs a target step or an explicit confirmation.
    #[error("step {step} still has {interventions} interventions")]
    StepHasInterventions { step: Id, interventions: usize },
    #[error("step {0} cannot receive its own interventions")]
    MoveTargetIsSameStep(Id),
    #[error("id {0} is already used")]
    DuplicateId(Id),
    #[error("the name is empty")]
    EmptyName,
    #[error("negative amount {0}")]
    NegativeCost(Kroner),
    #[error("{available} children available, {requested} requested")]
    NotEnoughChildren { available: u32, requested: u32 },
    #[error("nothing to move")]
    NothingToMove,
    #[error("source and destination are the same")]
    SameTarget,
    /// Another rule of `validation`, by the model's field name.
    #[error("{field}: {problem:?}")]
    Rule { field: FieldPath, problem: Problem },
}

impl StaircaseError {
    /// The form field a broken rule of `validation` is about, so the form can say it there.
    pub fn field(&self) -> Option<StaircaseField> {
        match self {
            StaircaseError::Rule { field, .. } => StaircaseField::of_model_field(field),
            _ => None,
        }
    }
}

/// A field of the staircase's forms (a step's, an intervention's, a measurement's), as errors name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StaircaseField {
    Name,
    Description,
    /// A step's yearly cost per child.
    YearlyCost,
    /// An intervention's unit cost, and the period it is per.
    UnitCost,
    CostPeriod,
    Capacity,
    LegalBasis,
    Provider,
    Method,
    Date,
    Caseworkers,
    Note,
    /// The `index`-th of a measurement's moves between steps.
    Move {
        index: usize,
        part: MovePart,
    },
}

/// The part of a move between steps a field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MovePart {
    From,
    To,
    Children,
}

impl StaircaseField {
    /// The form field of a field the model names (`unit_cost`, `moves[2].children`); a move's other
    /// fields are said at its destination.
    pub fn of_model_field(field: &FieldPath) -> Option<StaircaseField> {
        use PathStep::{Index, Key};
        let name = match field.steps() {
            [Key(list), Index(index), Key(part)] if list == "moves" => {
                let part = match part.as_str() {
                    "from" => MovePart::From,
                    "children" => MovePart::Children,
                    _ => MovePart::To,
                };
                return Some(StaircaseField::Move {
                    index: *index,
                    part,
                });
            }
            [Key(name)] => name.as_str(),
            _ => return None,
        };
        Some(match name {
            "name" => StaircaseField::Name,
            "description" => StaircaseField::Description,
            "yearly_cost_per_child" => StaircaseField::YearlyCost,
            "unit_cost" => StaircaseField::UnitCost,
            "cost_period" => StaircaseField::CostPeriod,
            "capacity" => StaircaseField::Capacity,
            "legal_basis" => StaircaseField::LegalBasis,
            "provider" => StaircaseField::Provider,
            "method" => StaircaseField::Method,
            "date" => StaircaseField::Date,
            "caseworkers" => StaircaseField::Caseworkers,
            "note" => StaircaseField::Note,
            _ => return None,
        })
    }
}

/// Where a measurement counts children: on one intervention, or on a step counted only as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountTarget {
    Intervention(Id),
    Step(Id),
}

/// The first rule of `validation` that `record` breaks, as the edit's error.
fn rules(record: RecordView<'_>) -> Result<(), StaircaseError> {
    let Some(issue) = check_record(record).into_iter().next() else {
        return Ok(());
    };
    Err(match issue.problem {
        Problem::Empty => StaircaseError::EmptyName,
        Problem::Negative => StaircaseError::NegativeCost(match record {
            RecordView::Step(s) => s.yearly_cost_per_child.unwrap_or_default(),
            RecordView::Intervention { intervention, .. } => {
                intervention.unit_cost.unwrap_or_default()
            }
            _ => 0,
        }),
        problem => StaircaseError::Rule {
            field: issue.field,
            problem,
        },
    })
}

fn check_intervention(iv: &Intervention) -> Result<(), StaircaseError> {
    // The rules of an intervention's own fields do not depend on the step it is on.
    rules(RecordView::Intervention {
        step: Id::nil(),
        intervention: iv,
    })
}

impl Measurement {
    /// Children counted on `target` (0 when absent).
    pub fn count(&self, target: CountTarget) -> u32 {
        match target {
            CountTarget::Intervention(id) => self.per_intervention.get(&id),
            CountTarget::Step(id) => self.per_step.get(&id),
        }
        .copied()
        .unwrap_or(0)
    }

    /// All children in the measurement, per intervention and per step.
    pub fn total_children(&self) -> i64 {
        self.per_intervention
            .values()
            .chain(self.per_step.values())
            .map(|&n| i64::from(n))
            .sum()
    }

    /// Sets a count without checking the target; 0 removes the entry so files stay small.
    pub(crate) fn put_count(&mut self, target: CountTarget, children: u32) {
        let map = match target {
            CountTarget::Intervention(id) => (&mut self.per_intervention, id),
            CountTarget::Step(id) => (&mut self.per_step, id),
        };
        if children == 0 {
            map.0.remove(&map.1);
        } else {
            map.0.insert(map.1, children);
        }
    }
}

impl Staircase {
    // ---- look-ups ----

    pub fn step(&self, id: Id) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: Id) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    fn step_index_or_err(&self, id: Id) -> Result<usize, StaircaseError> {
        self.step_index(id).ok_or(StaircaseError::StepNotFound(id))
    }

    fn step_mut(&mut self, id: Id) -> Result<&mut Step, StaircaseError> {
        self.steps
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(StaircaseError::StepNotFound(id))
    }

    /// (step index, index within the step, intervention).
    pub fn find_intervention(&self, id: Id) -> Option<(usize, usize, &Intervention)> {
        self.steps.iter().enumerate().find_map(|(si, s)| {
            s.interventions
                .iter()
                .position(|iv| iv.id == id)
                .map(|ii| (si, ii, &s.interventions[ii]))
        })
    }

    fn locate_intervention(&self, id: Id) -> Result<(usize, usize), StaircaseError> {
        self.find_intervention(id)
            .map(|(si, ii, _)| (si, ii))
            .ok_or(StaircaseError::InterventionNotFound(id))
    }

    pub fn intervention(&self, id: Id) -> Option<&Intervention> {
        self.find_intervention(id).map(|(_, _, iv)| iv)
    }

    /// The step that holds the intervention.
    pub fn step_of(&self, intervention_id: Id) -> Option<&Step> {
        self.find_intervention(intervention_id)
            .map(|(si, _, _)| &self.steps[si])
    }

    /// Every intervention with its step, bottom step first.
    pub fn all_interventions(&self) -> impl Iterator<Item = (&Step, &Intervention)> {
        self.steps
            .iter()
            .flat_map(|s| s.interventions.iter().map(move |iv| (s, iv)))
    }

    pub fn measurement(&self, id: Id) -> Option<&Measurement> {
        self.measurements.iter().find(|m| m.id == id)
    }

    fn measurement_index(&self, id: Id) -> Result<usize, StaircaseError> {
        self.measurements
            .iter()
            .position(|m| m.id == id)
            .ok_or(StaircaseError::MeasurementNotFound(id))
    }

    fn id_in_use(&self, id: Id) -> bool {
        self.steps
            .iter()
            .any(|s| s.id == id || s.interventions.iter().any(|iv| iv.id == id))
            || self.measurements.iter().any(|m| m.id == id)
    }

    /// Whether a count target names an existing intervention or step.
    pub fn check_target(&self, target: CountTarget) -> Result<(), StaircaseError> {
        match target {
            CountTarget::Intervention(id) => self.locate_intervention(id).map(|_| ()),
            CountTarget::Step(id) => self.step_index_or_err(id).map(|_| ()),
        }
    }

    // ---- steps ----

    /// Appends a step at the top (most intrusive end).
    pub fn add_step(
        &mut self,
        name: impl Into<String>,
        category: StepCategory,
    ) -> Result<Id, StaircaseError> {
        let step = Step {
            name: name.into(),
            category,
            ..Step::default()
        };
        rules(RecordView::Step(&step))?;
        let id = step.id;
        self.steps.push(step);
        Ok(id)
    }

    pub fn set_step_name(&mut self, id: Id, name: impl Into<String>) -> Result<(), StaircaseError> {
        let mut step = self.step_mut(id)?.clone();
        step.name = name.into();
        rules(RecordView::Step(&step))?;
        step.updated_at = now();
        *self.step_mut(id)? = step;
        Ok(())
    }

    pub fn set_step_description(
        &mut self,
        id: Id,
        description: impl Into<String>,
    ) -> Result<(), StaircaseError> {
        let step = self.step_mut(id)?;
        step.description = description.into();
        step.updated_at = now();
        Ok(())
    }

    pub fn set_step_category(
        &mut self,
        id: Id,
        category: StepCategory,
    ) -> Result<(), StaircaseError> {
        let step = self.step_mut(id)?;
        step.category = category;
        step.updated_at = now();
        Ok(())
    }

    pub fn set_step_yearly_cost(
        &mut self,
        id: Id,
        yearly_cost_per_child: Option<Kroner>,
    ) -> Result<(), StaircaseError> {
        let mut step = self.step_mut(id)?.clone();
        step.yearly_cost_per_child = yearly_cost_per_child;
        rules(RecordView::Step(&step))?;
        step.updated_at = now();
        *self.step_mut(id)? = step;
        Ok(())
    }

    /// Moves a step to `new_index` (clamped to the last position).
    pub fn move_step(&mut self, id: Id, new_index: usize) -> Result<(), StaircaseError> {
        let from = self.step_index_or_err(id)?;
        let mut step = self.steps.remove(from);
        step.updated_at = now();
        let to = new_index.min(self.steps.len());
        self.steps.insert(to, step);
        Ok(())
    }

    /// Deletes a step. Its interventions must go somewhere: with `move_interventions_to` they are appended to
    /// that step and the step's own counts are added to the target's; without it a step that still has
    /// interventions is refused with `StepHasInterventions` (see `delete_step_and_interventions`).
    pub fn delete_step(
        &mut self,
        id: Id,
        move_interventions_to: Option<Id>,
    ) -> Result<Step, StaircaseError> {
        let index = self.step_index_or_err(id)?;
        let target = match move_interventions_to {
            Some(t) if t == id => return Err(StaircaseError::MoveTargetIsSameStep(id)),
            Some(t) => Some(self.step_index_or_err(t).map(|_| t)?),
            None if !self.steps[index].interventions.is_empty() => {
                return Err(StaircaseError::StepHasInterventions {
                    step: id,
                    interventions: self.steps[index].interventions.len(),
                })
            }
            None => None,
        };
        let t = now();
        let mut removed = self.steps.remove(index);
        if let Some(target) = target {
            let moved = std::mem::take(&mut removed.interventions);
            let dest = self.step_mut(target)?;
            dest.interventions.extend(moved.into_iter().map(|mut iv| {
                iv.updated_at = t;
                iv
            }));
            dest.updated_at = t;
        }
        for m in &mut self.measurements {
            if let Some(n) = m.per_step.remove(&id) {
                if let Some(target) = target {
                    let sum = m.count(CountTarget::Step(target)).saturating_add(n);
                    m.put_count(CountTarget::Step(target), sum);
                }
                m.updated_at = t;
            }
            if m.moves.iter().any(|mv| mv.from == id || mv.to == id) {
                // Moves follow the children to the target step; a move within one step is no move.
                for mv in &mut m.moves {
                    for end in [&mut mv.from, &mut mv.to] {
                        if *end == id {
                            *end = target.unwrap_or(id);
                        }
                    }
                }
                m.moves
                    .retain(|mv| mv.from != id && mv.to != id && mv.from != mv.to);
                m.updated_at = t;
            }
        }
        Ok(removed)
    }

    /// Deletes a step together with its interventions and every count of them: the confirmed form of
    /// `delete_step` without a target.
    pub fn delete_step_and_interventions(&mut self, id: Id) -> Result<Step, StaircaseError> {
        let index = self.step_index_or_err(id)?;
        let removed = self.steps.remove(index);
        let gone: HashSet<Id> = removed.interventions.iter().map(|iv| iv.id).collect();
        let t = now();
        for m in &mut self.measurements {
            let before = m.per_intervention.len() + m.per_step.len();
            m.per_intervention.retain(|k, _| !gone.contains(k));
            m.per_step.remove(&id);
            let moves = m.moves.len();
            m.moves.retain(|mv| mv.from != id && mv.to != id);
            if m.per_intervention.len() + m.per_step.len() != before || m.moves.len() != moves {
                m.updated_at = t;
            }
        }
        Ok(removed)
    }

    // ---- interventions ----

    /// Appends an intervention to a step.
    pub fn add_intervention(
        &mut self,
        step_id: Id,
        mut intervention: Intervention,
    ) -> Result<Id, StaircaseError> {
        check_intervention(&intervention)?;
        if self.id_in_use(intervention.id) {
            return Err(StaircaseError::DuplicateId(intervention.id));
        }
        let t = now();
        let step = self.step_mut(step_id)?;
        let id = intervention.id;
        intervention.updated_at = t;
        step.interventions.push(intervention);
        step.updated_at = t;
        Ok(id)
    }

    /// Replaces the intervention with the same id, keeping its place and its `created_at`.
    pub fn update_intervention(
        &mut self,
        mut intervention: Intervention,
    ) -> Result<(), StaircaseError> {
        check_intervention(&intervention)?;
        let (si, ii) = self.locate_intervention(intervention.id)?;
        let slot = &mut self.steps[si].interventions[ii];
        intervention.created_at = slot.created_at;
        intervention.updated_at = now();
        *slot = intervention;
        Ok(())
    }

    /// Copies an intervention (new id, no counts) right after the original, named by `copy_name` from the
    /// original's name (the caller's words: `text::staircase::copy_name`).
    pub fn duplicate_intervention(
        &mut self,
        id: Id,
        copy_name: impl FnOnce(&str) -> String,
    ) -> Result<Id, StaircaseError> {
        let (si, ii) = self.locate_intervention(id)?;
        let t = now();
        let original = &self.steps[si].interventions[ii];
        let copy = Intervention {
            id: new_id(),
            name: copy_name(&original.name),
            created_at: t,
            updated_at: t,
            ..original.clone()
        };
        let new = copy.id;
        let step = &mut self.steps[si];
        step.interventions.insert(ii + 1, copy);
        step.updated_at = t;
        Ok(new)
    }

    /// Removes an intervention and its counts in every measurement.
    pub fn delete_intervention(&mut self, id: Id) -> Result<Intervention, StaircaseError> {
        let (si, ii) = self.locate_intervention(id)?;
        let t = now();
        let step = &mut self.steps[si];
        let removed = step.interventions.remove(ii);
        step.updated_at = t;
        for m in &mut self.measurements {
            if m.per_intervention.remove(&id).is_some() {
                m.updated_at = t;
            }
        }
        Ok(removed)
    }

    /// Moves an intervention to position `to_index` (clamped) of `to_step`, within a step or across steps.
    /// Counts follow it, since they are keyed by its id.
    pub fn move_intervention(
        &mut self,
        id: Id,
        to_step: Id,
        to_index: usize,
    ) -> Result<(), StaircaseError> {
        let (si, ii) = self.locate_intervention(id)?;
        let ti = self.step_index_or_err(to_step)?;
        let t = now();
        let mut iv = self.steps[si].interventions.remove(ii);
        iv.updated_at = t;
        self.steps[si].updated_at = t;
        let dest = &mut self.steps[ti];
        let at = to_index.min(dest.interventions.len());
        dest.interventions.insert(at, iv);
        dest.updated_at = t;
        Ok(())
    }

    // ---- measurements ----

    fn check_measurement(&self, m: &Measurement) -> Result<(), StaircaseError> {
        rules(RecordView::Measurement(m))?;
        for id in m.per_intervention.keys() {
            self.check_target(CountTarget::Intervention(*id))?;
        }
        for id in m.per_step.keys() {
            self.check_target(CountTarget::Step(*id))?;
        }
        Ok(())
    }

    pub fn add_measurement(&mut self, mut m: Measurement) -> Result<Id, StaircaseError> {
        self.check_measurement(&m)?;
        if self.id_in_use(m.id) {
            return Err(StaircaseError::DuplicateId(m.id));
        }
        m.updated_at = now();
        let id = m.id;
        self.measurements.push(m);
        Ok(id)
    }

    /// Replaces the measurement with the same id, keeping its `created_at`.
    pub fn update_measurement(&mut self, mut m: Measurement) -> Result<(), StaircaseError> {
        let i = self.measurement_index(m.id)?;
        self.check_measurement(&m)?;
        m.created_at = self.measurements[i].created_at;
        m.updated_at = now();
        self.measurements[i] = m;
        Ok(())
    }

    pub fn delete_measurement(&mut self, id: Id) -> Result<Measurement, StaircaseError> {
        let i = self.measurement_index(id)?;
        Ok(self.measurements.remove(i))
    }

    /// Sets how many children a measurement counts on an intervention or a step; 0 removes the entry.
    pub fn set_count(
        &mut self,
        measurement_id: Id,
        target: CountTarget,
        children: u32,
    ) -> Result<(), StaircaseError> {
        let i = self.measurement_index(measurement_id)?;
        self.check_target(target)?;
        let m = &mut self.measurements[i];
        m.put_count(target, children);
        m.updated_at = now();
        Ok(())
    }

    // ---- filter ----

    /// Ids of the interventions the filter lets through.
    pub fn matching(&self, filter: &InterventionFilter) -> HashSet<Id> {
        let f = Prepared::new(filter);
        self.all_interventions()
            .filter(|(_, iv)| f.matches(iv))
            .map(|(_, iv)| iv.id)
            .collect()
    }

    /// Distinct providers for a filter drop-down, Danish alphabetical order.
    pub fn providers(&self) -> Vec<String> {
        self.distinct(|iv| &iv.provider)
    }

    pub fn legal_bases(&self) -> Vec<String> {
        self.distinct(|iv| &iv.legal_basis)
    }

    pub fn methods(&self) -> Vec<String> {
        self.distinct(|iv| &iv.method)
    }

    /// Trimmed, non-empty values, deduplicated ignoring case (the first spelling wins).
    fn distinct(&self, field: impl Fn(&Intervention) -> &String) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut out: Vec<String> = Vec::new();
        for (_, iv) in self.all_interventions() {
            let v = field(iv).trim();
            if !v.is_empty() && seen.insert(v.to_lowercase()) {
                out.push(v.to_string());
            }
        }
        out.stable_sort_by_cached_key(|s| danish_sort_key(s));
        out
    }
}

/// A keyboard move of an intervention: up or down within its step, or to the neighbouring step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveDirection {
    /// One place earlier in the same step.
    Up,
    /// One place later in the same step.
    Down,
    /// To the less intrusive step below, at the same position (clamped).
    LowerStep,
    /// To the more intrusive step above, at the same position (clamped).
    HigherStep,
}

impl Staircase {
    /// Where a keyboard move would put an intervention: (step id, index for `move_intervention`).
    /// `None` when the intervention is unknown or already at the edge in that direction.
    pub fn keyboard_move_target(&self, id: Id, dir: MoveDirection) -> Option<(Id, usize)> {
        let (si, ii, _) = self.find_intervention(id)?;
        let len = self.steps[si].interventions.len();
        match dir {
            MoveDirection::Up => (ii > 0).then(|| (self.steps[si].id, ii - 1)),
            MoveDirection::Down => (ii + 1 < len).then(|| (self.steps[si].id, ii + 1)),
            MoveDirection::LowerStep => si.checked_sub(1).map(|t| {
                let dest = &self.steps[t];
                (dest.id, ii.min(dest.interventions.len()))
            }),
            MoveDirection::HigherStep => self
                .steps
                .get(si + 1)
                .map(|dest| (dest.id, ii.min(dest.interventions.len()))),
        }
    }

    /// The index to pass to `move_intervention` when an intervention is dropped just before the item at
    /// `before` in `to_step` (`before` = the number of items drops it at the end). Inside its own step the
    /// intervention leaves its old place first, so a later place shifts by one.
    pub fn drop_index(&self, id: Id, to_step: Id, before: usize) -> Option<usize> {
        let (si, ii, _) = self.find_intervention(id)?;
        let ti = self.step_index(to_step)?;
        if si == ti && ii < before {
            Some(before - 1)
        } else {
            Some(before)
        }
    }

    /// Step number and position (both from 1) of an intervention, for "flyttet til trin 3, position 2".
    pub fn place_of(&self, id: Id) -> Option<(usize, usize)> {
        self.find_intervention(id)
            .map(|(si, ii, _)| (si + 1, ii + 1))
    }
}

/// Search and filter of interventions. Empty strings and `None` mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterventionFilter {
    /// Every word must occur (ignoring case) in the name, description, provider, method or legal basis.
    pub text: String,
    /// Interventions without target ages count as open to all ages.
    pub age: Option<AgeGroup>,
    /// Exact value from the drop-down, ignoring case and surrounding spaces.
    pub provider: String,
    pub legal_basis: String,
    pub method: String,
    pub referral: Option<bool>,
}

impl InterventionFilter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.age.is_none()
            && self.provider.trim().is_empty()
            && self.legal_basis.trim().is_empty()
            && self.method.trim().is_empty()
            && self.referral.is_none()
    }

    pub fn matches(&self, iv: &Intervention) -> bool {
        Prepared::new(self).matches(iv)
    }
}

/// The filter lower-cased once, so a search over hundreds of interventions does not redo it per item.
struct Prepared {
    words: Vec<String>,
    age: Option<AgeGroup>,
    provider: String,
    legal_basis: String,
    method: String,
    referral: Option<bool>,
}

impl Prepared {
    fn new(f: &InterventionFilter) -> Self {
        Prepared {
            words: f.text.split_whitespace().map(str::to_lowercase).collect(),
            age: f.age,
            provider: f.provider.trim().to_lowercase(),
            legal_basis: f.legal_basis.trim().to_lowercase(),
            method: f.method.trim().to_lowercase(),
            referral: f.referral,
        }
    }

    fn matches(&self, iv: &Intervention) -> bool {
        let same = |want: &str, have: &str| want.is_empty() || have.trim().to_lowercase() == want;
        if self.referral.is_some_and(|r| r != iv.referral_required)
            || self
                .age
                .is_some_and(|a| !iv.target_ages.is_empty() && !iv.target_ages.contains(&a))
            || !same(&self.provider, &iv.provider)
            || !same(&self.legal_basis, &iv.legal_basis)
            || !same(&self.method, &iv.method)
        {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let haystack = [
            &iv.name,
            &iv.description,
            &iv.provider,
            &iv.method,
            &iv.legal_basis,
        ]
        .map(|s| s.to_lowercase())
        .join("\n");
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CostPeriod, MeasurementKind};

    struct Fixture {
        s: Staircase,
        prevent: Id,
        family: Id,
        placement: Id,
        icdp: Id,
        open: Id,
        family_treatment: Id,
        contact: Id,
        m: Id,
    }

    fn iv(name: &str) -> Intervention {
        Intervention {
            name: name.into(),
            ..Intervention::default()
        }
    }

    /// Three steps: [ICDP, Åben rådgivning] [Familiebehandling, Kontaktperson] [] and one measurement.
    fn fixture() -> Fixture {
        let mut s = Staircase::default();
        let prevent = s
            .add_step("Tidlig forebyggelse", StepCategory::Preventive)
            .unwrap();
        let family = s
            .add_step("Forebyggende foranstaltninger", StepCategory::Preventive)
            .unwrap();
        let placement = s
            .add_step("Døgninstitution", StepCategory::Placement)
            .unwrap();
        let icdp = s
            .add_intervention(prevent, iv("ICDP-forældrekursus"))
            .unwrap();
        let open = s
            .add_intervention(prevent, iv("Åben anonym rådgivning"))
            .unwrap();
        let family_treatment = s.add_intervention(family, iv("Familiebehandling")).unwrap();
        let contact = s.add_intervention(family, iv("Kontaktperson")).unwrap();
        let m = s
            .add_measurement(Measurement {
                name: "Baseline 2016".into(),
                kind: MeasurementKind::Baseline,
                ..Measurement::default()
            })
            .unwrap();
        s.set_count(m, CountTarget::Intervention(icdp), 10).unwrap();
        s.set_count(m, CountTarget::Intervention(family_treatment), 20)
            .unwrap();
        s.set_count(m, CountTarget::Step(family), 5).unwrap();
        s.set_count(m, CountTarget::Step(placement), 7).unwrap();
        Fixture {
            s,
            prevent,
            family,
            placement,
            icdp,
            open,
            family_treatment,
            contact,
            m,
        }
    }

    fn names(s: &Staircase, step: usize) -> Vec<&str> {
        s.steps[step]
            .interventions
            .iter()
            .map(|iv| iv.name.as_str())
            .collect()
    }

    /// Runs an operation that must fail and checks it left the staircase as it was.
    fn refused<T: std::fmt::Debug>(
        s: &mut Staircase,
        op: impl FnOnce(&mut Staircase) -> Result<T, StaircaseError>,
    ) -> StaircaseError {
        let before = s.clone();
        let err = op(s).unwrap_err();
        assert_eq!(*s, before, "staircase changed by a refused edit");
        err
    }

    #[test]
    fn add_step_appends_at_the_top_and_refuses_empty_names() {
        let mut f = fixture();
        let id =
            f.s.add_step("Plejefamilie", StepCategory::Placement)
                .unwrap();
        assert_eq!(f.s.steps.len(), 4);
        assert_eq!(f.s.steps[3].id, id);
        assert_eq!(f.s.steps[3].category, StepCategory::Placement);
        let e = refused(&mut f.s, |s| s.add_step("  ", StepCategory::Universal));
        assert_eq!(e, StaircaseError::EmptyName);
    }

    #[test]
    fn step_fields_update_and_touch_updated_at() {
        let mut f = fixture();
        let old = f.s.steps[2].updated_at;
        std::thread::sleep(std::time::Duration::from_millis(2));
        f.s.set_step_name(f.placement, "Opholdssted og døgninstitution")
            .unwrap();
        f.s.set_step_description(f.placement, "Barnets Lov §§ 46–47")
            .unwrap();
        f.s.set_step_category(f.placement, StepCategory::Preventive)
            .unwrap();
        f.s.set_step_yearly_cost(f.placement, Some(1_160_000))
            .unwrap();
        let st = &f.s.steps[2];
        assert_eq!(st.name, "Opholdssted og døgninstitution");
        assert_eq!(st.description, "Barnets Lov §§ 46–47");
        assert_eq!(st.category, StepCategory::Preventive);
        assert_eq!(st.yearly_cost_per_child, Some(1_160_000));
        assert!(st.updated_at > old);

        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.set_step_name(ghost, "x")),
            StaircaseError::StepNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.set_step_name(f.placement, "")),
            StaircaseError::EmptyName
        );
        assert_eq!(
            refused(&mut f.s, |s| s.set_step_yearly_cost(f.placement, Some(-1))),
            StaircaseError::NegativeCost(-1)
        );
        assert_eq!(
            refused(&mut f.s, |s| s
                .set_step_category(ghost, StepCategory::Universal)),
            StaircaseError::StepNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.set_step_description(ghost, "x")),
            StaircaseError::StepNotFound(ghost)
        );
    }

    #[test]
    fn move_step_reorders_and_clamps() {
        let mut f = fixture();
        f.s.move_step(f.placement, 0).unwrap();
        let order: Vec<Id> = f.s.steps.iter().map(|s| s.id).collect();
        assert_eq!(order, vec![f.placement, f.prevent, f.family]);
        f.s.move_step(f.placement, 99).unwrap();
        let order: Vec<Id> = f.s.steps.iter().map(|s| s.id).collect();
        assert_eq!(order, vec![f.prevent, f.family, f.placement]);
        f.s.move_step(f.prevent, 1).unwrap();
        let order: Vec<Id> = f.s.steps.iter().map(|s| s.id).collect();
        assert_eq!(order, vec![f.family, f.prevent, f.placement]);
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.move_step(ghost, 0)),
            StaircaseError::StepNotFound(ghost)
        );
    }

    #[test]
    fn delete_step_with_interventions_needs_a_target() {
        let mut f = fixture();
        assert_eq!(
            refused(&mut f.s, |s| s.delete_step(f.family, None)),
            StaircaseError::StepHasInterventions {
                step: f.family,
                interventions: 2
            }
        );
        assert_eq!(
            refused(&mut f.s, |s| s.delete_step(f.family, Some(f.family))),
            StaircaseError::MoveTargetIsSameStep(f.family)
        );
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.delete_step(f.family, Some(ghost))),
            StaircaseError::StepNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.delete_step(ghost, None)),
            StaircaseError::StepNotFound(ghost)
        );
    }

    #[test]
    fn delete_step_moving_interventions_and_summing_step_counts() {
        let mut f = fixture();
        // The placement step gets 3 step-level children of its own; 5 more arrive from the deleted step.
        f.s.set_count(f.m, CountTarget::Step(f.placement), 3)
            .unwrap();
        let removed = f.s.delete_step(f.family, Some(f.placement)).unwrap();
        assert_eq!(removed.id, f.family);
        assert!(removed.interventions.is_empty());
        assert_eq!(f.s.steps.len(), 2);
        assert_eq!(names(&f.s, 1), vec!["Familiebehandling", "Kontaktperson"]);
        let m = f.s.measurement(f.m).unwrap();
        assert_eq!(m.count(CountTarget::Step(f.placement)), 8);
        assert_eq!(m.count(CountTarget::Step(f.family)), 0);
        assert!(!m.per_step.contains_key(&f.family));
        // Intervention counts follow their ids.
        assert_eq!(m.count(CountTarget::Intervention(f.family_treatment)), 20);
        assert_eq!(f.s.step_of(f.family_treatment).unwrap().id, f.placement);
    }

    #[test]
    fn deleting_a_step_moves_its_moves_to_the_target_or_drops_them() {
        use crate::model::StepMove;
        let mut f = fixture();
        let mv = |from, to, children| StepMove { from, to, children };
        f.s.measurements[0].moves = vec![
            mv(f.placement, f.family, 4),
            mv(f.prevent, f.family, 2),
            mv(f.placement, f.prevent, 1),
        ];
        // Into the placement step: placement→family becomes a move within one step and goes.
        f.s.delete_step(f.family, Some(f.placement)).unwrap();
        assert_eq!(
            f.s.measurements[0].moves,
            vec![mv(f.prevent, f.placement, 2), mv(f.placement, f.prevent, 1)]
        );
        // Without a target every move that touches the step goes.
        f.s.delete_step_and_interventions(f.prevent).unwrap();
        assert!(f.s.measurements[0].moves.is_empty());
    }

    #[test]
    fn delete_empty_step_drops_its_step_counts() {
        let mut f = fixture();
        f.s.delete_step(f.placement, None).unwrap();
        assert_eq!(f.s.steps.len(), 2);
        let m = f.s.measurement(f.m).unwrap();
        assert!(!m.per_step.contains_key(&f.placement));
        assert_eq!(m.total_children(), 10 + 20 + 5);
    }

    #[test]
    fn delete_step_and_interventions_drops_all_their_counts() {
        let mut f = fixture();
        let removed = f.s.delete_step_and_interventions(f.family).unwrap();
        assert_eq!(removed.interventions.len(), 2);
        let m = f.s.measurement(f.m).unwrap();
        assert_eq!(m.total_children(), 10 + 7);
        assert!(f.s.intervention(f.contact).is_none());
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.delete_step_and_interventions(ghost)),
            StaircaseError::StepNotFound(ghost)
        );
    }

    #[test]
    fn add_intervention_checks_step_name_cost_and_id() {
        let mut f = fixture();
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.add_intervention(ghost, iv("x"))),
            StaircaseError::StepNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.add_intervention(f.prevent, iv(" "))),
            StaircaseError::EmptyName
        );
        let costly = Intervention {
            unit_cost: Some(-100),
            ..iv("KIFF")
        };
        assert_eq!(
            refused(&mut f.s, |s| s.add_intervention(f.prevent, costly)),
            StaircaseError::NegativeCost(-100)
        );
        let twin = Intervention {
            id: f.icdp,
            ..iv("ICDP igen")
        };
        assert_eq!(
            refused(&mut f.s, |s| s.add_intervention(f.prevent, twin)),
            StaircaseError::DuplicateId(f.icdp)
        );
        let id =
            f.s.add_intervention(f.placement, iv("Opholdssted"))
                .unwrap();
        assert_eq!(
            f.s.find_intervention(id).map(|(s, i, _)| (s, i)),
            Some((2, 0))
        );
    }

    #[test]
    fn update_intervention_replaces_and_keeps_created_at() {
        let mut f = fixture();
        let (_, _, old) = f.s.find_intervention(f.contact).unwrap();
        let created = old.created_at;
        let new = Intervention {
            id: f.contact,
            name: "Fast kontaktperson".into(),
            unit_cost: Some(8_000),
            cost_period: CostPeriod::PerMonth,
            created_at: crate::model::now() + chrono::Duration::days(3),
            ..Intervention::default()
        };
        f.s.update_intervention(new).unwrap();
        let (si, ii, got) = f.s.find_intervention(f.contact).unwrap();
        assert_eq!((si, ii), (1, 1));
        assert_eq!(got.name, "Fast kontaktperson");
        assert_eq!(got.unit_cost, Some(8_000));
        assert_eq!(got.created_at, created);

        let stranger = iv("Ukendt");
        let id = stranger.id;
        assert_eq!(
            refused(&mut f.s, |s| s.update_intervention(stranger)),
            StaircaseError::InterventionNotFound(id)
        );
        let blank = Intervention {
            id: f.contact,
            ..iv("")
        };
        assert_eq!(
            refused(&mut f.s, |s| s.update_intervention(blank)),
            StaircaseError::EmptyName
        );
    }

    #[test]
    fn duplicate_intervention_goes_right_after_the_original() {
        let mut f = fixture();
        let copy =
            f.s.duplicate_intervention(f.icdp, crate::text::staircase::copy_name)
                .unwrap();
        assert_ne!(copy, f.icdp);
        assert_eq!(
            names(&f.s, 0),
            vec![
                "ICDP-forældrekursus",
                "ICDP-forældrekursus (kopi)",
                "Åben anonym rådgivning"
            ]
        );
        // The copy starts without children.
        assert_eq!(
            f.s.measurement(f.m)
                .unwrap()
                .count(CountTarget::Intervention(copy)),
            0
        );
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.duplicate_intervention(
                ghost,
                crate::text::staircase::copy_name
            )),
            StaircaseError::InterventionNotFound(ghost)
        );
    }

    #[test]
    fn delete_intervention_removes_its_counts() {
        let mut f = fixture();
        let removed = f.s.delete_intervention(f.family_treatment).unwrap();
        assert_eq!(removed.name, "Familiebehandling");
        assert_eq!(names(&f.s, 1), vec!["Kontaktperson"]);
        let m = f.s.measurement(f.m).unwrap();
        assert!(!m.per_intervention.contains_key(&f.family_treatment));
        assert_eq!(m.total_children(), 10 + 5 + 7);
        assert_eq!(
            refused(&mut f.s, |s| s.delete_intervention(f.family_treatment)),
            StaircaseError::InterventionNotFound(f.family_treatment)
        );
    }

    #[test]
    fn move_intervention_within_a_step() {
        let mut f = fixture();
        f.s.move_intervention(f.icdp, f.prevent, 1).unwrap();
        assert_eq!(
            names(&f.s, 0),
            vec!["Åben anonym rådgivning", "ICDP-forældrekursus"]
        );
        f.s.move_intervention(f.icdp, f.prevent, 0).unwrap();
        assert_eq!(
            names(&f.s, 0),
            vec!["ICDP-forældrekursus", "Åben anonym rådgivning"]
        );
        // An index past the end is clamped to the last place.
        f.s.move_intervention(f.icdp, f.prevent, 42).unwrap();
        assert_eq!(
            names(&f.s, 0),
            vec!["Åben anonym rådgivning", "ICDP-forældrekursus"]
        );
    }

    #[test]
    fn move_intervention_across_steps_keeps_its_counts() {
        let mut f = fixture();
        f.s.move_intervention(f.family_treatment, f.prevent, 1)
            .unwrap();
        assert_eq!(
            names(&f.s, 0),
            vec![
                "ICDP-forældrekursus",
                "Familiebehandling",
                "Åben anonym rådgivning"
            ]
        );
        assert_eq!(names(&f.s, 1), vec!["Kontaktperson"]);
        f.s.move_intervention(f.open, f.placement, 7).unwrap();
        assert_eq!(names(&f.s, 2), vec!["Åben anonym rådgivning"]);
        assert_eq!(f.s.step_of(f.open).unwrap().id, f.placement);
        assert_eq!(
            f.s.measurement(f.m)
                .unwrap()
                .count(CountTarget::Intervention(f.family_treatment)),
            20
        );
        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.move_intervention(ghost, f.prevent, 0)),
            StaircaseError::InterventionNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.move_intervention(f.icdp, ghost, 0)),
            StaircaseError::StepNotFound(ghost)
        );
    }

    #[test]
    fn find_intervention_and_step_of() {
        let f = fixture();
        let (si, ii, got) = f.s.find_intervention(f.contact).unwrap();
        assert_eq!((si, ii, got.name.as_str()), (1, 1, "Kontaktperson"));
        assert_eq!(f.s.step_of(f.open).unwrap().id, f.prevent);
        assert!(f.s.find_intervention(new_id()).is_none());
        assert!(f.s.step_of(new_id()).is_none());
    }

    #[test]
    fn measurements_add_update_delete() {
        let mut f = fixture();
        let target = Measurement {
            name: "Mål 2020".into(),
            kind: MeasurementKind::Target,
            ..Measurement::default()
        };
        let tid = f.s.add_measurement(target.clone()).unwrap();
        assert_eq!(f.s.measurements.len(), 2);
        assert_eq!(
            refused(&mut f.s, |s| s.add_measurement(target.clone())),
            StaircaseError::DuplicateId(tid)
        );
        let mut dangling = Measurement {
            name: "Forkert".into(),
            ..Measurement::default()
        };
        let ghost = new_id();
        dangling.per_intervention.insert(ghost, 3);
        assert_eq!(
            refused(&mut f.s, |s| s.add_measurement(dangling)),
            StaircaseError::InterventionNotFound(ghost)
        );

        let created = f.s.measurement(tid).unwrap().created_at;
        let mut changed = target.clone();
        changed.name = "Mål 2021".into();
        changed.caseworkers = Some(12);
        changed.created_at = created + chrono::Duration::days(1);
        f.s.update_measurement(changed).unwrap();
        let got = f.s.measurement(tid).unwrap();
        assert_eq!(got.name, "Mål 2021");
        assert_eq!(got.caseworkers, Some(12));
        assert_eq!(got.created_at, created);
        let mut blank = got.clone();
        blank.name = " ".into();
        assert_eq!(
            refused(&mut f.s, |s| s.update_measurement(blank)),
            StaircaseError::EmptyName
        );
        let stranger = Measurement {
            name: "x".into(),
            ..Measurement::default()
        };
        let sid = stranger.id;
        assert_eq!(
            refused(&mut f.s, |s| s.update_measurement(stranger)),
            StaircaseError::MeasurementNotFound(sid)
        );

        let gone = f.s.delete_measurement(tid).unwrap();
        assert_eq!(gone.name, "Mål 2021");
        assert_eq!(
            refused(&mut f.s, |s| s.delete_measurement(tid)),
            StaircaseError::MeasurementNotFound(tid)
        );
    }

    #[test]
    fn set_count_sets_replaces_and_zero_removes() {
        let mut f = fixture();
        f.s.set_count(f.m, CountTarget::Intervention(f.open), 4)
            .unwrap();
        f.s.set_count(f.m, CountTarget::Intervention(f.icdp), 12)
            .unwrap();
        f.s.set_count(f.m, CountTarget::Step(f.placement), 0)
            .unwrap();
        let m = f.s.measurement(f.m).unwrap();
        assert_eq!(m.count(CountTarget::Intervention(f.open)), 4);
        assert_eq!(m.count(CountTarget::Intervention(f.icdp)), 12);
        assert!(!m.per_step.contains_key(&f.placement));
        assert_eq!(m.total_children(), 4 + 12 + 20 + 5);

        let ghost = new_id();
        assert_eq!(
            refused(&mut f.s, |s| s.set_count(
                ghost,
                CountTarget::Step(f.family),
                1
            )),
            StaircaseError::MeasurementNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.set_count(f.m, CountTarget::Step(ghost), 1)),
            StaircaseError::StepNotFound(ghost)
        );
        assert_eq!(
            refused(&mut f.s, |s| s.set_count(
                f.m,
                CountTarget::Intervention(ghost),
                1
            )),
            StaircaseError::InterventionNotFound(ghost)
        );
    }

    fn catalogue() -> Staircase {
        let mut s = Staircase::default();
        let a = s
            .add_step("Tidlig indsats", StepCategory::Preventive)
            .unwrap();
        let b = s
            .add_step("Foranstaltninger", StepCategory::Preventive)
            .unwrap();
        s.add_intervention(
            a,
            Intervention {
                description: "Forældrekursus om samspil".into(),
                provider: "Familiecenter Køge".into(),
                method: "ICDP".into(),
                legal_basis: "Barnets Lov § 30".into(),
                target_ages: vec![AgeGroup::Age0To6],
                ..iv("Forældreguidning")
            },
        )
        .unwrap();
        s.add_intervention(
            a,
            Intervention {
                provider: "  familiecenter køge ".into(),
                method: "KIFF".into(),
                legal_basis: "Barnets Lov § 30".into(),
                ..iv("Skilsmissekursus")
            },
        )
        .unwrap();
        s.add_intervention(
            b,
            Intervention {
                provider: "Glostrup Observationshjem".into(),
                legal_basis: "Serviceloven § 52, stk. 3".into(),
                referral_required: true,
                target_ages: vec![AgeGroup::Age7To14, AgeGroup::Age15To17],
                method: "Signs of Safety".into(),
                ..iv("Øvrig støtte")
            },
        )
        .unwrap();
        s.add_intervention(
            b,
            Intervention {
                provider: "Allerød Kommune".into(),
                ..iv("Aflastning")
            },
        )
        .unwrap();
        s
    }

    fn matching_names(s: &Staircase, f: &InterventionFilter) -> Vec<String> {
        let ids = s.matching(f);
        let mut v: Vec<String> = s
            .all_interventions()
            .filter(|(_, iv)| ids.contains(&iv.id))
            .map(|(_, iv)| iv.name.clone())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn filter_text_is_case_insensitive_over_several_fields() {
        let s = catalogue();
        let all = InterventionFilter::default();
        assert!(all.is_empty());
        assert_eq!(matching_names(&s, &all).len(), 4);
        let by = |text: &str| {
            matching_names(
                &s,
                &InterventionFilter {
                    text: text.into(),
                    ..InterventionFilter::default()
                },
            )
        };
        assert_eq!(by("FORÆLDRE"), vec!["Forældreguidning"]);
        assert_eq!(by("samspil"), vec!["Forældreguidning"]);
        assert_eq!(by("køge"), vec!["Forældreguidning", "Skilsmissekursus"]);
        assert_eq!(by("kiff"), vec!["Skilsmissekursus"]);
        assert_eq!(by("§ 52"), vec!["Øvrig støtte"]);
        assert_eq!(by("øvrig"), vec!["Øvrig støtte"]);
        // Diacritics are not folded: "o" does not find "ø".
        assert!(by("ovrig").is_empty());
        // Every word must match somewhere.
        assert_eq!(by("køge icdp"), vec!["Forældreguidning"]);
        assert!(by("køge glostrup").is_empty());
        assert!(!InterventionFilter {
            text: "x".into(),
            ..InterventionFilter::default()
        }
        .is_empty());
    }

    #[test]
    fn filter_fields_combine() {
        let s = catalogue();
        let f = InterventionFilter {
            provider: "FAMILIECENTER KØGE".into(),
            ..InterventionFilter::default()
        };
        assert_eq!(
            matching_names(&s, &f),
            vec!["Forældreguidning", "Skilsmissekursus"]
        );
        let f = InterventionFilter {
            provider: "Familiecenter Køge".into(),
            method: "kiff".into(),
            ..InterventionFilter::default()
        };
        assert_eq!(matching_names(&s, &f), vec!["Skilsmissekursus"]);
        let f = InterventionFilter {
            referral: Some(true),
            ..InterventionFilter::default()
        };
        assert_eq!(matching_names(&s, &f), vec!["Øvrig støtte"]);
        let f = InterventionFilter {
            referral: Some(false),
            legal_basis: "barnets lov § 30".into(),
            ..InterventionFilter::default()
        };
        assert_eq!(
            matching_names(&s, &f),
            vec!["Forældreguidning", "Skilsmissekursus"]
        );
        // Interventions without target ages are open to every age.
        let f = InterventionFilter {
            age: Some(AgeGroup::Age15To17),
            ..InterventionFilter::default()
        };
        assert_eq!(
            matching_names(&s, &f),
            vec!["Aflastning", "Skilsmissekursus", "Øvrig støtte"]
        );
        let f = InterventionFilter {
            age: Some(AgeGroup::Age18To23),
            ..InterventionFilter::default()
        };
        assert_eq!(
            matching_names(&s, &f),
            vec!["Aflastning", "Skilsmissekursus"]
        );
        assert!(!f.is_empty());
        let one = s.all_interventions().next().unwrap().1;
        assert!(!f.matches(one));
    }

    #[test]
    fn distinct_values_for_drop_downs() {
        let s = catalogue();
        assert_eq!(
            s.providers(),
            vec![
                "Allerød Kommune",
                "Familiecenter Køge",
                "Glostrup Observationshjem"
            ]
        );
        assert_eq!(
            s.legal_bases(),
            vec!["Barnets Lov § 30", "Serviceloven § 52, stk. 3"]
        );
        assert_eq!(s.methods(), vec!["ICDP", "KIFF", "Signs of Safety"]);
    }

    #[test]
    fn keyboard_moves_within_and_across_steps() {
        let f = fixture();
        let s = &f.s;
        // [ICDP, Åben] [Familiebehandling, Kontaktperson] []
        assert_eq!(s.keyboard_move_target(f.icdp, MoveDirection::Up), None);
        assert_eq!(
            s.keyboard_move_target(f.icdp, MoveDirection::Down),
            Some((f.prevent, 1))
        );
        assert_eq!(
            s.keyboard_move_target(f.open, MoveDirection::Up),
            Some((f.prevent, 0))
        );
        assert_eq!(s.keyboard_move_target(f.open, MoveDirection::Down), None);
        assert_eq!(
            s.keyboard_move_target(f.open, MoveDirection::LowerStep),
            None
        );
        assert_eq!(
            s.keyboard_move_target(f.open, MoveDirection::HigherStep),
            Some((f.family, 1))
        );
        // The empty top step takes it at its end.
        assert_eq!(
            s.keyboard_move_target(f.contact, MoveDirection::HigherStep),
            Some((f.placement, 0))
        );
        assert_eq!(
            s.keyboard_move_target(f.contact, MoveDirection::LowerStep),
            Some((f.prevent, 1))
        );
        assert_eq!(s.keyboard_move_target(new_id(), MoveDirection::Up), None);
        let mut t = f.s.clone();
        let (step, at) = t.keyboard_move_target(f.icdp, MoveDirection::Down).unwrap();
        t.move_intervention(f.icdp, step, at).unwrap();
        assert_eq!(
            names(&t, 0),
            vec!["Åben anonym rådgivning", "ICDP-forældrekursus"]
        );
        assert_eq!(t.place_of(f.icdp), Some((1, 2)));
        assert_eq!(t.place_of(new_id()), None);
    }

    #[test]
    fn drop_index_accounts_for_the_removed_place() {
        let f = fixture();
        let s = &f.s;
        // Dropping ICDP (index 0) before index 2 of its own step ends at index 1 (the end).
        assert_eq!(s.drop_index(f.icdp, f.prevent, 2), Some(1));
        assert_eq!(s.drop_index(f.open, f.prevent, 0), Some(0));
        assert_eq!(s.drop_index(f.icdp, f.family, 1), Some(1));
        assert_eq!(s.drop_index(new_id(), f.family, 1), None);
        assert_eq!(s.drop_index(f.icdp, new_id(), 1), None);
        let mut t = f.s.clone();
        let at = t.drop_index(f.icdp, f.prevent, 2).unwrap();
        t.move_intervention(f.icdp, f.prevent, at).unwrap();
        assert_eq!(
            names(&t, 0),
            vec!["Åben anonym rådgivning", "ICDP-forældrekursus"]
        );
    }

    #[test]
    fn an_edit_is_checked_by_the_models_rules_and_changes_nothing_when_refused() {
        let mut s = Staircase::default();
        let step = s
            .add_step("Forebyggelse", StepCategory::Preventive)
            .unwrap();
        let before = s.clone();
        // A rule the operations never wrote themselves: a capacity past the model's largest count.
        let too_many = Intervention {
            capacity: Some(crate::model::validation::MAX_COUNT + 1),
            ..Intervention::named("Familiebehandling")
        };
        let refused = s.add_intervention(step, too_many.clone()).unwrap_err();
        assert_eq!(
            refused.field(),
            Some(StaircaseField::Capacity),
            "said at its field"
        );
        assert_eq!(
            s.add_intervention(step, too_many),
            Err(StaircaseError::Rule {
                field: "capacity".into(),
                problem: Problem::TooLarge {
                    max: crate::model::validation::MAX_COUNT.into()
                }
            })
        );
        assert_eq!(
            s.set_step_yearly_cost(step, Some(-7)),
            Err(StaircaseError::NegativeCost(-7))
        );
        assert_eq!(s.set_step_name(step, " "), Err(StaircaseError::EmptyName));
        let long = "x".repeat(crate::model::validation::MAX_NAME + 1);
        assert!(matches!(
            s.set_step_name(step, long),
            Err(StaircaseError::Rule { ref field, problem: Problem::TooLong { .. } }) if field.last_key() == Some("name")
        ));
        assert_eq!(s, before);
    }

    #[test]
    fn model_fields_map_to_form_fields() {
        use StaircaseField as F;
        assert_eq!(F::of_model_field(&FieldPath::parse("name")), Some(F::Name));
        assert_eq!(
            F::of_model_field(&FieldPath::parse("yearly_cost_per_child")),
            Some(F::YearlyCost)
        );
        assert_eq!(
            F::of_model_field(&FieldPath::parse("unit_cost")),
            Some(F::UnitCost)
        );
        assert_eq!(
            F::of_model_field(&FieldPath::parse("legal_basis")),
            Some(F::LegalBasis)
        );
        assert_eq!(
            F::of_model_field(&FieldPath::parse("moves[2].children")),
            Some(F::Move {
                index: 2,
                part: MovePart::Children
            })
        );
        assert_eq!(
            F::of_model_field(&FieldPath::parse("moves[0].from")),
            Some(F::Move {
                index: 0,
                part: MovePart::From
            })
        );
        // A move's other fields are said at its destination.
        assert_eq!(
            F::of_model_field(&FieldPath::parse("moves[1].step")),
            Some(F::Move {
                index: 1,
                part: MovePart::To
            })
        );
        assert_eq!(F::of_model_field(&FieldPath::parse("per_step.abc")), None);
    }
}
