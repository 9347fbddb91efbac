//! The editing session, in plain Rust: the open workspace with its undo history, the journal of edits not
//! yet confirmed in storage, and the saves. It is generic over the repository and the journal, so every
//! path (a save running while the user opens another workspace, imports, closes the tab, or another tab
//! saves first; storage full; a save that did not take) is tested natively against the in-memory
//! repository. The browser shell (`app::session`) only adds timers, signals and the IndexedDB backend.
//!
//! Rules kept here:
//! - Saves are single-flight: one at a time, behind one lock, and `flush` returns only when everything
//!   edited before it is stored (or has failed and is still in memory and in the journal).
//! - A save belongs to the workspace it started for: a save that ends after another workspace was opened
//!   changes nothing of the new one.
//! - Every edit is in the journal before `dispatch` returns; the journal is cleared only when storage has
//!   confirmed (read back) everything in it.
//! - Durable at once: after each edit `persist_journal` writes this tab's journal to the repository's
//!   journal store (one write at a time, the newest state next) and reads it back. The status is
//!   `Saved` only when the newest edit is durable that way, or in a confirmed save; a write that failed is
//!   never `Saved`, and the next try opens the connection again first. The save of the parts follows after
//!   a pause and removes this tab's journal record in its own transaction.
//! - Journals are input: one that cannot be read is set aside in the workspace (under «Lagt til side»),
//!   and removed from storage only once that is stored.
//! - A save that meets a newer stored copy brings this tab's changed records onto it, field by field, and
//!   tries again; what both sides changed keeps this side's value and the other side's version is set
//!   aside, never lost.
//!
//! May import `storage` (its `Repository` trait and types), `file_format` and `model`; set-aside entries
//! carry typed reasons (`model::set_aside`), which `text::file` says in words.

pub mod journal;
pub mod linked_copy;
#[cfg(test)]
mod test_gate;

pub use journal::{Found, Journal, JournalError, JournalFile, MemoryJournal};

use crate::file_format::pace::Pace;
use crate::file_format::parts::{
    all_parts, all_parts_paced, changed_parts, has_single_records, part_count, WriteSet,
};
use crate::file_format::{ImportError, RestoreReport, MAX_WORKSPACE_BYTES};
use crate::model::commands::{apply, Applied, Changes, Command, CommandError, History};
use crate::model::merge::{
    rebase, rebase_setting, RecordChange, RecordConflict, Setting, SettingChange,
};
use crate::model::record::{Place, Record, RecordRef};
use crate::model::set_aside::found;
use crate::model::sorting::CollectByInsert;
use crate::model::sorting::StableSort;
use crate::model::validation::name_with_suffix;
use crate::model::{now, Id, SetAside, SetAsideReason, Workspace};
use crate::storage::{
    JournalRemoval, Repository, StorageError, StoredBody, StoredJournal, StoredMeta,
};
use chrono::{DateTime, Utc};
use futures::lock::Mutex;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is stored (since this time; `None`: nothing was edited since opening).
    Saved(Option<DateTime<Utc>>),
    /// Edits wait for the next save.
    Pending,
    Saving,
    /// The last save failed; the edits are in memory and in the journal, and the save is tried again.
    Failed(StorageError),
}

/// What opening a workspace found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opened {
    /// Records repaired or set aside while reading the stored copy.
    pub report: RestoreReport,
    /// Edits from the journal (a tab closed before they were stored) brought back.
    pub recovered: usize,
    pub conflicts: Vec<RecordConflict>,
    /// Journals that could not be read, set aside in the workspace.
    pub journals_set_aside: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    Storage(StorageError),
    /// The stored copy is not a workspace at all; it is left untouched.
    Unreadable(ImportError),
    /// Edits to the open workspace could be neither saved nor journaled: opening another would lose them.
    UnsavedEdits(StorageError),
}

/// What a flush did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flushed {
    /// A save was written and confirmed.
    pub saved: bool,
    /// Another tab had saved first; this tab's edits were brought onto its copy. The whole workspace may
    /// have changed.
    pub rebased: bool,
    pub conflicts: Vec<RecordConflict>,
    pub error: Option<StorageError>,
}

struct Open {
    ws: Workspace,
    meta: StoredMeta,
    base_revision: u64,
    history: History,
    /// Changes the next save writes.
    pending: Changes,
    saving: bool,
    /// Records changed since the last confirmed save, with their stored version and its place (`None`: not
    /// stored).
    unsaved: BTreeMap<RecordRef, Option<(Place, Record)>>,
    /// Settings changed since the last confirmed save, with their stored version.
    unsaved_settings: BTreeMap<Setting, Command>,
    /// The next save writes every part (a new workspace, a version-1 body, a repaired copy).
    full_write: bool,
    status: SaveStatus,
    failures: u32,
    part_bytes: HashMap<String, usize>,
    bytes: usize,
    journal_ok: bool,
    generation: u64,
    /// Counts the edits (and recoveries) the journal must hold.
    seq: u64,
    /// Every edit up to this one is durable: in the journal store (written and read back) or in a
    /// confirmed save.
    durable: u64,
    /// When `durable` last caught up with `seq`.
    saved_at: Option<DateTime<Utc>>,
    /// A journal write is in flight.
    journal_writing: bool,
    /// The last journal write failed (and nothing durable covers the edits since).
    journal_error: Option<StorageError>,
    /// The edit the save in flight covers.
    saving_seq: Option<u64>,
    /// Journals in the repository that were brought onto this copy at opening: the next confirmed save
    /// removes them (each only if unchanged since).
    taken: Vec<StoredJournal>,
    /// A write failed (a full disk, a closed connection) since the last confirmed save. If storage then no
    /// longer has the workspace, the browser lost it (Chromium deletes a database it finds damaged after a
    /// write to a full disk failed), and it is written whole again from here.
    storage_failed: bool,
}

impl Open {
    fn new(ws: Workspace, meta: StoredMeta, body: Option<&StoredBody>, generation: u64) -> Self {
        let part_bytes: HashMap<String, usize> = body
            .map(|b| {
                b.parts
                    .iter()
                    .map(|(k, v)| (k.clone(), k.len() + v.len()))
                    .collect()
            })
            .unwrap_or_default();
        let bytes = part_bytes.values().sum::<usize>()
            + body.and_then(|b| b.legacy.as_ref()).map_or(0, String::len);
        Open {
            base_revision: body.map_or(meta.revision, |b| b.revision),
            ws,
            meta,
            history: History::default(),
            pending: Changes::default(),
            saving: false,
            unsaved: BTreeMap::new(),
            unsaved_settings: BTreeMap::new(),
            // A version-1 body, or records stored one per part, are written whole (in packs) at the
            // next save.
            full_write: body.is_some_and(|b| b.parts.is_empty() || has_single_records(&b.parts)),
            status: SaveStatus::Saved(None),
            failures: 0,
            part_bytes,
            bytes,
            journal_ok: true,
            generation,
            seq: 0,
            durable: 0,
            saved_at: None,
            journal_writing: false,
            journal_error: None,
            saving_seq: None,
            taken: Vec::new(),
            storage_failed: false,
        }
    }

