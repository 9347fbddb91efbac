//! The rules every stored workspace keeps: lengths, ranges, unique ids, references that resolve, no CPR-like
//! case references. One set of rules, used in two places: `commands::apply` refuses a command whose result
//! breaks one (naming the field), and `validate` checks a whole workspace (naming the path in the file).
//! Lenient loading (`file_format::restore`) repairs against the same rules, so a file cannot hold what an
//! edit may not make: a step, intervention, measurement, goal, track, initiative or indicator has a name or title and a
//! time plan row an activity (one without is named «Uden navn»), a deadline or a period's end is not before
//! its start (such an end is removed), and no initiative is under one of its own sub-items.
//! Nothing here may be stricter than what the forms let through.

use super::field_path::FieldPath;
use super::record::{RecordKind, RecordRef, RecordView};
use super::{
    privacy, ActionPlan, FollowUpRules, Id, Indicator, Initiative, Intervention, Measurement,
    Meeting, MeetingTemplate, MeetingType, MonthlyTarget, Step, Workspace,
};
use crate::model::sorting::StableSort;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Longest one-line text: names, providers, legal bases, owners.
pub const MAX_NAME: usize = 300;
/// Longest free text: descriptions, notes, decisions.
pub const MAX_TEXT: usize = 50_000;
/// Largest amount in kroner (100 mia. kr.), far above any municipality's yearly budget.
pub const MAX_AMOUNT: i64 = 100_000_000_000;
/// Largest count of children, places or caseworkers.
pub const MAX_COUNT: u32 = 1_000_000;
/// Longest case reference. A pseudonym or internal number is short; a long text is more likely a name or a
/// description that does not belong there.
pub const MAX_CASE_REF: usize = 80;
/// Ranges of the follow-up settings, so date arithmetic stays within the calendar.
pub const MAX_FIRST_FOLLOW_UP_MONTHS: u32 = 24;
pub const MAX_FOLLOW_UPS_PER_YEAR: u32 = 52;
pub const MAX_DUE_SOON_DAYS: u32 = 365;
pub const MAX_MONTHLY_TARGET: u32 = 10_000;
pub const MAX_STALE_DAYS: u32 = 3_650;
/// Highest caseload a band may name (children per caseworker).
pub const MAX_CASELOAD: u32 = 1_000;

/// `base` and `suffix` joined by a space, with `base` shortened (by whole characters, with an ellipsis) so
/// the result keeps within [`MAX_NAME`]: "Køge 2019 (kopi)". Names the app makes never break the rules.
pub fn name_with_suffix(base: &str, suffix: &str) -> String {
    let room = MAX_NAME.saturating_sub(suffix.chars().count() + 1);
    let base = base.trim_end();
    let base = if base.chars().count() > room {
        let cut: String = base.chars().take(room.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    } else {
        base.to_string()
    };
    format!("{base} {suffix}")
}

/// Stored as it is in a set-aside entry's reason (`set_aside::Note`), so its serde names are part of the
/// file format: rename nothing.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Empty,
    TooLong {
        max: usize,
    },
    Negative,
    TooLarge {
        max: i64,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    NotFinite,
    DuplicateId(Id),
    UnknownReference(Id),
    CprLike,
    /// A min above its max.
    MinAboveMax,
    /// A record that names itself where another record belongs (an initiative as its own parent).
    SelfReference,
    /// A move on the staircase that starts and ends on the same step.
    SameStep,
    /// An end (a deadline, a period's last day) before its start.
    EndBeforeStart,
    /// A second entry for what may have one only (a monthly target for a meeting type that has one).
    Duplicate,
    /// A parent that is one of the record's own sub-items (or theirs): following the parents would go round
    /// for ever (A under B under A).
    ParentLoop,
}

/// A broken rule in one record, by the field's name in the file (`unit_cost`, `participants[2].name`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldIssue {
    pub field: FieldPath,
    pub problem: Problem,
}

/// A broken rule in a workspace, by its path in the file
/// (`workspace.staircase.steps[2].interventions[0].unit_cost`).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub path: FieldPath,
    pub problem: Problem,
}

fn key(k: &str) -> FieldPath {
    FieldPath::key(k)
}

#[derive(Default)]
struct Checker {
    issues: Vec<FieldIssue>,
}

