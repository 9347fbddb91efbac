//! The storage edge in a real browser (headless Chromium): IndexedDB keeps workspaces intact in parts,
//! writes only what changed, refuses a save over a newer revision, keeps trashed workspaces, holds a
//! 10,000-meeting workspace, upgrades databases written by the first and second versions with their data
//! intact, and keeps each tab's journal in its own store (written durably, read back, removed by the save
//! that covers it).
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use trappe::examples::{self, GeneratedSpec};
use trappe::file_format::pace::Pace;
use trappe::file_format::parts::{all_parts, changed_parts};
use trappe::file_format::storage_json;
use trappe::model::commands::{apply, Command};
use trappe::model::record::Record;
use trappe::model::{now, Workspace};
use trappe::session::{MemoryJournal, Session};
use trappe::storage::indexed_db::IndexedDbRepository;
use trappe::storage::{JournalRemoval, Repository, StorageError, StoredMeta};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn meta(ws: &Workspace) -> StoredMeta {
    StoredMeta {
        id: ws.id,
        name: ws.name.clone(),
        revision: 0,
        saved_at: now(),
        last_exported_at: None,
        deleted_at: None,
        bytes: 0,
        edited_at: None,
    }
}

/// The workspace `id` as `repo` has it stored, read in one go.
async fn stored(repo: &IndexedDbRepository, id: trappe::model::Id) -> Workspace {
    let body = repo.load(id).await.unwrap();
    body.read(&Pace::UNPACED).await.unwrap().workspace
}

/// A built-in example, from its file (the app's wasm does not hold the files; it fetches them).
fn example(key: &str) -> Workspace {
    let text = match key {
        "koege-2019" => include_str!("../src/examples/files/koege-2019.json"),
        "halsnaes-2019" => include_str!("../src/examples/files/halsnaes-2019.json"),
        "socialstyrelsen-trappe" => {
            include_str!("../src/examples/files/socialstyrelsen-trappe.json")
        }
        other => panic!("no example {other}"),
    };
    examples::from_file(text).unwrap()
}