    /// The stored copy is gone after a failed write: the next save writes every part, as a new workspace.
    fn store_whole_again(&mut self) {
        self.full_write = true;
        self.base_revision = 0;
        self.meta.revision = 0;
        self.part_bytes.clear();
    }

    /// The status shown: a failed save or journal write first; then whether the newest edit is durable.
    fn shown_status(&self) -> SaveStatus {
        if let SaveStatus::Failed(e) = &self.status {
            return SaveStatus::Failed(e.clone());
        }
        if self.durable >= self.seq {
            return SaveStatus::Saved(self.saved_at);
        }
        match &self.journal_error {
            Some(e) => SaveStatus::Failed(e.clone()),
            None if self.journal_writing || self.saving => SaveStatus::Saving,
            None => SaveStatus::Pending,
        }
    }

    /// Edits up to `seq` are durable.
    fn confirm(&mut self, seq: u64) {
        self.durable = self.durable.max(seq);
        if self.durable >= self.seq {
            self.journal_error = None;
            self.saved_at = Some(now());
            if !matches!(self.status, SaveStatus::Failed(_)) {
                self.failures = 0;
            }
        }
    }

    /// A journal write for edit `seq` may begin: it is not covered yet, not even by the save in flight.
    fn journal_due(&self) -> bool {
        !self.journal_writing
            && self.durable < self.seq
            && self.saving_seq.is_none_or(|s| s < self.seq)
    }

    /// The journal records the next save removes: this tab's, and those brought onto this copy.
    fn removals(&self, tab: &str) -> Vec<JournalRemoval> {
        std::iter::once(JournalRemoval {
            tab: tab.to_string(),
            if_text: None,
        })
        .chain(self.taken.iter().map(|j| JournalRemoval {
            tab: j.tab.clone(),
            if_text: Some(j.text.clone()),
        }))
        .collect()
    }

    fn is_dirty(&self) -> bool {
        !self.pending.is_empty() || self.saving || self.full_write
    }

    fn journal_file(&self, tab: &str) -> JournalFile {
        JournalFile {
            workspace: Some(self.ws.id),
            tab: tab.to_string(),
            base_revision: self.base_revision,
            written_at: Some(now()),
            records: self
                .unsaved
                .iter()
                .map(|(r, base)| RecordChange {
                    record: *r,
                    base: base.as_ref().map(|(_, b)| b.clone()),
                    mine: self.ws.record(*r).map(|(place, m)| {
                        // A record still where it was stored is not moved by this side.
                        let moved = base.as_ref().is_none_or(|(was, _)| *was != place);
                        (if moved { place } else { Place::Keep }, m)
                    }),
                })
                .collect(),
            settings: self
                .unsaved_settings
                .iter()
                .map(|(s, base)| SettingChange {
                    setting: *s,
                    base: base.clone(),
                    mine: s.of(&self.ws),
                })
                .collect(),
        }
    }

    fn note(&mut self, applied: &Applied) {
        for (r, prior) in applied.inverse.prior_records() {
            self.unsaved.entry(r).or_insert(prior);
        }
        for (s, prior) in prior_settings(&applied.inverse) {
            self.unsaved_settings.entry(s).or_insert(prior);
        }
        self.pending.extend(applied.changes.clone());
        if !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Pending;
        }
    }
}

/// The settings an inverse command sets back: their values before the command it undoes.
fn prior_settings(inverse: &Command) -> Vec<(Setting, Command)> {
    fn walk(c: &Command, out: &mut Vec<(Setting, Command)>) {
        match c {
            Command::Batch { commands } | Command::Replicate { commands } => {
                commands.iter().for_each(|c| walk(c, out))
            }
            other => {
                if let Some(s) = Setting::set_by(other) {
                    out.push((s, other.clone()));
                }
            }
        }
    }
    let mut all = Vec::new();
    walk(inverse, &mut all);
    // The earliest state is the last one in an inverse batch.
    let mut out: Vec<(Setting, Command)> = Vec::new();
    for (s, c) in all.into_iter().rev() {
        if !out.iter().any(|(x, _)| *x == s) {
            out.push((s, c));
        }
    }
    out
}

