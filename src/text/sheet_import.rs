//! Danish text for bringing in a spreadsheet: what each field is called, the headers people give its column,
//! the names they write values with, and what is wrong with a cell.

use crate::model::{InitiativeStatus, MeetingStatus, MeetingType, ParticipantRole};
use crate::sheet_import::cells::ValueProblem;
use crate::sheet_import::fields::{Field, Kind};
use crate::sheet_import::preview::{CellProblem, RowProblem};

/// A field as the mapping names it.
pub fn field_label(f: Field) -> &'static str {
    match f {
        Field::Date => "Dato",
        Field::Time => "Tid",
        Field::MeetingType => "Mødetype",
        Field::CaseRef => "Sagsreference",
        Field::MeetingStatus | Field::InitiativeStatus => "Status",
        Field::Initiator => "Initiativtager",
        Field::Coordinator => "Samordner",
        Field::Participants => "Deltagere",
        Field::Questions => "Spørgsmål",
        Field::Decisions => "Beslutninger og aftaler",
        Field::MeasureStart => super::meetings::L_MEASURE_START,
        Field::FollowUpDate => "Opfølgningsdato",
        Field::Notes => "Noter",
        Field::Number => "Nummer",
        Field::Title => "Titel",
        Field::Description => "Beskrivelse",
        Field::Owner => "Ejer",
        Field::Committee => "Udvalg",
        Field::Start => "Start",
        Field::Deadline => "Frist",
        Field::Period => "Periode",
        Field::Budget => "Budget for året i overskriften (kr.)",
    }
}

/// The headers a column of this field goes by, in Danish and English; compared without case, spaces and
/// punctuation («Sags-ID» is «sagsid»). Trappe's own CSV headers are among them, so its exports read back.
pub fn header_words(f: Field) -> &'static [&'static str] {
    match f {
        Field::Date => &["Dato", "Mødedato", "Dato for mødet", "Date", "Meeting date"],
        Field::Time => &["Tid", "Tidspunkt", "Kl.", "Klokken", "Time", "Start time"],
        Field::MeetingType => &["Type", "Mødetype", "Mødeform", "Meeting type"],
        Field::CaseRef => &[
            "Sagsreference",
            "Sagsref.",
            "Sagsnr.",
            "Sagsnummer",
            "Sags-ID",
            "Sag",
            "Journalnr.",
            "Case",
            "Case ID",
            "Case ref",
            "Case reference",
            "Case number",
        ],
        Field::MeetingStatus | Field::InitiativeStatus => &["Status", "State"],
        Field::Initiator => &[
            "Initiativtager",
            "Sagsbehandler",
            "Rådgiver",
            "Initiator",
            "Caseworker",
        ],
        Field::Coordinator => &["Samordner", "Koordinator", "Facilitator", "Coordinator"],
        Field::Participants => &["Deltagere", "Deltager", "Fremmødte", "Participants"],
        Field::Questions => &["Spørgsmål", "Spørgsmål til mødet", "Questions"],
        Field::Decisions => &[
            "Beslutninger",
            "Aftaler",
            "Beslutninger og aftaler",
            "Decisions",
            "Agreements",
        ],
        Field::MeasureStart => &[
            super::meetings::L_MEASURE_START,
            "Indsatsstart",
            "Foranstaltning start",
            "Measure start",
        ],
        Field::FollowUpDate => &[
            "Opfølgningsdato",
            "Opfølgning",
            "Follow-up",
            "Follow-up date",
        ],
        Field::Notes => &[
            "Noter",
            "Note",
            "Bemærkninger",
            "Kommentar",
            "Kommentarer",
            "Notes",
        ],
        Field::Number => &["Nummer", "Nr.", "Nr", "Number", "No."],
        Field::Title => &[
            "Titel",
            "Initiativ",
            "Initiativets navn",
            "Title",
            "Initiative",
        ],
        Field::Description => &["Beskrivelse", "Indhold", "Description"],
        Field::Owner => &[
            "Ejer",
            "Ansvarlig",
            "Ansvarlig enhed",
            "Owner",
            "Responsible",
        ],
        Field::Committee => &["Udvalg", "Politisk udvalg", "Committee"],
        Field::Start => &["Start", "Startdato", "Begynder", "Start date"],
        Field::Deadline => &["Frist", "Slutdato", "Deadline", "Due", "End date"],
        Field::Period => &["Periode", "Period"],
        Field::Budget => &[],
    }
}

