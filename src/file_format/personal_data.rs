//! Personal data in a workspace before it leaves the machine: every CPR-like number, e-mail address and
//! phone number in every text of every record, each with where it is in the user's words, and a copy of
//! the workspace with chosen hits replaced by «[fjernet]» (the stored workspace is never changed).

use crate::model::field_path::FieldPath;
use crate::model::privacy::{self, PersonalDataKind};
use crate::model::sorting::StableSort;
use crate::model::Workspace;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// What a left-out hit is replaced by in an export.
pub const REDACTED: &str = "[fjernet]";

/// One piece of personal data in a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Stable for the same workspace: the field's path and the byte range, `workspace.meetings[0].notes#4-15`.
    pub id: String,
    pub kind: PersonalDataKind,
    /// The field, as the file format names it (`workspace.meetings[0].notes`).
    pub path: FieldPath,
    /// Byte range of the match within the field's text.
    pub range: Range<usize>,
    /// The matched text.
    pub text: String,
}

/// Every hit in every text of `ws`, in file order. Ids (UUIDs) and map keys are not text and are skipped.
pub fn personal_data_hits(ws: &Workspace) -> Vec<Hit> {
    let mut found = Vec::new();
    // A value tree rather than field by field: every text of every record, including ones added later.
    if let Ok(v) = serde_json::to_value(ws) {
        walk(&v, FieldPath::key("workspace"), "", &mut |path, s| {
            for f in privacy::find_personal_data(s) {
                found.push(Hit {
                    id: hit_id(path, &f.range),
                    kind: f.kind,
                    path: path.clone(),
                    text: s[f.range.clone()].to_string(),
                    range: f.range,
                });
            }
        });
    }
    found
}

/// Paths of text values that contain a CPR-like number.
pub fn cpr_findings(ws: &Workspace) -> Vec<FieldPath> {
    let mut paths: Vec<FieldPath> = personal_data_hits(ws)
        .into_iter()
        .filter(|h| h.kind == PersonalDataKind::Cpr)
        .map(|h| h.path)
        .collect();
    paths.dedup();
    paths
}

fn hit_id(path: &FieldPath, r: &Range<usize>) -> String {
    format!("{path}#{}-{}", r.start, r.end)
}

fn is_text(key: &str, s: &str) -> bool {
    // Ids (UUIDs) can contain digit runs that look like CPR or phone numbers; they are not personal data.
    !(key == "id" || uuid::Uuid::parse_str(s).is_ok())
}

fn walk(v: &Value, path: FieldPath, key: &str, visit: &mut dyn FnMut(&FieldPath, &str)) {
    match v {
        Value::String(s) if is_text(key, s) => visit(&path, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, path.clone().at(i), key, visit);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                walk(item, path.clone().then(k.clone()), k, visit);
            }
        }
        _ => {}
    }
}

fn walk_mut(
    v: &mut Value,
    path: FieldPath,
    key: &str,
    visit: &mut dyn FnMut(&FieldPath, &mut String),
) {
    match v {
        Value::String(s) if is_text(key, s) => visit(&path, s),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk_mut(item, path.clone().at(i), key, visit);
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                walk_mut(item, path.clone().then(k.clone()), k, visit);
            }
        }
        _ => {}
    }
}

/// A copy of `ws` with the hits named by `ids` replaced by «[fjernet]». Ids that name no hit (the text
/// changed meanwhile) are ignored; `ws` itself is never changed.
pub fn redact(ws: &Workspace, ids: &[String]) -> Workspace {
    if ids.is_empty() {
        return ws.clone();
    }
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut by_path: HashMap<FieldPath, Vec<Range<usize>>> = HashMap::new();
    for h in personal_data_hits(ws) {
        if wanted.contains(h.id.as_str()) {
            by_path.entry(h.path).or_default().push(h.range);
        }
    }
    if by_path.is_empty() {
        return ws.clone();
    }
    let Ok(mut v) = serde_json::to_value(ws) else {
        return ws.clone();
    };
    walk_mut(&mut v, FieldPath::key("workspace"), "", &mut |path, s| {
        if let Some(ranges) = by_path.get_mut(path) {
            ranges.stable_sort_by_key(|r| std::cmp::Reverse(r.start));
            for r in ranges.iter() {
                s.replace_range(r.clone(), REDACTED);
            }
        }
    });
    crate::model::json::read::<Workspace>(&v).unwrap_or_else(|_| ws.clone())
}

/// `output` with every occurrence of the texts of the hits named by `ids` replaced by «[fjernet]»: for
/// outputs made from figures rather than from the workspace (CSV of the overview, a printed page).
pub fn redact_text(output: &str, hits: &[Hit], ids: &[String]) -> String {
    let mut texts: Vec<&str> = hits
        .iter()
        .filter(|h| ids.contains(&h.id))
        .map(|h| h.text.as_str())
        .collect();
    // Longer first, so a text that holds a shorter one is replaced whole.
    texts.stable_sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut out = output.to_string();
    for t in texts {
        out = out.replace(t, REDACTED);
    }
    out
}

