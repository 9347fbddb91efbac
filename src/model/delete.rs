//! Deleting a record that others refer to: the referring records lose the reference in the same command, so
//! undo puts the references back together with the record.

use super::commands::Command;
use super::record::{Record, RecordKind, RecordRef};
use super::validation::referrers;
use super::{now, Workspace};
use std::collections::{BTreeMap, BTreeSet};

/// The records `cmd` removes, looking inside batches.
pub fn removed_by(cmd: &Command) -> BTreeSet<RecordRef> {
    let mut out = BTreeSet::new();
    fn walk(c: &Command, out: &mut BTreeSet<RecordRef>) {
        match c {
            Command::Remove { record } => {
                out.insert(*record);
            }
            Command::Batch { commands } | Command::Replicate { commands } => {
                commands.iter().for_each(|c| walk(c, out))
            }
            _ => {}
        }
    }
    walk(cmd, &mut out);
    out
}

/// Puts that drop every reference to `targets` from the records of `ws` that hold one (the targets
/// themselves excepted, they are going).
pub fn detach(ws: &Workspace, targets: &BTreeSet<RecordRef>) -> Vec<Command> {
    let mut holders: BTreeMap<RecordRef, ()> = BTreeMap::new();
    for t in targets {
        for r in referrers(ws, *t) {
            if !targets.contains(&r) {
                holders.insert(r, ());
            }
        }
    }
    let gone = |kind: RecordKind, id| targets.contains(&RecordRef::new(kind, id));
    let t = now();
    holders
        .into_keys()
        .filter_map(|h| ws.record(h))
        .map(|(_, record)| {
            let record = match record {
                Record::Measurement(mut m) => {
                    m.per_intervention
                        .retain(|id, _| !gone(RecordKind::Intervention, *id));
                    m.per_step.retain(|id, _| !gone(RecordKind::Step, *id));
                    m.moves.retain(|mv| {
                        !gone(RecordKind::Step, mv.from) && !gone(RecordKind::Step, mv.to)
                    });
                    m.updated_at = t;
                    Record::Measurement(m)
                }
                Record::Meeting(mut m) => {
                    m.linked_step = m.linked_step.filter(|id| !gone(RecordKind::Step, *id));
                    m.linked_interventions
                        .retain(|id| !gone(RecordKind::Intervention, *id));
                    m.updated_at = t;
                    Record::Meeting(m)
                }
                Record::Initiative(mut i) => {
                    i.goal_id = i.goal_id.filter(|id| !gone(RecordKind::Goal, *id));
                    i.track_id = i.track_id.filter(|id| !gone(RecordKind::Track, *id));
                    i.parent_id = i.parent_id.filter(|id| !gone(RecordKind::Initiative, *id));
                    i.intervention_ids
                        .retain(|id| !gone(RecordKind::Intervention, *id));
                    i.updated_at = t;
                    Record::Initiative(i)
                }
                Record::Indicator(mut i) => {
                    i.goal_id = i.goal_id.filter(|id| !gone(RecordKind::Goal, *id));
                    i.initiative_id = i
                        .initiative_id
                        .filter(|id| !gone(RecordKind::Initiative, *id));
                    i.updated_at = t;
                    Record::Indicator(i)
                }
                other => other,
            };
            Command::put(record)
        })
        .collect()
}

/// `cmd` with the references to whatever it removes cleaned up first. The cleanup comes first so that a
/// later put in `cmd` of the same record (already cleaned by the operation that made it) wins.
pub fn with_detach(ws: &Workspace, cmd: Command) -> Command {
    let targets = removed_by(&cmd);
    if targets.is_empty() {
        return cmd;
    }
    let mut cleanup = detach(ws, &targets);
    if cleanup.is_empty() {
        return cmd;
    }
    cleanup.push(cmd);
    Command::batch(cleanup)
}

