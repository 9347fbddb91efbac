//! Committee names: one committee text can name several ("Børneudvalget og Skoleudvalget"), and a sub-item
//! without a committee has its parent's.

use crate::model::{Id, Initiative};
use std::collections::{HashMap, HashSet};

/// Two names the same apart from case and surrounding spaces.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A part of a committee text with one of these names a body of its own; a part without ("Forebyggelse"
/// in "Udvalget for Sundhed og Forebyggelse") belongs to the part before it.
const COMMITTEE_WORDS: [&str; 5] = ["udvalg", "råd", "bestyrelse", "komit", "forum"];

const COMMITTEE_SEPARATORS: [&str; 5] = [" og ", ",", "&", "/", ";"];

/// The committees named in one committee text, in the order written, each once:
/// "Børneudvalget og Skoleudvalget" → both. The text is split at " og ", ",", "&", "/" and ";". A part
/// ending in a hyphen is a shortened compound and stays with the next ("Social- og
/// Arbejdsmarkedsudvalget"), and a part that names no committee, council or board stays with the one
/// before ("Udvalget for Sundhed og Forebyggelse" is one committee).
pub fn committees_of(text: &str) -> Vec<String> {
    // (the separator before the part, the part)
    let mut parts: Vec<(&str, &str)> = Vec::new();
    let (mut rest, mut sep) = (text, "");
    loop {
        let next = COMMITTEE_SEPARATORS
            .iter()
            .filter_map(|s| rest.find(s).map(|at| (at, *s)))
            .min_by_key(|(at, _)| *at);
        let Some((at, s)) = next else {
            parts.push((sep, rest.trim()));
            break;
        };
        parts.push((sep, rest[..at].trim()));
        sep = s;
        rest = &rest[at + s.len()..];
    }
    // A shortened first half ("Social-") joins the part after it.
    let mut whole: Vec<(&str, String)> = Vec::new();
    let mut pending: Option<(&str, String)> = None;
    for (sep, part) in parts {
        let item = match pending.take() {
            Some((first_sep, first)) => (first_sep, format!("{first}{sep}{part}")),
            None => (sep, part.to_string()),
        };
        if item.1.ends_with('-') {
            pending = Some(item);
        } else {
            whole.push(item);
        }
    }
    whole.extend(pending);
    let mut out: Vec<String> = Vec::new();
    for (sep, part) in whole {
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        let names_a_body = COMMITTEE_WORDS.iter().any(|w| lower.contains(w));
        match out.last_mut() {
            Some(last) if !names_a_body => {
                last.push_str(sep);
                last.push_str(&part);
            }
            _ => out.push(part),
        }
    }
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.to_lowercase()));
    out
}

/// Whether a committee text names `wanted` (any case), as a whole or as one of its committees.
pub fn in_committee(text: &str, wanted: &str) -> bool {
    same_name(text, wanted) || committees_of(text).iter().any(|c| same_name(c, wanted))
}

/// An initiative's committee; a sub-item without one has its parent's. The walk up is bounded, so a parent
/// loop in a broken file cannot hang it.
pub fn effective_committee<'a>(
    by_id: &HashMap<Id, &'a Initiative>,
    ini: &'a Initiative,
) -> &'a str {
    let mut cur = ini;
    for _ in 0..=by_id.len() {
        if !cur.committee.trim().is_empty() {
            return cur.committee.trim();
        }
        match cur.parent_id.and_then(|p| by_id.get(&p)) {
            Some(parent) => cur = parent,
            None => break,
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{d, ini};
    use crate::model::plan_ops::{distinct_committees, filter, PlanFilter};
    use crate::model::ActionPlan;

    #[test]
    fn committees_as_a_set() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            committees_of("Børneudvalget og Skoleudvalget"),
            v(&["Børneudvalget", "Skoleudvalget"])
        );
        assert_eq!(
            committees_of("Børneudvalget og Social- og Arbejdsmarkedsudvalget"),
            v(&["Børneudvalget", "Social- og Arbejdsmarkedsudvalget"])
        );
        assert_eq!(
            committees_of("Udvalget for Sundhed og Forebyggelse"),
            v(&["Udvalget for Sundhed og Forebyggelse"])
        );
        assert_eq!(
            committees_of(
                " Børneudvalget, Skoleudvalget & Byrådet / Økonomiudvalget; børneudvalget "
            ),
            v(&[
                "Børneudvalget",
                "Skoleudvalget",
                "Byrådet",
                "Økonomiudvalget"
            ])
        );
        assert_eq!(committees_of("Skole og Familie"), v(&["Skole og Familie"]));
        assert_eq!(committees_of("Børneudvalget,"), v(&["Børneudvalget"]));
        assert!(committees_of("  ").is_empty());
        assert!(in_committee(
            "Børneudvalget og Skoleudvalget",
            "skoleudvalget"
        ));
        assert!(in_committee(
            "Børneudvalget og Skoleudvalget",
            "Børneudvalget og Skoleudvalget"
        ));
        assert!(!in_committee(
            "Børneudvalget og Skoleudvalget",
            "Socialudvalget"
        ));
        assert!(!in_committee(
            "Social- og Arbejdsmarkedsudvalget",
            "Arbejdsmarkedsudvalget"
        ));

        let mut p = ActionPlan::default();
        let both = p
            .add_initiative(Initiative {
                committee: "Børneudvalget og Skoleudvalget".into(),
                ..ini("1", "Begge")
            })
            .unwrap();
        let child = p
            .add_initiative(Initiative {
                committee: "Børneudvalget".into(),
                ..ini("2", "Børn")
            })
            .unwrap();
        let sub = p
            .add_initiative(Initiative {
                parent_id: Some(both),
                ..ini("1A", "Del")
            })
            .unwrap();
        p.add_initiative(Initiative {
            committee: "Socialudvalget".into(),
            ..ini("3", "Social")
        })
        .unwrap();
        assert_eq!(
            distinct_committees(&p),
            v(&["Børneudvalget", "Skoleudvalget", "Socialudvalget"])
        );
        let by = |c: &str| {
            filter(
                &p,
                &PlanFilter {
                    committee: c.into(),
                    ..PlanFilter::default()
                },
                d(2019, 6, 1),
            )
        };
        // The sub-item has its parent's committees.
        assert_eq!(by("Børneudvalget"), vec![both, sub, child]);
        assert_eq!(by("Skoleudvalget"), vec![both, sub]);
        assert_eq!(by("Børneudvalget og Skoleudvalget"), vec![both, sub]);
        assert_eq!(by("Sundhedsudvalget"), Vec::<Id>::new());
    }
}
