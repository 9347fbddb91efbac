//! The session against the in-memory repository, with saves that can be held mid-way or made to fail.

use super::test_gate::{Gate, Wait};
use super::*;
use crate::model::record::{Place, RecordKind, RecordRef};
use crate::model::{Meeting, Workspace};
use crate::storage::memory::MemoryRepository;
use crate::storage::{StoredCheck, StoredJournal};
use futures::executor::LocalPool;
use futures::task::LocalSpawnExt;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// A repository whose saves and journal writes can be held (they wait until released) or made to fail
/// once.
#[derive(Default)]
struct Gated {
    inner: MemoryRepository,
    hold: Gate,
    hold_journal: Gate,
    journal_writes: Cell<usize>,
    fail_next: RefCell<Option<StorageError>>,
    /// Makes the read-back after a save report a wrong revision.
    lie: Cell<bool>,
    saves: Cell<usize>,
}

impl Repository for Gated {
    async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        self.inner.list().await
    }
    async fn load(&self, id: Id) -> Result<StoredBody, StorageError> {
        self.inner.load(id).await
    }
    async fn save_and_clear(
        &self,
        meta: &StoredMeta,
        write: &WriteSet,
        base: u64,
        journals: &[JournalRemoval],
    ) -> Result<u64, StorageError> {
        Wait(&self.hold).await;
        if let Some(e) = self.fail_next.borrow_mut().take() {
            return Err(e);
        }
        let r = self.inner.save_and_clear(meta, write, base, journals).await;
        if r.is_ok() {
            self.saves.set(self.saves.get() + 1);
        }
        r
    }
    async fn check(&self, id: Id) -> Result<StoredCheck, StorageError> {
        let c = self.inner.check(id).await?;
        Ok(if self.lie.get() {
            StoredCheck {
                revision: c.revision + 7,
                ..c
            }
        } else {
            c
        })
    }
    async fn put_meta(&self, meta: &StoredMeta) -> Result<(), StorageError> {
        self.inner.put_meta(meta).await
    }
    async fn delete(&self, id: Id) -> Result<(), StorageError> {
        self.inner.delete(id).await
    }
    async fn put_journal(&self, workspace: Id, tab: &str, text: &str) -> Result<(), StorageError> {
        Wait(&self.hold_journal).await;
        let r = self.inner.put_journal(workspace, tab, text).await;
        if r.is_ok() {
            self.journal_writes.set(self.journal_writes.get() + 1);
        }
        r
    }
    async fn journals(&self, workspace: Id) -> Result<Vec<StoredJournal>, StorageError> {
        self.inner.journals(workspace).await
    }
    async fn remove_journals(
        &self,
        workspace: Id,
        journals: &[JournalRemoval],
    ) -> Result<(), StorageError> {
        self.inner.remove_journals(workspace, journals).await
    }
    async fn reopen(&self) -> Result<(), StorageError> {
        self.inner.reopen().await
    }
    async fn seal(&self) -> Result<(), StorageError> {
        self.inner.seal().await
    }
}

type S = Session<Rc<Gated>, Rc<MemoryJournal>>;

fn session(repo: &Rc<Gated>, journal: &Rc<MemoryJournal>) -> Rc<S> {
    Rc::new(Session::new(repo.clone(), journal.clone()))
}

fn block<T>(f: impl Future<Output = T>) -> T {
    futures::executor::block_on(f)
}

fn meeting(case_ref: &str) -> Meeting {
    Meeting {
        case_ref: case_ref.into(),
        ..Meeting::default()
    }
}

fn put_meeting(s: &S, m: &Meeting) {
    s.dispatch(Command::put(Record::Meeting(m.clone())))
        .unwrap();
}

fn stored(repo: &Gated, id: Id) -> Workspace {
    block(block(repo.load(id)).unwrap().read(&Pace::UNPACED))
        .unwrap()
        .workspace
}

fn new_workspace(s: &S, name: &str) -> Id {
    let ws = Workspace::new(name);
    let id = ws.id;
    block(s.create(ws)).unwrap();
    id
}

#[test]
fn an_edit_is_journaled_at_once_and_saved_by_flush() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Køge");
    let m = meeting("Sag 1");
    put_meeting(&s, &m);
    assert!(s.is_dirty());
    let j = journal.read(id).expect("journaled before any save");
    assert_eq!(j.records.len(), 1);
    assert!(stored(&repo, id).meetings.is_empty(), "not stored yet");
    let f = block(s.flush());
    assert!(f.saved && f.error.is_none());
    assert_eq!(stored(&repo, id).meetings, vec![m]);
    assert!(journal.read(id).is_none(), "cleared once confirmed");
    assert!(!s.is_dirty());
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
}

#[test]
fn a_save_writes_only_what_changed() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let mut ws = crate::examples::generated(&crate::examples::GeneratedSpec {
        meetings: 300,
        steps: 6,
        interventions: 30,
        initiatives: 20,
        notes: 60,
        seed: 7,
    });
    ws.name = "Stor".into();
    let id = ws.id;
    block(s.create(ws)).unwrap();
    let mut m = s.with_workspace(|w| w.meetings[10].clone()).unwrap();
    m.notes = "Ændret".into();
    put_meeting(&s, &m);
    // Count the parts of the next save by watching the stored copy change in exactly two parts.
    let before: std::collections::BTreeMap<String, String> =
        block(repo.load(id)).unwrap().parts.into_iter().collect();
    block(s.flush());
    let after: std::collections::BTreeMap<String, String> =
        block(repo.load(id)).unwrap().parts.into_iter().collect();
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(changed.iter().any(|k| k.as_str() == "head"));
    assert_eq!(stored(&repo, id).meetings[10].notes, "Ændret");
}

#[test]
fn switching_workspace_mid_save_saves_the_first_and_leaves_the_second_alone() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let b = new_workspace(&s, "B");
    let a = new_workspace(&s, "A");
    let m = meeting("Sag A");
    put_meeting(&s, &m);
    repo.hold.set(true);
    let mut pool = LocalPool::new();
    let spawner = pool.spawner();
    let (s1, s2) = (s.clone(), s.clone());
    let saved = Rc::new(Cell::new(false));
    let opened = Rc::new(Cell::new(false));
    let (sv, op) = (saved.clone(), opened.clone());
    spawner
        .spawn_local(async move { sv.set(s1.flush().await.saved) })
        .unwrap();
    spawner
        .spawn_local(async move { op.set(s2.open(b).await.is_ok()) })
        .unwrap();
    pool.run_until_stalled();
    assert!(
        !saved.get() && !opened.get(),
        "the save is held; opening B waits for it"
    );
    assert_eq!(s.open_id(), Some(a));
    // An edit while A's save runs belongs to A too.
    let m2 = meeting("Sag A2");
    put_meeting(&s, &m2);
    repo.hold.set(false);
    pool.run();
    assert!(saved.get() && opened.get());
    assert_eq!(s.open_id(), Some(b));
    assert_eq!(
        stored(&repo, a).meetings.len(),
        2,
        "both edits of A are stored"
    );
    assert!(stored(&repo, b).meetings.is_empty());
    assert!(s.with_workspace(|w| w.meetings.is_empty()).unwrap());
    // B's base revision is B's own: a save of B goes through without a conflict.
    put_meeting(&s, &meeting("Sag B"));
    let f = block(s.flush());
    assert!(f.saved && !f.rebased, "{f:?}");
    assert_eq!(stored(&repo, b).meetings.len(), 1);
    assert_eq!(stored(&repo, a).meetings.len(), 2);
}

