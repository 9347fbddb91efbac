//! The envelope written around a workspace. Readers check `format` first, then `version`.

use crate::model::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The `format` value of every Trappe workspace file.
pub const FORMAT: &str = "trappe-workspace";
/// The format name used by version 0 files (the 2025 prototype).
pub const FORMAT_V0: &str = "trappe";
/// The version this build writes. Older versions are migrated on import; newer ones are refused.
pub const VERSION: u32 = 1;

pub fn app_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// What is written.
#[derive(Serialize)]
pub struct EnvelopeOut<'a> {
    pub format: &'static str,
    pub version: u32,
    pub app_version: &'a str,
    pub exported_at: DateTime<Utc>,
    pub workspace: &'a Workspace,
}

/// The file as read, for the JSON Schema. (Import reads the same fields from a parsed JSON value.)
#[cfg(not(target_arch = "wasm32"))]
#[derive(serde::Deserialize, schemars::JsonSchema)]
pub struct EnvelopeIn {
    /// Always "trappe-workspace".
    pub format: String,
    /// The format version; this build writes 1.
    pub version: u32,
    /// The Trappe version that wrote the file (informative).
    #[serde(default)]
    pub app_version: Option<String>,
    /// When the file was written (informative).
    #[serde(default)]
    pub exported_at: Option<DateTime<Utc>>,
    pub workspace: Workspace,
}
