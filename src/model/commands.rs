//! Every edit is a `Command` applied by the pure `apply`: put a record, remove a record, set one of the
//! workspace-wide settings, or a batch of these. `apply` enforces the rules of `validation` (a command whose
//! result breaks one is refused, naming the field, and changes nothing), and returns the exact inverse and
//! what changed. Undo and redo are two stacks of inverses: deltas, never copies of the workspace.

use super::record::{
    place_of, put_in, remove_from, Keyed, Place, Record, RecordKind, RecordRef, RecordView,
};
use super::revision;
use super::validation::{
    check_follow_up, check_info, check_plan_info, check_record, check_references, closes_loop,
    referrers, FieldIssue, Problem,
};
use super::{now, FollowUpRules, Id, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

// Commands are few at a time (an undo stack of 100, a batch per edit); boxing every record would only add
// indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    SetInfo {
        name: String,
        municipality: String,
        description: String,
    },
    SetFollowUp {
        rules: FollowUpRules,
    },
    SetPlanInfo {
        title: String,
        period: String,
        stale_after_days: u32,
    },
    /// Sets the day the workspace is seen from (`None`: today).
    SetAsOf {
        as_of: Option<chrono::NaiveDate>,
    },
    /// Replaces the list of set-aside originals (the user removes one after reading or downloading it).
    SetSetAside {
        items: Vec<super::SetAside>,
    },
    /// Inserts the record, or replaces the one with the same kind and id (moving it when `place` says so).
    Put {
        place: Place,
        record: Record,
    },
    Remove {
        record: RecordRef,
    },
    /// All or nothing; references are checked once, after the last command.
    Batch {
        commands: Vec<Command>,
    },
    /// Replaces the deletions and kept versions (`Workspace::branches`).
    SetBranches {
        items: Vec<super::branches::Branch>,
    },
    /// A batch whose records come with the revisions they have in another copy (a merge): kept as they are,
    /// never given a next one.
    Replicate {
        commands: Vec<Command>,
    },
}

/// Commands are read back only as settings (the journal's setting changes, and merges of them): record
/// changes travel as records. A derived reader for this internally tagged enum would go through serde's
/// buffered `Content`, one more copy of the reader of every record type (`Put`, `Batch`) in the app.
impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        setting_from_json(&v).map_err(serde::de::Error::custom)
    }
}

fn setting_from_json(v: &serde_json::Value) -> Result<Command, String> {
    #[derive(Deserialize)]
    struct Info {
        name: String,
        municipality: String,
        description: String,
    }
    #[derive(Deserialize)]
    struct FollowUp {
        rules: FollowUpRules,
    }
    #[derive(Deserialize)]
    struct PlanInfo {
        title: String,
        period: String,
        stale_after_days: u32,
    }
    #[derive(Deserialize)]
    struct AsOf {
        as_of: Option<chrono::NaiveDate>,
    }
    #[derive(Deserialize)]
    struct Items<T> {
        items: Vec<T>,
    }
    fn read<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Result<T, String> {
        super::json::read(v).map_err(|e| e.to_string())
    }
    Ok(match v.get("op").and_then(serde_json::Value::as_str) {
        Some("set_info") => {
            let f: Info = read(v)?;
            Command::SetInfo {
                name: f.name,
                municipality: f.municipality,
                description: f.description,
            }
        }
        Some("set_follow_up") => Command::SetFollowUp {
            rules: read::<FollowUp>(v)?.rules,
        },
        Some("set_plan_info") => {
            let f: PlanInfo = read(v)?;
            Command::SetPlanInfo {
                title: f.title,
                period: f.period,
                stale_after_days: f.stale_after_days,
            }
        }
        Some("set_as_of") => Command::SetAsOf {
            as_of: read::<AsOf>(v)?.as_of,
        },
        Some("set_set_aside") => Command::SetSetAside {
            items: read::<Items<super::SetAside>>(v)?.items,
        },
        Some("set_branches") => Command::SetBranches {
            items: read::<Items<super::branches::Branch>>(v)?.items,
        },
        other => return Err(format!("not a setting command: {other:?}")),
    })
}

impl Command {
    pub fn put(record: Record) -> Self {
        Command::Put {
            place: Place::Keep,
            record,
        }
    }

    pub fn remove(kind: RecordKind, id: Id) -> Self {
        Command::Remove {
            record: RecordRef::new(kind, id),
        }
    }

    /// One command for many; a single one stays itself.
    pub fn batch(mut commands: Vec<Command>) -> Self {
        if commands.len() == 1 {
            commands.remove(0)
        } else {
            Command::Batch { commands }
        }
    }
}