/// This tab's journal brought onto `stored`: the workspace, what changed against `stored`, the stored
/// versions of the records touched (the new bases), and the conflicts. Versions that could not be kept
/// (the other side's in a conflict, or one of mine that no longer fits) go to the set-aside list.
fn bring_onto(mut ws: Workspace, j: &JournalFile) -> Brought {
    let mut changes = Changes::default();
    let bases: BTreeMap<RecordRef, Option<(Place, Record)>> = j
        .records
        .iter()
        .map(|c| (c.record, ws.record(c.record)))
        .collect_map();
    let setting_bases: BTreeMap<Setting, Command> = j
        .settings
        .iter()
        .map(|c| (c.setting, c.setting.of(&ws)))
        .collect_map();
    for c in &j.settings {
        if let Some(cmd) = rebase_setting(&ws, c) {
            if let Ok(a) = apply(&mut ws, cmd) {
                changes.extend(a.changes);
            }
        }
    }
    let r = rebase(&ws, &j.records);
    // Puts first (in dependency order), then removes (dependents first), as one batch; if that is refused,
    // one by one, and what still does not fit is set aside.
    let (mut puts, mut removes): (Vec<Command>, Vec<Command>) = r
        .commands
        .into_iter()
        .partition(|c| matches!(c, Command::Put { .. } | Command::Replicate { .. }));
    fn kind_of(c: &Command) -> crate::model::record::RecordKind {
        match c {
            Command::Put { record, .. } => record.kind(),
            Command::Remove { record } => record.kind,
            Command::Replicate { commands } => commands
                .first()
                .map(kind_of)
                .unwrap_or(crate::model::record::RecordKind::Step),
            _ => crate::model::record::RecordKind::Step,
        }
    }
    puts.stable_sort_by_key(kind_of);
    removes.stable_sort_by_key(|c| std::cmp::Reverse(kind_of(c)));
    puts.extend(removes);
    let mut set_aside = Vec::new();
    match apply(&mut ws, Command::batch(puts.clone())) {
        Ok(a) => changes.extend(a.changes),
        Err(_) => {
            let mut left = puts;
            for _round in 0..3 {
                let mut next = Vec::new();
                for c in left {
                    match apply(&mut ws, c.clone()) {
                        Ok(a) => changes.extend(a.changes),
                        Err(_) => next.push(c),
                    }
                }
                left = next;
            }
            for c in left {
                let c = match c {
                    Command::Replicate { mut commands } if commands.len() == 1 => {
                        commands.remove(0)
                    }
                    c => c,
                };
                if let Command::Put { record, .. } = c {
                    match apply(&mut ws, Command::put(record.clone())) {
                        Ok(a) => changes.extend(a.changes),
                        Err(_) => set_aside.push(SetAside {
                            found_at: found::THIS_TAB.into(),
                            reason: SetAsideReason::DidNotFit {
                                record: record.kind(),
                            },
                            repaired: false,
                            original: record_json(&record),
                            ..SetAside::default()
                        }),
                    }
                }
            }
        }
    }
    for c in &r.conflicts {
        if let Some(theirs) = &c.theirs {
            set_aside.push(SetAside {
                found_at: found::OTHER_TAB.into(),
                reason: SetAsideReason::Conflict {
                    record: c.record.kind,
                    fields: c.fields.iter().map(|f| f.field.clone()).collect(),
                    kept_theirs: c.kept_theirs,
                },
                repaired: true,
                original: record_json(theirs),
                ..SetAside::default()
            });
        }
    }
    if !set_aside.is_empty() {
        let mut items = ws.set_aside.clone();
        items.extend(set_aside);
        if let Ok(a) = apply(&mut ws, Command::SetSetAside { items }) {
            changes.extend(a.changes);
        }
    }
    // Only what differs from the stored copy stays unsaved.
    let bases = bases
        .into_iter()
        .filter(|(r, _)| changes.records.contains(r))
        .collect_map();
    let setting_bases = setting_bases
        .into_iter()
        .filter(|(s, _)| Setting::touched(&changes).contains(s))
        .collect_map();
    Brought {
        ws,
        changes,
        bases,
        setting_bases,
        conflicts: r.conflicts,
    }
}

/// Journals that could not be read, set aside in the open workspace (each once: a text already set aside
/// is not added again) as an undoable-free edit the next save stores; their records are removed from storage
/// only by that save. Returns how many were set aside.
fn set_aside_journals(o: &mut Open, texts: Vec<String>) -> usize {
    let mut items = o.ws.set_aside.clone();
    let mut added = 0;
    for text in texts {
        if text.trim().is_empty() || items.iter().any(|s| s.original == text) {
            continue;
        }
        items.push(SetAside {
            found_at: found::JOURNAL.into(),
            reason: SetAsideReason::UnreadableJournal,
            repaired: false,
            original: text,
            ..SetAside::default()
        });
        added += 1;
    }
    if added > 0 {
        if let Ok(a) = apply(&mut o.ws, Command::SetSetAside { items }) {
            o.note(&a);
        }
    }
    added
}

/// A journal brought onto a stored copy.
struct Brought {
    ws: Workspace,
    /// What differs from the stored copy now.
    changes: Changes,
    /// The stored versions of the records and settings that differ: the new bases.
    bases: BTreeMap<RecordRef, Option<(Place, Record)>>,
    setting_bases: BTreeMap<Setting, Command>,
    conflicts: Vec<RecordConflict>,
}

fn record_json(r: &Record) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

/// At most how many bytes `changes` add to the stored workspace: the size of every record they put.
/// Counted only near the limit.
fn grown_bytes(ws: &Workspace, changes: &Changes) -> usize {
    changes
        .records
        .iter()
        .filter_map(|r| ws.record(*r))
        .map(|(_, rec)| record_json(&rec).len())
        .sum()
}

struct Job {
    id: Id,
    generation: u64,
    base: u64,
    meta: StoredMeta,
    write: WriteSet,
    changes: Changes,
    full: bool,
    /// The stored version, after this save, of each record and setting changed since the last confirmed
    /// save.
    written: BTreeMap<RecordRef, Option<(Place, Record)>>,
    written_settings: BTreeMap<Setting, Command>,
    expected_parts: usize,
    new_bytes: usize,
    /// The newest edit this save covers.
    seq: u64,
    /// The journal records it removes in its transaction.
    removals: Vec<JournalRemoval>,
}

pub struct Session<R: Repository, J: Journal> {
    repo: R,
    journal: J,
    open: RefCell<Option<Open>>,
    generation: RefCell<u64>,
    lock: Mutex<()>,
    /// This tab's name in the journal store.
    tab: String,
    /// The repository's connection must be opened again before the next call (the browser closed it).
    reopen: Cell<bool>,
    /// A write failed: once writes succeed again, the repository is sealed (see `Repository::seal`).
    seal: Cell<bool>,
    /// How reading and writing a whole workspace lets the browser in (`with_pace`).
    pace: Pace,
}

impl<R: Repository, J: Journal> Session<R, J> {
    pub fn new(repo: R, journal: J) -> Self {
        Session {
            repo,
            journal,
            open: RefCell::new(None),
            generation: RefCell::new(0),
            lock: Mutex::new(()),
            tab: crate::model::new_id().to_string(),
            reopen: Cell::new(false),
            seal: Cell::new(false),
            pace: Pace::UNPACED,
        }
    }

    /// Names this tab in the journal store (the browser uses the tab's id, as for its local journal).
    pub fn with_tab(mut self, tab: impl Into<String>) -> Self {
        self.tab = tab.into();
        self
    }

    /// Reads and writes whole workspaces in slices at `pace` (the browser's, so the page stays live).
    pub fn with_pace(mut self, pace: Pace) -> Self {
        self.pace = pace;
        self
    }

    /// Notes an error from the repository: most mean the connection must be opened again.
    fn noted(&self, e: &StorageError) {
        if e.reopens() {
            self.reopen.set(true);
            self.seal.set(true);
        }
    }

    /// Opens the repository's connection again where an earlier error asked for it.
    async fn heal(&self) -> Result<(), StorageError> {
        if self.reopen.replace(false) {
            if let Err(e) = self.repo.reopen().await {
                self.reopen.set(true);
                return Err(e);
            }
        }
        Ok(())
    }

    pub fn repo(&self) -> &R {
        &self.repo
    }

    // ----- reading the open workspace -----

    pub fn open_id(&self) -> Option<Id> {
        self.open.borrow().as_ref().map(|o| o.ws.id)
    }

