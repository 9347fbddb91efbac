//! Bringing edits made on one copy of a workspace onto a newer copy of it, record by record and field by
//! field: what another tab saved meanwhile, what a journal holds after a closed tab, what a form opened
//! before the record changed. A field changed on one side takes that side; a field changed on both sides is
//! a conflict, reported with both values.

use super::commands::Command;
use super::record::{Place, Record, RecordRef};
use crate::model::sorting::CollectByInsert;
use crate::model::sorting::StableSort;
use chrono::DateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// Fields that say when, not what: never a conflict, the later stamp wins.
const STAMPS: [&str; 2] = ["updated_at", "set_aside_at"];

/// A field both sides changed, differently.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    pub field: String,
    pub theirs: Value,
    pub mine: Value,
}

/// `mine` with the fields that only `theirs` changed (both against `base`) taken from `theirs`, and the
/// fields both changed listed. Conflicting fields keep `mine`'s value; the caller decides. A list of items
/// with ids (notes, actions, participants) is merged item by item: items added, removed or changed on one
/// side only are taken; only an item both sides changed makes the list a conflict.
pub fn merge_fields<T: Serialize + DeserializeOwned>(
    base: &T,
    theirs: &T,
    mine: &T,
) -> (T, Vec<FieldConflict>) {
    let (Ok(Value::Object(b)), Ok(Value::Object(t)), Ok(Value::Object(m))) = (
        serde_json::to_value(base),
        serde_json::to_value(theirs),
        serde_json::to_value(mine),
    ) else {
        return (clone_via_json(mine), Vec::new());
    };
    let (out, conflicts) = merge_objects(&b, &t, &m);
    match super::json::read::<T>(&Value::Object(out)) {
        Ok(t) => (t, conflicts),
        Err(_) => (clone_via_json(mine), conflicts),
    }
}

fn merge_objects(
    b: &Map<String, Value>,
    t: &Map<String, Value>,
    m: &Map<String, Value>,
) -> (Map<String, Value>, Vec<FieldConflict>) {
    let mut out = Map::new();
    let mut conflicts = Vec::new();
    let keys: std::collections::BTreeSet<&String> =
        b.keys().chain(t.keys()).chain(m.keys()).collect_set();
    for k in keys {
        let (bv, tv, mv) = (b.get(k), t.get(k), m.get(k));
        let chosen = if k == super::revision::FIELD {
            // Not content: `apply` gives the merged record its own next revision.
            tv.or(mv).cloned()
        } else if STAMPS.contains(&k.as_str()) {
            later_stamp(tv, mv).cloned()
        } else if tv == bv || tv == mv {
            mv.cloned()
        } else if mv == bv {
            tv.cloned()
        } else if let Some(list) = merge_lists(bv, tv, mv) {
            Some(Value::Array(list))
        } else if let Some(map) = merge_maps(bv, tv, mv) {
            Some(Value::Object(map))
        } else {
            conflicts.push(FieldConflict {
                field: k.clone(),
                theirs: tv.cloned().unwrap_or(Value::Null),
                mine: mv.cloned().unwrap_or(Value::Null),
            });
            mv.cloned()
        };
        if let Some(v) = chosen {
            out.insert(k.clone(), v);
        }
    }
    (out, conflicts)
}

/// The later of two timestamps (see `cmp_stamps`); `mine` on a tie.
fn later_stamp<'a>(t: Option<&'a Value>, m: Option<&'a Value>) -> Option<&'a Value> {
    if cmp_stamps(t, m) == Ordering::Greater {
        t
    } else {
        m.or(t)
    }
}