/// Tests share one database; each works on its own fresh workspace ids.
async fn fresh() -> IndexedDbRepository {
    IndexedDbRepository::open_named("trappe-test")
        .await
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_saved_example_loads_back_identical() {
    let repo = fresh().await;
    let ws = example("koege-2019");
    let rev = repo
        .save(&meta(&ws), &all_parts(&ws, now()), 0)
        .await
        .unwrap();
    assert_eq!(rev, 1);
    let body = repo.load(ws.id).await.unwrap();
    assert_eq!(body.revision, 1);
    assert!(body.legacy.is_none());
    assert_eq!(body.read(&Pace::UNPACED).await.unwrap().workspace, ws);
    let check = repo.check(ws.id).await.unwrap();
    assert_eq!(check.revision, 1);
    assert_eq!(check.parts, body.parts.len());
    let list = repo.list().await.unwrap();
    assert_eq!(list.iter().find(|m| m.id == ws.id).unwrap().revision, 1);
}

#[wasm_bindgen_test]
async fn a_small_edit_rewrites_two_parts_and_reads_back() {
    let repo = fresh().await;
    let mut ws = example("socialstyrelsen-trappe");
    repo.save(&meta(&ws), &all_parts(&ws, now()), 0)
        .await
        .unwrap();
    let before = repo.load(ws.id).await.unwrap();
    let mut m = ws.meetings[0].clone();
    m.notes = "Ændret i browseren".into();
    let changes = apply(&mut ws, Command::put(Record::Meeting(m)))
        .unwrap()
        .changes;
    let w = changed_parts(&ws, &changes, now());
    assert_eq!(w.puts.len(), 2);
    repo.save(&meta(&ws), &w, 1).await.unwrap();
    let after = repo.load(ws.id).await.unwrap();
    assert_eq!(after.parts.len(), before.parts.len());
    assert_eq!(after.read(&Pace::UNPACED).await.unwrap().workspace, ws);
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_tab_is_refused_and_the_newer_save_survives() {
    let repo = fresh().await;
    let mut ws = Workspace::new("Fælles");
    repo.save(&meta(&ws), &all_parts(&ws, now()), 0)
        .await
        .unwrap();
    ws.name = "Tab A".into();
    repo.save(&meta(&ws), &all_parts(&ws, now()), 1)
        .await
        .unwrap();
    let mut stale = ws.clone();
    stale.name = "Tab B".into();
    let err = repo
        .save(&meta(&stale), &all_parts(&stale, now()), 1)
        .await
        .unwrap_err();
    assert_eq!(err, StorageError::Conflict { stored: 2, base: 1 });
    let back = stored(&repo, ws.id).await;
    assert_eq!(back.name, "Tab A");
}

#[wasm_bindgen_test]
async fn trash_keeps_the_workspace_until_deleted() {
    let repo = fresh().await;
    let ws = Workspace::new("Papirkurv");
    repo.save(&meta(&ws), &all_parts(&ws, now()), 0)
        .await
        .unwrap();
    let trashed = StoredMeta {
        deleted_at: Some(now()),
        ..meta(&ws)
    };
    repo.put_meta(&trashed).await.unwrap();
    let list = repo.list().await.unwrap();
    let listed = list.iter().find(|m| m.id == ws.id).unwrap();
    assert!(listed.deleted_at.is_some());
    assert_eq!(listed.revision, 1);
    assert!(repo.load(ws.id).await.is_ok());
    repo.delete(ws.id).await.unwrap();
    assert_eq!(repo.load(ws.id).await.unwrap_err(), StorageError::NotFound);
    assert_eq!(repo.check(ws.id).await.unwrap().parts, 0);
    assert!(!repo.list().await.unwrap().iter().any(|m| m.id == ws.id));
}

#[wasm_bindgen_test]
async fn a_ten_thousand_meeting_workspace_saves_and_reloads_intact() {
    let repo = fresh().await;
    let ws = examples::generated(&GeneratedSpec::benchmark());
    assert_eq!(ws.meetings.len(), 10_000);
    let t = now();
    let w = all_parts(&ws, t);
    assert!(w.bytes() > 10_000_000, "about 10 MB or more: {}", w.bytes());
    repo.save(&meta(&ws), &w, 0).await.unwrap();
    // A new connection, as after a reload.
    let repo2 = fresh().await;
    let body = repo2.load(ws.id).await.unwrap();
    assert_eq!(body.parts.len(), w.puts.len());
    // Its packs become text in slices, a part at a time, not in the task that took the browser's answer:
    // the same parts.
    use trappe::file_format::pace::every_chance;
    every_chance::paused();
    let sliced = fresh().await.with_pace(every_chance::PACE);
    let sliced = sliced.load(ws.id).await.unwrap();
    assert_eq!(every_chance::paused(), w.puts.len(), "one pause per part");
    assert_eq!(sliced.parts, body.parts);
    // Read at the page's pace (in slices, as the app opens it), and written so too: the same.
    let pace = trappe::browser::pace::PACE;
    assert_eq!(body.read(&pace).await.unwrap().workspace, ws);
    let paced = trappe::file_format::parts::all_parts_paced(&ws, t, &pace).await;
    assert_eq!(paced, w);
}

fn record(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&obj, &(*k).into(), v);
    }
    obj.into()
}

