//! A workspace as browser storage keeps it: in parts, so a save writes only what an edit changed. A small
//! head (envelope, the workspace's own fields and settings), one part per record (`meeting/<id>`), one part
//! per list's order (`order/meeting`; interventions by step), and the set-aside list. Loading puts the
//! parts back together into the shape of a file and reads it like one, so storage and files share one
//! load path (and one set of repairs).

use super::envelope::{app_version, FORMAT, VERSION};
use super::import::{read_document, ImportError, Imported};
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
    let mut puts = vec![(HEAD.to_string(), head(ws, saved_at))];
    puts.push((SET_ASIDE.to_string(), json(&ws.set_aside)));
    for kind in RecordKind::ALL {
        puts.push((order_key(kind), order_json(ws, kind)));
    }
    puts.extend(
        ws.views()
            .map(|v| (record_key(v.reference()), record_json(v))),
    );
    WriteSet {
        replace_all: true,
        puts,
        deletes: Vec::new(),
    }
}

/// The parts `changes` touched: the head (it carries the time of the change), each changed record (or its
/// deletion), the order of each reordered list, the set-aside list if it changed.
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
    // One pass over the records of each changed kind, rather than a search per changed record.
    let mut wanted: HashMap<RecordRef, ()> = changes.records.iter().map(|r| (*r, ())).collect();
    for v in ws.views() {
        if wanted.is_empty() {
            break;
        }
        let r = v.reference();
        if wanted.remove(&r).is_some() {
            w.puts.push((record_key(r), record_json(v)));
        }
    }
    w.deletes.extend(wanted.into_keys().map(record_key));
    w.deletes.stable_sort();
    w
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
    let mut found = Found::default();
    let mut head: Option<&str> = None;
    let mut set_aside: Vec<Value> = Vec::new();
    let mut orders: HashMap<RecordKind, Value> = HashMap::new();
    // Per kind, by the id in the part's key: the record and its stored text.
    let mut records: HashMap<RecordKind, HashMap<String, (Value, &str)>> = HashMap::new();
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
            records
                .entry(kind)
                .or_default()
                .insert(rid.to_string(), (value, text));
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
    // Interventions whose step is unknown stay with the first step, rather than disappear; with no step
    // to hold them, under a step of their own.
    if !interventions.is_empty() {
        let mut rest: Vec<(String, (Value, &str))> = interventions.into_iter().collect();
        rest.stable_sort_by(|a, b| a.0.cmp(&b.0));
        let rest: Vec<Value> = rest.into_iter().map(|(_, (v, _))| v).collect();
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
    let measurements = values(take(&mut records, &orders, RecordKind::Measurement));
    ws.insert(
        "staircase".into(),
        serde_json::json!({ "steps": step_values, "measurements": measurements }),
    );
    ws.insert(
        "meetings".into(),
        Value::Array(values(take(&mut records, &orders, RecordKind::Meeting))),
    );
    ws.insert(
        "meeting_templates".into(),
        Value::Array(values(take(&mut records, &orders, RecordKind::Template))),
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
            p.insert(
                field.into(),
                Value::Array(values(take(&mut records, &orders, kind))),
            );
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
/// used when its own head cannot be read.
pub fn read_parts(
    id: Id,
    parts: &[(String, String)],
    name: Option<&str>,
) -> Result<Imported, ImportError> {
    if let Some(workspace) = read_clean(id, parts) {
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

#[derive(serde::Deserialize)]
struct HeadIn {
    format: String,
    version: u64,
    workspace: Workspace,
}

/// The fast path: parts of the current version that all read, each under its own id, are all in their
/// order, and keep every rule, put together straight into the model. `None` sends the parts down the
/// lenient path.
fn read_clean(id: Id, parts: &[(String, String)]) -> Option<Workspace> {
    use crate::model::record::Keyed;
    use serde::de::DeserializeOwned;
    // Every typed read of JSON text goes through `from_slice`, so each record type has one reader for
    // text (and one for `&Value`, the lenient path) in the app, not one per kind of input (about 150 KB
    // of wasm per extra kind).
    fn parse<T: DeserializeOwned>(s: &str) -> Option<T> {
        serde_json::from_slice(s.as_bytes()).ok()
    }
    fn by_id<T: DeserializeOwned + Keyed>(texts: &[(&str, &str)]) -> Option<HashMap<Id, T>> {
        texts
            .iter()
            .map(|(key_id, t)| {
                let r = parse::<T>(t)?;
                (key_id.parse::<Id>().ok()? == r.key()).then(|| (r.key(), r))
            })
            .collect()
    }
    fn ordered<T>(mut found: HashMap<Id, T>, order: &[Id]) -> Option<Vec<T>> {
        let out: Option<Vec<T>> = order.iter().map(|id| found.remove(id)).collect();
        found.is_empty().then_some(())?;
        out
    }
    let mut head = None;
    let mut set_aside = None;
    let mut orders: HashMap<&str, &str> = HashMap::new();
    let mut texts: HashMap<RecordKind, Vec<(&str, &str)>> = HashMap::new();
    for (key, text) in parts {
        if key == HEAD {
            head = Some(parse::<HeadIn>(text)?);
        } else if key == SET_ASIDE {
            set_aside = Some(parse(text)?);
        } else if let Some(kind) = key.strip_prefix("order/") {
            orders.insert(kind, text);
        } else {
            let (kind, key_id) = key.split_once('/')?;
            texts
                .entry(RecordKind::from_key(kind)?)
                .or_default()
                .push((key_id, text));
        }
    }
    let head = head?;
    if head.format != FORMAT || head.version != VERSION as u64 || head.workspace.id != id {
        return None;
    }
    let mut ws = head.workspace;
    ws.set_aside = set_aside?;
    let texts_of = |k: RecordKind| texts.get(&k).map(Vec::as_slice).unwrap_or(&[]);
    let order_of = |k: RecordKind| -> Option<Vec<Id>> { parse(orders.get(k.key())?) };
    let mut steps = ordered(
        by_id::<crate::model::Step>(texts_of(RecordKind::Step))?,
        &order_of(RecordKind::Step)?,
    )?;
    let mut ivs = by_id::<crate::model::Intervention>(texts_of(RecordKind::Intervention))?;
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
                by_id::<$t>(texts_of(RecordKind::$kind))?,
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
    crate::model::validation::validate(&ws, "workspace")
        .is_empty()
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
    use std::collections::BTreeMap;

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
        let imported = read_parts(id, &list, None).unwrap();
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
    fn a_small_edit_writes_the_head_and_the_record_only() {
        let mut ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let mut m = ws.meetings[0].clone();
        m.notes = "Ny note".into();
        let changes = apply(&mut ws, Command::put(Record::Meeting(m.clone())))
            .unwrap()
            .changes;
        let w = changed_parts(&ws, &changes, Utc::now());
        let keys: Vec<&str> = w.puts.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec![HEAD.to_string(), format!("meeting/{}", m.id)]);
        assert!(w.deletes.is_empty());
        apply_write(&mut parts, &w);
        assert_eq!(load(ws.id, &parts), ws);
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
            let fast =
                read_clean(ws.id, &w.puts).expect("a clean stored workspace takes the fast path");
            let assembled = assemble(ws.id, &w.puts, None).unwrap();
            assert_eq!((assembled.repaired, assembled.left_out), (0, 0));
            let lenient = read_document(assembled.doc).unwrap().workspace;
            assert_eq!(fast, lenient);
            assert_eq!(fast, ws);
        }
    }

    #[test]
    fn a_damaged_part_is_set_aside_not_lost() {
        let ws = sample();
        let mut parts = stored(&all_parts(&ws, Utc::now()));
        let key = format!("meeting/{}", ws.meetings[0].id);
        parts.insert(key, "{not json".into());
        let list: Vec<(String, String)> = parts.into_iter().collect();
        let imported = read_parts(ws.id, &list, None).unwrap();
        assert_eq!(imported.workspace.meetings.len(), ws.meetings.len() - 1);
        assert_eq!(imported.report.left_out, 1);
        assert!(imported.workspace.set_aside[0]
            .original
            .contains("{not json"));
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
        let fast = read_clean(ws.id, &list).expect("the fast path reads it");
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
        assert_eq!(read_clean(ws.id, &again).unwrap().set_aside, fast.set_aside);
    }
}
