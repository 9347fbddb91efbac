//! JSON Schema of the file, generated from the Rust types (native builds only). `docs/file-format.schema.json`
//! is checked in; a test fails when it is stale.

use super::envelope::EnvelopeIn;
use serde_json::Value;

pub fn schema_json() -> String {
    let schema = schemars::schema_for!(EnvelopeIn);
    let mut value = serde_json::to_value(&schema).unwrap_or_default();
    drop_generated_defaults(&mut value);
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// Ids and timestamps default to fresh values when a file leaves them out; a schema must not show one
/// particular random value as "the" default.
fn drop_generated_defaults(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for key in ["id", "created_at", "updated_at", "set_aside_at"] {
                    if let Some(Value::Object(p)) = props.get_mut(key) {
                        p.remove("default");
                    }
                }
            }
            map.values_mut().for_each(drop_generated_defaults);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_generated_defaults),
        _ => {}
    }
}
