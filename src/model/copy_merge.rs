//! A colleague's copy of a workspace merged into this one, record by record, the way CouchDB replicates:
//! each record's versions on both sides (the one shown, deletions, versions kept from earlier merges) are
//! the leaves of its revision tree. A leaf another leaf descends from is superseded; of the rest, the
//! winner is a live version with the longest history, then the highest revision id (CouchDB's choice), and
//! every other leaf is kept as a branch (a kept losing version, or a deletion the winner overrules), so no
//! edit of either side is lost. The result depends only on the two sets of leaves: merging A into B gives
//! what merging B into A gives, merging the same copy again changes nothing, and three copies merged in any
//! order agree. The workspace's own settings (name, rules, plan title) stay this side's.

use super::branches::Branch;
use super::commands::{apply, Command, CommandError};
use super::record::{place_of, Keyed, Place, Record, RecordKind, RecordRef, RecordView};
use super::revision::{self, Revisions};
use super::Workspace;
use crate::model::sorting::CollectByInsert;
use crate::model::sorting::StableSort;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What merging a copy in would do.
#[derive(Clone, Debug)]
pub struct CopyMerge {
    /// The whole merge as one command (one undo takes it back); `None`: the copy brings nothing new.
    pub command: Option<Command>,
    /// This workspace with the copy merged in.
    pub merged: Workspace,
    pub summary: MergeSummary,
}

/// Per kind of record, what the merge does to this side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub added: usize,
    pub changed: usize,
    pub deleted: usize,
    /// Records that get a conflict: another version kept beside them, or a deletion they overrule.
    pub conflicts: usize,
}

impl KindCounts {
    pub fn is_empty(&self) -> bool {
        *self == KindCounts::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeSummary {
    /// Only the kinds something happens to, in the order of `RecordKind::ALL`.
    pub kinds: Vec<(RecordKind, KindCounts)>,
    /// Who made the versions the copy brings (initials, as each browser had them), each once.
    pub authors: Vec<String>,
    /// Versions the copy brings that were made where no one had given initials.
    pub unknown_authors: bool,
    /// Set-aside entries the copy brings.
    pub set_aside: usize,
}

impl MergeSummary {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.set_aside == 0
    }

    pub fn total(&self) -> KindCounts {
        self.kinds
            .iter()
            .fold(KindCounts::default(), |mut t, (_, c)| {
                t.added += c.added;
                t.changed += c.changed;
                t.deleted += c.deleted;
                t.conflicts += c.conflicts;
                t
            })
    }
}

/// One leaf of a record's revision tree.
#[derive(Clone, Debug)]
struct Leaf {
    revs: Revisions,
    /// The version (`None`: a deletion).
    body: Option<Record>,
    settled: bool,
    /// When it became a branch, where it was one on either side.
    at: Option<DateTime<Utc>>,
    /// Which side holds it live (shown): 0 here, 1 the copy.
    shown_on: [bool; 2],
    /// Where it was in its list on the side that shows it (for a record new here).
    place: Option<Place>,
}

impl Leaf {
    fn key(&self) -> (u32, &str) {
        (
            self.revs.start,
            self.revs.ids.first().map(String::as_str).unwrap_or(""),
        )
    }

    fn is_live(&self) -> bool {
        self.body.is_some() && !self.settled
    }

