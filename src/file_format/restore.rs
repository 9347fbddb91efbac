//! Lenient loading, the way Excalidraw restores a scene: every record is read on its own, a value that cannot
//! be read is left out of its record, a record that breaks a rule is repaired (a text shortened, a dangling
//! reference removed, a repeated id renewed), and a record that cannot be read at all is left out. Nothing is
//! lost: the original of every record that was changed or left out is kept in `Workspace::set_aside`, with
//! what was done, for the user to read, download or remove. Only a file that is not a workspace at all is
//! refused.

use super::import::{DataProblem, ImportError};
use super::tokens;
use crate::model::field_path::{FieldPath, PathStep};
use crate::model::record::{Keyed, RecordKind, RecordRef, RecordView};
use crate::model::set_aside::{names, Note};
use crate::model::sorting::StableSort;
use crate::model::validation::{
    check_follow_up, check_info, check_plan_info, check_record, parent_loops, references,
    FieldIssue, Problem,
};
use crate::model::{
    new_id, now, privacy, ActionPlan, FollowUpRules, Goal, Id, Indicator, Initiative, Intervention,
    Measurement, Meeting, MeetingTemplate, SetAside, SetAsideReason, Staircase, Step, TimelineRow,
    Track, Workspace,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What restoring found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Records (or settings) that were repaired and are in the workspace.
    pub repaired: usize,
    /// Records that could not be read and are only in the set-aside list.
    pub left_out: usize,
}

impl RestoreReport {
    pub fn is_clean(&self) -> bool {
        self.repaired == 0 && self.left_out == 0
    }
}

fn node_at<'a>(v: &'a Value, steps: &[PathStep]) -> Option<&'a Value> {
    steps.iter().try_fold(v, |node, step| match step {
        PathStep::Key(k) => node.get(k.as_str()),
        PathStep::Index(i) => node.get(*i),
    })
}

fn node_at_mut<'a>(v: &'a mut Value, steps: &[PathStep]) -> Option<&'a mut Value> {
    steps.iter().try_fold(v, |node, step| match step {
        PathStep::Key(k) => node.get_mut(k.as_str()),
        PathStep::Index(i) => node.get_mut(*i),
    })
}