/// What a command changed: the settings it set and the records it put or removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub info: bool,
    pub follow_up: bool,
    pub plan_info: bool,
    pub as_of: bool,
    pub set_aside: bool,
    /// The deletions and kept versions changed.
    pub branches: bool,
    pub records: BTreeSet<RecordRef>,
    /// Kinds whose list order changed: a record was inserted, moved or removed.
    pub reordered: BTreeSet<RecordKind>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.info
            && !self.follow_up
            && !self.plan_info
            && !self.as_of
            && !self.set_aside
            && !self.branches
            && self.records.is_empty()
    }

    pub fn extend(&mut self, other: Changes) {
        self.info |= other.info;
        self.follow_up |= other.follow_up;
        self.plan_info |= other.plan_info;
        self.as_of |= other.as_of;
        self.set_aside |= other.set_aside;
        self.branches |= other.branches;
        self.records.extend(other.records);
        self.reordered.extend(other.reordered);
    }

    /// Whether any record of `kind` changed.
    pub fn touches(&self, kind: RecordKind) -> bool {
        self.records.iter().any(|r| r.kind == kind)
    }

    /// Everything in `ws`, as if it were all new (a workspace opened, imported or replaced).
    pub fn everything(ws: &Workspace) -> Changes {
        Changes {
            info: true,
            follow_up: true,
            plan_info: true,
            as_of: true,
            set_aside: true,
            branches: true,
            records: ws.views().map(|r| r.reference()).collect(),
            reordered: RecordKind::ALL.into_iter().collect(),
        }
    }
}

/// Why a command was refused. Data, no prose: `text` turns it into Danish.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum CommandError {
    /// The result would break rules of `validation`; each issue names its field.
    #[error("invalid {record:?}: {issues:?}")]
    Invalid {
        record: Option<RecordRef>,
        issues: Vec<FieldIssue>,
    },
    #[error("no record {0:?}")]
    NotFound(RecordRef),
    #[error("no workspace is open")]
    NotOpen,
    /// The workspace would grow past what Trappe holds (and exports to a file it reads back).
    #[error("the workspace would exceed {max_bytes} bytes")]
    WorkspaceFull { max_bytes: usize },
    #[error("{record:?} cannot be placed after {anchor}, which is not in its list")]
    AnchorNotFound { record: RecordRef, anchor: Id },
    #[error("no step {0}")]
    StepNotFound(Id),
    /// A step's interventions are removed or moved first (a step record never carries them).
    #[error("step {step} holds {interventions} interventions")]
    StepNotEmpty { step: Id, interventions: usize },
    /// Others still refer to the record; `delete::detach` makes the commands that clean that up.
    #[error("{record:?} is referred to by {by:?}")]
    StillReferenced {
        record: RecordRef,
        by: Vec<RecordRef>,
    },
}

/// What `apply` did: the command that undoes it, and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub inverse: Command,
    pub changes: Changes,
}

impl Command {
    /// The records as they were before the command this is the inverse of: for every record it touches,
    /// `Some((place, record))` (it existed there) or `None` (it was new). Where a batch touched a record
    /// twice, the earliest state wins.
    pub fn prior_records(&self) -> Vec<(RecordRef, Option<(Place, Record)>)> {
        fn walk(c: &Command, out: &mut Vec<(RecordRef, Option<(Place, Record)>)>) {
            match c {
                Command::Put { place, record } => {
                    out.push((record.reference(), Some((*place, record.clone()))))
                }
                Command::Remove { record } => out.push((*record, None)),
                // An inverse batch runs last-first, so its last entries are the earliest states.
                Command::Batch { commands } | Command::Replicate { commands } => {
                    commands.iter().for_each(|c| walk(c, out))
                }
                _ => {}
            }
        }
        let mut all = Vec::new();
        walk(self, &mut all);
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (r, rec) in all.into_iter().rev() {
            if seen.insert(r) {
                out.push((r, rec));
            }
        }
        out
    }
}

