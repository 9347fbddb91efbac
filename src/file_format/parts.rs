//! A workspace as browser storage keeps it: in parts, so a save writes only what an edit changed. A small
//! head (envelope, the workspace's own fields and settings), one part per record (`meeting/<id>`), one part
//! per list's order (`order/meeting`; interventions by step), and the set-aside list. Loading puts the
//! parts back together into the shape of a file and reads it like one, so storage and files share one
//! load path (and one set of repairs).

use super::envelope::{app_version, FORMAT, VERSION};
use super::import::{read_document, ImportError, Imported};
use crate::model::commands::Changes;
use crate::model::record::{RecordKind, RecordRef, RecordView};
use crate::model::{FollowUpRules, Id, Workspace};
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
    w.deletes.sort();
    w
}

/// The stored parts put back together as a file-shaped document. A part that is not JSON stays in as its
/// text, so restoring sets it aside (and keeps it) instead of losing it.
pub fn assemble(parts: &[(String, String)]) -> Result<Value, ImportError> {
    let mut head: Option<Value> = None;
    let mut set_aside = Value::Array(Vec::new());
    let mut orders: HashMap<&str, Value> = HashMap::new();
    let mut records: HashMap<RecordKind, HashMap<String, Value>> = HashMap::new();
    let parse =
        |s: &str| serde_json::from_str::<Value>(s).unwrap_or_else(|_| Value::String(s.to_string()));
    for (key, text) in parts {
        if key == HEAD {
            head = Some(serde_json::from_str(text).map_err(|e| ImportError::Syntax {
                line: e.line(),
                column: e.column(),
                problem: super::import::DataProblem::from_serde(&e.to_string()),
            })?);
        } else if key == SET_ASIDE {
            set_aside = parse(text);
        } else if let Some(kind) = key.strip_prefix("order/") {
            orders.insert(kind, parse(text));
        } else if let Some((kind, id)) = key.split_once('/') {
            if let Some(kind) = RecordKind::from_key(kind) {
                records
                    .entry(kind)
                    .or_default()
                    .insert(id.to_string(), parse(text));
            }
        }
    }
    let Some(mut doc) = head else {
        return Err(ImportError::Empty);
    };
    let Some(Value::Object(ws)) = doc.get_mut("workspace") else {
        return Err(ImportError::NotAnObject);
    };
    fn take(
        records: &mut HashMap<RecordKind, HashMap<String, Value>>,
        orders: &HashMap<&str, Value>,
        kind: RecordKind,
    ) -> Vec<Value> {
        let mut found = records.remove(&kind).unwrap_or_default();
        let mut out = Vec::with_capacity(found.len());
        if let Some(Value::Array(ids)) = orders.get(kind.key()) {
            for id in ids.iter().filter_map(Value::as_str) {
                out.extend(found.remove(id));
            }
        }
        // Records missing from the order (never expected) still come along, in key order.
        let mut rest: Vec<(String, Value)> = found.into_iter().collect();
        rest.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(rest.into_iter().map(|(_, v)| v));
        out
    }
    let mut steps = take(&mut records, &orders, RecordKind::Step);
    let mut interventions = records
        .remove(&RecordKind::Intervention)
        .unwrap_or_default();
    if let Some(Value::Object(by_step)) = orders.get(RecordKind::Intervention.key()) {
        for step in steps.iter_mut() {
            let Some(Value::String(sid)) = step.get("id").cloned() else {
                continue;
            };
            let list: Vec<Value> = by_step
                .get(&sid)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(|id| interventions.remove(id))
                .collect();
            if let Value::Object(m) = step {
                m.insert("interventions".into(), Value::Array(list));
            }
        }
    }
    // Interventions whose step is unknown stay with the first step, rather than disappear.
    if !interventions.is_empty() {
        if let Some(Value::Object(first)) = steps.first_mut() {
            let mut rest: Vec<(String, Value)> = interventions.into_iter().collect();
            rest.sort_by(|a, b| a.0.cmp(&b.0));
            let list = first
                .entry("interventions")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(l) = list {
                l.extend(rest.into_iter().map(|(_, v)| v));
            }
        }
    }
    let measurements = take(&mut records, &orders, RecordKind::Measurement);
    ws.insert(
        "staircase".into(),
        serde_json::json!({ "steps": steps, "measurements": measurements }),
    );
    ws.insert(
        "meetings".into(),
        Value::Array(take(&mut records, &orders, RecordKind::Meeting)),
    );
    ws.insert(
        "meeting_templates".into(),
        Value::Array(take(&mut records, &orders, RecordKind::Template)),
    );
    let plan = ws
        .entry("plan")
        .or_insert_with(|| Value::Object(Map::new()));
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
                Value::Array(take(&mut records, &orders, kind)),
            );
        }
    }
    ws.insert("set_aside".into(), set_aside);
    Ok(doc)
}

