//! Danish text of the Data page, in a caseworker's words: the browser's storage, not its database's name.

/// Where the workspaces are kept, when the browser allows it.
pub const STORED_IN_BROWSER: &str = "Gemmes i browserens lager på denne computer.";

pub const IMPORT_FILE_LABEL: &str = "Vælg en Trappe-fil (.json)";
/// The import field's hint, with the largest file the reader takes (`max_bytes`).
pub fn import_file_hint(max_bytes: usize) -> String {
    format!(
        "Eller træk filen hertil. Filen kontrolleres helt, før noget ændres. Højst {} MB.",
        max_bytes / (1024 * 1024)
    )
}

/// After an import, at the top of the page, with focus (the preview it was chosen in is gone).
pub const IMPORTED: &str = "Filen er importeret og åbnet.";
pub const OPENED_HERE_NOT_IMPORTED: &str =
    "Udgaven her i browseren er åbnet. Filen er ikke importeret.";

/// Why the import preview's button did nothing.
pub fn import_refusal(r: crate::model::import_choice::ImportRefusal) -> &'static str {
    use crate::model::import_choice::ImportRefusal;
    match r {
        ImportRefusal::NotConfirmed => "Bekræft, at arbejdsområdet skal erstattes.",
        ImportRefusal::NoTarget => "Vælg det arbejdsområde, der skal erstattes.",
    }
}

// The page's headings, columns, choices and messages.
pub const NEW_HEADING: &str = "Nyt arbejdsområde";
pub const EXPORT_HEADING: &str = "Eksportér til fil";
pub const GO_HOME: &str = "Gå til forsiden.";
pub const NO_WORKSPACES: &str = "Der er ingen arbejdsområder endnu.";
pub const COL_SAVED: &str = "Sidst gemt";
pub const COL_SIZE: &str = "Størrelse";
pub const COL_EXPORTED: &str = "Sidst eksporteret";
pub const COL_ACTIONS: &str = "Handlinger";
pub const COPY_OPENED: &str = "Kopien er oprettet og åbnet.";
pub const TRASH_CONFIRM: &str = "Ja, læg i papirkurven";
pub const TRASHED: &str =
    "Arbejdsområdet er lagt i papirkurven. Du kan gendanne det nederst på siden.";
pub const NAME_MISSING: &str = "Skriv et navn.";
pub const RENAMED: &str = "Navnet er ændret.";
pub const IMPORT_HEADING: &str = "Importér fra fil";
pub const READING_FILE: &str = "Læser filen …";
pub const MODE_OPEN_HERE: &str = "Åbn udgaven her i browseren, og importér ikke filen";
pub const MODE_REPLACE_SAME: &str = "Erstat udgaven her med filen";
pub const MODE_NEW: &str = "Som et nyt arbejdsområde";
pub const MODE_REPLACE: &str = "Erstat et eksisterende arbejdsområde";
pub const REPLACE_CONFIRM: &str =
    "Ja, erstat det. Den nuværende udgave lægges i papirkurven, så den kan gendannes.";
pub const TRASH_EMPTY: &str = "Papirkurven er tom.";
pub const RESTORED: &str = "Arbejdsområdet er gendannet.";
pub const EMPTY_TRASH: &str = "Tøm papirkurven";
pub const EMPTY_TRASH_QUESTION: &str = "Slette arbejdsområderne i papirkurven for altid?";
pub const EMPTY_TRASH_CONFIRM: &str = "Ja, slet for altid";
pub const STORAGE_HEADING: &str = "Browserens lager";
pub const MEMORY_ONLY: &str = "Kun i denne fane: browseren tillader ikke lagring.";
pub const USED_SPACE: &str = "Brugt plads";
pub const UNKNOWN: &str = "Ukendt";
pub const PERSISTED: &str = "Beskyttet mod oprydning";
pub const PERSISTED_YES: &str = "Ja: browseren sletter ikke dataene af sig selv.";

pub const PAGE_TITLE: &str = "Data";
pub const PAGE_LEAD: &str =
    "Her styrer du dine arbejdsområder, deler dem som filer og ser, hvad browseren gemmer.";