#[test]
fn an_import_mid_save_waits_and_keeps_the_replaced_version_in_the_trash() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let a = new_workspace(&s, "A");
    put_meeting(&s, &meeting("Før import"));
    repo.hold.set(true);
    let mut pool = LocalPool::new();
    let spawner = pool.spawner();
    let s1 = s.clone();
    spawner
        .spawn_local(async move {
            s1.flush().await;
        })
        .unwrap();
    let imported = Workspace::new("Fra fil");
    let s2 = s.clone();
    let done = Rc::new(Cell::new(false));
    let d = done.clone();
    spawner
        .spawn_local(async move { d.set(s2.replace(a, imported, "(før import)").await.is_ok()) })
        .unwrap();
    pool.run_until_stalled();
    assert!(!done.get());
    repo.hold.set(false);
    pool.run();
    assert!(done.get());
    assert_eq!(stored(&repo, a).name, "Fra fil");
    let list = block(repo.list()).unwrap();
    let backup = list
        .iter()
        .find(|m| m.deleted_at.is_some())
        .expect("the replaced version is in the trash");
    let old = stored(&repo, backup.id);
    assert_eq!(
        old.meetings.len(),
        1,
        "with the edit saved just before the import"
    );
    assert_eq!(old.name, "A (før import)");
}

#[test]
fn another_tab_saving_first_is_merged_field_by_field() {
    let repo = Rc::new(Gated::default());
    let s1 = session(&repo, &Rc::new(MemoryJournal::default()));
    let id = new_workspace(&s1, "Fælles");
    let m = meeting("Sag 1");
    put_meeting(&s1, &m);
    block(s1.flush());
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    // Tab 1 changes the notes and saves; tab 2, on the old copy, changes the chair and adds a meeting.
    put_meeting(
        &s1,
        &Meeting {
            notes: "Fra fane 1".into(),
            ..m.clone()
        },
    );
    block(s1.flush());
    put_meeting(
        &s2,
        &Meeting {
            chair: "Lise".into(),
            ..m.clone()
        },
    );
    let other = meeting("Sag 2");
    put_meeting(&s2, &other);
    let f = block(s2.flush());
    assert!(f.rebased && f.saved && f.conflicts.is_empty(), "{f:?}");
    let ws = stored(&repo, id);
    assert_eq!(ws.meetings.len(), 2);
    assert_eq!(ws.meetings[0].notes, "Fra fane 1");
    assert_eq!(ws.meetings[0].chair, "Lise");
    // Tab 1 now sees tab 2's save.
    let changed = block(s1.other_tab_saved(id, block(repo.check(id)).unwrap().revision)).unwrap();
    assert!(changed);
    assert_eq!(s1.with_workspace(|w| w.meetings.len()).unwrap(), 2);
}

#[test]
fn a_field_changed_in_both_tabs_keeps_mine_and_sets_theirs_aside() {
    let repo = Rc::new(Gated::default());
    let s1 = session(&repo, &Rc::new(MemoryJournal::default()));
    let id = new_workspace(&s1, "Fælles");
    let m = meeting("Sag 1");
    put_meeting(&s1, &m);
    block(s1.flush());
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    put_meeting(
        &s1,
        &Meeting {
            notes: "Fane 1".into(),
            ..m.clone()
        },
    );
    block(s1.flush());
    put_meeting(
        &s2,
        &Meeting {
            notes: "Fane 2".into(),
            ..m.clone()
        },
    );
    let f = block(s2.flush());
    assert_eq!(f.conflicts.len(), 1);
    let ws = stored(&repo, id);
    assert_eq!(ws.meetings[0].notes, "Fane 2");
    assert_eq!(ws.set_aside.len(), 1);
    assert!(
        ws.set_aside[0].original.contains("Fane 1"),
        "the other tab's version is kept"
    );
}

#[test]
fn storage_full_mid_save_keeps_the_edits_and_the_next_try_stores_them() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Fuld");
    put_meeting(&s, &meeting("Sag 1"));
    *repo.fail_next.borrow_mut() = Some(StorageError::QuotaExceeded);
    let f = block(s.flush());
    assert_eq!(f.error, Some(StorageError::QuotaExceeded));
    assert_eq!(
        s.status(),
        Some(SaveStatus::Failed(StorageError::QuotaExceeded))
    );
    assert_eq!(s.retry_delay(), Some(Duration::from_secs(10)));
    assert!(journal.read(id).is_some(), "still journaled");
    assert!(s.is_dirty());
    // An edit while storage is full joins the retry.
    put_meeting(&s, &meeting("Sag 2"));
    let f = block(s.flush());
    assert!(f.saved);
    assert_eq!(stored(&repo, id).meetings.len(), 2);
    assert_eq!(s.retry_delay(), None);
    assert!(journal.read(id).is_none());
}

#[test]
fn closing_mid_save_loses_nothing_the_journal_brings_it_back() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let id = {
        let s = session(&repo, &journal);
        let id = new_workspace(&s, "Lukket");
        put_meeting(&s, &meeting("Sag 1"));
        repo.hold.set(true);
        let mut pool = LocalPool::new();
        let s1 = s.clone();
        pool.spawner()
            .spawn_local(async move {
                s1.flush().await;
            })
            .unwrap();
        pool.run_until_stalled();
        // The tab closes: the running save is dropped with everything else.
        id
    };
    repo.hold.set(false);
    assert!(
        stored(&repo, id).meetings.is_empty(),
        "the save never finished"
    );
    let s = session(&repo, &journal);
    let opened = block(s.open(id)).unwrap();
    assert_eq!(opened.recovered, 1);
    assert_eq!(s.with_workspace(|w| w.meetings.len()).unwrap(), 1);
    block(s.flush());
    assert_eq!(stored(&repo, id).meetings.len(), 1);
    assert!(journal.read(id).is_none());
}

#[test]
fn a_journal_of_edits_that_were_saved_after_all_changes_nothing() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    let m = meeting("Sag 1");
    put_meeting(&s, &m);
    // The save committed, but the tab closed before the journal was cleared.
    let j = journal.read(id).unwrap();
    block(s.flush());
    journal.write(id, &j).unwrap();
    let s2 = session(&repo, &journal);
    block(s2.open(id)).unwrap();
    assert_eq!(s2.with_workspace(|w| w.meetings.clone()).unwrap(), vec![m]);
    assert!(!s2.is_dirty(), "replaying what is stored is no change");
}

#[test]
fn a_save_that_does_not_read_back_is_reported_and_written_again() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    put_meeting(&s, &meeting("Sag 1"));
    repo.lie.set(true);
    let f = block(s.flush());
    assert!(matches!(f.error, Some(StorageError::NotConfirmed { .. })));
    assert!(s.is_dirty());
    assert!(journal.read(id).is_some());
    repo.lie.set(false);
    assert!(block(s.flush()).saved);
    assert!(!s.is_dirty());
}

