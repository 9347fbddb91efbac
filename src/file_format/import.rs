//! Reading a workspace file: size, encoding, syntax, envelope, version, migration, types, then a whole-
//! workspace validation. Nothing is returned unless all of it passes, so an import never half-happens.

use super::envelope::{FORMAT, FORMAT_V0, VERSION};
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

/// The one load path for files and stored workspaces. The text is parsed once into a JSON value (syntax
/// errors keep their line and column), then the workspace is read from that value. Reading through one
/// deserializer keeps the app small; paths of bad values are found afterwards by `locate`.
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
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        problem: DataProblem::from_serde(&e.to_string()),
    })?;
    let Value::Object(head) = &doc else {
        return Err(ImportError::NotAnObject);
    };
    let version = head
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(ImportError::MissingVersion)?;
    let format = head.get("format");
    let format_name = format.and_then(Value::as_str);
    let known_format =
        format_name == Some(FORMAT) || (version == 0 && format_name == Some(FORMAT_V0));
    if !known_format {
        return Err(ImportError::WrongFormat {
            found: format.map(|f| match f {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        });
    }
    if version > VERSION as u64 {
        return Err(ImportError::NewerVersion { found: version });
    }
    let migrated_from = (version < VERSION as u64).then_some(version as u32);
    let doc = match migrated_from {
        Some(from) => migrate(doc, from).map_err(ImportError::Migration)?,
        None => doc,
    };
    let Some(body) = doc.get("workspace") else {
        return Err(ImportError::Invalid {
            path: "workspace".into(),
            line: 0,
            column: 0,
            problem: DataProblem::MissingField("workspace".into()),
        });
    };
    let workspace = Workspace::deserialize(body).map_err(|e| ImportError::Invalid {
        path: locate(body, "workspace"),
        line: 0,
        column: 0,
        problem: DataProblem::from_serde(&e.to_string()),
    })?;
    let issues = validate(&workspace, "workspace");
    if !issues.is_empty() {
        return Err(ImportError::Validation(issues));
    }
    Ok(Imported {
        workspace,
        migrated_from,
    })
}

#[derive(Clone, Debug, PartialEq)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// The path of the smallest part of `body` that still fails to read on its own. Every field of the model
/// has a default, so a copy of the document that keeps only one branch fails exactly when that branch is
/// bad; the search walks down the failing branches. Runs only after a failure.
fn locate(body: &Value, root: &str) -> String {
    let mut steps: Vec<PathStep> = Vec::new();
    while let Some(node) = node_at(body, &steps) {
        let (children, empty): (Vec<PathStep>, Value) = match node {
            Value::Object(map) => (
                map.keys().cloned().map(PathStep::Key).collect(),
                Value::Object(Default::default()),
            ),
            Value::Array(items) => (
                (0..items.len()).map(PathStep::Index).collect(),
                Value::Array(Vec::new()),
            ),
            _ => break,
        };
        // A list or object where something else belongs fails even when empty: the node itself is wrong.
        if Workspace::deserialize(&replace_at(prune(body, &steps), &steps, empty)).is_err() {
            break;
        }
        let failing = children.into_iter().find(|child| {
            let mut branch = steps.clone();
            branch.push(child.clone());
            Workspace::deserialize(&prune(body, &branch)).is_err()
        });
        match failing {
            Some(child) => steps.push(child),
            None => break,
        }
    }
    let mut path = root.to_string();
    for step in steps {
        match step {
            PathStep::Key(k) => {
                path.push('.');
                path.push_str(&k);
            }
            PathStep::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

fn node_at<'a>(v: &'a Value, steps: &[PathStep]) -> Option<&'a Value> {
    steps.iter().try_fold(v, |node, step| match step {
        PathStep::Key(k) => node.get(k.as_str()),
        PathStep::Index(i) => node.get(*i),
    })
}

/// `v` with the node at `steps` (which must exist along a pruned branch) replaced by `new`.
fn replace_at(mut v: Value, steps: &[PathStep], new: Value) -> Value {
    let mut node = &mut v;
    for step in steps {
        let next = match step {
            PathStep::Key(k) => node.get_mut(k.as_str()),
            // Pruned arrays hold only the followed element, at index 0.
            PathStep::Index(_) => node.get_mut(0),
        };
        match next {
            Some(n) => node = n,
            None => return v,
        }
    }
    *node = new;
    v
}

/// A copy of `v` that keeps only the branch named by `steps` (the last node in full).
fn prune(v: &Value, steps: &[PathStep]) -> Value {
    let Some((first, rest)) = steps.split_first() else {
        return v.clone();
    };
    match (first, v) {
        (PathStep::Key(k), Value::Object(map)) => {
            let mut out = serde_json::Map::new();
            if let Some(child) = map.get(k) {
                out.insert(k.clone(), prune(child, rest));
            }
            Value::Object(out)
        }
        (PathStep::Index(i), Value::Array(items)) => Value::Array(
            items
                .get(*i)
                .map(|c| vec![prune(c, rest)])
                .unwrap_or_default(),
        ),
        _ => v.clone(),
    }
}
