//! The list and board filter, and the owners and committees its drop-downs offer.

use super::committees::{committees_of, effective_committee, in_committee, same_name};
use super::status::is_stale;
use super::tree::tree_order;
use crate::model::collation::danish_cmp;
use crate::model::sorting::StableSort;
use crate::model::{ActionPlan, Id, Initiative, InitiativeStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The list and board filter. Empty fields mean "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanFilter {
    pub owner: String,
    pub committee: String,
    pub statuses: Vec<InitiativeStatus>,
    pub stale_only: bool,
    /// Every word must occur (any case) in the number, title, description, owner, committee or a note.
    pub text: String,
}

impl PlanFilter {
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty()
            && self.committee.trim().is_empty()
            && self.statuses.is_empty()
            && !self.stale_only
            && self.text.trim().is_empty()
    }
}

fn text_matches(ini: &Initiative, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut hay = String::new();
    for s in [
        &ini.number,
        &ini.title,
        &ini.description,
        &ini.owner,
        &ini.committee,
        &ini.period,
    ] {
        hay.push_str(&s.to_lowercase());
        hay.push('\n');
    }
    for n in &ini.history {
        hay.push_str(&n.text.to_lowercase());
        hay.push('\n');
        hay.push_str(&n.author.to_lowercase());
        hay.push('\n');
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

fn matches_words(
    ini: &Initiative,
    committee: &str,
    f: &PlanFilter,
    words: &[String],
    today: NaiveDate,
    stale_after_days: u32,
) -> bool {
    (f.owner.trim().is_empty() || same_name(&ini.owner, &f.owner))
        && (f.committee.trim().is_empty() || in_committee(committee, &f.committee))
        && (f.statuses.is_empty() || f.statuses.contains(&ini.status))
        && (!f.stale_only || is_stale(ini, today, stale_after_days))
        && text_matches(ini, words)
}

/// Ids of the initiatives passing `f`, in list order (number order, sub-items under their parent). The
/// committee is matched as a set (see [`committees_of`]), and a sub-item without a committee has its
/// parent's.
pub fn filter(plan: &ActionPlan, f: &PlanFilter, today: NaiveDate) -> Vec<Id> {
    let words: Vec<String> = f
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let by_id: HashMap<Id, &Initiative> = plan.initiatives.iter().map(|i| (i.id, i)).collect();
    let hits: Vec<Id> = plan
        .initiatives
        .iter()
        .filter(|i| {
            let committee = effective_committee(&by_id, i);
            matches_words(i, committee, f, &words, today, plan.stale_after_days)
        })
        .map(|i| i.id)
        .collect();
    tree_order(plan, Some(&hits))
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = values
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty() && seen.insert(v.to_lowercase()))
        .collect();
    out.stable_sort_by(|a, b| danish_cmp(a, b));
    out
}

/// The owners named in the plan, once each (first spelling wins), in Danish alphabetical order.
pub fn distinct_owners(plan: &ActionPlan) -> Vec<String> {
    distinct(plan.initiatives.iter().map(|i| i.owner.clone()))
}

/// Each committee named in the plan once (first spelling wins), in Danish alphabetical order: an
/// initiative of "Børneudvalget og Skoleudvalget" adds both (see [`committees_of`]).
pub fn distinct_committees(plan: &ActionPlan) -> Vec<String> {
    distinct(
        plan.initiatives
            .iter()
            .flat_map(|i| committees_of(&i.committee)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{d, ini, numbers, sample_plan};
    use chrono::{TimeZone, Utc};

    #[test]
    fn filters() {
        let (mut p, ids) = sample_plan();
        let today = d(2019, 6, 1);
        for i in p.initiatives.iter_mut() {
            i.created_at = Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap();
        }
        let (a, c, six_a) = (ids[0], ids[2], ids[4]);
        p.add_note(c, d(2019, 5, 20), "BH", "Høringssvar modtaget")
            .unwrap();
        p.set_status(a, InitiativeStatus::Done, d(2019, 5, 1), "", "")
            .unwrap();
        let run = |f: &PlanFilter| numbers(&p, &filter(&p, f, today));

        assert_eq!(run(&PlanFilter::default()).len(), 7);
        assert_eq!(
            run(&PlanFilter {
                owner: "FAMILIECENTRET".into(),
                ..PlanFilter::default()
            }),
            vec!["1.10", "2.1"]
        );
        assert_eq!(
            run(&PlanFilter {
                committee: "Børneudvalget".into(),
                statuses: vec![InitiativeStatus::NotStarted],
                ..PlanFilter::default()
            }),
            vec!["1.2"]
        );
        // Stale: all but 1.2 (recent note) and 1.10 (done).
        assert_eq!(
            run(&PlanFilter {
                stale_only: true,
                ..PlanFilter::default()
            }),
            vec!["2.1", "6", "6A", "6B", "7"]
        );
        // Text: every word, any case, also in notes; a matching sub-item stands alone.
        assert_eq!(
            run(&PlanFilter {
                text: "HØRINGSSVAR modtaget".into(),
                ..PlanFilter::default()
            }),
            vec!["1.2"]
        );
        assert_eq!(
            run(&PlanFilter {
                text: "icdp".into(),
                ..PlanFilter::default()
            }),
            vec!["6A"]
        );
        assert_eq!(
            filter(
                &p,
                &PlanFilter {
                    text: "cos-p".into(),
                    ..PlanFilter::default()
                },
                today
            ),
            vec![six_a]
        );
        assert_eq!(distinct_owners(&p), vec!["Familiecentret", "Ungecentret"]);
        assert_eq!(
            distinct_committees(&p),
            vec!["Børneudvalget", "Skoleudvalget"]
        );
    }

    #[test]
    fn owners_in_danish_order() {
        let mut p = ActionPlan::default();
        for owner in [
            "Aabenraa Skole",
            "Ørsted Skole",
            "Élevhjemmet",
            "Vejle Skole",
            "Ærø Skole",
            "Ebeltoft",
        ] {
            p.initiatives.push(Initiative {
                owner: owner.into(),
                ..ini("1", "x")
            });
        }
        assert_eq!(
            distinct_owners(&p),
            vec![
                "Ebeltoft",
                "Élevhjemmet",
                "Vejle Skole",
                "Ærø Skole",
                "Ørsted Skole",
                "Aabenraa Skole"
            ]
        );
    }
}