/// Applies `cmd` to `ws`. On error `ws` is unchanged.
pub fn apply(ws: &mut Workspace, cmd: Command) -> Result<Applied, CommandError> {
    // A merge keeps both sides' versions as they are, even when two colleagues' moves together make a
    // loop of sub-items; the next edit of one of them is asked to break it, and loading breaks it.
    let loops = if matches!(cmd, Command::Replicate { .. }) {
        Loops::Allowed
    } else {
        Loops::Refused
    };
    let applied = apply_unchecked(ws, cmd, Revising::Next)?;
    if let Err(e) = check_integrity(ws, &applied.changes, loops) {
        // The inverse restores exactly what was there, so it cannot fail.
        let _ = apply_unchecked(ws, applied.inverse, Revising::Restore);
        return Err(e);
    }
    if !applied.changes.is_empty() {
        ws.updated_at = now();
    }
    Ok(applied)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loops {
    Refused,
    Allowed,
}

/// References are checked after a whole command, so a batch may put a parent after its child.
fn check_integrity(ws: &Workspace, changes: &Changes, loops: Loops) -> Result<(), CommandError> {
    for r in &changes.records {
        match ws.record(*r) {
            Some((_, record)) => {
                let mut issues = check_references(ws, record.view());
                if let (Loops::Refused, Record::Initiative(ini)) = (loops, &record) {
                    if let Some(parent) = ini.parent_id {
                        if closes_loop(&ws.plan, ini.id, parent) {
                            issues.push(FieldIssue {
                                field: "parent_id".into(),
                                problem: Problem::ParentLoop,
                            });
                        }
                    }
                }
                if !issues.is_empty() {
                    return Err(CommandError::Invalid {
                        record: Some(*r),
                        issues,
                    });
                }
            }
            None => {
                let by = referrers(ws, *r);
                if !by.is_empty() {
                    return Err(CommandError::StillReferenced { record: *r, by });
                }
            }
        }
    }
    Ok(())
}

fn invalid(record: Option<RecordRef>, issues: Vec<FieldIssue>) -> Result<(), CommandError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(CommandError::Invalid { record, issues })
    }
}

fn changed(r: RecordRef, reordered: bool) -> Changes {
    let mut c = Changes::default();
    c.records.insert(r);
    if reordered {
        c.reordered.insert(r.kind);
    }
    c
}

/// How a put treats revisions: an edit (undo and redo too) gives a changed record its next revision; taking
/// back a refused command restores the records exactly as they were, revisions included.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Revising {
    Next,
    Restore,
}

