//! Danish text of the copy on disk: the section on the Data page, the line in the header, the notices,
//! and the start page's offer to open a copy after the browser's data was wiped.

use crate::storage::linked_copy::{Link, LinkStatus, WriteFailure};
use chrono::{DateTime, Local, NaiveDate};

pub const HEADING: &str = "Kopi på disken";
pub const INTRO: &str = "Forbind arbejdsområdet med en fil på din computer, fx i en mappe, som OneDrive tager backup af. Så skriver Trappe filen, hver gang arbejdsområdet er gemt i browseren, og du har altid en frisk kopi uden at eksportere.";
pub const UNSUPPORTED: &str = "Denne browser kan ikke holde en kopi på disken opdateret (det kan Chrome og Edge). Eksportér jævnligt til en fil: den er din sikkerhedskopi.";
pub const NO_WORKSPACE: &str = "Åbn et arbejdsområde for at forbinde det med en fil.";
pub const LINK: &str = "Forbind med en fil…";
pub const LINK_OTHER: &str = "Forbind med en anden fil…";
pub const UNLINK: &str = "Afbryd forbindelsen";
pub const GRANT: &str = "Giv lov";
pub const NOT_NOW: &str = "Ikke nu";
pub const RETRY: &str = "Prøv igen nu";
pub const CLOSE: &str = "Luk besked";
pub const STORAGE_FIRST: &str =
    "Browserens lager er stadig det sted, Trappe gemmer; filen er en kopi, som Trappe skriver bagefter.";
pub const UNLINKED: &str =
    "Forbindelsen er afbrudt. Filen er ikke slettet; Trappe skriver bare ikke længere til den.";
pub const PICK_FAILED: &str =
    "Browseren kunne ikke åbne vinduet til at vælge en fil. Prøv igen, eller eksportér til fil i stedet.";
pub const NOT_REMEMBERED: &str = "Browseren kunne ikke huske forbindelsen, så den gælder kun, indtil fanen lukkes. Arbejdsområdet er gemt i browseren som altid.";
pub const DECLINED: &str = "Trappe skriver ikke til filen, før du giver lov. Alt gemmes stadig i browseren. Du kan give lov på siden Data.";

pub const OPEN_HEADING: &str = "Har du en kopi på din computer?";
pub const OPEN_TEXT: &str = "Er browserens data blevet ryddet, fx af et oprydningsprogram, kan du åbne den kopi, Trappe har holdt opdateret på disken. Filen kontrolleres helt, før noget gemmes, og arbejdsområdet forbindes med filen igen.";
pub const OPEN_BUTTON: &str = "Åbn en kopi fra din computer";
pub const OPEN_READING: &str = "Læser filen …";

/// "Forbundet med filen «trappe-koege-2019.json»."
pub fn linked_to(file: &str) -> String {
    format!("Forbundet med filen «{file}».")
}

/// "kl. 14.32" today, "3. maj 2026 kl. 14.32" another day.
fn when(at: DateTime<Local>, today: NaiveDate) -> String {
    let clock = crate::model::dates::hour_minute(at, '.');
    if at.date_naive() == today {
        format!("kl. {clock}")
    } else {
        format!("{} kl. {clock}", super::date_long(at.date_naive()))
    }
}

/// "Sidst skrevet til filen kl. 14.32" (or with the date on another day), or that nothing is written yet.
pub fn last_written(at: Option<DateTime<Local>>, today: NaiveDate) -> String {
    match at {
        Some(at) => format!("Sidst skrevet til filen {}", when(at, today)),
        None => "Endnu ikke skrevet til filen.".into(),
    }
}

/// The status on the Data page, under the file's name.
pub fn status(link: &Link, today: NaiveDate) -> String {
    let last = last_written(link.last_written.map(|t| t.with_timezone(&Local)), today);
    match &link.status {
        LinkStatus::Writing => "Skriver til filen …".into(),
        LinkStatus::Linked | LinkStatus::Written => last,
        LinkStatus::NeedsPermission => {
            format!("Venter på, at du giver lov til at skrive til filen. {last}")
        }
        LinkStatus::Failed(_) => format!("Filen er ikke opdateret. {last}"),
    }
}

/// The short line under the save status in the header.
pub fn header_line(link: &Link, today: NaiveDate) -> String {
    match (&link.status, link.last_written) {
        (LinkStatus::Writing, _) => "Kopi på disken: skriver …".into(),
        (LinkStatus::NeedsPermission, _) | (LinkStatus::Failed(WriteFailure::NotAllowed), _) => {
            "Kopi på disken: mangler lov".into()
        }
        (LinkStatus::Failed(_), _) => "Kopi på disken: ikke opdateret".into(),
        (_, Some(at)) => format!(
            "Kopi på disken: skrevet {}",
            when(at.with_timezone(&Local), today)
        ),
        (_, None) => "Kopi på disken: forbundet".into(),
    }
}

/// The notice after a restart, when the browser wants permission again.
pub fn permission_needed(file: &str) -> String {
    format!("Trappe skal have lov til at skrive til filen «{file}» igen.")
}

