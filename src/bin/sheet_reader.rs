//! The spreadsheet reader as its own wasm module, run in a web worker (see `browser::sheet_worker`), so
//! calamine and the CSV decoding never load with the app. trunk builds it with `data-type="worker"`
//! (wasm-bindgen's no-modules glue); the worker's script calls [`read_workbook`] for each file.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a file and answers JSON: `{"ok": Workbook}` or `{"err": ReadError}` (`spreadsheet::read::Reply`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn read_workbook(file_name: &str, bytes: &[u8]) -> String {
    reply(file_name, bytes)
}

fn reply(file_name: &str, bytes: &[u8]) -> String {
    let reply: trappe::spreadsheet::read::Reply =
        trappe::spreadsheet::read::read_workbook(file_name, bytes).into();
    // Serialising plain data into a String cannot fail.
    serde_json::to_string(&reply).unwrap_or_default()
}

fn main() {
    // In the worker, wasm-bindgen runs main at start-up: nothing to do until a file comes.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = reply;
        println!("sheet_reader: a web worker module; build it with trunk (see index.html)");
    }
}