impl Checker {
    fn push(&mut self, field: impl Into<FieldPath>, problem: Problem) {
        self.issues.push(FieldIssue {
            field: field.into(),
            problem,
        });
    }
    fn name(&mut self, field: impl Into<FieldPath>, s: &str) {
        self.max_chars(field, s, MAX_NAME);
    }
    /// A name the record cannot do without (what lists and pickers show it by).
    fn required_name(&mut self, field: &'static str, s: &str) {
        if s.trim().is_empty() {
            self.push(field, Problem::Empty);
        }
        self.name(field, s);
    }
    /// A free text the record cannot do without (a time plan row's activity).
    fn required_text(&mut self, field: &'static str, s: &str) {
        if s.trim().is_empty() {
            self.push(field, Problem::Empty);
        }
        self.text(field, s);
    }
    fn ordered(&mut self, field: &'static str, start: Option<NaiveDate>, end: Option<NaiveDate>) {
        if matches!((start, end), (Some(s), Some(e)) if e < s) {
            self.push(field, Problem::EndBeforeStart);
        }
    }
    fn text(&mut self, field: impl Into<FieldPath>, s: &str) {
        self.max_chars(field, s, MAX_TEXT);
    }
    fn max_chars(&mut self, field: impl Into<FieldPath>, s: &str, max: usize) {
        // Bytes bound characters from above: most texts need no count.
        if s.len() > max && s.chars().count() > max {
            self.push(field, Problem::TooLong { max });
        }
    }
    fn amount(&mut self, field: impl Into<FieldPath>, v: Option<i64>) {
        match v {
            Some(v) if v < 0 => self.push(field, Problem::Negative),
            Some(v) if v > MAX_AMOUNT => self.push(field, Problem::TooLarge { max: MAX_AMOUNT }),
            _ => {}
        }
    }
    fn count(&mut self, field: impl Into<FieldPath>, v: Option<u32>) {
        if v.is_some_and(|v| v > MAX_COUNT) {
            self.push(
                field,
                Problem::TooLarge {
                    max: MAX_COUNT.into(),
                },
            );
        }
    }
    fn range(&mut self, field: impl Into<FieldPath>, v: u32, min: u32, max: u32) {
        if !(min..=max).contains(&v) {
            self.push(
                field,
                Problem::OutOfRange {
                    min: min.into(),
                    max: max.into(),
                },
            );
        }
    }
    fn number(&mut self, field: impl Into<FieldPath>, v: Option<f64>) {
        if v.is_some_and(|v| !v.is_finite()) {
            self.push(field, Problem::NotFinite);
        }
    }
    /// Ids of the items of a nested list (participants of a meeting, notes of an initiative) are unique.
    fn unique_ids(&mut self, list: &'static str, ids: impl Iterator<Item = Id>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.push(key(list).at(i).then("id"), Problem::DuplicateId(id));
            }
        }
    }
    fn meeting_type(&mut self, field: impl Into<FieldPath>, t: &MeetingType) {
        if let MeetingType::Custom(name) | MeetingType::Unknown(name) = t {
            self.name(field, name);
        }
    }
}

/// The workspace's own fields.
pub fn check_info(name: &str, municipality: &str, description: &str) -> Vec<FieldIssue> {
    let mut c = Checker::default();
    if name.trim().is_empty() {
        c.push("name", Problem::Empty);
    }
    c.name("name", name);
    c.name("municipality", municipality);
    c.text("description", description);
    c.issues
}

/// A field of the form for the workspace's own fields (`check_info`'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InfoField {
    Name,
    Municipality,
    Description,
}

impl InfoField {
    /// The form field of a field `check_info` names; the name for any other, the form's first field.
    pub fn of_model_field(field: &FieldPath) -> InfoField {
        match field.as_key().unwrap_or_default() {
            "municipality" => InfoField::Municipality,
            "description" => InfoField::Description,
            _ => InfoField::Name,
        }
    }
}

/// The rules between a workspace's monthly targets, by target: each band the right way round
/// (`MinAboveMax`), and at most one target a meeting type (`Duplicate`, on the second).
pub fn check_monthly_targets(targets: &[MonthlyTarget]) -> Vec<(usize, Problem)> {
    let mut out = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        if t.min > t.max {
            out.push((i, Problem::MinAboveMax));
        }
        if targets[..i]
            .iter()
            .any(|o| o.meeting_type == t.meeting_type)
        {
            out.push((i, Problem::Duplicate));
        }
    }
    out
}

pub fn check_follow_up(r: &FollowUpRules) -> Vec<FieldIssue> {
    let mut c = Checker::default();
    c.range(
        "first_within_months",
        r.first_within_months,
        1,
        MAX_FIRST_FOLLOW_UP_MONTHS,
    );
    c.range(
        "placement_per_year",
        r.placement_per_year,
        1,
        MAX_FOLLOW_UPS_PER_YEAR,
    );
    c.range(
        "preventive_per_year",
        r.preventive_per_year,
        1,
        MAX_FOLLOW_UPS_PER_YEAR,
    );
    c.range("due_soon_days", r.due_soon_days, 0, MAX_DUE_SOON_DAYS);
    for (i, t) in r.monthly_targets.iter().enumerate() {
        let f = key("monthly_targets").at(i);
        c.meeting_type(f.clone().then("meeting_type"), &t.meeting_type);
        c.range(f.clone().then("min"), t.min, 0, MAX_MONTHLY_TARGET);
        c.range(f.then("max"), t.max, 0, MAX_MONTHLY_TARGET);
    }
    for (i, p) in check_monthly_targets(&r.monthly_targets) {
        let field = match p {
            Problem::Duplicate => "meeting_type",
            _ => "min",
        };
        c.push(key("monthly_targets").at(i).then(field), p);
    }
    if let Some(b) = r.caseload_band {
        c.range(key("caseload_band").then("min"), b.min, 1, MAX_CASELOAD);
        c.range(key("caseload_band").then("max"), b.max, 1, MAX_CASELOAD);
        if b.min > b.max {
            c.push(key("caseload_band").then("min"), Problem::MinAboveMax);
        }
    }
    c.issues
}