#[test]
fn a_workspace_written_by_the_first_version_opens_and_moves_into_parts() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = crate::examples::build("koege-2019").unwrap();
    let meta = StoredMeta {
        id: ws.id,
        name: ws.name.clone(),
        revision: 3,
        saved_at: now(),
        last_exported_at: None,
        deleted_at: None,
        bytes: 0,
        edited_at: None,
    };
    repo.inner
        .put_legacy(meta, &crate::file_format::storage_json(&ws, now()));
    let s = session(&repo, &journal);
    block(s.open(ws.id)).unwrap();
    assert_eq!(s.with_workspace(|w| w.clone()).unwrap(), ws);
    assert!(s.is_dirty(), "the upgrade is written at the next save");
    assert!(block(s.flush()).saved);
    let body = block(repo.load(ws.id)).unwrap();
    assert!(body.legacy.is_none() && !body.parts.is_empty());
    assert_eq!(block(body.read(&Pace::UNPACED)).unwrap().workspace, ws);
}

#[test]
fn a_workspace_locked_by_a_rule_break_opens_repaired_with_the_original_kept() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let mut ws = Workspace::new("Låst");
    ws.meetings.push(Meeting {
        case_ref: "Sag 1   ".into(),
        notes: "n".repeat(crate::model::validation::MAX_TEXT + 10),
        ..Meeting::default()
    });
    let meta = StoredMeta {
        id: ws.id,
        name: ws.name.clone(),
        revision: 1,
        saved_at: now(),
        last_exported_at: None,
        deleted_at: None,
        bytes: 0,
        edited_at: None,
    };
    repo.inner
        .put_legacy(meta, &crate::file_format::storage_json(&ws, now()));
    let s = session(&repo, &journal);
    let opened = block(s.open(ws.id)).unwrap();
    assert_eq!(opened.report.repaired, 1);
    block(s.flush());
    let back = stored(&repo, ws.id);
    assert!(crate::model::validation::validate(&back, "workspace").is_empty());
    assert_eq!(back.set_aside.len(), 1);
    assert!(back.set_aside[0].original.len() > crate::model::validation::MAX_TEXT);
}

#[test]
fn undo_redo_and_deletes_go_through_the_journal_too() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    let m = meeting("Sag 1");
    put_meeting(&s, &m);
    block(s.flush());
    s.dispatch(Command::remove(RecordKind::Meeting, m.id))
        .unwrap();
    s.undo().unwrap();
    s.redo().unwrap();
    // Closed before the save: the journal says the meeting is gone.
    let s2 = session(&repo, &journal);
    block(s2.open(id)).unwrap();
    assert!(s2.with_workspace(|w| w.meetings.is_empty()).unwrap());
    block(s2.flush());
    assert!(stored(&repo, id).meetings.is_empty());
    let _ = Place::Keep;
}

#[test]
fn a_stored_copy_of_a_newer_version_is_refused_and_left_untouched() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    let head = r#"{"format":"trappe-workspace","version":9,"workspace":{"name":"Fra fremtiden"}}"#;
    repo.inner.corrupt_part(id, "head", head);
    let s2 = session(&repo, &journal);
    assert!(matches!(
        block(s2.open(id)),
        Err(OpenError::Unreadable(ImportError::NewerVersion {
            found: 9
        }))
    ));
    assert_eq!(repo.inner.part(id, "head").as_deref(), Some(head));
}

// ----- damaged storage: every stored value is read like a file's record -----

/// The Socialstyrelsen example (steps, interventions, measurements, meetings), stored, with one
/// set-aside entry, and the session that stored it closed.
fn stored_example(repo: &Rc<Gated>, journal: &Rc<MemoryJournal>) -> Workspace {
    let mut ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
    ws.set_aside.push(SetAside {
        found_at: "workspace.meetings[4]".into(),
        reason: SetAsideReason::Written {
            text: "Et tidligere fund.".into(),
        },
        original: "{\"case_ref\":\"gammel\"}".into(),
        ..SetAside::default()
    });
    let s = session(repo, journal);
    block(s.create(ws.clone())).unwrap();
    block(s.close());
    ws
}

/// The JSON of one stored part, changed by `f`, stored back as text.
fn edit_part(repo: &Gated, id: Id, key: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value =
        serde_json::from_str(&repo.inner.part(id, key).unwrap()).unwrap();
    f(&mut v);
    repo.inner.corrupt_part(id, key, &v.to_string());
}

/// The JSON of one stored record (its entry in its pack), changed by `f`, stored back as text.
fn edit_record(
    repo: &Gated,
    id: Id,
    kind: RecordKind,
    record: Id,
    f: impl FnOnce(&mut serde_json::Value),
) {
    let key = crate::file_format::parts::pack_key_of(RecordRef { kind, id: record });
    let mut pack: serde_json::Value =
        serde_json::from_str(&repo.inner.part(id, &key).unwrap()).unwrap();
    f(&mut pack[record.to_string()]);
    repo.inner.corrupt_part(id, &key, &pack.to_string());
}

/// A reload: a new session on the same storage and journal, opening `id` from the list.
fn reload(repo: &Rc<Gated>, journal: &Rc<MemoryJournal>, id: Id) -> (Rc<S>, Opened) {
    let s = session(repo, journal);
    let listed = block(s.list()).unwrap();
    assert!(
        listed.iter().any(|m| m.id == id && m.deleted_at.is_none()),
        "the workspace is listed: {listed:?}"
    );
    let opened = block(s.open(id)).expect("the workspace opens");
    assert_eq!(s.open_id(), Some(id), "it keeps the id it is stored under");
    // Whatever was repaired is stored repaired, at once.
    let f = block(s.flush());
    assert!(f.error.is_none() && !f.rebased, "{f:?}");
    (s, opened)
}

/// What every damage must come to: listed, opened, every record there or set aside, the same id at every
/// load, and an edit that saves (no other tab involved) and is there after a reload.
fn survives(repo: &Rc<Gated>, journal: &Rc<MemoryJournal>, ws: &Workspace) -> Workspace {
    let id = ws.id;
    let (s, opened) = reload(repo, journal, id);
    let got = s.with_workspace(|w| w.clone()).unwrap();
    assert!(crate::model::validation::validate(&got, "workspace").is_empty());
    for v in ws.views() {
        let r = v.reference();
        let there = got.record(r).is_some();
        let aside = got
            .set_aside
            .iter()
            .any(|a| a.original.contains(&r.id.to_string()));
        assert!(there || aside, "{r:?} is neither there nor set aside");
    }
    assert!(
        got.set_aside.iter().any(|a| a.reason
            == SetAsideReason::Written {
                text: "Et tidligere fund.".into()
            }),
        "earlier set-aside entries stay"
    );
    // An edit saves at once, with no word of another tab, and is there after a reload.
    let mut m = got.meetings[0].clone();
    m.notes = "Rettet efter skaden".into();
    put_meeting(&s, &m);
    let f = block(s.flush());
    assert!(f.saved && !f.rebased && f.error.is_none(), "{f:?}");
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    let (s2, again) = reload(repo, journal, id);
    assert!(again.report.is_clean(), "the repair was stored: {again:?}");
    let back = s2.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(back.id, id);
    assert_eq!(back.meetings.len(), got.meetings.len(), "no duplicate");
    let edited = back.meetings.iter().find(|x| x.id == m.id).unwrap();
    assert_eq!(edited.notes, "Rettet efter skaden");
    let _ = opened;
    back
}

#[test]
fn a_workspace_whose_meta_is_gone_is_listed_rebuilt_and_saves() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner.damage_meta(ws.id, None);
    let listed = block(session(&repo, &journal).list()).unwrap();
    let meta = listed.iter().find(|m| m.id == ws.id).expect("listed");
    assert_eq!(meta.name, ws.name, "named from its head");
    assert_eq!(meta.revision, 0);
    assert_eq!(meta.edited_at, Some(ws.updated_at));
    let back = survives(&repo, &journal, &ws);
    assert_eq!(back.meetings.len(), ws.meetings.len());
    let meta = repo
        .inner
        .stored_meta(ws.id)
        .expect("the save wrote a meta again");
    assert!(meta.revision >= 1);
}

