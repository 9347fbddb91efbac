//! One bad token must not refuse a whole file. serde_json refuses the whole text for a string with a lone
//! surrogate (`"\ud800"`) or another broken `\` escape, and for a number too large for a float (`1e309`).
//! Only when that happens, a small pre-pass finds each such token and puts a marker string in its place: the
//! text then parses, restoring sets aside the record that holds the marker (with the token as it was
//! written), and everything else reads as usual. Clean text never comes here: the fast path and the plain
//! parse see it first.

use super::import::DataProblem;
use crate::model::field_path::FieldPath;
use serde_json::Value;

/// Starts every marker string: two noncharacters around a word, which no text typed by a user contains.
const PREFIX: &str = "\u{FDD0}trappe-ulæseligt\u{FDD0}";
const TEXT: char = 's';
const NUMBER: char = 'n';

/// A text that is not JSON: serde_json's message, at its place in the text as written.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub problem: DataProblem,
}

impl From<serde_json::Error> for SyntaxError {
    fn from(e: serde_json::Error) -> Self {
        SyntaxError {
            line: e.line(),
            column: e.column(),
            problem: DataProblem::from_serde(&e),
        }
    }
}

/// Parses JSON text; where serde_json refuses it for bad tokens only, they are marked and it is parsed
/// again. A text that still does not parse gives the first problem the marking could not fix, at its
/// place in the text as written.
pub(crate) fn parse_value(text: &[u8]) -> Result<Value, SyntaxError> {
    let first = match serde_json::from_slice::<Value>(text) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if !fixable(&first) {
        return Err(first.into());
    }
    let Ok(s) = std::str::from_utf8(text) else {
        return Err(first.into());
    };
    let (marked, shifts) = mark(s);
    if shifts.is_empty() {
        return Err(first.into());
    }
    serde_json::from_slice::<Value>(marked.as_bytes()).map_err(|e| {
        if fixable(&e) {
            return first.into();
        }
        let (line, column) = (e.line(), e.column());
        let delta: isize = shifts
            .iter()
            .filter(|s| s.line == line && s.end_column < column)
            .map(|s| s.delta)
            .sum();
        SyntaxError {
            line,
            column: (column as isize - delta).max(1) as usize,
            problem: DataProblem::from_serde(&e),
        }
    })
}

/// Whether serde_json refused the text for a token the pre-pass can mark.
fn fixable(e: &serde_json::Error) -> bool {
    e.classify() == serde_json::error::Category::Syntax
        && matches!(
            DataProblem::from_serde(e),
            DataProblem::BadCharacter(_) | DataProblem::NumberOutOfRange
        )
}

/// Where a replacement changed the length of a line: columns after `end_column` (in the marked text) move
/// by `delta`.
#[derive(Clone, Copy, Debug)]
struct Shift {
    line: usize,
    end_column: usize,
    delta: isize,
}

/// The text with every bad token replaced by a marker string, and where lines changed length.
fn mark(text: &str) -> (String, Vec<Shift>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 64);
    let mut shifts = Vec::new();
    let (mut line, mut column) = (1usize, 0usize);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end = match b {
            b'"' => match string_end(bytes, i) {
                Some(end) => end,
                None => break,
            },
            b'-' | b'0'..=b'9' => {
                let mut end = i + 1;
                while end < bytes.len()
                    && matches!(bytes[end], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    end += 1;
                }
                end
            }
            b'\n' => {
                line += 1;
                column = 0;
                i += 1;
                continue;
            }
            _ => {
                column += 1;
                i += 1;
                continue;
            }
        };
        let token = &text[i..end];
        let kind = if b == b'"' {
            bad_escape(token).map(|_| TEXT)
        } else {
            token
                .parse::<f64>()
                .is_ok_and(|f| f.is_infinite())
                .then_some(NUMBER)
        };
        // Tokens never hold a raw newline that the marker would lose: a string with one is left as it
        // is (serde_json refuses it on its own), so lines stay where they were.
        match kind {
            Some(kind) if !token.contains('\n') => {
                out.push_str(&text[copied..i]);
                let marker = marker_json(kind, token);
                column += marker.len();
                shifts.push(Shift {
                    line,
                    end_column: column,
                    delta: marker.len() as isize - token.len() as isize,
                });
                out.push_str(&marker);
                copied = end;
            }
            _ => {
                line += token.matches('\n').count();
                column = match token.rfind('\n') {
                    Some(n) => token.len() - n - 1,
                    None => column + token.len(),
                };
            }
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    (out, shifts)
}

