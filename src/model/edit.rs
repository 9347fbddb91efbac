//! One edit of a part of the workspace (the staircase, the plan) as the command that makes it. The
//! operations of `staircase_ops` and `plan_ops` are plain functions on the part; an edit runs one on a copy
//! and `delta` turns the difference into puts and removes. So every edit, from a form or a test, reaches
//! the workspace only as a `Command` through `commands::apply`, which enforces every rule of
//! `validation`; the property test over command sequences (`tests/commands.rs`) makes its commands here
//! and checks that each delta reproduces its target exactly.

use super::commands::Command;
use super::{delta, ActionPlan, Staircase, Workspace};

/// A part of the workspace that operations edit as a whole value.
pub trait Part: Clone {
    fn of(ws: &Workspace) -> &Self;
    /// The commands that turn `before` into `after`.
    fn delta(before: &Self, after: &Self) -> Vec<Command>;
}

impl Part for Staircase {
    fn of(ws: &Workspace) -> &Self {
        &ws.staircase
    }
    fn delta(before: &Self, after: &Self) -> Vec<Command> {
        delta::staircase(before, after)
    }
}

impl Part for ActionPlan {
    fn of(ws: &Workspace) -> &Self {
        &ws.plan
    }
    fn delta(before: &Self, after: &Self) -> Vec<Command> {
        delta::plan(before, after)
    }
}

/// `op` on a copy of part `P` of `ws`, as its result and the one command that makes the change. `ws` is
/// not changed; an operation that refuses gives its error and no command.
pub fn command<P: Part, T, E>(
    ws: &Workspace,
    op: impl FnOnce(&mut P) -> Result<T, E>,
) -> Result<(T, Command), E> {
    let before = P::of(ws);
    let mut after = before.clone();
    let out = op(&mut after)?;
    Ok((out, Command::batch(P::delta(before, &after))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::apply;
    use crate::model::plan_ops::PlanError;
    use crate::model::{Goal, Step};

    #[test]
    fn an_edit_is_one_command_that_makes_exactly_the_operations_change() {
        let mut ws = Workspace::new("Test");
        let (id, cmd) = command(&ws, |p: &mut ActionPlan| {
            p.add_goal(Goal {
                title: "Færre anbringelser".into(),
                ..Goal::default()
            })
        })
        .unwrap();
        assert!(ws.plan.goals.is_empty(), "the workspace is not changed");
        apply(&mut ws, cmd).unwrap();
        assert_eq!(ws.plan.goal(id).unwrap().title, "Færre anbringelser");

        let ((), cmd) = command(&ws, |s: &mut Staircase| {
            s.steps.push(Step::named("Forebyggelse"));
            Ok::<_, PlanError>(())
        })
        .unwrap();
        apply(&mut ws, cmd).unwrap();
        assert_eq!(ws.staircase.steps.len(), 1);
    }

    #[test]
    fn a_refused_operation_gives_no_command() {
        let ws = Workspace::new("Test");
        let refused = command(&ws, |p: &mut ActionPlan| p.add_goal(Goal::default()));
        assert!(matches!(refused, Err(PlanError::Empty(_))), "{refused:?}");
    }
}