/// Two RFC 3339 timestamps in time order, read as instants: as text "…05Z" would sort after "…05.123Z",
/// and "11:00+01:00" after "10:30Z". A stamp that reads counts as later than one that does not (or is
/// missing); two that do not read are compared as text.
fn cmp_stamps(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    let (a, b) = (a.and_then(Value::as_str), b.and_then(Value::as_str));
    let at = |s: Option<&str>| s.and_then(|s| DateTime::parse_from_rfc3339(s).ok());
    match (at(a), at(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => a.cmp(&b),
    }
}

/// Three versions of a map (children per intervention, a band) merged key by key; `None` when they are not
/// all maps or a key was changed on both sides.
fn merge_maps(
    b: Option<&Value>,
    t: Option<&Value>,
    m: Option<&Value>,
) -> Option<Map<String, Value>> {
    fn map(v: Option<&Value>) -> Option<Map<String, Value>> {
        match v {
            None | Some(Value::Null) => Some(Map::new()),
            Some(Value::Object(o)) => Some(o.clone()),
            _ => None,
        }
    }
    let (b, t, m) = (map(b)?, map(t)?, map(m)?);
    let (out, conflicts) = merge_objects(&b, &t, &m);
    conflicts.is_empty().then_some(out)
}

/// A note both sides corrected: notes can be corrected but never deleted, so nothing is asked. The later
/// correction is the text; the other side's text joins the earlier wordings (`earlier_versions`, each side's
/// kept once), dated when the later one replaced it. `None` for items that keep no earlier wordings.
fn merge_corrections(t: &Map<String, Value>, m: &Map<String, Value>) -> Option<Map<String, Value>> {
    let (Some(Value::Array(te)), Some(Value::Array(me))) =
        (t.get("earlier_versions"), m.get("earlier_versions"))
    else {
        return None;
    };
    let (later, earlier) = match cmp_stamps(t.get("updated_at"), m.get("updated_at")) {
        Ordering::Greater => (t, m),
        _ => (m, t),
    };
    // Each wording once (both sides replaced the same original, at their own moment: the first counts).
    let mut all: Vec<Value> = te.iter().chain(me).cloned().collect();
    let replaced = later.get("updated_at").cloned().unwrap_or(Value::Null);
    if let Some(text) = earlier
        .get("text")
        .filter(|x| Some(*x) != later.get("text"))
    {
        all.push(serde_json::json!({ "text": text, "replaced_at": replaced }));
    }
    all.stable_sort_by(|a, b| cmp_stamps(a.get("replaced_at"), b.get("replaced_at")));
    let mut versions: Vec<Value> = Vec::new();
    for v in all {
        if !versions.iter().any(|x| x.get("text") == v.get("text")) {
            versions.push(v);
        }
    }
    let mut out = later.clone();
    out.insert("earlier_versions".into(), Value::Array(versions));
    Some(out)
}

/// The id of a list item, if it is an object with one.
fn item_id(v: &Value) -> Option<&str> {
    v.get("id")?.as_str()
}

/// Three versions of a list of items with ids, merged item by item; `None` when they are not such lists or
/// an item was changed on both sides (or changed on one and removed on the other). The result keeps the
/// other side's order, with this side's new items next to the items they stand beside here.
fn merge_lists(b: Option<&Value>, t: Option<&Value>, m: Option<&Value>) -> Option<Vec<Value>> {
    let empty = Vec::new();
    let list = |v: Option<&Value>| -> Option<Vec<Value>> {
        match v {
            None | Some(Value::Null) => Some(empty.clone()),
            Some(Value::Array(a)) if a.iter().all(|x| item_id(x).is_some()) => Some(a.clone()),
            _ => None,
        }
    };
    let (b, t, m) = (list(b)?, list(t)?, list(m)?);
    let find = |l: &[Value], id: &str| l.iter().position(|x| item_id(x) == Some(id));
    let mut out = t.clone();
    // Removed here: gone, unless the other side changed it meanwhile.
    for bi in &b {
        let id = item_id(bi)?;
        if find(&m, id).is_none() {
            match find(&out, id) {
                Some(i) if out[i] == *bi => {
                    out.remove(i);
                }
                Some(_) => return None,
                None => {}
            }
        }
    }
    for (k, mi) in m.iter().enumerate() {
        let id = item_id(mi)?;
        let bi = find(&b, id).map(|i| &b[i]);
        match (bi, find(&out, id)) {
            (Some(bi), Some(i)) => {
                let ti = &out[i];
                if mi == bi || mi == ti {
                } else if ti == bi {
                    out[i] = mi.clone();
                } else {
                    // Both changed the item: merge its fields, or give up on the list.
                    let (Value::Object(bo), Value::Object(to), Value::Object(mo)) = (bi, ti, mi)
                    else {
                        return None;
                    };
                    let (merged, c) = merge_objects(bo, to, mo);
                    if c.is_empty() {
                        out[i] = Value::Object(merged);
                    } else {
                        out[i] = Value::Object(merge_corrections(to, mo)?);
                    }
                }
            }
            // Removed on the other side: gone, unless this side changed it.
            (Some(bi), None) => {
                if mi != bi {
                    return None;
                }
            }
            (None, Some(i)) => {
                if out[i] != *mi {
                    return None;
                }
            }
            // New here: after the item it follows here, else before the one it precedes, else last.
            (None, None) => {
                let after = m[..k]
                    .iter()
                    .rev()
                    .filter_map(item_id)
                    .find_map(|prev| find(&out, prev))
                    .map(|i| i + 1);
                let before = || {
                    m[k + 1..]
                        .iter()
                        .filter_map(item_id)
                        .find_map(|next| find(&out, next))
                };
                let at = after.or_else(before).unwrap_or(out.len());
                out.insert(at, mi.clone());
            }
        }
    }
    Some(out)
}

/// `merged` with the conflicting fields the user gave to the other side (`take_theirs[i]` for
/// `conflicts[i]`) set to the other side's value.
pub fn choose<T: Serialize + DeserializeOwned>(
    merged: &T,
    conflicts: &[FieldConflict],
    take_theirs: &[bool],
) -> T {
    let Ok(Value::Object(mut m)) = serde_json::to_value(merged) else {
        return clone_via_json(merged);
    };
    for (c, theirs) in conflicts.iter().zip(take_theirs) {
        if *theirs {
            m.insert(c.field.clone(), c.theirs.clone());
        }
    }
    super::json::read::<T>(&Value::Object(m)).unwrap_or_else(|_| clone_via_json(merged))
}

fn clone_via_json<T: Serialize + DeserializeOwned>(t: &T) -> T {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| super::json::read::<T>(&v).ok())
        .expect("a model value reads back what it writes")
}

