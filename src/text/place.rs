//! A place in a workspace or file, in the user's words: `workspace.plan.initiatives[7].history[3].text`
//! becomes "Initiativ «3.3 Hurtig indsats», note 30.11.2026, Notat", with the page where it is edited.

use crate::model::field_path::{FieldPath, PathStep};
use crate::model::Workspace;

/// Where something is, for the user, and the app page that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub words: String,
    pub link: Option<String>,
}

/// A path as fields, each with the index that follows it, if any (`steps[2]` is one field). Nested indexes
/// (`a[1][2]`) are rare; the first one is what names a record.
fn segments(path: &FieldPath) -> Vec<(&str, Option<usize>)> {
    let mut out: Vec<(&str, Option<usize>)> = Vec::new();
    for step in path.steps() {
        match step {
            PathStep::Key(k) => out.push((k, None)),
            PathStep::Index(i) => match out.last_mut() {
                Some((_, idx @ None)) => *idx = Some(*i),
                Some(_) => {}
                None => out.push(("", Some(*i))),
            },
        }
    }
    out
}

fn quoted(kind: &str, name: &str, number: usize) -> String {
    let name = name.trim();
    if name.is_empty() {
        format!("{kind} nr. {number}")
    } else {
        let short: String = name.chars().take(60).collect();
        let cut = if short.chars().count() < name.chars().count() {
            "…"
        } else {
            ""
        };
        format!("{kind} «{short}{cut}»")
    }
}

