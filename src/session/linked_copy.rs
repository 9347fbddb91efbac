//! The copy on disk that keeps itself current, in plain Rust: which workspace's file is linked, the
//! permission and write state the user sees (`storage::linked_copy::Link`), and the writes, one at a time.
//! Generic over the files (`LinkedFiles`) and the open workspace (`OpenWorkspace`), so every path (a save
//! during a write, a workspace switched or a link removed while the browser answers, a failing disk) is
//! tested natively; the browser shell (`app::linked_copy`) only mirrors the state into signals.
//!
//! Rules kept here:
//! - One write at a time: a save during a write writes once more after it, with the newest content.
//! - Each change of link (loaded, chosen, removed) starts a new generation; a load, permission answer or
//!   write that started under an older one changes nothing of the new link.
//! - One save writes the file once, however often its "saved" state is seen.
//! - The permission notice is shown once per workspace in a page's life; a failure once in a row.
//! - A write that fails changes nothing in browser storage: the next save tries again.

use crate::model::Id;
use crate::storage::linked_copy::{Link, Notice, Permission, WriteFailure};
use chrono::{DateTime, Utc};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// The files on disk and where their handles are kept (the File System Access API and IndexedDB in the
/// browser).
#[allow(async_fn_in_trait)]
pub trait LinkedFiles {
    type Handle: Clone;
    fn name(&self, handle: &Self::Handle) -> String;
    /// The handle kept for workspace `id`, with when it was last written.
    async fn load(&self, id: Id) -> Option<(Self::Handle, Option<DateTime<Utc>>)>;
    async fn permission(&self, handle: &Self::Handle) -> Permission;
    /// Asks the user (needs a click).
    async fn request_permission(&self, handle: &Self::Handle) -> Permission;
    async fn write(&self, handle: &Self::Handle, text: &str) -> Result<(), WriteFailure>;
    /// Keeps the handle for `id`; whether it was kept.
    async fn store(&self, id: Id, handle: &Self::Handle, written_at: Option<DateTime<Utc>>)
        -> bool;
    async fn remove(&self, id: Id);
}

/// What the writer needs to know of the open workspace, read at the moment it is needed.
pub trait OpenWorkspace {
    fn open_id(&self) -> Option<Id>;
    /// When browser storage last saved it.
    fn saved_at(&self) -> Option<DateTime<Utc>>;
    /// Its export (the same JSON as «Eksportér til fil»).
    fn export(&self) -> Option<String>;
    fn now(&self) -> DateTime<Utc>;
}

struct State<H> {
    handle: Option<(Id, H)>,
    link: Option<Link>,
    notice: Option<Notice>,
    last_save: Option<DateTime<Utc>>,
    /// Workspaces whose permission notice was shown in this page's life.
    asked: HashSet<Id>,
}

/// Told of every change of the link or the notice.
type Listener = Box<dyn Fn(&Option<Link>, &Option<Notice>)>;

/// The open workspace's linked copy.
pub struct LinkedCopy<F: LinkedFiles> {
    files: F,
    state: RefCell<State<F::Handle>>,
    generation: Cell<u64>,
    writing: Cell<bool>,
    again: Cell<bool>,
    /// Called after every change of the link or the notice (the shell mirrors them into signals).
    on_change: RefCell<Option<Listener>>,
}

impl<F: LinkedFiles> LinkedCopy<F> {
    pub fn new(files: F) -> Self {
        LinkedCopy {
            files,
            state: RefCell::new(State {
                handle: None,
                link: None,
                notice: None,
                last_save: None,
                asked: HashSet::new(),
            }),
            generation: Cell::new(0),
            writing: Cell::new(false),
            again: Cell::new(false),
            on_change: RefCell::new(None),
        }
    }

    pub fn on_change(&self, f: impl Fn(&Option<Link>, &Option<Notice>) + 'static) {
        *self.on_change.borrow_mut() = Some(Box::new(f));
    }

    pub fn link(&self) -> Option<Link> {
        self.state.borrow().link.clone()
    }

    pub fn notice(&self) -> Option<Notice> {
        self.state.borrow().notice.clone()
    }

    pub fn linked_id(&self) -> Option<Id> {
        self.state.borrow().handle.as_ref().map(|(id, _)| *id)
    }