/// Damage and the journal store meet: an edit on a workspace whose meta record is gone is journaled (its
/// head is there), not refused as a workspace another tab removed.
#[test]
fn an_edit_on_a_workspace_without_its_meta_is_journaled() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner.damage_meta(ws.id, None);
    let s = session(&repo, &journal);
    block(s.open(ws.id)).unwrap();
    put_meeting(&s, &meeting("Efter skaden"));
    assert_eq!(block(s.persist_journal()), None);
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    assert_eq!(stored_journals(&repo, ws.id).len(), 1);
}

#[test]
fn a_workspace_whose_meta_is_junk_is_listed_rebuilt_and_saves() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner
        .damage_meta(ws.id, Some(r#"{"name":"Fra listen","revision":"mange"}"#));
    let s = session(&repo, &journal);
    let listed = block(s.list()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, ws.name);
    // Trash and back, before any save: the rebuilt meta is written.
    block(s.trash(ws.id, false)).unwrap();
    assert!(block(s.list()).unwrap()[0].deleted_at.is_some());
    block(s.trash(ws.id, true)).unwrap();
    survives(&repo, &journal, &ws);
}

#[test]
fn a_junk_head_is_set_aside_and_the_workspace_restored_from_its_records() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner
        .corrupt_part(ws.id, "head", "{\"format\": \"trappe-work");
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.report.left_out, 1);
    let got = s.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(got.name, ws.name, "named from the list");
    assert_eq!(got.meetings, ws.meetings);
    assert_eq!(got.staircase, ws.staircase);
    let head = got
        .set_aside
        .iter()
        .find(|a| a.original == "{\"format\": \"trappe-work")
        .expect("the head's text is kept");
    assert!(!head.repaired);
    let what = crate::text::file::set_aside_reason(&head.reason);
    assert!(what.contains("kunne ikke læses"), "{what}");
    survives(&repo, &journal, &ws);
}

#[test]
fn a_junk_head_without_a_readable_meta_gets_a_danish_name() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner.corrupt_part(ws.id, "head", "[1,2,3]");
    repo.inner.damage_meta(ws.id, None);
    let listed = block(session(&repo, &journal).list()).unwrap();
    assert_eq!(
        listed[0].name,
        crate::model::set_aside::names::STORED_WITHOUT_NAME
    );
    let back = survives(&repo, &journal, &ws);
    assert_eq!(
        back.name,
        crate::model::set_aside::names::STORED_WITHOUT_NAME
    );
    assert!(back.set_aside.iter().any(|a| a.original == "[1,2,3]"));
}

#[test]
fn a_missing_head_is_rebuilt_and_said() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner.remove_part(ws.id, "head");
    let back = survives(&repo, &journal, &ws);
    assert_eq!(back.name, ws.name);
    assert!(back
        .set_aside
        .iter()
        .any(|a| crate::text::file::set_aside_reason(&a.reason).contains("manglede")));
}

#[test]
fn a_head_without_the_workspace_id_takes_the_id_it_is_stored_under() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    edit_part(&repo, ws.id, "head", |h| {
        h["workspace"].as_object_mut().unwrap().remove("id");
    });
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.report.repaired, 1);
    assert_eq!(s.with_workspace(|w| w.name.clone()).unwrap(), ws.name);
    // The same id at every load (reload checks it), and the head is stored with it.
    reload(&repo, &journal, ws.id);
    assert!(repo
        .inner
        .part(ws.id, "head")
        .unwrap()
        .contains(&ws.id.to_string()));
    survives(&repo, &journal, &ws);
}

#[test]
fn a_junk_set_aside_list_is_kept_as_an_entry_and_never_written_over() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    let junk = "[{\"found_at\": \"workspace.meetings[4]\", \"what\": \"Et tidligere f";
    repo.inner.corrupt_part(ws.id, "set_aside", junk);
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.report.left_out, 1);
    let got = s.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(got.set_aside.len(), 1);
    assert_eq!(got.set_aside[0].original, junk);
    // Stored at once as a list that holds it, and still there after an edit and a reload.
    let stored: Vec<SetAside> =
        serde_json::from_str(&repo.inner.part(ws.id, "set_aside").unwrap()).unwrap();
    assert_eq!(stored[0].original, junk);
    let mut m = got.meetings[0].clone();
    m.notes = "Efter skaden".into();
    put_meeting(&s, &m);
    assert!(block(s.flush()).saved);
    let (s2, _) = reload(&repo, &journal, ws.id);
    assert!(s2
        .with_workspace(|w| w.set_aside.iter().any(|a| a.original == junk))
        .unwrap());
}

#[test]
fn a_part_stored_as_an_object_is_read_like_text() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    let m = &ws.meetings[2];
    let key = crate::file_format::parts::pack_key_of(RecordRef {
        kind: RecordKind::Meeting,
        id: m.id,
    });
    let pack: serde_json::Value =
        serde_json::from_str(&repo.inner.part(ws.id, &key).unwrap()).unwrap();
    repo.inner.put_raw_part(ws.id, &key, pack);
    let (s, _) = reload(&repo, &journal, ws.id);
    assert_eq!(
        s.with_workspace(|w| w.meetings.clone()).unwrap(),
        ws.meetings
    );
    // A number where a meeting belongs is set aside, not skipped.
    edit_record(&repo, ws.id, RecordKind::Meeting, m.id, |v| {
        *v = serde_json::json!(17)
    });
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.report.left_out, 1);
    let got = s.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(got.meetings.len(), ws.meetings.len() - 1);
    assert!(got.set_aside.iter().any(|a| a.original == "17"));
}

#[test]
fn a_meeting_without_an_id_keeps_the_id_it_is_stored_under() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    let m = ws.meetings[0].clone();
    edit_record(&repo, ws.id, RecordKind::Meeting, m.id, |v| {
        v.as_object_mut().unwrap().remove("id");
    });
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.report.repaired, 1);
    assert_eq!(s.with_workspace(|w| w.meetings[0].id).unwrap(), m.id);
    let back = survives(&repo, &journal, &ws);
    assert_eq!(back.meetings[0].id, m.id);
    assert_eq!(back.meetings.len(), ws.meetings.len());
    // A meeting stored under another meeting's id keeps the id of its key too.
    let other = ws.meetings[1].id;
    edit_record(&repo, ws.id, RecordKind::Meeting, other, |v| {
        v["id"] = serde_json::json!(m.id.to_string());
    });
    let (s, _) = reload(&repo, &journal, ws.id);
    let ids: Vec<Id> = s
        .with_workspace(|w| w.meetings.iter().map(|x| x.id).collect())
        .unwrap();
    assert_eq!(ids, ws.meetings.iter().map(|x| x.id).collect::<Vec<_>>());
}

#[test]
fn a_step_that_cannot_be_read_keeps_its_interventions() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    let step = &ws.staircase.steps[0];
    assert!(!step.interventions.is_empty());
    edit_record(&repo, ws.id, RecordKind::Step, step.id, |v| {
        *v = serde_json::json!("ikke et trin")
    });
    let (s, _) = reload(&repo, &journal, ws.id);
    let got = s.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(got.staircase.steps.len(), ws.staircase.steps.len());
    assert_eq!(got.staircase.steps[0].id, step.id);
    assert_eq!(
        got.staircase.steps[0].name,
        crate::model::set_aside::names::UNREADABLE_STEP
    );
    assert_eq!(got.staircase.steps[0].interventions, step.interventions);
    assert!(got
        .set_aside
        .iter()
        .any(|a| a.original == "\"ikke et trin\""));
    survives(&repo, &journal, &ws);
}