pub fn check_plan_info(title: &str, period: &str, stale_after_days: u32) -> Vec<FieldIssue> {
    let mut c = Checker::default();
    c.name("title", title);
    c.name("period", period);
    // 0 switches the check off.
    c.range("stale_after_days", stale_after_days, 0, MAX_STALE_DAYS);
    c.issues
}

fn check_step(s: &Step, c: &mut Checker) {
    c.required_name("name", &s.name);
    c.text("description", &s.description);
    c.amount("yearly_cost_per_child", s.yearly_cost_per_child);
}

fn check_intervention(iv: &Intervention, c: &mut Checker) {
    c.required_name("name", &iv.name);
    c.text("description", &iv.description);
    c.name("legal_basis", &iv.legal_basis);
    c.name("provider", &iv.provider);
    c.name("method", &iv.method);
    c.amount("unit_cost", iv.unit_cost);
    c.count("capacity", iv.capacity);
}

fn check_measurement(m: &Measurement, c: &mut Checker) {
    c.required_name("name", &m.name);
    c.text("note", &m.note);
    c.count("caseworkers", m.caseworkers);
    for (id, n) in &m.per_intervention {
        c.count(key("per_intervention").then(id.to_string()), Some(*n));
    }
    for (id, n) in &m.per_step {
        c.count(key("per_step").then(id.to_string()), Some(*n));
    }
    for (i, mv) in m.moves.iter().enumerate() {
        c.count(key("moves").at(i).then("children"), Some(mv.children));
        if mv.from == mv.to {
            c.push(key("moves").at(i).then("to"), Problem::SameStep);
        }
    }
}

/// The case reference rule, shared with the meeting form: at most [`MAX_CASE_REF`] characters and nothing
/// that looks like a CPR number. (The form also requires one; a file from another program may lack it.)
pub fn check_case_ref(case_ref: &str) -> Option<Problem> {
    if privacy::contains_cpr_like(case_ref) {
        Some(Problem::CprLike)
    } else if case_ref.chars().count() > MAX_CASE_REF {
        Some(Problem::TooLong { max: MAX_CASE_REF })
    } else {
        None
    }
}

fn check_meeting(m: &Meeting, c: &mut Checker) {
    c.meeting_type("meeting_type", &m.meeting_type);
    if let Some(p) = check_case_ref(&m.case_ref) {
        c.push("case_ref", p);
    }
    for (field, v) in [
        ("initiator", &m.initiator),
        ("coordinator", &m.coordinator),
        ("invited_by", &m.invited_by),
        ("chair", &m.chair),
        ("note_taker", &m.note_taker),
    ] {
        c.name(field, v);
    }
    c.text("decisions", &m.decisions);
    c.text("notes", &m.notes);
    for (j, q) in m.questions.iter().enumerate() {
        c.text(key("questions").at(j), q);
    }
    for (j, a) in m.action_items.iter().enumerate() {
        c.text(key("action_items").at(j).then("what"), &a.what);
        c.name(key("action_items").at(j).then("who"), &a.who);
    }
    c.unique_ids("action_items", m.action_items.iter().map(|a| a.id));
    for (j, p) in m.participants.iter().enumerate() {
        c.name(key("participants").at(j).then("name"), &p.name);
        c.name(
            key("participants").at(j).then("relation_or_unit"),
            &p.relation_or_unit,
        );
    }
    c.unique_ids("participants", m.participants.iter().map(|a| a.id));
    for (j, item) in m.checklist.iter().enumerate() {
        c.name(key("checklist").at(j).then("label"), &item.label);
    }
    c.unique_ids("checklist", m.checklist.iter().map(|a| a.id));
    if let Some(v) = m.safety_scale {
        if v > 10 {
            c.push("safety_scale", Problem::OutOfRange { min: 0, max: 10 });
        }
    }
}

fn check_template(t: &MeetingTemplate, c: &mut Checker) {
    c.name("name", &t.name);
    c.meeting_type("meeting_type", &t.meeting_type);
    for (j, q) in t.questions.iter().enumerate() {
        c.text(key("questions").at(j), q);
    }
    for (j, l) in t.checklist.iter().enumerate() {
        c.name(key("checklist").at(j), l);
    }
}