    fn changed(&self) {
        let (link, notice) = {
            let s = self.state.borrow();
            (s.link.clone(), s.notice.clone())
        };
        if let Some(f) = self.on_change.borrow().as_ref() {
            f(&link, &notice);
        }
    }

    fn next_generation(&self) -> u64 {
        self.generation.set(self.generation.get() + 1);
        self.generation.get()
    }

    fn update(&self, f: impl FnOnce(&mut State<F::Handle>)) {
        f(&mut self.state.borrow_mut());
        self.changed();
    }

    /// Closes the notice; nothing more is asked until the next start.
    pub fn dismiss(&self) {
        self.update(|s| s.notice = None);
    }

    /// Follows the workspace just opened (or none): forgets the last link and loads this one's. A file
    /// behind browser storage is written at once; otherwise the permission is checked, so a restart asks
    /// once.
    pub async fn open(&self, ws: &impl OpenWorkspace, id: Option<Id>) {
        if id.is_some() && self.linked_id() == id {
            return;
        }
        let generation = self.next_generation();
        self.update(|s| {
            s.handle = None;
            s.link = None;
            s.notice = None;
        });
        let Some(id) = id else {
            return;
        };
        let Some((handle, written_at)) = self.files.load(id).await else {
            return;
        };
        if self.generation.get() != generation || ws.open_id() != Some(id) {
            return;
        }
        let mut link = Link::new(self.files.name(&handle), written_at);
        link.asked = self.state.borrow().asked.contains(&id);
        let behind = link.is_behind(ws.saved_at());
        self.update(|s| {
            s.handle = Some((id, handle.clone()));
            s.link = Some(link);
        });
        if behind {
            self.write_now(ws).await;
        } else {
            let p = self.files.permission(&handle).await;
            if self.generation.get() == generation {
                self.permission_answered(id, p);
            }
        }
    }

    /// Whether a save that reached storage at `at` is one not written for yet.
    pub fn saved(&self, at: DateTime<Utc>) -> bool {
        self.state.borrow_mut().last_save.replace(at) != Some(at)
    }

    /// Records the browser's answer; shows the permission notice the first time. Returns whether to write.
    fn permission_answered(&self, id: Id, p: Permission) -> bool {
        let mut go = false;
        self.update(|s| {
            if let Some(l) = s.link.as_mut() {
                let (write, notice) = l.permission(p);
                go = write;
                if notice.is_some() {
                    s.notice = notice;
                }
                if l.asked {
                    s.asked.insert(id);
                }
            }
        });
        go
    }

    /// Writes the open workspace's export to its linked file now, if it has one and may. One write at a
    /// time: a call during a write makes it write once more after.
    pub async fn write_now(&self, ws: &impl OpenWorkspace) {
        if self.writing.get() {
            self.again.set(true);
            return;
        }
        self.writing.set(true);
        loop {
            self.again.set(false);
            self.write_once(ws).await;
            if !self.again.get() {
                break;
            }
        }
        self.writing.set(false);
    }

    async fn write_once(&self, ws: &impl OpenWorkspace) {
        let Some((id, handle)) = self.state.borrow().handle.clone() else {
            return;
        };
        if ws.open_id() != Some(id) {
            return;
        }
        let generation = self.generation.get();
        let p = self.files.permission(&handle).await;
        if self.generation.get() != generation || !self.permission_answered(id, p) {
            return;
        }
        let Some(json) = ws.export() else {
            return;
        };
        self.update(|s| {
            if let Some(l) = s.link.as_mut() {
                l.writing();
            }
        });
        let result = self.files.write(&handle, &json).await;
        if self.generation.get() != generation {
            return;
        }
        match result {
            Ok(()) => {
                let at = ws.now();
                self.update(|s| {
                    if let Some(l) = s.link.as_mut() {
                        l.written(at);
                    }
                    s.notice = None;
                });
                // Kept with the link, so a restart knows whether the file is behind.
                self.files.store(id, &handle, Some(at)).await;
            }
            Err(f) => self.update(|s| {
                if let Some(notice) = s.link.as_mut().and_then(|l| l.failed(f)) {
                    s.notice = Some(notice);
                }
            }),
        }
    }