    fn superseded_by(&self, other: &Leaf) -> bool {
        other.revs.start > self.revs.start && self.revs.is_ancestor_of(&other.revs)
    }
}

type Leaves = BTreeMap<RecordRef, Vec<Leaf>>;

fn add_leaf(all: &mut Leaves, r: RecordRef, leaf: Leaf) {
    let list = all.entry(r).or_default();
    match list.iter_mut().find(|l| l.key() == leaf.key()) {
        // The same revision on both sides: one leaf, shown wherever it is shown.
        Some(same) => {
            // The same revision is the same content; its stamps may differ (the same edit made on both
            // sides at two times): each side keeps its own, as stamps say when, not what.
            same.shown_on[0] |= leaf.shown_on[0];
            same.shown_on[1] |= leaf.shown_on[1];
            same.at = match (same.at, leaf.at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            same.place = same.place.or(leaf.place);
        }
        None => list.push(leaf),
    }
}

fn places(ws: &Workspace) -> HashMap<RecordRef, Place> {
    fn of<T: Keyed>(out: &mut HashMap<RecordRef, Place>, kind: RecordKind, list: &[T]) {
        for (i, x) in list.iter().enumerate() {
            out.insert(RecordRef::new(kind, x.key()), place_of(list, i));
        }
    }
    let mut out = HashMap::new();
    let (s, p) = (&ws.staircase, &ws.plan);
    of(&mut out, RecordKind::Step, &s.steps);
    for st in &s.steps {
        of(&mut out, RecordKind::Intervention, &st.interventions);
    }
    of(&mut out, RecordKind::Measurement, &s.measurements);
    of(&mut out, RecordKind::Meeting, &ws.meetings);
    of(&mut out, RecordKind::Template, &ws.meeting_templates);
    of(&mut out, RecordKind::Goal, &p.goals);
    of(&mut out, RecordKind::Track, &p.tracks);
    of(&mut out, RecordKind::Initiative, &p.initiatives);
    of(&mut out, RecordKind::Indicator, &p.indicators);
    of(&mut out, RecordKind::TimelineRow, &p.timeline);
    out
}

fn collect(all: &mut Leaves, ws: &Workspace, side: usize) {
    let places = places(ws);
    for v in ws.views() {
        let r = v.reference();
        let mut shown_on = [false; 2];
        shown_on[side] = true;
        add_leaf(
            all,
            r,
            Leaf {
                revs: revision::of(v),
                body: Some(record_of(v)),
                settled: false,
                at: None,
                shown_on,
                place: places.get(&r).copied(),
            },
        );
    }
    for b in &ws.branches {
        add_leaf(
            all,
            b.record,
            Leaf {
                revs: b.revisions.clone(),
                body: b.version.clone(),
                settled: b.settled,
                at: Some(b.at),
                shown_on: [false; 2],
                place: None,
            },
        );
    }
}

fn record_of(v: RecordView<'_>) -> Record {
    match v {
        RecordView::Step(s) => {
            let mut s = s.clone();
            s.interventions.clear();
            Record::Step(s)
        }
        RecordView::Intervention { step, intervention } => Record::Intervention {
            step,
            intervention: intervention.clone(),
        },
        RecordView::Measurement(x) => Record::Measurement(x.clone()),
        RecordView::Meeting(x) => Record::Meeting(x.clone()),
        RecordView::Template(x) => Record::Template(x.clone()),
        RecordView::Goal(x) => Record::Goal(x.clone()),
        RecordView::Track(x) => Record::Track(x.clone()),
        RecordView::Initiative(x) => Record::Initiative(x.clone()),
        RecordView::Indicator(x) => Record::Indicator(x.clone()),
        RecordView::TimelineRow(x) => Record::TimelineRow(x.clone()),
    }
}

/// One record's outcome: the leaf shown (if any) and the leaves kept as branches.
struct Outcome {
    winner: Option<Leaf>,
    kept: Vec<Leaf>,
    /// Every version either side had, newest first: the body a record brought back by a reference takes.
    newest_body: Option<Leaf>,
}

fn decide(leaves: Vec<Leaf>) -> Outcome {
    let newest_body = leaves
        .iter()
        .filter(|l| l.body.is_some())
        .max_by(|a, b| a.key().cmp(&b.key()))
        .cloned();
    let mut kept: Vec<Leaf> = leaves
        .iter()
        .filter(|l| !leaves.iter().any(|o| l.superseded_by(o)))
        .cloned()
        .collect();
    let winner_at = kept
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_live())
        .max_by(|(_, a), (_, b)| a.key().cmp(&b.key()))
        .map(|(i, _)| i);
    let winner = winner_at.map(|i| kept.remove(i));
    kept.stable_sort_by(|a, b| b.key().cmp(&a.key()));
    Outcome {
        winner,
        kept,
        newest_body,
    }
}

/// The references a record's version needs live: what `validation::references` names, and an
/// intervention's step.
fn needs(record: &Record) -> Vec<RecordRef> {
    let mut out: Vec<RecordRef> = super::validation::references(record.view())
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| *r != record.reference())
        .collect();
    if let Record::Intervention { step, .. } = record {
        out.push(RecordRef::new(RecordKind::Step, *step));
    }
    out
}

