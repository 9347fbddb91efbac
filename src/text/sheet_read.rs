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
        ReadError::Damaged(details) => format!(
            "Filen kan ikke læses; den er måske beskadiget eller ikke gemt helt. Åbn den i Excel \
             eller LibreOffice, gem den igen som .xlsx, og vælg den nye fil. (Detaljer: {details})"
        ),
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

/// The reader itself could not run (its files could not be loaded, or it stopped); the browser's words
/// as details.
pub fn unavailable(details: &str) -> String {
    format!(
        "Regnearkslæseren kunne ikke starte. Har du aldrig hentet regneark før, skal Trappe være \
         online første gang. Prøv igen, eller genindlæs siden. (Detaljer: {details})"
    )
}

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
        assert!(read_error(&ReadError::Damaged("zip".into())).ends_with("(Detaljer: zip)"));
        for e in [ReadError::UnknownKind, ReadError::NoSheets] {
            assert!(read_error(&e).contains("Vælg"), "{e:?}");
        }
        assert!(unavailable("offline").contains("online første gang"));
    }
}