    /// Makes `handle` the link of the open workspace `id`, keeps it, and writes the file. `granted`: the
    /// user just gave write permission (the save picker does), so there is nothing to ask. Returns whether
    /// the link was kept for later sessions (`None` when `id` is no longer open).
    pub async fn attach(
        &self,
        ws: &impl OpenWorkspace,
        id: Id,
        handle: F::Handle,
        granted: bool,
    ) -> Option<bool> {
        if ws.open_id() != Some(id) {
            return None;
        }
        self.next_generation();
        let name = self.files.name(&handle);
        self.update(|s| {
            s.handle = Some((id, handle.clone()));
            s.link = Some(if granted {
                s.asked.insert(id);
                Link::chosen(name)
            } else {
                Link::new(name, None)
            });
            s.notice = None;
        });
        let kept = self.files.store(id, &handle, None).await;
        self.write_now(ws).await;
        Some(kept)
    }

    /// Asks the user for permission to write again, and writes if given. Whether it was given (`None`:
    /// nothing is linked).
    pub async fn grant(&self, ws: &impl OpenWorkspace) -> Option<bool> {
        let (id, handle) = self.state.borrow().handle.clone()?;
        let p = self.files.request_permission(&handle).await;
        self.update(|s| s.notice = None);
        if p == Permission::Granted {
            self.write_now(ws).await;
            Some(true)
        } else {
            self.permission_answered(id, p);
            Some(false)
        }
    }

    /// Stops writing to the file and forgets it (the file is left as it is). Whether anything was linked.
    pub async fn unlink(&self) -> bool {
        let Some((id, _)) = self.state.borrow_mut().handle.take() else {
            return false;
        };
        self.next_generation();
        self.update(|s| {
            s.link = None;
            s.notice = None;
        });
        self.files.remove(id).await;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_id;
    use crate::session::test_gate::{Gate, Wait};
    use crate::storage::linked_copy::LinkStatus;
    use chrono::TimeZone;
    use futures::executor::LocalPool;
    use futures::task::LocalSpawnExt;
    use std::collections::HashMap;
    use std::future::Future;
    use std::rc::Rc;

    fn at(m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 12, m, 0).unwrap()
    }

    /// A kept handle (here the file's name) and when it was last written.
    type Kept = (String, Option<DateTime<Utc>>);
    type Setup = (Rc<Files>, Rc<Ws>, Rc<LinkedCopy<Rc<Files>>>, Id);

    /// Files in memory whose writes can be held mid-way (they wait until released) or made to fail.
    #[derive(Default)]
    struct Files {
        kept: RefCell<HashMap<Id, Kept>>,
        written: RefCell<Vec<(String, String)>>,
        permission: Cell<Option<Permission>>,
        answer_on_request: Cell<Option<Permission>>,
        fail: RefCell<Option<WriteFailure>>,
        hold: Gate,
    }

    impl LinkedFiles for Rc<Files> {
        type Handle = String;
        fn name(&self, handle: &String) -> String {
            handle.clone()
        }
        async fn load(&self, id: Id) -> Option<(String, Option<DateTime<Utc>>)> {
            self.kept.borrow().get(&id).cloned()
        }
        async fn permission(&self, _: &String) -> Permission {
            self.permission.get().unwrap_or(Permission::Granted)
        }
        async fn request_permission(&self, _: &String) -> Permission {
            let p = self.answer_on_request.get().unwrap_or(Permission::Granted);
            self.permission.set(Some(p));
            p
        }
        async fn write(&self, handle: &String, text: &str) -> Result<(), WriteFailure> {
            Wait(&self.hold).await;
            if let Some(f) = self.fail.borrow().clone() {
                return Err(f);
            }
            self.written
                .borrow_mut()
                .push((handle.clone(), text.to_string()));
            Ok(())
        }
        async fn store(&self, id: Id, handle: &String, written_at: Option<DateTime<Utc>>) -> bool {
            self.kept
                .borrow_mut()
                .insert(id, (handle.clone(), written_at));
            true
        }
        async fn remove(&self, id: Id) {
            self.kept.borrow_mut().remove(&id);
        }
    }