/// One record as this side changed it: as it was when this side last had the stored copy (`base`), and as
/// it is now (`mine`, with its place: `Place::Keep` where this side did not move it); `None` where it did
/// not (or no longer does) exist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordChange {
    pub record: RecordRef,
    pub base: Option<Record>,
    pub mine: Option<(Place, Record)>,
}

/// A record both sides changed: what was kept (mine, field conflicts resolved to mine) and what the other
/// side had, so nothing is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordConflict {
    pub record: RecordRef,
    pub fields: Vec<FieldConflict>,
    /// The other side's version (None: the other side removed it).
    pub theirs: Option<Record>,
    /// This side removed a record the other side changed: the other side's version was kept.
    pub kept_theirs: bool,
}

/// What `rebase` produced: the commands that bring `changes` onto the other copy, and the conflicts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rebased {
    pub commands: Vec<Command>,
    pub conflicts: Vec<RecordConflict>,
}

/// Two tabs' changes of one record, as one change on the stored version: a field changed on one side only
/// is taken from that side, a field both changed from `later`, and a move from whichever side moved it
/// (`later` if both did). Where they were not made on the same stored version, or one side removed the
/// record, `later` stands.
pub fn combine_changes(earlier: &RecordChange, later: &RecordChange) -> Option<(Place, Record)> {
    // One version made on top of the other (a tab that brought the first tab's journal back and edited
    // on): the newer one holds all of it. Merging them field by field would undo the newer edit.
    if let (Some((_, e)), Some((_, l))) = (&earlier.mine, &later.mine) {
        let (re, rl) = (e.view().revisions(), l.view().revisions());
        if !re.is_empty() && re.is_ancestor_of(rl) {
            return later.mine.clone();
        }
        if !rl.is_empty() && re != rl && rl.is_ancestor_of(re) {
            return earlier.mine.clone();
        }
    }
    match (&earlier.base, &earlier.mine, &later.mine) {
        (Some(base), Some((pe, e)), Some((pl, l)))
            if later
                .base
                .as_ref()
                .is_some_and(|b| super::revision::same_version(b.view(), base.view())) =>
        {
            let (merged, _) = merge_records(base, e, l);
            let place = if *pl == Place::Keep { *pe } else { *pl };
            Some((place, merged))
        }
        _ => later.mine.clone(),
    }
}

fn merge_records(base: &Record, theirs: &Record, mine: &Record) -> (Record, Vec<FieldConflict>) {
    macro_rules! merge {
        ($($v:ident),*) => {
            match (base, theirs, mine) {
                $((Record::$v(b), Record::$v(t), Record::$v(m)) => {
                    let (r, c) = merge_fields(b, t, m);
                    (Record::$v(r), c)
                })*
                (
                    Record::Intervention { intervention: b, .. },
                    Record::Intervention { intervention: t, step: ts },
                    Record::Intervention { intervention: m, step: ms },
                ) => {
                    let (r, mut c) = merge_fields(b, t, m);
                    let bs = match base { Record::Intervention { step, .. } => *step, _ => *ms };
                    // The step is a field too: moved on one side only, that side wins.
                    let step = if *ms == bs { *ts } else { *ms };
                    if *ms != bs && *ts != bs && ts != ms {
                        c.push(FieldConflict {
                            field: "step".into(),
                            theirs: Value::String(ts.to_string()),
                            mine: Value::String(ms.to_string()),
                        });
                    }
                    (Record::Intervention { step, intervention: r }, c)
                }
                _ => (mine.clone(), Vec::new()),
            }
        };
    }
    merge!(
        Step,
        Measurement,
        Meeting,
        Template,
        Goal,
        Track,
        Initiative,
        Indicator,
        TimelineRow
    )
}

/// `merged` with the conflicting fields the user gave to the other side (`take_theirs[i]` for
/// `conflicts[i]`) set to the other side's value; an intervention's step is one of its fields.
pub fn choose_record(merged: &Record, conflicts: &[FieldConflict], take_theirs: &[bool]) -> Record {
    macro_rules! pick {
        ($($v:ident),*) => {
            match merged {
                $(Record::$v(r) => Record::$v(choose(r, conflicts, take_theirs)),)*
                Record::Intervention { step, intervention } => {
                    let mut step = *step;
                    for (c, theirs) in conflicts.iter().zip(take_theirs) {
                        if *theirs && c.field == "step" {
                            if let Some(s) = c.theirs.as_str().and_then(|s| s.parse().ok()) {
                                step = s;
                            }
                        }
                    }
                    Record::Intervention { step, intervention: choose(intervention, conflicts, take_theirs) }
                }
            }
        };
    }
    pick!(
        Step,
        Measurement,
        Meeting,
        Template,
        Goal,
        Track,
        Initiative,
        Indicator,
        TimelineRow
    )
}