#[test]
fn unknown_parts_and_unreadable_orders_are_kept() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    repo.inner.corrupt_part(ws.id, "order/meeting", "møder");
    repo.inner.corrupt_part(ws.id, "noget/andet", "{\"x\":1}");
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!((opened.report.repaired, opened.report.left_out), (1, 1));
    let got = s.with_workspace(|w| w.clone()).unwrap();
    let mut ids: Vec<Id> = got.meetings.iter().map(|m| m.id).collect();
    let mut want: Vec<Id> = ws.meetings.iter().map(|m| m.id).collect();
    ids.sort();
    want.sort();
    assert_eq!(ids, want);
    for original in ["møder", "{\"x\":1}"] {
        assert!(got.set_aside.iter().any(|a| a.original == original));
    }
    survives(&repo, &journal, &ws);
}

#[test]
fn a_rename_in_one_tab_and_a_description_in_the_other_are_both_kept() {
    let repo = Rc::new(Gated::default());
    let s1 = session(&repo, &Rc::new(MemoryJournal::default()));
    let id = new_workspace(&s1, "Køge");
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    s1.dispatch(Command::SetInfo {
        name: "Fane A vandt".into(),
        municipality: String::new(),
        description: String::new(),
    })
    .unwrap();
    block(s1.flush());
    // Tab 2's form still holds the old name; it changes only the description.
    s2.dispatch(Command::SetInfo {
        name: "Køge".into(),
        municipality: String::new(),
        description: "Skrevet i fane B".into(),
    })
    .unwrap();
    let f = block(s2.flush());
    assert!(f.rebased && f.saved, "{f:?}");
    let ws = stored(&repo, id);
    assert_eq!(ws.name, "Fane A vandt");
    assert_eq!(ws.description, "Skrevet i fane B");
}

#[test]
fn a_journal_the_browser_refuses_is_reported_and_the_edit_still_saves() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    journal.refuse.set(true);
    put_meeting(&s, &meeting("Sag 1"));
    assert!(!s.journal_ok(), "the shell warns: do not close the tab yet");
    assert!(block(s.flush()).saved);
    assert_eq!(stored(&repo, id).meetings.len(), 1);
}

#[test]
fn an_edit_past_the_workspace_limit_is_refused_and_changes_nothing() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    new_workspace(&s, "x");
    s.open.borrow_mut().as_mut().unwrap().bytes = MAX_WORKSPACE_BYTES - 10;
    let before = s.with_workspace(|w| w.clone()).unwrap();
    assert_eq!(
        s.dispatch(Command::put(Record::Meeting(meeting("Sag 1")))),
        Err(CommandError::WorkspaceFull {
            max_bytes: MAX_WORKSPACE_BYTES
        })
    );
    assert_eq!(s.with_workspace(|w| w.clone()).unwrap(), before);
    assert!(!s.can_undo());
}

#[test]
fn journals_of_two_tabs_combine_with_the_latest_version_of_each_record() {
    let m = meeting("Sag 1");
    let rec = |notes: &str| {
        Some((
            Place::Keep,
            Record::Meeting(Meeting {
                notes: notes.into(),
                ..m.clone()
            }),
        ))
    };
    let change = |notes: &str| crate::model::merge::RecordChange {
        record: crate::model::record::RecordRef::new(RecordKind::Meeting, m.id),
        base: Some(Record::Meeting(m.clone())),
        mine: rec(notes),
    };
    let t = now();
    let older = JournalFile {
        written_at: Some(t),
        records: vec![change("ældre")],
        ..JournalFile::default()
    };
    let newer = JournalFile {
        written_at: Some(t + chrono::Duration::seconds(1)),
        records: vec![change("nyere")],
        ..JournalFile::default()
    };
    // Whatever order the browser lists them in.
    for files in [vec![older.clone(), newer.clone()], vec![newer, older]] {
        let j = JournalFile::combine(files).unwrap();
        assert_eq!(j.records.len(), 1);
        assert_eq!(j.records[0].mine, rec("nyere"));
        assert_eq!(j.records[0].base, Some(Record::Meeting(m.clone())));
    }
}

/// Records share a stored pack (see `file_format::parts`): two tabs editing two meetings of one pack both
/// keep their edit, the second save rebased on the first.
#[test]
fn two_tabs_editing_two_meetings_of_one_pack_both_keep_their_edit() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s1 = session(&repo, &journal);
    let id = new_workspace(&s1, "Køge");
    let pack = |m: &Meeting| {
        crate::file_format::parts::pack_key_of(RecordRef {
            kind: RecordKind::Meeting,
            id: m.id,
        })
    };
    let mut made: Vec<Meeting> = Vec::new();
    let (a, b) = loop {
        let m = meeting(&format!("Sag {}", made.len() + 1));
        put_meeting(&s1, &m);
        if let Some(other) = made.iter().find(|o| pack(o) == pack(&m)) {
            break (other.clone(), m);
        }
        made.push(m);
    };
    assert!(block(s1.flush()).saved);
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    put_meeting(
        &s1,
        &Meeting {
            notes: "Fra fane 1".into(),
            ..a.clone()
        },
    );
    put_meeting(
        &s2,
        &Meeting {
            notes: "Fra fane 2".into(),
            ..b.clone()
        },
    );
    assert!(block(s1.flush()).saved);
    let f = block(s2.flush());
    assert!(f.saved && f.rebased && f.conflicts.is_empty(), "{f:?}");
    let ws = stored(&repo, id);
    let notes = |id: Id| {
        ws.meetings
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .notes
            .clone()
    };
    assert_eq!(notes(a.id), "Fra fane 1");
    assert_eq!(notes(b.id), "Fra fane 2");
    assert_eq!(ws.meetings.len(), made.len() + 1);
}

#[test]
fn a_move_in_this_tab_survives_another_tabs_save() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s1 = session(&repo, &journal);
    let id = new_workspace(&s1, "Køge");
    let (a, b, c) = (meeting("A"), meeting("B"), meeting("C"));
    for m in [&a, &b, &c] {
        put_meeting(&s1, m);
    }
    block(s1.flush());
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    // Tab 1 changes A's notes and saves; tab 2, on the old copy, moves C first and changes B's chair.
    put_meeting(
        &s1,
        &Meeting {
            notes: "Fra fane 1".into(),
            ..a.clone()
        },
    );
    block(s1.flush());
    s2.dispatch(Command::Put {
        place: Place::First,
        record: Record::Meeting(c.clone()),
    })
    .unwrap();
    put_meeting(
        &s2,
        &Meeting {
            chair: "Lise".into(),
            ..b.clone()
        },
    );
    let f = block(s2.flush());
    assert!(f.rebased && f.saved && f.conflicts.is_empty(), "{f:?}");
    let ws = stored(&repo, id);
    let order: Vec<&str> = ws.meetings.iter().map(|m| m.case_ref.as_str()).collect();
    assert_eq!(order, vec!["C", "A", "B"], "the move is kept");
    assert_eq!(ws.meetings[1].notes, "Fra fane 1");
    assert_eq!(ws.meetings[2].chair, "Lise");
    // An edit that did not move a record leaves another tab's move alone.
    let s3 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s3.open(id)).unwrap();
    s2.dispatch(Command::Put {
        place: Place::After(b.id),
        record: Record::Meeting(ws.meetings[0].clone()),
    })
    .unwrap();
    block(s2.flush());
    put_meeting(
        &s3,
        &Meeting {
            notes: "Fra fane 3".into(),
            ..ws.meetings[0].clone()
        },
    );
    block(s3.flush());
    let ws = stored(&repo, id);
    let order: Vec<&str> = ws.meetings.iter().map(|m| m.case_ref.as_str()).collect();
    assert_eq!(order, vec!["A", "B", "C"]);
    assert_eq!(ws.meetings[2].notes, "Fra fane 3");
}