/// A stored moment: "3. marts 2026 kl. 14.05".
pub fn date_and_time(date: &str, time: &str) -> String {
    format!("{date} kl. {time}")
}
pub const OPEN: &str = "Åbn";
pub const CANCEL: &str = "Fortryd";
pub const CHOOSE: &str = "Vælg …";

// Export.
pub fn export_lead(name: &str) -> String {
    format!("Gem «{name}» som en JSON-fil, som du kan gemme et sikkert sted eller sende til en kollega.")
}
pub const NEVER_EXPORTED: &str = "Arbejdsområdet er aldrig blevet eksporteret. Browseren kan slette sine data, fx når disken er fuld eller historikken ryddes; en fil er din sikkerhedskopi.";
pub fn exported_long_ago(days: i64, when: &str) -> String {
    format!(
        "Sidst eksporteret for {days} dage siden ({when}). Overvej at eksportere en frisk kopi."
    )
}
pub fn last_exported(when: &str) -> String {
    format!("Sidst eksporteret {when}.")
}

// The workspaces in this browser.
pub const LIST_HEADING: &str = "Arbejdsområder i denne browser";
pub const COL_NAME: &str = "Navn";
pub const IS_OPEN: &str = "Åben";
pub const NEVER: &str = "Aldrig";
pub const RENAME: &str = "Omdøb";
pub const DUPLICATE: &str = "Duplikér";
pub fn delete_named(name: &str) -> String {
    format!("Slet {name}")
}
pub const NEW_NAME: &str = "Nyt navn";
pub const SAVE_NAME: &str = "Gem navn";

// Import.
/// A file that could not be read, and why.
pub fn not_read(file_name: &str, why: &str) -> String {
    format!("«{file_name}» er ikke indlæst. {why}")
}
pub const WHAT_TO_DO: &str = "Hvad vil du gøre?";
pub const HOW_TO_IMPORT: &str = "Hvordan skal filen importeres?";
pub fn mode_copy(copy_name: &str) -> String {
    format!("Importér filen som en kopi ved siden af, med navnet «{copy_name}»")
}
pub fn ready_to_import(name: &str) -> String {
    format!("Klar til import: «{name}»")
}
pub fn from_file(file_name: &str) -> String {
    format!("Fra filen {file_name}. ")
}
pub fn upgraded_from(version: u32) -> String {
    format!("Filen var i formatversion {version} og er opgraderet. ")
}
pub fn steps_and_interventions(steps: usize, interventions: usize) -> String {
    format!("{steps} trin og {interventions} indsatser på trappen")
}
pub fn meeting_count(n: usize) -> String {
    format!("{n} netværksmøder")
}
pub fn initiative_count(n: usize) -> String {
    format!("{n} initiativer i handleplanen")
}
pub const REPLACE_TARGET: &str = "Arbejdsområde, der erstattes";
pub const IMPORT: &str = "Importér";

// Trash and storage.
pub const TRASH_HEADING: &str = "Papirkurv";
pub fn deleted_on(when: &str) -> String {
    format!("(slettet {when})")
}
pub const RESTORE: &str = "Gendan";
pub fn deleted_for_good(n: usize) -> String {
    format!("{n} arbejdsområde(r) er slettet for altid.")
}
pub const STORAGE: &str = "Lagring";
pub const STARTING: &str = "Starter …";
pub fn space_used(used: &str, quota: &str) -> String {
    format!("{used} af {quota} til rådighed")
}
pub const NOT_PERSISTED: &str = "Nej: browseren kan slette dataene, hvis disken bliver fuld. ";
pub const ASK_PERSISTENCE: &str = "Bed om varig lagring";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_phrases_read_as_before() {
        assert_eq!(
            date_and_time("3. marts 2026", "14.05"),
            "3. marts 2026 kl. 14.05"
        );
        assert_eq!(
            not_read("a.json", "Filen er tom."),
            "«a.json» er ikke indlæst. Filen er tom."
        );
        assert_eq!(last_exported("i går"), "Sidst eksporteret i går.");
        assert_eq!(deleted_on("1. maj 2026"), "(slettet 1. maj 2026)");
        assert_eq!(
            steps_and_interventions(4, 12),
            "4 trin og 12 indsatser på trappen"
        );
    }
}