/// Three versions of a workspace-wide setting merged field by field (the follow-up rules by their own
/// fields; the set-aside list item by item). Conflicting fields keep `mine`'s value.
pub fn merge_setting(
    base: &Command,
    theirs: &Command,
    mine: &Command,
) -> (Command, Vec<FieldConflict>) {
    match (base, theirs, mine) {
        (
            Command::SetFollowUp { rules: b },
            Command::SetFollowUp { rules: t },
            Command::SetFollowUp { rules: m },
        ) => {
            let (rules, c) = merge_fields(b, t, m);
            (Command::SetFollowUp { rules }, c)
        }
        // Deletions and kept versions are never a conflict: both sides' are kept, less those one side
        // has settled since.
        (_, Command::SetBranches { items: t }, Command::SetBranches { items: m }) => (
            Command::SetBranches {
                items: super::branches::union(m, t),
            },
            Vec::new(),
        ),
        _ => merge_fields(base, theirs, mine),
    }
}

/// `merged` with the fields the user gave to the other side set to its value (see `choose`).
pub fn choose_setting(
    merged: &Command,
    conflicts: &[FieldConflict],
    take_theirs: &[bool],
) -> Command {
    match merged {
        Command::SetFollowUp { rules } => Command::SetFollowUp {
            rules: choose(rules, conflicts, take_theirs),
        },
        other => choose(other, conflicts, take_theirs),
    }
}

/// What a form had on screen of the things its save changes: a record, or a workspace-wide setting (as the
/// command that sets it).
#[derive(Clone, Debug, PartialEq)]
pub enum Seen {
    Record(Record),
    Setting(Command),
}

/// What a field conflict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Record(RecordRef),
    Setting(Setting),
}

/// A field both the user and someone else (another tab, or another form in this one) changed since the form
/// opened: the user is asked which value to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub target: Target,
    pub conflict: FieldConflict,
}

/// The user's answers to what was asked: `take_theirs[i]` keeps the other side's value of `asked[i]`.
#[derive(Clone, Copy, Debug)]
pub struct Answers<'a> {
    pub asked: &'a [Asked],
    pub take_theirs: &'a [bool],
}

impl Answers<'_> {
    /// The answer for `a`, if the user was asked about the same field with the same other value (this
    /// side's value may differ: a new save stamps it again).
    fn for_(&self, a: &Asked) -> Option<bool> {
        self.asked
            .iter()
            .position(|x| {
                x.target == a.target
                    && x.conflict.field == a.conflict.field
                    && x.conflict.theirs == a.conflict.theirs
            })
            .map(|i| self.take_theirs.get(i).copied().unwrap_or(false))
    }
}

fn flatten(cmd: Command, out: &mut Vec<Command>) {
    match cmd {
        Command::Batch { commands } | Command::Replicate { commands } => {
            commands.into_iter().for_each(|c| flatten(c, out))
        }
        c => out.push(c),
    }
}

/// A form's save, made on the versions it opened (`seen`), brought onto the workspace as it is now. `cmd` is
/// the edit as the form made it on the workspace as it is now (so every record it puts holds the form's
/// fields over the current ones). For each record or setting the form had seen and that changed meanwhile,
/// the fields the user did not change take the current value, the user's changes are kept, and a field
/// changed on both sides is asked (`Err`), unless `answers` holds the user's choice for exactly those fields.
/// A record removed meanwhile comes back with the user's edit (never lost). Places: a put that keeps its
/// record's place keeps the current one, so a record moved meanwhile stays where it was moved. This is the
/// same merge that brings a tab's unsaved records onto another tab's save (`rebase`), asking instead of
/// keeping this side's value.
pub fn rebase_form(
    ws: &super::Workspace,
    seen: &[Seen],
    cmd: Command,
    answers: Option<Answers<'_>>,
) -> Result<Command, Vec<Asked>> {
    let mut cmds = Vec::new();
    flatten(cmd, &mut cmds);
    let mut asked: Vec<Asked> = Vec::new();
    for c in cmds.iter_mut() {
        match c {
            Command::Put { place, record } => {
                let r = record.reference();
                let Some(base) = seen.iter().find_map(|s| match s {
                    Seen::Record(x) if x.reference() == r => Some(x),
                    _ => None,
                }) else {
                    continue;
                };
                match ws.view(r) {
                    Some(now) if !super::revision::same_version(base.view(), now) => {
                        let theirs = ws.record(r).map(|(_, t)| t);
                        let Some(theirs) = theirs else { continue };
                        let (merged, fields) = merge_records(base, &theirs, record);
                        asked.extend(fields.into_iter().map(|conflict| Asked {
                            target: Target::Record(r),
                            conflict,
                        }));
                        *record = merged;
                    }
                    Some(_) => {}
                    // Removed meanwhile: the user's version comes back where it can.
                    None => {
                        if let Place::After(anchor) = *place {
                            if !ws.contains(RecordRef::new(r.kind, anchor)) {
                                *place = Place::Keep;
                            }
                        }
                    }
                }
            }
            other => {
                let Some(setting) = Setting::set_by(other) else {
                    continue;
                };
                let Some(base) = seen.iter().find_map(|s| match s {
                    Seen::Setting(x) if Setting::set_by(x) == Some(setting) => Some(x),
                    _ => None,
                }) else {
                    continue;
                };
                let now = setting.of(ws);
                if now != *base {
                    let (merged, fields) = merge_setting(base, &now, other);
                    asked.extend(fields.into_iter().map(|conflict| Asked {
                        target: Target::Setting(setting),
                        conflict,
                    }));
                    *other = merged;
                }
            }
        }
    }
    if asked.is_empty() {
        return Ok(Command::batch(cmds));
    }
    let Some(answers) = answers else {
        return Err(asked);
    };
    let picks: Option<Vec<bool>> = asked.iter().map(|a| answers.for_(a)).collect();
    let Some(picks) = picks else {
        return Err(asked);
    };
    for c in cmds.iter_mut() {
        let target = match &*c {
            Command::Put { record, .. } => Target::Record(record.reference()),
            other => match Setting::set_by(other) {
                Some(s) => Target::Setting(s),
                None => continue,
            },
        };
        let (fields, take): (Vec<FieldConflict>, Vec<bool>) = asked
            .iter()
            .zip(&picks)
            .filter(|(a, _)| a.target == target)
            .map(|(a, p)| (a.conflict.clone(), *p))
            .unzip();
        if fields.is_empty() {
            continue;
        }
        match c {
            Command::Put { record, .. } => *record = choose_record(record, &fields, &take),
            other => {
                let chosen = choose_setting(other, &fields, &take);
                *other = chosen;
            }
        }
    }
    Ok(Command::batch(cmds))
}

