//! Danish text for the network-meeting log: CSV headers, the built-in templates' contents, labels for the
//! due list, monthly targets and case-reference errors.

use crate::model::follow_up::{Band, DueKind, YearMonth};
use crate::model::templates::CaseRefError;
use crate::model::Participant;
use chrono::{NaiveDate, NaiveTime};

/// Columns of the CSV export with one row per meeting.
pub const CSV_HEADERS_PER_MEETING: [&str; 16] = [
    "Dato",
    "Tid",
    "Type",
    "Sagsreference",
    "Status",
    "Initiativtager",
    "Samordner",
    "Deltagere",
    "Spørgsmål",
    "Beslutninger",
    "Handlinger (åbne/i alt)",
    "Opfølgningsdato",
    "Næste opfølgning",
    "Koblede indsatser",
    "Trin",
    "Noter",
];

/// Columns of the CSV export with one row per action item: the meeting's key columns, then the item.
pub const CSV_HEADERS_PER_ACTION_ITEM: [&str; 9] = [
    "Dato",
    "Tid",
    "Type",
    "Sagsreference",
    "Status",
    "Handling",
    "Ansvarlig",
    "Frist",
    "Udført",
];

/// Names of the built-in templates. Stable: users and saved files refer to them by name.
pub const TEMPLATE_FAMILY_GROUP_CONFERENCE: &str = "Familierådslagning";
pub const TEMPLATE_SIGNS_OF_SAFETY: &str = "Signs of Safety";
pub const TEMPLATE_INVOLVING_NETWORK_MEETING: &str = "Inddragende netværksmøde";
pub const TEMPLATE_FAELLES_INDSATS: &str = "Fælles Indsats";

/// The phases of a family group conference, in order.
pub const FAMILY_GROUP_CONFERENCE_PHASES: [&str; 5] = [
    "Forberedelse",
    "Information",
    "Familiens egen tid",
    "Planen",
    "Opfølgning",
];

/// Typical questions; the caseworker rewrites them together with the family before the conference.
pub const FAMILY_GROUP_CONFERENCE_QUESTIONS: [&str; 3] = [
    "Hvad skal der til, for at barnet trives og udvikler sig godt i hverdagen?",
    "Hvordan kan familien og netværket støtte forældrene, så barnet er trygt derhjemme?",
    "Hvem i netværket kan træde til, hvis der opstår en krise?",
];

pub const SIGNS_OF_SAFETY_QUESTIONS: [&str; 3] = [
    "Hvad er vi bekymrede for?",
    "Hvad fungerer godt?",
    "Hvad skal der ske?",
];

pub const SIGNS_OF_SAFETY_CHECKLIST: [&str; 5] = [
    "Forberedelse",
    "Bekymringer",
    "Det der fungerer godt",
    "Sikkerhedsskala 0–10",
    "Næste skridt og ansvarlige",
];

pub const INVOLVING_NETWORK_MEETING_CHECKLIST: [&str; 5] = [
    "Familien har sagt ja til mødet",
    "Familien har valgt, hvem fra netværket der inviteres",
    "Mødeleder og referent er aftalt",
    "Aftaler og ansvarlige er skrevet ned",
    "Opfølgningsdato er sat",
];

pub const INVOLVING_NETWORK_MEETING_QUESTIONS: [&str; 3] = [
    "Hvad er bekymringen for barnet?",
    "Hvad kan familien og netværket selv gøre?",
    "Hvilken støtte er der brug for fra fagpersonerne?",
];

pub const FAELLES_INDSATS_CHECKLIST: [&str; 5] = [
    "Forældrene har givet samtykke",
    "Skole eller dagtilbud, familiecenter, PPR og sundhedspleje er inviteret",
    "Bekymringen er beskrevet",
    "Fælles plan med ansvarlige",
    "Opfølgningsmøde er aftalt",
];

pub const FAELLES_INDSATS_QUESTIONS: [&str; 3] = [
    "Hvad er vi bekymrede for, og hvad ser forældrene og barnet selv?",
    "Hvad fungerer allerede for barnet?",
    "Hvem gør hvad, og hvornår følger vi op?",
];

