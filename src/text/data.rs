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
