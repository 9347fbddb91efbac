//! What an initiative's page states about it, worked out from the plan and the staircase: the goal, track
//! and parent it names, its deadline and how it stands, its budget by year with the total, and the
//! interventions and indicators that belong to it. `text::plan` words these; the page only shows them.

use super::plan_deadline::{deadline, deadline_state, Deadline, DeadlineState};
use super::{ActionPlan, BudgetLine, Goal, Id, Initiative, Kroner, Staircase, Track};
use crate::model::sorting::StableSort;
use chrono::NaiveDate;

/// An initiative's budget: its lines by year (equal years in their stored order) and their sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub lines: Vec<BudgetLine>,
    pub total: Kroner,
}

/// The budget lines by year, and their total; `None` when there are none.
pub fn budget(lines: &[BudgetLine]) -> Option<Budget> {
    if lines.is_empty() {
        return None;
    }
    let mut lines = lines.to_vec();
    lines.stable_sort_by_key(|b| b.year);
    let total = lines.iter().map(|b| b.amount).sum();
    Some(Budget { lines, total })
}

/// The names of the staircase's interventions among `ids`, in the order of `ids`; an id the staircase no
/// longer has is left out.
pub fn intervention_names(staircase: &Staircase, ids: &[Id]) -> Vec<String> {
    ids.iter()
        .filter_map(|iv| {
            staircase
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .find(|x| x.id == *iv)
                .map(|x| x.name.clone())
        })
        .collect()
}

/// The plan's indicators that measure initiative `id`, as (id, name), in the plan's order.
pub fn indicators_of(plan: &ActionPlan, id: Id) -> Vec<(Id, String)> {
    plan.indicators
        .iter()
        .filter(|x| x.initiative_id == Some(id))
        .map(|x| (x.id, x.name.clone()))
        .collect()
}

/// What the page's fact list shows, before it is worded.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeFacts<'a> {
    pub goal: Option<&'a Goal>,
    pub track: Option<&'a Track>,
    pub parent: Option<&'a Initiative>,
    pub owner: &'a str,
    pub committee: &'a str,
    pub start: Option<NaiveDate>,
    pub deadline: Option<Deadline>,
    pub state: DeadlineState,
    pub period: &'a str,
    pub budget: Option<Budget>,
    pub interventions: Vec<String>,
}

/// The facts of `ini` on `today`: references resolved in `plan` and `staircase` (one that names nothing is
/// `None`, so the page shows a dash).
pub fn initiative_facts<'a>(
    plan: &'a ActionPlan,
    staircase: &Staircase,
    ini: &'a Initiative,
    today: NaiveDate,
) -> InitiativeFacts<'a> {
    InitiativeFacts {
        goal: ini.goal_id.and_then(|g| plan.goal(g)),
        track: ini.track_id.and_then(|t| plan.track(t)),
        parent: ini.parent_id.and_then(|x| plan.initiative(x)),
        owner: &ini.owner,
        committee: &ini.committee,
        start: ini.start,
        deadline: deadline(ini),
        state: deadline_state(ini, today),
        period: &ini.period,
        budget: budget(&ini.budget),
        interventions: intervention_names(staircase, &ini.intervention_ids),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Intervention, Step};

    fn line(year: i32, amount: Kroner) -> BudgetLine {
        BudgetLine { year, amount }
    }

    #[test]
    fn the_budget_is_by_year_with_its_total() {
        assert_eq!(budget(&[]), None);
        let b = budget(&[line(2027, 100), line(2025, 250_000), line(2026, 0)]).unwrap();
        assert_eq!(
            b.lines,
            vec![line(2025, 250_000), line(2026, 0), line(2027, 100)]
        );
        assert_eq!(b.total, 250_100);
        // Two lines for one year both count, in their stored order.
        let twice = budget(&[line(2026, 2), line(2025, 5), line(2026, 1)]).unwrap();
        assert_eq!(
            twice.lines,
            vec![line(2025, 5), line(2026, 2), line(2026, 1)]
        );
        assert_eq!(twice.total, 8);
    }

    fn staircase() -> (Staircase, Id, Id) {
        let a = Intervention {
            name: "Familiebehandling".into(),
            ..Intervention::default()
        };
        let b = Intervention {
            name: "Mentor".into(),
            ..Intervention::default()
        };
        let (ia, ib) = (a.id, b.id);
        let s = Staircase {
            steps: vec![
                Step {
                    interventions: vec![a],
                    ..Step::default()
                },
                Step {
                    interventions: vec![b],
                    ..Step::default()
                },
            ],
            ..Staircase::default()
        };
        (s, ia, ib)
    }

    #[test]
    fn interventions_by_name_in_the_initiatives_order_without_lost_ones() {
        let (s, a, b) = staircase();
        assert_eq!(
            intervention_names(&s, &[b, crate::model::new_id(), a]),
            vec!["Mentor".to_string(), "Familiebehandling".into()]
        );
        assert!(intervention_names(&s, &[]).is_empty());
    }

    #[test]
    fn facts_resolve_references_and_indicators_belong_by_initiative() {
        let (s, a, _) = staircase();
        let goal = Goal {
            title: "Flere børn i skole".into(),
            ..Goal::default()
        };
        let parent = Initiative {
            title: "Forebyggelse".into(),
            ..Initiative::default()
        };
        let ini = Initiative {
            title: "Mentorordning".into(),
            goal_id: Some(goal.id),
            track_id: Some(crate::model::new_id()),
            parent_id: Some(parent.id),
            owner: "Familieafdelingen".into(),
            budget: vec![line(2026, 10), line(2025, 5)],
            intervention_ids: vec![a],
            ..Initiative::default()
        };
        let mine = Indicator {
            name: "Fremmøde".into(),
            initiative_id: Some(ini.id),
            ..Indicator::default()
        };
        let other = Indicator {
            name: "Andet".into(),
            initiative_id: Some(parent.id),
            ..Indicator::default()
        };
        let plan = ActionPlan {
            goals: vec![goal.clone()],
            initiatives: vec![parent.clone(), ini.clone()],
            indicators: vec![other, mine.clone()],
            ..ActionPlan::default()
        };
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let f = initiative_facts(&plan, &s, plan.initiative(ini.id).unwrap(), day);
        assert_eq!(f.goal.map(|g| g.id), Some(goal.id));
        // A track the plan does not have reads as none.
        assert_eq!(f.track, None);
        assert_eq!(f.parent.map(|p| p.id), Some(parent.id));
        assert_eq!(f.owner, "Familieafdelingen");
        assert_eq!(f.budget.map(|b| b.total), Some(15));
        assert_eq!(f.interventions, vec!["Familiebehandling".to_string()]);
        assert_eq!(f.state, deadline_state(&ini, day));
        assert_eq!(indicators_of(&plan, ini.id), vec![(mine.id, mine.name)]);
    }
}
