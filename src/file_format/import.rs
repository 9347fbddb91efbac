//! Reading a workspace file: size, encoding, syntax, envelope, version, migration, types, then a whole-
//! restoring every record (`restore`). A file that is not a Trappe workspace is refused whole; inside one,
//! bad records are repaired or set aside, never silently dropped.

use super::envelope::{FORMAT, FORMAT_V0, VERSION};
use super::migrate::{migrate, MigrationError};
use super::pace::Pace;
use super::restore::{restore, RestoreReport};
use crate::model::field_path::FieldPath;
use crate::model::record::RecordKind;
use crate::model::validation::Validation;
use crate::model::Workspace;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Files larger than this are refused before they are parsed (a 10,000-meeting workspace is about 20 MB
/// pretty-printed).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// The largest workspace Trappe holds: its compact JSON (as stored, and as exported when the pretty form
/// would not fit in a file) stays within this, so every workspace the app holds exports to a file it reads
/// back (`MAX_WORKSPACE_BYTES` < `MAX_FILE_BYTES`). About 120,000 meetings.
pub const MAX_WORKSPACE_BYTES: usize = 160 * 1024 * 1024;

#[derive(Debug)]
pub struct Imported {
    pub workspace: Workspace,
    /// The version the file had, when it was older than the current one.
    pub migrated_from: Option<u32>,
    /// What was repaired or left out (and kept in `workspace.set_aside`).
    pub report: RestoreReport,
}

/// What went wrong, as data; `text::file` turns it into Danish.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// The file reads, but its workspace is larger than Trappe holds.
    WorkspaceTooLarge {
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
        path: FieldPath,
        line: usize,
        column: usize,
        problem: DataProblem,
    },
    /// A file protected with a passphrase (`sealed`): it is opened with the passphrase first.
    Sealed,
}

impl From<super::tokens::SyntaxError> for ImportError {
    fn from(e: super::tokens::SyntaxError) -> Self {
        ImportError::Syntax {
            line: e.line,
            column: e.column,
            problem: e.problem,
        }
    }
}

pub use crate::model::set_aside::DataProblem;

impl DataProblem {
    /// Sorts a serde_json error into what a Danish message needs. The category is serde_json's own
    /// (`classify`). Within it the kind has no type: serde_json keeps its error codes private, and a
    /// `Deserialize` impl (ours, chrono's, uuid's) reports through `serde::de::Error`, which carries only
    /// a message. So the kind is read from the message formats serde, serde_json, chrono and uuid write;
    /// the tests below pin each one, so an upgrade that changes a format fails here, not in a user's hands.
    pub(crate) fn from_serde(e: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let text = e.to_string();
        // serde_json appends " at line L column C" when it knows the place; the place is carried apart.
        let msg = match e.line() {
            0 => text.as_str(),
            _ => text.rsplit_once(" at line ").map_or(text.as_str(), |x| x.0),
        };
        match e.classify() {
            Category::Eof => DataProblem::UnexpectedEnd,
            Category::Syntax => Self::syntax(msg),
            Category::Data => Self::data(msg),
            Category::Io => DataProblem::Other(msg.to_string()),
        }
    }

    /// A token serde_json could not read (`ErrorCode`'s texts).
    fn syntax(msg: &str) -> Self {
        if msg.contains("hex escape")
            || msg.contains("invalid escape")
            || msg.contains("invalid unicode code point")
            || msg.contains("lone leading surrogate")
            || msg.contains("unexpected end of hex escape")
        {
            DataProblem::BadCharacter(String::new())
        } else if msg.starts_with("control character") {
            DataProblem::ControlCharacter
        } else if msg.starts_with("number out of range") {
            DataProblem::NumberOutOfRange
        } else if msg.starts_with("trailing characters") {
            DataProblem::TrailingCharacters
        } else if msg.starts_with("recursion limit") {
            DataProblem::TooDeep
        } else {
            DataProblem::Syntax
        }
    }