/// `file` merged into `here`. Refused (`Err`) only if the result would break a rule of the model, which a
/// merge of two valid copies does not do; `here` is never changed.
pub fn merge_copy(here: &Workspace, file: &Workspace) -> Result<CopyMerge, CommandError> {
    let mut all = Leaves::new();
    collect(&mut all, here, 0);
    collect(&mut all, file, 1);
    let mut outcomes: BTreeMap<RecordRef, Outcome> =
        all.into_iter().map(|(r, l)| (r, decide(l))).collect_map();

    // A record deleted on one side but still needed by a version shown (a meeting naming a deleted step,
    // an intervention added to a deleted step) comes back, its newest version shown and its deletion
    // kept as a conflict. Repeated until nothing more is needed: a record brought back may need another.
    loop {
        let live: BTreeSet<RecordRef> = outcomes
            .iter()
            .filter(|(_, o)| o.winner.is_some())
            .map(|(r, _)| *r)
            .collect_set();
        let missing: BTreeSet<RecordRef> = outcomes
            .values()
            .filter_map(|o| o.winner.as_ref()?.body.as_ref())
            .flat_map(needs)
            .filter(|r| !live.contains(r) && outcomes.contains_key(r))
            .collect_set();
        let mut brought = false;
        for r in missing {
            let Some(o) = outcomes.get_mut(&r) else {
                continue;
            };
            if let Some(mut body) = o.newest_body.clone() {
                body.settled = false;
                o.kept.retain(|l| l.key() != body.key());
                o.winner = Some(body);
                brought = true;
            }
        }
        if !brought {
            break;
        }
    }

    // A version kept as a branch may be shown after a later merge (one that overrules what beat it), and
    // the records it needs must then still be known somewhere: a deleted one keeps its newest version,
    // settled, beside its deletion. Repeated: a version kept so may need another.
    loop {
        let needed: BTreeSet<RecordRef> = outcomes
            .values()
            .flat_map(|o| o.kept.iter().filter_map(|l| l.body.as_ref()))
            .flat_map(needs)
            .collect_set();
        let mut added = false;
        for r in needed {
            let Some(o) = outcomes.get_mut(&r) else {
                continue;
            };
            if o.winner.is_some() {
                continue;
            }
            if let Some(mut body) = o.newest_body.clone() {
                if !o.kept.iter().any(|l| l.key() == body.key()) {
                    body.settled = true;
                    o.kept.push(body);
                    added = true;
                }
            }
        }
        if !added {
            break;
        }
    }

    let fallback_at = here.updated_at.max(file.updated_at);
    let here_places = places(here);
    // Each record to put: its version, whether it is here already, its place in the copy.
    let mut puts: Vec<(RecordRef, Record, bool, Option<Place>)> = Vec::new();
    let mut removes: Vec<RecordRef> = Vec::new();
    let mut branch_list: Vec<Branch> = Vec::new();
    let mut summary = MergeSummary::default();
    let mut counts: BTreeMap<RecordKind, KindCounts> = BTreeMap::new();
    let mut authors: Vec<String> = Vec::new();
    let mut note_authors = |revs: &Revisions, since: Option<&Revisions>, unknown: &mut bool| {
        let list = match since {
            Some(old) => revs.authors_since(old),
            None => revs.authors_since(&Revisions::default()),
        };
        if list.is_empty() {
            *unknown = true;
        }
        for a in list {
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
    };
    let mut unknown = false;
    let here_live: Vec<RecordRef> = here.views().map(|v| v.reference()).collect();
    let here_conflicts: BTreeSet<RecordRef> = here.conflicts().into_iter().collect_set();
    for (r, o) in &outcomes {
        let c = counts.entry(r.kind).or_default();
        let was_here = here_places.contains_key(r);
        match &o.winner {
            Some(w) => {
                let body = w.body.clone().expect("a live leaf has a version");
                if !w.shown_on[0] {
                    let mut record = body;
                    // Keep what the record brings; a record without a history keeps none.
                    if !record.view().revisions().is_empty() || w.revs.start > 1 {
                        *record.revisions_mut() = w.revs.clone();
                    }
                    puts.push((*r, record, was_here, w.place));
                    let old = here.view(*r).map(revision::of);
                    note_authors(&w.revs, old.as_ref(), &mut unknown);
                    // A record that comes out in conflict is counted there only.
                    let conflict = o.kept.iter().any(|l| !l.settled) && !here_conflicts.contains(r);
                    if conflict {
                    } else if was_here {
                        c.changed += 1;
                    } else {
                        c.added += 1;
                    }
                }
            }
            None if was_here => {
                removes.push(*r);
                c.deleted += 1;
                if let Some(d) = o.kept.iter().find(|l| l.body.is_none()) {
                    let old = here.view(*r).map(revision::of);
                    note_authors(&d.revs, old.as_ref(), &mut unknown);
                }
            }
            None => {}
        }
        for l in &o.kept {
            branch_list.push(Branch {
                record: *r,
                revisions: l.revs.clone(),
                version: l.body.clone(),
                settled: l.settled,
                at: l.at.unwrap_or(fallback_at),
            });
        }
        let in_conflict = o.winner.is_some() && o.kept.iter().any(|l| !l.settled);
        if in_conflict && !here_conflicts.contains(r) {
            c.conflicts += 1;
        }
    }
    // Branches in the order this side keeps them, then the copy's new ones.
    let order: HashMap<(RecordRef, u32, &str), usize> = here
        .branches
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (
                (
                    b.record,
                    b.revisions.start,
                    b.revisions.ids.first().map(String::as_str).unwrap_or(""),
                ),
                i,
            )
        })
        .collect();
    branch_list.stable_sort_by_key(|b| {
        order
            .get(&(
                b.record,
                b.revisions.start,
                b.revisions.ids.first().map(String::as_str).unwrap_or(""),
            ))
            .copied()
            .unwrap_or(usize::MAX)
    });

    let mut commands: Vec<Command> = Vec::new();
    // Records in the order of their kinds (a step before its interventions), each list in the copy's order.
    let mut rank: HashMap<RecordRef, usize> = HashMap::new();
    for r in here_live
        .iter()
        .copied()
        .chain(file.views().map(|v| v.reference()))
    {
        let next = rank.len();
        rank.entry(r).or_insert(next);
    }
    let kind_rank = |k: RecordKind| RecordKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    puts.stable_sort_by_key(|(r, ..)| {
        (
            kind_rank(r.kind),
            rank.get(r).copied().unwrap_or(usize::MAX),
        )
    });
    // A record new here goes after the record before it in the copy, if that one is there by then (and,
    // for an intervention, on the same step); else last.
    let step_of = |rec: &Record| match rec {
        Record::Intervention { step, .. } => Some(*step),
        _ => None,
    };
    let mut present: HashMap<RecordRef, Option<super::Id>> = here
        .views()
        .map(|v| (v.reference(), step_of(&record_of(v))))
        .collect();
    for (r, record, was_here, file_place) in puts {
        let step = step_of(&record);
        let place = match file_place {
            _ if was_here => Place::Keep,
            Some(Place::After(prev))
                if present.get(&RecordRef::new(r.kind, prev)) == Some(&step) =>
            {
                Place::After(prev)
            }
            Some(Place::First) => Place::First,
            _ => Place::Keep,
        };
        present.insert(r, step);
        commands.push(Command::Put { place, record });
    }
    removes.stable_sort_by_key(|r| std::cmp::Reverse(kind_rank(r.kind)));
    commands.extend(removes.into_iter().map(|record| Command::Remove { record }));

    let mut set_aside = here.set_aside.clone();
    for e in &file.set_aside {
        if !set_aside.iter().any(|x| x.id == e.id) {
            set_aside.push(e.clone());
            summary.set_aside += 1;
        }
    }
    let branches_changed = branch_list != here.branches;
    if commands.is_empty() && !branches_changed && summary.set_aside == 0 {
        return Ok(CopyMerge {
            command: None,
            merged: here.clone(),
            summary,
        });
    }
    // Removing records leaves tombstones of their own; the list worked out above replaces them.
    commands.push(Command::SetBranches { items: branch_list });
    if summary.set_aside > 0 {
        commands.push(Command::SetSetAside { items: set_aside });
    }
    let command = Command::Replicate { commands };
    let mut merged = here.clone();
    apply(&mut merged, command.clone())?;
    summary.kinds = RecordKind::ALL
        .iter()
        .filter_map(|k| counts.get(k).filter(|c| !c.is_empty()).map(|c| (*k, *c)))
        .collect();
    summary.authors = authors;
    summary.unknown_authors = unknown;
    Ok(CopyMerge {
        command: Some(command),
        merged,
        summary,
    })
}

