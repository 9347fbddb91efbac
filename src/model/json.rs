//! Reading a model type from a JSON value goes through the value's text and `from_slice`, the reader
//! every file, stored part and journal uses, so each model type's reader is in the app once. serde's
//! reader for a `&Value` would be a second copy of every one (about 150 KB of wasm before wasm-opt). Only
//! lenient loading, merging record versions and redaction read values; they pay for printing it first.

use serde::de::DeserializeOwned;
use serde_json::Value;

pub fn read<T: DeserializeOwned>(v: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_slice(&serde_json::to_vec(v)?)
}

#[cfg(test)]
mod tests {
    use super::read;
    use serde_json::json;

    #[test]
    fn reads_as_from_value_would_and_fails_where_it_would() {
        assert_eq!(read::<Vec<u32>>(&json!([1, 2])).unwrap(), vec![1, 2]);
        let e = read::<u32>(&json!(5_000_000_000u64)).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid value: integer `5000000000`"),
            "{e}"
        );
        assert!(read::<String>(&json!({"a": 1})).is_err());
    }
}