/// How many records lose a reference when `targets` go, by kind: what a confirmation can say.
pub fn affected(ws: &Workspace, targets: &BTreeSet<RecordRef>) -> BTreeMap<RecordKind, usize> {
    let mut holders = BTreeSet::new();
    for t in targets {
        holders.extend(
            referrers(ws, *t)
                .into_iter()
                .filter(|r| !targets.contains(r)),
        );
    }
    let mut out = BTreeMap::new();
    for h in holders {
        *out.entry(h.kind).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::History;
    use crate::model::revision::cleared;
    use crate::model::validation::validate;
    use crate::model::*;

    #[test]
    fn deleting_a_linked_step_and_intervention_cleans_up_and_undo_restores() {
        let mut ws = Workspace::new("x");
        let iv = Intervention::named("Indsats");
        let step = Step {
            interventions: vec![iv.clone()],
            ..Step::named("Trin")
        };
        ws.staircase.steps.push(step.clone());
        ws.meetings.push(Meeting {
            case_ref: "Sag 1".into(),
            linked_step: Some(step.id),
            linked_interventions: vec![iv.id],
            ..Meeting::default()
        });
        ws.plan.initiatives.push(Initiative {
            title: "Initiativ".into(),
            intervention_ids: vec![iv.id],
            ..Initiative::default()
        });
        let before = ws.clone();
        let cmd = Command::batch(vec![
            Command::remove(RecordKind::Intervention, iv.id),
            Command::remove(RecordKind::Step, step.id),
        ]);
        let targets = removed_by(&cmd);
        let counts = affected(&ws, &targets);
        assert_eq!(counts.get(&RecordKind::Meeting), Some(&1));
        assert_eq!(counts.get(&RecordKind::Initiative), Some(&1));
        let mut h = History::default();
        h.perform(&mut ws, with_detach(&before, cmd)).unwrap();
        assert!(validate(&ws, "w").is_empty());
        assert!(ws.meetings[0].linked_step.is_none());
        assert!(ws.plan.initiatives[0].intervention_ids.is_empty());
        h.undo(&mut ws).unwrap();
        let (ws, before) = (cleared(&ws), cleared(&before));
        assert_eq!(ws.meetings, before.meetings);
        assert_eq!(ws.plan, before.plan);
        assert_eq!(ws.staircase, before.staircase);
    }

    #[test]
    fn deleting_a_goal_and_a_track_as_the_plan_does_detaches_initiatives_and_indicators() {
        let mut ws = Workspace::new("x");
        let goal = Goal {
            title: "Tidlig indsats".into(),
            ..Goal::default()
        };
        let track = Track {
            title: "Spor 1".into(),
            ..Track::default()
        };
        ws.plan.goals.push(goal.clone());
        ws.plan.tracks.push(track.clone());
        ws.plan.initiatives.push(Initiative {
            title: "Initiativ".into(),
            goal_id: Some(goal.id),
            track_id: Some(track.id),
            ..Initiative::default()
        });
        ws.plan.indicators.push(Indicator {
            name: "Andel".into(),
            goal_id: Some(goal.id),
            ..Indicator::default()
        });
        // The way the plan's forms make it: `plan_ops` removes, the delta says so, detach cleans up.
        let mut plan = ws.plan.clone();
        plan.delete_goal(goal.id).unwrap();
        plan.delete_track(track.id).unwrap();
        let cmd = Command::batch(crate::model::delta::plan(&ws.plan, &plan));
        let mut h = History::default();
        let cmd = with_detach(&ws, cmd);
        h.perform(&mut ws, cmd).unwrap();
        assert!(validate(&ws, "w").is_empty());
        assert!(ws.plan.goals.is_empty() && ws.plan.tracks.is_empty());
        assert_eq!(ws.plan.initiatives[0].goal_id, None);
        assert_eq!(ws.plan.initiatives[0].track_id, None);
        assert_eq!(ws.plan.indicators[0].goal_id, None);
    }
}
