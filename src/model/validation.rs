//! Checks of a whole workspace beyond what its types enforce: lengths, ranges, duplicate ids, references,
//! CPR-like case references. Each issue names the JSON path of the offending value.

use super::{privacy, Id, Workspace};
use std::collections::HashSet;

pub const MAX_NAME: usize = 300;
pub const MAX_TEXT: usize = 50_000;
pub const MAX_AMOUNT: i64 = 100_000_000_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    TooLong { max: usize },
    Negative,
    TooLarge { max: i64 },
    OutOfRange { min: i64, max: i64 },
    NotFinite,
    DuplicateId(Id),
    UnknownReference(Id),
    CprLike,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Path in the file, e.g. `workspace.staircase.steps[2].interventions[0].unit_cost`.
    pub path: String,
    pub problem: Problem,
}

struct Checker {
    issues: Vec<Issue>,
    ids: HashSet<Id>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.issues.push(Issue {
            path: path.into(),
            problem,
        });
    }
    fn id(&mut self, path: &str, id: Id) {
        if !self.ids.insert(id) {
            self.push(format!("{path}.id"), Problem::DuplicateId(id));
        }
    }
    fn name(&mut self, path: String, s: &str) {
        if s.chars().count() > MAX_NAME {
            self.push(path, Problem::TooLong { max: MAX_NAME });
        }
    }
    fn text(&mut self, path: String, s: &str) {
        if s.chars().count() > MAX_TEXT {
            self.push(path, Problem::TooLong { max: MAX_TEXT });
        }
    }
    fn amount(&mut self, path: String, v: Option<i64>) {
        match v {
            Some(v) if v < 0 => self.push(path, Problem::Negative),
            Some(v) if v > MAX_AMOUNT => self.push(path, Problem::TooLarge { max: MAX_AMOUNT }),
            _ => {}
        }
    }
    fn number(&mut self, path: String, v: Option<f64>) {
        if v.is_some_and(|v| !v.is_finite()) {
            self.push(path, Problem::NotFinite);
        }
    }
    fn reference(&mut self, path: String, id: Option<Id>, known: &HashSet<Id>) {
        if let Some(id) = id {
            if !known.contains(&id) {
                self.push(path, Problem::UnknownReference(id));
            }
        }
    }
}