#[test]
fn a_workspace_emptied_from_the_bin_in_another_tab_says_so_and_can_be_stored_again() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s1 = session(&repo, &journal);
    let id = new_workspace(&s1, "Køge");
    put_meeting(&s1, &meeting("A"));
    block(s1.flush());
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    // Tab 2 trashes and empties the bin while tab 1 has it open.
    block(s2.trash(id, false)).unwrap();
    assert_eq!(block(s2.empty_trash()).unwrap(), 1);
    assert!(block(s1.check_still_stored()), "tab 1 learns at once");
    assert_eq!(
        s1.status(),
        Some(SaveStatus::Failed(StorageError::NotFound))
    );
    assert_eq!(s1.retry_delay(), None, "nothing to try again by itself");
    // An edit in tab 1: the save says the workspace is gone, not that another tab saved first.
    put_meeting(&s1, &meeting("B"));
    let f = block(s1.flush());
    assert_eq!(f.error, Some(StorageError::NotFound));
    assert_eq!(
        s1.status(),
        Some(SaveStatus::Failed(StorageError::NotFound))
    );
    // Stored again, with everything in memory.
    block(s1.store_again()).unwrap();
    let ws = stored(&repo, id);
    let cases: Vec<&str> = ws.meetings.iter().map(|m| m.case_ref.as_str()).collect();
    assert_eq!(cases, vec!["A", "B"]);
    assert!(!s1.is_dirty());
}

#[test]
fn renaming_a_workspace_gives_the_revision_other_tabs_pick_up() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s1 = session(&repo, &journal);
    let id = new_workspace(&s1, "Køge");
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    // Renamed while open in tab 1, and while not open in another session.
    let r = block(s1.rename(id, "Køge 2026".into())).unwrap();
    assert_eq!(r, block(repo.check(id)).unwrap().revision);
    assert!(block(s2.other_tab_saved(id, r)).unwrap());
    assert_eq!(s2.with_workspace(|w| w.name.clone()).unwrap(), "Køge 2026");
    assert_eq!(
        s2.meta().unwrap().name,
        "Køge 2026",
        "the list shows it too"
    );
    let other = new_workspace(&s1, "Halsnæs");
    let r = block(s2.rename(other, "Halsnæs 2020".into())).unwrap();
    assert_eq!(r, block(repo.check(other)).unwrap().revision);
    assert!(block(s1.other_tab_saved(other, r)).unwrap());
    assert_eq!(
        s1.with_workspace(|w| w.name.clone()).unwrap(),
        "Halsnæs 2020"
    );
}

/// The list's "last edited" moves with every saved edit, and an export (which writes the list entry again)
/// keeps it: the open copy's meta used to keep the time it was opened with, and `mark_exported` wrote that
/// back, so the list said the copy was older than a file exported from it.
#[test]
fn every_saved_edit_moves_the_listed_edit_time_and_an_export_keeps_it() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Køge");
    let opened_at = s.meta().unwrap().edited_at.unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    put_meeting(&s, &meeting("Sag 1"));
    let edited = s.with_workspace(|w| w.updated_at).unwrap();
    assert!(edited > opened_at, "the edit moved the workspace's stamp");
    assert!(block(s.flush()).saved);
    let listed = |s: &S| {
        block(s.list())
            .unwrap()
            .into_iter()
            .find(|m| m.id == id)
            .unwrap()
            .edited_at
    };
    assert_eq!(
        s.meta().unwrap().edited_at,
        Some(edited),
        "the open copy's meta"
    );
    assert_eq!(listed(&s), Some(edited), "the stored list");
    block(s.mark_exported()).unwrap();
    assert_eq!(listed(&s), Some(edited), "an export keeps the edit time");
    assert!(s.meta().unwrap().last_exported_at.is_some());
}

/// «Vis pr. i dag» on an example is an edit like any other: journaled at once, so a tab closed before its save
/// loses nothing, and stored in the head.
#[test]
fn showing_an_example_as_of_today_survives_a_closed_tab() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let ws = stored_example(&repo, &journal);
    assert!(ws.as_of.is_some());
    {
        let s = session(&repo, &journal);
        block(s.open(ws.id)).unwrap();
        s.dispatch(Command::SetAsOf { as_of: None }).unwrap();
        // The tab closes before any save.
    }
    assert!(stored(&repo, ws.id).as_of.is_some(), "not saved yet");
    let (s, opened) = reload(&repo, &journal, ws.id);
    assert_eq!(opened.recovered, 1);
    assert_eq!(s.with_workspace(|w| w.as_of).unwrap(), None);
    assert_eq!(stored(&repo, ws.id).as_of, None);
}

// ----- durable at once: the journal store -----

/// The tab's journal record in the repository's journal store, read.
fn stored_journals(repo: &Gated, id: Id) -> Vec<StoredJournal> {
    block(repo.journals(id)).unwrap()
}

/// Runs `persist_journal` in the background of `pool`.
fn persist_in(pool: &LocalPool, s: &Rc<S>) {
    let s1 = s.clone();
    pool.spawner()
        .spawn_local(async move {
            s1.persist_journal().await;
        })
        .unwrap();
}

#[test]
fn an_edit_shows_saved_only_once_its_journal_is_written_and_read_back() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Køge");
    let m = meeting("Sag 1");
    put_meeting(&s, &m);
    assert_eq!(s.status(), Some(SaveStatus::Pending));
    assert!(!s.is_durable());
    repo.hold_journal.set(true);
    let mut pool = LocalPool::new();
    persist_in(&pool, &s);
    pool.run_until_stalled();
    assert_eq!(
        s.status(),
        Some(SaveStatus::Saving),
        "not saved while the write is in flight"
    );
    repo.hold_journal.set(false);
    pool.run_until_stalled();
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    assert!(s.is_durable());
    assert!(s.is_dirty(), "the parts follow later");
    assert!(stored(&repo, id).meetings.is_empty());
    let records = stored_journals(&repo, id);
    assert_eq!(records.len(), 1);
    // The browser is killed now: its localStorage never reached the disk, the journal store did.
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    let opened = block(s2.open(id)).unwrap();
    assert_eq!(opened.recovered, 1);
    assert_eq!(s2.with_workspace(|w| w.meetings.clone()).unwrap(), vec![m]);
    assert!(block(s2.flush()).saved);
    assert_eq!(stored(&repo, id).meetings.len(), 1);
    assert!(
        stored_journals(&repo, id).is_empty(),
        "the save that stored it removed the journal it came from"
    );
}

