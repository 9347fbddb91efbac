//! JSON text cut into pieces without reading it: where a value ends, an object's members (a stored pack's
//! records), and a file's record lists taken out of it (`cut`). Each piece is then read by serde on its
//! own, which checks it, so the cutting only follows the structure (strings, braces, brackets, commas)
//! and gives `None` at anything it does not expect; the caller then reads the whole text the usual way.
//! memchr finds the next quote or bracket a word at a time: most of a record is text inside strings.

use std::ops::Range;

/// The first position at or after `i` that is not JSON white space.
pub(crate) fn space(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// One past the closing quote of the string opening at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// One past the bracket closing the object or array opening at `start`, going by its own kind of
/// bracket outside strings (the other kind balances inside anyway, or serde finds that it does not).
fn nested_end(b: &[u8], start: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        i += memchr::memchr3(b'"', open, close, b.get(i..)?)?;
        match b[i] {
            b'"' => i = string_end(b, i)?,
            c if c == open => {
                depth += 1;
                i += 1;
            }
            _ => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
}

/// One past the end of the JSON value starting at `start` (after white space).
pub(crate) fn value_end(b: &[u8], start: usize) -> Option<usize> {
    match b.get(start)? {
        b'"' => string_end(b, start),
        b'{' => nested_end(b, start, b'{', b'}'),
        b'[' => nested_end(b, start, b'[', b']'),
        _ => {
            // A number, true, false or null: up to the next separator.
            let len = b[start..]
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(b.len() - start);
            (len > 0).then_some(start + len)
        }
    }
}

/// A member of an object: its key as written (only keys without escapes) and where its value is.
pub(crate) struct Member<'a> {
    pub key: &'a [u8],
    pub value: Range<usize>,
}

/// The members of the object opening at `start`, and one past its closing brace.
pub(crate) fn members(b: &[u8], start: usize) -> Option<(Vec<Member<'_>>, usize)> {
    (b.get(start) == Some(&b'{')).then_some(())?;
    let mut out = Vec::new();
    let mut i = space(b, start + 1);
    if b.get(i) == Some(&b'}') {
        return Some((out, i + 1));
    }
    loop {
        let (key, from) = key(b, i)?;
        let to = value_end(b, from)?;
        out.push(Member {
            key,
            value: from..to,
        });
        i = space(b, to);
        match b.get(i)? {
            b',' => i = space(b, i + 1),
            b'}' => return Some((out, i + 1)),
            _ => return None,
        }
    }
}

/// Walks the JSON object text `b` and hands each array found at one of `paths` (keys from the top, e.g.
/// `["workspace", "meetings"]`) to `take`, with its path's index and where it opens; `take` reads it and
/// says where it ends. Returns the text with each of those arrays left empty (`[]`); a path whose value is
/// no array stays as it is. The rest is only walked, not read: serde reads the returned text.
pub(crate) async fn cut<F>(b: &[u8], paths: &[&[&str]], mut take: F) -> Option<Vec<u8>>
where
    F: AsyncFnMut(usize, usize) -> Option<usize>,
{
    let mut skeleton = Vec::new();
    let mut copied = 0;
    // The keys of the objects the walk is inside, below the top one.
    let mut at: Vec<&[u8]> = Vec::new();
    let mut i = space(b, 0);
    (b.get(i) == Some(&b'{')).then_some(())?;
    i = space(b, i + 1);
    let mut opened = true;
    'member: loop {
        let mut closed = false;
        if opened && b.get(i) == Some(&b'}') {
            i += 1;
            closed = true;
        } else {
            let (key, value) = key(b, i)?;
            at.push(key);
            let matches = |p: &&[&str]| {
                p.len() >= at.len() && p.iter().zip(&at).all(|(k, a)| k.as_bytes() == *a)
            };
            let whole = paths.iter().position(|p| p.len() == at.len() && matches(p));
            let within = paths.iter().any(|p| p.len() > at.len() && matches(p));
            match (b.get(value)?, whole) {
                (b'[', Some(path)) => {
                    let end = take(path, value).await?;
                    skeleton.extend_from_slice(&b[copied..=value]);
                    skeleton.push(b']');
                    copied = end;
                    i = end;
                    at.pop();
                }
                (b'{', _) if within => {
                    i = space(b, value + 1);
                    opened = true;
                    continue 'member;
                }
                _ => {
                    i = value_end(b, value)?;
                    at.pop();
                }
            }
        }
        // After a member's value, or an object closed.
        loop {
            // The top object closed: the walk is done.
            if closed && at.pop().is_none() {
                skeleton.extend_from_slice(&b[copied..]);
                return Some(skeleton);
            }
            i = space(b, i);
            match b.get(i)? {
                b',' => {
                    i = space(b, i + 1);
                    opened = false;
                    continue 'member;
                }
                b'}' => {
                    i += 1;
                    closed = true;
                }
                _ => return None,
            }
        }
    }
}

