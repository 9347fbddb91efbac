//! Danish text for files protected with a passphrase: the export's choice, the passphrase form when a
//! protected file is opened, what is wrong with a damaged one, and sharing the file. All in one place.

use crate::file_format::sealed::{SealedError, Weakness, MIN_GOOD_LENGTH, MIN_ITERATIONS};

// Export: the choice and its fields.
pub const PROTECT_CHECKBOX: &str = "Beskyt filen med en adgangskode";
pub const PROTECT_HINT: &str = "Filen krypteres, så kun den, der kender adgangskoden, kan åbne den. Brug det, når filen indeholder personoplysninger eller skal sendes med almindelig e-mail.";
pub const PASS_LABEL: &str = "Adgangskode";
pub const PASS_HINT: &str = "Mindst 12 tegn; gerne flere ord, fx «Grøn-hest-på-trappen-42». Trappe gemmer ikke adgangskoden og kan ikke finde den igen: uden den kan filen ikke åbnes.";
pub const REPEAT_LABEL: &str = "Gentag adgangskoden";
pub const REPEAT_HINT: &str = "Skriv den samme adgangskode igen.";
pub const PASS_MISSING: &str =
    "Skriv en adgangskode, eller fjern fluebenet ved «Beskyt filen med en adgangskode».";
pub const REPEAT_MISSING: &str = "Skriv adgangskoden igen her.";
pub const MISMATCH: &str = "De to adgangskoder er ikke ens. Skriv den samme i begge felter.";
/// While the key is derived and the file encrypted (role=status).
pub const ENCRYPTING: &str = "Krypterer …";
pub const ENCRYPT_FAILED: &str = "Filen kunne ikke krypteres i denne browser. Intet er gemt. Prøv igen, eller brug en nyere browser.";
pub const NO_CRYPTO: &str = "Denne browser kan ikke kryptere filer (den mangler WebCrypto). Åbn Trappe i en nyere browser, eller fra en https-adresse.";

/// A warning under the passphrase: the file is still protected with it, if the user wants.
pub fn weakness(w: Weakness) -> String {
    let what = match w {
        Weakness::TooShort => {
            format!("Adgangskoden er kort (under {MIN_GOOD_LENGTH} tegn).")
        }
        Weakness::OneKind => {
            "Adgangskoden består kun af én slags tegn (fx kun små bogstaver eller kun tal).".into()
        }
        Weakness::Common => {
            "Adgangskoden er et almindeligt ord eller kodeord, som er let at gætte.".into()
        }
        Weakness::Repetitive => {
            "Adgangskoden består af gentagne tegn eller en række som «12345» eller «abcde».".into()
        }
    };
    format!("Svag adgangskode: {what} Den kan gættes af den, der får fat i filen. Du kan godt bruge den, men en længere med flere ord er bedre.")
}

// Import: the passphrase form.
pub const UNLOCK_HEADING: &str = "Filen er beskyttet med en adgangskode";
pub fn unlock_text(file_name: &str) -> String {
    format!("«{file_name}» er krypteret. Skriv den adgangskode, filen blev beskyttet med. Intet ændres, før filen er åbnet og du har valgt, hvad der skal ske med den.")
}
pub const UNLOCK_LABEL: &str = "Adgangskode til filen";
pub const UNLOCK_HINT: &str =
    "Afsenderen skal give dig den på en anden måde end filen, fx i telefonen.";
pub const UNLOCK_BUTTON: &str = "Åbn filen";
pub const UNLOCK_CANCEL: &str = "Fortryd";
pub const UNLOCK_EMPTY: &str = "Skriv adgangskoden.";
/// While the key is derived and the file decrypted (role=status).
pub const DECRYPTING: &str = "Åbner filen …";
/// AES-GCM refused: a wrong passphrase, or a file changed on the way. The two cannot be told apart.
pub const WRONG_PASSPHRASE: &str = "Filen kunne ikke åbnes: adgangskoden er forkert, eller filen er ændret undervejs. Tjek adgangskoden (store og små bogstaver tæller), og prøv igen. Intet er ændret.";
/// On the start page: a protected copy is opened, but not linked (Trappe would write it back unprotected).
pub const NOT_LINKED: &str = "Filen er beskyttet med en adgangskode, så Trappe forbinder den ikke: ændringer gemmes ikke i filen, men i browseren. Eksportér en ny beskyttet fil, når du vil dele.";

/// On the start page, after a protected copy is opened.
pub fn opened_sealed_copy(workspace: &str, file: &str) -> String {
    format!(
        "«{workspace}» er åbnet fra den beskyttede fil «{file}» og gemt i browseren. {NOT_LINKED}"
    )
}

/// A protected file met where only plain files are read.
pub const SEALED_ELSEWHERE: &str = "Filen er beskyttet med en adgangskode. Åbn den under Data → Importér fra fil, hvor du kan skrive adgangskoden.";