#[test]
fn journal_writes_are_one_at_a_time_and_the_newest_state_is_written_next() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Køge");
    repo.hold_journal.set(true);
    let mut pool = LocalPool::new();
    put_meeting(&s, &meeting("Sag 1"));
    persist_in(&pool, &s);
    pool.run_until_stalled();
    for case in ["Sag 2", "Sag 3", "Sag 4"] {
        put_meeting(&s, &meeting(case));
        persist_in(&pool, &s);
        pool.run_until_stalled();
    }
    repo.hold_journal.set(false);
    pool.run_until_stalled();
    assert_eq!(
        repo.journal_writes.get(),
        2,
        "the first write, then one with the newest state"
    );
    let text = &stored_journals(&repo, id)[0].text;
    let j: JournalFile = serde_json::from_str(text).unwrap();
    assert_eq!(j.records.len(), 4);
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
}

#[test]
fn a_failed_journal_write_is_never_saved_and_is_retried_after_opening_the_connection_again() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Fuld disk");
    // The disk is full: the write aborts, and the browser closes the connection.
    *repo.inner.fail_writes.borrow_mut() = Some(StorageError::WriteFailed("AbortError".into()));
    put_meeting(&s, &meeting("Sag 1"));
    let e = block(s.persist_journal());
    assert!(matches!(e, Some(StorageError::WriteFailed(_))), "{e:?}");
    assert!(matches!(
        s.status(),
        Some(SaveStatus::Failed(StorageError::WriteFailed(_)))
    ));
    assert!(repo.inner.closed.get());
    assert!(s.retry_delay().is_some());
    // The retry while the disk is still full fails again, and stays failed.
    let f = block(s.flush());
    assert!(f.error.is_some());
    assert!(matches!(s.status(), Some(SaveStatus::Failed(_))));
    assert!(!s.is_durable());
    assert_eq!(repo.inner.seals.get(), 0);
    // Space is freed. Without a new edit, the next retry opens the connection again and saves.
    *repo.inner.fail_writes.borrow_mut() = None;
    let f = block(s.flush());
    assert!(f.saved && f.error.is_none(), "{f:?}");
    assert!(repo.inner.reopens.get() >= 1);
    assert_eq!(
        repo.inner.seals.get(),
        1,
        "the database's files made whole once writes work again"
    );
    block(s.flush());
    assert_eq!(repo.inner.seals.get(), 1, "once");
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    assert_eq!(s.retry_delay(), None);
    assert_eq!(stored(&repo, id).meetings.len(), 1);
}

#[test]
fn a_connection_the_browser_closed_is_opened_again_before_the_next_write() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Lukket forbindelse");
    repo.inner.closed.set(true);
    put_meeting(&s, &meeting("Sag 1"));
    assert!(matches!(
        block(s.persist_journal()),
        Some(StorageError::Closed(_))
    ));
    assert!(matches!(
        s.status(),
        Some(SaveStatus::Failed(StorageError::Closed(_)))
    ));
    // The next edit's journal write opens the connection first.
    put_meeting(&s, &meeting("Sag 2"));
    assert_eq!(block(s.persist_journal()), None);
    assert_eq!(repo.inner.reopens.get(), 1);
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    let j: JournalFile = serde_json::from_str(&stored_journals(&repo, id)[0].text).unwrap();
    assert_eq!(j.records.len(), 2, "both edits are in the journal written");
}

#[test]
fn a_save_in_flight_covers_the_journal_and_a_failed_save_keeps_the_journal_record() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    put_meeting(&s, &meeting("Sag 1"));
    block(s.persist_journal());
    assert_eq!(stored_journals(&repo, id).len(), 1);
    // A save that fails leaves the journal record where it is.
    *repo.fail_next.borrow_mut() = Some(StorageError::QuotaExceeded);
    let f = block(s.flush());
    assert_eq!(f.error, Some(StorageError::QuotaExceeded));
    assert_eq!(stored_journals(&repo, id).len(), 1);
    // An edit, then a save begins (and is held) before its journal is written: the save in flight covers
    // it, so no journal write races it.
    put_meeting(&s, &meeting("Sag 2"));
    repo.hold.set(true);
    let mut pool = LocalPool::new();
    let s1 = s.clone();
    pool.spawner()
        .spawn_local(async move {
            s1.flush().await;
        })
        .unwrap();
    pool.run_until_stalled();
    let writes = repo.journal_writes.get();
    persist_in(&pool, &s);
    pool.run_until_stalled();
    assert_eq!(repo.journal_writes.get(), writes);
    assert_eq!(s.status(), Some(SaveStatus::Saving));
    repo.hold.set(false);
    pool.run_until_stalled();
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    assert!(
        stored_journals(&repo, id).is_empty(),
        "removed in the save's transaction"
    );
    assert_eq!(stored(&repo, id).meetings.len(), 2);
}

#[test]
fn an_unreadable_journal_is_set_aside_and_removed_only_once_that_is_stored() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Halv journal");
    put_meeting(&s, &meeting("Sag med den eneste kopi"));
    block(s.persist_journal());
    let whole = stored_journals(&repo, id)[0].text.clone();
    let half = &whole[..whole.len() / 2];
    assert!(serde_json::from_str::<JournalFile>(half).is_err());
    // Both copies were cut in half (a killed browser, a damaged disk).
    repo.inner
        .put_journal_text(id, &stored_journals(&repo, id)[0].tab, half);
    journal.put_text(id, &half[..half.len() - 3]);
    // The first try to store the set-aside entries fails: nothing may be removed yet.
    let s2 = session(&repo, &journal);
    let opened = block(s2.open(id)).unwrap();
    assert_eq!(opened.journals_set_aside, 2);
    let aside = s2.with_workspace(|w| w.set_aside.clone()).unwrap();
    assert_eq!(aside.len(), 2);
    assert!(aside.iter().any(|a| a.original == half));
    assert!(aside
        .iter()
        .all(|a| a.original.contains("Sag med den eneste kopi")));
    assert!(s2.is_dirty());
    *repo.fail_next.borrow_mut() = Some(StorageError::QuotaExceeded);
    assert!(block(s2.flush()).error.is_some());
    assert!(
        stored_journals(&repo, id).iter().any(|j| j.text == half),
        "kept: not stored yet"
    );
    assert!(!journal.read_all(id).is_empty());
    assert!(block(s2.flush()).saved);
    assert_eq!(stored(&repo, id).set_aside.len(), 2);
    assert!(stored_journals(&repo, id).is_empty());
    assert!(journal.read_all(id).is_empty());
    // Opened again: nothing set aside twice.
    let s3 = session(&repo, &journal);
    assert_eq!(block(s3.open(id)).unwrap().journals_set_aside, 0);
    assert_eq!(s3.with_workspace(|w| w.set_aside.len()).unwrap(), 2);
}

#[test]
fn another_tabs_journal_written_after_it_was_brought_here_is_not_removed() {
    let repo = Rc::new(Gated::default());
    let a = session(&repo, &Rc::new(MemoryJournal::default()));
    let id = new_workspace(&a, "To faner");
    put_meeting(&a, &meeting("Fra fane A"));
    block(a.persist_journal());
    let b = session(&repo, &Rc::new(MemoryJournal::default()));
    assert_eq!(block(b.open(id)).unwrap().recovered, 1);
    // Tab A edits again after B read its journal; then B saves.
    put_meeting(&a, &meeting("Fra fane A igen"));
    block(a.persist_journal());
    assert!(block(b.flush()).saved);
    let left = stored_journals(&repo, id);
    assert_eq!(left.len(), 1, "A's newer journal stays");
    let j: JournalFile = serde_json::from_str(&left[0].text).unwrap();
    assert_eq!(j.records.len(), 2);
}