/// A database exactly as the first version wrote it (version 1: `meta` and `bodies`, whole-workspace JSON)
/// opens after the upgrade, and the session moves it into parts at its first save, data intact.
#[wasm_bindgen_test]
async fn a_database_written_by_the_first_version_upgrades_with_its_data_intact() {
    let name = format!("trappe-upgrade-{}", trappe::model::new_id());
    let ws = example("halsnaes-2019");
    {
        let v1 = Rexie::builder(&name)
            .version(1)
            .add_object_store(ObjectStore::new("meta").key_path("id"))
            .add_object_store(ObjectStore::new("bodies").key_path("id"))
            .build()
            .await
            .unwrap();
        let tx = v1
            .transaction(&["meta", "bodies"], TransactionMode::ReadWrite)
            .unwrap();
        let m = StoredMeta {
            revision: 4,
            ..meta(&ws)
        };
        tx.store("meta")
            .unwrap()
            .put(
                &record(&[
                    ("id", ws.id.to_string().into()),
                    ("json", serde_json::to_string(&m).unwrap().into()),
                ]),
                None,
            )
            .await
            .unwrap();
        tx.store("bodies")
            .unwrap()
            .put(
                &record(&[
                    ("id", ws.id.to_string().into()),
                    ("revision", JsValue::from_f64(4.0)),
                    ("json", storage_json(&ws, now()).into()),
                ]),
                None,
            )
            .await
            .unwrap();
        tx.done().await.unwrap();
        v1.close();
    }
    let repo = IndexedDbRepository::open_named(&name).await.unwrap();
    let body = repo.load(ws.id).await.unwrap();
    assert!(body.legacy.is_some(), "the version-1 body is still there");
    assert_eq!(body.read(&Pace::UNPACED).await.unwrap().workspace, ws);
    let session = Session::new(repo, MemoryJournal::default());
    session.open(ws.id).await.unwrap();
    assert!(session.flush().await.saved);
    let repo = IndexedDbRepository::open_named(&name).await.unwrap();
    let body = repo.load(ws.id).await.unwrap();
    assert!(body.legacy.is_none() && !body.parts.is_empty());
    assert_eq!(body.revision, 5);
    assert_eq!(body.read(&Pace::UNPACED).await.unwrap().workspace, ws);
}

/// Storage is input too: values replaced or removed by hand in IndexedDB (a meta record gone or junk, a
/// part stored as an object, a key of another kind) are read like a file's records. Both workspaces are
/// listed with a meta rebuilt from their heads, open intact, and save (which writes a meta again).
#[wasm_bindgen_test]
async fn damaged_values_in_indexed_db_are_read_like_a_files_records() {
    let name = format!("trappe-damage-{}", trappe::model::new_id());
    let repo = IndexedDbRepository::open_named(&name).await.unwrap();
    let a = example("socialstyrelsen-trappe");
    let b = example("koege-2019");
    for ws in [&a, &b] {
        repo.save(&meta(ws), &all_parts(ws, now()), 0)
            .await
            .unwrap();
    }
    {
        // Opened at whatever version the database has now.
        let raw = Rexie::builder(&name).build().await.unwrap();
        let tx = raw
            .transaction(&["meta", "parts"], TransactionMode::ReadWrite)
            .unwrap();
        let metas = tx.store("meta").unwrap();
        metas.delete(a.id.to_string().into()).await.unwrap();
        metas
            .put(
                &record(&[
                    ("id", b.id.to_string().into()),
                    ("json", "{\"name\": \"Kø".into()),
                ]),
                None,
            )
            .await
            .unwrap();
        let parts = tx.store("parts").unwrap();
        // A pack of records stored as an object instead of its text.
        let pack = trappe::file_format::parts::pack_key_of(trappe::model::record::RecordRef {
            kind: trappe::model::record::RecordKind::Meeting,
            id: a.meetings[0].id,
        });
        let key: JsValue = format!("{}|{pack}", a.id).into();
        // Stored as the text's UTF-8 bytes.
        let bytes = parts.get(key.clone()).await.unwrap().unwrap();
        let bytes: js_sys::Uint8Array = bytes.dyn_into().expect("a pack is stored as bytes");
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let object = js_sys::JSON::parse(&text).unwrap();
        parts.put(&object, Some(&key)).await.unwrap();
        // Keys no workspace has: the scan for workspaces passes them by.
        parts
            .put(&"x".into(), Some(&JsValue::from_f64(7.0)))
            .await
            .unwrap();
        parts
            .put(&"x".into(), Some(&"ingen-adskiller".into()))
            .await
            .unwrap();
        tx.done().await.unwrap();
        raw.close();
    }
    let list = repo.list().await.unwrap();
    for ws in [&a, &b] {
        let m = list
            .iter()
            .find(|m| m.id == ws.id)
            .expect("listed without a readable meta");
        assert_eq!(m.name, ws.name);
        assert_eq!(m.revision, 0);
    }
    let body = repo.load(a.id).await.unwrap();
    assert_eq!(body.read(&Pace::UNPACED).await.unwrap().workspace, a);
    let session = Session::new(repo, MemoryJournal::default());
    for ws in [&a, &b] {
        session.open(ws.id).await.unwrap();
        let mut m = ws.meetings.first().cloned().unwrap_or_default();
        m.notes = "Efter skaden".into();
        session.dispatch(Command::put(Record::Meeting(m))).unwrap();
        // The journal is taken on top of a workspace listed from its head alone.
        assert_eq!(session.persist_journal().await, None);
        let f = session.flush().await;
        assert!(f.saved && !f.rebased && f.error.is_none(), "{f:?}");
    }
    let repo = IndexedDbRepository::open_named(&name).await.unwrap();
    let list = repo.list().await.unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|m| m.revision == 1), "{list:?}");
}

