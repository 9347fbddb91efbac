//! Adding, changing and removing goals, tracks and initiatives, with the checks that leave the plan
//! unchanged on error, and the list helpers the indicators and the time plan use too.

use super::fields::{rules, trim_in_place, PlanError};
use crate::model::record::{Keyed, RecordView};
use crate::model::{now, ActionPlan, Goal, Id, Indicator, Initiative, TimelineRow, Track};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// A record the plan keeps in a list by id, with the time it was made and last changed.
pub(super) trait Stamped: Keyed {
    /// `created_at` and `updated_at`.
    fn stamps_mut(&mut self) -> (&mut DateTime<Utc>, &mut DateTime<Utc>);
}

macro_rules! stamped {
    ($($t:ty),*) => {$(impl Stamped for $t {
        fn stamps_mut(&mut self) -> (&mut DateTime<Utc>, &mut DateTime<Utc>) {
            (&mut self.created_at, &mut self.updated_at)
        }
    })*};
}
stamped!(Goal, Track, TimelineRow);

/// Appends a checked item, changed now; an id the list already holds is refused.
pub(super) fn add_item<T: Stamped>(list: &mut Vec<T>, mut item: T) -> Result<Id, PlanError> {
    let id = item.key();
    if list.iter().any(|x| x.key() == id) {
        return Err(PlanError::DuplicateId(id));
    }
    *item.stamps_mut().1 = now();
    list.push(item);
    Ok(id)
}

/// Puts a checked item in the place of the one with its id, changed now; the old one's `created_at` is kept.
pub(super) fn replace_item<T: Stamped>(
    list: &mut [T],
    mut item: T,
    missing: fn(Id) -> PlanError,
) -> Result<(), PlanError> {
    let id = item.key();
    let old = list.iter_mut().find(|x| x.key() == id).ok_or(missing(id))?;
    let (created, updated) = item.stamps_mut();
    *created = *old.stamps_mut().0;
    *updated = now();
    *old = item;
    Ok(())
}

/// Takes the item with `id` out of the list.
pub(super) fn remove_item<T: Keyed>(
    list: &mut Vec<T>,
    id: Id,
    missing: fn(Id) -> PlanError,
) -> Result<T, PlanError> {
    let at = list.iter().position(|x| x.key() == id).ok_or(missing(id))?;
    Ok(list.remove(at))
}

/// A goal as it is stored: number and title trimmed, every field checked.
fn checked_goal(mut g: Goal) -> Result<Goal, PlanError> {
    trim_in_place(&mut g.number);
    trim_in_place(&mut g.title);
    rules(RecordView::Goal(&g))?;
    Ok(g)
}

/// A track as it is stored: number and title trimmed, every field checked.
fn checked_track(mut t: Track) -> Result<Track, PlanError> {
    trim_in_place(&mut t.number);
    trim_in_place(&mut t.title);
    rules(RecordView::Track(&t))?;
    Ok(t)
}

impl ActionPlan {
    // ----- lookups -----