#[test]
fn journals_in_the_store_and_in_local_storage_combine_the_latest_wins() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "x");
    let mut m = meeting("Sag 1");
    put_meeting(&s, &m);
    block(s.persist_journal());
    // A later edit reached localStorage (the tab closed) but not the store.
    repo.hold_journal.set(true);
    m.notes = "Senere".into();
    put_meeting(&s, &m);
    drop(s);
    repo.hold_journal.set(false);
    let s2 = session(&repo, &journal);
    block(s2.open(id)).unwrap();
    assert_eq!(
        s2.with_workspace(|w| w.meetings[0].notes.clone()).unwrap(),
        "Senere"
    );
    assert_eq!(s2.status(), Some(SaveStatus::Pending));
    assert_eq!(block(s2.persist_journal()), None);
    assert!(matches!(s2.status(), Some(SaveStatus::Saved(Some(_)))));
}

/// Two tabs change different fields of one meeting, and the browser is killed before either saves its
/// parts: the next start keeps both fields (the later journal used to replace the whole record).
#[test]
fn two_tabs_journals_of_one_record_keep_both_tabs_fields() {
    // One browser: both tabs' journals are in its localStorage and in the journal store.
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let a = session(&repo, &journal);
    let id = new_workspace(&a, "To faner");
    let m = meeting("Sag 1");
    put_meeting(&a, &m);
    assert!(block(a.flush()).saved);
    let b = session(&repo, &journal);
    block(b.open(id)).unwrap();
    put_meeting(
        &a,
        &Meeting {
            notes: "Noter fra fane A".into(),
            ..m.clone()
        },
    );
    assert_eq!(block(a.persist_journal()), None);
    std::thread::sleep(std::time::Duration::from_millis(5));
    put_meeting(
        &b,
        &Meeting {
            chair: "Leder fra fane B".into(),
            ..m.clone()
        },
    );
    assert_eq!(block(b.persist_journal()), None);
    let c = session(&repo, &journal);
    block(c.open(id)).unwrap();
    let got = c.with_workspace(|w| w.meetings[0].clone()).unwrap();
    assert_eq!(got.notes, "Noter fra fane A");
    assert_eq!(got.chair, "Leder fra fane B");
    assert!(block(c.flush()).saved);
    assert_eq!(stored(&repo, id).meetings[0].notes, "Noter fra fane A");
    assert_eq!(stored(&repo, id).meetings[0].chair, "Leder fra fane B");
}

#[test]
fn a_keyboard_move_and_its_undo_come_back_from_the_journal_store_alone() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
    let id = ws.id;
    block(s.create(ws)).unwrap();
    let names = |s: &S| {
        s.with_workspace(|w| {
            w.staircase.steps[1]
                .interventions
                .iter()
                .map(|i| i.name.clone())
                .collect::<Vec<_>>()
        })
        .unwrap()
    };
    let before = s.with_workspace(|w| w.staircase.clone()).unwrap();
    let original = names(&s);
    // As the board does it: the staircase edited, the difference dispatched.
    let mut after = before.clone();
    let (step, iv) = (before.steps[1].id, before.steps[1].interventions[4].id);
    after.move_intervention(iv, step, 3).unwrap();
    s.dispatch(Command::batch(crate::model::delta::staircase(
        &before, &after,
    )))
    .unwrap();
    assert_eq!(block(s.persist_journal()), None);
    let moved = names(&s);
    assert_ne!(moved, original);
    // The browser is killed: no parts saved, no localStorage. The journal store brings the move back.
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    assert_eq!(names(&s2), moved);
    assert!(block(s2.flush()).saved);
    // Undone there, killed again before the parts save: the undo comes back.
    let s3 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s3.open(id)).unwrap();
    s3.dispatch(Command::batch(crate::model::delta::staircase(
        &s3.with_workspace(|w| w.staircase.clone()).unwrap(),
        &before,
    )))
    .unwrap();
    assert_eq!(block(s3.persist_journal()), None);
    let s4 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s4.open(id)).unwrap();
    assert_eq!(names(&s4), original);
}

#[test]
fn a_workspace_the_browser_lost_after_a_full_disk_is_stored_whole_again() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Fuld disk");
    put_meeting(&s, &meeting("Sag 1"));
    assert!(block(s.flush()).saved);
    *repo.inner.fail_writes.borrow_mut() = Some(StorageError::WriteFailed("AbortError".into()));
    put_meeting(&s, &meeting("Sag 2"));
    assert!(block(s.persist_journal()).is_some());
    assert!(block(s.flush()).error.is_some());
    // Space is freed, but the browser found its database damaged and started an empty one.
    *repo.inner.fail_writes.borrow_mut() = None;
    repo.inner.wipe();
    // A journal on its own is worth nothing: never "Saved" on top of a workspace storage lacks.
    put_meeting(&s, &meeting("Sag 3"));
    assert!(block(s.persist_journal()).is_some());
    assert!(matches!(s.status(), Some(SaveStatus::Failed(_))));
    assert!(s.retry_delay().is_some(), "tried again on its own");
    // The retry writes it whole again, with every edit.
    let f = block(s.flush());
    assert!(f.saved && f.error.is_none(), "{f:?}");
    assert!(matches!(s.status(), Some(SaveStatus::Saved(Some(_)))));
    let ws = stored(&repo, id);
    assert_eq!(ws.meetings.len(), 3);
    assert_eq!(block(repo.list()).unwrap().len(), 1);
    // And it goes on as before: the next edit is journaled and saved.
    put_meeting(&s, &meeting("Sag 4"));
    assert_eq!(block(s.persist_journal()), None);
    assert!(block(s.flush()).saved);
    assert_eq!(stored(&repo, id).meetings.len(), 4);
}

#[test]
fn a_workspace_removed_without_a_failed_write_is_not_stored_again_by_itself() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "Papirkurv");
    // Another tab emptied the bin: the user chooses (store it again, or download it).
    block(repo.delete(id)).unwrap();
    put_meeting(&s, &meeting("Sag 1"));
    assert_eq!(block(s.persist_journal()), Some(StorageError::NotFound));
    assert_eq!(s.status(), Some(SaveStatus::Failed(StorageError::NotFound)));
    assert_eq!(s.retry_delay(), None);
    assert!(block(repo.list()).unwrap().is_empty());
}

#[test]
fn a_replaced_workspace_takes_this_tabs_journal_of_it_along() {
    let (repo, journal) = (Rc::new(Gated::default()), Rc::new(MemoryJournal::default()));
    let s = session(&repo, &journal);
    let id = new_workspace(&s, "A");
    put_meeting(&s, &meeting("Før import"));
    assert_eq!(block(s.persist_journal()), None);
    assert_eq!(stored_journals(&repo, id).len(), 1);
    let mut imported = Workspace::new("Importeret");
    imported.meetings.push(meeting("Fra filen"));
    block(s.replace(id, imported, "(før import)")).unwrap();
    assert!(
        stored_journals(&repo, id).is_empty(),
        "never replayed onto the import"
    );
    let s2 = session(&repo, &Rc::new(MemoryJournal::default()));
    block(s2.open(id)).unwrap();
    let cases: Vec<String> = s2
        .with_workspace(|w| w.meetings.iter().map(|m| m.case_ref.clone()).collect())
        .unwrap();
    assert_eq!(cases, vec!["Fra filen".to_string()]);
}