/// All problems in `ws`, paths prefixed with `root` (e.g. "workspace"). Empty means valid.
pub fn validate(ws: &Workspace, root: &str) -> Vec<Issue> {
    let mut c = Checker {
        issues: Vec::new(),
        ids: HashSet::new(),
    };
    if ws.name.trim().is_empty() {
        c.push(format!("{root}.name"), Problem::Empty);
    }
    c.name(format!("{root}.name"), &ws.name);
    c.name(format!("{root}.municipality"), &ws.municipality);
    c.text(format!("{root}.description"), &ws.description);

    let s = &ws.staircase;
    let mut step_ids = HashSet::new();
    let mut intervention_ids = HashSet::new();
    for (i, step) in s.steps.iter().enumerate() {
        let p = format!("{root}.staircase.steps[{i}]");
        c.id(&p, step.id);
        step_ids.insert(step.id);
        c.name(format!("{p}.name"), &step.name);
        c.text(format!("{p}.description"), &step.description);
        c.amount(
            format!("{p}.yearly_cost_per_child"),
            step.yearly_cost_per_child,
        );
        for (j, iv) in step.interventions.iter().enumerate() {
            let p = format!("{p}.interventions[{j}]");
            c.id(&p, iv.id);
            intervention_ids.insert(iv.id);
            c.name(format!("{p}.name"), &iv.name);
            for (field, v) in [
                ("legal_basis", &iv.legal_basis),
                ("provider", &iv.provider),
                ("method", &iv.method),
            ] {
                c.name(format!("{p}.{field}"), v);
            }
            c.text(format!("{p}.description"), &iv.description);
            c.amount(format!("{p}.unit_cost"), iv.unit_cost);
        }
    }
    for (i, m) in s.measurements.iter().enumerate() {
        let p = format!("{root}.staircase.measurements[{i}]");
        c.id(&p, m.id);
        c.name(format!("{p}.name"), &m.name);
        c.text(format!("{p}.note"), &m.note);
        for id in m.per_intervention.keys() {
            c.reference(
                format!("{p}.per_intervention.{id}"),
                Some(*id),
                &intervention_ids,
            );
        }
        for id in m.per_step.keys() {
            c.reference(format!("{p}.per_step.{id}"), Some(*id), &step_ids);
        }
    }

    for (i, m) in ws.meetings.iter().enumerate() {
        let p = format!("{root}.meetings[{i}]");
        c.id(&p, m.id);
        c.name(format!("{p}.case_ref"), &m.case_ref);
        if privacy::contains_cpr_like(&m.case_ref) {
            c.push(format!("{p}.case_ref"), Problem::CprLike);
        }
        for (field, v) in [
            ("initiator", &m.initiator),
            ("coordinator", &m.coordinator),
            ("invited_by", &m.invited_by),
            ("chair", &m.chair),
            ("note_taker", &m.note_taker),
        ] {
            c.name(format!("{p}.{field}"), v);
        }
        c.text(format!("{p}.decisions"), &m.decisions);
        c.text(format!("{p}.notes"), &m.notes);
        for (j, q) in m.questions.iter().enumerate() {
            c.text(format!("{p}.questions[{j}]"), q);
        }
        for (j, a) in m.action_items.iter().enumerate() {
            c.id(&format!("{p}.action_items[{j}]"), a.id);
            c.text(format!("{p}.action_items[{j}].what"), &a.what);
        }
        for (j, a) in m.participants.iter().enumerate() {
            c.id(&format!("{p}.participants[{j}]"), a.id);
            c.name(format!("{p}.participants[{j}].name"), &a.name);
        }
        if let Some(v) = m.safety_scale {
            if v > 10 {
                c.push(
                    format!("{p}.safety_scale"),
                    Problem::OutOfRange { min: 0, max: 10 },
                );
            }
        }
        c.reference(format!("{p}.linked_step"), m.linked_step, &step_ids);
        for (j, id) in m.linked_interventions.iter().enumerate() {
            c.reference(
                format!("{p}.linked_interventions[{j}]"),
                Some(*id),
                &intervention_ids,
            );
        }
    }
    for (i, t) in ws.meeting_templates.iter().enumerate() {
        c.id(&format!("{root}.meeting_templates[{i}]"), t.id);
    }

    let plan = &ws.plan;
    let goal_ids: HashSet<Id> = plan.goals.iter().map(|g| g.id).collect();
    let track_ids: HashSet<Id> = plan.tracks.iter().map(|t| t.id).collect();
    let initiative_ids: HashSet<Id> = plan.initiatives.iter().map(|t| t.id).collect();
    for (i, g) in plan.goals.iter().enumerate() {
        c.id(&format!("{root}.plan.goals[{i}]"), g.id);
        c.name(format!("{root}.plan.goals[{i}].title"), &g.title);
    }
    for (i, t) in plan.tracks.iter().enumerate() {
        c.id(&format!("{root}.plan.tracks[{i}]"), t.id);
        c.name(format!("{root}.plan.tracks[{i}].title"), &t.title);
    }
    for (i, ini) in plan.initiatives.iter().enumerate() {
        let p = format!("{root}.plan.initiatives[{i}]");
        c.id(&p, ini.id);
        c.name(format!("{p}.number"), &ini.number);
        c.name(format!("{p}.title"), &ini.title);
        c.text(format!("{p}.description"), &ini.description);
        c.reference(format!("{p}.goal_id"), ini.goal_id, &goal_ids);
        c.reference(format!("{p}.track_id"), ini.track_id, &track_ids);
        c.reference(format!("{p}.parent_id"), ini.parent_id, &initiative_ids);
        for (j, b) in ini.budget.iter().enumerate() {
            c.amount(format!("{p}.budget[{j}].amount"), Some(b.amount));
        }
        for (j, n) in ini.history.iter().enumerate() {
            c.id(&format!("{p}.history[{j}]"), n.id);
            c.text(format!("{p}.history[{j}].text"), &n.text);
        }
        for (j, id) in ini.intervention_ids.iter().enumerate() {
            c.reference(
                format!("{p}.intervention_ids[{j}]"),
                Some(*id),
                &intervention_ids,
            );
        }
    }
    for (i, ind) in plan.indicators.iter().enumerate() {
        let p = format!("{root}.plan.indicators[{i}]");
        c.id(&p, ind.id);
        c.name(format!("{p}.name"), &ind.name);
        c.number(format!("{p}.baseline"), ind.baseline);
        c.number(format!("{p}.target"), ind.target);
        c.reference(format!("{p}.goal_id"), ind.goal_id, &goal_ids);
        c.reference(
            format!("{p}.initiative_id"),
            ind.initiative_id,
            &initiative_ids,
        );
        for (j, v) in ind.values.iter().enumerate() {
            c.id(&format!("{p}.values[{j}]"), v.id);
            c.number(format!("{p}.values[{j}].value"), Some(v.value));
        }
    }
    for (i, r) in plan.timeline.iter().enumerate() {
        c.id(&format!("{root}.plan.timeline[{i}]"), r.id);
        c.text(format!("{root}.plan.timeline[{i}].activity"), &r.activity);
    }
    c.issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn a_fresh_workspace_is_valid() {
        assert!(validate(&Workspace::new("Ny"), "workspace").is_empty());
    }

    #[test]
    fn negative_cost_is_reported_with_its_path() {
        let mut ws = Workspace::new("x");
        ws.staircase.steps = vec![Step::default(), Step::default(), Step::default()];
        ws.staircase.steps[2].interventions.push(Intervention {
            unit_cost: Some(-5),
            ..Intervention::default()
        });
        let issues = validate(&ws, "workspace");
        assert_eq!(
            issues,
            vec![Issue {
                path: "workspace.staircase.steps[2].interventions[0].unit_cost".into(),
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
        let problems: Vec<Problem> = validate(&ws, "w").into_iter().map(|i| i.problem).collect();
        assert!(problems.contains(&Problem::CprLike));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::DuplicateId(_))));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::UnknownReference(_))));
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
            path: "w.name".into(),
            problem: Problem::Empty
        }));
        assert!(issues.contains(&Issue {
            path: "w.description".into(),
            problem: Problem::TooLong { max: MAX_TEXT }
        }));
        assert!(issues.contains(&Issue {
            path: "w.plan.indicators[0].baseline".into(),
            problem: Problem::NotFinite
        }));
    }
}
