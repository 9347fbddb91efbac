//! Moves on the staircase during a measurement's period: children who moved down (to a less intrusive
//! step) against children who moved up, and each step's net flow. Steps are ordered least intrusive first,
//! so "down" is towards the first step.

use crate::model::{Id, Measurement, Staircase};
use std::collections::HashMap;

/// Children who arrived at and left one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepFlow {
    pub step_id: Id,
    pub moved_in: i64,
    pub moved_out: i64,
}

impl StepFlow {
    /// Arrivals minus departures: positive when the step gained children by moves.
    pub fn net(&self) -> i64 {
        self.moved_in - self.moved_out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveFigures {
    /// Children who moved to a less intrusive step.
    pub down: i64,
    /// Children who moved to a more intrusive step.
    pub up: i64,
    /// One entry per step, in staircase order.
    pub flows: Vec<StepFlow>,
    /// Moves recorded (rows, not children).
    pub recorded: usize,
}

impl MoveFigures {
    pub fn children(&self) -> i64 {
        self.down + self.up
    }
}

/// The moves of `m`. A move naming a step that is not on the staircase cannot be placed and is left out
/// (the rules keep such moves out of a stored workspace).
pub fn move_figures(s: &Staircase, m: &Measurement) -> MoveFigures {
    let index: HashMap<Id, usize> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| (st.id, i))
        .collect();
    let mut flows: Vec<StepFlow> = s
        .steps
        .iter()
        .map(|st| StepFlow {
            step_id: st.id,
            moved_in: 0,
            moved_out: 0,
        })
        .collect();
    let (mut down, mut up) = (0i64, 0i64);
    for mv in &m.moves {
        let (Some(&from), Some(&to)) = (index.get(&mv.from), index.get(&mv.to)) else {
            continue;
        };
        let n = i64::from(mv.children);
        if to < from {
            down += n;
        } else if to > from {
            up += n;
        } else {
            continue;
        }
        flows[from].moved_out += n;
        flows[to].moved_in += n;
    }
    MoveFigures {
        down,
        up,
        flows,
        recorded: m.moves.len(),
    }
}
