//! Two copies of one workspace (same id): a file about to be imported and the copy in this browser,
//! compared by what they hold, not by when they were stamped. Equal content means every record and every
//! workspace-wide setting is equal apart from stamps (`updated_at`, `set_aside_at`) and revisions; where a
//! record differs, its revisions say which side is newer when one side's is an ancestor of the other's.
//!
//! Stamps alone cannot tell: an export is stamped when it is written, and an edit undone leaves a newer
//! stamp on the same content. The import preview shows this comparison in words.

use super::merge::Setting;
use super::record::{RecordKind, RecordView};
use super::revision::{self, Revisions};
use super::Workspace;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Keys that say when, not what: left out when contents are compared, at any depth (a status note's
/// `updated_at` too).
const STAMPS: [&str; 3] = ["updated_at", "set_aside_at", revision::FIELD];

/// How the versions of the records of one kind differ between the file and the copy here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindDiff {
    /// Records the file has and the copy here does not (added there, or removed here).
    pub only_file: usize,
    /// Records the copy here has and the file does not.
    pub only_here: usize,
    /// Records both have, the file's a later version of the one here (here's revision is its ancestor).
    pub newer_file: usize,
    /// Records both have, the version here a later one of the file's.
    pub newer_here: usize,
    /// Records changed on both sides since a version they share.
    pub changed_both: usize,
    /// Records that differ without a shared version to tell which is newer (copies from before revisions).
    pub unrelated: usize,
    /// The records both hold alike are in another order.
    pub reordered: bool,
}

impl KindDiff {
    pub fn is_empty(&self) -> bool {
        *self == KindDiff::default()
    }

    /// Something the file holds that the copy here lacks.
    pub fn file_has_more(&self) -> bool {
        self.only_file + self.newer_file + self.changed_both + self.unrelated > 0 || self.reordered
    }

    /// Something the copy here holds that the file lacks.
    pub fn here_has_more(&self) -> bool {
        self.only_here + self.newer_here + self.changed_both + self.unrelated > 0 || self.reordered
    }
}

/// What the file and the copy here hold differently. Settings and set-aside entries carry no revisions,
/// so a difference there is one each side holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CopyComparison {
    /// Per kind of record, in `RecordKind::ALL` order; kinds without differences are left out.
    pub kinds: Vec<(RecordKind, KindDiff)>,
    /// Workspace-wide settings that differ (name and description, follow-up rules, the plan's own
    /// fields, the date an example is shown as of); the set-aside list is counted below instead.
    pub settings: Vec<Setting>,
    /// Originals under «Lagt til side» only in the file, and only here.
    pub set_aside_only_file: usize,
    pub set_aside_only_here: usize,
}

/// The comparison in one word, for the preview's headline and its default choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyVerdict {
    /// The same content: importing would change nothing.
    Same,
    /// The file holds changes the copy here lacks, and lacks nothing the copy here holds.
    FileAhead,
    /// The copy here holds changes the file lacks, and lacks nothing the file holds.
    HereAhead,
    /// Each holds something the other lacks.
    Both,
}

impl CopyComparison {
    pub fn is_same(&self) -> bool {
        self.verdict() == CopyVerdict::Same
    }

    pub fn file_has_more(&self) -> bool {
        self.kinds.iter().any(|(_, d)| d.file_has_more())
            || !self.settings.is_empty()
            || self.set_aside_only_file > 0
    }

    pub fn here_has_more(&self) -> bool {
        self.kinds.iter().any(|(_, d)| d.here_has_more())
            || !self.settings.is_empty()
            || self.set_aside_only_here > 0
    }

    pub fn verdict(&self) -> CopyVerdict {
        match (self.file_has_more(), self.here_has_more()) {
            (false, false) => CopyVerdict::Same,
            (true, false) => CopyVerdict::FileAhead,
            (false, true) => CopyVerdict::HereAhead,
            (true, true) => CopyVerdict::Both,
        }
    }
}

