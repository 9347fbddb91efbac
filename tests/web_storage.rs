//! The storage edge in a real browser (headless Chromium): IndexedDB keeps workspaces intact, refuses a save
//! over a newer revision, keeps trashed bodies, and holds a 10,000-meeting workspace.
#![cfg(target_arch = "wasm32")]

use trappe::examples::{self, GeneratedSpec};
use trappe::file_format::{read_stored_workspace, storage_json};
use trappe::model::{now, Workspace};
use trappe::storage::indexed_db::IndexedDbRepository;
use trappe::storage::{Repository, StorageError, StoredMeta};
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
    }
}

/// Tests share one database; each works on its own fresh workspace ids.
async fn fresh() -> IndexedDbRepository {
    IndexedDbRepository::open().await.unwrap()
}

#[wasm_bindgen_test]
async fn a_saved_example_loads_back_identical() {
    let repo = fresh().await;
    let ws = examples::build("koege-2019").unwrap();
    let rev = repo
        .save(&meta(&ws), &storage_json(&ws, now()), 0)
        .await
        .unwrap();
    assert_eq!(rev, 1);
    let body = repo.load(ws.id).await.unwrap();
    assert_eq!(body.revision, 1);
    let back = read_stored_workspace(body.json.as_bytes())
        .unwrap()
        .workspace;
    assert_eq!(back, ws);
    let list = repo.list().await.unwrap();
    let listed = list.iter().find(|m| m.id == ws.id).unwrap();
    assert_eq!(listed.name, ws.name);
    assert_eq!(listed.revision, 1);
    assert!(listed.bytes > 1000);
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_tab_is_refused_and_the_newer_save_survives() {
    let repo = fresh().await;
    let mut ws = Workspace::new("Fælles");
    repo.save(&meta(&ws), &storage_json(&ws, now()), 0)
        .await
        .unwrap();
    ws.name = "Tab A".into();
    repo.save(&meta(&ws), &storage_json(&ws, now()), 1)
        .await
        .unwrap();
    let mut stale = ws.clone();
    stale.name = "Tab B".into();
    let err = repo
        .save(&meta(&stale), &storage_json(&stale, now()), 1)
        .await
        .unwrap_err();
    assert_eq!(err, StorageError::Conflict { stored: 2, base: 1 });
    let body = repo.load(ws.id).await.unwrap();
    let back = read_stored_workspace(body.json.as_bytes())
        .unwrap()
        .workspace;
    assert_eq!(back.name, "Tab A");
}

#[wasm_bindgen_test]
async fn trash_keeps_the_body_until_deleted() {
    let repo = fresh().await;
    let ws = Workspace::new("Papirkurv");
    repo.save(&meta(&ws), &storage_json(&ws, now()), 0)
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
    assert!(!repo.list().await.unwrap().iter().any(|m| m.id == ws.id));
}

#[wasm_bindgen_test]
async fn a_ten_thousand_meeting_workspace_saves_and_reloads_intact() {
    let repo = fresh().await;
    let ws = examples::generated(&GeneratedSpec::benchmark());
    assert_eq!(ws.meetings.len(), 10_000);
    let json = storage_json(&ws, now());
    assert!(
        json.len() > 10_000_000,
        "about 10 MB or more: {}",
        json.len()
    );
    repo.save(&meta(&ws), &json, 0).await.unwrap();
    // A new connection, as after a reload.
    let repo2 = IndexedDbRepository::open().await.unwrap();
    let body = repo2.load(ws.id).await.unwrap();
    assert_eq!(body.json.len(), json.len());
    let back = read_stored_workspace(body.json.as_bytes())
        .unwrap()
        .workspace;
    assert_eq!(back, ws);
}