/// A database as the second version wrote it (version 2: `meta`, `parts`, `bodies`, no journal store)
/// upgrades to version 3 with every store and record kept, and the new journal store works.
#[wasm_bindgen_test]
async fn a_database_written_by_the_second_version_upgrades_with_its_data_intact() {
    let name = format!("trappe-upgrade-v2-{}", trappe::model::new_id());
    let ws = example("koege-2019");
    let write = all_parts(&ws, now());
    {
        let v2 = Rexie::builder(&name)
            .version(2)
            .add_object_store(ObjectStore::new("meta").key_path("id"))
            .add_object_store(ObjectStore::new("bodies").key_path("id"))
            .add_object_store(ObjectStore::new("parts"))
            .build()
            .await
            .unwrap();
        let tx = v2
            .transaction(&["meta", "parts"], TransactionMode::ReadWrite)
            .unwrap();
        let m = StoredMeta {
            revision: 7,
            ..meta(&ws)
        };
        tx.store("meta")
            .unwrap()
            .put(
                &record(&[
                    ("id", ws.id.to_string().into()),
                    ("json", serde_json::to_string(&m).unwrap().into()),
                ]),
                None,
            )
            .await
            .unwrap();
        let parts = tx.store("parts").unwrap();
        for (k, json) in &write.puts {
            parts
                .put(
                    &JsValue::from_str(json),
                    Some(&JsValue::from_str(&format!("{}|{k}", ws.id))),
                )
                .await
                .unwrap();
        }
        tx.done().await.unwrap();
        v2.close();
    }
    let repo = IndexedDbRepository::open_named(&name).await.unwrap();
    let body = repo.load(ws.id).await.unwrap();
    assert_eq!(body.revision, 7);
    assert_eq!(body.parts.len(), write.puts.len());
    assert_eq!(body.read(&Pace::UNPACED).await.unwrap().workspace, ws);
    assert_eq!(repo.list().await.unwrap()[0].revision, 7);
    repo.put_journal(ws.id, "fane", "{}").await.unwrap();
    assert_eq!(repo.journals(ws.id).await.unwrap()[0].text, "{}");
    // Opened again (as after a reload): nothing is lost by the second open either.
    let again = IndexedDbRepository::open_named(&name).await.unwrap();
    assert_eq!(stored(&again, ws.id).await, ws);
    assert_eq!(again.journals(ws.id).await.unwrap().len(), 1);
}