    /// The open workspace: its id, content and last save, changed by the test.
    #[derive(Default)]
    struct Ws {
        id: Cell<Option<Id>>,
        content: RefCell<String>,
        saved_at: Cell<Option<DateTime<Utc>>>,
        clock: Cell<u32>,
    }

    impl OpenWorkspace for Rc<Ws> {
        fn open_id(&self) -> Option<Id> {
            self.id.get()
        }
        fn saved_at(&self) -> Option<DateTime<Utc>> {
            self.saved_at.get()
        }
        fn export(&self) -> Option<String> {
            self.id.get().map(|_| self.content.borrow().clone())
        }
        fn now(&self) -> DateTime<Utc> {
            self.clock.set(self.clock.get() + 1);
            at(self.clock.get())
        }
    }

    fn setup() -> Setup {
        let files = Rc::new(Files::default());
        let ws = Rc::new(Ws::default());
        let id = new_id();
        ws.id.set(Some(id));
        *ws.content.borrow_mut() = "v1".into();
        (files.clone(), ws, Rc::new(LinkedCopy::new(files)), id)
    }

    fn block<T>(f: impl Future<Output = T>) -> T {
        futures::executor::block_on(f)
    }

    /// Starts a write (as a save does) and runs it until it waits.
    fn write_in(pool: &mut LocalPool, lc: &Rc<LinkedCopy<Rc<Files>>>, ws: &Rc<Ws>) {
        let (l, w) = (lc.clone(), ws.clone());
        pool.spawner()
            .spawn_local(async move { l.write_now(&w).await })
            .unwrap();
        pool.run_until_stalled();
    }

    fn texts(files: &Files) -> Vec<String> {
        files.written.borrow().iter().map(|w| w.1.clone()).collect()
    }

    #[test]
    fn a_chosen_file_is_written_at_once_and_kept_with_its_time() {
        let (files, ws, lc, id) = setup();
        assert_eq!(block(lc.attach(&ws, id, "a.json".into(), true)), Some(true));
        assert_eq!(texts(&files), vec!["v1"]);
        let link = lc.link().unwrap();
        assert_eq!(link.status, LinkStatus::Written);
        assert_eq!(files.kept.borrow()[&id].1, link.last_written);
        assert!(link.last_written.is_some());
        // Another workspace opened meanwhile: nothing is attached.
        ws.id.set(Some(new_id()));
        assert_eq!(block(lc.attach(&ws, id, "b.json".into(), true)), None);
    }

    #[test]
    fn a_save_during_a_write_writes_once_more_after_it_with_the_newest_content() {
        let (files, ws, lc, id) = setup();
        block(lc.attach(&ws, id, "a.json".into(), true));
        files.written.borrow_mut().clear();
        let mut pool = LocalPool::new();
        files.hold.set(true);
        *ws.content.borrow_mut() = "v2".into();
        write_in(&mut pool, &lc, &ws);
        assert_eq!(lc.link().unwrap().status, LinkStatus::Writing);
        // Two more saves while the first write waits: one more write, not two, with the last content.
        for v in ["v3", "v4"] {
            *ws.content.borrow_mut() = v.into();
            write_in(&mut pool, &lc, &ws);
        }
        files.hold.set(false);
        pool.run_until_stalled();
        // The first write took what was there when it began; the one after it, the newest.
        assert_eq!(texts(&files), vec!["v2", "v4"]);
        assert_eq!(lc.link().unwrap().status, LinkStatus::Written);
    }

    #[test]
    fn one_save_is_written_for_once() {
        let (_, _, lc, _) = setup();
        assert!(lc.saved(at(1)));
        assert!(!lc.saved(at(1)), "the same save seen again");
        assert!(lc.saved(at(2)));
    }

    #[test]
    fn a_link_removed_during_a_write_is_not_brought_back_by_it() {
        let (files, ws, lc, id) = setup();
        block(lc.attach(&ws, id, "a.json".into(), true));
        let mut pool = LocalPool::new();
        files.hold.set(true);
        write_in(&mut pool, &lc, &ws);
        assert!(block(lc.unlink()));
        files.hold.set(false);
        pool.run_until_stalled();
        assert_eq!(lc.link(), None, "the old write does not touch the state");
        assert!(
            !files.kept.borrow().contains_key(&id),
            "nor keep the handle again"
        );
        assert!(!block(lc.unlink()), "nothing left to unlink");
    }

