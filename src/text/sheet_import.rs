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
        Field::ActionWhat => "Handling",
        Field::ActionWho => "Handlingens ansvarlige",
        Field::ActionDue => "Handlingens frist",
        Field::ActionDone => "Handlingen er udført",
        Field::Number => "Nummer",
        Field::Title => "Titel",
        Field::Description => "Beskrivelse",
        Field::Owner => "Ejer",
        Field::Committee => "Udvalg",
        Field::Start => "Start",
        Field::Deadline => "Frist",
        Field::Period => "Periode",
        Field::Budget => "Budget for året i overskriften (kr.)",
        Field::Place => "Indsats eller trin",
        Field::Count => "Antal børn (en måling pr. kolonne)",
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
        Field::ActionWhat => &["Handling", "Opgave", "Action", "Action item"],
        Field::ActionWho => &["Ansvarlig", "Hvem", "Responsible", "Who"],
        Field::ActionDue => &["Frist", "Due", "Due date"],
        Field::ActionDone => &["Udført", "Færdig", "Done"],
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
        Field::Budget | Field::Count => &[],
        Field::Place => &[
            "Indsats",
            "Indsatser",
            "Trin",
            "Indsats eller trin",
            "Tilbud",
            "Foranstaltning",
            "Intervention",
            "Step",
        ],
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
        ValueProblem::UnknownPlace { found, close } => match close {
            Some(c) => format!("Trappen har ingen indsats eller trin ved navn «{found}». Mente du «{c}»?"),
            None => format!("Trappen har ingen indsats eller trin ved navn «{found}». Vælg, hvad der menes, over forhåndsvisningen, eller opret indsatsen på trappen først."),
        },
        ValueProblem::NotYesNo(t) => {
            format!("«{t}» er hverken ja eller nej. Skriv ja, nej eller x.")
        }
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
        Kind::Measurements => "målinger",
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

// The import page.

/// The button and link that open the import, wherever records of a kind live.
pub const OPEN_IMPORT: &str = "Importér fra regneark";

pub fn page_title(k: Kind) -> &'static str {
    match k {
        Kind::Meetings => "Importér netværksmøder fra regneark",
        Kind::Initiatives => "Importér initiativer fra regneark",
        Kind::Measurements => "Importér målinger fra regneark",
    }
}

pub fn page_lead(k: Kind) -> &'static str {
    match k {
        Kind::Meetings => "Hent netværksmøder ind fra et regneark i Excel eller LibreOffice, eller fra en CSV-fil. Du ser, hvad hver række bliver til, før noget ændres.",
        Kind::Measurements => "Hent antal børn pr. indsats eller trin ind fra et regneark i Excel eller LibreOffice, eller fra en CSV-fil: én række pr. indsats eller trin, én kolonne pr. måling med målingens navn som overskrift (fx «Baseline 2016»). Du ser, hvad der bliver til, før noget ændres.",
        Kind::Initiatives => "Hent handleplanens initiativer ind fra et regneark i Excel eller LibreOffice, eller fra en CSV-fil. Du ser, hvad hver række bliver til, før noget ændres.",
    }
}

pub const FILE_LABEL: &str = "Regneark";
pub const FILE_HINT: &str = "Vælg en .xlsx-, .ods- eller .csv-fil, eller træk den herhen. CSV fra dansk Excel (semikolonsepareret) kan bruges, som den er.";
pub const READING: &str = "Læser regnearket …";
pub const SHEET_LABEL: &str = "Ark";
pub const SHEET_HINT: &str = "Projektmappen har flere ark. Vælg det, rækkerne står i.";
pub const HEADER_ROW_LABEL: &str = "Overskrifterne står i række";
pub const HEADER_ROW_HINT: &str =
    "Trappe har fundet rækken med kolonnernes overskrifter. Ret den, hvis den er forkert.";
