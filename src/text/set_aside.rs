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

pub fn found_at(path: &str) -> String {
    format!("Fundet i {path}")
}
