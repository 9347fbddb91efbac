//! Whatever the app exports, it imports: the largest workspace Trappe holds exports to a file that reads
//! back identical, and a larger one is refused with a message. Builds about 150 MB of JSON, so it runs in
//! release (`scripts/test.sh` runs it with `--release --ignored`).
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use trappe::examples::{generated, GeneratedSpec};
use trappe::file_format::export::compact_size;
use trappe::file_format::{
    export_json, read_workspace_file, ImportError, MAX_FILE_BYTES, MAX_WORKSPACE_BYTES,
};
use trappe::model::Meeting;

#[test]
#[ignore = "large: run with --release --ignored (scripts/test.sh does)"]
fn the_largest_workspace_the_app_holds_exports_and_imports_back() {
    let spec = |meetings| GeneratedSpec {
        meetings,
        ..GeneratedSpec::benchmark()
    };
    // Size a workspace just under the limit from a sample's bytes per meeting.
    let small = compact_size(&generated(&spec(2_000)));
    let larger = compact_size(&generated(&spec(4_000)));
    let per_meeting = (larger - small) / 2_000;
    let base = small - 2_000 * per_meeting;
    let n = (MAX_WORKSPACE_BYTES - base) / per_meeting * 98 / 100;
    let ws = generated(&spec(n));
    let size = compact_size(&ws);
    assert!(
        size <= MAX_WORKSPACE_BYTES && size > MAX_WORKSPACE_BYTES * 95 / 100,
        "{size} bytes, {n} meetings"
    );
    eprintln!(
        "largest workspace: {n} meetings, {} MB compact",
        size / (1024 * 1024)
    );

    let json = export_json(&ws, Utc::now());
    assert!(
        json.len() <= MAX_FILE_BYTES,
        "export is {} bytes",
        json.len()
    );
    let back = read_workspace_file(json.as_bytes()).expect("the export imports");
    assert!(back.report.is_clean());
    assert_eq!(back.workspace, ws);

    // Past the limit: refused with the sizes, not an out-of-memory or a half import.
    let mut bigger = ws;
    let filler = "x".repeat(49_000);
    let mut extra = 0;
    while compact_size(&bigger) <= MAX_WORKSPACE_BYTES {
        for _ in 0..200 {
            bigger.meetings.push(Meeting {
                case_ref: format!("Ekstra {extra}"),
                notes: filler.clone(),
                ..Meeting::default()
            });
            extra += 1;
        }
    }
    match read_workspace_file(export_json(&bigger, Utc::now()).as_bytes()) {
        Err(ImportError::WorkspaceTooLarge { bytes, max }) => {
            assert!(bytes > max);
            let message =
                trappe::text::file::import_error(&ImportError::WorkspaceTooLarge { bytes, max });
            assert!(message.contains("MB"), "{message}");
        }
        Err(other) => panic!("{other:?}"),
        Ok(_) => panic!("a workspace past the limit was accepted"),
    }
}