/// What is wrong with a file that looks protected, naming the field.
pub fn sealed_error(e: &SealedError) -> String {
    let start = "Filen ligner en beskyttet Trappe-fil, men kan ikke åbnes:";
    let what = match e {
        SealedError::NotJson => "den er ikke gyldig JSON (måske er den skåret over eller redigeret).".to_string(),
        SealedError::WrongFormat { found: Some(f) } => {
            format!("feltet «format» er «{f}», men skal være «trappe-sealed».")
        }
        SealedError::WrongFormat { found: None } => "feltet «format» mangler.".into(),
        SealedError::MissingField(f) => format!("feltet «{f}» mangler."),
        SealedError::WrongType { field, expected } => {
            format!("feltet «{field}» skal være {}.", match *expected {
                "heltal" => "et helt tal",
                "objekt" => "et objekt",
                "tekst" => "en tekst",
                other => other,
            })
        }
        SealedError::UnknownVersion(v) => format!(
            "den er i version {v} af formatet for beskyttede filer, og denne Trappe læser kun version 1. Opdatér Trappe."
        ),
        SealedError::UnknownKdf(n) => {
            format!("nøglen er afledt med «{n}», men Trappe bruger kun «PBKDF2» (feltet «kdf.name»).")
        }
        SealedError::UnknownHash(n) => {
            format!("nøglen er afledt med «{n}», men Trappe bruger kun «SHA-256» (feltet «kdf.hash»).")
        }
        SealedError::UnknownCipher(n) => {
            format!("den er krypteret med «{n}», men Trappe bruger kun «AES-GCM» (feltet «cipher.name»).")
        }
        SealedError::TooFewIterations(n) => format!(
            "feltet «kdf.iterations» er {}, men skal være mindst {} for at filen er godt nok beskyttet.",
            super::group_thousands(*n as i64),
            super::group_thousands(MIN_ITERATIONS as i64)
        ),
        SealedError::TooManyIterations(n) => format!(
            "feltet «kdf.iterations» er {}; så mange ville holde browseren optaget i lang tid.",
            super::group_thousands(*n as i64)
        ),
        SealedError::BadBase64(f) => format!("feltet «{f}» er ikke gyldig base64."),
        SealedError::WrongLength { field, expected, found } => format!(
            "feltet «{field}» skal være {expected} bytes, men er {found}."
        ),
        SealedError::CiphertextTooShort(n) => format!(
            "feltet «ciphertext» er kun {n} bytes; det er for kort til at være en krypteret fil."
        ),
    };
    format!("{start} {what}")
}

// Sharing.
pub const SHARE_BUTTON: &str = "Del";
pub const SHARE_HINT: &str = "«Del» sender filen videre med computerens eller telefonens egen deling (fx e-mail eller Teams), hvor browseren kan. Ellers hentes filen, og du får en tekst til en e-mail.";
pub const SHARE_CANCELLED: &str = "Delingen blev afbrudt. Intet er sendt.";
pub const SHARE_FAILED: &str =
    "Filen kunne ikke deles herfra. Den er hentet i stedet; vedhæft den selv.";
pub const EMAIL_HEADING: &str = "Forslag til e-mail";
pub const EMAIL_LABEL: &str = "Tekst til e-mailen (kopiér den, og vedhæft filen)";
pub const EMAIL_HINT: &str = "Browseren kan ikke dele filen direkte, så den er hentet. Vedhæft den til en e-mail. Teksten indeholder aldrig adgangskoden.";
pub const EMAIL_COPY: &str = "Kopiér teksten";
pub const EMAIL_COPIED: &str = "Teksten er kopieret.";

/// A suggested e-mail for a shared file. It never contains the passphrase (it is never given it).
pub fn email_text(workspace: &str, file_name: &str, protected: bool) -> String {
    let mut s = format!(
        "Hej\n\nHer er arbejdsområdet «{workspace}» fra Trappe i den vedhæftede fil «{file_name}».\n\n"
    );
    if protected {
        s.push_str("Filen er beskyttet med en adgangskode. Du får adgangskoden fra mig på en anden måde end denne e-mail, fx pr. telefon eller sms.\n\n");
    }
    s.push_str(
        "Sådan åbner du den: Åbn Trappe, gå til «Data», og vælg filen under «Importér fra fil»",
    );
    if protected {
        s.push_str(". Skriv adgangskoden, når Trappe beder om den");
    }
    s.push_str(". Du ser, hvad filen indeholder, før noget bliver ændret.\n\nVenlig hilsen\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_says_what_and_how_and_never_the_passphrase() {
        let plain = email_text("Køge 2026", "trappe-koege.json", false);
        assert!(plain.contains("«Køge 2026»") && plain.contains("trappe-koege.json"));
        assert!(plain.contains("«Data»") && plain.contains("Importér fra fil"));
        assert!(!plain.contains("adgangskode"));
        let sealed = email_text("Køge 2026", "trappe-koege.json", true);
        assert!(sealed.contains("beskyttet med en adgangskode"));
        assert!(sealed.contains("anden måde"));
    }

    #[test]
    fn every_sealed_error_names_the_field() {
        let e = sealed_error(&SealedError::TooFewIterations(1000));
        assert!(
            e.contains("kdf.iterations") && e.contains("1.000") && e.contains("600.000"),
            "{e}"
        );
        let e = sealed_error(&SealedError::WrongLength {
            field: "kdf.salt",
            expected: 16,
            found: 8,
        });
        assert!(e.contains("«kdf.salt»") && e.contains("16 bytes"), "{e}");
        assert!(sealed_error(&SealedError::BadBase64("cipher.iv"))
            .contains("«cipher.iv» er ikke gyldig base64"));
        assert!(sealed_error(&SealedError::UnknownVersion("2".into())).contains("version 2"));
        assert!(weakness(Weakness::TooShort).starts_with("Svag adgangskode"));
    }
}