/// Describes `path` (as the file format's validation and restore report it). With the workspace the
/// path belongs to, records are named; without it (a file that could not be read), they are numbered.
pub fn describe(path: &FieldPath, ws: Option<&Workspace>) -> Place {
    let segs = segments(path);
    let mut words: Vec<String> = Vec::new();
    let mut link: Option<String> = None;
    let mut i = usize::from(segs.first().is_some_and(|(n, _)| *n == "workspace"));
    let at = |i: usize| segs.get(i).copied();
    let nth = |idx: Option<usize>| idx.map_or(0, |n| n + 1);
    while let Some((name, idx)) = at(i) {
        match (name, idx) {
            ("staircase", None) => {
                link = Some("/trappe".into());
            }
            ("steps", Some(s)) => {
                let step = ws.and_then(|w| w.staircase.steps.get(s));
                words.push(quoted("Trin", step.map_or("", |x| x.name.as_str()), s + 1));
                if let Some((_, Some(j))) = at(i + 1).filter(|(n, _)| *n == "interventions") {
                    let iv = step.and_then(|x| x.interventions.get(j));
                    words.push(quoted("indsats", iv.map_or("", |x| x.name.as_str()), j + 1));
                    i += 1;
                }
                link = Some("/trappe".into());
            }
            ("measurements", Some(m)) => {
                let name = ws
                    .and_then(|w| w.staircase.measurements.get(m))
                    .map_or("", |x| x.name.as_str());
                words.push(quoted("Måling", name, m + 1));
                link = Some("/trappe/maalinger".into());
            }
            ("meetings", Some(m)) => {
                let meeting = ws.and_then(|w| w.meetings.get(m));
                words.push(match meeting {
                    Some(x) => format!("Møde «{}»", super::meetings::meeting_label(x)),
                    None => format!("Møde nr. {}", m + 1),
                });
                link = Some(match meeting {
                    Some(x) => format!("/netvaerksmoeder/{}", x.id),
                    None => "/netvaerksmoeder".into(),
                });
            }
            ("meeting_templates", Some(t)) => {
                let name = ws
                    .and_then(|w| w.meeting_templates.get(t))
                    .map_or("", |x| x.name.as_str());
                words.push(quoted("Mødeskabelon", name, t + 1));
                link = Some("/netvaerksmoeder/skabeloner".into());
            }
            ("follow_up", _) => {
                words.push("Indstillinger for opfølgning".into());
                link = Some("/netvaerksmoeder/indstillinger".into());
            }
            ("plan", None) => link = Some("/handleplan".into()),
            // A cell of a sheet being imported (`sheet_import::privacy`): no record yet, so no link.
            ("sheet", Some(r)) => words.push(format!("Regnearkets række {}", r + 1)),
            ("column", Some(c)) => {
                words.push(format!("kolonne {}", super::sheet_import::column_letter(c)))
            }
            ("initiatives", Some(n)) => {
                let ini = ws.and_then(|w| w.plan.initiatives.get(n));
                words.push(match ini {
                    Some(x) => quoted("Initiativ", &format!("{} {}", x.number, x.title), n + 1),
                    None => format!("Initiativ nr. {}", n + 1),
                });
                link = Some(match ini {
                    Some(x) => format!("/handleplan/{}", x.id),
                    None => "/handleplan".into(),
                });
                if let Some((_, Some(h))) = at(i + 1).filter(|(n, _)| *n == "history") {
                    let note = ini.and_then(|x| x.history.get(h));
                    words.push(match note.and_then(|x| x.date) {
                        Some(d) => format!("note {}", super::date_short(d)),
                        None => format!("note nr. {}", h + 1),
                    });
                    i += 1;
                }
            }
            ("goals" | "tracks", Some(g)) => {
                let title = ws
                    .and_then(|w| {
                        if name == "goals" {
                            w.plan.goals.get(g).map(|x| x.title.clone())
                        } else {
                            w.plan.tracks.get(g).map(|x| x.title.clone())
                        }
                    })
                    .unwrap_or_default();
                let kind = if name == "goals" { "Mål" } else { "Spor" };
                words.push(quoted(kind, &title, g + 1));
                link = Some("/handleplan/maal".into());
            }
            ("indicators", Some(n)) => {
                let name = ws
                    .and_then(|w| w.plan.indicators.get(n))
                    .map_or("", |x| x.name.as_str());
                words.push(quoted("Indikator", name, n + 1));
                link = Some("/handleplan/indikatorer".into());
            }
            ("timeline", Some(n)) => {
                let label = ws
                    .and_then(|w| w.plan.timeline.get(n))
                    .map_or("", |x| x.period_label.as_str());
                words.push(quoted("Række i tidsplanen", label, n + 1));
                link = Some("/handleplan/tidslinje".into());
            }
            (field, idx) if i + 1 == segs.len() => {
                // The last segment is the field itself.
                let label = super::ui::field_label(field);
                let label = if label == "Feltet" {
                    "et felt".to_string()
                } else {
                    label
                };
                words.push(match idx {
                    Some(k) => format!("{label} nr. {}", nth(Some(k))),
                    None => label,
                });
            }
            (_, Some(k)) => words.push(format!("punkt {}", nth(Some(k)))),
            _ => {}
        }
        i += 1;
    }
    if words.is_empty() {
        words.push("Arbejdsområdets oplysninger".into());
    }
    // The workspace's own fields (name, municipality, description) are edited on Overblik.
    let own: Vec<_> = segs.iter().filter(|(n, _)| *n != "workspace").collect();
    if let [("name" | "municipality" | "description", None)] = own.as_slice() {
        link = Some("/overblik".into());
    }
    Place {
        words: words.join(", "),
        link,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Initiative, StatusNote};
    use chrono::NaiveDate;

    fn plan_ws() -> Workspace {
        let mut ws = Workspace::new("Test");
        for n in 0..8 {
            ws.plan.initiatives.push(Initiative {
                number: format!("3.{n}"),
                title: if n == 7 {
                    "Hurtig indsats".into()
                } else {
                    format!("I{n}")
                },
                ..Initiative::default()
            });
        }
        ws.plan.initiatives[7].history = (0..4)
            .map(|d| StatusNote {
                date: NaiveDate::from_ymd_opt(2026, 11, 27 + d),
                ..StatusNote::default()
            })
            .collect();
        ws
    }

    #[test]
    fn a_note_in_the_plan_reads_as_initiative_and_note_date() {
        let ws = plan_ws();
        let id = ws.plan.initiatives[7].id;
        let p = describe(
            &FieldPath::parse("workspace.plan.initiatives[7].history[3].text"),
            Some(&ws),
        );
        assert_eq!(
            p.words,
            "Initiativ «3.7 Hurtig indsats», note 30.11.2026, Notat"
        );
        assert_eq!(p.link, Some(format!("/handleplan/{id}")));
        // Without the workspace (an unreadable file): numbered, never a raw path.
        let p = describe(
            &FieldPath::parse("workspace.plan.initiatives[7].history[3].text"),
            None,
        );
        assert_eq!(p.words, "Initiativ nr. 8, note nr. 4, Notat");
    }

    #[test]
    fn staircase_paths_name_step_and_intervention() {
        let ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        let step = &ws.staircase.steps[2];
        let p = describe(
            &FieldPath::parse("workspace.staircase.steps[2].interventions[0].unit_cost"),
            Some(&ws),
        );
        assert_eq!(
            p.words,
            format!(
                "Trin «{}», indsats «{}», Pris",
                step.name, step.interventions[0].name
            )
        );
        assert_eq!(p.link.as_deref(), Some("/trappe"));
        let p = describe(
            &FieldPath::parse("workspace.staircase.steps[2].interventions[0].unit_cost"),
            None,
        );
        assert_eq!(p.words, "Trin nr. 3, indsats nr. 1, Pris");
    }

    #[test]
    fn meetings_link_to_the_meeting() {
        let ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        let m = &ws.meetings[1];
        let p = describe(&FieldPath::parse("workspace.meetings[1].notes"), Some(&ws));
        assert!(p.words.starts_with("Møde «"), "{}", p.words);
        assert!(p.words.ends_with(", Noter"), "{}", p.words);
        assert_eq!(p.link, Some(format!("/netvaerksmoeder/{}", m.id)));
        assert_eq!(
            describe(&FieldPath::parse("workspace.name"), None).words,
            "Navn"
        );
        let own = describe(&FieldPath::parse("workspace.description"), None);
        assert_eq!(own.words, "Beskrivelse");
        assert_eq!(own.link.as_deref(), Some("/overblik"));
        assert_eq!(
            describe(&FieldPath::parse(""), None).words,
            "Arbejdsområdets oplysninger"
        );
    }
}