pub const MAPPING_HEADING: &str = "Hvad indeholder kolonnerne?";
pub const MAPPING_LEAD: &str = "Trappe har gættet ud fra overskrifterne. Ret det, der er forkert, og vælg «Spring over» for kolonner, der ikke skal med. Dit valg huskes til næste gang i dette arbejdsområde.";
pub const COLUMN: &str = "Kolonne";
pub const HEADER: &str = "Overskrift";
pub const EXAMPLE: &str = "Første værdi";
pub const BECOMES: &str = "Bliver til";
pub const SKIP: &str = "Spring over";
pub const UNKNOWN_HEADING: &str = "Værdier, Trappe ikke kender";
pub fn unknown_lead(k: Kind) -> &'static str {
    match k {
        Kind::Meetings => "Vælg, hvad hver værdi betyder. En mødetype, du ikke vælger for, importeres som ukendt type, så du kan rette den bagefter. En status, du ikke vælger for, bliver ikke importeret.",
        Kind::Initiatives => "Vælg, hvad hver status betyder. Rækker med en status, du ikke vælger for, bliver ikke importeret.",
        Kind::Measurements => "Vælg, hvilken indsats eller hvilket trin hvert navn betyder. Rækker med et navn, du ikke vælger for, bliver ikke importeret.",
    }
}
pub const KEEP_UNKNOWN_TYPE: &str = "Lad typen stå som ukendt";
pub const LEAVE_STATUS: &str = "Vælg ikke (rækkerne importeres ikke)";
pub const OWN_TYPE: &str = "Kommunens egen mødetype med dette navn";

pub fn unknown_value_label(found: &str, rows: usize) -> String {
    let r = if rows == 1 {
        "1 række".to_string()
    } else {
        format!("{rows} rækker")
    };
    format!("«{found}» ({r})")
}

pub fn close_match(name: &str) -> String {
    format!("Mente du «{name}»?")
}

pub const PREVIEW_HEADING: &str = "Forhåndsvisning";

pub fn summary(
    new: usize,
    existing: usize,
    changed: usize,
    parts_of: usize,
    unreadable: usize,
) -> String {
    let mut parts = vec![match new {
        1 => "1 ny række".to_string(),
        n => format!("{n} nye rækker"),
    }];
    if existing > 0 {
        let mut e = format!("{} findes allerede", rows(existing));
        if changed > 0 {
            e.push_str(&format!(" ({changed} med ændringer)"));
        }
        parts.push(e);
    }
    if parts_of > 0 {
        parts.push(format!(
            "{} med flere handlinger til et møde ovenfor",
            rows(parts_of)
        ));
    }
    if unreadable > 0 {
        parts.push(format!("{} kan ikke læses", rows(unreadable)));
    }
    format!("{}.", parts.join(", "))
}

fn rows(n: usize) -> String {
    if n == 1 {
        "1 række".into()
    } else {
        format!("{n} rækker")
    }
}

pub fn sample_caption(shown: usize, of: usize) -> String {
    if shown == of {
        "Sådan bliver rækkerne".to_string()
    } else {
        format!("Sådan bliver de første {shown} af {of} rækker")
    }
}

pub const ROW: &str = "Række";
pub const EXISTS: &str = "Findes allerede";
pub const EXISTS_CHANGED: &str = "Findes allerede, med ændringer";
pub const NEW: &str = "Ny";
pub const PROBLEMS_HEADING: &str = "Rækker, der ikke kan læses";
pub const PROBLEMS_LEAD: &str =
    "Disse rækker bliver ikke importeret. Hent dem som CSV, ret dem, og importér filen bagefter.";

pub fn row_number(row: usize) -> String {
    format!("Række {row}")
}

pub fn more_problems(n: usize) -> String {
    format!("… og {n} rækker mere. Alle er med i CSV-filen.")
}

pub fn repeats(row: usize) -> String {
    format!("Samme som række {row}")
}

pub fn existing_legend(k: Kind) -> &'static str {
    match k {
        Kind::Measurements => "Målinger, der findes allerede",
        _ => "Rækker, der findes allerede",
    }
}
pub const EXISTING_SKIP: &str = "Spring dem over";
pub const EXISTING_UPDATE: &str = "Opdatér dem med regnearkets værdier";
/// The last column of the sample: whether a row is new or already there.
pub const NEW_OR_EXISTING: &str = "Ny eller findes";