    pub fn goal(&self, id: Id) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn track(&self, id: Id) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }

    pub fn initiative(&self, id: Id) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn indicator(&self, id: Id) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub(super) fn initiative_mut(&mut self, id: Id) -> Result<&mut Initiative, PlanError> {
        self.initiatives
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(PlanError::InitiativeNotFound(id))
    }

    pub(super) fn indicator_mut(&mut self, id: Id) -> Result<&mut Indicator, PlanError> {
        self.indicators
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(PlanError::IndicatorNotFound(id))
    }

    // ----- goals -----

    pub fn add_goal(&mut self, goal: Goal) -> Result<Id, PlanError> {
        add_item(&mut self.goals, checked_goal(goal)?)
    }

    /// Replaces the goal with the same id; its `created_at` is kept.
    pub fn update_goal(&mut self, goal: Goal) -> Result<(), PlanError> {
        replace_item(
            &mut self.goals,
            checked_goal(goal)?,
            PlanError::GoalNotFound,
        )
    }

    /// Removes the goal. The references to it are cleared in the same command by `delete::with_detach`,
    /// the one place that knows who refers to what.
    pub fn delete_goal(&mut self, id: Id) -> Result<Goal, PlanError> {
        remove_item(&mut self.goals, id, PlanError::GoalNotFound)
    }

    // ----- tracks -----

    pub fn add_track(&mut self, track: Track) -> Result<Id, PlanError> {
        add_item(&mut self.tracks, checked_track(track)?)
    }

    /// Replaces the track with the same id; its `created_at` is kept.
    pub fn update_track(&mut self, track: Track) -> Result<(), PlanError> {
        replace_item(
            &mut self.tracks,
            checked_track(track)?,
            PlanError::TrackNotFound,
        )
    }

    /// Removes the track; `delete::with_detach` clears the references to it (see `delete_goal`).
    pub fn delete_track(&mut self, id: Id) -> Result<Track, PlanError> {
        remove_item(&mut self.tracks, id, PlanError::TrackNotFound)
    }

    // ----- initiatives -----

    /// Checks `ini` as it would be stored (already trimmed): the model's rules, its references, and the
    /// form's own wish that a newly given number is not taken.
    fn check_initiative(&self, ini: &Initiative) -> Result<(), PlanError> {
        rules(RecordView::Initiative(ini))?;
        if let Some(g) = ini.goal_id {
            self.goal(g).ok_or(PlanError::GoalNotFound(g))?;
        }
        if let Some(t) = ini.track_id {
            self.track(t).ok_or(PlanError::TrackNotFound(t))?;
        }
        // A number another initiative already has is refused only when it is newly given: data that already
        // shares one (an imported plan numbers two initiatives "4.2") must not block editing the other fields.
        let kept = self
            .initiative(ini.id)
            .is_some_and(|o| o.number.trim().to_lowercase() == ini.number.to_lowercase());
        if !ini.number.is_empty() && !kept {
            let key = ini.number.to_lowercase();
            if self
                .initiatives
                .iter()
                .any(|o| o.id != ini.id && o.number.trim().to_lowercase() == key)
            {
                return Err(PlanError::DuplicateNumber(ini.number.clone()));
            }
        }
        if let Some(parent) = ini.parent_id {
            self.check_parent(ini.id, parent)?;
        }
        Ok(())
    }

    fn normalise_initiative(ini: &mut Initiative) {
        trim_in_place(&mut ini.number);
        trim_in_place(&mut ini.title);
        trim_in_place(&mut ini.owner);
        trim_in_place(&mut ini.committee);
        trim_in_place(&mut ini.period);
    }

    /// Adds an initiative; a sub-item is an initiative whose `parent_id` names its parent.
    pub fn add_initiative(&mut self, mut ini: Initiative) -> Result<Id, PlanError> {
        Self::normalise_initiative(&mut ini);
        if self.initiative(ini.id).is_some() {
            return Err(PlanError::DuplicateId(ini.id));
        }
        self.check_initiative(&ini)?;
        ini.updated_at = now();
        let id = ini.id;
        self.initiatives.push(ini);
        Ok(id)
    }

    /// Replaces the editable fields of the initiative with the same id. Its status, history and
    /// `created_at` are kept: those change only through `set_status`, `add_note` and `edit_note`.
    pub fn update_initiative(&mut self, mut ini: Initiative) -> Result<(), PlanError> {
        Self::normalise_initiative(&mut ini);
        let old = self
            .initiative(ini.id)
            .ok_or(PlanError::InitiativeNotFound(ini.id))?;
        ini.status = old.status;
        ini.history = old.history.clone();
        ini.created_at = old.created_at;
        self.check_initiative(&ini)?;
        ini.updated_at = now();
        let slot = self.initiative_mut(ini.id)?;
        *slot = ini;
        Ok(())
    }

    /// Removes an initiative. One with sub-items or a history is refused unless `force`; forced, its
    /// sub-items go too. Indicators pointing at a removed initiative lose that link. Returns what was removed.
    pub fn delete_initiative(&mut self, id: Id, force: bool) -> Result<Vec<Initiative>, PlanError> {
        let ini = self
            .initiative(id)
            .ok_or(PlanError::InitiativeNotFound(id))?;
        if !force {
            let subs = self
                .initiatives
                .iter()
                .filter(|i| i.parent_id == Some(id))
                .count();
            if subs > 0 {
                return Err(PlanError::HasSubItems { id, count: subs });
            }
            if !ini.history.is_empty() {
                return Err(PlanError::HasHistory {
                    id,
                    count: ini.history.len(),
                });
            }
        }
        let doomed: HashSet<Id> = self.with_descendants(id).into_iter().collect();
        let t = now();
        for ind in self.indicators.iter_mut() {
            if ind.initiative_id.is_some_and(|i| doomed.contains(&i)) {
                ind.initiative_id = None;
                ind.updated_at = t;
            }
        }
        let (removed, kept): (Vec<Initiative>, Vec<Initiative>) =
            std::mem::take(&mut self.initiatives)
                .into_iter()
                .partition(|i| doomed.contains(&i.id));
        self.initiatives = kept;
        Ok(removed)
    }
}

