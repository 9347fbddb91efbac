//! Trappe: the intervention staircase, network-meeting logs and action plan of a Danish municipality's
//! children-and-family area, kept in the browser.
//!
//! `model`, `file_format`, `output`, `examples` and `text` are plain Rust and test natively; `storage`
//! and `ui` are the browser edges and exist only for wasm32.

pub mod examples;
pub mod file_format;
pub mod model;
pub mod output;
pub mod text;
