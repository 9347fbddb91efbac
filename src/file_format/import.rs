//! Reading a workspace file: size, encoding, syntax, envelope, version, migration, types, then a whole-
//! workspace validation. Nothing is returned unless all of it passes, so an import never half-happens.

use super::envelope::{EnvelopeIn, FORMAT, FORMAT_V0, VERSION};
use super::migrate::{migrate, MigrationError};
use crate::model::validation::{validate, Issue};
use crate::model::Workspace;
use serde::Deserialize;
use serde_json::Value;

/// Files larger than this are refused before they are parsed. Well above the 20 MB a 10,000-meeting
/// workspace needs pretty-printed, so every file Trappe writes can be read back.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug)]
pub struct Imported {
    pub workspace: Workspace,
    /// The version the file had, when it was older than the current one.
    pub migrated_from: Option<u32>,
}

/// What went wrong, as data; `text::file` turns it into Danish.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    Empty,
    NotUtf8 {
        byte_offset: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        problem: DataProblem,
    },
    NotAnObject,
    WrongFormat {
        found: Option<String>,
    },
    MissingVersion,
    NewerVersion {
        found: u64,
    },
    Migration(MigrationError),
    Invalid {
        path: String,
        line: usize,
        column: usize,
        problem: DataProblem,
    },
    Validation(Vec<Issue>),
}

/// serde_json's English error messages sorted into what a Danish message needs.
#[derive(Debug, Clone, PartialEq)]
pub enum DataProblem {
    WrongType { found: String, expected: String },
    UnknownValue { found: String, allowed: String },
    MissingField(String),
    DuplicateField(String),
    BadDate,
    BadId,
    NumberOutOfRange,
    UnexpectedEnd,
    TrailingCharacters,
    TooDeep,
    Syntax,
    Other(String),
}

impl DataProblem {
    fn from_serde(msg: &str) -> Self {
        // serde_json appends " at line L column C"; drop it, the location is carried separately.
        let msg = msg.split(" at line ").next().unwrap_or(msg);
        let between = |s: &str, a: &str, b: &str| -> Option<String> {
            let rest = s.split_once(a)?.1;
            Some(rest.split_once(b).map_or(rest, |x| x.0).to_string())
        };
        if let Some(rest) = msg.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            DataProblem::WrongType {
                found: found.to_string(),
                expected: expected.to_string(),
            }
        } else if msg.starts_with("unknown variant") {
            DataProblem::UnknownValue {
                found: between(msg, "`", "`").unwrap_or_default(),
                allowed: msg.split_once("expected ").map_or("", |x| x.1).to_string(),
            }
        } else if msg.starts_with("missing field") {
            DataProblem::MissingField(between(msg, "`", "`").unwrap_or_default())
        } else if msg.starts_with("duplicate field") {
            DataProblem::DuplicateField(between(msg, "`", "`").unwrap_or_default())
        } else if msg.contains("premature end of input")
            || msg.contains("input contains invalid characters")
            || msg.contains("input is out of range")
            || msg.contains("input is not enough for unique date")
            || msg.contains("trailing input")
        {
            DataProblem::BadDate
        } else if msg.contains("UUID") || msg.contains("urn:uuid") || msg.contains("invalid length")
        {
            DataProblem::BadId
        } else if msg.contains("out of range") || msg.starts_with("invalid value: integer") {
            DataProblem::NumberOutOfRange
        } else if msg.contains("EOF while parsing") {
            DataProblem::UnexpectedEnd
        } else if msg.contains("trailing characters") {
            DataProblem::TrailingCharacters
        } else if msg.contains("recursion limit") {
            DataProblem::TooDeep
        } else if msg.starts_with("expected") || msg.starts_with("key must be") {
            DataProblem::Syntax
        } else {
            DataProblem::Other(msg.to_string())
        }
    }
}

/// Only the two fields needed to decide how to read the rest; the rest is skipped (but syntax-checked).
#[derive(Deserialize)]
struct Head {
    format: Option<Value>,
    version: Option<Value>,
}

/// Reads a file a user picked: at most `MAX_FILE_BYTES`.
pub fn read_workspace_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    read_workspace(bytes)
}

/// Reads a workspace from browser storage. The same checks as a file, but no size limit: a workspace
/// that grew past the file limit must still open.
pub fn read_stored_workspace(bytes: &[u8]) -> Result<Imported, ImportError> {
    read_workspace(bytes)
}

/// The one load path for files and stored workspaces.
fn read_workspace(bytes: &[u8]) -> Result<Imported, ImportError> {
    // Editors on Windows like to start UTF-8 files with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(ImportError::NotUtf8 {
            byte_offset: e.valid_up_to(),
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let head: Head = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) if e.is_data() => return Err(ImportError::NotAnObject),
        Err(e) => {
            return Err(ImportError::Syntax {
                line: e.line(),
                column: e.column(),
                problem: DataProblem::from_serde(&e.to_string()),
            })
        }
    };
    let format = head.format.as_ref().and_then(Value::as_str);
    let version = match &head.version {
        None => return Err(ImportError::MissingVersion),
        Some(v) => v.as_u64().ok_or(ImportError::MissingVersion)?,
    };
    let known_format = format == Some(FORMAT) || (version == 0 && format == Some(FORMAT_V0));
    if !known_format {
        return Err(ImportError::WrongFormat {
            found: head.format.map(|f| match f {
                Value::String(s) => s,
                other => other.to_string(),
            }),
        });
    }
    if version > VERSION as u64 {
        return Err(ImportError::NewerVersion { found: version });
    }
    let (envelope, migrated_from) = if version < VERSION as u64 {
        let doc: Value = serde_json::from_slice(bytes).map_err(|_| ImportError::NotAnObject)?;
        let doc = migrate(doc, version as u32).map_err(ImportError::Migration)?;
        let envelope: EnvelopeIn =
            serde_path_to_error::deserialize(doc).map_err(|e| ImportError::Invalid {
                path: e.path().to_string(),
                line: 0,
                column: 0,
                problem: DataProblem::from_serde(&e.inner().to_string()),
            })?;
        (envelope, Some(version as u32))
    } else {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let envelope: EnvelopeIn =
            serde_path_to_error::deserialize(&mut de).map_err(|e| ImportError::Invalid {
                path: e.path().to_string(),
                line: e.inner().line(),
                column: e.inner().column(),
                problem: DataProblem::from_serde(&e.inner().to_string()),
            })?;
        (envelope, None)
    };
    let issues = validate(&envelope.workspace, "workspace");
    if !issues.is_empty() {
        return Err(ImportError::Validation(issues));
    }
    Ok(Imported {
        workspace: envelope.workspace,
        migrated_from,
    })
}
