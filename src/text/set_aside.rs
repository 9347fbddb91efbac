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
    use super::file as f;
    use crate::model::set_aside::found::{self, Place};
    let p = path.trim();
    let words = match found::parse(p) {
        Place::ThisTab => f::THIS_TAB.to_string(),
        Place::OtherTab => f::OTHER_TAB.to_string(),
        Place::Storage => f::STORED_COPY.to_string(),
        Place::Journal => f::JOURNAL.to_string(),
        Place::Head => f::stored_head(),
        Place::SetAsideList => f::stored_set_aside_list(),
        Place::Order(kind) => f::stored_order(kind),
        Place::Record(kind, id) => f::stored_record(kind, id),
        Place::Pack(kind) => f::stored_pack(kind),
        Place::Part(key) => f::stored_part(key),
        Place::Other(p)
            if p == "workspace" || p.starts_with("workspace.") || p.starts_with("workspace[") =>
        {
            let path = crate::model::field_path::FieldPath::parse(p);
            return format!(
                "Sted i filen: {}",
                super::place::describe(&path, None).words
            );
        }
        // Words an older Trappe wrote.
        Place::Other(p) => p.to_string(),
    };
    format!("Fundet i {words}")
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

    /// Places that are no path in a file are stored as keys (`model::set_aside::found`) and said as
    /// before, when they were stored in words.
    #[test]
    fn a_place_outside_files_is_said_in_words() {
        use crate::model::record::RecordKind;
        use crate::model::set_aside::found;
        let id = crate::model::Id::nil();
        let cases = [
            (found::THIS_TAB.to_string(), "Fundet i denne fane"),
            (found::OTHER_TAB.to_string(), "Fundet i en anden fane"),
            (found::STORAGE.to_string(), "Fundet i browserens lager"),
            (
                found::JOURNAL.to_string(),
                "Fundet i kladden af ikke gemte ændringer i browserens lager",
            ),
            (
                found::HEAD.to_string(),
                "Fundet i browserens lager: arbejdsområdets egne oplysninger",
            ),
            (
                found::SET_ASIDE_LIST.to_string(),
                "Fundet i browserens lager: listen «Lagt til side»",
            ),
            (
                found::order(RecordKind::Meeting),
                "Fundet i browserens lager: rækkefølgen af møder",
            ),
            (
                found::record(RecordKind::Meeting, id),
                "Fundet i browserens lager: møde 00000000-0000-0000-0000-000000000000",
            ),
            (
                found::pack(RecordKind::Meeting),
                "Fundet i browserens lager: en samling møder",
            ),
            (
                found::part("order/xyz"),
                "Fundet i browserens lager: delen «order/xyz»",
            ),
            // As an older Trappe stored it.
            (
                "browserens lager: rækkefølgen af møder".to_string(),
                "Fundet i browserens lager: rækkefølgen af møder",
            ),
        ];
        for (at, said) in cases {
            assert_eq!(found_at(&at), said, "{at}");
        }
    }
}