fn check_initiative(ini: &Initiative, c: &mut Checker) {
    c.required_name("title", &ini.title);
    c.ordered("deadline", ini.start, ini.deadline);
    for (field, v) in [
        ("number", &ini.number),
        ("owner", &ini.owner),
        ("committee", &ini.committee),
        ("period", &ini.period),
    ] {
        c.name(field, v);
    }
    c.text("description", &ini.description);
    for (j, b) in ini.budget.iter().enumerate() {
        c.amount(key("budget").at(j).then("amount"), Some(b.amount));
    }
    for (j, n) in ini.history.iter().enumerate() {
        c.text(key("history").at(j).then("text"), &n.text);
        c.name(key("history").at(j).then("author"), &n.author);
        for (k, v) in n.earlier_versions.iter().enumerate() {
            c.text(
                key("history")
                    .at(j)
                    .then("earlier_versions")
                    .at(k)
                    .then("text"),
                &v.text,
            );
        }
    }
    c.unique_ids("history", ini.history.iter().map(|n| n.id));
    if ini.parent_id == Some(ini.id) {
        c.push("parent_id", Problem::SelfReference);
    }
}

fn check_indicator(ind: &Indicator, c: &mut Checker) {
    c.required_name("name", &ind.name);
    c.name("unit", &ind.unit);
    c.number("baseline", ind.baseline);
    c.number("target", ind.target);
    for (j, v) in ind.values.iter().enumerate() {
        c.number(key("values").at(j).then("value"), Some(v.value));
        c.text(key("values").at(j).then("note"), &v.note);
    }
    c.unique_ids("values", ind.values.iter().map(|v| v.id));
}

/// The rules of one record's own fields (references are checked by `check_references`).
pub fn check_record(record: RecordView<'_>) -> Vec<FieldIssue> {
    let mut c = Checker::default();
    match record {
        RecordView::Step(s) => check_step(s, &mut c),
        RecordView::Intervention { intervention, .. } => check_intervention(intervention, &mut c),
        RecordView::Measurement(m) => check_measurement(m, &mut c),
        RecordView::Meeting(m) => check_meeting(m, &mut c),
        RecordView::Template(t) => check_template(t, &mut c),
        RecordView::Goal(g) => {
            c.name("number", &g.number);
            c.required_name("title", &g.title);
            c.text("description", &g.description);
            c.text("success_criteria", &g.success_criteria);
        }
        RecordView::Track(t) => {
            c.name("number", &t.number);
            c.required_name("title", &t.title);
            c.text("description", &t.description);
        }
        RecordView::Initiative(i) => check_initiative(i, &mut c),
        RecordView::Indicator(i) => check_indicator(i, &mut c),
        RecordView::TimelineRow(r) => {
            c.name("period_label", &r.period_label);
            c.ordered("end", r.start, r.end);
            c.required_text("activity", &r.activity);
        }
    }
    c.issues
}

/// The records a record refers to, by the field that holds each reference. (An intervention's step is where
/// it lives, not a reference: see `commands`.)
pub fn references(record: RecordView<'_>) -> Vec<(FieldPath, RecordRef)> {
    let mut out = Vec::new();
    let mut add = |field: FieldPath, kind: RecordKind, id: Option<Id>| {
        if let Some(id) = id {
            out.push((field, RecordRef::new(kind, id)));
        }
    };
    match record {
        RecordView::Measurement(m) => {
            for id in m.per_intervention.keys() {
                add(
                    key("per_intervention").then(id.to_string()),
                    RecordKind::Intervention,
                    Some(*id),
                );
            }
            for id in m.per_step.keys() {
                add(
                    key("per_step").then(id.to_string()),
                    RecordKind::Step,
                    Some(*id),
                );
            }
            for (i, mv) in m.moves.iter().enumerate() {
                add(
                    key("moves").at(i).then("from"),
                    RecordKind::Step,
                    Some(mv.from),
                );
                add(key("moves").at(i).then("to"), RecordKind::Step, Some(mv.to));
            }
        }
        RecordView::Meeting(m) => {
            add(key("linked_step"), RecordKind::Step, m.linked_step);
            for (j, id) in m.linked_interventions.iter().enumerate() {
                add(
                    key("linked_interventions").at(j),
                    RecordKind::Intervention,
                    Some(*id),
                );
            }
        }
        RecordView::Initiative(i) => {
            add(key("goal_id"), RecordKind::Goal, i.goal_id);
            add(key("track_id"), RecordKind::Track, i.track_id);
            add(key("parent_id"), RecordKind::Initiative, i.parent_id);
            for (j, id) in i.intervention_ids.iter().enumerate() {
                add(
                    key("intervention_ids").at(j),
                    RecordKind::Intervention,
                    Some(*id),
                );
            }
        }
        RecordView::Indicator(i) => {
            add(key("goal_id"), RecordKind::Goal, i.goal_id);
            add(
                key("initiative_id"),
                RecordKind::Initiative,
                i.initiative_id,
            );
        }
        _ => {}
    }
    out
}

/// References of `record` that name nothing in `ws`.
pub fn check_references(ws: &Workspace, record: RecordView<'_>) -> Vec<FieldIssue> {
    dangling(record, |r| ws.contains(r))
}

