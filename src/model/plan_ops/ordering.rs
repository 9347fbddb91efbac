//! Natural order of numbers ("1.2" before "1.10", "6A" before "6B") and the number order of goals, tracks
//! and initiatives; titles break ties in Danish alphabetical order.

use crate::model::collation::danish_cmp;
use crate::model::sorting::StableSort;
use crate::model::{ActionPlan, Goal, Id, Initiative, Track};
use std::cmp::Ordering;

enum Part<'a> {
    Num(&'a str),
    Word(String),
}

fn parts(s: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())
        } else {
            // Separators (". - space") only split; "1.1." equals "1.1".
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let (head, tail) = rest.split_at(len);
        if c.is_ascii_digit() {
            let digits = head.trim_start_matches('0');
            out.push(Part::Num(digits));
        } else {
            out.push(Part::Word(head.to_lowercase()));
        }
        rest = tail;
    }
    out
}

fn cmp_part(a: &Part, b: &Part) -> Ordering {
    match (a, b) {
        // Leading zeros are stripped, so a longer digit run is a larger number.
        (Part::Num(x), Part::Num(y)) => x.len().cmp(&y.len()).then_with(|| x.cmp(y)),
        (Part::Word(x), Part::Word(y)) => danish_cmp(x, y),
        (Part::Num(_), Part::Word(_)) => Ordering::Less,
        (Part::Word(_), Part::Num(_)) => Ordering::Greater,
    }
}

/// Natural order of initiative numbers: "1.2" < "1.10", "6" < "6A" < "6B" < "7", "9" < "10". Empty numbers
/// sort last; equal-looking numbers ("1.1" and "1.1.") fall back to plain text order so the order is total.
pub fn compare_numbers(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (parts(a), parts(b));
    match (pa.is_empty(), pb.is_empty()) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    for (x, y) in pa.iter().zip(pb.iter()) {
        let o = cmp_part(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

fn by_number_then_title(an: &str, at: &str, bn: &str, bt: &str) -> Ordering {
    compare_numbers(an, bn).then_with(|| danish_cmp(at, bt))
}

/// Goals in number order.
pub fn sorted_goals(plan: &ActionPlan) -> Vec<&Goal> {
    let mut v: Vec<&Goal> = plan.goals.iter().collect();
    v.stable_sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v
}

/// Tracks in number order.
pub fn sorted_tracks(plan: &ActionPlan) -> Vec<&Track> {
    let mut v: Vec<&Track> = plan.tracks.iter().collect();
    v.stable_sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v
}

/// All initiative ids in number order, ignoring the sub-item structure.
pub fn ordered_ids(plan: &ActionPlan) -> Vec<Id> {
    let mut v: Vec<&Initiative> = plan.initiatives.iter().collect();
    v.stable_sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v.into_iter().map(|i| i.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_number_order() {
        let mut v = vec![
            "7", "10", "6B", "1.10", "9", "6", "1.2", "6A", "", "1.1.", "2", "1.1",
        ];
        v.sort_by(|a, b| compare_numbers(a, b));
        assert_eq!(
            v,
            vec!["1.1", "1.1.", "1.2", "1.10", "2", "6", "6A", "6B", "7", "9", "10", ""]
        );
        assert_eq!(compare_numbers("6a", "6B"), Ordering::Less);
        assert_eq!(compare_numbers("007", "7"), Ordering::Less); // tie broken by text, never Equal
        assert_eq!(
            compare_numbers("12345678901234567890", "9"),
            Ordering::Greater
        );
    }
}