/// "Familie: Mor", "Fagperson: Hanne (PPR)", or the role alone when nothing else is known.
pub fn participant(p: &Participant) -> String {
    let role = super::participant_role(p.role);
    let name = p.name.trim();
    let rel = p.relation_or_unit.trim();
    match (name.is_empty(), rel.is_empty()) {
        (true, true) => role.to_string(),
        (false, true) => format!("{role}: {name}"),
        (true, false) => format!("{role}: {rel}"),
        (false, false) => format!("{role}: {name} ({rel})"),
    }
}

/// All participants in one cell: "Familie: Mor; Fagperson: PPR".
pub fn participants(ps: &[Participant]) -> String {
    ps.iter().map(participant).collect::<Vec<_>>().join("; ")
}

/// Open action items of all: "1 af 3". Not "1/3", which Danish Excel turns into a date.
pub fn open_of_total(open: usize, total: usize) -> String {
    format!("{open} af {total}")
}

pub fn yes_no(b: bool) -> &'static str {
    if b {
        "Ja"
    } else {
        "Nej"
    }
}

/// `09:30`
pub fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub fn case_ref_error(e: &CaseRefError) -> String {
    match e {
        CaseRefError::Empty => {
            "Skriv en sagsreference, fx et internt sagsnummer eller et pseudonym.".into()
        }
        CaseRefError::CprLike => "Sagsreferencen ligner et CPR-nummer. Brug et pseudonym eller et \
                                  internt sagsnummer, aldrig et CPR-nummer eller et fuldt navn."
            .into(),
        CaseRefError::TooLong { max } => format!("Sagsreferencen må højst være {max} tegn."),
    }
}

pub fn due_kind(k: &DueKind) -> &'static str {
    match k {
        DueKind::FollowUp => "Opfølgning",
        DueKind::ActionItem { .. } => "Handling",
    }
}

/// "i dag", "i morgen", "om 5 dage", "1 dag over fristen", "12 dage over fristen".
pub fn due_relative(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        0 => "i dag".into(),
        1 => "i morgen".into(),
        d if d > 1 => format!("om {d} dage"),
        -1 => "1 dag over fristen".into(),
        d => format!("{} dage over fristen", -d),
    }
}

pub fn band(b: Band) -> &'static str {
    match b {
        Band::Below => "Under målet",
        Band::Within => "Inden for målet",
        Band::Above => "Over målet",
    }
}

/// "maj 2024"
pub fn year_month(ym: YearMonth) -> String {
    let name = super::MONTHS
        .get(ym.month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{name} {}", ym.year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParticipantRole;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn participant_cells() {
        let p = |role, name: &str, rel: &str| Participant {
            role,
            name: name.into(),
            relation_or_unit: rel.into(),
            ..Participant::default()
        };
        assert_eq!(
            participants(&[
                p(ParticipantRole::Family, "", "Mor"),
                p(ParticipantRole::Professional, "", "PPR"),
            ]),
            "Familie: Mor; Fagperson: PPR"
        );
        assert_eq!(
            participant(&p(ParticipantRole::Network, "Åse", "mormor")),
            "Netværk: Åse (mormor)"
        );
        assert_eq!(
            participant(&p(ParticipantRole::Network, " ", "")),
            "Netværk"
        );
    }

    #[test]
    fn relative_due_texts() {
        let today = d(2024, 5, 10);
        assert_eq!(due_relative(d(2024, 5, 10), today), "i dag");
        assert_eq!(due_relative(d(2024, 5, 11), today), "i morgen");
        assert_eq!(due_relative(d(2024, 5, 15), today), "om 5 dage");
        assert_eq!(due_relative(d(2024, 5, 9), today), "1 dag over fristen");
        assert_eq!(due_relative(d(2024, 4, 28), today), "12 dage over fristen");
    }

    #[test]
    fn month_and_misc_labels() {
        assert_eq!(year_month(YearMonth::new(2024, 5)), "maj 2024");
        assert_eq!(open_of_total(1, 3), "1 af 3");
        assert_eq!(time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "09:05");
        assert!(case_ref_error(&CaseRefError::TooLong { max: 80 }).contains("80"));
    }
}