/// Short forms people write a meeting type with, beside its full name.
pub fn meeting_type_words(t: &MeetingType) -> &'static [&'static str] {
    match t {
        MeetingType::FamilyGroupConference => {
            &["FRL", "Familierådslagning", "Family group conference"]
        }
        MeetingType::InvolvingNetworkMeeting => &["Netværksmøde", "Inddragende møde"],
        MeetingType::Interdisciplinary => &["Tværfagligt", "Tværfagligt netværksmøde"],
        MeetingType::FaellesIndsats => &["Fælles Indsats", "FI", "FI-møde"],
        MeetingType::SignsOfSafety => &["Signs of Safety", "SoS", "SoS-møde"],
        MeetingType::FollowUp => &["Opfølgning", "Follow-up"],
        _ => &[],
    }
}

pub fn meeting_status_words(s: MeetingStatus) -> &'static [&'static str] {
    match s {
        MeetingStatus::Planned => &["Planned", "Kommende"],
        MeetingStatus::Held => &["Held", "Holdt"],
        MeetingStatus::FollowedUp => &["Followed up", "Opfulgt"],
        MeetingStatus::Cancelled => &["Cancelled", "Aflyst", "Udgået"],
    }
}

pub fn initiative_status_words(s: InitiativeStatus) -> &'static [&'static str] {
    match s {
        InitiativeStatus::NotStarted => &["Ikke påbegyndt", "Not started"],
        InitiativeStatus::InProgress => &["I gang", "Igangsat", "In progress"],
        InitiativeStatus::Delayed => &["Forsinket", "Delayed"],
        InitiativeStatus::Done => &["Afsluttet", "Gennemført", "Færdig", "Done"],
        InitiativeStatus::Paused => &["Sat i bero", "På pause", "Paused"],
        InitiativeStatus::Dropped => &["Opgivet", "Droppet", "Dropped"],
    }
}

/// A participant's role from the word before the colon in Trappe's CSV («Fagperson: Hanne»).
pub fn participant_role(word: &str) -> Option<ParticipantRole> {
    [
        ParticipantRole::Family,
        ParticipantRole::Network,
        ParticipantRole::Professional,
    ]
    .into_iter()
    .find(|r| super::participant_role(*r).eq_ignore_ascii_case(word.trim()))
}

/// The name inside Trappe's own «Ukendt type: «x»», so its export of an unknown type reads back as it.
pub fn unknown_type_inner(found: &str) -> Option<&str> {
    found
        .trim()
        .strip_prefix("Ukendt type: «")?
        .strip_suffix('»')
}

pub const AMOUNT_TOO_LARGE: &str = "Beløbet er for stort.";

/// What is wrong with one cell, and what to do.
pub fn value_problem(p: &ValueProblem) -> String {
    match p {
        ValueProblem::NotADate(t) => format!("«{t}» er ikke en dato. Skriv fx 08.05.2019."),
        ValueProblem::NoSuchDate(t) => {
            format!("Datoen «{t}» findes ikke. Ret dagen eller måneden.")
        }
        ValueProblem::NotATime(t) => format!("«{t}» er ikke et klokkeslæt. Skriv fx 10:00."),
        ValueProblem::NotANumber(_, why) => why.clone(),
        ValueProblem::UnknownStatus { found, close } => match close {
            Some(c) => format!("Status «{found}» kendes ikke. Mente du «{c}»?"),
            None => format!(
                "Status «{found}» kendes ikke. Vælg en status for den over forhåndsvisningen."
            ),
        },
        ValueProblem::FormulaError(e) => {
            format!("Cellen viser formelfejlen {e}. Ret formlen i regnearket.")
        }
        ValueProblem::Missing => "Feltet er tomt og skal udfyldes.".into(),
    }
}

/// One cell's problem with its place: «Kolonne C (Mødedato): Datoen «31.04.2024» findes ikke. …».
pub fn cell_problem(p: &CellProblem, headers: &[String]) -> String {
    let what = match &p.problem {
        RowProblem::Value(v) => value_problem(v),
        RowProblem::Rule(r) => r.clone(),
    };
    match p.column {
        Some(c) => {
            let header = headers.get(c).map(|h| h.trim()).unwrap_or("");
            if header.is_empty() {
                format!("Kolonne {}: {what}", column_letter(c))
            } else {
                format!("Kolonne {} ({header}): {what}", column_letter(c))
            }
        }
        None => what,
    }
}

/// A column as spreadsheet programs name it: A … Z, AA, AB …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The kind of record, as the import's heading says it.
pub fn kind_plural(k: Kind) -> &'static str {
    match k {
        Kind::Meetings => "netværksmøder",
        Kind::Initiatives => "initiativer",
    }
}

/// The field a required column is missing for.
pub fn missing_column(f: Field) -> String {
    format!(
        "Vælg den kolonne, der rummer {}. Uden den kan rækkerne ikke blive til poster.",
        field_label(f).to_lowercase()
    )
}

/// The extra column the CSV of rows to fix gets, with the reasons.
pub const REJECTS_REASON_HEADER: &str = "Hvad skal rettes";