/// The commands that put this side's `changes` onto `theirs` (another copy of the same workspace, possibly
/// changed meanwhile). Apply them as one batch; a command that no longer fits (its anchor is gone) falls back
/// to keeping the record's place.
pub fn rebase(theirs: &super::Workspace, changes: &[RecordChange]) -> Rebased {
    let mut out = Rebased::default();
    for c in changes {
        let now_theirs = theirs.record(c.record).map(|(_, r)| r);
        let place_for = |place: Place| match place {
            Place::After(anchor) if !theirs.contains(RecordRef::new(c.record.kind, anchor)) => {
                Place::Keep
            }
            p => p,
        };
        // Mine is already in theirs: their version descends from it (a journal older than the save that
        // stored it and more since, say). Bringing it again would undo what came after.
        if let (Some((_, m)), Some(t)) = (&c.mine, &now_theirs) {
            let (rm, rt) = (m.view().revisions(), t.view().revisions());
            if !rm.is_empty() && rm != rt && rm.is_ancestor_of(rt) {
                continue;
            }
        }
        match (&c.base, &now_theirs, &c.mine) {
            // Unchanged on the other side (or changed to the same): mine as it is.
            // (A place of `Keep` says this side did not move the record.)
            // Exactly as it is, revisions included: mine was made on this very version (or is another
            // copy's version taken in by a merge), so it is not a new edit.
            (b, t, Some((place, m))) if b == t || t.as_ref() == Some(m) => {
                out.commands.push(Command::Replicate {
                    commands: vec![Command::Put {
                        place: place_for(*place),
                        record: m.clone(),
                    }],
                })
            }
            (b, t, None) if b == t && t.is_some() => {
                out.commands.push(Command::Remove { record: c.record });
            }
            // Both changed it.
            (Some(b), Some(t), Some((place, m))) => {
                let (merged, fields) = merge_records(b, t, m);
                if !fields.is_empty() {
                    out.conflicts.push(RecordConflict {
                        record: c.record,
                        fields,
                        theirs: Some(t.clone()),
                        kept_theirs: false,
                    });
                }
                out.commands.push(Command::Put {
                    place: place_for(*place),
                    record: merged,
                });
            }
            // They removed what I changed: mine comes back.
            (Some(_), None, Some((place, m))) => {
                out.conflicts.push(RecordConflict {
                    record: c.record,
                    fields: Vec::new(),
                    theirs: None,
                    kept_theirs: false,
                });
                out.commands.push(Command::Put {
                    place: place_for(*place),
                    record: m.clone(),
                });
            }
            // I removed what they changed: theirs stays, so their work is not lost.
            (Some(_), Some(t), None) => out.conflicts.push(RecordConflict {
                record: c.record,
                fields: Vec::new(),
                theirs: Some(t.clone()),
                kept_theirs: true,
            }),
            // Both created it (same id): mine, fields merged against an empty base would be guesswork.
            (None, Some(t), Some((_, m))) => {
                out.conflicts.push(RecordConflict {
                    record: c.record,
                    fields: Vec::new(),
                    theirs: Some(t.clone()),
                    kept_theirs: false,
                });
                out.commands.push(Command::put(m.clone()));
            }
            // Gone on both sides, or new only on theirs: nothing of mine to bring.
            _ => {}
        }
    }
    out
}

/// The workspace-wide settings, each as the command that sets it: what a journal keeps and a merge compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Info,
    FollowUp,
    PlanInfo,
    SetAside,
    AsOf,
    Branches,
}

impl Setting {
    pub const ALL: [Setting; 6] = [
        Setting::Info,
        Setting::FollowUp,
        Setting::PlanInfo,
        Setting::SetAside,
        Setting::AsOf,
        Setting::Branches,
    ];