    /// A value of the wrong kind for its field: serde's `de::Error` formats, then chrono's and uuid's.
    fn data(msg: &str) -> Self {
        let between = |a: &str, b: &str| -> String {
            msg.split_once(a)
                .map_or("", |x| x.1)
                .split(b)
                .next()
                .unwrap_or("")
                .to_string()
        };
        if let Some(rest) = msg.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            DataProblem::WrongType {
                found: found.to_string(),
                expected: expected.to_string(),
            }
        } else if msg.starts_with("unknown variant") {
            DataProblem::UnknownValue {
                found: between("`", "`"),
                allowed: msg.split_once("expected ").map_or("", |x| x.1).to_string(),
            }
        } else if msg.starts_with("missing field") {
            DataProblem::MissingField(between("`", "`"))
        } else if msg.starts_with("duplicate field") {
            DataProblem::DuplicateField(between("`", "`"))
        } else if [
            "premature end of input",
            "input contains invalid characters",
            "input is out of range",
            "input is not enough for unique date",
            "trailing input",
            "no possible date and time",
        ]
        .iter()
        .any(|m| msg.contains(m))
        {
            DataProblem::BadDate
        } else if msg.contains("UUID") || msg.contains("urn:uuid") || msg.contains("invalid length")
        {
            DataProblem::BadId
        } else if msg.starts_with("invalid value: integer") || msg.contains("out of range") {
            DataProblem::NumberOutOfRange
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
    // A protected file is opened with its passphrase first (`sealed::detect`, before this reader).
    if super::sealed::detect(bytes).is_some() {
        return Err(ImportError::Sealed);
    }
    let imported = read_workspace(bytes)?;
    // A file no larger than the limit holds a workspace no larger (compact JSON is never longer).
    let size = if bytes.len() <= MAX_WORKSPACE_BYTES {
        0
    } else {
        super::export::compact_size(&imported.workspace)
    };
    if size > MAX_WORKSPACE_BYTES {
        return Err(ImportError::WorkspaceTooLarge {
            bytes: size,
            max: MAX_WORKSPACE_BYTES,
        });
    }
    Ok(imported)
}

/// `read_workspace_file` in slices at `pace`, so that the browser can draw between them: a current-version
/// file that keeps every rule is cut into its records (`scan::cut`), which are read one by one. Any other
/// file, or anything amiss, is read whole by `read_workspace_file`, which also gives the error.
pub async fn read_workspace_file_paced(bytes: &[u8], pace: &Pace) -> Result<Imported, ImportError> {
    // A file within the workspace limit passes both size checks.
    if bytes.len() <= MAX_WORKSPACE_BYTES {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some(workspace) = read_clean_paced(b, pace).await {
            return Ok(Imported {
                workspace,
                migrated_from: None,
                report: RestoreReport::default(),
            });
        }
    }
    read_workspace_file(bytes)
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
    if let Some(workspace) = read_clean(bytes) {
        return Ok(Imported {
            workspace,
            migrated_from: None,
            report: RestoreReport::default(),
        });
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(ImportError::NotUtf8 {
            byte_offset: e.valid_up_to(),
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    // One bad token (a lone surrogate, a number too large) is marked and its record set aside, not the file.
    let doc: Value = super::tokens::parse_value(bytes).map_err(ImportError::from)?;
    read_document(doc)
}

/// A parsed document (a file, or a stored workspace put together from its parts): envelope, version,
/// migration, then every record restored.
pub(crate) fn read_document(doc: Value) -> Result<Imported, ImportError> {
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
                Value::String(s) => super::tokens::as_written(s),
                other => super::tokens::original_text(other),
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
            path: FieldPath::key("workspace"),
            line: 0,
            column: 0,
            problem: DataProblem::MissingField("workspace".into()),
        });
    };
    let (workspace, report) = restore(body)?;
    Ok(Imported {
        workspace,
        migrated_from,
        report,
    })
}

/// The record lists of a file, cut out and read one record at a time by `read_clean_paced`.
const LISTS: [(&[&str], RecordKind); 9] = [
    (&["workspace", "staircase", "steps"], RecordKind::Step),
    (
        &["workspace", "staircase", "measurements"],
        RecordKind::Measurement,
    ),
    (&["workspace", "meetings"], RecordKind::Meeting),
    (&["workspace", "meeting_templates"], RecordKind::Template),
    (&["workspace", "plan", "goals"], RecordKind::Goal),
    (&["workspace", "plan", "tracks"], RecordKind::Track),
    (
        &["workspace", "plan", "initiatives"],
        RecordKind::Initiative,
    ),
    (&["workspace", "plan", "indicators"], RecordKind::Indicator),
    (&["workspace", "plan", "timeline"], RecordKind::TimelineRow),
];

/// `read_clean` in slices: each record of a list is read on its own (by serde's reader for a stream of
/// values, which says where it stopped, so each record is read once), the browser let in between; then
/// the file without its lists; then the rules, a record at a time. Anything that does not read gives
/// `None`. Together the pieces are the whole text, so what reads here reads whole too, to the same
/// workspace.
async fn read_clean_paced(b: &[u8], pace: &Pace) -> Option<Workspace> {
    use super::scan::space;
    /// Reads the array opening at `start`, each record by `read` (which reads one from the start of the
    /// text it is given and says how much it took), the browser let in between; where the array ends.
    /// One loop for every type of record: only `one` is made per type.
    async fn list(
        b: &[u8],
        start: usize,
        pace: &Pace,
        read: &mut dyn FnMut(&[u8]) -> Option<usize>,
    ) -> Option<usize> {
        let mut i = space(b, start + 1);
        if b.get(i) == Some(&b']') {
            return Some(i + 1);
        }
        loop {
            i = space(b, i + read(&b[i..])?);
            pace.breathe_at(i, b.len()).await;
            match b.get(i)? {
                b',' => i = space(b, i + 1),
                b']' => return Some(i + 1),
                _ => return None,
            }
        }
    }
    /// Reads one `T` into `out` with serde's reader for a stream of values, which says where it stopped.
    fn one<T: DeserializeOwned>(out: &mut Vec<T>) -> impl FnMut(&[u8]) -> Option<usize> + '_ {
        move |text| {
            let mut record = serde_json::Deserializer::from_slice(text).into_iter::<T>();
            out.push(record.next()?.ok()?);
            Some(record.byte_offset())
        }
    }
    // The lists as they are read, moved into the workspace once the rest of the file is.
    let mut lists = Workspace::default();
    let mut found = Vec::new();
    let paths = LISTS.map(|(path, _)| path);
    let skeleton = super::scan::cut(b, &paths, async |at, start| {
        let kind = LISTS[at].1;
        found.push(kind);
        let l = &mut lists;
        match kind {
            RecordKind::Step => list(b, start, pace, &mut one(&mut l.staircase.steps)).await,
            RecordKind::Measurement => {
                list(b, start, pace, &mut one(&mut l.staircase.measurements)).await
            }
            RecordKind::Meeting => list(b, start, pace, &mut one(&mut l.meetings)).await,
            RecordKind::Template => list(b, start, pace, &mut one(&mut l.meeting_templates)).await,
            RecordKind::Goal => list(b, start, pace, &mut one(&mut l.plan.goals)).await,
            RecordKind::Track => list(b, start, pace, &mut one(&mut l.plan.tracks)).await,
            RecordKind::Initiative => list(b, start, pace, &mut one(&mut l.plan.initiatives)).await,
            RecordKind::Indicator => list(b, start, pace, &mut one(&mut l.plan.indicators)).await,
            RecordKind::TimelineRow => list(b, start, pace, &mut one(&mut l.plan.timeline)).await,
            RecordKind::Intervention => None,
        }
    })
    .await?;
    let f: CleanFile = serde_json::from_slice(&skeleton).ok()?;
    if f.format != FORMAT || f.version != VERSION as u64 {
        return None;
    }
    let mut ws = f.workspace;
    let l = &mut lists;
    for kind in found {
        match kind {
            RecordKind::Step => ws.staircase.steps = std::mem::take(&mut l.staircase.steps),
            RecordKind::Measurement => {
                ws.staircase.measurements = std::mem::take(&mut l.staircase.measurements)
            }
            RecordKind::Meeting => ws.meetings = std::mem::take(&mut l.meetings),
            RecordKind::Template => ws.meeting_templates = std::mem::take(&mut l.meeting_templates),
            RecordKind::Goal => ws.plan.goals = std::mem::take(&mut l.plan.goals),
            RecordKind::Track => ws.plan.tracks = std::mem::take(&mut l.plan.tracks),
            RecordKind::Initiative => ws.plan.initiatives = std::mem::take(&mut l.plan.initiatives),
            RecordKind::Indicator => ws.plan.indicators = std::mem::take(&mut l.plan.indicators),
            RecordKind::TimelineRow => ws.plan.timeline = std::mem::take(&mut l.plan.timeline),
            RecordKind::Intervention => return None,
        }
    }
    keeps_every_rule(&ws, pace).await.then_some(ws)
}

