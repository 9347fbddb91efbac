//! The check for personal data before an export or a print: every text of it in one place.

use crate::model::privacy::PersonalDataKind;

/// «CPR-nummer», «e-mailadresse», «telefonnummer».
pub fn kind(k: PersonalDataKind) -> &'static str {
    match k {
        PersonalDataKind::Cpr => "CPR-nummer",
        PersonalDataKind::Email => "e-mailadresse",
        PersonalDataKind::Phone => "telefonnummer",
    }
}

/// The kind as the start of a list item: «CPR-nummer», «E-mailadresse», «Telefonnummer».
pub fn kind_capitalised(k: PersonalDataKind) -> String {
    let s = kind(k);
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub const HEADING: &str = "Der ser ud til at være personoplysninger i det, du vil eksportere";

/// «Vi fandt 3 steder med …».
pub fn lead(n: usize) -> String {
    let places = if n == 1 {
        "ét sted".to_string()
    } else {
        format!("{n} steder")
    };
    format!(
        "Vi fandt {places} med noget, der ligner et CPR-nummer, en e-mailadresse eller et telefonnummer."
    )
}

pub const ADVICE: &str = "Personoplysninger om børn og familier må kun sendes krypteret. Ret teksten \
    (linket fører dig derhen), udelad den i denne eksport, eller eksportér alligevel, hvis filen ikke \
    skal sendes med almindelig e-mail.";

pub const ADVICE_WHOLE: &str = "Personoplysninger om børn og familier må kun ligge et sikkert sted. Kopien \
    på disken holdes opdateret med hele arbejdsområdet, så intet kan udelades: ret teksten (linket fører \
    dig derhen), eller forbind alligevel, hvis filen ligger et sikkert sted.";
pub const LINK_ANYWAY: &str = "Forbind alligevel";

pub const LIST_LABEL: &str = "Fundne personoplysninger";
pub const LEAVE_OUT: &str = "Udelad i denne eksport";
pub const LEAVE_OUT_ALL: &str = "Udelad alle i denne eksport";
pub const EXPORT_ANYWAY: &str = "Eksportér alligevel";
pub const PRINT_ANYWAY: &str = "Udskriv alligevel";
pub const CANCEL: &str = "Fortryd";
pub const IN: &str = "i";

/// How many are left out, and what stands there instead.
pub fn left_out(n: usize) -> String {
    match n {
        0 => "Intet udelades: eksporten indeholder teksterne, som de står.".into(),
        1 => "Ét sted udelades og står som «[fjernet]» i eksporten.".into(),
        n => format!("{n} steder udelades og står som «[fjernet]» i eksporten."),
    }
}

/// Shown when more hits were found than the list shows.
pub fn more(n: usize) -> String {
    if n == 1 {
        "… og ét sted mere (det udelades med «Udelad alle i denne eksport»).".into()
    } else {
        format!("… og {n} steder mere (de udelades med «Udelad alle i denne eksport»).")
    }
}

/// The check's words where it guards a spreadsheet coming in rather than something going out.
pub mod import {
    pub const HEADING: &str = "Der ser ud til at være personoplysninger i regnearket";
    pub const ADVICE: &str =
        "Trappe behøver hverken CPR-numre, e-mailadresser eller telefonnumre. Udelad \
        dem i denne import, så de står som «[fjernet]», eller ret regnearket og vælg det igen.";
    pub const LEAVE_OUT: &str = "Udelad i denne import";
    pub const LEAVE_OUT_ALL: &str = "Udelad alle i denne import";

    pub fn left_out(n: usize) -> String {
        match n {
            0 => "Intet udelades: teksterne importeres, som de står.".into(),
            1 => "Ét sted udelades og står som «[fjernet]».".into(),
            n => format!("{n} steder udelades og står som «[fjernet]»."),
        }
    }

    pub fn more(n: usize) -> String {
        if n == 1 {
            "… og ét sted mere (det udelades med «Udelad alle i denne import»).".into()
        } else {
            format!("… og {n} steder mere (de udelades med «Udelad alle i denne import»).")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_counts_read_as_danish() {
        assert_eq!(kind_capitalised(PersonalDataKind::Email), "E-mailadresse");
        assert_eq!(kind_capitalised(PersonalDataKind::Cpr), "CPR-nummer");
        assert!(lead(1).starts_with("Vi fandt ét sted med"));
        assert!(lead(3).starts_with("Vi fandt 3 steder med"));
        assert_eq!(
            left_out(1),
            "Ét sted udelades og står som «[fjernet]» i eksporten."
        );
    }
}
