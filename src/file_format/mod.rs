//! The shared JSON file: an envelope (format, version, app version, export time) around one workspace.
//! One load path for files and for browser storage alike: `import::read_workspace_file`.
//!
//! May import `model` only (set-aside reasons still come from `text::file`, to be made typed).

pub mod envelope;
pub mod export;
pub mod import;
pub mod migrate;
pub mod pace;
pub mod parts;
pub mod personal_data;
pub mod restore;
mod scan;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sealed;
mod tokens;

pub use envelope::{FORMAT, VERSION};
pub use export::{export_json, file_name, storage_json};
pub use import::{
    read_stored_workspace, read_workspace_file, DataProblem, ImportError, Imported, MAX_FILE_BYTES,
    MAX_WORKSPACE_BYTES,
};
pub use personal_data::{cpr_findings, personal_data_hits, redact, Hit, REDACTED};
pub use restore::RestoreReport;