/// The end (one past the closing quote) of the string starting at `start`, or `None` when it never ends.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The first `\` escape in a string token (quotes included) that serde_json refuses: a lone surrogate, a
/// `\u` without four hex digits, an unknown escape.
fn bad_escape(token: &str) -> Option<String> {
    let b = token.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let digits = token.get(at..at + 4)?;
        digits
            .bytes()
            .all(|c| c.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(digits, 16).ok())?
    };
    let mut i = 1;
    while i + 1 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match b[i + 1] {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
            b'u' => match hex(i + 2) {
                Some(0xD800..=0xDBFF) => {
                    let paired = b.get(i + 6) == Some(&b'\\')
                        && b.get(i + 7) == Some(&b'u')
                        && matches!(hex(i + 8), Some(0xDC00..=0xDFFF));
                    if !paired {
                        return Some(token[i..i + 6].to_string());
                    }
                    i += 12;
                }
                Some(0xDC00..=0xDFFF) => return Some(token[i..i + 6].to_string()),
                Some(_) => i += 6,
                None => {
                    let end = (i + 6).min(b.len() - 1);
                    return Some(token.get(i..end).unwrap_or("\\u").to_string());
                }
            },
            _ => return Some(token.get(i..i + 2).unwrap_or("\\").to_string()),
        }
    }
    None
}

/// The marker for `token`, as JSON text.
fn marker_json(kind: char, token: &str) -> String {
    let mut s = String::with_capacity(PREFIX.len() + token.len() + 1);
    s.push_str(PREFIX);
    s.push(kind);
    s.push_str(token);
    serde_json::to_string(&s).unwrap_or_default()
}

/// The token a marker string stands for, as written.
fn token_of(s: &str) -> Option<(char, &str)> {
    let rest = s.strip_prefix(PREFIX)?;
    let kind = rest.chars().next()?;
    Some((kind, &rest[kind.len_utf8()..]))
}

/// What is wrong with the value a marker stands in for; `None` for any other text.
pub(crate) fn marked(s: &str) -> Option<DataProblem> {
    let (kind, token) = token_of(s)?;
    Some(if kind == NUMBER {
        DataProblem::NumberTooLarge(token.to_string())
    } else {
        DataProblem::BadCharacter(bad_escape(token).unwrap_or_default())
    })
}

fn is_marker(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.starts_with(PREFIX))
}

/// Whether `v` holds a marker anywhere (in a value or a key).
pub(crate) fn has_marks(v: &Value) -> bool {
    match v {
        Value::String(s) => s.starts_with(PREFIX),
        Value::Array(items) => items.iter().any(has_marks),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.starts_with(PREFIX) || has_marks(v)),
        _ => false,
    }
}

/// What became of one marked token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Found {
    /// A text whose broken `\` code (as written) was replaced by U+FFFD; the rest of the text is kept.
    Replaced(String),
    /// A value that could not be kept at all (a number too large), left out.
    LeftOut(DataProblem),
}

/// The text of a string token with each broken `\` code replaced by U+FFFD.
fn repaired_text(token: &str) -> Option<String> {
    let mut fixed = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(code) = bad_escape(rest) {
        let at = rest.find(code.as_str())?;
        fixed.push_str(&rest[..at]);
        fixed.push_str("\\ufffd");
        rest = &rest[at + code.len()..];
    }
    fixed.push_str(rest);
    serde_json::from_slice(fixed.as_bytes()).ok()
}