/// The hits whose text occurs in `output`: what a CSV or a printed page built from `ws` carries.
pub fn hits_in_output(hits: Vec<Hit>, output: &str) -> Vec<Hit> {
    hits.into_iter()
        .filter(|h| output.contains(&h.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Initiative, Meeting, StatusNote};

    fn ws() -> Workspace {
        let mut ws = Workspace::new("Test");
        ws.description = "Kontakt: leder@koege.dk".into();
        ws.meetings.push(Meeting {
            case_ref: "Familie A".into(),
            notes: "Mor 010203-1234 ringer på 12 34 56 78 eller mor@mail.dk.".into(),
            ..Meeting::default()
        });
        ws.meetings.push(Meeting {
            linked_interventions: vec![uuid::Uuid::parse_str(
                "aaaaaaaa-aaaa-4aaa-8aaa-0102031234ab",
            )
            .unwrap()],
            ..Meeting::default()
        });
        ws.plan.initiatives.push(Initiative {
            number: "1.1".into(),
            title: "Tidlig indsats".into(),
            history: vec![StatusNote {
                text: "Ring til 0045 87654321".into(),
                ..StatusNote::default()
            }],
            ..Initiative::default()
        });
        ws
    }

    #[test]
    fn every_kind_is_found_with_its_place_and_text() {
        let ws = ws();
        let hits = personal_data_hits(&ws);
        let paths: Vec<String> = hits.iter().map(|h| h.path.to_string()).collect();
        let seen: Vec<(PersonalDataKind, &str, &str)> = hits
            .iter()
            .zip(&paths)
            .map(|(h, path)| (h.kind, path.as_str(), h.text.as_str()))
            .collect();
        assert!(seen.contains(&(
            PersonalDataKind::Email,
            "workspace.description",
            "leder@koege.dk"
        )));
        assert!(seen.contains(&(
            PersonalDataKind::Cpr,
            "workspace.meetings[0].notes",
            "010203-1234"
        )));
        assert!(seen.contains(&(
            PersonalDataKind::Phone,
            "workspace.meetings[0].notes",
            "12 34 56 78"
        )));
        assert!(seen.contains(&(
            PersonalDataKind::Email,
            "workspace.meetings[0].notes",
            "mor@mail.dk"
        )));
        assert!(seen.contains(&(
            PersonalDataKind::Phone,
            "workspace.plan.initiatives[0].history[0].text",
            "0045 87654321"
        )));
        assert_eq!(hits.len(), 5, "{seen:?}");
        // Where a hit is, in words, is said from its path (`text::place`).
        let note = hits.iter().find(|h| h.text == "0045 87654321").unwrap();
        assert_eq!(
            note.path.to_string(),
            "workspace.plan.initiatives[0].history[0].text"
        );
        let cpr = hits
            .iter()
            .find(|h| h.kind == PersonalDataKind::Cpr)
            .unwrap();
        assert_eq!(cpr.path.to_string(), "workspace.meetings[0].notes");
        assert_eq!(cpr.id, "workspace.meetings[0].notes#4-15");
        assert_eq!(
            cpr_findings(&ws),
            vec![FieldPath::parse("workspace.meetings[0].notes")]
        );
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let a = personal_data_hits(&ws());
        let w = ws();
        let b = personal_data_hits(&w);
        let ids = |h: &[Hit]| h.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        let mut unique = ids(&b);
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), b.len());
        // The same content gives the same ids (records' own ids differ between the two builds).
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn redact_replaces_only_the_chosen_hits_in_a_copy() {
        let ws = ws();
        let hits = personal_data_hits(&ws);
        let chosen: Vec<String> = hits
            .iter()
            .filter(|h| {
                h.path.to_string() == "workspace.meetings[0].notes"
                    && h.kind != PersonalDataKind::Phone
            })
            .map(|h| h.id.clone())
            .collect();
        assert_eq!(chosen.len(), 2);
        let out = redact(&ws, &chosen);
        assert_eq!(
            out.meetings[0].notes,
            "Mor [fjernet] ringer på 12 34 56 78 eller [fjernet]."
        );
        assert_eq!(out.description, ws.description, "not chosen: kept");
        assert_eq!(
            ws.meetings[0].notes, "Mor 010203-1234 ringer på 12 34 56 78 eller mor@mail.dk.",
            "the original is never changed"
        );
        assert_eq!(out.meetings[0].id, ws.meetings[0].id);
        assert_eq!(out.meetings[1], ws.meetings[1]);
        // Nothing chosen, or ids that name nothing: an identical copy.
        assert_eq!(redact(&ws, &[]), ws);
        assert_eq!(redact(&ws, &["workspace.name#0-1".into()]), ws);
        // Everything left out: nothing found in the copy.
        let all: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
        assert!(personal_data_hits(&redact(&ws, &all)).is_empty());
    }

    #[test]
    fn outputs_made_of_figures_are_checked_and_redacted_by_text() {
        let ws = ws();
        let hits = personal_data_hits(&ws);
        let csv = "Navn;Note\r\nA;Ring til 0045 87654321\r\n";
        let inside = hits_in_output(hits.clone(), csv);
        assert_eq!(inside.len(), 1);
        let ids = vec![inside[0].id.clone()];
        assert_eq!(
            redact_text(csv, &inside, &ids),
            "Navn;Note\r\nA;Ring til [fjernet]\r\n"
        );
        assert_eq!(redact_text(csv, &inside, &[]), csv);
    }

    #[test]
    fn the_examples_hold_no_personal_data() {
        for e in crate::examples::EXAMPLES {
            let name = e.key;
            let ws = crate::examples::build(name).unwrap();
            let hits = personal_data_hits(&ws);
            assert!(
                hits.is_empty(),
                "{name}: {:?}",
                hits.iter().map(|h| (&h.path, &h.text)).collect::<Vec<_>>()
            );
        }
        // The generated large workspace (the e2e tests export it) too.
        let spec = crate::examples::GeneratedSpec {
            meetings: 2000,
            ..crate::examples::GeneratedSpec::benchmark()
        };
        let hits = personal_data_hits(&crate::examples::generated(&spec));
        assert!(
            hits.is_empty(),
            "{:?}",
            hits.iter()
                .take(5)
                .map(|h| (&h.path, &h.text))
                .collect::<Vec<_>>()
        );
    }
}
