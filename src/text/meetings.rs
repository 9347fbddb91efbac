//! Danish text for the network-meeting log: CSV headers, the built-in templates' contents, labels for the
//! due list, monthly targets and case-reference errors.

use crate::model::follow_up::{Band, DueKind, YearMonth};
use crate::model::meeting_form::FormProblem;
use crate::model::templates::CaseRefError;
use crate::model::{Meeting, Participant, ParticipantRole};
use chrono::{NaiveDate, NaiveTime};

/// Columns of the CSV export with one row per meeting. Cells with several values (participants,
/// questions, interventions, steps) hold one value per line.
pub const CSV_HEADERS_PER_MEETING: [&str; 17] = [
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
    L_MEASURE_START,
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

/// A date with a time of day: "3.3.2026 kl. 09.30".
pub fn date_at(date: &str, t: NaiveTime) -> String {
    format!("{date} kl. {}", time(t))
}

/// `09.30`, as Danes write the time of day (`kl. 09.30`).
pub fn time(t: NaiveTime) -> String {
    crate::model::dates::hour_minute(t, '.')
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

// ---------------------------------------------------------------------------------------------------------
// Screens of the meeting area (src/ui/meetings).

pub const AREA_TITLE: &str = "Netværksmøder";
pub const SUBNAV_LABEL: &str = "Netværksmøder";
pub const SUBNAV_LIST: &str = "Møder";
pub const SUBNAV_FOLLOW_UP: &str = "Opfølgning";
pub const SUBNAV_STATS: &str = "Statistik";
pub const SUBNAV_TEMPLATES: &str = "Skabeloner";
pub const SUBNAV_SETTINGS: &str = "Indstillinger";
pub const NOT_FOUND_TITLE: &str = "Mødet findes ikke";
pub const NOT_FOUND_TEXT: &str =
    "Mødet findes ikke i det åbne arbejdsområde. Det kan være slettet, eller linket kan være fra et andet arbejdsområde.";
pub const BACK_TO_LIST: &str = "Tilbage til listen over møder";

// The list
pub const LIST_LEAD: &str =
    "Log over familierådslagninger, netværksmøder og andre møder med familien og netværket. Sagen står kun som pseudonym eller internt sagsnummer.";
pub const NEW_MEETING: &str = "Nyt møde";
pub const FILTERS_LABEL: &str = "Søg og filtrér møder";
pub const L_SEARCH: &str = "Søg";
pub const H_SEARCH: &str =
    "Søger i sagsreference, personer og roller, deltagere, spørgsmål, beslutninger, handlinger, noter og mødetype.";
pub const L_FILTER_TYPE: &str = "Mødetype";
pub const ALL_TYPES: &str = "Alle typer";
pub const L_FILTER_STATUS: &str = "Status";
pub const ALL_STATUSES: &str = "Alle statusser";
pub const L_FROM: &str = "Fra dato";
pub const L_TO: &str = "Til dato";
pub const L_FILTER_STEP: &str = "Trin på trappen";
pub const ALL_STEPS: &str = "Alle trin";
pub const L_SORT: &str = "Sortering";
pub const SORT_NEWEST: &str = "Nyeste først";
pub const SORT_OLDEST: &str = "Ældste først";
pub const L_OPEN_ONLY: &str = "Kun møder med åbne handlinger";
pub const RESET_FILTERS: &str = "Nulstil søgning og filtre";
pub const TABLE_CAPTION: &str = "Netværksmøder";
pub const COL_DATE: &str = "Dato";
pub const COL_CASE: &str = "Sag";
pub const COL_TYPE: &str = "Type";
pub const COL_STATUS: &str = "Status";
pub const COL_OPEN_ACTIONS: &str = "Åbne handlinger";
pub const COL_NEXT_FOLLOW_UP: &str = "Næste opfølgning";
pub const COL_MORE: &str = "Mere";
pub const MINUTES_LINK: &str = "Referat";
pub const UNDATED: &str = "Uden dato";

/// A meeting type a file named that Trappe does not know: «Ukendt type: «sikkerhedsplan»».
pub fn unknown_type(found: &str) -> String {
    let found = found.trim();
    if found.is_empty() {
        "Ukendt type".into()
    } else {
        format!("Ukendt type: «{found}»")
    }
}

/// The type list's first choice while the meeting's type is unknown.
pub const CHOOSE_TYPE_OPTION: &str = "Vælg en type …";

/// Said at the type field of a meeting whose type is unknown.
pub fn unknown_type_asks(found: &str) -> String {
    let named = if found.trim().is_empty() {
        "en type".to_string()
    } else {
        format!("typen «{}»", found.trim())
    };
    format!("Mødet kom med {named}, som Trappe ikke kender. Vælg, hvilken type mødet er. Indtil da tælles mødet ikke med i tallene.")
}

/// What the meeting form says at a field that stops a save.
pub fn form_problem(p: &FormProblem) -> String {
    match p {
        FormProblem::TypeUnknown => TYPE_UNKNOWN_CHOOSE.into(),
        FormProblem::TypeNameMissing => TYPE_NAME_MISSING.into(),
        FormProblem::CaseRef(e) => case_ref_error(e),
        FormProblem::ActionWhatMissing => ACTION_WHAT_MISSING.into(),
    }
}

/// A save refused while the meeting's type is still unknown.
pub const TYPE_UNKNOWN_CHOOSE: &str =
    "Vælg en mødetype. Trappe kender ikke den type, mødet kom med.";

/// On Statistik (and the list) when some meetings have a type Trappe does not know.
pub fn unknown_types_left_out(n: usize) -> String {
    if n == 1 {
        "1 møde har en ukendt type og tælles ikke med i tallene. Åbn det, og vælg en type.".into()
    } else {
        format!(
            "{n} møder har en ukendt type og tælles ikke med i tallene. Åbn dem, og vælg en type."
        )
    }
}
pub const NO_CASE_REF: &str = "(uden sagsreference)";
pub const OVERDUE: &str = "Over fristen";
pub const NO_MEETINGS_YET: &str =
    "Der er ingen møder endnu. Opret det første med knappen «Nyt møde».";
pub const NO_MATCHES: &str = "Ingen møder passer til søgningen og filtrene.";
pub const PAGER_LABEL: &str = "Sider";
pub const PAGE_FIRST: &str = "Første side";
pub const PAGE_PREV: &str = "Forrige side";
pub const PAGE_NEXT: &str = "Næste side";
pub const PAGE_LAST: &str = "Sidste side";
pub const SEE_FOLLOW_UP: &str = "Se opfølgning";
pub const EXPORT_TITLE: &str = "Eksportér til regneark";
pub const EXPORT_PER_MEETING: &str = "Hent CSV med ét møde pr. række";
pub const EXPORT_PER_ACTION: &str = "Hent CSV med én handling pr. række";

/// "Viser 1–50 af 1.234 møder" (of all the workspace's meetings when nothing is filtered away).
pub fn result_count(first: usize, last: usize, found: usize, all: usize) -> String {
    let n = |v: usize| super::group_thousands(v as i64);
    let of_all = if found == all {
        String::new()
    } else {
        format!(" (ud af {})", n(all))
    };
    match found {
        0 => format!("Ingen møder fundet{of_all}."),
        1 => format!("1 møde fundet{of_all}."),
        _ if first == 1 && last == found => format!("{} møder fundet{of_all}.", n(found)),
        _ => format!(
            "Viser {}–{} af {} møder{of_all}.",
            n(first),
            n(last),
            n(found)
        ),
    }
}

/// "Side 2 af 7"
pub fn page_of(page: usize, count: usize) -> String {
    format!("Side {page} af {count}")
}

/// "3 er over fristen og 2 forfalder snart."
pub fn due_summary(overdue: usize, soon: usize) -> String {
    let items = |n: usize| {
        if n == 1 {
            "1 opfølgning eller handling".to_string()
        } else {
            format!("{n} opfølgninger og handlinger")
        }
    };
    match (overdue, soon) {
        (0, s) => format!("{} forfalder snart.", items(s)),
        (o, 0) => format!("{} er over fristen.", items(o)),
        (o, s) => format!("{} er over fristen, og {s} forfalder snart.", items(o)),
    }
}

pub fn export_lead(n: usize) -> String {
    match n {
        1 => "Eksporten følger søgningen og filtrene ovenfor: 1 møde. Filen åbner i Excel med æøå og danske datoer.".into(),
        _ => format!("Eksporten følger søgningen og filtrene ovenfor: {} møder. Filen åbner i Excel med æøå og danske datoer.", super::group_thousands(n as i64)),
    }
}

/// `netvaerksmoeder-2026-11-24.csv` or `netvaerksmoeder-handlinger-2026-11-24.csv`
pub fn csv_file_name(per_action: bool, today: NaiveDate) -> String {
    let kind = if per_action { "-handlinger" } else { "" };
    format!("netvaerksmoeder{kind}-{}.csv", today)
}

/// "1. Modtagelse og afklaring" for a step in a select.
pub fn step_option(number: usize, name: &str) -> String {
    format!("Trin {number}: {name}")
}

// The editor
pub const NEW_TITLE: &str = "Nyt møde";
/// `?skabelon=ingen`: a blank meeting.
pub const NO_TEMPLATE_KEY: &str = "ingen";
pub const TEMPLATE_GONE: &str = "Skabelonen findes ikke længere. Vælg en anden.";
pub const FORM_LABEL: &str = "Mødets oplysninger";
pub const SAVE: &str = "Gem mødet";
pub const REVERT: &str = "Fortryd ændringer";
pub const CANCEL_NEW: &str = "Annullér";
pub const CANCEL: &str = "Annullér";
pub const UNSAVED: &str = "Ændringerne er ikke gemt endnu.";
pub const NOT_SAVED_YET: &str = "Mødet er ikke gemt endnu.";
pub const SAVED: &str = "Mødet er gemt.";
pub const DELETED: &str = "Mødet er slettet. Fortryd med knappen «Fortryd» eller Ctrl+Z.";
pub const ERRORS_TITLE: &str = "Mødet er ikke gemt. Ret disse fejl:";
pub const REQUIRED: &str = " (skal udfyldes)";
pub const TOOLS_LABEL: &str = "Handlinger for mødet";
pub const PRINT_MINUTES: &str = "Referat til udskrift";
pub const DUPLICATE: &str = "Duplikér mødet";
pub const MARK_FOLLOWED_UP: &str = "Markér som fulgt op";
pub const MARK_DONE: &str = "Markér som udført";
pub const MARKED_FOLLOWED_UP: &str = "Mødet er markeret som fulgt op.";
pub const MARKED_DONE: &str = "Handlingen er markeret som udført.";
pub const SAVE_AS_TEMPLATE: &str = "Gem som skabelon";
pub const DELETE: &str = "Slet mødet";
pub const DELETE_QUESTION: &str = "Slette mødet?";
pub const DELETE_CONFIRM: &str = "Ja, slet mødet";
pub const L_TEMPLATE_NAME: &str = "Skabelonens navn";
pub const H_TEMPLATE_NAME: &str =
    "Skabelonen får mødets type, spørgsmål og tjekliste. Intet om sagen eller personerne kommer med.";
pub const TEMPLATE_NAME_MISSING: &str = "Skriv et navn til skabelonen.";
pub const SAVE_TEMPLATE: &str = "Gem skabelonen";

pub const SECTION_BASICS: &str = "Mødet";
pub const L_TYPE: &str = "Mødetype";
/// Select value for "another type".
pub const NEW_TYPE_KEY: &str = "ny-type";
pub const NEW_TYPE_OPTION: &str = "Anden mødetype …";
pub const L_TYPE_NAME: &str = "Navn på mødetypen";
pub const H_TYPE_NAME: &str =
    "Fx «Overgangsmøde» eller «Skolemøde». Typen kan vælges igen ved næste møde.";
pub const TYPE_NAME_MISSING: &str = "Skriv navnet på mødetypen.";
pub const L_DATE: &str = "Dato";
pub const L_TIME: &str = "Klokkeslæt";
pub const H_TIME: &str = "Valgfrit, fx 09.30.";
pub const L_STATUS: &str = "Status";
pub const L_CASE_REF: &str = "Sagsreference";
pub const H_CASE_REF: &str =
    "Et pseudonym eller internt sagsnummer, fx «Sag F-2041». Aldrig CPR-nummer eller fulde navne.";

pub const SECTION_ROLES: &str = "Roller";
pub const H_ROLES: &str =
    "Skriv gerne rolle eller enhed frem for navne, fx «Sagsbehandler, Familieafdelingen».";
pub const L_INITIATOR: &str = "Initiativtager";
pub const H_INITIATOR: &str =
    "Som regel sagsbehandleren, der formulerer spørgsmålene med familien.";
pub const L_COORDINATOR: &str = "Samordner";
pub const H_COORDINATOR: &str = "Uddannet og uafhængig af sagen; inviterer netværket.";
pub const L_INVITED_BY: &str = "Inviterer";
pub const L_CHAIR: &str = "Mødeleder";
pub const L_NOTE_TAKER: &str = "Referent";
pub const L_MINUTES_KIND: &str = "Referatform";

pub const SECTION_PARTICIPANTS: &str = "Deltagere";
pub const H_PARTICIPANTS: &str =
    "Familie, netværk og fagpersoner. Navn er valgfrit; relationen til barnet («mormor») eller enheden («PPR») er nok.";
pub const L_ROLE: &str = "Rolle";
pub const L_RELATION: &str = "Relation til barnet";
pub const L_UNIT: &str = "Enhed eller fagområde";
pub const L_PARTICIPANT_NAME: &str = "Navn (valgfrit)";

pub fn participant_legend(n: usize) -> String {
    format!("Deltager {n}")
}

pub fn remove_participant(n: usize) -> String {
    format!("Fjern deltager {n}")
}

/// "Tilføj familie" …
pub fn add_participant(role: ParticipantRole) -> String {
    match role {
        ParticipantRole::Family => "Tilføj fra familien".into(),
        ParticipantRole::Network => "Tilføj fra netværket".into(),
        ParticipantRole::Professional => "Tilføj fagperson".into(),
    }
}

/// "2 fra familien, 3 fra netværket, 1 fagperson"
pub fn participant_counts(family: usize, network: usize, professional: usize) -> String {
    if family + network + professional == 0 {
        return "Ingen deltagere endnu.".into();
    }
    let pro = if professional == 1 {
        "1 fagperson".to_string()
    } else {
        format!("{professional} fagpersoner")
    };
    format!("{family} fra familien, {network} fra netværket, {pro}.")
}

pub const SECTION_CONTENT: &str = "Spørgsmål, forløb og beslutninger";
pub const L_QUESTIONS: &str = "Spørgsmål, mødet skal besvare";
pub const H_QUESTIONS: &str = "Formuleres af initiativtageren sammen med familien før mødet.";
pub const ADD_QUESTION: &str = "Tilføj spørgsmål";

pub fn question_label(n: usize) -> String {
    format!("Spørgsmål {n}")
}

pub fn remove_question(n: usize) -> String {
    format!("Fjern spørgsmål {n}")
}

pub const L_CHECKLIST: &str = "Forløb og tjekliste";
pub const H_CHECKLIST: &str = "Sæt flueben, efterhånden som punkterne er gennemført.";
pub const L_CHECKLIST_NEW: &str = "Nyt punkt på tjeklisten";
pub const ADD_CHECKLIST_ITEM: &str = "Tilføj punkt";

pub fn remove_checklist_item(label: &str) -> String {
    format!("Fjern «{label}»")
}

/// "2 af 5 punkter gennemført"
pub fn checklist_progress(done: usize, total: usize) -> String {
    if total == 0 {
        "Tjeklisten er tom.".into()
    } else {
        format!("{done} af {total} punkter gennemført.")
    }
}

pub const L_SCALE: &str = "Sikkerhedsskala (Signs of Safety)";
pub const H_SCALE: &str =
    "0 betyder, at barnet ikke er sikkert derhjemme; 10, at alle er trygge ved, at barnet er sikkert nok til, at sagen kan lukkes.";
pub const SCALE_NONE: &str = "Ikke vurderet";
pub const SCALE_LOW: &str = "0: ikke sikkert";
pub const SCALE_HIGH: &str = "10: sikkert nok";
pub const ADD_SCALE: &str = "Tilføj sikkerhedsskala 0–10";

pub fn scale_value(v: u8) -> String {
    format!("{v} på en skala fra 0 til 10")
}

pub const L_DECISIONS: &str = "Beslutninger";
pub const H_DECISIONS: &str = "Hvad blev besluttet, og hvad blev familiens plan?";

pub const SECTION_ACTIONS: &str = "Handleplan";
pub const H_ACTIONS: &str =
    "Hvad skal gøres, hvem gør det, og hvornår. Handlinger med frist vises under Opfølgning.";
pub const ADD_ACTION: &str = "Tilføj handling";
pub const L_ACTION_WHAT: &str = "Hvad";
pub const L_ACTION_WHO: &str = "Hvem";
pub const L_ACTION_DUE: &str = "Frist";
pub const L_ACTION_DONE: &str = "Udført";
pub const ACTION_WHAT_MISSING: &str = "Skriv, hvad der skal gøres.";

pub fn action_legend(n: usize) -> String {
    format!("Handling {n}")
}

pub fn remove_action(n: usize) -> String {
    format!("Fjern handling {n}")
}

/// "2 åbne af 3 handlinger"
pub fn open_actions_text(open: usize, total: usize) -> String {
    match total {
        0 => "Ingen handlinger endnu.".into(),
        1 => format!("{open} åben af 1 handling."),
        _ => format!("{open} åbne af {total} handlinger."),
    }
}

pub const SECTION_FOLLOW_UP: &str = "Opfølgning og kobling til trappen";
pub const L_MEASURE_START: &str = "Indsatsen startede";
pub const H_MEASURE_START: &str =
    "Barnets Lov § 95: første opfølgning senest 3 måneder efter, at indsatsen er startet.";
pub const L_FOLLOW_UP_DATE: &str = "Opfølgningsdato";
pub const H_FOLLOW_UP_DATE: &str =
    "Valgfri. Uden dato beregnes næste opfølgning ud fra reglerne under Indstillinger.";
pub const NEXT_FOLLOW_UP: &str = "Næste opfølgning";
pub const NO_NEXT_FOLLOW_UP: &str = "Ingen (mødet er fulgt op, aflyst eller uden dato)";
pub const L_LINKED_STEP: &str = "Trin på trappen";
pub const H_LINKED_STEP: &str = "Det trin, mødet førte til.";
pub const NO_STEP: &str = "Intet trin valgt";
pub const L_LINKED_INTERVENTIONS: &str = "Koblede indsatser";
pub const H_LINKED_INTERVENTIONS: &str = "Vælg de indsatser fra trappen, mødet førte til.";

/// " (2 valgt)"
pub fn linked_count(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(" ({n} valgt)")
    }
}

pub const SECTION_NOTES: &str = "Noter";
pub const L_NOTES: &str = "Noter";
pub const H_NOTES: &str = "Kommer kun med i et fuldt referat.";

pub fn new_from_template_title(template: &str) -> String {
    format!("Nyt møde: {template}")
}

pub fn new_copy_title(case_ref: &str) -> String {
    format!("Nyt møde som kopi af {case_ref}")
}

/// "Familierådslagning, Sag F-2041"
pub fn edit_title(m: &Meeting) -> String {
    format!("{}, {}", super::meeting_type(&m.meeting_type), m.case_ref)
}

/// The header's name for a meeting form's draft: "Nyt møde" or "Familierådslagning, F-2041".
pub fn draft_label(m: &Meeting, is_new: bool) -> String {
    if is_new {
        NEW_TITLE.to_string()
    } else {
        edit_title(m)
    }
}

/// "Sag F-2041 – Familierådslagning 17.09.2026"
pub fn meeting_label(m: &Meeting) -> String {
    let date = m
        .date
        .map(super::date_short)
        .unwrap_or_else(|| UNDATED.to_lowercase());
    format!(
        "{} – {} {}",
        m.case_ref,
        super::meeting_type(&m.meeting_type),
        date
    )
}

// Follow-up
pub const FOLLOW_UP_TITLE: &str = "Opfølgning";
pub const OVERDUE_CAPTION: &str = "Over fristen, ældste først";
pub const SOON_CAPTION: &str = "Forfalder snart, ældste først";
pub const NOTHING_OVERDUE: &str = "Intet er over fristen.";
pub const NOTHING_SOON: &str = "Intet forfalder i perioden.";
pub const COL_DUE: &str = "Frist";
pub const COL_WHAT: &str = "Hvad";
pub const COL_MEETING: &str = "Møde";
pub const DUE_FOLLOW_UP: &str = "Opfølgning af mødet";
pub const CHANGE_RULES: &str = "Ret reglerne for opfølgning";

pub fn due_action(what: &str) -> String {
    format!("Handling: {what}")
}

pub fn follow_up_lead(days: u32) -> String {
    format!("Opfølgninger og åbne handlinger, der er over fristen eller forfalder inden for {days} dage. Ældste først.")
}

pub fn overdue_heading(n: usize) -> String {
    format!("Over fristen ({n})")
}

pub fn soon_heading(n: usize, days: u32) -> String {
    format!("Forfalder inden for {days} dage ({n})")
}

// Settings
pub const SETTINGS_TITLE: &str = "Indstillinger for opfølgning";
pub const SETTINGS_LEAD: &str = "Reglerne bestemmer, hvornår et møde skal følges op, og hvor mange møder om måneden kommunen sigter efter.";
pub const SECTION_CADENCE: &str = "Opfølgningsrytme";
pub const L_FIRST_WITHIN: &str = "Første opfølgning senest";
pub const H_FIRST_WITHIN: &str = "Måneder efter, at indsatsen starter. Barnets Lov § 95: højst 3.";
pub const L_PLACEMENT_PER_YEAR: &str = "Opfølgninger om året for anbringelser";
pub const H_PLACEMENT_PER_YEAR: &str = "Mindst 3 om året i kommunernes planer.";
pub const L_PREVENTIVE_PER_YEAR: &str = "Opfølgninger om året for forebyggende indsatser";
pub const H_PREVENTIVE_PER_YEAR: &str = "Mindst 4 om året (hver 3. måned) i kommunernes planer.";
pub const L_DUE_SOON: &str = "Vis som «forfalder snart»";
pub const H_DUE_SOON: &str = "Antal dage frem, som Opfølgning medtager.";
pub const UNIT_MONTHS: &str = "måneder";
pub const UNIT_PER_YEAR: &str = "gange om året";
pub const UNIT_DAYS: &str = "dage";
pub const SECTION_TARGETS: &str = "Mål for antal møder om måneden";
pub const H_TARGETS: &str = "Fx 5–10 familierådslagninger om måneden i nye sager.";
pub const L_TARGET_TYPE: &str = "Mødetype";
pub const L_TARGET_MIN: &str = "Mindst";
pub const L_TARGET_MAX: &str = "Højst";
pub const ADD_TARGET: &str = "Tilføj mål";
pub const SAVE_RULES: &str = "Gem indstillingerne";
pub const RULES_SAVED: &str = "Indstillingerne er gemt.";
pub const MIN_ABOVE_MAX: &str = "«Højst» skal være mindst lige så stort som «Mindst».";
pub const DUPLICATE_TARGET: &str = "Der er allerede et mål for denne mødetype.";

pub fn number_error(min: i64, max: i64) -> String {
    format!(
        "Skriv et helt tal fra {} til {}.",
        super::group_thousands(min),
        super::group_thousands(max)
    )
}

pub fn target_legend(n: usize) -> String {
    format!("Mål {n}")
}

pub fn remove_target(n: usize) -> String {
    format!("Fjern mål {n}")
}

// Statistics
pub const STATS_TITLE: &str = "Statistik";
/// What counts as a meeting held, in every figure (Statistik, Overblik, the committee page, the comparison).
pub const HELD_RULE: &str = "Et møde tæller i den måned, det blev holdt, når det er holdt eller fulgt op. Planlagte og aflyste møder tæller ikke.";
pub fn stats_lead() -> String {
    format!("Holdte møder pr. måned og type sammenholdt med kommunens mål. {HELD_RULE} De planlagte står for sig i tabellen.")
}
pub const COL_PLANNED: &str = "Planlagt (tæller ikke)";
pub const PERIOD_LABEL: &str = "Periode";
pub const L_FROM_MONTH: &str = "Fra måned";
pub const L_TO_MONTH: &str = "Til måned";
pub const H_MONTH: &str = "Skriv mm.åååå, fx 01.2026.";
pub const PERIOD_REVERSED: &str = "«Til måned» skal ligge efter «Fra måned».";
pub const NO_TARGETS: &str = "Der er ingen mål for antal møder. Tilføj dem under Indstillinger.";
pub const ALL_TYPES_HEADING: &str = "Alle mødetyper pr. måned";
pub const COL_MONTH: &str = "Måned";
pub const COL_COUNT: &str = "Antal";
pub const COL_TARGET: &str = "Mål";
pub const COL_BAND: &str = "Vurdering";
pub const COL_TOTAL: &str = "I alt";

/// "Familierådslagning: mål 5–10 om måneden"
pub fn chart_heading(label: &str, min: u32, max: u32) -> String {
    format!("{label}: mål {min}–{max} om måneden")
}

pub fn chart_title(label: &str) -> String {
    format!("Søjlediagram: {label} pr. måned")
}

pub fn chart_table_caption(label: &str) -> String {
    format!("{label} pr. måned sammenholdt med målet (samme tal som diagrammet)")
}

/// The chart's description for screen readers.
pub fn chart_desc(
    label: &str,
    min: u32,
    max: u32,
    months: usize,
    within: usize,
    below: usize,
    above: usize,
) -> String {
    format!(
        "Antal {} pr. måned i {months} måneder. Målet er {min}–{max} om måneden: {within} måneder inden for målet, {below} under og {above} over. Tallene står i tabellen under diagrammet.",
        label.to_lowercase()
    )
}

pub fn legend_band(min: u32, max: u32) -> String {
    format!("Feltet mellem de stiplede linjer er målet: {min}–{max} møder om måneden. Tallet over hver søjle er antallet.")
}

/// "nov. 26"
pub fn month_short(ym: YearMonth) -> String {
    let name = super::MONTHS
        .get(ym.month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    let short: String = name.chars().take(3).collect();
    format!("{short} {:02}", ym.year.rem_euclid(100))
}

// Templates
pub const TEMPLATES_TITLE: &str = "Skabeloner";
pub const TEMPLATES_LEAD: &str = "En skabelon udfylder et nyt møde med type, spørgsmål og tjekliste. Gem dine egne fra et møde med «Gem som skabelon».";
pub const CHOOSE_TEMPLATE: &str =
    "Vælg en skabelon. Den udfylder mødetype, spørgsmål og tjekliste, som du kan rette bagefter.";
pub const BLANK_MEETING: &str = "Tomt møde uden skabelon";
pub const NEW_FROM_TEMPLATE: &str = "Nyt møde ud fra skabelonen";
pub const OWN_TEMPLATE: &str = "Egen skabelon";
pub const BUILT_IN_TEMPLATE: &str = "Indbygget";
pub const QUESTIONS_HEADING: &str = "Spørgsmål";
pub const CHECKLIST_HEADING: &str = "Forløb og tjekliste";
pub const USES_SCALE: &str = "Med sikkerhedsskala 0–10.";
pub const TEMPLATE_DELETED: &str = "Skabelonen er slettet.";
pub const DELETE_TEMPLATE_QUESTION: &str = "Slette skabelonen? Møder lavet ud fra den beholdes.";
pub const DELETE_TEMPLATE_CONFIRM: &str = "Ja, slet skabelonen";

pub fn delete_template(name: &str) -> String {
    format!("Slet skabelonen {name}")
}

pub fn template_saved(name: &str) -> String {
    format!("Skabelonen «{name}» er gemt. Find den under Skabeloner og på «Nyt møde».")
}

// Minutes
pub const PRINT: &str = "Udskriv";
pub const BACK_TO_MEETING: &str = "Tilbage til mødet";
pub const CONFIDENTIAL: &str = "Fortroligt: indeholder oplysninger om et barn og en familie.";
pub const MINUTES_WHEN: &str = "Tidspunkt";
pub const NOT_STATED: &str = "Ikke angivet";
pub const NONE_RECORDED: &str = "Ingen registreret.";
pub const CHECK_DONE: &str = "(gennemført)";
pub const CHECK_NOT_DONE: &str = "(ikke gennemført)";

/// "Beslutningsreferat: Familierådslagning, Sag F-2041"
pub fn minutes_title(m: &Meeting) -> String {
    format!("{}{}", minutes_title_lead(m), m.case_ref)
}

/// The title up to the case reference: "Beslutningsreferat: Familierådslagning, ".
pub fn minutes_title_lead(m: &Meeting) -> String {
    let kind = match m.minutes_kind {
        crate::model::MinutesKind::Decisions => "Beslutningsreferat",
        crate::model::MinutesKind::Full => "Referat",
    };
    format!("{kind}: {}, ", super::meeting_type(&m.meeting_type))
}

pub fn printed_on(date: &str) -> String {
    format!("Udskrevet {date} fra Trappe.")
}
/// A meeting's date and time in the minutes: "8. maj 2019 kl. 13.00".
pub fn date_at_time(d: NaiveDate, t: NaiveTime) -> String {
    format!("{} kl. {}", super::date_long(d), time(t))
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
    fn screen_texts() {
        assert_eq!(
            result_count(1, 50, 1234, 10_000),
            "Viser 1–50 af 1.234 møder (ud af 10.000)."
        );
        assert_eq!(result_count(1, 9, 9, 9), "9 møder fundet.");
        assert_eq!(result_count(1, 1, 1, 9), "1 møde fundet (ud af 9).");
        assert_eq!(result_count(1, 0, 0, 9), "Ingen møder fundet (ud af 9).");
        assert_eq!(
            due_summary(0, 2),
            "2 opfølgninger og handlinger forfalder snart."
        );
        assert_eq!(
            due_summary(1, 0),
            "1 opfølgning eller handling er over fristen."
        );
        assert_eq!(
            csv_file_name(true, d(2026, 11, 24)),
            "netvaerksmoeder-handlinger-2026-11-24.csv"
        );
        assert_eq!(month_short(YearMonth::new(2026, 11)), "nov 26");
        assert_eq!(
            participant_counts(1, 2, 1),
            "1 fra familien, 2 fra netværket, 1 fagperson."
        );
        assert_eq!(open_actions_text(1, 1), "1 åben af 1 handling.");
        let m = Meeting {
            case_ref: "Sag F-2041".into(),
            ..Meeting::default()
        };
        assert_eq!(
            minutes_title(&m),
            "Beslutningsreferat: Familierådslagning, Sag F-2041"
        );
        assert_eq!(edit_title(&m), "Familierådslagning, Sag F-2041");
        assert_eq!(
            meeting_label(&m),
            "Sag F-2041 – Familierådslagning uden dato"
        );
    }

    #[test]
    fn month_and_misc_labels() {
        assert_eq!(year_month(YearMonth::new(2024, 5)), "maj 2024");
        assert_eq!(open_of_total(1, 3), "1 af 3");
        assert_eq!(time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "09.05");
        assert_eq!(
            crate::text::time_csv(NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            "09:05"
        );
        assert_eq!(
            unknown_type("sikkerhedsplan"),
            "Ukendt type: «sikkerhedsplan»"
        );
        assert!(case_ref_error(&CaseRefError::TooLong { max: 80 }).contains("80"));
    }
}
