//! The words of merging a colleague's copy and settling its conflicts.

use super::file::{field_name, kind_label, kind_plural};
use crate::model::copy_merge::{KindCounts, MergeSummary};
use crate::model::field_path::FieldPath;
use crate::model::record::{Record, RecordKind};
use serde_json::Value;

pub const MERGE_SAME: &str = "Flet filen ind, så ændringerne fra begge udgaver bevares";
pub const CONTINUE: &str = "Fortsæt";
pub const MERGE: &str = "Flet ind";
pub const CANCEL: &str = "Fortryd";
pub const COMPARING: &str = "Sammenligner filen med arbejdsområdet …";
pub const SUMMARY_CAPTION: &str = "Det sker med arbejdsområdet, når filen flettes ind";
pub const AREA: &str = "Område";
pub const ADDED: &str = "Tilføjes";
pub const CHANGED: &str = "Ændres";
pub const DELETED: &str = "Slettes";
pub const CONFLICTS: &str = "Konflikter";
pub const NOTHING: &str = "Filen har intet, som ikke allerede er her. Der er intet at flette ind.";
pub const CONFLICTS_EXPLAINED: &str = "En konflikt er en post, som er ændret både her og i filen, eller slettet det ene sted og ændret det andet. Begge udgaver gemmes: den ene vises med mærket «Konflikt», den anden gemmes ved siden af, til du vælger under «Konflikter» på siden Data.";
pub const SETTINGS_KEPT: &str = "Arbejdsområdets navn og indstillinger bliver, som de er her.";
pub const AUTHOR_LABEL: &str = "Dine initialer";
pub const AUTHOR_HINT: &str = "Vises ved de ændringer, du laver, når I fletter filer sammen. Brug initialer eller et kort navn, aldrig et CPR-nummer. Huskes i denne browser.";
pub const AUTHOR_MISSING: &str =
    "Skriv dine initialer eller et kort navn (højst 20 tegn), så dine kolleger kan se, hvem der har ændret hvad.";
pub const AUTHOR_SAVE: &str = "Gem initialer";
pub const AUTHOR_SAVED: &str = "Dine initialer er gemt i denne browser.";
pub const CONFLICTS_HEADING: &str = "Konflikter efter fletning";
pub const CONFLICTS_NONE: &str = "Der er ingen konflikter.";
pub const CONFLICT_MARK: &str = "Konflikt";
pub const SHOW_CONFLICT: &str = "Se og vælg";
pub const FIELD: &str = "Felt";
pub const SHOWN: &str = "Vises nu";
pub const OTHER: &str = "Den anden udgave";
pub const KEEP_SHOWN: &str = "Behold den viste udgave";
pub const KEEP_OTHER: &str = "Brug den anden udgave";
pub const KEEP_CHOSEN: &str = "Gem mine valg felt for felt";
pub const KEEP_BOTH: &str = "Behold begge som hver sin post";
pub const KEEP_RECORD: &str = "Behold posten";
pub const DELETE_RECORD: &str = "Slet posten";
pub const CLOSE: &str = "Luk";
pub const DELETED_THERE: &str = "Den anden udgave er slettet.";
pub const SAME_CONTENT: &str =
    "De to udgaver har det samme indhold; kun deres historik er forskellig.";
pub const RESOLVED: &str = "Konflikten er løst. Den anden udgave er gemt som afgjort, så den ikke dukker op igen, når I fletter.";
pub const EMPTY: &str = "(tom)";

/// "Flet ind i «Køge»" for the import's choices.
pub fn merge_into(name: &str) -> String {
    format!("Flet filen ind i «{name}», så ændringerne fra begge udgaver bevares")
}

