//! A workspace as browser storage keeps it: in parts, so a save writes only what an edit changed. A small
//! head (envelope, the workspace's own fields and settings), the records in packs (`pack/meeting/07`: a
//! JSON object from id to record), one part per list's order (`order/meeting`; interventions by step), and
//! the set-aside list. Loading puts the parts back together into the shape of a file and reads it like
//! one, so storage and files share one load path (and one set of repairs).
//!
//! Why packs: browser storage costs per stored value far more than per byte. In Chromium, 10,000 values
//! of 2 KB take about 0.6 s to write and 0.25 s to read; 100 values of 200 KB, the same 20 MB, 0.04 s and
//! 0.05 s. So each record kind is spread over at most `PACKS` parts by its id, and an edit rewrites the one
//! pack its record is in (a 64th of the kind). Trappe before packs stored one part per record
//! (`meeting/<id>`); such parts are still read, and the first save after writes the workspace in packs.

use super::envelope::{app_version, FORMAT, VERSION};
use super::import::{read_document, ImportError, Imported};
use super::pace::{Pace, Steps};
use super::scan;
use crate::model::commands::Changes;
use crate::model::record::{RecordKind, RecordRef, RecordView};
use crate::model::set_aside::{found as place, names, Note};
use crate::model::sorting::StableSort;
use crate::model::{FollowUpRules, Id, SetAsideReason, Workspace};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

pub const HEAD: &str = "head";
pub const SET_ASIDE: &str = "set_aside";

pub fn record_key(r: RecordRef) -> String {
    format!("{}/{}", r.kind.key(), r.id)
}

pub fn order_key(kind: RecordKind) -> String {
    format!("order/{}", kind.key())
}

/// How many packs a kind of records is spread over, at most.
pub const PACKS: u64 = 64;

const PACK_PREFIX: &str = "pack/";

/// The pack a record belongs in, from all of its id (ids from other programs need not be random in any
/// one place): the halves folded together, then spread by a multiplicative hash.
fn slot(id: Id) -> u8 {
    let v = id.as_u128();
    let folded = (v as u64) ^ ((v >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) % PACKS) as u8
}

pub fn pack_key(kind: RecordKind, slot: u8) -> String {
    format!("{PACK_PREFIX}{}/{slot:02}", kind.key())
}

/// Whether a part key names a pack of records.
pub fn is_pack(key: &str) -> bool {
    key.starts_with(PACK_PREFIX)
}

/// The kind of records a pack key holds.
fn pack_kind(key: &str) -> Option<RecordKind> {
    let (kind, _) = key.strip_prefix(PACK_PREFIX)?.split_once('/')?;
    RecordKind::from_key(kind)
}

/// Whether stored parts hold records one per part, as Trappe before packs stored them: the workspace is
/// then written whole, in packs, at its next save.
pub fn has_single_records(parts: &[(String, String)]) -> bool {
    parts.iter().any(|(k, _)| {
        k.split_once('/')
            .is_some_and(|(kind, _)| RecordKind::from_key(kind).is_some())
    })
}

/// How many parts `all_parts` writes for `ws`: the head, the set-aside list, one order per kind of record
/// and one per pack in use. A save is confirmed by counting them in storage.
pub fn part_count(ws: &Workspace) -> usize {
    let packs: std::collections::HashSet<(RecordKind, u8)> = ws
        .views()
        .map(|v| {
            let r = v.reference();
            (r.kind, slot(r.id))
        })
        .collect();
    2 + RecordKind::ALL.len() + packs.len()
}

/// The key of the pack record `r` is stored in.
pub fn pack_key_of(r: RecordRef) -> String {
    pack_key(r.kind, slot(r.id))
}

/// Packs being written: each one's JSON text, in the order of their first record.
#[derive(Default)]
struct Packs {
    index: HashMap<(RecordKind, u8), usize>,
    texts: Vec<(String, String)>,
}

impl Packs {
    fn add(&mut self, kind: RecordKind, slot: u8, id: Id, record: &str) {
        let i = *self.index.entry((kind, slot)).or_insert_with(|| {
            self.texts.push((pack_key(kind, slot), String::new()));
            self.texts.len() - 1
        });
        let text = &mut self.texts[i].1;
        text.push(if text.is_empty() { '{' } else { ',' });
        text.push('"');
        text.push_str(&id.to_string());
        text.push_str("\":");
        text.push_str(record);
    }

    fn add_record(&mut self, v: RecordView<'_>) {
        let r = v.reference();
        self.add(r.kind, slot(r.id), r.id, &record_json(v));
    }

    fn finish(self) -> Vec<(String, String)> {
        self.texts
            .into_iter()
            .map(|(k, mut t)| {
                t.push('}');
                (k, t)
            })
            .collect()
    }
}

/// What a save writes: parts to put (key, JSON) and parts to delete. `replace_all`: every other stored
/// part of the workspace goes (a new, imported or upgraded workspace).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteSet {
    pub replace_all: bool,
    pub puts: Vec<(String, String)>,
    pub deletes: Vec<String>,
}

impl WriteSet {
    pub fn bytes(&self) -> usize {
        self.puts.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

#[derive(Serialize)]
struct PlanHead<'a> {
    title: &'a str,
    period: &'a str,
    stale_after_days: u32,
}

#[derive(Serialize)]
struct WorkspaceHead<'a> {
    id: Id,
    name: &'a str,
    municipality: &'a str,
    description: &'a str,
    follow_up: &'a FollowUpRules,
    plan: PlanHead<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<chrono::NaiveDate>,
    // Deletions and kept versions are few and change with the records they name: they ride in the head.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    branches: &'a [crate::model::branches::Branch],
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Head<'a> {
    format: &'static str,
    version: u32,
    app_version: &'a str,
    exported_at: DateTime<Utc>,
    workspace: WorkspaceHead<'a>,
}

