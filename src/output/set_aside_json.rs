//! The set-aside list as a file for a person to read: every entry as stored (typed reason, original), with
//! the Danish sentence and place beside it, as the app shows them, so the file reads without Trappe.

use crate::model::SetAside;
use crate::text;
use serde_json::Value;

/// The list, pretty-printed. Each entry keeps every stored field and gains `what` (the sentence) and
/// `found` (the place in words).
pub fn set_aside_json(items: &[SetAside]) -> String {
    let list: Vec<Value> = items
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "what".into(),
                    text::file::set_aside_reason(&s.reason).into(),
                );
                o.insert(
                    "found".into(),
                    text::set_aside::found_at(&s.found_at).into(),
                );
            }
            v
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SetAsideReason;

    #[test]
    fn each_entry_carries_its_sentence_and_place_beside_what_is_stored() {
        let entry = SetAside {
            found_at: "workspace.meetings[3]".into(),
            reason: SetAsideReason::UnknownPart,
            original: "{\"x\":1}".into(),
            ..SetAside::default()
        };
        let json: Value =
            serde_json::from_str(&set_aside_json(std::slice::from_ref(&entry))).unwrap();
        let first = &json[0];
        assert_eq!(first["what"], text::file::set_aside_reason(&entry.reason));
        assert_eq!(first["found"], text::set_aside::found_at(&entry.found_at));
        assert_eq!(first["original"], "{\"x\":1}");
        assert_eq!(first["found_at"], "workspace.meetings[3]");
        assert!(first["what"].as_str().is_some_and(|w| !w.is_empty()));
    }
}
