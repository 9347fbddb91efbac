//! Danish messages for a spreadsheet that could not be read (`spreadsheet::ReadError`) and for a reader
//! that could not run (`browser::sheet_worker::SheetReadFailure::Unavailable`): what is wrong, and what
//! to do.

use crate::spreadsheet::read::MAX_BYTES;
use crate::spreadsheet::ReadError;

/// Why the chosen file gave no sheet, and what to do.
pub fn read_error(e: &ReadError) -> String {
    match e {
        ReadError::UnknownKind => "Filen er ikke et regneark, Trappe kan læse. Vælg en Excel-fil \
            (.xlsx eller .xls), en OpenDocument-fil (.ods) eller en CSV-fil."
            .into(),
        ReadError::Encrypted => "Filen er beskyttet med adgangskode. Gem en kopi uden \
            adgangskode i Excel, og vælg den."
            .into(),
        // The reader's own words are English program text: they go to the console, not on screen.
        ReadError::Damaged(_) => "Filen kan ikke læses; den er måske beskadiget eller ikke gemt \
            helt. Åbn den i Excel eller LibreOffice, gem den igen som .xlsx, og vælg den nye fil."
            .into(),
        ReadError::NoSheets => "Filen har ingen ark med indhold. Vælg den fil, hvor dine \
            data står."
            .into(),
        ReadError::TooLarge(bytes) => format!(
            "Filen fylder {} MB; Trappe læser regneark på op til {} MB. Gem kun de rækker, du vil \
             hente ind, i en ny fil, og vælg den.",
            megabytes(*bytes),
            megabytes(MAX_BYTES as u64)
        ),
    }
}

/// The reader itself could not run (its files could not be loaded, or it stopped). The browser's words go
/// to the console, not on screen.
pub const UNAVAILABLE: &str =
    "Regnearkslæseren kunne ikke starte. Har du aldrig hentet regneark før, \
    skal Trappe være online første gang. Prøv igen, eller genindlæs siden.";

fn megabytes(bytes: u64) -> String {
    super::decimal(bytes as f64 / (1024.0 * 1024.0), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_says_what_to_do() {
        assert_eq!(
            read_error(&ReadError::Encrypted),
            "Filen er beskyttet med adgangskode. Gem en kopi uden adgangskode i Excel, og vælg den."
        );
        assert_eq!(
            read_error(&ReadError::TooLarge(60 * 1024 * 1024)),
            "Filen fylder 60,0 MB; Trappe læser regneark på op til 50,0 MB. Gem kun de rækker, du \
             vil hente ind, i en ny fil, og vælg den."
        );
        let damaged = read_error(&ReadError::Damaged("invalid Zip archive".into()));
        assert!(
            damaged.ends_with("vælg den nye fil."),
            "no program text on screen: {damaged}"
        );
        for e in [ReadError::UnknownKind, ReadError::NoSheets] {
            assert!(read_error(&e).contains("Vælg"), "{e:?}");
        }
        assert!(UNAVAILABLE.contains("online første gang"));
    }
}