/// References of `record` for which `exists` says no.
fn dangling(record: RecordView<'_>, exists: impl Fn(RecordRef) -> bool) -> Vec<FieldIssue> {
    references(record)
        .into_iter()
        // An initiative naming itself as parent is reported by `check_record`.
        .filter(|(_, r)| *r != record.reference())
        .filter(|(_, r)| !exists(*r))
        .map(|(field, r)| FieldIssue {
            field,
            problem: Problem::UnknownReference(r.id),
        })
        .collect()
}

/// The records that refer to `target` (which a delete must clean up first).
pub fn referrers(ws: &Workspace, target: RecordRef) -> Vec<RecordRef> {
    let kinds: &[RecordKind] = match target.kind {
        RecordKind::Step => &[RecordKind::Measurement, RecordKind::Meeting],
        RecordKind::Intervention => &[
            RecordKind::Measurement,
            RecordKind::Meeting,
            RecordKind::Initiative,
        ],
        RecordKind::Goal => &[RecordKind::Initiative, RecordKind::Indicator],
        RecordKind::Track => &[RecordKind::Initiative],
        RecordKind::Initiative => &[RecordKind::Initiative, RecordKind::Indicator],
        _ => &[],
    };
    let id = target.id;
    let mut out = Vec::new();
    for kind in kinds {
        match kind {
            RecordKind::Measurement => out.extend(
                ws.staircase
                    .measurements
                    .iter()
                    .filter(|m| match target.kind {
                        RecordKind::Step => {
                            m.per_step.contains_key(&id)
                                || m.moves.iter().any(|mv| mv.from == id || mv.to == id)
                        }
                        _ => m.per_intervention.contains_key(&id),
                    })
                    .map(|m| RecordRef::new(RecordKind::Measurement, m.id)),
            ),
            RecordKind::Meeting => out.extend(
                ws.meetings
                    .iter()
                    .filter(|m| match target.kind {
                        RecordKind::Step => m.linked_step == Some(id),
                        _ => m.linked_interventions.contains(&id),
                    })
                    .map(|m| RecordRef::new(RecordKind::Meeting, m.id)),
            ),
            RecordKind::Initiative => out.extend(
                ws.plan
                    .initiatives
                    .iter()
                    .filter(|i| i.id != id)
                    .filter(|i| match target.kind {
                        RecordKind::Intervention => i.intervention_ids.contains(&id),
                        RecordKind::Goal => i.goal_id == Some(id),
                        RecordKind::Track => i.track_id == Some(id),
                        _ => i.parent_id == Some(id),
                    })
                    .map(|i| RecordRef::new(RecordKind::Initiative, i.id)),
            ),
            RecordKind::Indicator => out.extend(
                ws.plan
                    .indicators
                    .iter()
                    .filter(|i| match target.kind {
                        RecordKind::Goal => i.goal_id == Some(id),
                        _ => i.initiative_id == Some(id),
                    })
                    .map(|i| RecordRef::new(RecordKind::Indicator, i.id)),
            ),
            _ => {}
        }
    }
    out
}

/// Every broken rule in `ws`, with paths prefixed by `root` (e.g. "workspace"). Empty means valid.
/// Ids are unique within their kind (an intervention's id across all steps).
pub fn validate(ws: &Workspace, root: &str) -> Vec<Issue> {
    let mut v = Validation::new(ws, root);
    for record in ws.views() {
        v.record(record);
    }
    v.finish()
}

/// `validate` a record at a time, for work done in slices (`file_format::pace`): `new`, then `record` for
/// each of `ws.views()` in order, then `finish`.
pub struct Validation<'a> {
    ws: &'a Workspace,
    root: FieldPath,
    issues: Vec<Issue>,
    all: HashSet<RecordRef>,
    seen: HashSet<RecordRef>,
    index: HashMap<RecordKind, usize>,
}

impl<'a> Validation<'a> {
    /// Checks the workspace's own fields.
    pub fn new(ws: &'a Workspace, root: &str) -> Self {
        let root = FieldPath::key(root);
        let mut v = Validation {
            ws,
            issues: Vec::new(),
            all: ws.views().map(|r| r.reference()).collect(),
            seen: HashSet::new(),
            index: HashMap::new(),
            root: root.clone(),
        };
        v.at(
            &root,
            check_info(&ws.name, &ws.municipality, &ws.description),
        );
        v.at(
            &root.clone().then("follow_up"),
            check_follow_up(&ws.follow_up),
        );
        v.at(
            &root.clone().then("plan"),
            check_plan_info(&ws.plan.title, &ws.plan.period, ws.plan.stale_after_days),
        );
        v
    }

    fn at(&mut self, prefix: &FieldPath, list: Vec<FieldIssue>) {
        self.issues.extend(list.into_iter().map(|f| Issue {
            path: prefix.clone().join(&f.field),
            problem: f.problem,
        }));
    }