/// Removes the node at `steps` (an object key or an array element). False when there is nothing to remove.
fn remove_at(v: &mut Value, steps: &[PathStep]) -> bool {
    let Some((last, parent)) = steps.split_last() else {
        return false;
    };
    match (node_at_mut(v, parent), last) {
        (Some(Value::Object(map)), PathStep::Key(k)) => map.remove(k).is_some(),
        (Some(Value::Array(items)), PathStep::Index(i)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// `v` with the node at `steps` (which must exist along a pruned branch) replaced by `new`.
fn replace_at(mut v: Value, steps: &[PathStep], new: Value) -> Value {
    let mut node = &mut v;
    for step in steps {
        let next = match step {
            PathStep::Key(k) => node.get_mut(k.as_str()),
            // Pruned arrays hold only the followed element, at index 0.
            PathStep::Index(_) => node.get_mut(0),
        };
        match next {
            Some(n) => node = n,
            None => return v,
        }
    }
    *node = new;
    v
}

/// A copy of `v` that keeps only the branch named by `steps` (the last node in full).
fn prune(v: &Value, steps: &[PathStep]) -> Value {
    let Some((first, rest)) = steps.split_first() else {
        return v.clone();
    };
    match (first, v) {
        (PathStep::Key(k), Value::Object(map)) => {
            let mut out = serde_json::Map::new();
            if let Some(child) = map.get(k) {
                out.insert(k.clone(), prune(child, rest));
            }
            Value::Object(out)
        }
        (PathStep::Index(i), Value::Array(items)) => Value::Array(
            items
                .get(*i)
                .map(|c| vec![prune(c, rest)])
                .unwrap_or_default(),
        ),
        _ => v.clone(),
    }
}

fn reads_as<T: DeserializeOwned>(v: &Value) -> bool {
    crate::model::json::read::<T>(v).is_ok()
}

/// The path of the smallest part of `v` that still fails to read as `T` on its own. Every field of the
/// model has a default, so a copy that keeps only one branch fails exactly when that branch is bad; the
/// search walks down the failing branches. Runs only after a failure.
pub(crate) fn locate<T: DeserializeOwned>(v: &Value) -> Vec<PathStep> {
    let mut steps: Vec<PathStep> = Vec::new();
    while let Some(node) = node_at(v, &steps) {
        let (children, empty): (Vec<PathStep>, Value) = match node {
            Value::Object(map) => (
                map.keys().cloned().map(PathStep::Key).collect(),
                Value::Object(Default::default()),
            ),
            Value::Array(items) => (
                (0..items.len()).map(PathStep::Index).collect(),
                Value::Array(Vec::new()),
            ),
            _ => break,
        };
        // A list or object where something else belongs fails even when empty: the node itself is wrong.
        if !reads_as::<T>(&replace_at(prune(v, &steps), &steps, empty)) {
            break;
        }
        let failing = children.into_iter().find(|child| {
            let mut branch = steps.clone();
            branch.push(child.clone());
            !reads_as::<T>(&prune(v, &branch))
        });
        match failing {
            Some(child) => steps.push(child),
            None => break,
        }
    }
    steps
}

/// Reads `v` as `T`, leaving out each part that cannot be read (at most a few dozen). Returns the value and
/// what was left out (path within `v`, problem), or the problem when nothing readable remains.
fn read_leniently<T: DeserializeOwned>(
    v: &Value,
) -> Result<(T, Vec<(FieldPath, DataProblem)>), DataProblem> {
    let first = match crate::model::json::read::<T>(v) {
        Ok(t) => return Ok((t, Vec::new())),
        Err(e) => DataProblem::from_serde(&e),
    };
    let mut v = v.clone();
    let mut dropped = Vec::new();
    for _ in 0..64 {
        let steps = locate::<T>(&v);
        let problem = match crate::model::json::read::<T>(&prune(&v, &steps)) {
            Err(e) => DataProblem::from_serde(&e),
            Ok(_) => first.clone(),
        };
        let problem = match (problem, node_at(&v, &steps)) {
            (DataProblem::BadDate, Some(Value::String(s))) => {
                DataProblem::BadDateText(s.chars().take(40).collect())
            }
            (p, _) => p,
        };
        if !remove_at(&mut v, &steps) {
            return Err(problem);
        }
        dropped.push((FieldPath::from(steps), problem));
        if let Ok(t) = crate::model::json::read::<T>(&v) {
            return Ok((t, dropped));
        }
    }
    Err(first)
}

/// A rule fix in a JSON value: what `validation` reported, made right the least destructive way.
fn fix(v: &mut Value, issue: &FieldIssue) -> Fix {
    let steps = issue.field.steps();
    match &issue.problem {
        Problem::TooLong { max } => {
            if let Some(Value::String(s)) = node_at_mut(v, steps) {
                *s = s.chars().take(*max).collect();
                return Fix::Shortened;
            }
        }
        Problem::CprLike => {
            if let Some(Value::String(s)) = node_at_mut(v, steps) {
                *s = mask_cpr(s);
                return Fix::Masked;
            }
        }
        Problem::DuplicateId(_) => {
            if let Some(node) = node_at_mut(v, steps) {
                *node = Value::String(new_id().to_string());
                return Fix::NewId;
            }
        }
        Problem::Empty => {
            if let Some(node) = node_at_mut(v, steps) {
                *node = Value::String(names::UNNAMED.to_string());
                return Fix::Named;
            }
        }
        _ => {}
    }
    if remove_at(v, steps) {
        Fix::Removed
    } else {
        Fix::Nothing
    }
}

pub use crate::model::set_aside::Fix;

/// Digits of every CPR-like number replaced by X, so the case stays recognisable but the number is gone.
fn mask_cpr(s: &str) -> String {
    let mut out = s.to_string();
    for r in privacy::find_cpr_like(s).into_iter().rev() {
        let masked: String = s[r.clone()]
            .chars()
            .map(|c| if c.is_ascii_digit() { 'X' } else { c })
            .collect();
        out.replace_range(r, &masked);
    }
    out
}

/// Applies fixes for `issues` to `value` (a `T` as JSON) until it reads and passes `check`, or gives up.
fn repair<T: Serialize + DeserializeOwned>(
    value: &T,
    issues: Vec<FieldIssue>,
    check: impl Fn(&T) -> Vec<FieldIssue>,
) -> Option<(T, Vec<(FieldIssue, Fix)>)> {
    let mut v = serde_json::to_value(value).ok()?;
    let mut done = Vec::new();
    let mut issues = issues;
    for _ in 0..4 {
        for issue in issues {
            let f = fix(&mut v, &issue);
            if f == Fix::Nothing {
                return None;
            }
            done.push((issue, f));
        }
        let t = match crate::model::json::read::<T>(&v) {
            Ok(t) => t,
            // A removed value a record cannot do without (a budget line's amount): drop the list item.
            Err(_) => {
                let (issue, _) = done.last()?;
                let mut steps = issue.field.steps().to_vec();
                while !matches!(steps.last(), Some(PathStep::Index(_)) | None) {
                    steps.pop();
                }
                if !remove_at(&mut v, &steps) {
                    return None;
                }
                crate::model::json::read::<T>(&v).ok()?
            }
        };
        issues = check(&t);
        if issues.is_empty() {
            return Some((t, done));
        }
    }
    None
}

/// One record on its way in: where it came from, what was done to it.
struct Incoming<'a> {
    path: String,
    original: &'a Value,
    notes: Vec<Note>,
}

#[derive(Default)]
struct Restorer<'a> {
    incoming: HashMap<RecordRef, Incoming<'a>>,
    set_aside: Vec<SetAside>,
    report: RestoreReport,
}

impl<'a> Restorer<'a> {
    /// Every element of the array at `key` of `parent`, read as `T`.
    fn list<T: DeserializeOwned + Serialize + Keyed>(
        &mut self,
        kind: RecordKind,
        parent: Option<&'a Value>,
        key: &str,
        path: &str,
        strip: Option<&str>,
    ) -> Vec<(T, &'a Value)> {
        let Some(value) = parent.and_then(|p| p.get(key)) else {
            return Vec::new();
        };
        let here = format!("{path}.{key}");
        let Value::Array(items) = value else {
            if !value.is_null() {
                self.leave_out(kind, &here, value, Note::NotAList);
            }
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        let mut seen = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{here}[{i}]");
            if let Some(problem) = item.as_str().and_then(tokens::marked) {
                self.leave_out(kind, &at, item, Note::UnreadableRecord { problem });
                continue;
            }
            // A step is read without its interventions, which are records of their own.
            let stripped;
            let readable = match (strip, item) {
                (Some(field), Value::Object(map)) if map.contains_key(field) => {
                    let mut m = map.clone();
                    m.remove(field);
                    stripped = Value::Object(m);
                    &stripped
                }
                _ => item,
            };
            // A token the file could not hold (a lone surrogate, a number too large) is left out of its
            // record like any value that cannot be read.
            let (unmarked, marks) = tokens::strip_marks(readable).unzip();
            let readable = unmarked.as_ref().unwrap_or(readable);
            match read_leniently::<T>(readable) {
                Ok((t, dropped)) => {
                    let mut notes: Vec<Note> = marks
                        .iter()
                        .flatten()
                        .map(|(f, found)| token_note(f, found))
                        .chain(dropped.into_iter().map(unreadable_value))
                        .collect();
                    let mut t = t;
                    if !seen.insert(t.key()) {
                        notes.push(Note::RenewedId);
                        t = with_new_id(t);
                        seen.insert(t.key());
                    }
                    self.incoming.insert(
                        RecordRef::new(kind, t.key()),
                        Incoming {
                            path: at,
                            original: item,
                            notes,
                        },
                    );
                    out.push((t, item));
                }
                Err(problem) => self.leave_out(kind, &at, item, Note::UnreadableRecord { problem }),
            }
        }
        out
    }

    fn leave_out(&mut self, kind: RecordKind, path: &str, original: &Value, why: Note) {
        self.report.left_out += 1;
        self.set_aside.push(SetAside {
            found_at: path.to_string(),
            reason: SetAsideReason::Record {
                record: Some(kind),
                label: label_of_value(original),
                notes: vec![why],
            },
            repaired: false,
            original: tokens::original_text(original),
            ..SetAside::default()
        });
    }

    /// A workspace-wide value (the name, the follow-up settings) read leniently and repaired.
    fn settings<T: DeserializeOwned + Serialize + Default>(
        &mut self,
        value: Option<&Value>,
        path: &str,
        check: impl Fn(&T) -> Vec<FieldIssue>,
    ) -> T {
        let Some(value) = value else {
            return T::default();
        };
        let original = value;
        let (unmarked, marks) = tokens::strip_marks(value).unzip();
        let value = unmarked.as_ref().unwrap_or(value);
        let (mut t, dropped) = match read_leniently::<T>(value) {
            Ok(x) => x,
            Err(p) => (T::default(), vec![(FieldPath::default(), p)]),
        };
        let mut notes: Vec<Note> = marks
            .iter()
            .flatten()
            .map(|(f, found)| token_note(f, found))
            .chain(dropped.into_iter().map(unreadable_value))
            .collect();
        let issues = check(&t);
        if !issues.is_empty() {
            match repair(&t, issues, &check) {
                Some((fixed, done)) => {
                    notes.extend(done.iter().map(fixed_note));
                    t = fixed;
                }
                None => {
                    notes.push(Note::ResetToDefault);
                    t = T::default();
                }
            }
        }
        if !notes.is_empty() {
            self.report.repaired += 1;
            self.set_aside.push(SetAside {
                found_at: path.to_string(),
                reason: SetAsideReason::Record {
                    record: None,
                    label: String::new(),
                    notes,
                },
                repaired: true,
                original: tokens::original_text(original),
                ..SetAside::default()
            });
        }
        t
    }
}

/// What was done with a token the file could not hold.
fn token_note(field: &FieldPath, found: &tokens::Found) -> Note {
    match found {
        tokens::Found::Replaced(code) => Note::CharacterReplaced {
            field: field.clone(),
            code: code.clone(),
        },
        tokens::Found::LeftOut(p) => unreadable_value((field.clone(), p.clone())),
    }
}

fn unreadable_value((field, problem): (FieldPath, DataProblem)) -> Note {
    Note::UnreadableValue { field, problem }
}

fn fixed_note((issue, fix): &(FieldIssue, Fix)) -> Note {
    Note::Fixed {
        field: issue.field.clone(),
        problem: issue.problem.clone(),
        fix: *fix,
    }
}

fn with_new_id<T: Keyed + DeserializeOwned + Serialize>(t: T) -> T {
    let mut v = serde_json::to_value(&t).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("id".into(), Value::String(new_id().to_string()));
    }
    crate::model::json::read::<T>(&v).unwrap_or(t)
}

