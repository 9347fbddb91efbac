//! Small settings in localStorage (gloo-storage). Where localStorage is blocked, settings quietly fall back
//! to defaults: nothing here is the user's work.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "trappe.";

pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(format!("{PREFIX}{key}")).ok()
}

pub fn set<T: Serialize>(key: &str, value: &T) {
    let _ = LocalStorage::set(format!("{PREFIX}{key}"), value);
}

pub fn remove(key: &str) {
    LocalStorage::delete(format!("{PREFIX}{key}"));
}

pub const LAST_OPENED: &str = "last_opened";
pub const WORKSHOP_MODE: &str = "workshop_mode";
/// The initials this browser gives the revisions it makes.
pub const AUTHOR: &str = "author";
/// The folders the app has run from on this origin (read by the start script in `index.html`).
pub const FOLDERS: &str = "folders";
