//! A copy on disk that keeps itself current: the open workspace linked to a file on the user's drive (where
//! the browser offers the File System Access API). Every save that reached browser storage also writes the
//! workspace's export to that file. Browser storage stays authoritative: a write that fails loses nothing
//! and is tried again at the next save.
//!
//! This is the plain part: what state a link is in, what the browser's answers mean, and when the user is
//! told. The browser calls are in `browser::linked_file`, the glue in `app::linked_copy`.

use chrono::{DateTime, Utc};

/// The file name the save picker suggests: `trappe-koege-2019.json`. No date, unlike an export: the file
/// stays the same file while it is rewritten.
pub fn suggested_file_name(workspace_name: &str) -> String {
    let slug = crate::file_format::export::ascii_slug(workspace_name);
    if slug.is_empty() {
        "trappe.json".into()
    } else {
        format!("trappe-{slug}.json")
    }
}

/// The browser's answer to `queryPermission` / `requestPermission` (`"granted"`, `"prompt"`, `"denied"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// The browser must ask the user (usually after a restart); asking needs a click.
    Prompt,
    Denied,
}

impl Permission {
    /// Anything the browser did not answer plainly counts as not granted (asking again is harmless).
    pub fn from_browser(answer: Option<&str>) -> Self {
        match answer {
            Some("granted") => Permission::Granted,
            Some("denied") => Permission::Denied,
            _ => Permission::Prompt,
        }
    }
}

/// Why writing the file failed, from the browser's error (a `DOMException` name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteFailure {
    /// Permission withdrawn (or never given again after a restart).
    NotAllowed,
    /// The file (or its folder) is gone: moved, renamed or deleted.
    Missing,
    /// No space left on the disk.
    DiskFull,
    /// Another program holds the file, or it is read-only.
    Locked,
    /// Anything else, with the browser's own words.
    Other(String),
}

impl WriteFailure {
    pub fn from_browser(name: &str, message: &str) -> Self {
        match name {
            "NotAllowedError" | "SecurityError" => WriteFailure::NotAllowed,
            "NotFoundError" => WriteFailure::Missing,
            "QuotaExceededError" => WriteFailure::DiskFull,
            "NoModificationAllowedError" | "InvalidModificationError" | "InvalidStateError" => {
                WriteFailure::Locked
            }
            _ => {
                let detail = if message.trim().is_empty() {
                    name
                } else {
                    message
                };
                WriteFailure::Other(detail.trim().chars().take(200).collect())
            }
        }
    }
}

/// Where a link stands in this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkStatus {
    /// Linked; nothing written since this tab opened the workspace (or permission is being checked).
    Linked,
    Writing,
    /// The last write went through (at `Link::last_written`).
    Written,
    /// The browser wants the user's permission again; nothing is written until it is given.
    NeedsPermission,
    /// The last write failed; the next save tries again.
    Failed(WriteFailure),
}

/// A message the app shows once, outside the Data page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// "Trappe skal have lov til at skrive til filen … igen", with a button that asks.
    Permission,
    Failed(WriteFailure),
}

/// The link of the open workspace, as this tab knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub file_name: String,
    /// The last write that went through, in any session (kept with the link).
    pub last_written: Option<DateTime<Utc>>,
    pub status: LinkStatus,
    /// The permission notice was shown (or answered) already: it is not shown again at every save.
    pub asked: bool,
    /// The failure of the last write, until one goes through: told once, not at every save.
    pub failing: Option<WriteFailure>,
}

impl Link {
    pub fn new(file_name: String, last_written: Option<DateTime<Utc>>) -> Self {
        Link {
            file_name,
            last_written,
            status: LinkStatus::Linked,
            asked: false,
            failing: None,
        }
    }

    /// A fresh link the user just chose: the picker gave permission, so there is nothing to ask.
    pub fn chosen(file_name: String) -> Self {
        Link {
            asked: true,
            ..Link::new(file_name, None)
        }
    }

    /// The file lags behind browser storage: nothing written yet, or storage saved after the last write.
    pub fn is_behind(&self, stored_at: Option<DateTime<Utc>>) -> bool {
        match (self.last_written, stored_at) {
            (None, _) => true,
            (Some(w), Some(s)) => s > w,
            (Some(_), None) => false,
        }
    }

    /// The permission as the browser answered before a write. Returns whether to write, and a notice to
    /// show: the permission notice only the first time (declining means no nagging at every save).
    pub fn permission(&mut self, p: Permission) -> (bool, Option<Notice>) {
        if p == Permission::Granted {
            if self.status == LinkStatus::NeedsPermission {
                self.status = LinkStatus::Linked;
            }
            return (true, None);
        }
        self.status = LinkStatus::NeedsPermission;
        if self.asked {
            (false, None)
        } else {
            self.asked = true;
            (false, Some(Notice::Permission))
        }
    }

    pub fn writing(&mut self) {
        self.status = LinkStatus::Writing;
    }

    pub fn written(&mut self, at: DateTime<Utc>) {
        self.status = LinkStatus::Written;
        self.last_written = Some(at);
        self.failing = None;
    }