/// The name a user knows a record by, from its original JSON.
pub(crate) fn label_of_value(v: &Value) -> String {
    ["name", "title", "case_ref", "activity", "number"]
        .iter()
        .find_map(|k| {
            v.get(*k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty() && tokens::marked(s).is_none())
        })
        .map(|s| mask_cpr(&s.chars().take(60).collect::<String>()))
        .unwrap_or_default()
}

/// The workspace in a file's `workspace` member (or a stored copy), restored as described above.
pub fn restore(body: &Value) -> Result<(Workspace, RestoreReport), ImportError> {
    let Value::Object(map) = body else {
        return Err(ImportError::Invalid {
            path: FieldPath::key("workspace"),
            line: 0,
            column: 0,
            problem: DataProblem::WrongType {
                found: super::import::json_kind(body).into(),
                expected: "object".into(),
            },
        });
    };
    let mut r = Restorer::default();
    // The workspace's own fields, without its lists.
    let lists = [
        "staircase",
        "meetings",
        "meeting_templates",
        "plan",
        "follow_up",
        "set_aside",
        "branches",
    ];
    let head = Value::Object(
        map.iter()
            .filter(|(k, _)| !lists.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    );
    let mut ws: Workspace = r.settings(Some(&head), "workspace", |w: &Workspace| {
        check_info(&w.name, &w.municipality, &w.description)
    });
    ws.follow_up = match map.get("follow_up") {
        Some(v) => r.settings(Some(v), "workspace.follow_up", check_follow_up),
        None => FollowUpRules::default(),
    };
    // Earlier set-aside entries stay; one that cannot be read is itself kept as text, and so is a list
    // that is no list. It was set aside already, so only a list that is no list counts as left out.
    let set_aside = kept_list(
        map.get("set_aside"),
        "workspace.set_aside",
        (
            SetAsideReason::UnreadableSetAside,
            SetAsideReason::UnreadableSetAsideList,
        ),
        false,
    );
    r.report.left_out += set_aside.left_out;
    ws.set_aside.extend(
        set_aside
            .items
            .into_iter()
            .map(|i| i.unwrap_or_else(|kept| kept)),
    );
    // Deletions and kept versions: one that cannot be read is kept as text, never dropped.
    let branches = kept_list(
        map.get("branches"),
        "workspace.branches",
        (
            SetAsideReason::UnreadableBranch,
            SetAsideReason::UnreadableBranch,
        ),
        true,
    );
    r.report.left_out += branches.left_out;
    for item in branches.items {
        match item {
            Ok(b) => ws.branches.push(b),
            Err(kept) => ws.set_aside.push(kept),
        }
    }

    let stair = map.get("staircase").filter(|v| v.is_object());
    let plan_value = map.get("plan").filter(|v| v.is_object());
    if let Some(p) = plan_value {
        let lists = ["goals", "tracks", "initiatives", "indicators", "timeline"];
        let head = Value::Object(
            p.as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| !lists.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        );
        let info: ActionPlan = r.settings(Some(&head), "workspace.plan", |p: &ActionPlan| {
            check_plan_info(&p.title, &p.period, p.stale_after_days)
        });
        ws.plan = ActionPlan {
            title: info.title,
            period: info.period,
            stale_after_days: info.stale_after_days,
            ..ActionPlan::default()
        };
    }

    // Steps, then each step's interventions as records of their own.
    let steps: Vec<(Step, &Value)> = r.list(
        RecordKind::Step,
        stair,
        "steps",
        "workspace.staircase",
        Some("interventions"),
    );
    let mut staircase = Staircase::default();
    let mut seen_iv = HashSet::new();
    for (si, (mut step, original)) in steps.into_iter().enumerate() {
        let path = format!("workspace.staircase.steps[{si}]");
        let ivs: Vec<(Intervention, &Value)> = r.list(
            RecordKind::Intervention,
            Some(original),
            "interventions",
            &path,
            None,
        );
        for (mut iv, _) in ivs {
            // Ids are unique across all steps.
            if !seen_iv.insert(iv.id) {
                let old = RecordRef::new(RecordKind::Intervention, iv.id);
                let mut entry = r.incoming.remove(&old);
                iv.id = new_id();
                seen_iv.insert(iv.id);
                if let Some(e) = entry.as_mut() {
                    e.notes.push(Note::RenewedId);
                }
                if let Some(e) = entry {
                    r.incoming
                        .insert(RecordRef::new(RecordKind::Intervention, iv.id), e);
                }
            }
            step.interventions.push(iv);
        }
        staircase.steps.push(step);
    }
    staircase.measurements = take(r.list(
        RecordKind::Measurement,
        stair,
        "measurements",
        "workspace.staircase",
        None,
    ));
    ws.staircase = staircase;
    ws.meetings = take(r.list(
        RecordKind::Meeting,
        Some(body),
        "meetings",
        "workspace",
        None,
    ));
    ws.meeting_templates = take(r.list(
        RecordKind::Template,
        Some(body),
        "meeting_templates",
        "workspace",
        None,
    ));
    let plan_path = "workspace.plan";
    ws.plan.goals = take::<Goal>(r.list(RecordKind::Goal, plan_value, "goals", plan_path, None));
    ws.plan.tracks =
        take::<Track>(r.list(RecordKind::Track, plan_value, "tracks", plan_path, None));
    ws.plan.initiatives = take::<Initiative>(r.list(
        RecordKind::Initiative,
        plan_value,
        "initiatives",
        plan_path,
        None,
    ));
    ws.plan.indicators = take::<Indicator>(r.list(
        RecordKind::Indicator,
        plan_value,
        "indicators",
        plan_path,
        None,
    ));
    ws.plan.timeline = take::<TimelineRow>(r.list(
        RecordKind::TimelineRow,
        plan_value,
        "timeline",
        plan_path,
        None,
    ));

    check_and_repair(&mut ws, &mut r);

    let mut entries: Vec<(RecordRef, Incoming)> = r
        .incoming
        .into_iter()
        .filter(|(_, e)| !e.notes.is_empty())
        .collect();
    entries.stable_sort_by(|a, b| a.1.path.cmp(&b.1.path));
    for (rref, e) in entries {
        r.report.repaired += 1;
        let label = label_of_value(e.original);
        r.set_aside.push(SetAside {
            found_at: e.path,
            reason: SetAsideReason::Record {
                record: Some(rref.kind),
                label,
                notes: e.notes,
            },
            repaired: true,
            original: tokens::original_text(e.original),
            ..SetAside::default()
        });
    }
    let stamp = now();
    for mut s in r.set_aside {
        s.set_aside_at = stamp;
        ws.set_aside.push(s);
    }
    Ok((ws, r.report))
}

fn take<T>(v: Vec<(T, &Value)>) -> Vec<T> {
    v.into_iter().map(|(t, _)| t).collect()
}

/// Checks every record against the rules and repairs it in place; a record past repair is left out (and
/// what refers to it loses the reference, in a second round).
fn check_and_repair(ws: &mut Workspace, r: &mut Restorer<'_>) {
    for _round in 0..3 {
        let existing: HashSet<RecordRef> = ws.views().map(|v| v.reference()).collect();
        // A loop of sub-items loses the one parent link `parent_loops` names per loop.
        let loops: HashSet<Id> = parent_loops(&ws.plan).into_iter().collect();
        let mut broken: Vec<(RecordRef, Vec<FieldIssue>)> = Vec::new();
        for view in ws.views() {
            let mut issues = check_record(view);
            issues.extend(dangling(view, &existing));
            if matches!(view, RecordView::Initiative(i) if loops.contains(&i.id)) {
                issues.push(FieldIssue {
                    field: "parent_id".into(),
                    problem: Problem::ParentLoop,
                });
            }
            if !issues.is_empty() {
                broken.push((view.reference(), issues));
            }
        }
        if broken.is_empty() {
            return;
        }
        let mut gone = Vec::new();
        for (rref, issues) in broken {
            let outcome = repair_one(ws, rref, issues, &existing);
            let entry = r.incoming.get_mut(&rref);
            match (outcome, entry) {
                (Some(done), Some(e)) => e.notes.extend(done.iter().map(fixed_note)),
                (Some(_), None) => {}
                (None, e) => {
                    gone.push(rref);
                    if let Some(e) = e {
                        r.report.left_out += 1;
                        r.set_aside.push(SetAside {
                            found_at: e.path.clone(),
                            reason: SetAsideReason::Record {
                                record: Some(rref.kind),
                                label: label_of_value(e.original),
                                notes: vec![Note::PastRepair],
                            },
                            repaired: false,
                            original: tokens::original_text(e.original),
                            ..SetAside::default()
                        });
                        e.notes.clear();
                    }
                }
            }
        }
        for g in gone {
            drop_record(ws, g);
        }
    }
}

fn dangling(view: RecordView<'_>, existing: &HashSet<RecordRef>) -> Vec<FieldIssue> {
    let me = view.reference();
    references(view)
        .into_iter()
        .filter(|(_, r)| *r != me && !existing.contains(r))
        .map(|(field, r)| FieldIssue {
            field,
            problem: Problem::UnknownReference(r.id),
        })
        .collect()
}

/// Repairs one record in place. `None`: past repair.
fn repair_one(
    ws: &mut Workspace,
    rref: RecordRef,
    issues: Vec<FieldIssue>,
    existing: &HashSet<RecordRef>,
) -> Option<Vec<(FieldIssue, Fix)>> {
    fn go<T: Serialize + DeserializeOwned + Keyed>(
        list: &mut [T],
        id: Id,
        issues: Vec<FieldIssue>,
        check: impl Fn(&T) -> Vec<FieldIssue>,
    ) -> Option<Vec<(FieldIssue, Fix)>> {
        let slot = list.iter_mut().find(|x| x.key() == id)?;
        let (fixed, done) = repair(slot, issues, check)?;
        *slot = fixed;
        Some(done)
    }
    let id = rref.id;
    let s = &mut ws.staircase;
    let p = &mut ws.plan;
    // Each record is checked again on its own after the fix, with the references that existed before.
    macro_rules! checked {
        ($variant:ident) => {
            |x: &_| {
                let v = RecordView::$variant(x);
                let mut i = check_record(v);
                i.extend(dangling(v, existing));
                i
            }
        };
    }
    match rref.kind {
        RecordKind::Step => go::<Step>(&mut s.steps, id, issues, checked!(Step)),
        RecordKind::Intervention => {
            let step = s
                .steps
                .iter_mut()
                .find(|st| st.interventions.iter().any(|iv| iv.id == id))?;
            let sid = step.id;
            go::<Intervention>(&mut step.interventions, id, issues, |x| {
                check_record(RecordView::Intervention {
                    step: sid,
                    intervention: x,
                })
            })
        }
        RecordKind::Measurement => {
            go::<Measurement>(&mut s.measurements, id, issues, checked!(Measurement))
        }
        RecordKind::Meeting => go::<Meeting>(&mut ws.meetings, id, issues, checked!(Meeting)),
        RecordKind::Template => {
            go::<MeetingTemplate>(&mut ws.meeting_templates, id, issues, checked!(Template))
        }
        RecordKind::Goal => go::<Goal>(&mut p.goals, id, issues, checked!(Goal)),
        RecordKind::Track => go::<Track>(&mut p.tracks, id, issues, checked!(Track)),
        RecordKind::Initiative => {
            go::<Initiative>(&mut p.initiatives, id, issues, checked!(Initiative))
        }
        RecordKind::Indicator => {
            go::<Indicator>(&mut p.indicators, id, issues, checked!(Indicator))
        }
        RecordKind::TimelineRow => {
            go::<TimelineRow>(&mut p.timeline, id, issues, checked!(TimelineRow))
        }
    }
}

fn drop_record(ws: &mut Workspace, r: RecordRef) {
    let id = r.id;
    let s = &mut ws.staircase;
    let p = &mut ws.plan;
    match r.kind {
        RecordKind::Step => s.steps.retain(|x| x.id != id),
        RecordKind::Intervention => s
            .steps
            .iter_mut()
            .for_each(|st| st.interventions.retain(|x| x.id != id)),
        RecordKind::Measurement => s.measurements.retain(|x| x.id != id),
        RecordKind::Meeting => ws.meetings.retain(|x| x.id != id),
        RecordKind::Template => ws.meeting_templates.retain(|x| x.id != id),
        RecordKind::Goal => p.goals.retain(|x| x.id != id),
        RecordKind::Track => p.tracks.retain(|x| x.id != id),
        RecordKind::Initiative => p.initiatives.retain(|x| x.id != id),
        RecordKind::Indicator => p.indicators.retain(|x| x.id != id),
        RecordKind::TimelineRow => p.timeline.retain(|x| x.id != id),
    }
}

/// A list a workspace keeps beside its records (set-aside entries, branches), read leniently.
struct KeptList<T> {
    /// In the list's order: each item read, or kept as text (also the whole value, when it is no list).
    items: Vec<Result<T, SetAside>>,
    left_out: usize,
}

/// Why an item (`.0`) or the whole list (`.1`) was kept as text.
type KeptWhy = (SetAsideReason, SetAsideReason);

/// Reads `value` (at `path`) as a list of `T`. An item that cannot be read, or a value that is no list, is
/// kept as text with the reason `why.0` (an item) or `why.1` (the list); `counts`: whether an unreadable
/// item counts as left out (a list that is no list always does).
fn kept_list<T: serde::de::DeserializeOwned>(
    value: Option<&Value>,
    path: &str,
    why: KeptWhy,
    counts: bool,
) -> KeptList<T> {
    let mut out = KeptList {
        items: Vec::new(),
        left_out: 0,
    };
    let keep = |found_at: String, reason: &SetAsideReason, v: &Value| SetAside {
        found_at,
        reason: reason.clone(),
        original: tokens::original_text(v),
        ..SetAside::default()
    };
    match value {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match (!tokens::has_marks(item))
                    .then(|| crate::model::json::read::<T>(item).ok())
                    .flatten()
                {
                    Some(t) => out.items.push(Ok(t)),
                    None => {
                        out.left_out += usize::from(counts);
                        out.items
                            .push(Err(keep(format!("{path}[{i}]"), &why.0, item)));
                    }
                }
            }
        }
        None | Some(Value::Null) => {}
        Some(other) => {
            out.left_out += 1;
            out.items.push(Err(keep(path.to_string(), &why.1, other)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::{validate, MAX_NAME, MAX_TEXT};

    fn restored(body: &str) -> (Workspace, RestoreReport) {
        restore(&serde_json::from_str(body).unwrap()).unwrap()
    }

    #[test]
    fn a_clean_workspace_restores_unchanged() {
        let mut ws = Workspace::new("Køge");
        ws.meetings.push(Meeting {
            case_ref: "Sag 1".into(),
            ..Meeting::default()
        });
        let (back, report) = restore(&serde_json::to_value(&ws).unwrap()).unwrap();
        assert!(report.is_clean());
        assert_eq!(back, ws);
    }

    #[test]
    fn overlong_texts_and_amounts_are_repaired_and_the_originals_kept() {
        let body = format!(
            r#"{{"name":"x","staircase":{{"steps":[{{"name":"Trin","yearly_cost_per_child":999999999999,
               "interventions":[{{"name":"{}","unit_cost":999999999999}}]}}]}},
               "meetings":[{{"case_ref":"Sag 4   ","notes":"{}"}}]}}"#,
            "n".repeat(MAX_NAME + 5),
            "t".repeat(MAX_TEXT + 1)
        );
        let (ws, report) = restored(&body);
        assert!(validate(&ws, "workspace").is_empty());
        let iv = &ws.staircase.steps[0].interventions[0];
        assert_eq!(iv.name.chars().count(), MAX_NAME);
        assert_eq!(iv.unit_cost, None);
        assert_eq!(ws.staircase.steps[0].yearly_cost_per_child, None);
        assert_eq!(ws.meetings[0].notes.chars().count(), MAX_TEXT);
        assert_eq!(ws.meetings[0].case_ref, "Sag 4   ");
        assert_eq!(report.repaired, 3);
        assert_eq!(ws.set_aside.len(), 3);
        assert!(ws.set_aside.iter().all(|s| s.repaired));
        let meeting = ws
            .set_aside
            .iter()
            .find(|s| s.found_at == "workspace.meetings[0]")
            .unwrap();
        assert!(
            meeting.original.contains(&"t".repeat(MAX_TEXT + 1)),
            "the original is kept whole"
        );
    }

    #[test]
    fn unreadable_values_and_records_are_set_aside_not_the_file() {
        let body = r#"{"name":"x","meetings":[{"case_ref":"A","status":"maybe"},{"id":"nope","case_ref":"B"},
            {"case_ref":"010203-1234","date":"8. maj 2019"}, 17]}"#;
        let (ws, report) = restored(body);
        assert!(validate(&ws, "workspace").is_empty());
        // The bad status is left out (the default stands); a bad id is left out too and a new one given.
        assert_eq!(ws.meetings.len(), 3);
        assert_eq!(ws.meetings[0].status, crate::model::MeetingStatus::Planned);
        assert_eq!(ws.meetings[2].case_ref, "XXXXXX-XXXX");
        assert_eq!(ws.meetings[2].date, None);
        assert_eq!(report.left_out, 1, "the number 17 is no meeting");
        let first = ws
            .set_aside
            .iter()
            .find(|s| s.found_at == "workspace.meetings[0]")
            .unwrap();
        let what = crate::text::file::set_aside_reason(&first.reason);
        assert!(what.contains("Status"), "{what}");
    }

    #[test]
    fn dangling_references_and_repeated_ids_are_repaired() {
        let id = "7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f";
        let body = format!(
            r#"{{"name":"x","meetings":[{{"id":"{id}","case_ref":"A","linked_step":"{id}"}},{{"id":"{id}","case_ref":"B"}}],
               "plan":{{"initiatives":[{{"title":"I","goal_id":"{id}","parent_id":"{id}"}}]}}}}"#
        );
        let (ws, _) = restored(&body);
        assert_eq!(validate(&ws, "workspace"), vec![]);
        assert_eq!(ws.meetings.len(), 2);
        assert_ne!(ws.meetings[0].id, ws.meetings[1].id);
        assert_eq!(ws.meetings[0].linked_step, None);
        assert_eq!(ws.plan.initiatives[0].goal_id, None);
    }

    #[test]
    fn a_loop_of_sub_items_loses_one_link_and_says_so() {
        let (a, b) = (
            "7f1c1a30-8a43-4a8e-9d0b-1a2b3c4d5e6f",
            "0b5e2c1d-1111-4a8e-9d0b-1a2b3c4d5e6f",
        );
        let body = format!(
            r#"{{"name":"x","plan":{{"initiatives":[
                {{"id":"{a}","title":"A","parent_id":"{b}"}},
                {{"id":"{b}","title":"B","parent_id":"{a}"}}]}}}}"#
        );
        let (ws, _) = restored(&body);
        assert_eq!(validate(&ws, "workspace"), vec![]);
        assert_eq!(
            ws.plan.initiatives[0].parent_id, None,
            "the first of the loop"
        );
        assert_eq!(ws.plan.initiatives[1].parent_id, Some(a.parse().unwrap()));
        let note = ws
            .set_aside
            .iter()
            .find(|s| s.found_at == "workspace.plan.initiatives[0]")
            .expect("the cut link is listed");
        assert!(note.repaired);
        let said = crate::text::file::set_aside_reason(&note.reason);
        assert!(
            said.contains("Del af initiativ gør initiativet til del af sig selv"),
            "{said}"
        );
    }

    #[test]
    fn a_workspace_that_is_no_object_is_refused() {
        assert!(restore(&Value::String("x".into())).is_err());
    }

    #[test]
    fn cpr_masking_keeps_the_rest() {
        assert_eq!(mask_cpr("Sag 010203-1234 ny"), "Sag XXXXXX-XXXX ny");
    }
}
