//! Thin wrappers over browser APIs the app needs: files in and out, storage persistence and usage.

pub mod address;
pub mod files;
pub mod perf;
pub mod storage_info;

/// Today's date in the user's local time zone.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