    #[test]
    fn a_failure_is_told_once_in_a_row_and_the_next_save_tries_again() {
        let (files, ws, lc, id) = setup();
        *files.fail.borrow_mut() = Some(WriteFailure::DiskFull);
        block(lc.attach(&ws, id, "a.json".into(), true));
        assert_eq!(lc.notice(), Some(Notice::Failed(WriteFailure::DiskFull)));
        lc.dismiss();
        block(lc.write_now(&ws));
        assert_eq!(lc.notice(), None, "not told again at every save");
        assert_eq!(
            lc.link().unwrap().status,
            LinkStatus::Failed(WriteFailure::DiskFull)
        );
        *files.fail.borrow_mut() = None;
        *ws.content.borrow_mut() = "v2".into();
        block(lc.write_now(&ws));
        assert_eq!(texts(&files), vec!["v2"]);
        assert_eq!(lc.link().unwrap().status, LinkStatus::Written);
    }

    #[test]
    fn after_a_restart_permission_is_asked_once_and_a_file_behind_storage_is_written() {
        let (files, ws, lc, id) = setup();
        files
            .kept
            .borrow_mut()
            .insert(id, ("a.json".into(), Some(at(5))));
        files.permission.set(Some(Permission::Prompt));
        // Storage saved before the file was written: not behind, so only the permission is checked.
        ws.saved_at.set(Some(at(4)));
        block(lc.open(&ws, Some(id)));
        assert_eq!(lc.notice(), Some(Notice::Permission));
        assert_eq!(lc.link().unwrap().status, LinkStatus::NeedsPermission);
        // Saves meanwhile write nothing and do not ask again.
        lc.dismiss();
        block(lc.write_now(&ws));
        assert_eq!(lc.notice(), None);
        assert!(files.written.borrow().is_empty());
        // Opened again in this page's life: not asked again.
        block(lc.open(&ws, None));
        ws.id.set(Some(id));
        block(lc.open(&ws, Some(id)));
        assert_eq!(lc.notice(), None);
        // Given by the button: written.
        assert_eq!(block(lc.grant(&ws)), Some(true));
        assert_eq!(texts(&files), vec!["v1"]);
        // A file behind storage is written when the workspace opens.
        let (files, ws, lc, id) = setup();
        files
            .kept
            .borrow_mut()
            .insert(id, ("a.json".into(), Some(at(5))));
        ws.saved_at.set(Some(at(6)));
        block(lc.open(&ws, Some(id)));
        assert_eq!(texts(&files), vec!["v1"]);
    }

    #[test]
    fn permission_declined_at_the_button_writes_nothing() {
        let (files, ws, lc, id) = setup();
        files
            .kept
            .borrow_mut()
            .insert(id, ("a.json".into(), Some(at(5))));
        files.permission.set(Some(Permission::Prompt));
        files.answer_on_request.set(Some(Permission::Denied));
        block(lc.open(&ws, Some(id)));
        assert_eq!(block(lc.grant(&ws)), Some(false));
        assert_eq!(lc.notice(), None);
        assert!(lc.link().unwrap().wants_permission());
        assert!(files.written.borrow().is_empty());
    }

    #[test]
    fn a_workspace_switched_while_its_link_loads_gets_nothing_of_it() {
        let (files, ws, lc, id) = setup();
        files.kept.borrow_mut().insert(id, ("a.json".into(), None));
        let other = new_id();
        // The load finds the open workspace is another by the time it answers.
        ws.id.set(Some(other));
        block(lc.open(&ws, Some(id)));
        assert_eq!(lc.link(), None);
        assert!(files.written.borrow().is_empty());
        // Changes are passed on to the shell.
        let seen = Rc::new(Cell::new(0));
        let s = seen.clone();
        lc.on_change(move |_, _| s.set(s.get() + 1));
        ws.id.set(Some(id));
        block(lc.open(&ws, Some(id)));
        assert!(seen.get() > 0);
        assert_eq!(lc.link().unwrap().file_name, "a.json");
    }
}