// A workspace holds only strings, numbers, maps with string keys and dates: serializing cannot fail.
fn json<T: Serialize + ?Sized>(t: &T) -> String {
    serde_json::to_string(t).unwrap_or_default()
}

fn head(ws: &Workspace, saved_at: DateTime<Utc>) -> String {
    json(&Head {
        format: FORMAT,
        version: VERSION,
        app_version: app_version(),
        exported_at: saved_at,
        workspace: WorkspaceHead {
            id: ws.id,
            name: &ws.name,
            municipality: &ws.municipality,
            description: &ws.description,
            follow_up: &ws.follow_up,
            plan: PlanHead {
                title: &ws.plan.title,
                period: &ws.plan.period,
                stale_after_days: ws.plan.stale_after_days,
            },
            as_of: ws.as_of,
            branches: &ws.branches,
            created_at: ws.created_at,
            updated_at: ws.updated_at,
        },
    })
}

fn record_json(view: RecordView<'_>) -> String {
    match view {
        RecordView::Step(s) => {
            // A step's part holds its own fields; its interventions are parts of their own.
            let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.remove("interventions");
            }
            v.to_string()
        }
        RecordView::Intervention { intervention, .. } => json(intervention),
        RecordView::Measurement(x) => json(x),
        RecordView::Meeting(x) => json(x),
        RecordView::Template(x) => json(x),
        RecordView::Goal(x) => json(x),
        RecordView::Track(x) => json(x),
        RecordView::Initiative(x) => json(x),
        RecordView::Indicator(x) => json(x),
        RecordView::TimelineRow(x) => json(x),
    }
}

fn order_json(ws: &Workspace, kind: RecordKind) -> String {
    if kind == RecordKind::Intervention {
        let by_step: Map<String, Value> = ws
            .staircase
            .steps
            .iter()
            .map(|s| {
                let ids = s
                    .interventions
                    .iter()
                    .map(|iv| Value::String(iv.id.to_string()))
                    .collect();
                (s.id.to_string(), Value::Array(ids))
            })
            .collect();
        Value::Object(by_step).to_string()
    } else {
        json(&ws.ids_of(kind))
    }
}

/// Every part of `ws`.
pub fn all_parts(ws: &Workspace, saved_at: DateTime<Utc>) -> WriteSet {
    let mut packs = Packs::default();
    for v in ws.views() {
        packs.add_record(v);
    }
    whole(ws, saved_at, packs)
}

/// `all_parts` in slices at `pace`: the browser may draw between two records.
pub async fn all_parts_paced(ws: &Workspace, saved_at: DateTime<Utc>, pace: &Pace) -> WriteSet {
    let mut packs = Packs::default();
    let steps = Steps::new(pace, ws.views().count());
    for v in ws.views() {
        packs.add_record(v);
        steps.step().await;
    }
    whole(ws, saved_at, packs)
}

/// The write set of a whole workspace whose records are in `packs`.
fn whole(ws: &Workspace, saved_at: DateTime<Utc>, packs: Packs) -> WriteSet {
    let mut puts = vec![(HEAD.to_string(), head(ws, saved_at))];
    puts.push((SET_ASIDE.to_string(), json(&ws.set_aside)));
    for kind in RecordKind::ALL {
        puts.push((order_key(kind), order_json(ws, kind)));
    }
    puts.extend(packs.finish());
    WriteSet {
        replace_all: true,
        puts,
        deletes: Vec::new(),
    }
}

/// The parts `changes` touched: the head (it carries the time of the change), the pack of each changed
/// record (or its deletion; a pack left empty is deleted), the order of each reordered list, the set-aside
/// list if it changed.
pub fn changed_parts(ws: &Workspace, changes: &Changes, saved_at: DateTime<Utc>) -> WriteSet {
    let mut w = WriteSet {
        replace_all: false,
        puts: vec![(HEAD.to_string(), head(ws, saved_at))],
        deletes: Vec::new(),
    };
    if changes.set_aside {
        w.puts.push((SET_ASIDE.to_string(), json(&ws.set_aside)));
    }
    for kind in &changes.reordered {
        w.puts.push((order_key(*kind), order_json(ws, *kind)));
    }
    // One pass over the records, writing every record of each touched pack.
    let touched: std::collections::HashSet<(RecordKind, u8)> = changes
        .records
        .iter()
        .map(|r| (r.kind, slot(r.id)))
        .collect();
    let mut packs = Packs::default();
    if !touched.is_empty() {
        for v in ws.views() {
            let r = v.reference();
            let at = (r.kind, slot(r.id));
            if touched.contains(&at) {
                packs.add(r.kind, at.1, r.id, &record_json(v));
            }
        }
    }
    let written: std::collections::HashSet<(RecordKind, u8)> =
        packs.index.keys().copied().collect();
    w.puts.extend(packs.finish());
    w.deletes.extend(
        touched
            .difference(&written)
            .map(|&(kind, slot)| pack_key(kind, slot)),
    );
    w.deletes.stable_sort();
    w
}

/// The parts with every pack opened into the records it holds, each as a part of its own
/// (`meeting/<id>`), in the pack's order. A pack that cannot be read as an object stays as it is; putting
/// the parts together sets it aside whole.
fn unpack(parts: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(parts.len());
    for (key, text) in parts {
        let Some(kind) = pack_kind(key) else {
            out.push((key.clone(), text.clone()));
            continue;
        };
        match parse_part(text) {
            Ok(Value::Object(records)) => out.extend(
                records
                    .into_iter()
                    .map(|(id, record)| (format!("{}/{id}", kind.key()), record.to_string())),
            ),
            _ => out.push((key.clone(), text.clone())),
        }
    }
    out
}

/// Stored parts put back together: a file-shaped document, and how many of its set-aside entries
/// (already in the document's `set_aside`) putting it together made.
pub struct Assembled {
    pub doc: Value,
    pub repaired: usize,
    pub left_out: usize,
}