    /// Checks the next record of `ws.views()`.
    pub fn record(&mut self, record: RecordView<'_>) {
        let r = record.reference();
        let n = self.index.entry(r.kind).or_default();
        let nth = *n;
        *n += 1;
        let mut found = Vec::new();
        if !self.seen.insert(r) {
            found.push(FieldIssue {
                field: key("id"),
                problem: Problem::DuplicateId(r.id),
            });
        }
        found.extend(check_record(record));
        found.extend(dangling(record, |r| self.all.contains(&r)));
        if !found.is_empty() {
            // The n-th record of its kind in file order names its own path even when its id repeats. Built
            // only for a record with issues: most have none, and each path is a few allocations.
            let path = nth_path(self.ws, &self.root, r.kind, nth).unwrap_or_default();
            self.at(&path, found);
        }
    }

    /// Checks what spans records (loops of parents), and gives every broken rule found.
    pub fn finish(mut self) -> Vec<Issue> {
        let loops: HashSet<Id> = parent_loops(&self.ws.plan).into_iter().collect();
        for (i, ini) in self.ws.plan.initiatives.iter().enumerate() {
            if loops.contains(&ini.id) {
                self.issues.push(Issue {
                    path: self
                        .root
                        .clone()
                        .then("plan")
                        .then("initiatives")
                        .at(i)
                        .then("parent_id"),
                    problem: Problem::ParentLoop,
                });
            }
        }
        self.issues
    }
}

/// Whether `parent` as the parent of initiative `id` closes a loop: walking up from `parent` meets `id`.
/// `id` as its own parent is `SelfReference`, checked per record. The walk stops at a loop already there.
pub fn closes_loop(plan: &ActionPlan, id: Id, parent: Id) -> bool {
    if parent == id {
        return false;
    }
    let parents: HashMap<Id, Id> = plan
        .initiatives
        .iter()
        .filter_map(|i| i.parent_id.map(|p| (i.id, p)))
        .collect();
    let mut seen = HashSet::new();
    let mut cur = Some(parent);
    while let Some(c) = cur {
        if c == id {
            return true;
        }
        if !seen.insert(c) {
            return false;
        }
        cur = parents.get(&c).copied();
    }
    false
}

/// The initiatives whose parent link closes a loop: one per loop, the first of the loop in list order, so
/// that removing those links leaves none. What `validate` reports, `apply` refuses and lenient loading
/// removes. Linear: each initiative is walked once.
pub fn parent_loops(plan: &ActionPlan) -> Vec<Id> {
    let list = &plan.initiatives;
    let mut index: HashMap<Id, usize> = HashMap::with_capacity(list.len());
    for (i, ini) in list.iter().enumerate() {
        index.entry(ini.id).or_insert(i);
    }
    // An initiative as its own parent is `SelfReference`, not a loop through others.
    let parent_of = |i: usize| {
        list[i]
            .parent_id
            .filter(|p| *p != list[i].id)
            .and_then(|p| index.get(&p).copied())
    };
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        Not,
        OnPath,
        Done,
    }
    let mut seen = vec![Seen::Not; list.len()];
    let mut cut = Vec::new();
    for start in 0..list.len() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(c) = cur {
            match seen[c] {
                Seen::Not => {
                    seen[c] = Seen::OnPath;
                    path.push(c);
                    cur = parent_of(c);
                }
                Seen::OnPath => {
                    let from = path.iter().position(|&x| x == c).unwrap_or(0);
                    cut.extend(path[from..].iter().min().copied());
                    break;
                }
                Seen::Done => break,
            }
        }
        for p in path {
            seen[p] = Seen::Done;
        }
    }
    cut.stable_sort();
    cut.into_iter().map(|i| list[i].id).collect()
}