fn apply_unchecked(
    ws: &mut Workspace,
    cmd: Command,
    revising: Revising,
) -> Result<Applied, CommandError> {
    match cmd {
        Command::SetInfo {
            name,
            municipality,
            description,
        } => {
            let name = name.trim().to_string();
            invalid(None, check_info(&name, &municipality, &description))?;
            let inverse = Command::SetInfo {
                name: std::mem::replace(&mut ws.name, name),
                municipality: std::mem::replace(&mut ws.municipality, municipality),
                description: std::mem::replace(&mut ws.description, description),
            };
            Ok(Applied {
                inverse,
                changes: Changes {
                    info: true,
                    ..Changes::default()
                },
            })
        }
        Command::SetFollowUp { rules } => {
            invalid(None, check_follow_up(&rules))?;
            let inverse = Command::SetFollowUp {
                rules: std::mem::replace(&mut ws.follow_up, rules),
            };
            Ok(Applied {
                inverse,
                changes: Changes {
                    follow_up: true,
                    ..Changes::default()
                },
            })
        }
        Command::SetPlanInfo {
            title,
            period,
            stale_after_days,
        } => {
            invalid(None, check_plan_info(&title, &period, stale_after_days))?;
            let p = &mut ws.plan;
            let inverse = Command::SetPlanInfo {
                title: std::mem::replace(&mut p.title, title),
                period: std::mem::replace(&mut p.period, period),
                stale_after_days: std::mem::replace(&mut p.stale_after_days, stale_after_days),
            };
            Ok(Applied {
                inverse,
                changes: Changes {
                    plan_info: true,
                    ..Changes::default()
                },
            })
        }
        Command::SetAsOf { as_of } => Ok(Applied {
            inverse: Command::SetAsOf {
                as_of: std::mem::replace(&mut ws.as_of, as_of),
            },
            changes: Changes {
                as_of: true,
                ..Changes::default()
            },
        }),
        Command::SetSetAside { items } => Ok(Applied {
            inverse: Command::SetSetAside {
                items: std::mem::replace(&mut ws.set_aside, items),
            },
            changes: Changes {
                set_aside: true,
                ..Changes::default()
            },
        }),
        Command::SetBranches { items } => Ok(Applied {
            inverse: Command::SetBranches {
                items: std::mem::replace(&mut ws.branches, items),
            },
            changes: Changes {
                branches: true,
                ..Changes::default()
            },
        }),
        Command::Put { place, record } => {
            let mut a = put(ws, place, record, revising)?;
            // Restoring (an undo's exact inverse, a merge) sets the branches itself.
            if revising == Revising::Next {
                a.changes.branches |= revive(ws, a.changes.records.first().copied(), &a.inverse);
            }
            Ok(a)
        }
        Command::Remove { record } => remove(ws, record, revising),
        Command::Replicate { commands } => {
            let a = apply_unchecked(ws, Command::Batch { commands }, Revising::Restore)?;
            let Command::Batch { commands } = a.inverse else {
                return Ok(a);
            };
            Ok(Applied {
                inverse: Command::Replicate { commands },
                changes: a.changes,
            })
        }
        Command::Batch { commands } => {
            let mut inverses = Vec::with_capacity(commands.len());
            let mut changes = Changes::default();
            for c in commands {
                match apply_unchecked(ws, c, revising) {
                    Ok(a) => {
                        inverses.push(a.inverse);
                        changes.extend(a.changes);
                    }
                    Err(e) => {
                        for inv in inverses.into_iter().rev() {
                            let _ = apply_unchecked(ws, inv, Revising::Restore);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Ok(Applied {
                inverse: Command::Batch { commands: inverses },
                changes,
            })
        }
    }
}

/// Puts a record into a plain list; the inverse puts back the old one or removes the new one. Putting a
/// record that is already there, unchanged and in place, changes nothing.
fn put_listed<T: Keyed + PartialEq>(
    list: &mut Vec<T>,
    place: Place,
    item: T,
    r: RecordRef,
    wrap: impl Fn(T) -> Record,
) -> Result<Applied, CommandError> {
    let old_index = list.iter().position(|x| x.key() == r.id);
    let old = put_in(list, place, item).map_err(|e| CommandError::AnchorNotFound {
        record: r,
        anchor: e.0,
    })?;
    let new_index = list.iter().position(|x| x.key() == r.id);
    let moved = old_index != new_index;
    Ok(match old {
        Some((old_place, old)) => {
            let same = !moved && new_index.is_some_and(|i| list[i] == old);
            Applied {
                inverse: Command::Put {
                    place: old_place,
                    record: wrap(old),
                },
                changes: if same {
                    Changes::default()
                } else {
                    changed(r, moved)
                },
            }
        }
        None => Applied {
            inverse: Command::Remove { record: r },
            changes: changed(r, true),
        },
    })
}

/// Whether `place` names a record of `list` other than `id` itself (or no record at all).
fn check_anchor<T: Keyed>(list: &[T], place: Place, r: RecordRef) -> Result<(), CommandError> {
    match place {
        Place::After(anchor) if anchor == r.id || !list.iter().any(|x| x.key() == anchor) => {
            Err(CommandError::AnchorNotFound { record: r, anchor })
        }
        _ => Ok(()),
    }
}

fn put(
    ws: &mut Workspace,
    place: Place,
    mut record: Record,
    revising: Revising,
) -> Result<Applied, CommandError> {
    let r = record.reference();
    invalid(Some(r), check_record(record.view()))?;
    if revising == Revising::Next {
        // The record's next revision, if its content changed; never the revisions the caller brought.
        revision::stamp(&mut record, ws.view(r));
    }
    let s = &mut ws.staircase;
    let p = &mut ws.plan;
    match record {
        Record::Step(mut step) => {
            check_anchor(&s.steps, place, r)?;
            if let Some(i) = s.steps.iter().position(|x| x.id == step.id) {
                let in_place = place == Place::Keep || place == place_of(&s.steps, i);
                if in_place
                    && revision::same_content(
                        RecordView::Step(&s.steps[i]),
                        RecordView::Step(&step),
                    )
                {
                    return Ok(Applied {
                        inverse: Command::Put {
                            place,
                            record: Record::Step(step),
                        },
                        changes: Changes::default(),
                    });
                }
            }
            match s.steps.iter_mut().find(|x| x.id == step.id) {
                // A step record carries its own fields; its interventions stay where they are.
                Some(old) => step.interventions = std::mem::take(&mut old.interventions),
                None if !step.interventions.is_empty() => {
                    return Err(CommandError::StepNotEmpty {
                        step: step.id,
                        interventions: step.interventions.len(),
                    })
                }
                None => {}
            }
            let mut a = put_listed(&mut s.steps, place, step, r, Record::Step)?;
            // The inverse record is the old step without its interventions.
            if let Command::Put {
                record: Record::Step(old),
                ..
            } = &mut a.inverse
            {
                old.interventions.clear();
            }
            Ok(a)
        }
        Record::Intervention {
            step: to,
            intervention,
        } => {
            let ti = s
                .steps
                .iter()
                .position(|x| x.id == to)
                .ok_or(CommandError::StepNotFound(to))?;
            let from = s.steps.iter().enumerate().find_map(|(si, st)| {
                st.interventions
                    .iter()
                    .position(|x| x.id == r.id)
                    .map(|ii| (si, ii))
            });
            let wrap = |iv| Record::Intervention {
                step: to,
                intervention: iv,
            };
            match from {
                Some((si, ii)) if si != ti => {
                    // Across steps: out of the old one, into the new one.
                    check_anchor(&s.steps[ti].interventions, place, r)?;
                    let old_step = s.steps[si].id;
                    let old_place = place_of(&s.steps[si].interventions, ii);
                    let old = s.steps[si].interventions.remove(ii);
                    put_in(&mut s.steps[ti].interventions, place, intervention).map_err(|e| {
                        CommandError::AnchorNotFound {
                            record: r,
                            anchor: e.0,
                        }
                    })?;
                    Ok(Applied {
                        inverse: Command::Put {
                            place: old_place,
                            record: Record::Intervention {
                                step: old_step,
                                intervention: old,
                            },
                        },
                        changes: changed(r, true),
                    })
                }
                _ => put_listed(&mut s.steps[ti].interventions, place, intervention, r, wrap),
            }
        }
        Record::Measurement(x) => put_listed(&mut s.measurements, place, x, r, Record::Measurement),
        Record::Meeting(x) => put_listed(&mut ws.meetings, place, x, r, Record::Meeting),
        Record::Template(x) => put_listed(&mut ws.meeting_templates, place, x, r, Record::Template),
        Record::Goal(x) => put_listed(&mut p.goals, place, x, r, Record::Goal),
        Record::Track(x) => put_listed(&mut p.tracks, place, x, r, Record::Track),
        Record::Initiative(x) => put_listed(&mut p.initiatives, place, x, r, Record::Initiative),
        Record::Indicator(x) => put_listed(&mut p.indicators, place, x, r, Record::Indicator),
        Record::TimelineRow(x) => put_listed(&mut p.timeline, place, x, r, Record::TimelineRow),
    }
}

fn remove(ws: &mut Workspace, r: RecordRef, revising: Revising) -> Result<Applied, CommandError> {
    let s = &mut ws.staircase;
    let p = &mut ws.plan;
    let not_found = || CommandError::NotFound(r);
    let (place, record) = match r.kind {
        RecordKind::Step => {
            let st = s
                .steps
                .iter()
                .find(|x| x.id == r.id)
                .ok_or_else(not_found)?;
            if !st.interventions.is_empty() {
                return Err(CommandError::StepNotEmpty {
                    step: r.id,
                    interventions: st.interventions.len(),
                });
            }
            remove_from(&mut s.steps, r.id).map(|(pl, x)| (pl, Record::Step(x)))
        }
        RecordKind::Intervention => s.steps.iter_mut().find_map(|st| {
            let step = st.id;
            remove_from(&mut st.interventions, r.id).map(|(pl, iv)| {
                (
                    pl,
                    Record::Intervention {
                        step,
                        intervention: iv,
                    },
                )
            })
        }),
        RecordKind::Measurement => {
            remove_from(&mut s.measurements, r.id).map(|(pl, x)| (pl, Record::Measurement(x)))
        }
        RecordKind::Meeting => {
            remove_from(&mut ws.meetings, r.id).map(|(pl, x)| (pl, Record::Meeting(x)))
        }
        RecordKind::Template => {
            remove_from(&mut ws.meeting_templates, r.id).map(|(pl, x)| (pl, Record::Template(x)))
        }
        RecordKind::Goal => remove_from(&mut p.goals, r.id).map(|(pl, x)| (pl, Record::Goal(x))),
        RecordKind::Track => remove_from(&mut p.tracks, r.id).map(|(pl, x)| (pl, Record::Track(x))),
        RecordKind::Initiative => {
            remove_from(&mut p.initiatives, r.id).map(|(pl, x)| (pl, Record::Initiative(x)))
        }
        RecordKind::Indicator => {
            remove_from(&mut p.indicators, r.id).map(|(pl, x)| (pl, Record::Indicator(x)))
        }
        RecordKind::TimelineRow => {
            remove_from(&mut p.timeline, r.id).map(|(pl, x)| (pl, Record::TimelineRow(x)))
        }
    }
    .ok_or_else(not_found)?;
    if revising == Revising::Restore {
        // Restoring sets the branches itself.
        return Ok(Applied {
            inverse: Command::Put { place, record },
            changes: changed(r, true),
        });
    }
    // A tombstone, so a copy that still holds the record learns it was deleted. Versions kept beside it
    // are settled with it: a deleted record's losing version must not come back as the winner.
    let before = ws.branches.clone();
    for b in ws
        .branches
        .iter_mut()
        .filter(|b| b.record == r && b.is_live())
    {
        *b = b.settle();
    }
    ws.branches
        .push(super::branches::Branch::deletion(record.view()));
    let mut changes = changed(r, true);
    changes.branches = true;
    // The branches are set back exactly, also where a refused delete is taken back.
    Ok(Applied {
        inverse: Command::Batch {
            commands: vec![
                Command::Put { place, record },
                Command::SetBranches { items: before },
            ],
        },
        changes,
    })
}

/// A record put where it was not (undo of a deletion, a record added back): its tombstones of this very
/// version go, so they do not delete it again at the next merge. Whether any went.
fn revive(ws: &mut Workspace, r: Option<RecordRef>, inverse: &Command) -> bool {
    let (Some(r), Command::Remove { .. }) = (r, inverse) else {
        return false;
    };
    let Some(view) = ws.view(r) else {
        return false;
    };
    let mine = revision::of(view);
    let before = ws.branches.len();
    ws.branches.retain(|b| {
        !(b.record == r && b.version.is_none() && !b.settled && mine.is_ancestor_of(&b.revisions))
    });
    ws.branches.len() != before
}

/// Bounded undo and redo stacks of inverse commands.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

impl History {
    const LIMIT: usize = 100;

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies a new edit; a fresh edit clears the redo stack. An edit that changes nothing is not kept.
    pub fn perform(&mut self, ws: &mut Workspace, cmd: Command) -> Result<Applied, CommandError> {
        let applied = apply(ws, cmd)?;
        if !applied.changes.is_empty() {
            self.undo.push(applied.inverse.clone());
            if self.undo.len() > Self::LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(applied)
    }

    /// Takes back the last edit; `None` when there is nothing to undo. A refused undo (the workspace
    /// changed under it) drops that entry, since it can never apply again.
    pub fn undo(&mut self, ws: &mut Workspace) -> Result<Option<Applied>, CommandError> {
        let Some(cmd) = self.undo.pop() else {
            return Ok(None);
        };
        let applied = apply(ws, cmd)?;
        self.redo.push(applied.inverse.clone());
        Ok(Some(applied))
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Result<Option<Applied>, CommandError> {
        let Some(cmd) = self.redo.pop() else {
            return Ok(None);
        };
        let applied = apply(ws, cmd)?;
        self.undo.push(applied.inverse.clone());
        Ok(Some(applied))
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Takes back the last `perform` as if it never happened (no redo entry).
    pub fn revert_last(&mut self, ws: &mut Workspace) {
        if let Some(cmd) = self.undo.pop() {
            // Exactly as it was, revisions and tombstones included: the edit never happened.
            let _ = apply_unchecked(ws, cmd, Revising::Restore);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::revision::cleared;
    use crate::model::validation::{validate, Problem, MAX_AMOUNT, MAX_NAME};
    use crate::model::*;

    /// Every setting reads back as it was written (the journal keeps them so); a record command is no
    /// setting and is refused by name.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn setting_commands_read_back_and_record_commands_are_refused() {
        use crate::model::merge::Setting;
        let mut ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        ws.as_of = None;
        let m = ws.meetings.first().cloned().unwrap_or_default();
        ws.branches.push(crate::model::branches::Branch::deletion(
            RecordView::Meeting(&m),
        ));
        for setting in Setting::ALL {
            let cmd = setting.of(&ws);
            let json = serde_json::to_string(&cmd).unwrap();
            let back: Command = serde_json::from_str(&json).unwrap();
            assert_eq!(back, cmd, "{json}");
        }
        let put = serde_json::to_string(&Command::put(Record::Meeting(m))).unwrap();
        let e = serde_json::from_str::<Command>(&put).unwrap_err();
        assert!(e.to_string().contains("not a setting command"), "{e}");
    }

    fn with_step() -> (Workspace, Id) {
        let mut ws = Workspace::new("x");
        let step = Step {
            name: "Trin 1".into(),
            ..Step::named("Trin")
        };
        let id = step.id;
        apply(&mut ws, Command::put(Record::Step(step))).unwrap();
        (ws, id)
    }

    #[test]
    fn rename_and_undo_restores_the_old_name() {
        let mut ws = Workspace::new("Køge");
        let mut h = History::default();
        h.perform(
            &mut ws,
            Command::SetInfo {
                name: "  Køge 2019 ".into(),
                municipality: "Køge".into(),
                description: String::new(),
            },
        )
        .unwrap();
        assert_eq!(ws.name, "Køge 2019");
        assert!(h.undo(&mut ws).unwrap().is_some());
        assert_eq!(ws.name, "Køge");
        assert!(h.redo(&mut ws).unwrap().is_some());
        assert_eq!(ws.name, "Køge 2019");
        assert_eq!(ws.municipality, "Køge");
    }

    #[test]
    fn empty_name_is_refused_and_changes_nothing() {
        let mut ws = Workspace::new("Køge");
        let before = ws.clone();
        let err = apply(
            &mut ws,
            Command::SetInfo {
                name: "   ".into(),
                municipality: String::new(),
                description: String::new(),
            },
        );
        assert!(matches!(err, Err(CommandError::Invalid { .. })));
        assert_eq!(ws, before);
    }

    #[test]
    fn meeting_add_remove_undo_keeps_position() {
        let mut ws = Workspace::new("x");
        let mut h = History::default();
        let a = Meeting {
            case_ref: "A".into(),
            ..Meeting::default()
        };
        let b = Meeting {
            case_ref: "B".into(),
            ..Meeting::default()
        };
        h.perform(&mut ws, Command::put(Record::Meeting(a.clone())))
            .unwrap();
        h.perform(&mut ws, Command::put(Record::Meeting(b.clone())))
            .unwrap();
        h.perform(&mut ws, Command::remove(RecordKind::Meeting, a.id))
            .unwrap();
        assert_eq!(ws.meetings.len(), 1);
        h.undo(&mut ws).unwrap();
        assert_eq!(ws.meetings[0].case_ref, "A");
        assert_eq!(ws.meetings[1].case_ref, "B");
        h.undo(&mut ws).unwrap();
        h.undo(&mut ws).unwrap();
        assert!(ws.meetings.is_empty());
        assert!(!h.can_undo());
        assert_eq!(
            apply(&mut ws, Command::remove(RecordKind::Meeting, a.id)),
            Err(CommandError::NotFound(RecordRef::new(
                RecordKind::Meeting,
                a.id
            )))
        );
    }

    #[test]
    fn a_put_that_breaks_a_rule_names_the_field_and_changes_nothing() {
        let (mut ws, step) = with_step();
        let before = ws.clone();
        for (iv, field, problem) in [
            (
                Intervention {
                    unit_cost: Some(999_999_999_999),
                    ..Intervention::named("Indsats")
                },
                "unit_cost",
                Problem::TooLarge { max: MAX_AMOUNT },
            ),
            (
                Intervention {
                    provider: "p".repeat(MAX_NAME + 1),
                    ..Intervention::named("Indsats")
                },
                "provider",
                Problem::TooLong { max: MAX_NAME },
            ),
        ] {
            let err = apply(
                &mut ws,
                Command::put(Record::Intervention {
                    step,
                    intervention: iv.clone(),
                }),
            )
            .unwrap_err();
            assert_eq!(
                err,
                CommandError::Invalid {
                    record: Some(RecordRef::new(RecordKind::Intervention, iv.id)),
                    issues: vec![FieldIssue {
                        field: field.into(),
                        problem
                    }]
                }
            );
            assert_eq!(ws, before);
        }
    }

    #[test]
    fn removing_a_referenced_intervention_is_refused_until_the_links_go() {
        let (mut ws, step) = with_step();
        let iv = Intervention::named("Indsats");
        apply(
            &mut ws,
            Command::put(Record::Intervention {
                step,
                intervention: iv.clone(),
            }),
        )
        .unwrap();
        let m = Meeting {
            case_ref: "Sag 1".into(),
            linked_interventions: vec![iv.id],
            ..Meeting::default()
        };
        apply(&mut ws, Command::put(Record::Meeting(m.clone()))).unwrap();
        let before = ws.clone();
        let err = apply(&mut ws, Command::remove(RecordKind::Intervention, iv.id)).unwrap_err();
        assert_eq!(
            err,
            CommandError::StillReferenced {
                record: RecordRef::new(RecordKind::Intervention, iv.id),
                by: vec![RecordRef::new(RecordKind::Meeting, m.id)]
            }
        );
        assert_eq!(ws, before);
        // The same in one batch with the link removed first: accepted, and undone as one.
        let unlinked = Meeting {
            linked_interventions: vec![],
            ..m.clone()
        };
        let mut h = History::default();
        h.perform(
            &mut ws,
            Command::batch(vec![
                Command::remove(RecordKind::Intervention, iv.id),
                Command::put(Record::Meeting(unlinked)),
            ]),
        )
        .unwrap();
        assert!(validate(&ws, "w").is_empty());
        assert!(ws.staircase.steps[0].interventions.is_empty());
        h.undo(&mut ws).unwrap();
        assert_eq!(cleared(&ws).meetings, cleared(&before).meetings);
        assert_eq!(cleared(&ws).staircase, cleared(&before).staircase);
    }

    #[test]
    fn interventions_move_across_steps_and_back() {
        let (mut ws, a) = with_step();
        let b = Step {
            name: "Trin 2".into(),
            ..Step::named("Trin")
        };
        let b_id = b.id;
        apply(&mut ws, Command::put(Record::Step(b))).unwrap();
        let x = Intervention::named("Indsats");
        let y = Intervention::named("Indsats");
        for iv in [&x, &y] {
            apply(
                &mut ws,
                Command::put(Record::Intervention {
                    step: a,
                    intervention: iv.clone(),
                }),
            )
            .unwrap();
        }
        let before = ws.clone();
        let applied = apply(
            &mut ws,
            Command::Put {
                place: Place::First,
                record: Record::Intervention {
                    step: b_id,
                    intervention: x.clone(),
                },
            },
        )
        .unwrap();
        assert_eq!(ws.staircase.steps[0].interventions.len(), 1);
        assert_eq!(ws.staircase.steps[1].interventions[0].id, x.id);
        assert!(applied
            .changes
            .reordered
            .contains(&RecordKind::Intervention));
        apply(&mut ws, applied.inverse).unwrap();
        assert_eq!(cleared(&ws).staircase, cleared(&before).staircase);
    }

    #[test]
    fn a_step_with_interventions_cannot_be_removed() {
        let (mut ws, step) = with_step();
        apply(
            &mut ws,
            Command::put(Record::Intervention {
                step,
                intervention: Intervention::named("Indsats"),
            }),
        )
        .unwrap();
        assert_eq!(
            apply(&mut ws, Command::remove(RecordKind::Step, step)),
            Err(CommandError::StepNotEmpty {
                step,
                interventions: 1
            })
        );
    }

    #[test]
    fn a_parent_that_closes_a_loop_is_refused_at_its_field_except_in_a_merge() {
        let mut ws = Workspace::new("x");
        let a = Initiative {
            title: "A".into(),
            ..Initiative::default()
        };
        let b = Initiative {
            title: "B".into(),
            parent_id: Some(a.id),
            ..Initiative::default()
        };
        for i in [&a, &b] {
            apply(&mut ws, Command::put(Record::Initiative(i.clone()))).unwrap();
        }
        let before = ws.clone();
        let a_under_b = Initiative {
            parent_id: Some(b.id),
            ..ws.plan.initiatives[0].clone()
        };
        match apply(&mut ws, Command::put(Record::Initiative(a_under_b.clone()))) {
            Err(CommandError::Invalid { record, issues }) => {
                assert_eq!(record, Some(RecordRef::new(RecordKind::Initiative, a.id)));
                assert_eq!(
                    issues,
                    vec![FieldIssue {
                        field: "parent_id".into(),
                        problem: Problem::ParentLoop
                    }]
                );
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(ws, before);
        // Two colleagues' moves that make a loop together are both kept by a merge.
        let merge = Command::Replicate {
            commands: vec![Command::put(Record::Initiative(a_under_b))],
        };
        apply(&mut ws, merge).unwrap();
        assert_eq!(ws.plan.initiatives[0].parent_id, Some(b.id));
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let (mut ws, step) = with_step();
        let before = ws.clone();
        let err = apply(
            &mut ws,
            Command::batch(vec![
                Command::put(Record::Intervention {
                    step,
                    intervention: Intervention::named("Indsats"),
                }),
                Command::remove(RecordKind::Goal, new_id()),
            ]),
        );
        assert!(matches!(err, Err(CommandError::NotFound(_))));
        assert_eq!(ws, before);
    }

    #[test]
    fn a_put_that_changes_nothing_is_not_an_undo_step() {
        let (mut ws, _) = with_step();
        let step = ws.staircase.steps[0].clone();
        let mut h = History::default();
        let changes = h
            .perform(&mut ws, Command::put(Record::Step(step)))
            .unwrap()
            .changes;
        assert!(changes.is_empty());
        assert!(!h.can_undo());
    }
}