/// Whether `ws` keeps every rule (`validation::validate`), checked a record at a time at `pace`.
pub(crate) async fn keeps_every_rule(ws: &Workspace, pace: &Pace) -> bool {
    let mut rules = Validation::new(ws, "workspace");
    for record in ws.views() {
        rules.record(record);
        pace.breathe().await;
    }
    rules.finish().is_empty()
}

/// A current-version file read straight into the model.
#[derive(serde::Deserialize)]
struct CleanFile {
    format: String,
    version: u64,
    workspace: Workspace,
}

/// The fast path: a current-version file that keeps every rule reads straight into the model, without a
/// JSON value in between. Anything else (other versions, bad values, broken rules) takes the lenient path,
/// which gives the same workspace for a clean file.
fn read_clean(bytes: &[u8]) -> Option<Workspace> {
    let f: CleanFile = serde_json::from_slice(bytes).ok()?;
    if f.format != FORMAT || f.version != VERSION as u64 {
        return None;
    }
    crate::model::validation::validate(&f.workspace, "workspace")
        .is_empty()
        .then_some(f.workspace)
}

/// "string", "number" … for messages about a value of the wrong kind.
pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::DataProblem as P;
    use crate::model::{Id, MeetingStatus};
    use chrono::NaiveDate;
    use serde::de::DeserializeOwned;
    use serde::Deserialize;

    fn problem<T: DeserializeOwned>(json: &str) -> P {
        match serde_json::from_str::<T>(json) {
            Ok(_) => panic!("{json} read"),
            Err(e) => P::from_serde(&e),
        }
    }

    /// Each format `from_serde` reads, from the crate that writes it: if an upgrade changes one, this fails.
    #[test]
    fn every_kind_of_serde_error_is_sorted_from_a_real_error() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Row {
            a: i64,
        }
        assert_eq!(
            problem::<i64>(r#""1.200 kr.""#),
            P::WrongType {
                found: r#"string "1.200 kr.""#.into(),
                expected: "i64".into()
            }
        );
        assert!(matches!(
            problem::<MeetingStatus>(r#""zzz""#),
            P::UnknownValue { found, .. } if found == "zzz"
        ));
        assert_eq!(problem::<Row>("{}"), P::MissingField("a".into()));
        assert_eq!(
            problem::<Row>(r#"{"a":1,"a":2}"#),
            P::DuplicateField("a".into())
        );
        assert_eq!(problem::<NaiveDate>(r#""2019-13-01""#), P::BadDate);
        assert_eq!(problem::<NaiveDate>(r#""8. maj""#), P::BadDate);
        assert_eq!(problem::<NaiveDate>(r#""2019-05-0""#), P::BadDate);
        assert_eq!(problem::<Id>(r#""not-an-id""#), P::BadId);
        assert_eq!(problem::<u8>("300"), P::NumberOutOfRange);
        assert_eq!(problem::<Vec<u8>>("[1,]"), P::Syntax);
        assert_eq!(problem::<Vec<u8>>("[1"), P::UnexpectedEnd);
        assert_eq!(problem::<Vec<u8>>("[1] x"), P::TrailingCharacters);
        assert_eq!(
            problem::<String>(r#""\ud800""#),
            P::BadCharacter(String::new())
        );
        assert_eq!(problem::<String>(r#""\q""#), P::BadCharacter(String::new()));
        assert_eq!(problem::<String>("\"a\tb\""), P::ControlCharacter);
        assert_eq!(problem::<f64>("1e400"), P::NumberOutOfRange);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(problem::<serde_json::Value>(&deep), P::TooDeep);
    }

    #[test]
    fn a_value_read_from_a_tree_is_sorted_the_same_way() {
        let v = serde_json::json!("2019-13-01");
        let e = NaiveDate::deserialize(&v).unwrap_err();
        assert_eq!(P::from_serde(&e), P::BadDate);
        let v = serde_json::json!({"x": 1});
        let e = i64::deserialize(&v).unwrap_err();
        assert!(matches!(P::from_serde(&e), P::WrongType { .. }));
    }
}