/// The path of the n-th record of a kind, in the order of `Workspace::records`.
fn nth_path(ws: &Workspace, root: &FieldPath, kind: RecordKind, n: usize) -> Option<FieldPath> {
    let s = &ws.staircase;
    let p = &ws.plan;
    let list = |part: Option<&str>, name: &str, len: usize| {
        (n < len).then(|| {
            let at = part.map_or_else(|| root.clone(), |part| root.clone().then(part));
            at.then(name).at(n)
        })
    };
    match kind {
        RecordKind::Step => list(Some("staircase"), "steps", s.steps.len()),
        RecordKind::Intervention => {
            let mut left = n;
            for (i, st) in s.steps.iter().enumerate() {
                if left < st.interventions.len() {
                    return Some(
                        root.clone()
                            .then("staircase")
                            .then("steps")
                            .at(i)
                            .then("interventions")
                            .at(left),
                    );
                }
                left -= st.interventions.len();
            }
            None
        }
        RecordKind::Measurement => list(Some("staircase"), "measurements", s.measurements.len()),
        RecordKind::Meeting => list(None, "meetings", ws.meetings.len()),
        RecordKind::Template => list(None, "meeting_templates", ws.meeting_templates.len()),
        RecordKind::Goal => list(Some("plan"), "goals", p.goals.len()),
        RecordKind::Track => list(Some("plan"), "tracks", p.tracks.len()),
        RecordKind::Initiative => list(Some("plan"), "initiatives", p.initiatives.len()),
        RecordKind::Indicator => list(Some("plan"), "indicators", p.indicators.len()),
        RecordKind::TimelineRow => list(Some("plan"), "timeline", p.timeline.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn plan_with_parents(parents: &[Option<usize>]) -> ActionPlan {
        let mut plan = ActionPlan {
            initiatives: (0..parents.len())
                .map(|n| Initiative {
                    title: format!("I{n}"),
                    ..Initiative::default()
                })
                .collect(),
            ..ActionPlan::default()
        };
        let ids: Vec<Id> = plan.initiatives.iter().map(|i| i.id).collect();
        for (i, p) in parents.iter().enumerate() {
            plan.initiatives[i].parent_id = p.map(|p| ids[p]);
        }
        plan
    }

    #[test]
    fn a_loop_of_sub_items_is_cut_once_at_its_first_member() {
        // 0 under 2 under 1 under 0: one loop; 3 hangs under it; 4 under 5 under 4: another; 6 under itself
        // is `SelfReference`, not a loop through others.
        let mut plan =
            plan_with_parents(&[Some(2), Some(0), Some(1), Some(1), Some(5), Some(4), None]);
        plan.initiatives[6].parent_id = Some(plan.initiatives[6].id);
        let ids: Vec<Id> = plan.initiatives.iter().map(|i| i.id).collect();
        assert_eq!(parent_loops(&plan), vec![ids[0], ids[4]]);
        // Removing those links leaves no loop.
        plan.initiatives[0].parent_id = None;
        plan.initiatives[4].parent_id = None;
        assert!(parent_loops(&plan).is_empty());
    }

    #[test]
    fn a_parent_closes_a_loop_when_it_is_below_the_initiative() {
        let plan = plan_with_parents(&[None, Some(0), Some(1), None]);
        let ids: Vec<Id> = plan.initiatives.iter().map(|i| i.id).collect();
        assert!(closes_loop(&plan, ids[0], ids[2]), "2 is under 1 under 0");
        assert!(closes_loop(&plan, ids[0], ids[1]));
        assert!(!closes_loop(&plan, ids[2], ids[0]), "moving down is fine");
        assert!(!closes_loop(&plan, ids[0], ids[3]));
        assert!(
            !closes_loop(&plan, ids[0], ids[0]),
            "itself is SelfReference"
        );
    }

    #[test]
    fn validate_names_the_link_that_closes_a_loop() {
        let mut ws = Workspace::new("x");
        ws.plan = plan_with_parents(&[None, Some(2), Some(1)]);
        assert_eq!(
            validate(&ws, "w"),
            vec![Issue {
                path: FieldPath::parse("w.plan.initiatives[1].parent_id"),
                problem: Problem::ParentLoop
            }]
        );
    }

    #[test]
    fn a_long_chain_is_checked_in_linear_time() {
        // 20,000 initiatives, each under the one before: a hostile file must not take n² steps.
        let n: usize = 20_000;
        let parents: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        let mut plan = plan_with_parents(&parents);
        assert!(parent_loops(&plan).is_empty());
        let last = plan.initiatives[n - 1].id;
        plan.initiatives[0].parent_id = Some(last);
        assert_eq!(parent_loops(&plan), vec![plan.initiatives[0].id]);
    }

    #[test]
    fn measurements_indicators_and_time_plan_rows_need_a_name_or_an_activity() {
        let mut ws = Workspace::new("x");
        ws.staircase.measurements.push(Measurement::default());
        ws.plan.indicators.push(Indicator {
            name: " ".into(),
            ..Indicator::default()
        });
        ws.plan.timeline.push(TimelineRow::default());
        let paths: Vec<(FieldPath, Problem)> = validate(&ws, "w")
            .into_iter()
            .map(|i| (i.path, i.problem))
            .collect();
        assert_eq!(
            paths,
            vec![
                (
                    FieldPath::parse("w.staircase.measurements[0].name"),
                    Problem::Empty
                ),
                (
                    FieldPath::parse("w.plan.indicators[0].name"),
                    Problem::Empty
                ),
                (
                    FieldPath::parse("w.plan.timeline[0].activity"),
                    Problem::Empty
                ),
            ]
        );
    }

    #[test]
    fn a_fresh_workspace_is_valid() {
        assert!(validate(&Workspace::new("Ny"), "workspace").is_empty());
    }

    #[test]
    fn negative_cost_is_reported_with_its_path() {
        let mut ws = Workspace::new("x");
        ws.staircase.steps = vec![
            Step::named("Trin"),
            Step::named("Trin"),
            Step::named("Trin"),
        ];
        ws.staircase.steps[2].interventions.push(Intervention {
            unit_cost: Some(-5),
            ..Intervention::named("Indsats")
        });
        let issues = validate(&ws, "workspace");
        assert_eq!(
            issues,
            vec![Issue {
                path: FieldPath::parse("workspace.staircase.steps[2].interventions[0].unit_cost"),
                problem: Problem::Negative
            }]
        );
    }

    #[test]
    fn duplicate_ids_dangling_links_and_cpr_are_reported() {
        let mut ws = Workspace::new("x");
        let m = Meeting {
            case_ref: "010203-1234".into(),
            linked_step: Some(new_id()),
            safety_scale: Some(11),
            ..Meeting::default()
        };
        ws.meetings = vec![m.clone(), m];
        let issues = validate(&ws, "w");
        let problems: Vec<Problem> = issues.iter().map(|i| i.problem.clone()).collect();
        assert!(problems.contains(&Problem::CprLike));
        assert!(issues
            .iter()
            .any(|i| i.path == FieldPath::parse("w.meetings[1].id")
                && matches!(i.problem, Problem::DuplicateId(_))));
        assert!(issues
            .iter()
            .any(|i| i.path == FieldPath::parse("w.meetings[0].linked_step")
                && matches!(i.problem, Problem::UnknownReference(_))));
        assert!(problems.contains(&Problem::OutOfRange { min: 0, max: 10 }));
    }

    #[test]
    fn empty_name_and_overlong_texts_and_nan_are_reported() {
        let mut ws = Workspace::new(" ");
        ws.description = "a".repeat(MAX_TEXT + 1);
        ws.plan.indicators.push(Indicator {
            baseline: Some(f64::NAN),
            ..Indicator::default()
        });
        let issues = validate(&ws, "w");
        assert!(issues.contains(&Issue {
            path: FieldPath::parse("w.name"),
            problem: Problem::Empty
        }));
        assert!(issues.contains(&Issue {
            path: FieldPath::parse("w.description"),
            problem: Problem::TooLong { max: MAX_TEXT }
        }));
        assert!(issues.contains(&Issue {
            path: FieldPath::parse("w.plan.indicators[0].baseline"),
            problem: Problem::NotFinite
        }));
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let ok = Intervention {
            name: "æ".repeat(MAX_NAME),
            ..Intervention::named("Indsats")
        };
        assert!(check_record(RecordView::Intervention {
            step: new_id(),
            intervention: &ok
        })
        .is_empty());
        let long = Intervention {
            provider: "a".repeat(MAX_NAME + 1),
            ..Intervention::named("Indsats")
        };
        assert_eq!(
            check_record(RecordView::Intervention {
                step: new_id(),
                intervention: &long
            }),
            vec![FieldIssue {
                field: "provider".into(),
                problem: Problem::TooLong { max: MAX_NAME }
            }]
        );
    }

    #[test]
    fn generated_names_keep_within_the_limit() {
        assert_eq!(name_with_suffix("Køge 2019", "(kopi)"), "Køge 2019 (kopi)");
        let long = "æ".repeat(MAX_NAME);
        let named = name_with_suffix(&long, "(kopi)");
        assert_eq!(named.chars().count(), MAX_NAME);
        assert!(named.ends_with("… (kopi)"));
        assert!(check_info(&named, "", "").is_empty());
    }

    #[test]
    fn referrers_find_every_link_to_an_intervention() {
        let mut ws = Workspace::new("x");
        let iv = Intervention::named("Indsats");
        let mut step = Step::named("Trin");
        step.interventions.push(iv.clone());
        ws.staircase.steps.push(step);
        let mut m = Measurement::default();
        m.per_intervention.insert(iv.id, 3);
        ws.staircase.measurements.push(m.clone());
        let meeting = Meeting {
            linked_interventions: vec![iv.id],
            ..Meeting::default()
        };
        ws.meetings.push(meeting.clone());
        let ini = Initiative {
            intervention_ids: vec![iv.id],
            ..Initiative::default()
        };
        ws.plan.initiatives.push(ini.clone());
        let found = referrers(&ws, RecordRef::new(RecordKind::Intervention, iv.id));
        assert_eq!(
            found,
            vec![
                RecordRef::new(RecordKind::Measurement, m.id),
                RecordRef::new(RecordKind::Meeting, meeting.id),
                RecordRef::new(RecordKind::Initiative, ini.id),
            ]
        );
    }

    #[test]
    fn info_fields_map_to_form_fields() {
        let long = "x".repeat(MAX_TEXT + 1);
        let issues = check_info("Navn", "", &long);
        assert_eq!(issues.len(), 1);
        assert_eq!(
            InfoField::of_model_field(&issues[0].field),
            InfoField::Description
        );
        assert_eq!(
            InfoField::of_model_field(&FieldPath::key("municipality")),
            InfoField::Municipality
        );
        assert_eq!(
            InfoField::of_model_field(&FieldPath::key("name")),
            InfoField::Name
        );
        assert_eq!(
            InfoField::of_model_field(&FieldPath::key("other")),
            InfoField::Name
        );
    }
}
