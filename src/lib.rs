//! Trappe: the intervention staircase, network-meeting logs and action plan of a Danish municipality's
//! children-and-family area, kept in the browser.
//!
//! `model`, `file_format`, `output`, `examples`, `storage` (interface and in-memory double) and `text` are
//! plain Rust and test natively; `app`, `browser`, the IndexedDB storage and `ui` exist only for wasm32.

pub mod examples;
pub mod file_format;
pub mod model;
pub mod output;
pub mod session;
pub mod sheet_import;
pub mod spreadsheet;
pub mod storage;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