/// A conflict settled: `chosen` (a version of the record, from the fields the user picked) is shown, and
/// every open branch of the record is settled, so no copy asks about them again. `keep_other`: the losing
/// version is also kept as a record of its own, with a new id (for "keep both").
pub fn resolve(ws: &Workspace, chosen: Record, keep_other: Option<Record>) -> Command {
    let r = chosen.reference();
    let items: Vec<Branch> = ws
        .branches
        .iter()
        .map(|b| {
            if b.record == r && b.is_open() {
                b.settle()
            } else {
                b.clone()
            }
        })
        .collect();
    let mut commands = vec![Command::put(chosen)];
    if let Some(other) = keep_other {
        commands.push(Command::Put {
            place: Place::Keep,
            record: other,
        });
    }
    commands.push(Command::SetBranches { items });
    Command::Batch { commands }
}

/// The open branch versions of a record, newest first (what the conflict view shows beside it).
pub fn losing_versions(ws: &Workspace, r: RecordRef) -> Vec<&Branch> {
    ws.branches
        .iter()
        .filter(|b| b.record == r && b.is_open())
        .collect()
}

/// The fields in which two versions of a record differ (an intervention's step among them), each with
/// the version shown as `mine` and the other as `theirs`: what the conflict view asks about. Stamps and
/// revisions aside. `merge::choose_record` makes the version the user picked.
pub fn differences(shown: &Record, other: &Record) -> Vec<super::merge::FieldConflict> {
    use serde_json::Value;
    fn inner(r: &Record) -> (Option<String>, serde_json::Map<String, Value>) {
        let v = match r {
            Record::Intervention { intervention, .. } => serde_json::to_value(intervention),
            Record::Step(s) => serde_json::to_value(s),
            Record::Measurement(x) => serde_json::to_value(x),
            Record::Meeting(x) => serde_json::to_value(x),
            Record::Template(x) => serde_json::to_value(x),
            Record::Goal(x) => serde_json::to_value(x),
            Record::Track(x) => serde_json::to_value(x),
            Record::Initiative(x) => serde_json::to_value(x),
            Record::Indicator(x) => serde_json::to_value(x),
            Record::TimelineRow(x) => serde_json::to_value(x),
        };
        let step = match r {
            Record::Intervention { step, .. } => Some(step.to_string()),
            _ => None,
        };
        match v {
            Ok(Value::Object(m)) => (step, m),
            _ => (step, serde_json::Map::new()),
        }
    }
    let (ms, m) = inner(shown);
    let (ts, t) = inner(other);
    let mut out = Vec::new();
    if ms != ts {
        out.push(super::merge::FieldConflict {
            field: "step".into(),
            theirs: ts.map(Value::String).unwrap_or(Value::Null),
            mine: ms.map(Value::String).unwrap_or(Value::Null),
        });
    }
    let keys: BTreeSet<&String> = m.keys().chain(t.keys()).collect();
    for k in keys {
        if matches!(
            k.as_str(),
            revision::FIELD | "updated_at" | "created_at" | "id" | "interventions"
        ) {
            continue;
        }
        let (a, b) = (m.get(k), t.get(k));
        if a != b {
            out.push(super::merge::FieldConflict {
                field: k.clone(),
                theirs: b.cloned().unwrap_or(Value::Null),
                mine: a.cloned().unwrap_or(Value::Null),
            });
        }
    }
    out
}