    /// The setting as it is in `ws`.
    pub fn of(self, ws: &super::Workspace) -> Command {
        match self {
            Setting::Info => Command::SetInfo {
                name: ws.name.clone(),
                municipality: ws.municipality.clone(),
                description: ws.description.clone(),
            },
            Setting::FollowUp => Command::SetFollowUp {
                rules: ws.follow_up.clone(),
            },
            Setting::PlanInfo => Command::SetPlanInfo {
                title: ws.plan.title.clone(),
                period: ws.plan.period.clone(),
                stale_after_days: ws.plan.stale_after_days,
            },
            Setting::SetAside => Command::SetSetAside {
                items: ws.set_aside.clone(),
            },
            Setting::AsOf => Command::SetAsOf { as_of: ws.as_of },
            Setting::Branches => Command::SetBranches {
                items: ws.branches.clone(),
            },
        }
    }

    /// The setting a command sets, if it is one.
    pub fn set_by(cmd: &Command) -> Option<Setting> {
        match cmd {
            Command::SetInfo { .. } => Some(Setting::Info),
            Command::SetFollowUp { .. } => Some(Setting::FollowUp),
            Command::SetPlanInfo { .. } => Some(Setting::PlanInfo),
            Command::SetSetAside { .. } => Some(Setting::SetAside),
            Command::SetAsOf { .. } => Some(Setting::AsOf),
            Command::SetBranches { .. } => Some(Setting::Branches),
            _ => None,
        }
    }

    pub fn touched(changes: &super::commands::Changes) -> Vec<Setting> {
        let mut out = Vec::new();
        for (on, s) in [
            (changes.info, Setting::Info),
            (changes.follow_up, Setting::FollowUp),
            (changes.plan_info, Setting::PlanInfo),
            (changes.set_aside, Setting::SetAside),
            (changes.as_of, Setting::AsOf),
            (changes.branches, Setting::Branches),
        ] {
            if on {
                out.push(s);
            }
        }
        out
    }
}

/// A setting as it was stored (`base`) and as this side has it now (`mine`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingChange {
    pub setting: Setting,
    pub base: Command,
    pub mine: Command,
}