/// A stored workspace from its parts, through the same load path as a file (the lenient one whenever the
/// fast one finds anything amiss).
pub fn read_parts(parts: &[(String, String)]) -> Result<Imported, ImportError> {
    if let Some(workspace) = read_clean(parts) {
        return Ok(Imported {
            workspace,
            migrated_from: None,
            report: super::RestoreReport::default(),
        });
    }
    read_document(assemble(parts)?)
}

#[derive(serde::Deserialize)]
struct HeadIn {
    format: String,
    version: u64,
    workspace: Workspace,
}

/// The fast path: parts of the current version that all read, are all in their order, and keep every rule,
/// put together straight into the model. `None` sends the parts down the lenient path.
fn read_clean(parts: &[(String, String)]) -> Option<Workspace> {
    use crate::model::record::Keyed;
    use serde::de::DeserializeOwned;
    fn parse<T: DeserializeOwned>(s: &str) -> Option<T> {
        serde_json::from_str(s).ok()
    }
    fn by_id<T: DeserializeOwned + Keyed>(texts: &[&str]) -> Option<HashMap<Id, T>> {
        texts
            .iter()
            .map(|t| parse::<T>(t).map(|r| (r.key(), r)))
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
    let mut texts: HashMap<RecordKind, Vec<&str>> = HashMap::new();
    for (key, text) in parts {
        if key == HEAD {
            head = Some(parse::<HeadIn>(text)?);
        } else if key == SET_ASIDE {
            set_aside = Some(parse(text)?);
        } else if let Some(kind) = key.strip_prefix("order/") {
            orders.insert(kind, text);
        } else {
            let (kind, _) = key.split_once('/')?;
            texts
                .entry(RecordKind::from_key(kind)?)
                .or_default()
                .push(text);
        }
    }
    let head = head?;
    if head.format != FORMAT || head.version != VERSION as u64 {
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

    fn load(parts: &BTreeMap<String, String>) -> Workspace {
        let list: Vec<(String, String)> =
            parts.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let imported = read_parts(&list).unwrap();
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
            assert_eq!(load(&stored(&all_parts(&ws, Utc::now()))), ws);
        }
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
        assert_eq!(load(&parts), ws);
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
        assert_eq!(load(&parts), ws);
    }

    #[test]
    fn the_fast_path_and_the_lenient_path_agree() {
        for ws in examples() {
            let w = all_parts(&ws, Utc::now());
            let fast = read_clean(&w.puts).expect("a clean stored workspace takes the fast path");
            let lenient = read_document(assemble(&w.puts).unwrap()).unwrap().workspace;
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
        let imported = read_parts(&list).unwrap();
        assert_eq!(imported.workspace.meetings.len(), ws.meetings.len() - 1);
        assert_eq!(imported.report.left_out, 1);
        assert!(imported.workspace.set_aside[0]
            .original
            .contains("{not json"));
    }
}