/// A member's key at `i` (only keys without escapes) and where its value begins.
fn key(b: &[u8], i: usize) -> Option<(&[u8], usize)> {
    (b.get(i) == Some(&b'"')).then_some(())?;
    let close = i + 1 + memchr::memchr2(b'"', b'\\', b.get(i + 1..)?)?;
    (b[close] == b'"').then_some(())?;
    let colon = space(b, close + 1);
    (b.get(colon) == Some(&b':')).then_some(())?;
    Some((&b[i + 1..close], space(b, colon + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cut`, with each array taken whole as its text.
    fn cut_now(b: &[u8], paths: &[&[&str]]) -> Option<(String, Vec<(usize, String)>)> {
        let mut lists = Vec::new();
        let skeleton = futures::executor::block_on(cut(b, paths, async |path, start| {
            let end = value_end(b, start)?;
            lists.push((path, String::from_utf8_lossy(&b[start..end]).into_owned()));
            Some(end)
        }))?;
        Some((String::from_utf8(skeleton).unwrap(), lists))
    }

    #[test]
    fn values_end_where_json_says_they_end() {
        for (text, end) in [
            (r#""a\"b" x"#, 6),
            (r#""a\\" x"#, 5),
            (r#"{"a":"}"} x"#, 9),
            (r#"[1,[2,"]"],{}] x"#, 14),
            ("12.5e3, x", 6),
            ("true}", 4),
            ("null", 4),
        ] {
            assert_eq!(value_end(text.as_bytes(), 0), Some(end), "{text}");
        }
        for broken in [r#""open"#, "{", "[[]", ",", ""] {
            assert_eq!(value_end(broken.as_bytes(), 0), None, "{broken}");
        }
    }

    #[test]
    fn arrays_at_the_paths_asked_for_are_cut_out_and_the_rest_kept_as_written() {
        let text = r#" { "format":"x", "workspace" : { "name":"[a]", "empty": {},
            "meetings" : [ {"id":1,"t":"]}"} ,{"id":2} ],
            "plan":{"goals":[], "initiatives":[{"i":[1]}]}, "other":{"meetings":[9]} } } "#;
        let paths: &[&[&str]] = &[
            &["workspace", "meetings"],
            &["workspace", "plan", "goals"],
            &["workspace", "plan", "initiatives"],
        ];
        let (skeleton, lists) = cut_now(text.as_bytes(), paths).unwrap();
        let v: serde_json::Value = serde_json::from_str(&skeleton).unwrap();
        assert_eq!(v["workspace"]["meetings"], serde_json::json!([]));
        assert_eq!(v["workspace"]["plan"]["initiatives"], serde_json::json!([]));
        assert_eq!(v["workspace"]["name"], "[a]");
        assert_eq!(
            v["workspace"]["other"]["meetings"],
            serde_json::json!([9]),
            "only the paths asked for"
        );
        let lists: Vec<(usize, &str)> = lists.iter().map(|(p, t)| (*p, t.as_str())).collect();
        assert_eq!(
            lists,
            vec![
                (0, r#"[ {"id":1,"t":"]}"} ,{"id":2} ]"#),
                (1, "[]"),
                (2, r#"[{"i":[1]}]"#),
            ]
        );
        // The rest of the text is kept as written, trailing space too.
        assert!(
            skeleton.starts_with(r#" { "format":"x", "workspace" : { "name":"[a]", "empty": {},"#)
        );
        assert!(skeleton.ends_with("} } "));
    }

    #[test]
    fn anything_unexpected_gives_up() {
        let paths: &[&[&str]] = &[&["w", "m"]];
        for broken in [
            r#"{"w":{"m":[{"a":1}"#,
            r#"{"w" {"m":[]}}"#,
            r#"{"w":{"m":[]} "x":1}"#,
            r#"{"w\u0020":{"m":[]}}"#,
            r#"{"w":{"m":[]}"#,
            r#"["w"]"#,
            "",
        ] {
            assert!(cut_now(broken.as_bytes(), paths).is_none(), "{broken}");
        }
        // A path whose value is no array stays in the skeleton, for serde to judge; so does text after
        // the end.
        let (skeleton, lists) = cut_now(br#"{"w":{"m":null}} x"#, paths).unwrap();
        assert_eq!(skeleton, r#"{"w":{"m":null}} x"#);
        assert!(lists.is_empty());
    }

    #[test]
    fn members_are_found_with_their_keys_as_written() {
        let text = br#"{ "a" : 1, "b":{"c":[]} ,"d":"}" }"#;
        let (m, end) = members(text, 0).unwrap();
        let got: Vec<(&[u8], &[u8])> = m.iter().map(|m| (m.key, &text[m.value.clone()])).collect();
        assert_eq!(
            got,
            vec![
                (&b"a"[..], &b"1"[..]),
                (b"b", br#"{"c":[]}"#),
                (b"d", br#""}""#)
            ]
        );
        assert_eq!(end, text.len());
        assert!(members(br#"{"a":1,}"#, 0).is_none());
    }
}