/// What putting the parts together found wrong with storage itself, kept as set-aside entries.
#[derive(Default)]
struct Found {
    entries: Vec<Value>,
    repaired: usize,
    left_out: usize,
}

impl Found {
    fn keep(&mut self, found_at: String, reason: SetAsideReason, repaired: bool, original: &str) {
        if repaired {
            self.repaired += 1;
        } else {
            self.left_out += 1;
        }
        let entry = crate::model::SetAside {
            found_at,
            reason,
            repaired,
            original: original.to_string(),
            ..Default::default()
        };
        self.entries
            .push(serde_json::to_value(entry).unwrap_or(Value::Null));
    }
}

/// A part's text as JSON; a text that is not JSON stays in as a string, so restoring sets it aside (and
/// keeps it) instead of losing it.
fn parse_part(text: &str) -> Result<Value, ()> {
    super::tokens::parse_value(text.as_bytes()).map_err(|_| ())
}

/// A head that can be read as an envelope of this format.
fn usable_head(v: &Value) -> bool {
    v.get("format").and_then(Value::as_str) == Some(FORMAT)
        && v.get("version").and_then(Value::as_u64).is_some()
        && v.get("workspace").is_some_and(Value::is_object)
}

/// The stored parts of workspace `id` put back together as a file-shaped document. Storage is input too:
/// every part is read the way a file's record is, and nothing in it is dropped.
/// - The workspace's id is the one it is stored under, and so is each record's (`meeting/<id>`): a head or
///   record without its id (or with another) gets that one, the same at every load.
/// - A head that cannot be read is set aside and the workspace restored anyway, named `name` (from the
///   list of workspaces) when known. Only a head of a newer version is refused, by the reading after this.
/// - A set-aside list, an order or a part that cannot be read is set aside as text; records in an
///   unreadable order come in the order of their ids.
/// - A step that cannot be read keeps its interventions under a step of the same id without a name.
pub fn assemble(
    id: Id,
    parts: &[(String, String)],
    name: Option<&str>,
) -> Result<Assembled, ImportError> {
    let parts = &unpack(parts);
    let mut found = Found::default();
    let mut head: Option<&str> = None;
    let mut set_aside: Vec<Value> = Vec::new();
    let mut orders: HashMap<RecordKind, Value> = HashMap::new();
    // Per kind, by the id in the part's key: the record and its stored text.
    let mut records: HashMap<RecordKind, HashMap<String, (Value, &str)>> = HashMap::new();
    // A record stored twice under one id (in two packs, or in a pack and as a part of its own): the
    // second comes along after the others, and restoring treats it as a file's record with an id
    // already used.
    let mut twice: Vec<(RecordKind, Value)> = Vec::new();
    for (key, text) in parts {
        let text = text.as_str();
        if key == HEAD {
            head = Some(text);
        } else if key == SET_ASIDE {
            match parse_part(text) {
                Ok(Value::Array(items)) => set_aside = items,
                _ => found.keep(
                    place::SET_ASIDE_LIST.to_string(),
                    SetAsideReason::UnreadableSetAsideList,
                    false,
                    text,
                ),
            }
        } else if let Some(kind) = key.strip_prefix("order/").map(RecordKind::from_key) {
            let Some(kind) = kind else {
                found.keep(place::part(key), SetAsideReason::UnknownPart, false, text);
                continue;
            };
            match parse_part(text) {
                Ok(v @ Value::Object(_)) if kind == RecordKind::Intervention => {
                    orders.insert(kind, v);
                }
                Ok(v @ Value::Array(_)) if kind != RecordKind::Intervention => {
                    orders.insert(kind, v);
                }
                _ => found.keep(
                    place::order(kind),
                    SetAsideReason::UnreadableOrder { record: kind },
                    true,
                    text,
                ),
            }
        } else if let Some((kind, rid)) = key
            .split_once('/')
            .and_then(|(k, rid)| Some((RecordKind::from_key(k)?, rid)))
        {
            let mut value = parse_part(text).unwrap_or_else(|_| Value::String(text.to_string()));
            if let (Ok(kid), Value::Object(m)) = (rid.parse::<Id>(), &mut value) {
                let own = m.get("id").and_then(Value::as_str).map(str::parse::<Id>);
                if !matches!(own, Some(Ok(o)) if o == kid) {
                    m.insert("id".into(), Value::String(kid.to_string()));
                    found.keep(
                        place::record(kind, kid),
                        SetAsideReason::Record {
                            record: Some(kind),
                            label: super::restore::label_of_value(&value),
                            notes: vec![Note::IdFromStorageKey],
                        },
                        true,
                        text,
                    );
                }
            }
            let of_kind = records.entry(kind).or_default();
            if of_kind.contains_key(rid) {
                twice.push((kind, value));
            } else {
                of_kind.insert(rid.to_string(), (value, text));
            }
        } else if let Some(kind) = pack_kind(key) {
            found.keep(
                place::pack(kind),
                SetAsideReason::UnreadablePack { record: kind },
                false,
                text,
            );
        } else {
            found.keep(place::part(key), SetAsideReason::UnknownPart, false, text);
        }
    }
    let fresh_head = |name: Option<&str>| {
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(names::STORED_WITHOUT_NAME);
        serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "workspace": { "id": id.to_string(), "name": name },
        })
    };
    let newer = |v: &Value| {
        v.get("version")
            .and_then(Value::as_u64)
            .is_some_and(|n| n > VERSION as u64)
    };
    let mut doc = match head.map(|t| (parse_part(t), t)) {
        Some((Ok(v), _)) if usable_head(&v) || newer(&v) => v,
        Some((_, text)) => {
            found.keep(
                place::HEAD.to_string(),
                SetAsideReason::UnreadableHead {
                    name_known: name.is_some_and(|n| !n.trim().is_empty()),
                },
                false,
                text,
            );
            fresh_head(name)
        }
        None => {
            found.keep(
                place::HEAD.to_string(),
                SetAsideReason::MissingHead {
                    name_known: name.is_some_and(|n| !n.trim().is_empty()),
                },
                false,
                "",
            );
            fresh_head(name)
        }
    };
    let Some(Value::Object(ws)) = doc.get_mut("workspace") else {
        return Err(ImportError::NotAnObject);
    };
    let own = ws.get("id").and_then(Value::as_str).map(str::parse::<Id>);
    if !matches!(own, Some(Ok(o)) if o == id) {
        ws.insert("id".into(), Value::String(id.to_string()));
        found.keep(
            place::HEAD.to_string(),
            SetAsideReason::HeadIdFromStorageKey,
            true,
            head.unwrap_or(""),
        );
    }
    type ByKind<'a> = HashMap<RecordKind, HashMap<String, (Value, &'a str)>>;
    /// The records of `kind` in their stored order, with the ids of their keys and their texts.
    fn take<'a>(
        records: &mut ByKind<'a>,
        orders: &HashMap<RecordKind, Value>,
        kind: RecordKind,
    ) -> Vec<(String, Value, &'a str)> {
        let mut found = records.remove(&kind).unwrap_or_default();
        let mut out = Vec::with_capacity(found.len());
        if let Some(Value::Array(ids)) = orders.get(&kind) {
            for id in ids.iter().filter_map(Value::as_str) {
                if let Some((v, t)) = found.remove(id) {
                    out.push((id.to_string(), v, t));
                }
            }
        }
        // Records missing from the order (never expected) still come along, in key order.
        let mut rest: Vec<(String, (Value, &str))> = found.into_iter().collect();
        rest.stable_sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(rest.into_iter().map(|(id, (v, t))| (id, v, t)));
        out
    }
    fn values(list: Vec<(String, Value, &str)>) -> Vec<Value> {
        list.into_iter().map(|(_, v, _)| v).collect()
    }
    let take_values = |records: &mut ByKind, kind: RecordKind| {
        let mut list = values(take(records, &orders, kind));
        list.extend(
            twice
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, v)| v.clone()),
        );
        list
    };
    let steps = take(&mut records, &orders, RecordKind::Step);
    let mut interventions = records
        .remove(&RecordKind::Intervention)
        .unwrap_or_default();
    let by_step = orders
        .get(&RecordKind::Intervention)
        .and_then(Value::as_object);
    let mut step_values = Vec::with_capacity(steps.len());
    for (sid, mut step, text) in steps {
        let list: Vec<Value> = by_step
            .and_then(|m| m.get(&sid))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(|id| interventions.remove(id))
            .map(|(v, _)| v)
            .collect();
        match &mut step {
            Value::Object(m) => {
                m.insert("interventions".into(), Value::Array(list));
            }
            // A step that cannot be read keeps its interventions, in its place and under its id.
            _ if !list.is_empty() && sid.parse::<Id>().is_ok() => {
                found.keep(
                    place::record(RecordKind::Step, sid.parse().unwrap_or_default()),
                    SetAsideReason::Record {
                        record: Some(RecordKind::Step),
                        label: String::new(),
                        notes: vec![Note::StepInterventionsKept],
                    },
                    false,
                    text,
                );
                step = serde_json::json!({
                    "id": sid,
                    "name": names::UNREADABLE_STEP,
                    "interventions": list,
                });
            }
            _ => {}
        }
        step_values.push(step);
    }
    step_values.extend(
        twice
            .iter()
            .filter(|(k, _)| *k == RecordKind::Step)
            .map(|(_, v)| v.clone()),
    );
    let ivs_twice: Vec<Value> = twice
        .iter()
        .filter(|(k, _)| *k == RecordKind::Intervention)
        .map(|(_, v)| v.clone())
        .collect();
    // Interventions whose step is unknown stay with the first step, rather than disappear; with no step
    // to hold them, under a step of their own.
    if !interventions.is_empty() || !ivs_twice.is_empty() {
        let mut rest: Vec<(String, (Value, &str))> = interventions.into_iter().collect();
        rest.stable_sort_by(|a, b| a.0.cmp(&b.0));
        let mut rest: Vec<Value> = rest.into_iter().map(|(_, (v, _))| v).collect();
        rest.extend(ivs_twice);
        match step_values.iter_mut().find(|s| s.is_object()) {
            Some(Value::Object(first)) => {
                let list = first
                    .entry("interventions")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(l) = list {
                    l.extend(rest);
                }
            }
            _ => step_values.push(serde_json::json!({
                "name": names::UNREADABLE_STEP,
                "interventions": rest,
            })),
        }
    }
    let measurements = take_values(&mut records, RecordKind::Measurement);
    ws.insert(
        "staircase".into(),
        serde_json::json!({ "steps": step_values, "measurements": measurements }),
    );
    ws.insert(
        "meetings".into(),
        Value::Array(take_values(&mut records, RecordKind::Meeting)),
    );
    ws.insert(
        "meeting_templates".into(),
        Value::Array(take_values(&mut records, RecordKind::Template)),
    );
    let plan = ws
        .entry("plan")
        .or_insert_with(|| Value::Object(Map::new()));
    if !plan.is_object() {
        // Restoring reads the plan's own fields from this; a plan that is no object has none.
        *plan = Value::Object(Map::new());
    }
    if let Value::Object(p) = plan {
        for (field, kind) in [
            ("goals", RecordKind::Goal),
            ("tracks", RecordKind::Track),
            ("initiatives", RecordKind::Initiative),
            ("indicators", RecordKind::Indicator),
            ("timeline", RecordKind::TimelineRow),
        ] {
            p.insert(field.into(), Value::Array(take_values(&mut records, kind)));
        }
    }
    set_aside.extend(found.entries);
    ws.insert("set_aside".into(), Value::Array(set_aside));
    Ok(Assembled {
        doc,
        repaired: found.repaired,
        left_out: found.left_out,
    })
}

