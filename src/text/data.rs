//! Danish text of the Data page, in a caseworker's words: the browser's storage, not its database's name.

/// Where the workspaces are kept, when the browser allows it.
pub const STORED_IN_BROWSER: &str = "Gemmes i browserens lager på denne computer.";

pub const IMPORT_FILE_LABEL: &str = "Vælg en Trappe-fil (.json)";
pub const IMPORT_FILE_HINT: &str =
    "Eller træk filen hertil. Filen kontrolleres helt, før noget ændres. Højst 256 MB.";

/// After an import, at the top of the page, with focus (the preview it was chosen in is gone).
pub const IMPORTED: &str = "Filen er importeret og åbnet.";
pub const OPENED_HERE_NOT_IMPORTED: &str =
    "Udgaven her i browseren er åbnet. Filen er ikke importeret.";