pub const PERMISSION_WHY: &str = "Browseren spørger igen, når den har været lukket. Indtil du giver lov, gemmes alt stadig i browseren, men kopien på disken bliver ikke opdateret.";

/// What went wrong and what to do, naming the file. The work is always safe in browser storage.
pub fn failure(f: &WriteFailure, file: &str) -> String {
    let what = match f {
        WriteFailure::NotAllowed => format!(
            "Trappe har ikke længere lov til at skrive til filen «{file}». Klik «{GRANT}», eller forbind med filen igen."
        ),
        WriteFailure::Missing => format!(
            "Trappe kunne ikke skrive til filen «{file}»: den findes ikke længere, hvor den lå (flyttet, omdøbt eller slettet). Forbind med filen igen, der hvor den ligger nu, eller vælg en ny fil."
        ),
        WriteFailure::DiskFull => format!(
            "Trappe kunne ikke skrive til filen «{file}»: der er ikke plads på disken. Frigør plads, så prøver Trappe igen."
        ),
        WriteFailure::Locked => format!(
            "Trappe kunne ikke skrive til filen «{file}»: et andet program bruger den, eller den er skrivebeskyttet. Luk programmet, eller forbind med en anden fil."
        ),
        // The browser's own words (English, technical) are not for the user.
        WriteFailure::Other(_) => format!(
            "Trappe kunne ikke skrive til filen «{file}». Forbind med filen igen, eller vælg en ny fil, hvis det bliver ved."
        ),
    };
    format!("{what} Dit arbejde er gemt i browseren, og intet er tabt. Trappe prøver igen, næste gang der gemmes.")
}

/// After a workspace was opened from its copy on disk.
pub fn opened_copy(workspace: &str, file: &str) -> String {
    format!("«{workspace}» er åbnet fra filen «{file}» og gemt i browseren. Trappe holder filen opdateret igen.")
}

/// A file chosen on the start page that could not be opened: the import's own reason, naming the file once.
pub fn not_opened(file: &str, reason: &str) -> String {
    if reason.contains(&format!("«{file}»")) {
        format!("Kopien er ikke åbnet. {reason}")
    } else {
        format!("«{file}» er ikke åbnet. {reason}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn local(d: u32, h: u32, m: u32) -> DateTime<Local> {
        Local.with_ymd_and_hms(2026, 5, d, h, m, 0).unwrap()
    }

    #[test]
    fn last_written_says_the_time_today_and_the_date_before() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
        assert_eq!(
            last_written(Some(local(4, 14, 32)), today),
            "Sidst skrevet til filen kl. 14.32"
        );
        assert_eq!(
            last_written(Some(local(3, 9, 5)), today),
            "Sidst skrevet til filen 3. maj 2026 kl. 09.05"
        );
        assert_eq!(last_written(None, today), "Endnu ikke skrevet til filen.");
    }

    #[test]
    fn status_lines_follow_the_link() {
        let at = Utc.with_ymd_and_hms(2026, 5, 4, 12, 0, 0).unwrap();
        let today = at.with_timezone(&Local).date_naive();
        let clock = at.with_timezone(&Local).format("%H.%M").to_string();
        let mut link = Link::chosen("a.json".into());
        assert_eq!(header_line(&link, today), "Kopi på disken: forbundet");
        link.writing();
        assert_eq!(status(&link, today), "Skriver til filen …");
        link.written(at);
        assert_eq!(
            status(&link, today),
            format!("Sidst skrevet til filen kl. {clock}")
        );
        assert_eq!(
            header_line(&link, today),
            format!("Kopi på disken: skrevet kl. {clock}")
        );
        link.failed(WriteFailure::Missing);
        assert_eq!(header_line(&link, today), "Kopi på disken: ikke opdateret");
        assert!(status(&link, today).starts_with("Filen er ikke opdateret. Sidst skrevet"));
        link.failed(WriteFailure::NotAllowed);
        assert_eq!(header_line(&link, today), "Kopi på disken: mangler lov");
    }

    #[test]
    fn failures_name_the_file_and_say_nothing_is_lost() {
        for f in [
            WriteFailure::NotAllowed,
            WriteFailure::Missing,
            WriteFailure::DiskFull,
            WriteFailure::Locked,
            WriteFailure::Other("NotReadableError".into()),
        ] {
            let text = failure(&f, "trappe-koege.json");
            assert!(text.contains("«trappe-koege.json»"), "{text}");
            assert!(!text.contains("Error"), "no program text: {text}");
            assert!(text.contains("intet er tabt"), "{text}");
        }
        assert!(failure(&WriteFailure::Missing, "a.json").contains("flyttet"));
        assert!(failure(&WriteFailure::DiskFull, "a.json").contains("plads"));
        assert_eq!(
            not_opened("a.json", "«a.json» er ikke indlæst. Filen er tom."),
            "Kopien er ikke åbnet. «a.json» er ikke indlæst. Filen er tom."
        );
        assert_eq!(
            not_opened("a.json", "Filen kunne ikke læses."),
            "«a.json» er ikke åbnet. Filen kunne ikke læses."
        );
        assert_eq!(
            permission_needed("a.json"),
            "Trappe skal have lov til at skrive til filen «a.json» igen."
        );
    }
}
