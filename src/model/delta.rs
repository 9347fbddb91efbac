//! The commands that turn one version of (part of) a workspace into another: a put for every record that is
//! new, changed or moved, a remove for every record that is gone. The operations in `staircase_ops` and
//! `plan_ops` edit a copy; the delta between the copy and the original is what is applied, kept for undo and
//! written to storage, so each holds only what the edit changed.
//!
//! Order within the delta: puts kind by kind in dependency order (a step before the interventions put on
//! it), each list in its new order; then removes in reverse dependency order (interventions before their
//! step). Moves are few: the records that keep their relative order (a longest increasing subsequence of
//! their old positions) stay where they are.

use super::record::{Keyed, Place, Record, RecordKind};
use super::{ActionPlan, Id, Meeting, MeetingTemplate, Staircase, Workspace};
use crate::model::commands::Command;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Default)]
struct Delta {
    puts: Vec<Command>,
    removes: BTreeMap<RecordKind, Vec<Command>>,
}

impl Delta {
    fn finish(mut self) -> Vec<Command> {
        for kind in RecordKind::ALL.into_iter().rev() {
            if let Some(r) = self.removes.remove(&kind) {
                self.puts.extend(r);
            }
        }
        self.puts
    }

    fn remove(&mut self, kind: RecordKind, id: Id) {
        self.removes
            .entry(kind)
            .or_default()
            .push(Command::remove(kind, id));
    }

    /// Puts and removes that turn `before` into `after`.
    fn list<T: Keyed + PartialEq + Clone>(
        &mut self,
        kind: RecordKind,
        before: &[T],
        after: &[T],
        wrap: impl Fn(T) -> Record,
    ) {
        let old: HashMap<Id, usize> = before
            .iter()
            .enumerate()
            .map(|(i, x)| (x.key(), i))
            .collect();
        let stable = stable_ids(
            after
                .iter()
                .filter_map(|x| old.get(&x.key()).map(|&i| (x.key(), i))),
        );
        for (k, item) in after.iter().enumerate() {
            match old.get(&item.key()) {
                Some(&i) if stable.contains(&item.key()) => {
                    if before[i] != *item {
                        self.puts.push(Command::put(wrap(item.clone())));
                    }
                }
                _ => self.puts.push(Command::Put {
                    place: place_in(after, k),
                    record: wrap(item.clone()),
                }),
            }
        }
        let kept: HashSet<Id> = after.iter().map(Keyed::key).collect();
        for x in before.iter().filter(|x| !kept.contains(&x.key())) {
            self.remove(kind, x.key());
        }
    }

    fn staircase(&mut self, before: &Staircase, after: &Staircase) {
        let strip = |s: &super::Step| super::Step {
            interventions: Vec::new(),
            ..s.clone()
        };
        let b: Vec<super::Step> = before.steps.iter().map(strip).collect();
        let a: Vec<super::Step> = after.steps.iter().map(strip).collect();
        self.list(RecordKind::Step, &b, &a, Record::Step);
        self.interventions(before, after);
        self.list(
            RecordKind::Measurement,
            &before.measurements,
            &after.measurements,
            Record::Measurement,
        );
    }

    fn interventions(&mut self, before: &Staircase, after: &Staircase) {
        // id → (step, index in the step, intervention)
        let mut old = HashMap::new();
        for st in &before.steps {
            for (i, iv) in st.interventions.iter().enumerate() {
                old.insert(iv.id, (st.id, i, iv));
            }
        }
        let mut kept = HashSet::new();
        for st in &after.steps {
            let same_step = st
                .interventions
                .iter()
                .filter_map(|iv| match old.get(&iv.id) {
                    Some(&(s, i, _)) if s == st.id => Some((iv.id, i)),
                    _ => None,
                });
            let stable = stable_ids(same_step);
            for (k, iv) in st.interventions.iter().enumerate() {
                kept.insert(iv.id);
                let record = || Record::Intervention {
                    step: st.id,
                    intervention: iv.clone(),
                };
                match old.get(&iv.id) {
                    Some(&(_, _, was)) if stable.contains(&iv.id) => {
                        if was != iv {
                            self.puts.push(Command::put(record()));
                        }
                    }
                    _ => self.puts.push(Command::Put {
                        place: place_in(&st.interventions, k),
                        record: record(),
                    }),
                }
            }
        }
        for st in &before.steps {
            for iv in st.interventions.iter().filter(|iv| !kept.contains(&iv.id)) {
                self.remove(RecordKind::Intervention, iv.id);
            }
        }
    }

    fn plan(&mut self, before: &ActionPlan, after: &ActionPlan) {
        if before.title != after.title
            || before.period != after.period
            || before.stale_after_days != after.stale_after_days
        {
            self.puts.push(Command::SetPlanInfo {
                title: after.title.clone(),
                period: after.period.clone(),
                stale_after_days: after.stale_after_days,
            });
        }
        self.list(RecordKind::Goal, &before.goals, &after.goals, Record::Goal);
        self.list(
            RecordKind::Track,
            &before.tracks,
            &after.tracks,
            Record::Track,
        );
        self.list(
            RecordKind::Initiative,
            &before.initiatives,
            &after.initiatives,
            Record::Initiative,
        );
        self.list(
            RecordKind::Indicator,
            &before.indicators,
            &after.indicators,
            Record::Indicator,
        );
        self.list(
            RecordKind::TimelineRow,
            &before.timeline,
            &after.timeline,
            Record::TimelineRow,
        );
    }
}

