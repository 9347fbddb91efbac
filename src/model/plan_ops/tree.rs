//! Sub-items: an initiative's parent, the loop check, and the list order with each sub-item right under its
//! parent, grouped by goal and track.

use super::fields::PlanError;
use super::ordering::{compare_numbers, ordered_ids, sorted_goals, sorted_tracks};
use crate::model::sorting::StableSort;
use crate::model::validation::closes_loop;
use crate::model::{ActionPlan, Id, Initiative};
use std::collections::{HashMap, HashSet};

impl ActionPlan {
    /// Direct sub-items of `id`, in number order.
    pub fn sub_items(&self, id: Id) -> Vec<Id> {
        let mut subs: Vec<&Initiative> = self
            .initiatives
            .iter()
            .filter(|i| i.parent_id == Some(id))
            .collect();
        subs.stable_sort_by(|a, b| compare_numbers(&a.number, &b.number));
        subs.into_iter().map(|i| i.id).collect()
    }

    /// `id` and all sub-items below it, parents before children.
    pub(super) fn with_descendants(&self, id: Id) -> Vec<Id> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            for child in self
                .initiatives
                .iter()
                .filter(|x| x.parent_id == Some(parent))
            {
                // Guards against cycles in imported files.
                if !out.contains(&child.id) {
                    out.push(child.id);
                }
            }
            i += 1;
        }
        out
    }

    /// Refuses `parent` as the parent of `id` when it is `id` itself or one of `id`'s sub-items (or theirs):
    /// the rule of `validation`, asked before the edit so the form can say so at the field.
    pub(super) fn check_parent(&self, id: Id, parent: Id) -> Result<(), PlanError> {
        if parent == id || closes_loop(self, id, parent) {
            return Err(PlanError::ParentCycle(id));
        }
        self.initiative(parent)
            .ok_or(PlanError::InitiativeNotFound(parent))?;
        Ok(())
    }
}

/// One line of an indented list: sub-items have depth 1, their sub-items 2 …
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeRow {
    pub id: Id,
    pub depth: usize,
}

/// The initiatives in `ids` (all when `None`) in number order with each sub-item right under its parent.
/// A sub-item whose parent is not among them stands on its own at depth 0.
pub fn tree_order(plan: &ActionPlan, ids: Option<&[Id]>) -> Vec<TreeRow> {
    let included: HashSet<Id> = match ids {
        Some(ids) => ids.iter().copied().collect(),
        None => plan.initiatives.iter().map(|i| i.id).collect(),
    };
    let mut children: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut roots = Vec::new();
    for id in ordered_ids(plan) {
        if !included.contains(&id) {
            continue;
        }
        let parent = plan
            .initiative(id)
            .and_then(|i| i.parent_id)
            .filter(|p| included.contains(p) && *p != id);
        match parent {
            Some(p) => children.entry(p).or_default().push(id),
            None => roots.push(id),
        }
    }
    let mut out = Vec::with_capacity(included.len());
    let mut seen = HashSet::new();
    fn walk(
        id: Id,
        depth: usize,
        children: &HashMap<Id, Vec<Id>>,
        seen: &mut HashSet<Id>,
        out: &mut Vec<TreeRow>,
    ) {
        if !seen.insert(id) {
            return;
        }
        out.push(TreeRow { id, depth });
        if let Some(kids) = children.get(&id) {
            for k in kids {
                walk(*k, depth + 1, children, seen, out);
            }
        }
    }
    for r in roots {
        walk(r, 0, &children, &mut seen, &mut out);
    }
    // Items caught in a parent loop (only possible in a broken file) still appear, at the top level.
    for id in ordered_ids(plan) {
        if included.contains(&id) && !seen.contains(&id) {
            walk(id, 0, &children, &mut seen, &mut out);
        }
    }
    out
}

/// A heading of the list view: one goal and one track; both `None` is the "other" group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitiativeGroup {
    pub goal_id: Option<Id>,
    pub track_id: Option<Id>,
    pub rows: Vec<TreeRow>,
}

/// Groups the initiatives in `ids` (all when `None`) by goal, then track, in number order; groups without
/// a goal or track come after those with one. Sub-items follow their parent's group.
pub fn group_initiatives(plan: &ActionPlan, ids: Option<&[Id]>) -> Vec<InitiativeGroup> {
    let goal_rank: HashMap<Id, usize> = sorted_goals(plan)
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i))
        .collect();
    let track_rank: HashMap<Id, usize> = sorted_tracks(plan)
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    let mut groups: Vec<((usize, usize), InitiativeGroup)> = Vec::new();
    let mut current: Option<usize> = None;
    for row in tree_order(plan, ids) {
        if row.depth == 0 || current.is_none() {
            let ini = plan.initiative(row.id);
            // References to a deleted goal or track count as none.
            let goal_id = ini
                .and_then(|i| i.goal_id)
                .filter(|g| goal_rank.contains_key(g));
            let track_id = ini
                .and_then(|i| i.track_id)
                .filter(|t| track_rank.contains_key(t));
            let key = (
                goal_id.map_or(usize::MAX, |g| goal_rank[&g]),
                track_id.map_or(usize::MAX, |t| track_rank[&t]),
            );
            let at = match groups.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    groups.push((
                        key,
                        InitiativeGroup {
                            goal_id,
                            track_id,
                            rows: Vec::new(),
                        },
                    ));
                    groups.len() - 1
                }
            };
            current = Some(at);
        }
        if let Some(at) = current {
            groups[at].1.rows.push(row);
        }
    }
    // Stable: rows inside each group stay in tree order.
    groups.stable_sort_by_key(|(k, _)| *k);
    groups.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{numbers, sample_plan};

    #[test]
    fn tree_and_groups() {
        let (p, _) = sample_plan();
        let rows = tree_order(&p, None);
        let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
        assert_eq!(
            numbers(&p, &ids),
            vec!["1.2", "1.10", "2.1", "6", "6A", "6B", "7"]
        );
        let depths: Vec<usize> = rows.iter().map(|r| r.depth).collect();
        assert_eq!(depths, vec![0, 0, 0, 0, 1, 1, 0]);

        let groups = group_initiatives(&p, None);
        let shape: Vec<(Option<String>, Option<String>, Vec<String>)> = groups
            .iter()
            .map(|g| {
                (
                    g.goal_id.map(|x| p.goal(x).unwrap().title.clone()),
                    g.track_id.map(|x| p.track(x).unwrap().title.clone()),
                    numbers(&p, &g.rows.iter().map(|r| r.id).collect::<Vec<_>>()),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (
                    Some("Kvalitet".into()),
                    Some("Kapacitet".into()),
                    vec!["1.2".to_string()]
                ),
                (
                    Some("Kvalitet".into()),
                    Some("Samskabelse".into()),
                    vec!["2.1".to_string()]
                ),
                (Some("Kvalitet".into()), None, vec!["7".to_string()]),
                (
                    Some("Økonomi".into()),
                    Some("Kapacitet".into()),
                    vec!["1.10".to_string()]
                ),
                (
                    None,
                    None,
                    vec!["6".to_string(), "6A".to_string(), "6B".to_string()]
                ),
            ]
        );
    }
}