    /// A failed write. Returns a notice the first time in a row it fails for this reason; the next save
    /// tries again quietly, and the status line keeps saying the file is not current.
    pub fn failed(&mut self, f: WriteFailure) -> Option<Notice> {
        let again = self.failing.as_ref() == Some(&f);
        self.failing = Some(f.clone());
        self.status = LinkStatus::Failed(f.clone());
        if again {
            None
        } else if f == WriteFailure::NotAllowed {
            // Permission withdrawn while running: the same as after a restart, with the button to ask.
            Some(Notice::Permission)
        } else {
            Some(Notice::Failed(f))
        }
    }

    /// The file is current, or on its way to be (for the calm status line).
    pub fn is_ok(&self) -> bool {
        matches!(
            self.status,
            LinkStatus::Linked | LinkStatus::Writing | LinkStatus::Written
        )
    }

    /// Whether the user can help by granting permission now.
    pub fn wants_permission(&self) -> bool {
        matches!(
            self.status,
            LinkStatus::NeedsPermission | LinkStatus::Failed(WriteFailure::NotAllowed)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, h, 0, 0).unwrap()
    }

    #[test]
    fn suggested_names_are_plain_ascii_without_a_date() {
        assert_eq!(
            suggested_file_name("Køge 2019 – Strategier for indsatsen"),
            "trappe-koege-2019-strategier-for-indsatsen.json"
        );
        assert_eq!(suggested_file_name("Årsplan"), "trappe-aarsplan.json");
        assert_eq!(suggested_file_name("  –  "), "trappe.json");
    }

    #[test]
    fn browser_answers() {
        assert_eq!(
            Permission::from_browser(Some("granted")),
            Permission::Granted
        );
        assert_eq!(Permission::from_browser(Some("denied")), Permission::Denied);
        assert_eq!(Permission::from_browser(Some("prompt")), Permission::Prompt);
        assert_eq!(Permission::from_browser(None), Permission::Prompt);
        assert_eq!(
            WriteFailure::from_browser("NotFoundError", "gone"),
            WriteFailure::Missing
        );
        assert_eq!(
            WriteFailure::from_browser("NotAllowedError", ""),
            WriteFailure::NotAllowed
        );
        assert_eq!(
            WriteFailure::from_browser("QuotaExceededError", ""),
            WriteFailure::DiskFull
        );
        assert_eq!(
            WriteFailure::from_browser("NoModificationAllowedError", ""),
            WriteFailure::Locked
        );
        assert_eq!(
            WriteFailure::from_browser("TypeError", " something odd "),
            WriteFailure::Other("something odd".into())
        );
        assert_eq!(
            WriteFailure::from_browser("AbortError", ""),
            WriteFailure::Other("AbortError".into())
        );
    }

    #[test]
    fn permission_is_asked_for_once() {
        let mut link = Link::new("a.json".into(), Some(at(9)));
        assert_eq!(
            link.permission(Permission::Prompt),
            (false, Some(Notice::Permission))
        );
        assert_eq!(link.status, LinkStatus::NeedsPermission);
        assert!(link.wants_permission());
        // Every later save: quiet, no write.
        assert_eq!(link.permission(Permission::Prompt), (false, None));
        assert_eq!(link.permission(Permission::Denied), (false, None));
        // Granted (by the button): writes again.
        assert_eq!(link.permission(Permission::Granted), (true, None));
        assert_eq!(link.status, LinkStatus::Linked);
        assert!(link.is_ok());
        // A chosen file never asks.
        let mut chosen = Link::chosen("b.json".into());
        assert_eq!(chosen.permission(Permission::Prompt), (false, None));
    }

    #[test]
    fn a_failure_is_told_once_in_a_row_and_a_success_clears_it() {
        let mut link = Link::chosen("a.json".into());
        link.writing();
        assert_eq!(
            link.failed(WriteFailure::Missing),
            Some(Notice::Failed(WriteFailure::Missing))
        );
        assert!(!link.is_ok());
        // The next save tries again; failing the same way again is not told again.
        link.writing();
        assert_eq!(link.failed(WriteFailure::Missing), None);
        assert_eq!(link.status, LinkStatus::Failed(WriteFailure::Missing));
        assert_eq!(
            link.failed(WriteFailure::DiskFull),
            Some(Notice::Failed(WriteFailure::DiskFull))
        );
        link.written(at(10));
        assert_eq!(link.status, LinkStatus::Written);
        assert_eq!(link.last_written, Some(at(10)));
        assert_eq!(
            link.failed(WriteFailure::DiskFull),
            Some(Notice::Failed(WriteFailure::DiskFull))
        );
        // Permission withdrawn while running: the permission notice, with its button.
        assert_eq!(
            link.failed(WriteFailure::NotAllowed),
            Some(Notice::Permission)
        );
        assert!(link.wants_permission());
    }

    #[test]
    fn behind_storage() {
        let mut link = Link::new("a.json".into(), None);
        assert!(link.is_behind(Some(at(9))));
        link.written(at(10));
        assert!(!link.is_behind(Some(at(9))));
        assert!(!link.is_behind(Some(at(10))));
        assert!(link.is_behind(Some(at(11))));
        assert!(!link.is_behind(None));
    }
}