/// A value with its stamps and revisions left out, at every depth.
fn without_stamps(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for k in STAMPS {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

fn content_of<T: Serialize>(t: &T) -> Value {
    without_stamps(serde_json::to_value(t).unwrap_or(Value::Null))
}

/// A record's content as the comparison reads it: without stamps and revisions, a step without its
/// interventions (records of their own), an intervention with the step it is on.
fn record_content(view: RecordView<'_>) -> Value {
    match view {
        RecordView::Step(s) => {
            let mut v = content_of(s);
            if let Value::Object(m) = &mut v {
                m.remove("interventions");
            }
            v
        }
        RecordView::Intervention { step, intervention } => {
            let mut v = content_of(intervention);
            if let Value::Object(m) = &mut v {
                m.insert("step".into(), Value::String(step.to_string()));
            }
            v
        }
        RecordView::Measurement(x) => content_of(x),
        RecordView::Meeting(x) => content_of(x),
        RecordView::Template(x) => content_of(x),
        RecordView::Goal(x) => content_of(x),
        RecordView::Track(x) => content_of(x),
        RecordView::Initiative(x) => content_of(x),
        RecordView::Indicator(x) => content_of(x),
        RecordView::TimelineRow(x) => content_of(x),
    }
}

/// Whether the two histories share a version: some revision id at the same generation on both sides.
fn share_a_version(a: &Revisions, b: &Revisions) -> bool {
    a.ids.iter().enumerate().any(|(i, id)| {
        let generation = i64::from(a.start) - i as i64;
        let j = i64::from(b.start) - generation;
        j >= 0 && b.ids.get(j as usize) == Some(id)
    })
}

/// Which side holds the later version of a record whose contents differ.
fn direction(file: RecordView<'_>, here: RecordView<'_>, d: &mut KindDiff) {
    let (f, h) = (revision::of(file), revision::of(here));
    if h.is_ancestor_of(&f) {
        d.newer_file += 1;
    } else if f.is_ancestor_of(&h) {
        d.newer_here += 1;
    } else if share_a_version(&f, &h) {
        d.changed_both += 1;
    } else {
        d.unrelated += 1;
    }
}

/// Compares a file's copy of a workspace with the copy here, record by record and setting by setting.
pub fn compare_copies(file: &Workspace, here: &Workspace) -> CopyComparison {
    let mut out = CopyComparison::default();
    let mut file_views: HashMap<RecordKind, Vec<RecordView<'_>>> = HashMap::new();
    for v in file.views() {
        file_views.entry(v.kind()).or_default().push(v);
    }
    let mut here_views: HashMap<RecordKind, Vec<RecordView<'_>>> = HashMap::new();
    for v in here.views() {
        here_views.entry(v.kind()).or_default().push(v);
    }
    for kind in RecordKind::ALL {
        let mut d = KindDiff::default();
        let theirs: HashMap<_, _> = file_views
            .remove(&kind)
            .unwrap_or_default()
            .into_iter()
            .map(|v| (v.id(), v))
            .collect();
        let mine: HashMap<_, _> = here_views
            .remove(&kind)
            .unwrap_or_default()
            .into_iter()
            .map(|v| (v.id(), v))
            .collect();
        let mut alike = HashSet::new();
        for (id, f) in &theirs {
            match mine.get(id) {
                None => d.only_file += 1,
                Some(h) if record_content(*f) == record_content(*h) => {
                    alike.insert(*id);
                }
                Some(h) => direction(*f, *h, &mut d),
            }
        }
        d.only_here = mine.keys().filter(|id| !theirs.contains_key(id)).count();
        let order = |ws: &Workspace| -> Vec<_> {
            ws.ids_of(kind)
                .into_iter()
                .filter(|id| alike.contains(id))
                .collect()
        };
        d.reordered = order(file) != order(here);
        if !d.is_empty() {
            out.kinds.push((kind, d));
        }
    }
    out.settings = Setting::ALL
        .into_iter()
        .filter(|s| !matches!(s, Setting::SetAside | Setting::Branches))
        .filter(|s| content_of(&s.of(file)) != content_of(&s.of(here)))
        .collect();
    let entries = |ws: &Workspace| -> HashMap<_, _> {
        ws.set_aside.iter().map(|e| (e.id, content_of(e))).collect()
    };
    let (f, h) = (entries(file), entries(here));
    out.set_aside_only_file = f.iter().filter(|(id, c)| h.get(*id) != Some(*c)).count();
    out.set_aside_only_here = h.iter().filter(|(id, c)| f.get(*id) != Some(*c)).count();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::commands::{apply, Command, History};
    use crate::model::record::{Place, Record};
    use crate::model::*;

    fn koege() -> Workspace {
        crate::examples::build("koege-2019").unwrap()
    }

    fn kind(c: &CopyComparison, k: RecordKind) -> KindDiff {
        c.kinds
            .iter()
            .find(|(x, _)| *x == k)
            .map(|(_, d)| *d)
            .unwrap_or_default()
    }

    fn edit_initiative(ws: &mut Workspace, i: usize, text: &str) {
        let mut ini = ws.plan.initiatives[i].clone();
        ini.history.push(StatusNote {
            text: text.into(),
            ..StatusNote::default()
        });
        apply(ws, Command::put(Record::Initiative(ini))).unwrap();
    }

    #[test]
    fn a_copy_is_the_same_as_itself_whatever_its_stamps() {
        let ws = koege();
        assert!(compare_copies(&ws, &ws).is_same());
        let mut later = ws.clone();
        later.updated_at += chrono::Duration::hours(3);
        later.plan.initiatives[0].updated_at += chrono::Duration::hours(3);
        later.plan.initiatives[0].history[0].updated_at += chrono::Duration::hours(3);
        let c = compare_copies(&later, &ws);
        assert_eq!(c.verdict(), CopyVerdict::Same, "{c:?}");
    }

    #[test]
    fn the_exported_file_read_back_is_the_same_as_the_copy_here() {
        for ex in &crate::examples::EXAMPLES {
            let mut here = crate::examples::build(ex.key).unwrap();
            edit_initiative_if_any(&mut here);
            let json = crate::file_format::export_json(&here, now());
            let file = crate::file_format::read_workspace_file(json.as_bytes())
                .unwrap()
                .workspace;
            let c = compare_copies(&file, &here);
            assert!(c.is_same(), "{}: {c:?}", ex.key);
        }
    }

    fn edit_initiative_if_any(ws: &mut Workspace) {
        if !ws.plan.initiatives.is_empty() {
            edit_initiative(ws, 0, "Rettet her");
        }
    }

    #[test]
    fn an_edit_here_after_the_export_is_a_change_here_the_file_lacks() {
        let file = koege();
        let mut here = file.clone();
        edit_initiative(&mut here, 0, "Ny note");
        let c = compare_copies(&file, &here);
        assert_eq!(c.verdict(), CopyVerdict::HereAhead, "{c:?}");
        assert_eq!(
            kind(&c, RecordKind::Initiative),
            KindDiff {
                newer_here: 1,
                ..KindDiff::default()
            }
        );
        // And the other way round: the file is the later version.
        let c = compare_copies(&here, &file);
        assert_eq!(c.verdict(), CopyVerdict::FileAhead);
        assert_eq!(kind(&c, RecordKind::Initiative).newer_file, 1);
    }

    #[test]
    fn records_only_on_one_side_are_counted_per_kind() {
        let here = koege();
        let mut file = here.clone();
        for case in ["Sag X-1", "Sag X-2", "Sag X-3"] {
            let m = Meeting {
                case_ref: case.into(),
                ..Meeting::default()
            };
            apply(&mut file, Command::put(Record::Meeting(m))).unwrap();
        }
        let mut here = here;
        edit_initiative(&mut here, 2, "Kun her");
        let c = compare_copies(&file, &here);
        assert_eq!(c.verdict(), CopyVerdict::Both);
        assert_eq!(kind(&c, RecordKind::Meeting).only_file, 3);
        assert_eq!(kind(&c, RecordKind::Initiative).newer_here, 1);
        assert!(c.settings.is_empty());
    }

    #[test]
    fn an_edit_on_both_sides_since_a_shared_version_is_changed_both() {
        let mut base = koege();
        edit_initiative(&mut base, 0, "Fælles");
        let (mut file, mut here) = (base.clone(), base);
        edit_initiative(&mut file, 0, "I filen");
        edit_initiative(&mut here, 0, "Her");
        let c = compare_copies(&file, &here);
        assert_eq!(kind(&c, RecordKind::Initiative).changed_both, 1, "{c:?}");
        assert_eq!(c.verdict(), CopyVerdict::Both);
    }

    #[test]
    fn versions_without_a_shared_history_are_unrelated() {
        let file = koege();
        let mut here = file.clone();
        // Edited outside Trappe: different content, no revisions on either side.
        here.plan.goals[0].title = "Andet".into();
        let c = compare_copies(&file, &here);
        assert_eq!(kind(&c, RecordKind::Goal).unrelated, 1);
        assert_eq!(c.verdict(), CopyVerdict::Both);
    }

    #[test]
    fn an_edit_and_its_undo_leave_the_same_content() {
        let file = koege();
        let mut here = file.clone();
        let mut h = History::default();
        let mut ini = here.plan.initiatives[0].clone();
        ini.title = "Midlertidig".into();
        h.perform(&mut here, Command::put(Record::Initiative(ini)))
            .unwrap();
        h.undo(&mut here).unwrap();
        assert!(here.plan.initiatives[0].revisions.start > 0);
        assert!(compare_copies(&file, &here).is_same());
    }

    #[test]
    fn a_new_order_and_a_changed_setting_are_differences_on_both_sides() {
        let file = koege();
        let mut here = file.clone();
        here.plan.initiatives.swap(0, 1);
        let c = compare_copies(&file, &here);
        assert!(kind(&c, RecordKind::Initiative).reordered);
        assert_eq!(c.verdict(), CopyVerdict::Both);
        let mut here = file.clone();
        here.description = "Ny beskrivelse".into();
        here.follow_up.due_soon_days += 1;
        let c = compare_copies(&file, &here);
        assert_eq!(c.settings, vec![Setting::Info, Setting::FollowUp]);
        assert!(c.kinds.is_empty());
    }

    #[test]
    fn set_aside_entries_are_compared_without_their_stamp() {
        let mut file = koege();
        file.set_aside.push(SetAside {
            found_at: "workspace.meetings[3]".into(),
            original: "{}".into(),
            ..SetAside::default()
        });
        let mut here = file.clone();
        here.set_aside[0].set_aside_at += chrono::Duration::days(1);
        assert!(compare_copies(&file, &here).is_same());
        here.set_aside.clear();
        let c = compare_copies(&file, &here);
        assert_eq!((c.set_aside_only_file, c.set_aside_only_here), (1, 0));
        assert_eq!(c.verdict(), CopyVerdict::FileAhead);
    }

    #[test]
    fn a_moved_intervention_is_a_change_not_a_new_order() {
        let file = crate::examples::build("socialstyrelsen-trappe").unwrap();
        let mut here = file.clone();
        let iv = here.staircase.steps[1].interventions[0].clone();
        let to = here.staircase.steps[2].id;
        apply(
            &mut here,
            Command::Put {
                place: Place::First,
                record: Record::Intervention {
                    step: to,
                    intervention: iv,
                },
            },
        )
        .unwrap();
        let c = compare_copies(&file, &here);
        let d = kind(&c, RecordKind::Intervention);
        assert_eq!(d.newer_here, 1, "{c:?}");
        assert!(!d.reordered, "{c:?}");
    }
}
