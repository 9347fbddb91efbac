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