/// `v` with its markers undone as far as they can be: a text keeps everything but its broken code (now
/// U+FFFD), a number too large is left out. For each, the field it was in (`participants[2].name`; for a
/// key, the object holding it) and what became of it. `None` when `v` holds no marker; a marker that is
/// `v` itself stays.
pub(crate) fn strip_marks(v: &Value) -> Option<(Value, Vec<(FieldPath, Found)>)> {
    if !has_marks(v) || is_marker(v) {
        return None;
    }
    /// The value a marker becomes, if any, and what became of it.
    fn undo(s: &str) -> (Option<String>, Found) {
        match token_of(s) {
            Some((TEXT, token)) => match repaired_text(token) {
                Some(text) => (
                    Some(text),
                    Found::Replaced(bad_escape(token).unwrap_or_default()),
                ),
                None => (
                    None,
                    Found::LeftOut(DataProblem::BadCharacter(
                        bad_escape(token).unwrap_or_default(),
                    )),
                ),
            },
            _ => (
                None,
                Found::LeftOut(marked(s).unwrap_or(DataProblem::Syntax)),
            ),
        }
    }
    fn walk(v: &Value, here: &FieldPath, found: &mut Vec<(FieldPath, Found)>) -> Value {
        match v {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let at = here.clone().at(i);
                    match item {
                        Value::String(s) if s.starts_with(PREFIX) => {
                            let (text, what) = undo(s);
                            found.push((at, what));
                            out.extend(text.map(Value::String));
                        }
                        other => out.push(walk(other, &at, found)),
                    }
                }
                Value::Array(out)
            }
            Value::Object(map) => {
                let mut out = serde_json::Map::new();
                for (k, item) in map {
                    let key = if k.starts_with(PREFIX) {
                        let (text, what) = undo(k);
                        found.push((here.clone(), what));
                        match text {
                            Some(t) => t,
                            None => continue,
                        }
                    } else {
                        k.clone()
                    };
                    let at = here.clone().then(key.clone());
                    match item {
                        Value::String(s) if s.starts_with(PREFIX) => {
                            let (text, what) = undo(s);
                            found.push((at, what));
                            if let Some(t) = text {
                                out.insert(key, Value::String(t));
                            }
                        }
                        other => {
                            out.insert(key, walk(other, &at, found));
                        }
                    }
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
    let mut found = Vec::new();
    let clean = walk(v, &FieldPath::default(), &mut found);
    Some((clean, found))
}

/// `v` as compact JSON text, with every marker written back as the token it stands for: the original as
/// it was in the file.
pub(crate) fn original_text(v: &Value) -> String {
    if !has_marks(v) {
        return v.to_string();
    }
    fn string(s: &str, out: &mut String) {
        match token_of(s) {
            Some((_, token)) => out.push_str(token),
            None => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        }
    }
    fn write(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (k, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(k, out);
                    out.push(':');
                    write(item, out);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(v, &mut out);
    out
}

/// A text that may be a marker, as written in the file.
pub(crate) fn as_written(s: &str) -> String {
    token_of(s).map_or_else(|| s.to_string(), |(_, t)| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_parsed_as_it_is() {
        assert_eq!(
            parse_value(br#"{"a":"\ud83d\ude00","b":1e308}"#).unwrap()["a"],
            "😀"
        );
    }

    #[test]
    fn lone_surrogates_broken_escapes_and_huge_numbers_are_marked_and_kept_as_written() {
        let text = r#"{"a":"x\ud800y","b":[1e309,-1E+400,2],"c":"\udc00","d":"\u12","e":"\q","\ud801":1,"f":"ok\\ud800"}"#;
        let v = parse_value(text.as_bytes()).unwrap();
        assert_eq!(
            marked(v["a"].as_str().unwrap()),
            Some(DataProblem::BadCharacter("\\ud800".into()))
        );
        assert_eq!(
            marked(v["b"][0].as_str().unwrap()),
            Some(DataProblem::NumberTooLarge("1e309".into()))
        );
        assert_eq!(
            marked(v["b"][1].as_str().unwrap()),
            Some(DataProblem::NumberTooLarge("-1E+400".into()))
        );
        assert_eq!(v["b"][2], 2);
        assert_eq!(
            marked(v["d"].as_str().unwrap()),
            Some(DataProblem::BadCharacter("\\u12".into()))
        );
        assert_eq!(
            marked(v["e"].as_str().unwrap()),
            Some(DataProblem::BadCharacter("\\q".into()))
        );
        // An escaped backslash is no escape.
        assert_eq!(v["f"], "ok\\ud800");
        let (clean, found) = strip_marks(&v).unwrap();
        assert!(!has_marks(&clean));
        let fields: Vec<String> = found.iter().map(|(f, _)| f.to_string()).collect();
        assert_eq!(fields, vec!["a", "b[0]", "b[1]", "c", "d", "e", ""]);
        // Texts keep everything but the broken code; numbers too large are left out.
        assert_eq!(clean["a"], "x\u{fffd}y");
        assert_eq!(clean["c"], "\u{fffd}");
        assert_eq!(clean["d"], "\u{fffd}");
        assert_eq!(clean["\u{fffd}"], 1);
        assert_eq!(found[0].1, Found::Replaced("\\ud800".into()));
        assert_eq!(
            found[1].1,
            Found::LeftOut(DataProblem::NumberTooLarge("1e309".into()))
        );
        assert_eq!(clean["b"], serde_json::json!([2]));
    }

    #[test]
    fn the_original_text_has_the_tokens_as_written() {
        let text = r#"{"notes":"x\ud800y","n":[1e309]}"#;
        let v = parse_value(text.as_bytes()).unwrap();
        assert_eq!(original_text(&v), r#"{"n":[1e309],"notes":"x\ud800y"}"#);
    }

    #[test]
    fn other_syntax_errors_are_still_refused_at_their_place_as_written() {
        let e = parse_value(b"{\"a\":\"\\ud800\", \"b\":1e309 \"c\":1}").unwrap_err();
        assert_eq!((e.line, e.column), (1, 26), "{e:?}");
        assert_eq!(e.problem, DataProblem::Syntax, "{e:?}");
        // Cut off in the middle of a string: nothing to mark.
        assert!(parse_value(b"{\"a\":\"\\ud800").is_err());
        // A raw newline inside a string is left for serde_json to refuse.
        assert!(parse_value(b"{\"a\":\"\\ud800\n\"}").is_err());
    }
}
