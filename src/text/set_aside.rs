//! Danish text of the «Lagt til side» list.

pub const TITLE: &str = "Lagt til side";
pub const DOWNLOAD_ALL: &str = "Hent alle som fil";
pub const DOWNLOAD: &str = "Hent originalen";
pub const SHOW_ORIGINAL: &str = "Vis originalen";
pub const REPAIRED: &str = "en repareret udgave er i arbejdsområdet";
pub const LEFT_OUT: &str = "ikke med i arbejdsområdet";
pub const REMOVE: &str = "Fjern fra listen";
pub const REMOVE_QUESTION: &str =
    "Fjerne originalen for altid? Hent den først, hvis du kan få brug for den.";
pub const REMOVE_CONFIRM: &str = "Ja, fjern";
pub const REMOVED: &str = "Originalen er fjernet fra listen.";

pub fn lead(n: usize) -> String {
    let what = if n == 1 {
        "1 post".to_string()
    } else {
        format!("{n} poster")
    };
    format!("{what} brød Trappes regler, kunne ikke læses, eller blev ændret i to faner på én gang. Originalerne ligger her, som de var, indtil du fjerner dem. Ret dem i arbejdsområdet, eller send dem til den, der lavede filen.")
}

/// Where an entry came from, in words: a place in a file ("workspace.meetings[0]" as the reader records
/// it) reads "Sted i filen: Møde nr. 1"; a place already in words ("denne fane") reads "Fundet i denne fane".
pub fn found_at(path: &str) -> String {
    let p = path.trim();
    if p == "workspace" || p.starts_with("workspace.") || p.starts_with("workspace[") {
        format!("Sted i filen: {}", super::place::describe(p, None).words)
    } else {
        format!("Fundet i {p}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place was shown as the file's path ("Fundet i workspace.meetings[0]").
    #[test]
    fn a_place_in_a_file_is_said_in_words() {
        assert_eq!(
            found_at("workspace.meetings[0]"),
            "Sted i filen: Møde nr. 1"
        );
        assert_eq!(
            found_at("workspace.staircase.steps[0].interventions[1]"),
            "Sted i filen: Trin nr. 1, indsats nr. 2"
        );
        assert_eq!(
            found_at("workspace.follow_up"),
            "Sted i filen: Indstillinger for opfølgning"
        );
        assert_eq!(found_at("denne fane"), "Fundet i denne fane");
    }
}