/// Other initiatives with the same number as `id` (the data may already share one; the page says so once).
pub fn shared_numbers(plan: &ActionPlan, id: Id) -> Vec<Id> {
    let Some(ini) = plan.initiative(id) else {
        return Vec::new();
    };
    let key = ini.number.trim().to_lowercase();
    if key.is_empty() {
        return Vec::new();
    }
    plan.initiatives
        .iter()
        .filter(|o| o.id != id && o.number.trim().to_lowercase() == key)
        .map(|o| o.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{d, ini};
    use crate::model::plan_ops::PlanField;
    use crate::model::{BudgetLine, InitiativeStatus};
    use chrono::TimeZone;

    #[test]
    fn goal_and_track_crud_clears_references() {
        let mut p = ActionPlan::default();
        let g = p
            .add_goal(Goal {
                number: "1".into(),
                title: " Kvalitet for borgerne ".into(),
                ..Goal::default()
            })
            .unwrap();
        assert_eq!(p.goals[0].title, "Kvalitet for borgerne");
        let t = p
            .add_track(Track {
                number: "1".into(),
                title: "Kapacitets- og ressourcestrategi".into(),
                ..Track::default()
            })
            .unwrap();
        let i = p
            .add_initiative(Initiative {
                goal_id: Some(g),
                track_id: Some(t),
                ..ini("1.1", "Udslusningsboliger")
            })
            .unwrap();
        p.add_indicator(Indicator {
            name: "Anbringelser".into(),
            goal_id: Some(g),
            initiative_id: Some(i),
            ..Indicator::default()
        })
        .unwrap();
        let before = p.clone();
        assert_eq!(
            p.update_goal(Goal {
                title: "  ".into(),
                ..p.goals[0].clone()
            }),
            Err(PlanError::Empty(PlanField::Title))
        );
        assert_eq!(p, before);
        let created = p.goals[0].created_at;
        p.update_goal(Goal {
            title: "Kvalitet".into(),
            created_at: Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap(),
            ..p.goals[0].clone()
        })
        .unwrap();
        assert_eq!(p.goals[0].created_at, created);
        p.delete_goal(g).unwrap();
        assert!(p.goals.is_empty());
        assert_eq!(p.delete_goal(g), Err(PlanError::GoalNotFound(g)));
        p.delete_track(t).unwrap();
        assert!(p.tracks.is_empty());
    }

    #[test]
    fn a_number_the_data_already_shares_does_not_block_other_edits() {
        let mut p = ActionPlan::default();
        let a = p.add_initiative(ini("4.2", "Databaseret styring")).unwrap();
        // As an imported plan has it: a second initiative with the same number.
        p.initiatives.push(ini("4.2", "Standardkontrakter"));
        let b = p.initiatives[1].id;
        let mut edited = p.initiative(b).unwrap().clone();
        edited.owner = "Indkøb".into();
        p.update_initiative(edited).unwrap();
        assert_eq!(p.initiative(b).unwrap().owner, "Indkøb");
        // Renumbering to a free number works; taking another's number is still refused.
        let mut renumbered = p.initiative(b).unwrap().clone();
        renumbered.number = "4.4".into();
        p.update_initiative(renumbered).unwrap();
        let mut taken = p.initiative(a).unwrap().clone();
        taken.number = "4.4".into();
        assert_eq!(
            p.update_initiative(taken),
            Err(PlanError::DuplicateNumber("4.4".into()))
        );
        assert_eq!(shared_numbers(&p, b), Vec::<Id>::new());
        assert_eq!(shared_numbers(&p, a), Vec::<Id>::new());
    }

    #[test]
    fn initiative_checks_leave_the_plan_unchanged() {
        let mut p = ActionPlan::default();
        let six = p.add_initiative(ini("6", "Forældrekurser")).unwrap();
        let a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP og COS-P")
            })
            .unwrap();
        let before = p.clone();
        assert_eq!(
            p.add_initiative(ini("6a", "Dublet")),
            Err(PlanError::DuplicateNumber("6a".into()))
        );
        let ghost = crate::model::new_id();
        assert_eq!(
            p.add_initiative(Initiative {
                goal_id: Some(ghost),
                ..ini("7", "x")
            }),
            Err(PlanError::GoalNotFound(ghost))
        );
        assert_eq!(
            p.add_initiative(Initiative {
                budget: vec![BudgetLine {
                    year: 2019,
                    amount: -1
                }],
                ..ini("7", "x")
            }),
            Err(PlanError::NegativeAmount { year: 2019 })
        );
        assert_eq!(
            p.add_initiative(Initiative {
                start: Some(d(2020, 1, 2)),
                deadline: Some(d(2020, 1, 1)),
                ..ini("7", "x")
            }),
            Err(PlanError::EndBeforeStart(PlanField::Dates))
        );
        // 6 under its own sub-item would be a loop.
        let mut six_edit = p.initiative(six).unwrap().clone();
        six_edit.parent_id = Some(a);
        assert_eq!(
            p.update_initiative(six_edit),
            Err(PlanError::ParentCycle(six))
        );
        assert_eq!(p, before);
        assert_eq!(p.sub_items(six), vec![a]);
    }

    #[test]
    fn update_keeps_status_and_history() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1", "A")).unwrap();
        p.set_status(id, InitiativeStatus::InProgress, d(2019, 5, 8), "BH", "")
            .unwrap();
        let mut edit = p.initiative(id).unwrap().clone();
        edit.title = "B".into();
        edit.status = InitiativeStatus::Done;
        edit.history.clear();
        p.update_initiative(edit).unwrap();
        let i = p.initiative(id).unwrap();
        assert_eq!(i.title, "B");
        assert_eq!(i.status, InitiativeStatus::InProgress);
        assert_eq!(i.history.len(), 1);
    }

    #[test]
    fn delete_refuses_sub_items_and_history_unless_forced() {
        let mut p = ActionPlan::default();
        let six = p.add_initiative(ini("6", "Forældre")).unwrap();
        let a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP")
            })
            .unwrap();
        let seven = p.add_initiative(ini("7", "Skilsmisse")).unwrap();
        let ind = p
            .add_indicator(Indicator {
                name: "x".into(),
                initiative_id: Some(a),
                ..Indicator::default()
            })
            .unwrap();
        p.add_note(seven, d(2019, 1, 1), "", "Startet").unwrap();
        let before = p.clone();
        assert_eq!(
            p.delete_initiative(six, false),
            Err(PlanError::HasSubItems { id: six, count: 1 })
        );
        assert_eq!(
            p.delete_initiative(seven, false),
            Err(PlanError::HasHistory {
                id: seven,
                count: 1
            })
        );
        assert_eq!(p, before);
        let removed = p.delete_initiative(six, true).unwrap();
        assert_eq!(removed.len(), 2);
        assert_eq!(p.initiatives.len(), 1);
        assert_eq!(p.indicator(ind).unwrap().initiative_id, None);
        // A plain initiative goes without force.
        let eight = p.add_initiative(ini("8", "Tom")).unwrap();
        assert_eq!(p.delete_initiative(eight, false).unwrap().len(), 1);
    }
}
