//! Writing a workspace file and naming it. Personal data in it is found in `personal_data`.

use super::envelope::{app_version, EnvelopeOut, FORMAT, VERSION};
use crate::model::Workspace;
use chrono::{DateTime, NaiveDate, Utc};

/// UTF-8 JSON with the envelope, pretty-printed, or compact where the pretty form would be larger than a
/// file Trappe reads: whatever Trappe exports, it imports.
pub fn export_json(ws: &Workspace, exported_at: DateTime<Utc>) -> String {
    export_json_within(ws, exported_at, super::import::MAX_FILE_BYTES)
}

pub fn export_json_within(ws: &Workspace, exported_at: DateTime<Utc>, max_bytes: usize) -> String {
    let compact = storage_json(ws, exported_at);
    let pretty = pretty(&compact);
    if pretty.len() <= max_bytes {
        pretty
    } else {
        compact
    }
}

/// Bytes of the workspace as compact JSON (what `MAX_WORKSPACE_BYTES` limits). Written out, not counted
/// by a writer of its own: every writer type is one more copy of every model type's writer in the app, and
/// this runs only for a file larger than the limit.
pub fn compact_size(ws: &Workspace) -> usize {
    serde_json::to_vec(ws).map_or(0, |json| json.len())
}

/// Compact JSON with the envelope, as kept in browser storage (loads reuse the file import).
pub fn storage_json(ws: &Workspace, saved_at: DateTime<Utc>) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        app_version: app_version(),
        exported_at: saved_at,
        workspace: ws,
    };
    // A workspace holds only strings, numbers, maps with string keys and dates: serializing cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Indents compact JSON (two spaces, as serde_json's pretty printer). Done on the text, so the app
/// carries one JSON serializer for the model instead of two.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// `trappe-koege-2019-2026-11-24.json`: from the workspace name (Danish letters spelled out) and the date.
pub fn file_name(ws: &Workspace, date: NaiveDate) -> String {
    let slug = ascii_slug(&ws.name);
    if slug.is_empty() {
        format!("trappe-{}.json", date)
    } else {
        format!("trappe-{slug}-{}.json", date)
    }
}

/// A name as a plain-ASCII file name part: "Køge 2019 – Årsplan" → "koege-2019-aarsplan". Browsers may
/// replace a download name with non-ASCII letters by "download", so file names never carry æøå.
pub fn ascii_slug(name: &str) -> String {
    let mut slug = String::new();
    for ch in name.to_lowercase().chars() {
        match ch {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ => {
                if !slug.ends_with('-') {
                    slug.push('-')
                }
            }
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meeting;
    use serde_json::Value;

    #[test]
    fn file_name_spells_out_danish_letters() {
        let ws = Workspace::new("Køge 2019 – Årsplan/Ærø");
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            file_name(&ws, d),
            "trappe-koege-2019-aarsplan-aeroe-2026-11-24.json"
        );
        assert_eq!(
            file_name(&Workspace::new("!!!"), d),
            "trappe-2026-11-24.json"
        );
    }

    #[test]
    fn export_has_the_envelope() {
        let ws = Workspace::new("Halsnæs");
        let json = export_json(&ws, Utc::now());
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "trappe-workspace");
        assert_eq!(v["version"], 1);
        assert_eq!(v["workspace"]["name"], "Halsnæs");
        assert!(json.contains("\n  \"workspace\""), "pretty-printed");
    }

    #[test]
    fn pretty_printing_matches_serde_json() {
        let mut ws = Workspace::new("Tekst med \"citat\", {klammer} [og] komma: \\ æøå");
        ws.meetings.push(Meeting::default());
        let compact = serde_json::to_string(&ws).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&ws).unwrap());
    }
}