/// The area a kind of record belongs to, as the summary's rows name it: "Møder".
pub fn kind_row(kind: RecordKind) -> String {
    let p = kind_plural(kind);
    let mut c = p.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Who made what the file brings.
pub fn authors(s: &MergeSummary) -> Option<String> {
    match (s.authors.as_slice(), s.unknown_authors) {
        ([], false) => None,
        ([], true) => {
            Some("Ændringerne i filen er lavet, uden at der var angivet initialer.".into())
        }
        (a, unknown) => Some(format!(
            "Ændringerne i filen er lavet af {}{}.",
            super::and_list(a),
            if unknown {
                " og af nogen uden initialer"
            } else {
                ""
            }
        )),
    }
}

/// After the merge: what it did, in one sentence.
pub fn merged(name: &str, total: KindCounts, set_aside: usize) -> String {
    let parts: Vec<String> = [
        (total.added, "tilføjet"),
        (total.changed, "ændret"),
        (total.deleted, "slettet"),
        (
            total.conflicts,
            "i konflikt (se «Konflikter» på siden Data)",
        ),
        (set_aside, "lagt til side"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| {
        format!(
            "{} {what}",
            super::counted(&n.to_string(), "post", "poster")
        )
    })
    .collect();
    let what = if parts.is_empty() {
        "intet nyt".to_string()
    } else {
        super::and_list(&parts)
    };
    format!("Filen er flettet ind i «{name}»: {what}. Du kan fortryde hele fletningen med Ctrl+Z.")
}

/// How many records are in conflict, for the notice that points to them.
pub fn conflicts_waiting(n: usize) -> String {
    format!(
        "{} har en konflikt efter en fletning. Begge udgaver er gemt; vælg, hvilken der skal gælde.",
        super::counted(&n.to_string(), "post", "poster")
    )
}

/// "Møde «Sag 17»".
pub fn record_words(r: &Record) -> String {
    let label = match r {
        Record::Intervention { intervention, .. } => intervention.name.clone(),
        other => {
            let v = serde_json::to_value(other)
                .ok()
                .and_then(|v| v.get("record").cloned())
                .unwrap_or(Value::Null);
            crate::file_format::restore::label_of_value(&v)
        }
    };
    if label.trim().is_empty() {
        kind_label(r.kind()).to_string()
    } else {
        format!("{} «{}»", kind_label(r.kind()), label.trim())
    }
}

/// Who made a version: "ændret af MK".
pub fn made_by(by: Option<&str>) -> String {
    match by {
        Some(b) => format!("sidst ændret af {b}"),
        None => "uden initialer".into(),
    }
}

/// A field by its label.
pub fn field(field: &str) -> String {
    if field == "step" {
        return "Trin".into();
    }
    field_name(&FieldPath::parse(field))
}

/// A value as the conflict view shows it: text as it is, a list by its length, nothing as «(tom)».
pub fn value(v: &Value, step_name: impl Fn(&str) -> Option<String>) -> String {
    match v {
        Value::Null => EMPTY.into(),
        Value::String(s) if s.trim().is_empty() => EMPTY.into(),
        Value::String(s) => step_name(s).unwrap_or_else(|| s.clone()),
        Value::Bool(true) => "Ja".into(),
        Value::Bool(false) => "Nej".into(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) if a.is_empty() => EMPTY.into(),
        Value::Array(a) => super::counted(&a.len().to_string(), "punkt", "punkter"),
        Value::Object(m) => super::counted(&m.len().to_string(), "værdi", "værdier"),
    }
}

// The merge preview and the conflict table.
/// The merge preview's heading.
pub fn merge_into_heading(name: &str) -> String {
    format!("Flet ind i «{name}»")
}
/// The hidden caption of a conflict's field table.
pub fn fields_caption(title: &str) -> String {
    format!("{title}: {SHOWN} og {OTHER}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_merge_says_what_it_did_in_one_sentence() {
        let total = KindCounts {
            added: 1,
            changed: 950,
            deleted: 0,
            conflicts: 50,
        };
        assert_eq!(
            merged("Køge", total, 0),
            "Filen er flettet ind i «Køge»: 1 post tilføjet, 950 poster ændret og 50 poster i konflikt \
             (se «Konflikter» på siden Data). Du kan fortryde hele fletningen med Ctrl+Z."
        );
        assert_eq!(
            merged("Køge", KindCounts::default(), 2),
            "Filen er flettet ind i «Køge»: 2 poster lagt til side. Du kan fortryde hele fletningen med Ctrl+Z."
        );
        assert_eq!(
            merged("Køge", KindCounts::default(), 0),
            "Filen er flettet ind i «Køge»: intet nyt. Du kan fortryde hele fletningen med Ctrl+Z."
        );
    }
}