    pub fn with_workspace<T>(&self, f: impl FnOnce(&Workspace) -> T) -> Option<T> {
        self.open.borrow().as_ref().map(|o| f(&o.ws))
    }

    pub fn status(&self) -> Option<SaveStatus> {
        self.open.borrow().as_ref().map(Open::shown_status)
    }

    /// Whether every edit is durable (in the journal store or in a confirmed save).
    pub fn is_durable(&self) -> bool {
        self.open
            .borrow()
            .as_ref()
            .is_none_or(|o| o.durable >= o.seq)
    }

    /// Edits not yet confirmed in storage (they are in the journal).
    pub fn is_dirty(&self) -> bool {
        self.open.borrow().as_ref().is_some_and(Open::is_dirty)
    }

    /// Whether the journal holds every unsaved edit (false when the browser refused to write it).
    pub fn journal_ok(&self) -> bool {
        self.open.borrow().as_ref().is_none_or(|o| o.journal_ok)
    }

    pub fn can_undo(&self) -> bool {
        self.open
            .borrow()
            .as_ref()
            .is_some_and(|o| o.history.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.open
            .borrow()
            .as_ref()
            .is_some_and(|o| o.history.can_redo())
    }

    pub fn meta(&self) -> Option<StoredMeta> {
        self.open.borrow().as_ref().map(|o| o.meta.clone())
    }

    pub fn base_revision(&self) -> Option<u64> {
        self.open.borrow().as_ref().map(|o| o.base_revision)
    }

    /// How long to wait before trying a failed save again: 5 s, doubling to a minute.
    pub fn retry_delay(&self) -> Option<Duration> {
        let open = self.open.borrow();
        let o = open.as_ref()?;
        // A workspace gone from storage (emptied from the bin in another tab) is not tried again: the user
        // chooses to store it anew or download it.
        matches!(o.shown_status(), SaveStatus::Failed(e) if e != StorageError::NotFound)
            .then(|| Duration::from_secs((5u64 << o.failures.min(4)).min(60)))
    }

    // ----- editing -----

    fn edit(
        &self,
        f: impl FnOnce(&mut Open) -> Result<Option<Applied>, CommandError>,
    ) -> Result<Changes, CommandError> {
        let mut open = self.open.borrow_mut();
        let Some(o) = open.as_mut() else {
            return Err(CommandError::NotOpen);
        };
        let Some(applied) = f(o)? else {
            return Ok(Changes::default());
        };
        if applied.changes.is_empty() {
            return Ok(applied.changes);
        }
        o.note(&applied);
        o.seq += 1;
        // In the journal before the click's handler returns, so a closed tab cannot lose it; the shell then
        // calls `persist_journal`, so a killed browser cannot either.
        o.journal_ok = self
            .journal
            .write(o.ws.id, &o.journal_file(&self.tab))
            .is_ok();
        Ok(applied.changes)
    }

    /// Applies an edit to the open workspace (undoable) and journals it. The caller schedules a save. An
    /// edit that would take the workspace past `MAX_WORKSPACE_BYTES` is refused: past it, its export could
    /// not be imported again.
    pub fn dispatch(&self, cmd: Command) -> Result<Changes, CommandError> {
        self.edit(|o| {
            let stamp = o.ws.updated_at;
            let applied = o.history.perform(&mut o.ws, cmd)?;
            if o.bytes > MAX_WORKSPACE_BYTES / 2
                && o.bytes + grown_bytes(&o.ws, &applied.changes) > MAX_WORKSPACE_BYTES
            {
                o.history.revert_last(&mut o.ws);
                o.ws.updated_at = stamp;
                return Err(CommandError::WorkspaceFull {
                    max_bytes: MAX_WORKSPACE_BYTES,
                });
            }
            Ok(Some(applied))
        })
    }

    pub fn undo(&self) -> Result<Changes, CommandError> {
        self.edit(|o| o.history.undo(&mut o.ws))
    }

    pub fn redo(&self) -> Result<Changes, CommandError> {
        self.edit(|o| o.history.redo(&mut o.ws))
    }

    // ----- saving -----

    /// Saves everything edited so far; returns when it is stored and read back, or has failed. Where the
    /// save failed, the journal is still written to the journal store if it can be.
    pub async fn flush(&self) -> Flushed {
        let out = {
            let _guard = self.lock.lock().await;
            self.save_locked().await
        };
        if let Some(e) = self.persist_journal().await {
            if out.error.is_none() {
                return Flushed {
                    error: Some(e),
                    ..out
                };
            }
        }
        // Writes work again after failing: make the database's files whole before the browser next
        // opens them (it would delete a database with a write cut off in its log).
        if out.error.is_none() && self.seal.get() && self.is_durable() {
            let _guard = self.lock.lock().await;
            match self.repo.seal().await {
                Ok(()) => self.seal.set(false),
                Err(e) => self.noted(&e),
            }
        }
        out
    }

    /// Makes the newest edit durable at once: writes this tab's journal to the repository's journal store
    /// and reads it back. One write at a time: a call while one is in flight returns at once, and the
    /// write in flight writes the newest state next. Returns the error of a write that failed; the status
    /// is then `Failed`, and `flush` (the shell's retry) tries again, opening the connection first.
    pub async fn persist_journal(&self) -> Option<StorageError> {
        loop {
            if !self.open.borrow().as_ref().is_some_and(Open::journal_due) {
                return None;
            }
            if let Err(e) = self.heal().await {
                let mut open = self.open.borrow_mut();
                if let Some(o) = open.as_mut().filter(|o| o.durable < o.seq) {
                    o.journal_error = Some(e.clone());
                    o.storage_failed = true;
                    o.failures += 1;
                }
                return Some(e);
            }
            // The state is taken and the write begun without a pause between, so a save that begins later
            // removes only journals it covers.
            let (id, generation, seq, text) = {
                let mut open = self.open.borrow_mut();
                let o = open.as_mut().filter(|o| o.journal_due())?;
                o.journal_writing = true;
                let text = serde_json::to_string(&o.journal_file(&self.tab)).unwrap_or_default();
                (o.ws.id, o.generation, o.seq, text)
            };
            let result = self.repo.put_journal(id, &self.tab, &text).await;
            let mut open = self.open.borrow_mut();
            // Another workspace was opened meanwhile: this write was for the one before.
            let o = open
                .as_mut()
                .filter(|o| o.ws.id == id && o.generation == generation)?;
            o.journal_writing = false;
            match result {
                Ok(()) => o.confirm(seq),
                // A save that began meanwhile covers it (and may have removed the record read back).
                Err(_) if o.durable >= seq || o.saving_seq.is_some_and(|s| s >= seq) => {}
                // Storage lost the workspace after a failed write: it is written whole again by the next
                // try (until then the edit is not saved, and says so).
                Err(StorageError::NotFound) if o.storage_failed && !o.saving => {
                    o.store_whole_again();
                    let e = StorageError::NotConfirmed {
                        revision: o.base_revision,
                        parts: 0,
                        found_revision: 0,
                        found_parts: 0,
                    };
                    o.journal_error = Some(e.clone());
                    o.failures += 1;
                    return Some(e);
                }
                Err(e) => {
                    self.noted(&e);
                    o.storage_failed |= e.reopens();
                    o.journal_error = Some(e.clone());
                    o.failures += 1;
                    return Some(e);
                }
            }
        }
    }

    fn take_job(&self) -> Option<Job> {
        let mut open = self.open.borrow_mut();
        let o = open.as_mut()?;
        if o.pending.is_empty() && !o.full_write {
            return None;
        }
        let t = now();
        let write = if o.full_write {
            all_parts(&o.ws, t)
        } else {
            changed_parts(&o.ws, &o.pending, t)
        };
        let new_bytes = if write.replace_all {
            write.bytes()
        } else {
            let old: usize = write
                .puts
                .iter()
                .map(|(k, _)| k)
                .chain(&write.deletes)
                .filter_map(|k| o.part_bytes.get(k))
                .sum();
            o.bytes.saturating_sub(old) + write.bytes()
        };
        let written = o
            .unsaved
            .keys()
            .map(|r| (*r, o.ws.record(*r)))
            .collect_map();
        let written_settings = o
            .unsaved_settings
            .keys()
            .map(|s| (*s, s.of(&o.ws)))
            .collect_map();
        let job = Job {
            written_settings,
            id: o.ws.id,
            generation: o.generation,
            base: o.base_revision,
            meta: StoredMeta {
                id: o.ws.id,
                name: o.ws.name.clone(),
                revision: o.base_revision,
                saved_at: t,
                last_exported_at: o.meta.last_exported_at,
                deleted_at: None,
                bytes: new_bytes,
                edited_at: Some(o.ws.updated_at),
            },
            write,
            changes: std::mem::take(&mut o.pending),
            full: o.full_write,
            written,
            expected_parts: part_count(&o.ws),
            new_bytes,
            seq: o.seq,
            removals: o.removals(&self.tab),
        };
        o.full_write = false;
        o.saving = true;
        o.saving_seq = Some(o.seq);
        o.status = SaveStatus::Saving;
        Some(job)
    }

    /// The open workspace that `job` was for, if it is still open.
    fn job_open<'a>(open: &'a mut Option<Open>, job: &Job) -> Option<&'a mut Open> {
        open.as_mut()
            .filter(|o| o.ws.id == job.id && o.generation == job.generation)
    }

    fn give_back(&self, job: Job, error: StorageError) {
        let mut open = self.open.borrow_mut();
        if let Some(o) = Self::job_open(&mut open, &job) {
            let mut back = job.changes;
            back.extend(std::mem::take(&mut o.pending));
            o.pending = back;
            o.full_write |= job.full;
            o.saving = false;
            o.saving_seq = None;
            o.failures += 1;
            o.status = SaveStatus::Failed(error);
        }
    }

    async fn save_locked(&self) -> Flushed {
        let mut out = Flushed::default();
        if let Err(e) = self.heal().await {
            let dirty = self.open.borrow().as_ref().is_some_and(Open::is_dirty);
            if dirty {
                if let Some(o) = self.open.borrow_mut().as_mut() {
                    o.failures += 1;
                    o.storage_failed = true;
                    o.status = SaveStatus::Failed(e.clone());
                }
                out.error = Some(e);
                return out;
            }
        }
        for _attempt in 0..6 {
            let Some(job) = self.take_job() else {
                break;
            };
            // The transaction begins in the same step as the job was taken (no pause between), so every
            // journal write begun before it holds only edits this save writes.
            let saved = self
                .repo
                .save_and_clear(&job.meta, &job.write, job.base, &job.removals)
                .await;
            match saved {
                Ok(revision) => {
                    let check = self.repo.check(job.id).await;
                    let confirmed = match check {
                        Ok(c) if c.revision == revision && c.parts == job.expected_parts => Ok(()),
                        Ok(c) => Err(StorageError::NotConfirmed {
                            revision,
                            parts: job.expected_parts,
                            found_revision: c.revision,
                            found_parts: c.parts,
                        }),
                        Err(e) => Err(e),
                    };
                    let mut open = self.open.borrow_mut();
                    let Some(o) = Self::job_open(&mut open, &job) else {
                        break;
                    };
                    o.base_revision = revision;
                    o.meta.revision = revision;
                    o.meta.name = job.meta.name.clone();
                    o.meta.saved_at = job.meta.saved_at;
                    // The stored copy now holds the edits up to this one: its list entry says so, and so
                    // does every later write of the entry (an export's).
                    o.meta.edited_at = job.meta.edited_at;
                    o.meta.bytes = job.new_bytes;
                    if job.write.replace_all {
                        o.part_bytes.clear();
                    }
                    for k in &job.write.deletes {
                        o.part_bytes.remove(k);
                    }
                    for (k, v) in &job.write.puts {
                        o.part_bytes.insert(k.clone(), k.len() + v.len());
                    }
                    o.bytes = job.new_bytes;
                    o.saving = false;
                    o.saving_seq = None;
                    if let Err(e) = confirmed {
                        self.noted(&e);
                        o.storage_failed |= e.reopens();
                        // Written but not found: write it all again on the next try.
                        o.full_write = true;
                        o.failures += 1;
                        o.status = SaveStatus::Failed(e.clone());
                        out.error = Some(e);
                        break;
                    }
                    o.failures = 0;
                    o.taken.clear();
                    o.storage_failed = false;
                    // What was changed again while saving stays unsaved, with the version just stored.
                    let pending = &o.pending;
                    o.unsaved = job
                        .written
                        .into_iter()
                        .filter(|(r, _)| pending.records.contains(r))
                        .collect_map();
                    let still = Setting::touched(pending);
                    o.unsaved_settings = job
                        .written_settings
                        .into_iter()
                        .filter(|(s, _)| still.contains(s))
                        .collect_map();
                    let journal = o.journal_file(&self.tab);
                    if journal.is_empty() {
                        self.journal.clear(o.ws.id);
                    } else {
                        o.journal_ok = self.journal.write(o.ws.id, &journal).is_ok();
                    }
                    o.status = if o.pending.is_empty() {
                        SaveStatus::Saved(Some(now()))
                    } else {
                        SaveStatus::Pending
                    };
                    o.confirm(job.seq);
                    out.saved = true;
                    out.error = None;
                }
                Err(StorageError::Conflict { stored: 0, .. })
                    if self.open.borrow().as_ref().is_some_and(|o| {
                        o.storage_failed && o.ws.id == job.id && o.generation == job.generation
                    }) =>
                {
                    // Storage no longer has the workspace at all, after a failed write: the browser lost
                    // it. Written whole again from here, at once.
                    self.give_back(job, StorageError::NotFound);
                    if let Some(o) = self.open.borrow_mut().as_mut() {
                        o.store_whole_again();
                    }
                }
                Err(StorageError::Conflict { .. }) => {
                    let (id, generation) = (job.id, job.generation);
                    self.give_back(job, StorageError::Conflict { stored: 0, base: 0 });
                    match self.rebase_onto_stored(id, generation).await {
                        Ok(conflicts) => {
                            out.rebased = true;
                            out.conflicts.extend(conflicts);
                        }
                        Err(e) => {
                            // Say what stopped it (the workspace gone from storage, say), not "another
                            // tab saved first".
                            if let Some(o) = self
                                .open
                                .borrow_mut()
                                .as_mut()
                                .filter(|o| o.ws.id == id && o.generation == generation)
                            {
                                o.status = SaveStatus::Failed(e.clone());
                            }
                            out.error = Some(e);
                            break;
                        }
                    }
                }
                Err(e) => {
                    self.noted(&e);
                    if e.reopens() {
                        if let Some(o) = self.open.borrow_mut().as_mut() {
                            o.storage_failed = true;
                        }
                    }
                    self.give_back(job, e.clone());
                    out.error = Some(e);
                    break;
                }
            }
        }
        out
    }

    /// Another tab saved first: this tab's unsaved records go onto the stored copy.
    async fn rebase_onto_stored(
        &self,
        id: Id,
        generation: u64,
    ) -> Result<Vec<RecordConflict>, StorageError> {
        let body = self.repo.load(id).await?;
        let stored = body
            .read(&self.pace)
            .await
            .map_err(StorageError::Unreadable)?;
        let mut open = self.open.borrow_mut();
        let Some(o) = open
            .as_mut()
            .filter(|o| o.ws.id == id && o.generation == generation)
        else {
            return Ok(Vec::new());
        };
        let journal = o.journal_file(&self.tab);
        let b = bring_onto(stored.workspace, &journal);
        let conflicts = b.conflicts;
        o.ws = b.ws;
        o.base_revision = body.revision;
        o.meta.revision = body.revision;
        o.history.clear();
        o.unsaved = b.bases;
        o.unsaved_settings = b.setting_bases;
        o.pending = b.changes;
        o.full_write =
            body.parts.is_empty() || has_single_records(&body.parts) || !stored.report.is_clean();
        o.part_bytes = body
            .parts
            .iter()
            .map(|(k, v)| (k.clone(), k.len() + v.len()))
            .collect();
        o.bytes = body.bytes();
        o.status = SaveStatus::Pending;
        o.journal_ok = self.journal.write(id, &o.journal_file(&self.tab)).is_ok();
        Ok(conflicts)
    }

    // ----- opening, creating, replacing -----

    fn next_generation(&self) -> u64 {
        let mut g = self.generation.borrow_mut();
        *g += 1;
        *g
    }

    /// Saves the open workspace, then opens `id`. Edits from the journal (a tab closed before they were
    /// stored) are brought back. An unreadable stored copy is left untouched.
    pub async fn open(&self, id: Id) -> Result<Opened, OpenError> {
        let _guard = self.lock.lock().await;
        loop {
            let flushed = self.save_locked().await;
            self.heal().await.map_err(OpenError::Storage)?;
            // The workspace, the list and the journals are asked for together: one wait, not three.
            // Each is its own transaction, as before, begun in the same order, so IndexedDB orders them
            // against another tab's save as it did when they were asked for one after the other. Only
            // the gap between them is shorter. A save that falls in the gap leaves a newer revision
            // in storage, onto which this tab's next save rebases, as before.
            let (body, list, stored_journals) =
                futures::join!(self.repo.load(id), self.repo.list(), self.repo.journals(id));
            let body = body.map_err(|e| {
                self.noted(&e);
                OpenError::Storage(e)
            })?;
            let meta = list
                .map_err(OpenError::Storage)?
                .into_iter()
                .find(|m| m.id == id)
                .ok_or(OpenError::Storage(StorageError::NotFound))?;
            let imported = body.read(&self.pace).await.map_err(OpenError::Unreadable)?;
            // Edits made to the old workspace while this one loaded: save them first.
            let (dirty, journaled) = {
                let open = self.open.borrow();
                (
                    open.as_ref().is_some_and(|o| !o.pending.is_empty()),
                    open.as_ref()
                        .is_none_or(|o| o.journal_ok || o.durable >= o.seq),
                )
            };
            if dirty {
                match flushed.error {
                    // Storage refuses them; the journal keeps them for the next time it is opened.
                    Some(_) if journaled => {}
                    Some(e) => return Err(OpenError::UnsavedEdits(e)),
                    None => continue,
                }
            }
            let generation = self.next_generation();
            let mut o = Open::new(imported.workspace, meta, Some(&body), generation);
            // A repaired copy is stored repaired, with the originals set aside in it.
            o.full_write |= !imported.report.is_clean();
            if o.full_write {
                o.status = SaveStatus::Pending;
            }
            let mut opened = Opened {
                report: imported.report,
                ..Opened::default()
            };
            // Every tab's journal, from the journal store and from this browser's local journal.
            let stored_journals = stored_journals.map_err(|e| {
                self.noted(&e);
                OpenError::Storage(e)
            })?;
            let mut found = self.journal.read_all(id);
            found.extend(stored_journals.iter().map(|j| Found::from_text(&j.text)));
            let (mut files, mut unreadable) = (Vec::new(), Vec::new());
            for f in found {
                match f {
                    Found::Read(j) => files.push(j),
                    Found::Unreadable(text) => unreadable.push(text),
                }
            }
            o.taken = stored_journals;
            if let Some(j) = JournalFile::combine(files) {
                let b = bring_onto(o.ws, &j);
                o.ws = b.ws;
                opened.recovered = b.changes.records.len() + b.setting_bases.len();
                o.unsaved = b.bases;
                o.unsaved_settings = b.setting_bases;
                o.pending = b.changes;
                opened.conflicts = b.conflicts;
            }
            opened.journals_set_aside = set_aside_journals(&mut o, unreadable);
            if o.pending.is_empty() && !o.full_write {
                // Nothing to bring back: everything in the journals is stored already (a tab closed
                // between its save and clearing its journal).
                self.journal.clear(id);
                if !o.taken.is_empty() {
                    let removals = o.removals(&self.tab);
                    if self.repo.remove_journals(id, &removals).await.is_ok() {
                        o.taken.clear();
                    }
                }
            } else {
                o.status = SaveStatus::Pending;
                // What was brought back is made durable under this tab's name at once (a journal only in
                // localStorage may not have reached the disk).
                o.seq = 1;
            }
            *self.open.borrow_mut() = Some(o);
            return Ok(opened);
        }
    }

    /// Stores a new workspace (every part) and opens it.
    pub async fn create(&self, ws: Workspace) -> Result<(), StorageError> {
        let _guard = self.lock.lock().await;
        self.save_locked().await;
        let t = now();
        let write = all_parts_paced(&ws, t, &self.pace).await;
        let meta = StoredMeta {
            id: ws.id,
            name: ws.name.clone(),
            revision: 0,
            saved_at: t,
            last_exported_at: None,
            deleted_at: None,
            bytes: write.bytes(),
            edited_at: Some(ws.updated_at),
        };
        // This tab's journal of it, if any (stored again after it was emptied from the bin), is covered.
        let own = [JournalRemoval {
            tab: self.tab.clone(),
            if_text: None,
        }];
        let revision = self.repo.save_and_clear(&meta, &write, 0, &own).await?;
        self.confirm_whole(&ws, &write, revision).await?;
        self.journal.clear(ws.id);
        self.install(ws, StoredMeta { revision, ..meta }, &write, revision);
        Ok(())
    }

    async fn confirm_whole(
        &self,
        ws: &Workspace,
        write: &WriteSet,
        revision: u64,
    ) -> Result<(), StorageError> {
        let c = self.repo.check(ws.id).await?;
        if c.revision != revision || c.parts != write.puts.len() {
            return Err(StorageError::NotConfirmed {
                revision,
                parts: write.puts.len(),
                found_revision: c.revision,
                found_parts: c.parts,
            });
        }
        Ok(())
    }

    fn install(&self, ws: Workspace, meta: StoredMeta, write: &WriteSet, revision: u64) {
        let generation = self.next_generation();
        let mut o = Open::new(ws, meta, None, generation);
        o.base_revision = revision;
        o.part_bytes = write
            .puts
            .iter()
            .map(|(k, v)| (k.clone(), k.len() + v.len()))
            .collect();
        o.bytes = write.bytes();
        o.full_write = false;
        *self.open.borrow_mut() = Some(o);
    }

    /// Replaces the stored workspace `id` with `ws` (an import). The replaced version goes to the trash as
    /// a copy named with `backup_suffix`, so it can be restored.
    pub async fn replace(
        &self,
        id: Id,
        mut ws: Workspace,
        backup_suffix: &str,
    ) -> Result<(), StorageError> {
        let _guard = self.lock.lock().await;
        self.save_locked().await;
        let old_body = self.repo.load(id).await?;
        let old_meta = self
            .repo
            .list()
            .await?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(StorageError::NotFound)?;
        let t = now();
        // The replaced version, readable or not, is kept: as a workspace when it reads, else as it was.
        let backup = match old_body.read(&self.pace).await {
            Ok(old) => old.workspace,
            Err(_) => {
                let mut w = Workspace::new(old_meta.name.clone());
                w.set_aside.push(SetAside {
                    found_at: found::STORAGE.into(),
                    reason: SetAsideReason::UnreadableBackup,
                    original: old_body.raw_text(),
                    ..SetAside::default()
                });
                w
            }
        };
        let backup = backup.duplicate(name_with_suffix(&old_meta.name, backup_suffix));
        let backup_write = all_parts_paced(&backup, t, &self.pace).await;
        let backup_meta = StoredMeta {
            id: backup.id,
            name: backup.name.clone(),
            revision: 0,
            saved_at: t,
            last_exported_at: old_meta.last_exported_at,
            deleted_at: Some(t),
            bytes: backup_write.bytes(),
            edited_at: Some(backup.updated_at),
        };
        let r = self.repo.save(&backup_meta, &backup_write, 0).await?;
        self.confirm_whole(&backup, &backup_write, r).await?;
        ws.id = id;
        let write = all_parts_paced(&ws, t, &self.pace).await;
        let meta = StoredMeta {
            id,
            name: ws.name.clone(),
            revision: old_body.revision,
            saved_at: t,
            last_exported_at: old_meta.last_exported_at,
            deleted_at: None,
            bytes: write.bytes(),
            edited_at: Some(ws.updated_at),
        };
        // This tab's journal of the replaced version goes with it (its edits are in the backup); so do the
        // journals this tab brought onto it.
        let removals = self
            .open
            .borrow()
            .as_ref()
            .filter(|o| o.ws.id == id)
            .map_or_else(
                || {
                    vec![JournalRemoval {
                        tab: self.tab.clone(),
                        if_text: None,
                    }]
                },
                |o| o.removals(&self.tab),
            );
        let revision = self
            .repo
            .save_and_clear(&meta, &write, old_body.revision, &removals)
            .await?;
        self.confirm_whole(&ws, &write, revision).await?;
        self.journal.clear(id);
        self.install(ws, StoredMeta { revision, ..meta }, &write, revision);
        Ok(())
    }

    /// Closes the open workspace after saving it.
    pub async fn close(&self) -> Flushed {
        let _guard = self.lock.lock().await;
        let out = self.save_locked().await;
        let keep = self
            .open
            .borrow()
            .as_ref()
            .is_some_and(|o| o.is_dirty() && !o.journal_ok && o.durable < o.seq);
        if !keep {
            *self.open.borrow_mut() = None;
            self.next_generation();
        }
        out
    }

    /// Another tab saved `revision` of `id`: show it here. Without unsaved edits the stored copy is
    /// reloaded; with them, they are saved (and so brought onto the newer copy). True when the open
    /// workspace changed.
    pub async fn other_tab_saved(&self, id: Id, revision: u64) -> Result<bool, StorageError> {
        let _guard = self.lock.lock().await;
        let (current, base, dirty) = match self.open.borrow().as_ref() {
            Some(o) => (o.ws.id, o.base_revision, o.is_dirty()),
            None => return Ok(false),
        };
        if current != id || revision <= base {
            return Ok(false);
        }
        if dirty {
            let f = self.save_locked().await;
            return Ok(f.rebased);
        }
        let body = self.repo.load(id).await?;
        let imported = body
            .read(&self.pace)
            .await
            .map_err(StorageError::Unreadable)?;
        // The meta as the other tab stored it (its name, its save time), for the lists shown here.
        let stored = self.repo.list().await?.into_iter().find(|m| m.id == id);
        let mut open = self.open.borrow_mut();
        if let Some(o) = open.as_mut().filter(|o| o.ws.id == id && !o.is_dirty()) {
            let generation = o.generation;
            let meta = StoredMeta {
                revision: body.revision,
                ..stored.unwrap_or_else(|| StoredMeta {
                    name: imported.workspace.name.clone(),
                    ..o.meta.clone()
                })
            };
            *o = Open::new(imported.workspace, meta, Some(&body), generation);
            return Ok(true);
        }
        Ok(false)
    }

    // ----- stored workspaces that are not open -----

    pub async fn list(&self) -> Result<Vec<StoredMeta>, StorageError> {
        self.heal().await?;
        self.repo.list().await.inspect_err(|e| self.noted(e))
    }

    /// Reads a stored workspace (not the open one's edits: flush first for those).
    pub async fn read(&self, id: Id) -> Result<Workspace, StorageError> {
        let body = self.repo.load(id).await?;
        body.read(&self.pace)
            .await
            .map(|i| i.workspace)
            .map_err(StorageError::Unreadable)
    }

    /// Renames a workspace: the open one through an undoable edit (saved at once), another in storage.
    /// Returns the stored revision with the new name, for other tabs to pick up.
    pub async fn rename(&self, id: Id, name: String) -> Result<u64, RenameError> {
        if self.open_id() == Some(id) {
            let (municipality, description) = self
                .with_workspace(|w| (w.municipality.clone(), w.description.clone()))
                .unwrap_or_default();
            self.dispatch(Command::SetInfo {
                name,
                municipality,
                description,
            })
            .map_err(RenameError::Invalid)?;
            let f = self.flush().await;
            return match f.error {
                Some(e) => Err(RenameError::Storage(e)),
                None => Ok(self.base_revision().unwrap_or(0)),
            };
        }
        let _guard = self.lock.lock().await;
        let body = self.repo.load(id).await.map_err(RenameError::Storage)?;
        let mut ws = body
            .read(&self.pace)
            .await
            .map_err(|e| RenameError::Storage(StorageError::Unreadable(e)))?
            .workspace;
        let meta = self
            .repo
            .list()
            .await
            .map_err(RenameError::Storage)?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(RenameError::Storage(StorageError::NotFound))?;
        let info = Command::SetInfo {
            name,
            municipality: ws.municipality.clone(),
            description: ws.description.clone(),
        };
        let changes = apply(&mut ws, info).map_err(RenameError::Invalid)?.changes;
        let t = now();
        let write = if body.parts.is_empty() {
            all_parts(&ws, t)
        } else {
            changed_parts(&ws, &changes, t)
        };
        let meta = StoredMeta {
            name: ws.name.clone(),
            saved_at: t,
            edited_at: Some(ws.updated_at),
            ..meta
        };
        self.repo
            .save(&meta, &write, body.revision)
            .await
            .map_err(RenameError::Storage)
    }

    /// A copy of a stored workspace, named with `suffix`, stored and opened.
    pub async fn duplicate(&self, id: Id, suffix: &str) -> Result<(), StorageError> {
        if self.open_id() == Some(id) {
            self.flush().await;
        }
        let ws = self.read(id).await?;
        let copy = ws.duplicate(name_with_suffix(&ws.name, suffix));
        self.create(copy).await
    }

    /// Whether the open workspace is gone from storage (another tab emptied the bin): then say so at once,
    /// not at the next save. Read under the save lock, so a workspace being created or opened is not taken
    /// for a missing one.
    pub async fn check_still_stored(&self) -> bool {
        let _guard = self.lock.lock().await;
        let Some((id, stored_before)) = self
            .open
            .borrow()
            .as_ref()
            .map(|o| (o.ws.id, o.base_revision > 0))
        else {
            return false;
        };
        if !stored_before {
            return false;
        }
        let Ok(listed) = self.repo.list().await else {
            return false;
        };
        if listed.iter().any(|m| m.id == id) {
            return false;
        }
        match self.open.borrow_mut().as_mut().filter(|o| o.ws.id == id) {
            Some(o) => {
                o.status = SaveStatus::Failed(StorageError::NotFound);
                true
            }
            None => false,
        }
    }

    /// Stores the open workspace anew, as it is in memory, after it was removed from storage meanwhile.
    pub async fn store_again(&self) -> Result<(), StorageError> {
        let ws = self
            .with_workspace(|w| w.clone())
            .ok_or(StorageError::NotFound)?;
        self.create(ws).await
    }

    /// Moves a workspace to the trash (or back); its data stays until the trash is emptied. The open
    /// workspace is saved and closed first.
    pub async fn trash(&self, id: Id, restore: bool) -> Result<(), StorageError> {
        if !restore && self.open_id() == Some(id) {
            let f = self.close().await;
            if let Some(e) = f.error {
                if self.open_id() == Some(id) {
                    return Err(e);
                }
            }
        }
        let _guard = self.lock.lock().await;
        let mut meta = self
            .repo
            .list()
            .await?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(StorageError::NotFound)?;
        meta.deleted_at = if restore { None } else { Some(now()) };
        self.repo.put_meta(&meta).await
    }

    /// Deletes every workspace in the trash for good. Returns how many.
    pub async fn empty_trash(&self) -> Result<usize, StorageError> {
        let _guard = self.lock.lock().await;
        let trashed: Vec<Id> = self
            .repo
            .list()
            .await?
            .into_iter()
            .filter(|m| m.deleted_at.is_some())
            .map(|m| m.id)
            .collect();
        for id in &trashed {
            self.repo.delete(*id).await?;
            self.journal.clear(*id);
        }
        Ok(trashed.len())
    }

    /// Records that the open workspace was exported now.
    pub async fn mark_exported(&self) -> Result<(), StorageError> {
        let _guard = self.lock.lock().await;
        let Some(mut meta) = self.meta() else {
            return Ok(());
        };
        meta.last_exported_at = Some(now());
        self.repo.put_meta(&meta).await?;
        if let Some(o) = self.open.borrow_mut().as_mut() {
            o.meta.last_exported_at = meta.last_exported_at;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RenameError {
    Invalid(CommandError),
    Storage(StorageError),
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
