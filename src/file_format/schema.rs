//! JSON Schema of the file, generated from the Rust types (native builds only). `docs/file-format.schema.json`
//! is checked in; a test fails when it is stale.

use super::envelope::EnvelopeIn;

pub fn schema_json() -> String {
    let schema = schemars::schema_for!(EnvelopeIn);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