/// The place of the k-th item of `list`: first, or after the item before it.
fn place_in<T: Keyed>(list: &[T], k: usize) -> Place {
    match k.checked_sub(1) {
        Some(p) => Place::After(list[p].key()),
        None => Place::First,
    }
}

/// Ids (in new order, with old positions) that form a longest run of increasing old positions: these keep
/// their relative order and need not move.
fn stable_ids(items: impl Iterator<Item = (Id, usize)>) -> HashSet<Id> {
    let items: Vec<(Id, usize)> = items.collect();
    // Patience sorting: tails[l] is the index (into items) of the smallest tail of a run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; items.len()];
    for (i, &(_, pos)) in items.iter().enumerate() {
        let l = tails.partition_point(|&t| items[t].1 < pos);
        prev[i] = l.checked_sub(1).map(|p| tails[p]);
        if l == tails.len() {
            tails.push(i);
        } else {
            tails[l] = i;
        }
    }
    let mut out = HashSet::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.insert(items[i].0);
        cur = prev[i];
    }
    out
}

/// The commands that turn `before` into `after` for the staircase.
pub fn staircase(before: &Staircase, after: &Staircase) -> Vec<Command> {
    let mut d = Delta::default();
    d.staircase(before, after);
    d.finish()
}

/// The commands that turn `before` into `after` for the action plan.
pub fn plan(before: &ActionPlan, after: &ActionPlan) -> Vec<Command> {
    let mut d = Delta::default();
    d.plan(before, after);
    d.finish()
}

pub fn meetings(before: &[Meeting], after: &[Meeting]) -> Vec<Command> {
    let mut d = Delta::default();
    d.list(RecordKind::Meeting, before, after, Record::Meeting);
    d.finish()
}

pub fn templates(before: &[MeetingTemplate], after: &[MeetingTemplate]) -> Vec<Command> {
    let mut d = Delta::default();
    d.list(RecordKind::Template, before, after, Record::Template);
    d.finish()
}

/// The commands that turn the workspace `before` into `after` (which must have the same id).
pub fn workspace(before: &Workspace, after: &Workspace) -> Vec<Command> {
    let mut d = Delta::default();
    if (&before.name, &before.municipality, &before.description)
        != (&after.name, &after.municipality, &after.description)
    {
        d.puts.push(Command::SetInfo {
            name: after.name.clone(),
            municipality: after.municipality.clone(),
            description: after.description.clone(),
        });
    }
    if before.follow_up != after.follow_up {
        d.puts.push(Command::SetFollowUp {
            rules: after.follow_up.clone(),
        });
    }
    if before.as_of != after.as_of {
        d.puts.push(Command::SetAsOf { as_of: after.as_of });
    }
    d.staircase(&before.staircase, &after.staircase);
    d.list(
        RecordKind::Meeting,
        &before.meetings,
        &after.meetings,
        Record::Meeting,
    );
    d.list(
        RecordKind::Template,
        &before.meeting_templates,
        &after.meeting_templates,
        Record::Template,
    );
    d.plan(&before.plan, &after.plan);
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::apply;
    use crate::model::revision::cleared;
    use crate::model::*;

    fn goals(n: usize) -> Vec<Goal> {
        (0..n)
            .map(|i| Goal {
                title: format!("Mål {i}"),
                ..Goal::default()
            })
            .collect()
    }

    fn ws_with_goals(g: &[Goal]) -> Workspace {
        let mut ws = Workspace::new("x");
        ws.plan.goals = g.to_vec();
        ws
    }

    #[test]
    fn one_move_is_one_put() {
        let g = goals(6);
        let before = ws_with_goals(&g);
        let mut after = before.clone();
        let moved = after.plan.goals.remove(0);
        after.plan.goals.insert(4, moved);
        let cmds = plan(&before.plan, &after.plan);
        assert_eq!(cmds.len(), 1, "{cmds:?}");
        let mut ws = before.clone();
        apply(&mut ws, Command::batch(cmds)).unwrap();
        assert_eq!(ws.plan.goals, after.plan.goals);
    }

    #[test]
    fn an_unchanged_list_gives_nothing() {
        let ws = ws_with_goals(&goals(3));
        assert!(workspace(&ws, &ws).is_empty());
    }

    #[test]
    fn reversing_a_list_is_reproduced() {
        let before = ws_with_goals(&goals(5));
        let mut after = before.clone();
        after.plan.goals.reverse();
        after.plan.goals[2].title = "Ændret".into();
        let mut ws = before.clone();
        apply(&mut ws, Command::batch(plan(&before.plan, &after.plan))).unwrap();
        assert_eq!(cleared(&ws).plan.goals, cleared(&after).plan.goals);
        // The changed goal has its next revision; the moved ones keep theirs.
        assert_eq!(ws.plan.goals[2].revisions.start, 2);
        assert!(ws.plan.goals[0].revisions.is_empty());
    }

    #[test]
    fn interventions_moved_between_steps_and_a_step_deleted() {
        let mut before = Workspace::new("x");
        for n in 0..3 {
            let mut st = Step {
                name: format!("Trin {n}"),
                ..Step::named("Trin")
            };
            for _ in 0..3 {
                st.interventions.push(Intervention::named("Indsats"));
            }
            before.staircase.steps.push(st);
        }
        let mut after = before.clone();
        let moved = after.staircase.steps[1].interventions.clone();
        after.staircase.steps[0].interventions.splice(1..1, moved);
        after.staircase.steps.remove(1);
        let mut ws = before.clone();
        apply(
            &mut ws,
            Command::batch(staircase(&before.staircase, &after.staircase)),
        )
        .unwrap();
        assert_eq!(cleared(&ws).staircase, cleared(&after).staircase);
    }
}
