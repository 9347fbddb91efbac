//! Thin wrappers over browser APIs the app needs: files in and out, a linked file on disk (File System
//! Access), storage persistence and usage, idle moments.
//!
//! Thin: no rules. May import the model's and storage's types it hands over.

pub mod address;
pub mod crypto;
pub mod example_files;
pub mod files;
pub mod history_guard;
pub mod idle;
pub mod linked_file;
pub mod pace;
pub mod perf;
pub mod share;
pub mod sheet_worker;
pub mod storage_info;

/// Today's date in the user's local time zone.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