/// The journal store: a durable write read back, every tab's journal listed, a save removing this tab's
/// record in its transaction and another tab's only while unchanged, a reopened connection working.
#[wasm_bindgen_test]
async fn journals_are_written_read_back_and_removed_by_the_save_that_covers_them() {
    let repo = fresh().await;
    let ws = Workspace::new("Journal");
    repo.save(&meta(&ws), &all_parts(&ws, now()), 0)
        .await
        .unwrap();
    repo.put_journal(ws.id, "a", "{\"base_revision\":1}")
        .await
        .unwrap();
    repo.put_journal(ws.id, "b", "skrevet af fane b")
        .await
        .unwrap();
    let mut found = repo.journals(ws.id).await.unwrap();
    found.sort_by(|x, y| x.tab.cmp(&y.tab));
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].text, "skrevet af fane b");
    // Tab b wrote again after it was read: its record stays.
    repo.put_journal(ws.id, "b", "nyere").await.unwrap();
    let removals = [
        JournalRemoval {
            tab: "a".into(),
            if_text: None,
        },
        JournalRemoval {
            tab: "b".into(),
            if_text: Some("skrevet af fane b".into()),
        },
    ];
    repo.save_and_clear(&meta(&ws), &all_parts(&ws, now()), 1, &removals)
        .await
        .unwrap();
    let left = repo.journals(ws.id).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].text, "nyere");
    // A save refused (another tab's newer revision) removes nothing.
    let err = repo
        .save_and_clear(&meta(&ws), &all_parts(&ws, now()), 1, &removals[1..])
        .await
        .unwrap_err();
    assert!(matches!(err, StorageError::Conflict { .. }));
    repo.reopen().await.unwrap();
    // Sealing writes and removes its own records only.
    repo.seal().await.unwrap();
    assert_eq!(repo.journals(ws.id).await.unwrap().len(), 1);
    assert_eq!(stored(&repo, ws.id).await, ws);
    repo.put_journal(ws.id, "a", "efter genåbning")
        .await
        .unwrap();
    assert_eq!(repo.journals(ws.id).await.unwrap().len(), 2);
    repo.delete(ws.id).await.unwrap();
    assert!(repo.journals(ws.id).await.unwrap().is_empty());
    // Without its workspace a journal is refused (it could not bring anything back).
    assert_eq!(
        repo.put_journal(ws.id, "a", "{}").await,
        Err(StorageError::NotFound)
    );
    assert!(repo.journals(ws.id).await.unwrap().is_empty());
}

/// A session on IndexedDB: the edit is durable in the journal store before any save of its parts, and a
/// new session (the browser killed and started again, its localStorage lost) brings it back.
#[wasm_bindgen_test]
async fn an_edit_in_the_journal_store_survives_without_its_parts_save() {
    let name = format!("trappe-journal-{}", trappe::model::new_id());
    let ws = example("socialstyrelsen-trappe");
    let id = ws.id;
    let session = Session::new(
        IndexedDbRepository::open_named(&name).await.unwrap(),
        MemoryJournal::default(),
    );
    session.create(ws).await.unwrap();
    let mut m = session.with_workspace(|w| w.meetings[0].clone()).unwrap();
    m.notes = "Skrevet lige før browseren blev dræbt".into();
    session
        .dispatch(Command::put(Record::Meeting(m.clone())))
        .unwrap();
    assert_eq!(session.persist_journal().await, None);
    assert!(session.is_durable() && session.is_dirty());
    drop(session);
    let session = Session::new(
        IndexedDbRepository::open_named(&name).await.unwrap(),
        MemoryJournal::default(),
    );
    assert_eq!(session.open(id).await.unwrap().recovered, 1);
    let back = session
        .with_workspace(|w| w.meetings.iter().find(|x| x.id == m.id).cloned())
        .unwrap()
        .unwrap();
    assert_eq!(back.notes, m.notes);
    assert!(session.flush().await.saved);
    assert!(session.repo().journals(id).await.unwrap().is_empty());
}

/// The browser's pace (`browser::pace`) lets the page in during long work: a message posted before 120 ms
/// of work in small pieces is handled while the work goes on. Without a pace it waits for the end.
#[wasm_bindgen_test]
async fn the_browsers_pace_lets_the_page_in_during_long_work() {
    async fn handled_during(pace: &Pace) -> bool {
        let handled = std::rc::Rc::new(std::cell::Cell::new(false));
        let channel = web_sys::MessageChannel::new().unwrap();
        let flag = handled.clone();
        let on_message = wasm_bindgen::closure::Closure::once_into_js(move || flag.set(true));
        channel
            .port1()
            .set_onmessage(Some(on_message.unchecked_ref()));
        channel.port2().post_message(&JsValue::UNDEFINED).unwrap();
        let clock = web_sys::window().unwrap().performance().unwrap();
        let start = clock.now();
        while clock.now() - start < 120.0 {
            let piece = clock.now();
            while clock.now() - piece < 2.0 {}
            pace.breathe().await;
        }
        handled.get()
    }
    assert!(!handled_during(&Pace::UNPACED).await);
    assert!(handled_during(&trappe::browser::pace::PACE).await);
}