/// The link after an import, to where the records are.
pub fn see_imported(k: Kind) -> (&'static str, &'static str) {
    match k {
        Kind::Meetings => ("/netvaerksmoeder", "Se netværksmøderne"),
        Kind::Initiatives => ("/handleplan", "Se handleplanen"),
        Kind::Measurements => ("/trappe/maalinger", "Se målingerne"),
    }
}
pub const EXISTING_HINT_MEETINGS: &str =
    "En række findes allerede, når sagsreference, dato og mødetype er de samme som i et møde her.";
pub const EXISTING_HINT_PLAN: &str = "En række findes allerede, når et initiativ her har samme nummer, eller samme titel, hvor der ikke er noget nummer.";

pub fn import_button(k: Kind, n: usize) -> String {
    match (k, n) {
        (Kind::Measurements, 1) => "Importér 1 måling".into(),
        (Kind::Measurements, n) => format!("Importér {n} målinger"),
        (_, 1) => "Importér 1 række".into(),
        (_, n) => format!("Importér {n} rækker"),
    }
}

pub const NOTHING_TO_IMPORT: &str = "Der er intet nyt at importere.";
pub const DOWNLOAD_REJECTS: &str = "Hent rækkerne, der skal rettes (CSV)";
pub const CANCEL: &str = "Annullér";
pub const IMPORT_ANYWAY: &str = "Importér alligevel";

/// The CSV of rows to fix, named after the sheet's file in plain ASCII («møder.xlsx» → «moeder-rettes.csv»):
/// browsers may name a download with æøå «download».
pub fn rejects_file_name(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    match crate::file_format::export::ascii_slug(stem) {
        s if s.is_empty() => "regneark-rettes.csv".to_string(),
        s => format!("{s}-rettes.csv"),
    }
}

pub fn imported(k: Kind, n: usize) -> String {
    let what = match (k, n) {
        (Kind::Meetings, 1) => "1 netværksmøde er".to_string(),
        (Kind::Meetings, n) => format!("{n} netværksmøder er"),
        (Kind::Initiatives, 1) => "1 initiativ er".to_string(),
        (Kind::Initiatives, n) => format!("{n} initiativer er"),
        (Kind::Measurements, 1) => "1 måling er".to_string(),
        (Kind::Measurements, n) => format!("{n} målinger er"),
    };
    format!("{what} importeret eller opdateret. Fortryd det hele med «Fortryd» eller Ctrl+Z.")
}

pub const NO_ROWS: &str = "Arket har ingen rækker. Vælg et andet ark eller en anden fil.";
pub const BACK_TO_LIST: &str = "Tilbage til listen";
pub const DATA_SECTION_LEAD: &str = "Har du netværksmøder, initiativer eller antal børn pr. indsats i Excel, LibreOffice eller en CSV-fil, kan du hente dem ind.";

/// An intervention whose name two steps share, named with its step.
pub fn intervention_in_step(intervention: &str, step: &str) -> String {
    format!("{intervention} ({step})")
}

/// The preview's count line for measurements: what the columns become, and how many rows were read.
pub fn measurement_summary(
    new: &[String],
    existing: &[(String, bool)],
    counted: usize,
    unreadable: usize,
) -> String {
    let mut parts = Vec::new();
    if !new.is_empty() {
        let names: Vec<String> = new.iter().map(|n| format!("«{n}»")).collect();
        parts.push(match new.len() {
            1 => format!("1 ny måling: {}", names[0]),
            n => format!("{n} nye målinger: {}", names.join(", ")),
        });
    }
    for (name, changes) in existing {
        parts.push(if *changes {
            format!("«{name}» findes allerede, med andre tal")
        } else {
            format!("«{name}» findes allerede, med de samme tal")
        });
    }
    let mut s = parts.join("; ");
    s.push_str(&format!(
        ". {} med tal for en indsats eller et trin",
        rows(counted)
    ));
    if unreadable > 0 {
        s.push_str(&format!(", {} kan ikke læses", rows(unreadable)));
    }
    s.push('.');
    s
}

pub const EXISTING_HINT_MEASUREMENTS: &str = "En måling findes allerede, når trappen har en måling med samme navn som kolonnens overskrift. Opdateres den, får indsatserne og trinene i regnearket dets tal; de øvrige beholder deres.";
