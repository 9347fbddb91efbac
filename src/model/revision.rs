//! Per-record revisions in CouchDB's own form, so two copies of a workspace (two tabs, a colleague's file)
//! can tell which version of a record came from which, and records can later replicate to a CouchDB server
//! without translation.
//!
//! A revision id is `N-<hash>`: the generation `N`, then the MD5 of the record's content and its parent
//! revision id. A record keeps its own id and its ancestors' (CouchDB's `_revisions`: `start` and `ids`,
//! newest first), at most `Revisions::KEPT`. `commands::apply` gives a record its next revision whenever its
//! content changes. A record that has never been given one (every record of a file from before revisions)
//! has an empty history; its first revision is computed from its content alone when it is needed, so two
//! copies of one old file agree on it.

use super::record::{Record, RecordView};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Revisions {
    /// The generation of the newest revision (CouchDB's `_revisions.start`).
    pub start: u32,
    /// Revision hashes, newest first: `ids[0]` is this revision's, then its parent's, and so on.
    pub ids: Vec<String>,
    /// Who made each revision, in the order of `ids` (initials or a short name set once per browser; empty
    /// where not known). Not part of any hash; CouchDB ignores the key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
}

thread_local! {
    /// Who is editing in this browser: the app sets it once from the browser's settings, so every
    /// revision made here names its author without each command carrying it.
    static AUTHOR: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets who makes the revisions from now on (trimmed; empty: not known).
/// Most characters an author's initials may have.
pub const MAX_AUTHOR: usize = 20;

/// Whether `initials` can name an author: something, short, and not a CPR number (revisions travel in files).
pub fn author_ok(initials: &str) -> bool {
    let a = initials.trim();
    !a.is_empty() && a.chars().count() <= MAX_AUTHOR && !crate::model::privacy::contains_cpr_like(a)
}

pub fn set_author(name: &str) {
    AUTHOR.with(|a| *a.borrow_mut() = name.trim().to_string());
}

/// Who makes the revisions now.
pub fn author() -> String {
    AUTHOR.with(|a| a.borrow().clone())
}

/// The key a record's revisions have in its JSON.
pub const FIELD: &str = "_revisions";

impl Revisions {
    /// How many ancestors a record keeps (CouchDB's default `_revs_limit` is 1000; a merge needs the
    /// common ancestor within reach, and at least the last 100 are asked for).
    pub const KEPT: usize = 100;

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The revision id `N-<hash>`, if the record has been given one.
    pub fn rev(&self) -> Option<String> {
        self.ids.first().map(|h| format!("{}-{h}", self.start))
    }

    /// The first revision of a record with this content.
    pub fn first(content: &str) -> Self {
        Revisions {
            start: 1,
            ids: vec![hash("", content)],
            by: Vec::new(),
        }
    }

    /// Who made this revision, where known.
    pub fn made_by(&self) -> Option<&str> {
        self.by
            .first()
            .map(String::as_str)
            .filter(|b| !b.is_empty())
    }

    /// The authors of the revisions after `older` (newest first, each once), as far as this history reaches.
    pub fn authors_since(&self, older: &Revisions) -> Vec<String> {
        let back = self.start.saturating_sub(older.start) as usize;
        let mut out: Vec<String> = Vec::new();
        for b in self.by.iter().take(back) {
            if !b.is_empty() && !out.contains(b) {
                out.push(b.clone());
            }
        }
        out
    }

    /// The revision after this one, for a record now holding `content`.
    pub fn next(&self, content: &str) -> Self {
        let parent = self.rev().unwrap_or_default();
        let mut ids = Vec::with_capacity((self.ids.len() + 1).min(Self::KEPT));
        ids.push(hash(&parent, content));
        ids.extend(self.ids.iter().take(Self::KEPT - 1).cloned());
        let me = author();
        // Older revisions without a known author keep an empty place, so `by` stays in step with `ids`.
        let mut by = Vec::new();
        if !me.is_empty() || self.by.iter().any(|b| !b.is_empty()) {
            by.push(me);
            by.extend((0..ids.len() - 1).map(|i| self.by.get(i).cloned().unwrap_or_default()));
            while by.last().is_some_and(String::is_empty) {
                by.pop();
            }
        }
        Revisions {
            start: self.start.saturating_add(1),
            ids,
            by,
        }
    }

    /// Whether `self` is `other` or one of its known ancestors.
    pub fn is_ancestor_of(&self, other: &Revisions) -> bool {
        let Some(mine) = self.ids.first() else {
            return false;
        };
        let Some(back) = other.start.checked_sub(self.start) else {
            return false;
        };
        other.ids.get(back as usize) == Some(mine)
    }
}

fn hash(parent: &str, content: &str) -> String {
    let mut ctx = md5::Context::new();
    ctx.consume(parent.as_bytes());
    ctx.consume(b"\n");
    ctx.consume(content.as_bytes());
    format!("{:x}", ctx.finalize())
}

/// A record's content as its revision hash reads it: its JSON without its revisions and its stamps (and a
/// step's without its interventions, which are records of their own); an intervention's step is part of it.
pub fn content(view: RecordView<'_>) -> String {
    fn strip(mut v: Value, also: Option<&str>) -> String {
        if let Value::Object(m) = &mut v {
            m.remove(FIELD);
            // Stamps say when, not what: a file without them gets "now" each time it is read, and two
            // copies of one record must agree on its revision.
            m.remove("created_at");
            m.remove("updated_at");
            if let Some(k) = also {
                m.remove(k);
            }
        }
        v.to_string()
    }
    let value = |t: Result<Value, serde_json::Error>| t.unwrap_or(Value::Null);
    match view {
        RecordView::Step(s) => strip(value(serde_json::to_value(s)), Some("interventions")),
        RecordView::Intervention { step, intervention } => format!(
            "{}\nstep:{step}",
            strip(value(serde_json::to_value(intervention)), None)
        ),
        RecordView::Measurement(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Meeting(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Template(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Goal(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Track(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Initiative(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::Indicator(x) => strip(value(serde_json::to_value(x)), None),
        RecordView::TimelineRow(x) => strip(value(serde_json::to_value(x)), None),
    }
}

/// A record's revisions, with the first one computed where it has none yet.
pub fn of(view: RecordView<'_>) -> Revisions {
    let r = view.revisions();
    if r.is_empty() {
        Revisions::first(&content(view))
    } else {
        r.clone()
    }
}

/// Gives `record` (about to replace `old`, or to be new when `old` is `None`) the revisions it should have:
/// the old record's when the content is the same, the next one when it changed. A new record keeps what it
/// brings (a record put back by undo, or taken from another copy); one without any gets its first revision
/// when it is needed.
pub fn stamp(record: &mut Record, old: Option<RecordView<'_>>) {
    let Some(old) = old else {
        return;
    };
    *record.revisions_mut() = old.revisions().clone();
    if !same_content(record.view(), old) {
        let next = of(old).next(&content(record.view()));
        *record.revisions_mut() = next;
    }
}

/// Whether two versions of a record are the same version: the same revision, or (for records not yet given
/// one) the same content.
pub fn same_version(a: RecordView<'_>, b: RecordView<'_>) -> bool {
    let (ra, rb) = (a.revisions(), b.revisions());
    if !ra.is_empty() && ra == rb {
        return true;
    }
    same_content(a, b)
}

/// Whether two versions of a record hold the same content (their revisions aside; a step's interventions
/// aside).
pub fn same_content(a: RecordView<'_>, b: RecordView<'_>) -> bool {
    match (a, b) {
        (RecordView::Step(x), RecordView::Step(y)) => {
            x.id == y.id
                && x.name == y.name
                && x.description == y.description
                && x.category == y.category
                && x.yearly_cost_per_child == y.yearly_cost_per_child
        }
        _ => content(a) == content(b),
    }
}

/// `ws` with every record's revisions cleared: its content alone, to compare two versions of a workspace
/// that went through different edits to the same content (an edit and its undo).
pub fn cleared(ws: &super::Workspace) -> super::Workspace {
    let mut ws = ws.clone();
    let s = &mut ws.staircase;
    for st in &mut s.steps {
        st.revisions = Revisions::default();
        for iv in &mut st.interventions {
            iv.revisions = Revisions::default();
        }
    }
    s.measurements
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    ws.meetings
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    ws.meeting_templates
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    let p = &mut ws.plan;
    p.goals
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    p.tracks
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    p.initiatives
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    p.indicators
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    p.timeline
        .iter_mut()
        .for_each(|x| x.revisions = Revisions::default());
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Meeting};

    #[test]
    fn initials_are_short_present_and_never_a_cpr_number() {
        assert!(author_ok("AB"));
        assert!(author_ok(" Anne B. "));
        assert!(author_ok(&"æ".repeat(MAX_AUTHOR)));
        assert!(!author_ok(&"æ".repeat(MAX_AUTHOR + 1)));
        assert!(!author_ok("   "));
        assert!(!author_ok("010190-1234"));
    }

    #[test]
    fn a_revision_id_is_generation_dash_md5() {
        let r = Revisions::first("{}");
        let id = r.rev().unwrap();
        let (n, h) = id.split_once('-').unwrap();
        assert_eq!(n, "1");
        assert_eq!(h.len(), 32);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        // MD5 of "\n{}": the parent (none) and the content.
        assert_eq!(h, format!("{:x}", md5::compute(b"\n{}")));
    }

    #[test]
    fn the_next_revision_names_its_ancestors_newest_first() {
        let a = Revisions::first("a");
        let b = a.next("b");
        let c = b.next("c");
        assert_eq!(c.start, 3);
        assert_eq!(c.ids.len(), 3);
        assert_eq!(c.ids[1], b.ids[0]);
        assert_eq!(c.ids[2], a.ids[0]);
        assert!(a.is_ancestor_of(&c));
        assert!(b.is_ancestor_of(&c));
        assert!(c.is_ancestor_of(&c));
        assert!(!c.is_ancestor_of(&b));
        // The same content after a different parent is a different revision.
        assert_ne!(a.next("x").ids[0], b.next("x").ids[0]);
    }

    #[test]
    fn the_history_is_bounded() {
        let mut r = Revisions::first("0");
        for i in 1..250 {
            r = r.next(&i.to_string());
        }
        assert_eq!(r.start, 250);
        assert_eq!(r.ids.len(), Revisions::KEPT);
        // An ancestor cut off by the bound is no longer known as one.
        let old = Revisions {
            start: 100,
            ids: vec!["x".into()],
            by: Vec::new(),
        };
        assert!(!old.is_ancestor_of(&r));
    }

    #[test]
    fn copies_of_an_old_record_agree_on_its_first_revision() {
        let g = Goal {
            title: "Færre anbringelser".into(),
            ..Goal::default()
        };
        let copy: Goal = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
        let r = Record::Goal(g);
        let c = Record::Goal(copy);
        assert_eq!(of(r.view()), of(c.view()));
        assert!(
            r.view().revisions().is_empty(),
            "nothing is stored until it is needed"
        );
    }

    #[test]
    fn stamping_moves_the_revision_only_when_the_content_changes() {
        let m = Meeting {
            case_ref: "Sag 1".into(),
            ..Meeting::default()
        };
        let old = Record::Meeting(m.clone());
        let mut same = Record::Meeting(m.clone());
        stamp(&mut same, Some(old.view()));
        assert!(same.view().revisions().is_empty());
        let mut changed = Record::Meeting(Meeting {
            notes: "Ny".into(),
            ..m
        });
        stamp(&mut changed, Some(old.view()));
        let r = changed.view().revisions().clone();
        assert_eq!(r.start, 2);
        assert_eq!(r.ids[1], of(old.view()).ids[0]);
        // Revisions in the incoming record are not trusted: the stored record's history is the parent.
        let mut forged = changed.clone();
        forged.revisions_mut().start = 90;
        stamp(&mut forged, Some(changed.view()));
        assert_eq!(forged.view().revisions(), &r);
    }

    #[test]
    fn each_revision_names_who_made_it_and_the_hash_does_not_depend_on_it() {
        let a = Revisions::first("a");
        set_author("MK");
        let b = a.next("b");
        set_author("");
        let c = b.next("c");
        set_author("JL");
        let d = c.next("d");
        set_author("");
        assert_eq!(b.by, ["MK"]);
        assert_eq!(c.by, ["", "MK"]);
        assert_eq!(d.by, ["JL", "", "MK"]);
        assert_eq!(d.made_by(), Some("JL"));
        assert_eq!(c.made_by(), None);
        assert_eq!(d.authors_since(&a), ["JL", "MK"]);
        assert_eq!(d.authors_since(&c), ["JL"]);
        // Another author, the same edit: the same revision id.
        assert_eq!(a.next("b").ids, b.ids);
    }
}
