//! A place in a record or a workspace as typed steps, not text: `participants[2].name` is the key
//! `participants`, the index 2 and the key `name`. Rules name the fields they flag by it, lenient loading
//! repairs the value it points at, and `text::place` says it in words, each without parsing text back.
//! Only where a path is stored as text (a set-aside note in a file, a place written by an older Trappe)
//! is it written with `Display` and read with `parse`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One step of a path: an object's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

/// A path of steps from a root (a record, a workspace); empty is the root itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Vec<PathStep>);

impl FieldPath {
    /// The path of one field of a record: `title`.
    pub fn key(key: impl Into<String>) -> Self {
        FieldPath(vec![PathStep::Key(key.into())])
    }

    /// This path, then `key`.
    #[must_use]
    pub fn then(mut self, key: impl Into<String>) -> Self {
        self.0.push(PathStep::Key(key.into()));
        self
    }

    /// This path, then the list's `index`-th item.
    #[must_use]
    pub fn at(mut self, index: usize) -> Self {
        self.0.push(PathStep::Index(index));
        self
    }

    /// This path, then every step of `rest`.
    #[must_use]
    pub fn join(mut self, rest: &FieldPath) -> Self {
        self.0.extend(rest.0.iter().cloned());
        self
    }

    pub fn steps(&self) -> &[PathStep] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The key, when the path is one field of the record itself (`title`, not `budget[2].amount`).
    pub fn as_key(&self) -> Option<&str> {
        match self.0.as_slice() {
            [PathStep::Key(k)] => Some(k),
            _ => None,
        }
    }

    /// The first step's key: the record's own field a nested path belongs to (`budget` of
    /// `budget[2].amount`).
    pub fn first_key(&self) -> Option<&str> {
        match self.0.first() {
            Some(PathStep::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// The last key: the field itself (`amount` of `budget[2].amount`).
    pub fn last_key(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|s| match s {
            PathStep::Key(k) => Some(k.as_str()),
            PathStep::Index(_) => None,
        })
    }

    /// The index right after key `list` (2 for `budget` in `budget[2].amount`).
    pub fn index_after(&self, list: &str) -> Option<usize> {
        self.0.windows(2).find_map(|w| match w {
            [PathStep::Key(k), PathStep::Index(i)] if k == list => Some(*i),
            _ => None,
        })
    }

    /// Reads a path as `Display` writes it (`a.b[2].c`). Text that is no path reads as the keys it holds;
    /// an index that is no number is left out.
    pub fn parse(text: &str) -> Self {
        let mut out = Vec::new();
        for part in text.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if !key.is_empty() {
                out.push(PathStep::Key(key.to_string()));
            }
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse() {
                    out.push(PathStep::Index(n));
                }
                rest = &rest[end + 1..];
            }
        }
        FieldPath(out)
    }
}

/// One field of a record by its name (`"title"`); a nested field is built with `then` and `at`.
impl From<&str> for FieldPath {
    fn from(key: &str) -> Self {
        debug_assert!(
            !key.contains(['.', '[']),
            "one key, not a path written as text: {key}"
        );
        FieldPath::key(key)
    }
}

impl From<Vec<PathStep>> for FieldPath {
    fn from(steps: Vec<PathStep>) -> Self {
        FieldPath(steps)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Key(k) if n == 0 => f.write_str(k)?,
                PathStep::Key(k) => write!(f, ".{k}")?,
                PathStep::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// Stored as its text, as files have always written a field.
impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| FieldPath::parse(&s))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for FieldPath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldPath".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A field within the record, by key and list index: `participants[2].name`."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_written_and_read_back_step_by_step() {
        let p = FieldPath::key("workspace")
            .then("plan")
            .then("initiatives")
            .at(7)
            .then("history")
            .at(3)
            .then("text");
        assert_eq!(
            p.to_string(),
            "workspace.plan.initiatives[7].history[3].text"
        );
        assert_eq!(FieldPath::parse(&p.to_string()), p);
        let nested = FieldPath::key("a").at(1).at(2);
        assert_eq!(nested.to_string(), "a[1][2]");
        assert_eq!(FieldPath::parse("a[1][2]"), nested);
        assert_eq!(FieldPath::parse(""), FieldPath::default());
        assert_eq!(FieldPath::default().to_string(), "");
    }

    #[test]
    fn the_parts_a_form_needs_are_read_from_steps() {
        let p = FieldPath::key("budget").at(2).then("amount");
        assert_eq!(p.first_key(), Some("budget"));
        assert_eq!(p.as_key(), None);
        assert_eq!(FieldPath::key("title").as_key(), Some("title"));
        assert_eq!(p.last_key(), Some("amount"));
        assert_eq!(p.index_after("budget"), Some(2));
        assert_eq!(p.index_after("history"), None);
        assert_eq!(
            FieldPath::key("questions").at(4).last_key(),
            Some("questions")
        );
    }

    #[test]
    fn text_that_is_no_path_reads_as_its_keys() {
        assert_eq!(
            FieldPath::parse("a[x].b"),
            FieldPath::key("a").then("b"),
            "an index that is no number is left out"
        );
        assert_eq!(FieldPath::parse("..a"), FieldPath::key("a"));
        assert_eq!(FieldPath::parse("a]b"), FieldPath::key("a]b"));
    }

    #[test]
    fn it_is_stored_as_text() {
        let p = FieldPath::key("per_step").then("1c8e").then("x");
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v, serde_json::json!("per_step.1c8e.x"));
        assert_eq!(serde_json::from_value::<FieldPath>(v).unwrap(), p);
    }
}