/// The command that brings this side's change of a setting onto `theirs`, field by field (the set-aside
/// list: entries added or removed on either side); `None` when nothing of mine is left to bring.
pub fn rebase_setting(theirs: &super::Workspace, c: &SettingChange) -> Option<Command> {
    let now = c.setting.of(theirs);
    if now == c.base {
        return Some(c.mine.clone());
    }
    if c.mine == c.base || now == c.mine {
        return None;
    }
    Some(merge_setting(&c.base, &now, &c.mine).0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::apply;
    use crate::model::*;

    fn meeting() -> Meeting {
        Meeting {
            case_ref: "Sag 1".into(),
            notes: "Første".into(),
            ..Meeting::default()
        }
    }

    #[test]
    fn a_journal_made_on_top_of_another_tabs_replaces_it_and_is_not_merged_back() {
        // Tab 1 changed the notes; tab 2 brought tab 1's journal back, then put the notes back as they were.
        let mut ws = Workspace::new("x");
        let m = meeting();
        let r = RecordRef::new(crate::model::record::RecordKind::Meeting, m.id);
        apply(&mut ws, Command::put(Record::Meeting(m.clone()))).unwrap();
        let base = ws.record(r).unwrap().1;
        let mut changed = m.clone();
        changed.notes = "Ændret i fane 1".into();
        apply(&mut ws, Command::put(Record::Meeting(changed))).unwrap();
        let first = ws.record(r).unwrap().1;
        apply(&mut ws, Command::put(Record::Meeting(m))).unwrap();
        let second = ws.record(r).unwrap().1;
        let change = |mine: &Record| RecordChange {
            record: r,
            base: Some(base.clone()),
            mine: Some((Place::Keep, mine.clone())),
        };
        let (_, got) = combine_changes(&change(&first), &change(&second)).unwrap();
        assert_eq!(
            got, second,
            "the later version, not a field merge that brings tab 1's notes back"
        );
        let (_, got) = combine_changes(&change(&second), &change(&first)).unwrap();
        assert_eq!(got, second, "also when the older one was written last");
    }

    #[test]
    fn fields_changed_on_one_side_each_are_both_kept() {
        let base = meeting();
        let theirs = Meeting {
            notes: "Anden fane".into(),
            ..base.clone()
        };
        let mine = Meeting {
            chair: "Lise".into(),
            ..base.clone()
        };
        let (m, conflicts) = merge_fields(&base, &theirs, &mine);
        assert!(conflicts.is_empty());
        assert_eq!(m.notes, "Anden fane");
        assert_eq!(m.chair, "Lise");
    }

    #[test]
    fn a_field_changed_on_both_sides_is_a_conflict_with_both_values() {
        let base = meeting();
        let theirs = Meeting {
            notes: "A".into(),
            ..base.clone()
        };
        let mine = Meeting {
            notes: "B".into(),
            ..base.clone()
        };
        let (m, conflicts) = merge_fields(&base, &theirs, &mine);
        assert_eq!(m.notes, "B");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, "notes");
        assert_eq!(conflicts[0].theirs, Value::String("A".into()));
    }

    #[test]
    fn the_user_chooses_per_field() {
        let base = meeting();
        let theirs = Meeting {
            notes: "A".into(),
            chair: "Ole".into(),
            ..base.clone()
        };
        let mine = Meeting {
            notes: "B".into(),
            chair: "Lise".into(),
            ..base.clone()
        };
        let (m, conflicts) = merge_fields(&base, &theirs, &mine);
        let fields: Vec<&str> = conflicts.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, vec!["chair", "notes"]);
        let chosen = choose(&m, &conflicts, &[true, false]);
        assert_eq!(chosen.chair, "Ole");
        assert_eq!(chosen.notes, "B");
    }

    #[test]
    fn rebase_keeps_the_other_sides_records_and_adds_mine() {
        let mut stored = Workspace::new("x");
        let a = meeting();
        stored.meetings.push(a.clone());
        // The other tab changed a's notes and added c; this side changed a's chair and added b.
        let mut theirs = stored.clone();
        theirs.meetings[0].notes = "Anden fane".into();
        let c = Meeting {
            case_ref: "C".into(),
            ..Meeting::default()
        };
        theirs.meetings.push(c.clone());
        let mine_a = Meeting {
            chair: "Lise".into(),
            ..a.clone()
        };
        let b = Meeting {
            case_ref: "B".into(),
            ..Meeting::default()
        };
        let changes = vec![
            RecordChange {
                record: RecordRef::new(record::RecordKind::Meeting, a.id),
                base: Some(Record::Meeting(a.clone())),
                mine: Some((Place::Keep, Record::Meeting(mine_a))),
            },
            RecordChange {
                record: RecordRef::new(record::RecordKind::Meeting, b.id),
                base: None,
                mine: Some((Place::After(a.id), Record::Meeting(b.clone()))),
            },
        ];
        let r = rebase(&theirs, &changes);
        assert!(r.conflicts.is_empty());
        let mut ws = theirs.clone();
        apply(&mut ws, Command::batch(r.commands)).unwrap();
        assert_eq!(ws.meetings.len(), 3);
        assert_eq!(ws.meetings[0].notes, "Anden fane");
        assert_eq!(ws.meetings[0].chair, "Lise");
        assert_eq!(ws.meetings[1].id, b.id);
        assert_eq!(ws.meetings[2].id, c.id);
    }

    #[test]
    fn a_rename_in_one_tab_and_a_description_in_the_other_are_both_kept() {
        let stored = Workspace::new("Køge");
        let mut theirs = stored.clone();
        theirs.name = "Fane A".into();
        let mut mine = stored.clone();
        mine.description = "Fra fane B".into();
        let c = SettingChange {
            setting: Setting::Info,
            base: Setting::Info.of(&stored),
            mine: Setting::Info.of(&mine),
        };
        let mut ws = theirs.clone();
        apply(&mut ws, rebase_setting(&theirs, &c).unwrap()).unwrap();
        assert_eq!(ws.name, "Fane A");
        assert_eq!(ws.description, "Fra fane B");
    }

    #[test]
    fn my_delete_of_a_record_they_changed_keeps_theirs() {
        let mut theirs = Workspace::new("x");
        let a = meeting();
        let changed = Meeting {
            notes: "Vigtigt".into(),
            ..a.clone()
        };
        theirs.meetings.push(changed);
        let r = rebase(
            &theirs,
            &[RecordChange {
                record: RecordRef::new(record::RecordKind::Meeting, a.id),
                base: Some(Record::Meeting(a)),
                mine: None,
            }],
        );
        assert!(r.commands.is_empty());
        assert!(r.conflicts[0].kept_theirs);
    }

    #[test]
    fn later_stamps_are_read_as_dates_not_text() {
        let t = Value::String("2026-12-06T10:00:05Z".into());
        let m = Value::String("2026-12-06T10:00:05.123Z".into());
        assert_eq!(later_stamp(Some(&t), Some(&m)), Some(&m));
        assert_eq!(later_stamp(Some(&m), Some(&t)), Some(&m));
    }

    #[test]
    fn later_stamps_are_instants_whatever_their_offset() {
        let s = |x: &str| Value::String(x.into());
        // 11:00+01:00 is 10:00Z, earlier than 10:30Z, though its text sorts later.
        let (t, m) = (s("2026-12-06T11:00:00+01:00"), s("2026-12-06T10:30:00Z"));
        assert_eq!(later_stamp(Some(&t), Some(&m)), Some(&m));
        assert_eq!(later_stamp(Some(&m), Some(&t)), Some(&m));
        // 10:30+01:00 is 09:30Z, earlier than 10:00Z; and 12:00+02:00 is 10:00Z, the same moment: mine wins.
        let (t, m) = (s("2026-12-06T10:00:00Z"), s("2026-12-06T10:30:00+01:00"));
        assert_eq!(later_stamp(Some(&t), Some(&m)), Some(&t));
        let (t, m) = (s("2026-12-06T12:00:00+02:00"), s("2026-12-06T10:00:00Z"));
        assert_eq!(later_stamp(Some(&t), Some(&m)), Some(&m));
        assert_eq!(later_stamp(Some(&m), Some(&t)), Some(&t));
    }

    #[test]
    fn a_stamp_that_reads_beats_one_that_does_not_and_two_that_do_not_go_by_text() {
        let s = |x: &str| Value::String(x.into());
        let (good, bad) = (s("2026-12-06T10:00:00Z"), s("2026-12-07"));
        assert_eq!(later_stamp(Some(&good), Some(&bad)), Some(&good));
        assert_eq!(later_stamp(Some(&bad), Some(&good)), Some(&good));
        assert_eq!(later_stamp(Some(&Value::Null), Some(&good)), Some(&good));
        assert_eq!(later_stamp(Some(&good), None), Some(&good));
        assert_eq!(later_stamp(None, Some(&good)), Some(&good));
        let (later, earlier) = (s("2026-12-07 10:00"), s("2026-12-06 10:00"));
        assert_eq!(later_stamp(Some(&later), Some(&earlier)), Some(&later));
        assert_eq!(later_stamp(Some(&earlier), Some(&later)), Some(&later));
        assert_eq!(later_stamp(None, None), None);
    }

    #[test]
    fn a_record_edited_a_fraction_of_a_second_later_keeps_the_later_stamp() {
        // Serialized, the whole second reads "…:05Z" and the later one "…:05.123Z", which sorts earlier as text.
        let at = |ms| {
            chrono::DateTime::parse_from_rfc3339("2026-12-06T10:00:05Z")
                .unwrap()
                .to_utc()
                + chrono::Duration::milliseconds(ms)
        };
        let base = Meeting {
            updated_at: at(-1000),
            ..meeting()
        };
        let theirs = Meeting {
            case_ref: "Sag 2".into(),
            updated_at: at(123),
            ..base.clone()
        };
        let mine = Meeting {
            notes: "Anden".into(),
            updated_at: at(0),
            ..base.clone()
        };
        let (merged, conflicts) = merge_fields(&base, &theirs, &mine);
        assert!(conflicts.is_empty());
        assert_eq!(merged.updated_at, at(123));
        let (merged, _) = merge_fields(&base, &mine, &theirs);
        assert_eq!(merged.updated_at, at(123));
    }

    #[test]
    fn the_later_correction_of_a_note_is_found_by_instant() {
        let note = |text: &str, at: &str| {
            serde_json::json!({"id": "n", "text": text, "updated_at": at, "earlier_versions": []})
                .as_object()
                .unwrap()
                .clone()
        };
        // Theirs at 11:00+01:00 (10:00Z), mine at 10:30Z: mine is the later correction.
        let t = note("Deres", "2026-12-06T11:00:00+01:00");
        let m = note("Min", "2026-12-06T10:30:00Z");
        let out = merge_corrections(&t, &m).unwrap();
        assert_eq!(out["text"], "Min");
        assert_eq!(out["earlier_versions"][0]["text"], "Deres");
        let out = merge_corrections(&m, &t).unwrap();
        assert_eq!(out["text"], "Min");
    }

    #[test]
    fn lists_of_items_with_ids_merge_item_by_item() {
        let item = |id: &str, text: &str| serde_json::json!({"id": id, "text": text});
        let list = |items: Vec<Value>| Value::Array(items);
        let base = list(vec![item("a", "A"), item("b", "B"), item("c", "C")]);
        // Theirs: b changed, d added at the end. Mine: c removed, e added after a.
        let theirs = list(vec![
            item("a", "A"),
            item("b", "B2"),
            item("c", "C"),
            item("d", "D"),
        ]);
        let mine = list(vec![item("a", "A"), item("e", "E"), item("b", "B")]);
        let merged = merge_lists(Some(&base), Some(&theirs), Some(&mine)).unwrap();
        assert_eq!(
            merged,
            vec![
                item("a", "A"),
                item("e", "E"),
                item("b", "B2"),
                item("d", "D")
            ]
        );
        // One item changed on both sides, in different fields: merged; in the same field: a conflict.
        let t2 = list(vec![
            serde_json::json!({"id": "a", "text": "A", "done": true}),
        ]);
        let m2 = list(vec![
            serde_json::json!({"id": "a", "text": "A!", "done": null}),
        ]);
        let b2 = list(vec![
            serde_json::json!({"id": "a", "text": "A", "done": null}),
        ]);
        assert_eq!(
            merge_lists(Some(&b2), Some(&t2), Some(&m2)).unwrap(),
            vec![serde_json::json!({"id": "a", "text": "A!", "done": true})]
        );
        let t3 = list(vec![item("a", "X")]);
        let m3 = list(vec![item("a", "Y")]);
        assert_eq!(merge_lists(Some(&b2), Some(&t3), Some(&m3)), None);
        // Changed on one side, removed on the other: a conflict, never a silent loss.
        let removed = list(vec![]);
        assert_eq!(merge_lists(Some(&t3), Some(&removed), Some(&m3)), None);
        // Lists of plain values are not merged item by item.
        let plain = serde_json::json!(["x"]);
        assert_eq!(merge_lists(Some(&plain), Some(&plain), Some(&plain)), None);
    }
}