/// The stored workspace `id` from its parts, through the same load path as a file (the lenient one
/// whenever the fast one finds anything amiss). `name` is the name the list of workspaces has for it,
/// used when its own head cannot be read. The fast path reads in slices at `pace`; the lenient one (a
/// damaged store, rare) in one go.
pub async fn read_parts(
    id: Id,
    parts: &[(String, String)],
    name: Option<&str>,
    pace: &Pace,
) -> Result<Imported, ImportError> {
    if let Some(workspace) = read_clean(id, parts, pace).await {
        return Ok(Imported {
            workspace,
            migrated_from: None,
            report: super::RestoreReport::default(),
        });
    }
    let assembled = assemble(id, parts, name)?;
    let mut imported = read_document(assembled.doc)?;
    imported.workspace.id = id;
    imported.report.repaired += assembled.repaired;
    imported.report.left_out += assembled.left_out;
    Ok(imported)
}

/// A pack as Trappe writes it (`{"<id>":{…},"<id>":{…}}`), cut into its records' ids and texts without
/// reading the records: each is then read by the one reader its type has for text. (A serde reader of the
/// pack per record type would add a second copy of every record reader to the app, about 10 KB gzip.)
/// Anything else (an escape in an id, a record that is no object, text after the end) gives `None`, and
/// the lenient path reads the pack.
fn split_pack(text: &str) -> Option<Vec<(Id, &str)>> {
    let b = text.as_bytes();
    let (members, end) = scan::members(b, scan::space(b, 0))?;
    (scan::space(b, end) == b.len()).then_some(())?;
    members
        .into_iter()
        .map(|m| {
            let id = std::str::from_utf8(m.key).ok()?.parse().ok()?;
            (b[m.value.start] == b'{').then_some((id, &text[m.value]))
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct HeadIn {
    format: String,
    version: u64,
    workspace: Workspace,
}

/// The fast path: parts of the current version that all read, each under its own id, are all in their
/// order, and keep every rule, put together straight into the model. `None` sends the parts down the
/// lenient path. The browser may draw between two packs and between two records.
async fn read_clean(id: Id, parts: &[(String, String)], pace: &Pace) -> Option<Workspace> {
    use crate::model::record::Keyed;
    use serde::de::DeserializeOwned;
    // Every typed read of JSON text goes through `from_slice`, so each record type has one reader for
    // text (and one for `&Value`, the lenient path) in the app, not one per kind of input (about 150 KB
    // of wasm per extra kind).
    fn parse<T: DeserializeOwned>(s: &str) -> Option<T> {
        serde_json::from_slice(s.as_bytes()).ok()
    }
    /// Reads each record's text by `read` (false: it does not read, or not as the record its key names, or
    /// that record twice), a step of the progress at a time. One loop for every type of record.
    async fn each(
        texts: &[(Id, &str)],
        progress: &Steps<'_>,
        read: &mut dyn FnMut(Id, &str) -> bool,
    ) -> Option<()> {
        for (key, t) in texts {
            read(*key, t).then_some(())?;
            progress.step().await;
        }
        Some(())
    }
    /// The records of one kind, each under its own id and each once.
    async fn by_id<T: DeserializeOwned + Keyed>(
        texts: &[(Id, &str)],
        progress: &Steps<'_>,
    ) -> Option<HashMap<Id, T>> {
        let mut out = HashMap::with_capacity(texts.len());
        each(texts, progress, &mut |key, t| {
            parse::<T>(t).is_some_and(|r| r.key() == key && out.insert(key, r).is_none())
        })
        .await?;
        Some(out)
    }
    fn ordered<T>(mut found: HashMap<Id, T>, order: &[Id]) -> Option<Vec<T>> {
        let out: Option<Vec<T>> = order.iter().map(|id| found.remove(id)).collect();
        found.is_empty().then_some(())?;
        out
    }
    let mut head = None;
    let mut set_aside = None;
    let mut orders: HashMap<&str, &str> = HashMap::new();
    // Per kind, each record's id (from its key) and text: from packs, or parts of their own.
    let mut texts: HashMap<RecordKind, Vec<(Id, &str)>> = HashMap::new();
    for (key, text) in parts {
        if key == HEAD {
            head = Some(parse::<HeadIn>(text)?);
        } else if key == SET_ASIDE {
            set_aside = Some(parse(text)?);
        } else if let Some(kind) = key.strip_prefix("order/") {
            orders.insert(kind, text);
        } else if is_pack(key) {
            texts
                .entry(pack_kind(key)?)
                .or_default()
                .extend(split_pack(text)?);
            pace.breathe().await;
        } else {
            let (kind, key_id) = key.split_once('/')?;
            texts
                .entry(RecordKind::from_key(kind)?)
                .or_default()
                .push((key_id.parse().ok()?, text));
        }
    }
    let head = head?;
    if head.format != FORMAT || head.version != VERSION as u64 || head.workspace.id != id {
        return None;
    }
    let mut ws = head.workspace;
    ws.set_aside = set_aside?;
    let texts_of = |k: RecordKind| texts.get(&k).map(Vec::as_slice).unwrap_or(&[]);
    let progress = Steps::new(pace, texts.values().map(Vec::len).sum());
    let order_of = |k: RecordKind| -> Option<Vec<Id>> { parse(orders.get(k.key())?) };
    let mut steps = ordered(
        by_id::<crate::model::Step>(texts_of(RecordKind::Step), &progress).await?,
        &order_of(RecordKind::Step)?,
    )?;
    let mut ivs =
        by_id::<crate::model::Intervention>(texts_of(RecordKind::Intervention), &progress).await?;
    let iv_order: HashMap<Id, Vec<Id>> = parse(orders.get(RecordKind::Intervention.key())?)?;
    for st in &mut steps {
        st.interventions = iv_order
            .get(&st.id)
            .into_iter()
            .flatten()
            .map(|id| ivs.remove(id))
            .collect::<Option<Vec<_>>>()?;
    }
    if !ivs.is_empty() {
        return None;
    }
    ws.staircase.steps = steps;
    macro_rules! list {
        ($kind:ident, $t:ty) => {
            ordered(
                by_id::<$t>(texts_of(RecordKind::$kind), &progress).await?,
                &order_of(RecordKind::$kind)?,
            )?
        };
    }
    ws.staircase.measurements = list!(Measurement, crate::model::Measurement);
    ws.meetings = list!(Meeting, crate::model::Meeting);
    ws.meeting_templates = list!(Template, crate::model::MeetingTemplate);
    ws.plan.goals = list!(Goal, crate::model::Goal);
    ws.plan.tracks = list!(Track, crate::model::Track);
    ws.plan.initiatives = list!(Initiative, crate::model::Initiative);
    ws.plan.indicators = list!(Indicator, crate::model::Indicator);
    ws.plan.timeline = list!(TimelineRow, crate::model::TimelineRow);
    super::import::keeps_every_rule(&ws, pace)
        .await
        .then_some(ws)
}

/// Applies a write set to a map of parts (what a repository does), for the in-memory repository and tests.
pub fn apply_write(parts: &mut std::collections::BTreeMap<String, String>, w: &WriteSet) {
    if w.replace_all {
        parts.clear();
    }
    for k in &w.deletes {
        parts.remove(k);
    }
    for (k, v) in &w.puts {
        parts.insert(k.clone(), v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::{apply, Command};
    use crate::model::record::Record;
    use crate::model::*;
    use futures::executor::block_on;
    use std::collections::BTreeMap;

    #[test]
    fn written_and_read_in_slices_a_workspace_is_the_same() {
        use crate::file_format::pace::every_chance::{paused, PACE};
        for ws in examples() {
            let t = Utc::now();
            let records = ws.views().count();
            paused();
            let w = block_on(all_parts_paced(&ws, t, &PACE));
            assert_eq!(w, all_parts(&ws, t), "{}", ws.name);
            assert_eq!(paused(), records, "a pause after each record");
            let read = block_on(read_parts(ws.id, &w.puts, None, &PACE)).unwrap();
            assert_eq!(read.workspace, ws);
            let packs = w.puts.iter().filter(|(k, _)| is_pack(k)).count();
            // After each pack, and after each record read and checked.
            assert_eq!(paused(), packs + 2 * records, "{}", ws.name);
        }
    }

    fn examples() -> Vec<Workspace> {
        crate::examples::EXAMPLES
            .iter()
            .filter_map(|e| crate::examples::build(e.key))
            .collect()
    }

    /// The Socialstyrelsen example: steps with interventions, measurements and meetings.
    fn sample() -> Workspace {
        crate::examples::build("socialstyrelsen-trappe").unwrap()
    }

    fn stored(w: &WriteSet) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        apply_write(&mut m, w);
        m
    }

    fn load(id: Id, parts: &BTreeMap<String, String>) -> Workspace {
        let list: Vec<(String, String)> =
            parts.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let imported = block_on(read_parts(id, &list, None, &Pace::UNPACED)).unwrap();
        assert!(
            imported.report.is_clean(),
            "{:?}",
            imported.workspace.set_aside
        );
        imported.workspace
    }

    #[test]
    fn all_parts_read_back_identically() {
        for ws in examples() {
            assert_eq!(load(ws.id, &stored(&all_parts(&ws, Utc::now()))), ws);
        }
    }

    /// The day an example is shown as of is a setting in the head: showing it as of today is one edit of the
    /// head, read back without the date; undoing it brings the date back.
    #[test]
    fn the_as_of_date_is_kept_in_the_head_and_cleared_by_one_edit() {
        let mut ws = sample();
        let day = ws.as_of.expect("the example is shown as of its date");
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        assert_eq!(load(ws.id, &parts).as_of, Some(day));
        let applied = apply(&mut ws, Command::SetAsOf { as_of: None }).unwrap();
        assert!(applied.changes.as_of && !applied.changes.is_empty());
        let w = changed_parts(&ws, &applied.changes, Utc::now());
        let keys: Vec<&str> = w.puts.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, [HEAD]);
        apply_write(&mut parts, &w);
        assert_eq!(load(ws.id, &parts).as_of, None);
        assert_eq!(applied.inverse, Command::SetAsOf { as_of: Some(day) });
        let back = apply(&mut ws, applied.inverse).unwrap();
        apply_write(&mut parts, &changed_parts(&ws, &back.changes, Utc::now()));
        assert_eq!(load(ws.id, &parts), ws);
    }

    #[test]
    fn a_small_edit_writes_the_head_and_the_records_pack_only() {
        let mut ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let mut m = ws.meetings[0].clone();
        m.notes = "Ny note".into();
        let changes = apply(&mut ws, Command::put(Record::Meeting(m.clone())))
            .unwrap()
            .changes;
        let w = changed_parts(&ws, &changes, Utc::now());
        let pack = pack_key_of(RecordRef {
            kind: RecordKind::Meeting,
            id: m.id,
        });
        let keys: Vec<&str> = w.puts.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec![HEAD, pack.as_str()]);
        assert!(w.deletes.is_empty());
        // The pack holds the edited meeting and every other meeting of its pack, as stored before.
        let written: Map<String, Value> = serde_json::from_str(&w.puts[1].1).unwrap();
        let before: Map<String, Value> = serde_json::from_str(&parts[&pack]).unwrap();
        assert_eq!(
            written.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>()
        );
        assert_eq!(written[&m.id.to_string()]["notes"], "Ny note");
        apply_write(&mut parts, &w);
        assert_eq!(load(ws.id, &parts), ws);
    }

    #[test]
    fn records_are_spread_over_at_most_64_packs_per_kind_and_counted_as_stored() {
        let mut ws = sample();
        let template = ws.meetings[0].clone();
        ws.meetings = (0..2000)
            .map(|_| Meeting {
                id: new_id(),
                ..template.clone()
            })
            .collect();
        let w = all_parts(&ws, Utc::now());
        let meeting_packs: Vec<&String> = w
            .puts
            .iter()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("pack/meeting/"))
            .collect();
        assert_eq!(meeting_packs.len(), PACKS as usize);
        let sizes: Vec<usize> = w
            .puts
            .iter()
            .filter(|(k, _)| k.starts_with("pack/meeting/"))
            .map(|(_, t)| serde_json::from_str::<Map<String, Value>>(t).unwrap().len())
            .collect();
        assert_eq!(sizes.iter().sum::<usize>(), 2000);
        assert!(sizes.iter().all(|n| (10..=60).contains(n)), "{sizes:?}");
        assert_eq!(part_count(&ws), w.puts.len());
        assert!(!has_single_records(&w.puts));
        for ws in examples() {
            assert_eq!(part_count(&ws), all_parts(&ws, Utc::now()).puts.len());
        }
    }

    #[test]
    fn the_last_record_out_of_a_pack_deletes_the_pack() {
        let mut ws = sample();
        ws.meetings.truncate(1);
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let id = ws.meetings[0].id;
        let pack = pack_key_of(RecordRef {
            kind: RecordKind::Meeting,
            id,
        });
        assert!(parts.contains_key(&pack));
        let changes = apply(&mut ws, Command::remove(RecordKind::Meeting, id))
            .unwrap()
            .changes;
        let w = changed_parts(&ws, &changes, Utc::now());
        assert_eq!(w.deletes, vec![pack.clone()]);
        apply_write(&mut parts, &w);
        assert!(!parts.contains_key(&pack));
        assert_eq!(load(ws.id, &parts), ws);
    }

    /// Trappe before packs stored one part per record: such a workspace reads back the same, through the
    /// fast path, and is known to need writing whole.
    #[test]
    fn records_stored_one_per_part_by_an_older_trappe_read_back_identically() {
        for ws in examples() {
            let w = all_parts(&ws, Utc::now());
            let mut old: Vec<(String, String)> = w
                .puts
                .iter()
                .filter(|(k, _)| !is_pack(k))
                .cloned()
                .collect();
            for v in ws.views() {
                old.push((record_key(v.reference()), record_json(v)));
            }
            assert!(has_single_records(&old));
            assert_eq!(
                block_on(read_clean(ws.id, &old, &Pace::UNPACED)).as_ref(),
                Some(&ws)
            );
            let assembled = assemble(ws.id, &old, None).unwrap();
            assert_eq!(read_document(assembled.doc).unwrap().workspace, ws);
        }
    }

    #[test]
    fn a_damaged_record_stored_on_its_own_is_set_aside_not_lost() {
        let ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let id = ws.meetings[0].id;
        let pack = pack_key_of(RecordRef {
            kind: RecordKind::Meeting,
            id,
        });
        // As an older Trappe stored it: out of its pack, in a part of its own, and damaged.
        let mut entries: Map<String, Value> = serde_json::from_str(&parts[&pack]).unwrap();
        entries.remove(&id.to_string());
        parts.insert(pack, Value::Object(entries).to_string());
        parts.insert(format!("meeting/{id}"), "{not json".into());
        let list: Vec<(String, String)> = parts.into_iter().collect();
        let imported = block_on(read_parts(ws.id, &list, None, &Pace::UNPACED)).unwrap();
        assert_eq!(imported.workspace.meetings.len(), ws.meetings.len() - 1);
        assert_eq!(imported.report.left_out, 1);
        assert!(imported.workspace.set_aside[0]
            .original
            .contains("{not json"));
    }

    #[test]
    fn a_damaged_pack_is_set_aside_whole_and_the_rest_reads() {
        let ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let pack = pack_key_of(RecordRef {
            kind: RecordKind::Meeting,
            id: ws.meetings[0].id,
        });
        let text = parts[&pack].clone();
        let inside = serde_json::from_str::<Map<String, Value>>(&text)
            .unwrap()
            .len();
        let cut = text[..text.len() / 2].to_string();
        parts.insert(pack, cut.clone());
        let list: Vec<(String, String)> = parts.into_iter().collect();
        let imported = block_on(read_parts(ws.id, &list, None, &Pace::UNPACED)).unwrap();
        assert_eq!(
            imported.workspace.meetings.len(),
            ws.meetings.len() - inside
        );
        assert_eq!(imported.report.left_out, 1);
        let kept = &imported.workspace.set_aside[0];
        assert_eq!(kept.original, cut);
        assert_eq!(kept.found_at, place::pack(RecordKind::Meeting));
        assert_eq!(
            kept.reason,
            SetAsideReason::UnreadablePack {
                record: RecordKind::Meeting
            }
        );
        // Everything else is there, in its order.
        let rest: Vec<Id> = ws
            .meetings
            .iter()
            .map(|m| m.id)
            .filter(|id| imported.workspace.meetings.iter().any(|m| m.id == *id))
            .collect();
        assert_eq!(
            imported
                .workspace
                .meetings
                .iter()
                .map(|m| m.id)
                .collect::<Vec<_>>(),
            rest
        );
    }

    #[test]
    fn a_pack_is_cut_into_its_records_by_brackets_outside_strings() {
        let a: Id = "00000000-0000-4000-8000-00000000000a".parse().unwrap();
        let b: Id = "00000000-0000-4000-8000-00000000000b".parse().unwrap();
        let tricky = r#"{"notes":"} ] { \" \\","list":[{"x":"]"}]}"#;
        let text = format!(r#"{{"{a}":{tricky},"{b}":{{}}}}"#);
        assert_eq!(split_pack(&text), Some(vec![(a, tricky), (b, "{}")]));
        // As a person or another program may have laid it out.
        let spaced = format!("{{\n  \"{a}\" : {tricky} ,\n  \"{b}\": {{ }}\n}}\n");
        assert_eq!(split_pack(&spaced), Some(vec![(a, tricky), (b, "{ }")]));
        assert_eq!(split_pack(" { } "), Some(vec![]));
        for bad in [
            String::new(),
            "[]".into(),
            format!(r#"{{"{a}":17}}"#),
            format!(r#"{{"{a}":{{"x":1}}"#),
            format!(r#"{{"{a}":{{"x":"}}"}}"#),
            format!(r#"{{"{a}":{{}}}} x"#),
            format!(r#"{{"{a}":{{}},}}"#),
            r#"{"ikke-et-id":{}}"#.into(),
        ] {
            assert_eq!(split_pack(&bad), None, "{bad}");
        }
        for ws in examples() {
            for (key, text) in all_parts(&ws, Utc::now()).puts {
                if is_pack(&key) {
                    let cut = split_pack(&text).unwrap();
                    let read: Map<String, Value> = serde_json::from_str(&text).unwrap();
                    assert_eq!(cut.len(), read.len());
                    for (id, record) in cut {
                        let v: Value = serde_json::from_str(record).unwrap();
                        assert_eq!(v, read[&id.to_string()]);
                    }
                }
            }
        }
    }

    /// A record stored twice under one id (in its pack, and on its own as an older Trappe stored it): the
    /// fast path refuses, and the lenient path keeps both.
    #[test]
    fn a_record_stored_twice_keeps_both() {
        let ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let mut other = ws.meetings[0].clone();
        other.notes = "Den anden udgave".into();
        parts.insert(
            format!("meeting/{}", other.id),
            serde_json::to_string(&other).unwrap(),
        );
        let list: Vec<(String, String)> = parts.into_iter().collect();
        assert!(block_on(read_clean(ws.id, &list, &Pace::UNPACED)).is_none());
        let imported = block_on(read_parts(ws.id, &list, None, &Pace::UNPACED)).unwrap();
        let w = &imported.workspace;
        let kept_whole = w.meetings.len() == ws.meetings.len() + 1
            && w.meetings.iter().any(|m| m.notes == "Den anden udgave");
        let set_aside = w
            .set_aside
            .iter()
            .any(|a| a.original.contains("Den anden udgave"));
        assert!(kept_whole || set_aside, "{:?}", w.set_aside);
        assert!(w.meetings.iter().any(|m| m.id == other.id));
    }

    #[test]
    fn deletes_moves_and_inserts_read_back_in_order() {
        let mut ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let first = ws.meetings[0].clone();
        let last = ws.meetings.last().unwrap().id;
        let mut all = Changes::default();
        for cmd in [
            Command::remove(record::RecordKind::Meeting, ws.meetings[1].id),
            Command::Put {
                place: record::Place::After(last),
                record: Record::Meeting(first),
            },
            Command::Put {
                place: record::Place::First,
                record: Record::Meeting(Meeting {
                    case_ref: "Ny".into(),
                    ..Meeting::default()
                }),
            },
        ] {
            all.extend(apply(&mut ws, cmd).unwrap().changes);
        }
        // An intervention moved to another step, too.
        let iv = ws.staircase.steps[0].interventions[0].clone();
        let to = ws.staircase.steps[1].id;
        all.extend(
            apply(
                &mut ws,
                Command::Put {
                    place: record::Place::First,
                    record: Record::Intervention {
                        step: to,
                        intervention: iv,
                    },
                },
            )
            .unwrap()
            .changes,
        );
        apply_write(&mut parts, &changed_parts(&ws, &all, Utc::now()));
        assert_eq!(load(ws.id, &parts), ws);
    }

    #[test]
    fn the_fast_path_and_the_lenient_path_agree() {
        for ws in examples() {
            let w = all_parts(&ws, Utc::now());
            let fast = block_on(read_clean(ws.id, &w.puts, &Pace::UNPACED))
                .expect("a clean stored workspace takes the fast path");
            let assembled = assemble(ws.id, &w.puts, None).unwrap();
            assert_eq!((assembled.repaired, assembled.left_out), (0, 0));
            let lenient = read_document(assembled.doc).unwrap().workspace;
            assert_eq!(fast, lenient);
            assert_eq!(fast, ws);
        }
    }

    /// A set-aside list an older Trappe stored holds each entry's sentence in `what`: both readings keep it
    /// as the entry's written reason, and the place in words as it was.
    #[test]
    fn set_aside_entries_stored_by_an_older_version_keep_their_sentence() {
        let ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let sentence = "Møde: ændret i begge faner. Denne fanes udgave er beholdt; den anden fanes udgave ligger her.";
        parts.insert(
            SET_ASIDE.to_string(),
            serde_json::json!([{
                "id": "0b7e6c1a-1d2f-4e3a-8b9c-0d1e2f3a4b5c",
                "found_at": "en anden fane",
                "what": sentence,
                "repaired": true,
                "original": "{}",
                "set_aside_at": "2026-10-30T12:00:00Z",
            }])
            .to_string(),
        );
        let list: Vec<(String, String)> = parts.into_iter().collect();
        let expected = SetAsideReason::Written {
            text: sentence.into(),
        };
        let fast =
            block_on(read_clean(ws.id, &list, &Pace::UNPACED)).expect("the fast path reads it");
        assert_eq!(fast.set_aside.len(), 1);
        assert_eq!(fast.set_aside[0].reason, expected);
        assert_eq!(fast.set_aside[0].found_at, "en anden fane");
        let assembled = assemble(ws.id, &list, None).unwrap();
        let lenient = read_document(assembled.doc).unwrap().workspace;
        assert_eq!(lenient, fast);
        // Stored again, it is stored with the reason, and reads back the same.
        let again = stored(&all_parts(&fast, Utc::now()));
        assert!(!again[SET_ASIDE].contains("\"what\""));
        let again: Vec<(String, String)> = again.into_iter().collect();
        assert_eq!(
            block_on(read_clean(ws.id, &again, &Pace::UNPACED))
                .unwrap()
                .set_aside,
            fast.set_aside
        );
    }
}
