//! Danish text for the action plan: CSV headers, group and phase labels, the board's automatic note, the
//! committee report's headings and messages for `PlanError`.

use super::{date_long, initiative_status, number};
use crate::model::initiative_facts::InitiativeFacts;
use crate::model::plan_deadline::{Deadline, DeadlineSource, DeadlineState, DUE_SOON_DAYS};
use crate::model::plan_ops::{
    latest_value, progress as plan_progress, InitiativeGroup, PlanError, PlanField, TimelinePhase,
};
use crate::model::{ActionPlan, Goal, Indicator, InitiativeStatus, Track};
use chrono::NaiveDate;

/// An initiative's fact list, as (label, value) in the order the page shows them; "–" where nothing is set.
pub fn initiative_facts(f: &InitiativeFacts) -> Vec<(&'static str, String)> {
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            s.to_string()
        }
    };
    let mut facts = vec![
        (L_GOAL, f.goal.map_or_else(|| "–".into(), goal_label)),
        (L_TRACK, f.track.map_or_else(|| "–".into(), track_label)),
    ];
    if let Some(parent) = f.parent {
        facts.push(("Del af", initiative_label(&parent.number, &parent.title)));
    }
    facts.push((L_OWNER, or_dash(f.owner)));
    facts.push((L_COMMITTEE, or_dash(f.committee)));
    facts.push((L_START, f.start.map_or_else(|| "–".into(), date_long)));
    facts.push((L_DEADLINE, deadline_long(f.deadline, f.period)));
    facts.push(("I forhold til fristen", deadline_state(f.state)));
    if !f.period.is_empty() {
        facts.push(("Periode", f.period.to_string()));
    }
    if let Some(b) = &f.budget {
        let parts: Vec<String> = b
            .lines
            .iter()
            .map(|l| format!("{}: {}", l.year, super::kroner(l.amount)))
            .collect();
        facts.push((
            "Budget",
            format!("{} (i alt {})", parts.join(", "), super::kroner(b.total)),
        ));
    }
    facts.push((
        L_INTERVENTIONS,
        if f.interventions.is_empty() {
            "–".into()
        } else {
            f.interventions.join(", ")
        },
    ));
    facts
}

// The initiative page: its facts, forms and history.
pub const NEW_LEAD: &str =
    "Felter markeret «skal udfyldes» er nødvendige; resten kan udfyldes senere.";
pub const MAYBE_DELETED: &str = "Det kan være slettet. ";
pub const FACT_INDICATORS: &str = "Indikatorer";
pub const EDIT_DETAILS: &str = "Redigér oplysninger";
pub const DELETE_INITIATIVE: &str = "Slet initiativet";
pub const DELETE_CONFIRM: &str = "Ja, slet";
/// The question before an initiative is deleted, naming the history and sub-initiatives that go with it.
pub fn delete_initiative_question(label: &str, notes: usize, subs: usize) -> String {
    let mut q = format!("Slette «{label}»?");
    if notes > 0 || subs > 0 {
        q.push_str(&format!(
            " Historikken ({notes} noter) og {subs} delinitiativer slettes også."
        ));
    }
    q
}
pub const NOTE_FORM: &str = "Ny note i historikken";
/// A status in the note form's select; the initiative's own is marked.
pub fn status_option(s: InitiativeStatus, current: bool) -> String {
    if current {
        format!("{} (nuværende)", initiative_status(s))
    } else {
        initiative_status(s).to_string()
    }
}
/// After a new status was saved with its note.
pub fn status_noted(s: InitiativeStatus) -> String {
    format!("{} og skrevet i historikken.", status_set_to(s))
}
pub const NOTE_WRITTEN: &str = "Noten er skrevet i historikken.";
pub const L_STATUS: &str = "Status";
pub const L_DATE: &str = "Dato";
pub const L_NOTE: &str = "Note";
pub const SAVE_IN_HISTORY: &str = "Gem i historikken";
pub const HISTORY_HEADING: &str = "Historik";
pub const HISTORY_LEAD: &str = "Nyeste først. Noter kan rettes, men ikke slettes.";
pub const NOTE_CORRECTION: &str = "Rettelse af note";
/// Before an earlier wording of a note.
pub fn replaced_on(d: NaiveDate) -> String {
    format!("Erstattet {}: ", date_long(d))
}
pub const CORRECT_NOTE: &str = "Ret note";
/// Hidden after "Ret note", so each button names its note.
pub fn note_from(when: &str) -> String {
    format!(" fra {when}")
}
pub const SAVE_CORRECTION: &str = "Gem rettelse";
pub const CANCEL: &str = "Fortryd";
pub const INITIATIVE_FORM: &str = "Initiativ";
pub const NO_GOAL_CHOICE: &str = "Intet mål";
pub const NO_TRACK_CHOICE: &str = "Intet spor";
/// A date field that could not be read, by its label.
pub fn invalid_date_in(label: &str) -> String {
    format!("{label}: {INVALID_DATE}")
}
pub const L_NUMBER: &str = "Nummer";
pub const H_NUMBER: &str = "Fx 1.1 eller 6A. Skal være unikt.";
pub const L_TITLE: &str = "Titel";
pub const L_DESCRIPTION: &str = "Beskrivelse";
pub const L_GOAL: &str = "Politisk mål";
pub const L_TRACK: &str = "Strategisk spor";
pub const L_OWNER: &str = "Ejer";
pub const L_COMMITTEE: &str = "Udvalg";
pub const H_COMMITTEE: &str = "Fx Børneudvalget.";
pub const L_START: &str = "Start";
pub const L_DEADLINE: &str = "Frist";
pub const L_BUDGET: &str = "Budget pr. år (kr.)";
pub const H_BUDGET: &str = "Hele kroner, fx 250000 eller 250.000.";
pub const L_YEAR: &str = "År";
pub const L_AMOUNT: &str = "Beløb i kr.";
pub const REMOVE: &str = "Fjern";
/// Hidden after "Fjern", so each button names its year.
pub fn budget_year_hidden(year: &str) -> String {
    format!(" budgetåret {year}")
}
pub const L_INTERVENTIONS: &str = "Indsatser på trappen";
pub const H_INTERVENTIONS: &str =
    "Vælg de indsatser fra arbejdsområdets indsatstrappe, som initiativet handler om.";
pub const SAVE_DETAILS: &str = "Gem oplysninger";
pub const CREATE_INITIATIVE: &str = "Opret initiativ";

/// Columns of `initiatives_csv` before the per-year budget columns.
pub const INITIATIVE_HEADERS: [&str; 12] = [
    "Nummer",
    "Titel",
    "Mål",
    "Spor",
    "Ejer",
    "Udvalg",
    "Start",
    "Frist",
    "Periode",
    "Status",
    "Seneste note, dato",
    "Seneste note",
];

/// One budget column per year: whole kroner, so Excel can add them up.
pub fn budget_header(year: i32) -> String {
    format!("Budget {year} (kr.)")
}

pub const INDICATOR_HEADERS: [&str; 9] = [
    "Navn",
    "Enhed",
    "Baseline",
    "Baselinedato",
    "Mål",
    "Måldato",
    "Seneste værdi",
    "Dato",
    "Fremdrift i %",
];

/// Initiatives with neither goal nor track.
pub const OTHER_GROUP: &str = "Øvrige initiativer";
pub const NO_GOAL: &str = "Uden mål";
pub const NO_TRACK: &str = "Uden spor";

/// "1. Kvalitet for borgerne"; a number already ending in a full stop keeps just that one.
fn numbered(number: &str, title: &str) -> String {
    let n = number.trim();
    if n.is_empty() {
        title.to_string()
    } else if n.ends_with('.') {
        format!("{n} {title}")
    } else {
        format!("{n}. {title}")
    }
}

pub fn goal_label(g: &Goal) -> String {
    numbered(&g.number, &g.title)
}

pub fn track_label(t: &Track) -> String {
    numbered(&t.number, &t.title)
}

/// Heading of a list group: "1. Kvalitet · 2. Samskabelse", or "Øvrige initiativer".
pub fn group_heading(plan: &ActionPlan, g: &InitiativeGroup) -> String {
    let goal = g.goal_id.and_then(|id| plan.goal(id));
    let track = g.track_id.and_then(|id| plan.track(id));
    match (goal, track) {
        (None, None) => OTHER_GROUP.into(),
        (Some(goal), Some(track)) => format!("{} · {}", goal_label(goal), track_label(track)),
        (Some(goal), None) => format!("{} · {NO_TRACK}", goal_label(goal)),
        (None, Some(track)) => format!("{NO_GOAL} · {}", track_label(track)),
    }
}

pub fn timeline_phase(p: TimelinePhase) -> &'static str {
    match p {
        TimelinePhase::Past => "Overstået",
        TimelinePhase::Current => "Nu",
        TimelinePhase::Future => "Kommende",
        TimelinePhase::Undated => "Uden dato",
    }
}

/// The note written when a card is moved on the board.
pub fn board_move_note(from: InitiativeStatus, to: InitiativeStatus) -> String {
    format!(
        "Status ændret fra «{}» til «{}».",
        initiative_status(from),
        initiative_status(to)
    )
}

/// "Ingen note i over 60 dage"
pub fn stale(days: u32) -> String {
    if days == 1 {
        "Ingen note i over 1 dag".into()
    } else {
        format!("Ingen note i over {days} dage")
    }
}

/// Progress as the committee reads it: "50 %", "Mål nået", "-20 % (væk fra målet)", "ingen data".
pub fn progress(p: Option<f64>) -> String {
    match p {
        None => "ingen data".into(),
        Some(p) if p >= 1.0 => "Mål nået".into(),
        Some(p) if p < 0.0 => format!("{} % (væk fra målet)", number((p * 100.0).round())),
        Some(p) => format!("{} %", number((p * 100.0).round())),
    }
}

pub const REPORT_TITLE: &str = "Status til udvalget";
pub const REPORT_SUMMARY: &str = "Status i alt";
pub const REPORT_NO_NOTES: &str = "Ingen nye noter i perioden.";
pub const REPORT_LEAD: &str =
    "Vælg datoen for rapporten og den periode, noterne skal dække. Status, noter og \
    målinger vises, som de var på den dato; noter dateret senere kommer ikke med.";
pub const REPORT_DATE: &str = "Rapportdato";
pub const REPORT_PERIOD: &str = "Noterne dækker";
pub const REPORT_PREVIOUS: &str = "Forrige rapport";
pub const REPORT_PREVIOUS_HINT: &str = "Noter efter denne dato kommer med.";
pub const REPORT_PREVIOUS_REQUIRED: &str = "Skriv datoen for forrige rapport.";
pub const REPORT_PREVIOUS_BEFORE: &str = "Forrige rapport skal ligge før rapportdatoen.";
pub const REPORT_COMMITTEE: &str = "Udvalg";
pub const REPORT_ALL_COMMITTEES: &str = "Alle udvalg";
pub const REPORT_SENDER: &str = "Afsender";
pub const REPORT_SENDER_HINT: &str =
    "Fx dit navn og din afdeling. Står nederst på hver side. Huskes i denne browser.";
pub const REPORT_PRINT: &str = "Udskriv eller gem som PDF";
pub const REPORT_FORM_LABEL: &str = "Vælg rapportens indhold";

/// The choices for the time the notes cover: (value, label). The first is the default.
pub const REPORT_PERIODS: [(&str, &str); 5] = [
    ("3", "De seneste 3 måneder"),
    ("6", "De seneste 6 måneder"),
    ("12", "De seneste 12 måneder"),
    ("forrige", "Siden forrige rapport"),
    ("alle", "Alle noter"),
];

/// The running head and foot of every printed page of the report.
pub struct ReportRunning {
    pub top_left: String,
    pub top_right: String,
    pub bottom_left: String,
}

/// "Køge Kommune · Status pr. 1. oktober 2019" | "Børneudvalget" |
/// "Noter fra 2. juli 2019 til og med 1. oktober 2019 · Afsender: Birte Bøgh".
pub fn report_running(
    municipality: &str,
    report_date: NaiveDate,
    previous: Option<NaiveDate>,
    committee: Option<&str>,
    sender: &str,
) -> ReportRunning {
    let status = format!("Status pr. {}", date_long(report_date));
    let municipality = municipality.trim();
    let sender = sender.trim();
    ReportRunning {
        top_left: if municipality.is_empty() {
            status
        } else {
            format!("{municipality} · {status}")
        },
        top_right: committee.unwrap_or(REPORT_ALL_COMMITTEES).to_string(),
        bottom_left: if sender.is_empty() {
            report_window(report_date, previous)
        } else {
            format!(
                "{} · {REPORT_SENDER}: {sender}",
                report_window(report_date, previous)
            )
        },
    }
}

/// The page number in the foot, as CSS `content` («Side 2 af 7»): the browser counts the pages.
pub const PAGE_OF_CSS: &str = r#""Side " counter(page) " af " counter(pages)"#;

/// "Noter fra 9. maj 2019 til og med 1. oktober 2019" (the previous report date itself is excluded).
pub fn report_window(report_date: NaiveDate, previous: Option<NaiveDate>) -> String {
    match previous.and_then(|p| p.succ_opt()) {
        Some(from) => format!(
            "Noter fra {} til og med {}",
            date_long(from),
            date_long(report_date)
        ),
        None => format!("Alle noter til og med {}", date_long(report_date)),
    }
}

/// The field as the subject of a sentence, in the definite form: "Titlen må højst være 300 tegn."
pub fn plan_field(f: PlanField) -> &'static str {
    match f {
        PlanField::Number => "Nummeret",
        PlanField::Title => "Titlen",
        PlanField::Description => "Beskrivelsen",
        PlanField::SuccessCriteria => "Succeskriterierne",
        PlanField::Owner => "Ejeren",
        PlanField::Committee => "Udvalget",
        PlanField::Period => "Perioden",
        PlanField::Dates => "Datoen",
        PlanField::Budget => "Budgettet",
        PlanField::Author => "Navnet i «Skrevet af»",
        PlanField::NoteText => "Noten",
        PlanField::Name => "Navnet",
        PlanField::Unit => "Enheden",
        PlanField::Baseline => "Baselinen",
        PlanField::Target => "Målet",
        PlanField::Value => "Værdien",
        PlanField::PeriodLabel => "Perioden",
        PlanField::Activity => "Aktiviteten",
        PlanField::Parent => "Det overordnede initiativ",
    }
}

/// What to do about an empty field, in the field's own words: "Skriv en note."
pub fn plan_field_empty(f: PlanField) -> &'static str {
    match f {
        PlanField::Number => "Skriv et nummer.",
        PlanField::Title => "Skriv en titel.",
        PlanField::Description => "Skriv en beskrivelse.",
        PlanField::SuccessCriteria => "Skriv succeskriterierne.",
        PlanField::Owner => "Skriv, hvem der ejer initiativet.",
        PlanField::Committee => "Skriv et udvalg.",
        PlanField::Period => "Skriv en periode.",
        PlanField::Dates => "Skriv en dato.",
        PlanField::Budget => "Skriv et beløb.",
        PlanField::Author => "Skriv dit navn eller din enhed.",
        PlanField::NoteText => "Skriv en note.",
        PlanField::Name => "Skriv et navn.",
        PlanField::Unit => "Skriv en enhed.",
        PlanField::Baseline => "Skriv en baseline.",
        PlanField::Target => "Skriv et mål.",
        PlanField::Value => "Skriv en værdi.",
        PlanField::PeriodLabel => "Skriv en periode.",
        PlanField::Activity => "Skriv en aktivitet.",
        PlanField::Parent => "Vælg det initiativ, det er del af.",
    }
}

/// An initiative placed under itself or one of its own sub-items (the form's check and the model's rule).
pub const PARENT_LOOP: &str =
    "Et initiativ kan ikke være del af sig selv eller af et af sine egne delinitiativer. Vælg et andet.";

/// A Danish sentence for the user; the UI ties it to the field where there is one.
pub fn plan_error(e: &PlanError) -> String {
    match e {
        PlanError::GoalNotFound(_) => "Målet findes ikke længere.".into(),
        PlanError::TrackNotFound(_) => "Sporet findes ikke længere.".into(),
        PlanError::InitiativeNotFound(_) => "Initiativet findes ikke længere.".into(),
        PlanError::NoteNotFound(_) => "Noten findes ikke længere.".into(),
        PlanError::IndicatorNotFound(_) => "Indikatoren findes ikke længere.".into(),
        PlanError::ValueNotFound(_) => "Målingen findes ikke længere.".into(),
        PlanError::TimelineRowNotFound(_) => "Rækken i tidsplanen findes ikke længere.".into(),
        PlanError::DuplicateId(_) => "Posten findes allerede.".into(),
        PlanError::DuplicateNumber(n) => {
            format!("Nummeret «{n}» bruges allerede af et andet initiativ. Vælg et andet nummer.")
        }
        PlanError::Empty(f) => plan_field_empty(*f).into(),
        PlanError::TooLong { field, max } => format!(
            "{} må højst være {} tegn.",
            plan_field(*field),
            super::group_thousands(*max as i64)
        ),
        PlanError::NotFinite(f) => format!("{} skal være et tal.", plan_field(*f)),
        PlanError::EndBeforeStart(_) => "Slutdatoen ligger før startdatoen.".into(),
        PlanError::NegativeAmount { year } => {
            format!("Budgettet for {year} kan ikke være negativt.")
        }
        PlanError::AmountTooLarge { year, .. } => {
            format!("Budgettet for {year} er urimeligt stort.")
        }
        PlanError::ParentCycle(_) => PARENT_LOOP.into(),
        PlanError::Rule { problem, .. } => super::ui::field_problem(problem),
        PlanError::HasSubItems { count, .. } => format!(
            "Initiativet har {count} {}. Slet dem også?",
            if *count == 1 {
                "delinitiativ"
            } else {
                "delinitiativer"
            }
        ),
        PlanError::HasHistory { count, .. } => format!(
            "Initiativet har {count} {} i historikken, som slettes med det. Slet alligevel?",
            if *count == 1 { "note" } else { "noter" }
        ),
    }
}

// ----- screens -----

pub const TAB_LIST: &str = "Liste";
pub const TAB_BOARD: &str = "Tavle";
pub const TAB_TIMELINE: &str = "Tidslinje";
pub const TAB_INDICATORS: &str = "Indikatorer";
pub const TAB_REPORT: &str = "Rapport til udvalget";
pub const TAB_GOALS: &str = "Mål, spor og indstillinger";
pub const SUBNAV_LABEL: &str = "Handleplanens visninger";
pub const PAGE_LIST: &str = "Handleplan";
pub const PAGE_BOARD: &str = "Handleplan: tavle";
pub const PAGE_TIMELINE: &str = "Handleplan: tidslinje";
pub const PAGE_INDICATORS: &str = "Handleplan: indikatorer";
pub const PAGE_REPORT: &str = "Handleplan: rapport til udvalget";
pub const PAGE_GOALS: &str = "Handleplan: mål, spor og indstillinger";
pub const PAGE_NEW: &str = "Nyt initiativ";
pub const PAGE_NOT_FOUND: &str = "Initiativet findes ikke";
pub const BOARD_HELP: &str = "Træk et kort til en anden kolonne, eller vælg kortet og brug piletasterne \
    venstre og højre. Du kan også bruge feltet «Flyt til». Hver flytning skrives i initiativets historik.";
pub const UNKNOWN_AUTHOR: &str = "ukendt forfatter";
/// The one sentence an empty plan shows (no count, no filter sentence beside it).
pub const NO_INITIATIVES_YET: &str =
    "Handleplanen har ingen initiativer endnu. Opret det første med «Nyt initiativ».";

/// A symbol beside each status label, so the status is never told by colour alone.
pub fn status_icon(s: InitiativeStatus) -> &'static str {
    match s {
        InitiativeStatus::NotStarted => "○",
        InitiativeStatus::InProgress => "▶",
        InitiativeStatus::Delayed => "!",
        InitiativeStatus::Done => "✓",
        InitiativeStatus::Paused => "‖",
        InitiativeStatus::Dropped => "✕",
    }
}

/// CSS modifier for a status: `status-in-progress`.
pub fn status_class(s: InitiativeStatus) -> &'static str {
    match s {
        InitiativeStatus::NotStarted => "status-not-started",
        InitiativeStatus::InProgress => "status-in-progress",
        InitiativeStatus::Delayed => "status-delayed",
        InitiativeStatus::Done => "status-done",
        InitiativeStatus::Paused => "status-paused",
        InitiativeStatus::Dropped => "status-dropped",
    }
}

/// "1.1 Analyse af …"; without a number just the title.
/// Said on an initiative whose number another one also has: editing is not blocked, renumbering is offered.
pub fn number_shared(others: &[String]) -> String {
    let list = others
        .iter()
        .map(|o| format!("«{o}»"))
        .collect::<Vec<_>>()
        .join(" og ");
    format!(
        "Samme nummer bruges også af {list}. Du kan stadig rette initiativet; giv det et nyt nummer under «Redigér oplysninger», så listen og rapporten kan skelne dem."
    )
}

pub fn initiative_label(number: &str, title: &str) -> String {
    let n = number.trim();
    if n.is_empty() {
        title.to_string()
    } else {
        format!("{n} {title}")
    }
}

/// "1 initiativ" / "16 initiativer"
pub fn initiatives_count(n: usize) -> String {
    if n == 1 {
        "1 initiativ".into()
    } else {
        format!("{} initiativer", super::group_thousands(n as i64))
    }
}

/// Under the initiatives' periods: the years the scale covers, and where today is.
pub fn time_scale_note(s: &crate::model::time_scale::TimeScale) -> String {
    use crate::model::time_scale::TodayOnScale;
    let (first, last) = s.years();
    let years = if first == last {
        format!("Skalaen viser {first}")
    } else {
        format!("Skalaen går fra starten af {first} til udgangen af {last}")
    };
    match s.today_on_scale() {
        TodayOnScale::On => format!("{years}. Den lodrette streg er i dag."),
        TodayOnScale::After => format!(
            "{years}. I dag, {}, ligger efter skalaen.",
            date_long(s.today)
        ),
        TodayOnScale::Before => format!(
            "{years}. I dag, {}, ligger før skalaen.",
            date_long(s.today)
        ),
    }
}

/// "Viser 5 af 16 initiativer." / "Viser alle 16 initiativer." / "Ingen af de 16 initiativer passer til
/// filtrene." An empty plan has no count line at all (see `NO_INITIATIVES_YET`).
pub fn shown_of(shown: usize, total: usize) -> String {
    if total == 0 {
        NO_INITIATIVES_YET.into()
    } else if shown == 0 {
        if total == 1 {
            "Planens ene initiativ passer ikke til filtrene.".into()
        } else {
            format!(
                "Ingen af de {} passer til filtrene.",
                initiatives_count(total)
            )
        }
    } else if shown == total {
        format!("Viser alle {}.", initiatives_count(total))
    } else {
        format!(
            "Viser {} af {}.",
            super::group_thousands(shown as i64),
            initiatives_count(total)
        )
    }
}

/// Announced in the board's live region after a move.
pub fn moved_announcement(label: &str, to: InitiativeStatus) -> String {
    format!(
        "{label} er flyttet til «{}». Flytningen er skrevet i historikken.",
        initiative_status(to)
    )
}

/// Label of the board's per-card move field.
pub fn move_to_label(label: &str) -> String {
    format!("Flyt {label} til")
}

pub fn earlier_versions(n: usize) -> String {
    if n == 1 {
        "Tidligere udgave (1)".into()
    } else {
        format!("Tidligere udgaver ({n})")
    }
}

/// "Status ændret til «I gang»"
pub fn status_set_to(s: InitiativeStatus) -> String {
    format!("Status sat til «{}»", initiative_status(s))
}

/// A value with its unit: "74 %", "2,5 møder pr. måned", and one in the singular: "1 møde pr. måned".
pub fn with_unit(v: f64, unit: &str) -> String {
    let unit = unit.trim();
    let n = number(v);
    if unit.is_empty() {
        n
    } else if n == "1" || n == "-1" {
        format!("{n} {}", singular_unit(unit))
    } else {
        format!("{n} {unit}")
    }
}

/// A unit's first word in the singular, for a count of one: "møder pr. måned" → "møde pr. måned",
/// "børn" → "barn", "netværksrådslagninger" → "netværksrådslagning". A word it does not know stays as
/// typed (better "1 stk." than a wrong guess).
fn singular_unit(unit: &str) -> String {
    let (word, rest) = match unit.split_once(' ') {
        Some((w, r)) => (w, format!(" {r}")),
        None => (unit, String::new()),
    };
    let lower = word.to_lowercase();
    let one = if lower.ends_with("børn") {
        format!("{}barn", &word[..word.len() - "børn".len()])
    } else if lower.ends_with("møder") {
        word[..word.len() - 1].to_string()
    } else if ["inger", "sager", "pladser"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        word[..word.len() - 2].to_string()
    } else if ["elser", "familier", "kroner", "timer"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    };
    format!("{one}{rest}")
}

fn dated(v: Option<f64>, unit: &str, date: Option<NaiveDate>) -> String {
    match (v, date) {
        (Some(v), Some(d)) => format!("{} ({})", with_unit(v, unit), date_long(d)),
        (Some(v), None) => with_unit(v, unit),
        (None, _) => "ikke angivet".into(),
    }
}

/// The text alternative of an indicator chart: baseline, target, newest value and progress in one sentence.
pub fn indicator_summary(ind: &Indicator, on: Option<NaiveDate>) -> String {
    let mut s = format!(
        "Baseline {}. Mål {}.",
        dated(ind.baseline, &ind.unit, ind.baseline_date),
        dated(ind.target, &ind.unit, ind.target_date)
    );
    match latest_value(ind, on) {
        Some(v) => {
            s.push_str(&format!(
                " Seneste måling {}{}. Fremdrift mod målet: {}.",
                with_unit(v.value, &ind.unit),
                v.date
                    .map(|d| format!(" den {}", date_long(d)))
                    .unwrap_or_default(),
                progress(plan_progress(ind, on))
            ));
        }
        None => s.push_str(" Ingen målinger endnu."),
    }
    s
}

/// The one wording of an initiative against its deadline, used on every screen and in the report.
pub const OVERDUE: &str = "Fristen er overskredet";
/// Initiatives not finished (or dropped) whose deadline (its date, else the end of its period) is before
/// today, counted: the one wording on Overblik, in its summary, on its print page and in the committee report.
pub const OVERDUE_COUNT: &str = "har overskredet fristen uden at være afsluttet";
pub const OVERDUE_COUNT_ROW: &str = "Har overskredet fristen uden at være afsluttet";

/// An initiative's standing against its deadline: "Fristen er overskredet", "Frist om 12 dage",
/// "Afsluttet inden fristen" …
pub fn deadline_state(s: DeadlineState) -> String {
    match s {
        DeadlineState::NoDeadline => "Ingen frist".into(),
        DeadlineState::Upcoming { days_left: 0 } => "Fristen er i dag".into(),
        DeadlineState::Upcoming { days_left: 1 } => "Fristen er i morgen".into(),
        DeadlineState::Upcoming { days_left } if days_left <= DUE_SOON_DAYS => {
            format!("Frist om {days_left} dage")
        }
        DeadlineState::Upcoming { .. } => "Inden for fristen".into(),
        DeadlineState::Overdue { .. } => OVERDUE.into(),
        DeadlineState::Done {
            on_time: Some(true),
        } => "Afsluttet inden fristen".into(),
        DeadlineState::Done {
            on_time: Some(false),
        } => "Afsluttet efter fristen".into(),
        DeadlineState::Done { on_time: None } => "Afsluttet".into(),
        DeadlineState::Dropped => "Opgivet; fristen gælder ikke længere".into(),
    }
}

/// A symbol beside the deadline text, so it is never told by colour alone.
pub fn deadline_icon(s: DeadlineState) -> &'static str {
    match s {
        DeadlineState::NoDeadline => "–",
        DeadlineState::Upcoming { .. } => "…",
        DeadlineState::Overdue { .. } => "!",
        DeadlineState::Done { .. } => "✓",
        DeadlineState::Dropped => "✕",
    }
}

/// "ud fra perioden 2019–2020", said wherever a deadline comes from the period text.
pub fn deadline_from_period(period: &str) -> String {
    format!("ud fra perioden {}", period.trim())
}

/// The deadline as a short date, "31.12.2020", and where it comes from; "–" without one.
pub fn deadline_short(d: Option<Deadline>, period: &str) -> String {
    deadline_with(d, period, super::date_short)
}

/// The deadline as a long date, "31. december 2020 (ud fra perioden 2019–2020)"; "–" without one.
pub fn deadline_long(d: Option<Deadline>, period: &str) -> String {
    deadline_with(d, period, date_long)
}

fn deadline_with(d: Option<Deadline>, period: &str, fmt: fn(NaiveDate) -> String) -> String {
    match d {
        None => "–".into(),
        Some(Deadline {
            date,
            source: DeadlineSource::Date,
        }) => fmt(date),
        Some(Deadline {
            date,
            source: DeadlineSource::Period,
        }) => format!("{} ({})", fmt(date), deadline_from_period(period)),
    }
}

/// Shown near a measurement's date when it lies before the indicator's baseline date.
pub fn before_baseline(baseline_date: NaiveDate) -> String {
    format!(
        "Datoen ligger før baselinedatoen {}. Målingen gemmes, men tjek datoen.",
        date_long(baseline_date)
    )
}

/// Shown near the baseline date when measurements lie before it.
pub fn values_before_baseline(n: usize) -> String {
    if n == 1 {
        "1 måling ligger før baselinedatoen. Tjek datoerne.".into()
    } else {
        format!("{n} målinger ligger før baselinedatoen. Tjek datoerne.")
    }
}

/// Marks a measurement before the baseline in the table of values.
pub const BEFORE_BASELINE_MARK: &str = "før baseline";

pub fn today_marker(today: NaiveDate) -> String {
    format!("I dag, {}", date_long(today))
}

/// The one message for a date the form cannot read.
pub const INVALID_DATE: &str = crate::text::ui::DATE_WRONG;
pub const INVALID_NUMBER: &str = "Skriv et tal, fx 12 eller 12,5.";
pub const INVALID_AMOUNT: &str = "Skriv et helt beløb i kroner, fx 250000 eller 250.000.";
pub const INVALID_YEAR: &str = "Skriv et årstal med fire cifre, fx 2020.";
pub const INVALID_DAYS: &str = "Skriv et helt antal dage (0 slår markeringen fra).";

// The initiative page: its notes, its form's hints and its messages.
pub const GO_TO_LIST: &str = "Gå til listen over initiativer.";
pub const DETAILS_SAVED: &str = "Oplysningerne er gemt.";
pub const INITIATIVE_DELETED: &str = "Initiativet er slettet. Fortryd med Ctrl+Z.";
pub const NOTE_HEADING: &str = "Ny status eller note";
pub const NOTE_STATUS_HINT: &str =
    "Vælg en ny status, eller behold den nuværende for kun at skrive en note.";
pub const NOTE_DATE_HINT: &str = "Den dato, noten gælder for.";
pub const NOTE_AUTHOR: &str = "Skrevet af";
pub const NOTE_AUTHOR_HINT: &str = "Dit navn eller din enhed. Huskes i denne browser.";
pub const NOTE_TEXT_HINT: &str =
    "Hvad er sket siden sidst? Noten kan rettes senere; den tidligere tekst gemmes.";
pub const NO_NOTES: &str = "Der er ingen noter endnu.";
pub const NOTE_CORRECTED: &str =
    "Noten er rettet. Den tidligere tekst er gemt under «Tidligere udgaver».";
pub const NOTE_CORRECT: &str = "Ret noten";
pub const NOTE_CORRECT_HINT: &str = "Den nuværende tekst gemmes som en tidligere udgave.";
pub const NO_PARENT: &str = "Intet (selvstændigt initiativ)";
pub const PARENT: &str = "Del af initiativ";
pub const PARENT_HINT: &str =
    "Vælg et overordnet initiativ, hvis dette er et delinitiativ (fx 6A under 6).";
pub const OWNER_HINT: &str = "Den enhed, der har ansvaret.";
pub const DEADLINE_HINT: &str = "Fristen må ikke ligge før starten.";
pub const PERIOD_TEXT: &str = "Periode som tekst";
pub const PERIOD_TEXT_HINT: &str = "Hvis der ikke er faste datoer, fx «2019–2020».";
pub const ADD_BUDGET_YEAR: &str = "Tilføj budgetår";

// The indicators page: each indicator's facts, chart, measurements and forms.
pub const INDICATORS_LEAD: &str = "Indikatorer viser fremdriften fra baseline mod målet. Tilføj nye målinger, efterhånden som de kommer.";
pub const NEW_INDICATOR: &str = "Ny indikator";
pub const NO_INDICATORS: &str = "Der er ingen indikatorer endnu.";
pub const L_UNIT: &str = "Enhed";
pub const L_BASELINE: &str = "Baseline";
pub const L_PROGRESS: &str = "Fremdrift";
pub const EDIT_INDICATOR: &str = "Redigér indikatoren";
pub const DELETE_INDICATOR: &str = "Slet indikatoren";
pub const DELETE_INDICATOR_QUESTION: &str = "Slette indikatoren og alle dens målinger?";
pub const NO_DATED_VALUES: &str = "Ingen daterede værdier at tegne endnu.";
pub const NO_DATE: &str = "uden dato";
pub const DELETE: &str = "Slet";
pub const L_VALUE: &str = "Værdi";
pub const ACTIONS_COLUMN: &str = "Handling";
pub const MEASUREMENT_ADDED: &str = "Målingen er tilføjet.";
pub const NEW_MEASUREMENT: &str = "Ny måling";
pub const L_MEASUREMENT_DATE: &str = "Dato for målingen";
pub const H_VALUE: &str = "Et tal, fx 74 eller 2,5.";
pub const L_NOTE_OPTIONAL: &str = "Note (valgfri)";
pub const ADD_MEASUREMENT: &str = "Tilføj måling";
pub const INDICATOR_FORM: &str = "Indikator";
pub const NO_INITIATIVE_CHOICE: &str = "Intet initiativ";
pub const INDICATOR_SAVED: &str = "Indikatoren er gemt.";
pub const H_INDICATOR_NAME: &str =
    "Fx «Børnefaglige undersøgelser afsluttet inden for fire måneder».";
pub const H_UNIT: &str = "Fx %, børn eller møder pr. måned.";
pub const H_BASELINE: &str = "Udgangspunktet, et tal.";
pub const L_BASELINE_DATE: &str = "Baselinedato";
pub const H_TARGET: &str = "Det tal, der skal nås.";
pub const L_TARGET_DATE: &str = "Måldato";
pub const L_LINKED_GOAL: &str = "Knyttet til politisk mål";
pub const L_LINKED_INITIATIVE: &str = "Knyttet til initiativ";
pub const SAVE_INDICATOR: &str = "Gem indikatoren";
pub const CREATE_INDICATOR: &str = "Opret indikator";
/// A value with its date: "74 % pr. 30.06.2019".
pub fn value_on(value: &str, date: &str) -> String {
    format!("{value} pr. {date}")
}
/// The label on the chart's dashed target line.
pub fn target_line(value: &str) -> String {
    format!("Mål {value}")
}
/// The chart's title, by the indicator's name.
pub fn chart_title(name: &str) -> String {
    format!("Udvikling for {name}")
}
/// Hidden after "Slet", so each button names its measurement.
pub fn measurement_from(when: &str) -> String {
    format!("målingen fra {when}")
}
pub fn delete_measurement_question(when: &str) -> String {
    format!("Slette målingen fra {when}?")
}
/// The caption of an indicator's table of measurements.
pub fn measurements_caption(name: &str) -> String {
    format!("Målinger for {name}")
}
/// The add-measurement form's name, by the indicator's name.
pub fn new_measurement_for(name: &str) -> String {
    format!("Ny måling for {name}")
}

// The goals and tracks page: the plan's settings, goals, tracks and their forms.
pub const PLAN_SETTINGS_FORM: &str = "Indstillinger for handleplanen";
pub const PLAN_SETTINGS_HEADING: &str = "Planen";
pub const L_PLAN_TITLE: &str = "Planens titel";
pub const H_PERIOD: &str = "Fx «2019–2020».";
pub const L_STALE_DAYS: &str = "Marker initiativer uden note efter antal dage";
pub const H_STALE_DAYS: &str = "Initiativer uden en ny note i flere dage end dette får markeringen «Ingen note i over … dage». 0 slår markeringen fra.";
pub const SAVE_SETTINGS: &str = "Gem indstillinger";
pub const GOALS_HEADING: &str = "Politiske mål";
pub const NEW_GOAL: &str = "Nyt mål";
pub const TRACKS_HEADING: &str = "Strategiske spor";
pub const NEW_TRACK: &str = "Nyt spor";
pub const NONE_YET: &str = "Ingen endnu.";
pub const DELETE_UNUSED_QUESTION: &str = "Slette den?";
pub const SUCCESS_CRITERIA_LEAD: &str = "Succeskriterier: ";
pub const GOAL_TRACK_FORM: &str = "Mål og spor";
pub const L_SUCCESS_CRITERIA: &str = "Succeskriterier";
pub const H_SUCCESS_CRITERIA: &str =
    "Hvornår er målet nået? Fx «Flere sager afsluttes inden for fire måneder».";
pub const SAVE: &str = "Gem";
/// Before a goal in use is deleted, by how many initiatives lose it.
pub fn delete_goal_question(n: usize) -> String {
    format!("{n} initiativer mister deres mål. Slette alligevel?")
}
/// Before a track in use is deleted, by how many initiatives lose it.
pub fn delete_track_question(n: usize) -> String {
    format!("{n} initiativer mister deres spor. Slette alligevel?")
}

// The timeline page: activities and the initiatives' periods.
pub const TIMELINE_HEADING: &str = "Tids- og procesplan";
pub const TIMELINE_MARKS_NOTE: &str =
    ". Hver aktivitet er markeret «Overstået», «Nu», «Kommende» eller «Uden dato».";
pub const NEW_ACTIVITY: &str = "Ny aktivitet";
pub const DELETE_ACTIVITY_QUESTION: &str = "Slette aktiviteten?";
pub const ACTIVITY_FORM: &str = "Aktivitet i tidsplanen";
pub const L_ACTIVITY: &str = "Aktivitet";
pub const H_ACTIVITY_PERIOD: &str = "Fx «Efterår 2019». Tom: datoerne vises.";
pub const L_FROM: &str = "Fra";
pub const L_TO: &str = "Til";
pub const H_TO: &str = "Tom ved en enkelt dag.";
pub const SAVE_ACTIVITY: &str = "Gem aktiviteten";
pub const ADD_ACTIVITY: &str = "Tilføj aktivitet";
pub const SPANS_HEADING: &str = "Initiativernes perioder";
pub const SPANS_CAPTION: &str = "Initiativernes start, frist og placering i forhold til i dag";
pub const L_DEADLINE_STATE: &str = "I forhold til fristen";
pub const SPANS_GRAPHIC_COLUMN: &str = "Tidslinje (vist grafisk)";
/// An initiative's period when it has a start but no deadline.
pub fn from_without_deadline(start: &str) -> String {
    format!("Fra {start} (uden frist)")
}
/// An initiative's period when it has a deadline but no start.
pub fn deadline_on(deadline: &str) -> String {
    format!("Frist {deadline}")
}

// The initiatives list: its table, filter and downloads.
pub const COL_NUMBER: &str = "Nr.";
pub const COL_LATEST_NOTE: &str = "Seneste note";
pub const SUB_INITIATIVE: &str = "Delinitiativ: ";
pub const FILTER_SUMMARY: &str = "Filtrér initiativer";
pub const FILTER_SEARCH_HINT: &str = "Nummer, titel, ejer eller ord fra noterne";
pub const ALL_OWNERS: &str = "Alle ejere";
pub const RESET_FILTERS: &str = "Nulstil filtre";
pub const CSV_INITIATIVES: &str = "Hent initiativer (CSV)";
pub const CSV_INDICATORS: &str = "Hent indikatorer (CSV)";
/// The hidden caption of one group's table.
pub fn group_caption(heading: &str) -> String {
    format!("Initiativer: {heading}")
}
pub fn stale_only_label(days: u32) -> String {
    format!("Kun initiativer uden note i over {days} dage")
}

// The committee report's tables.
pub const REPORT_STATUS_CAPTION: &str = "Antal initiativer pr. status";
pub const REPORT_INITIATIVES: &str = "Initiativer";
pub const REPORT_INDICATORS_CAPTION: &str = "Indikatorer med seneste måling før rapportdatoen";
pub const COL_LATEST_MEASUREMENT: &str = "Seneste måling";
pub const NO_MEASUREMENT: &str = "Ingen måling";
/// The report's row of initiatives without a recent note.
pub fn stale_count_row(days: u32) -> String {
    format!("Uden note i over {days} dage")
}
/// After the status in the report, when it changed since the previous report.
pub fn status_before(s: InitiativeStatus) -> String {
    format!(" (før: {})", initiative_status(s))
}
pub fn owner_line(owner: &str) -> String {
    format!("Ejer: {owner}")
}
pub fn committee_line(committee: &str) -> String {
    format!("Udvalg: {committee}")
}
pub fn deadline_line(deadline: &str) -> String {
    format!("Frist: {deadline}")
}

// The status board.
pub const BOARD_AUTHOR: &str = "Dit navn i historikken";
pub const BOARD_AUTHOR_HINT: &str =
    "Skrives på noterne, når du flytter kort. Huskes i denne browser.";
pub const STATUS_HIDDEN: &str = "Status: ";
pub const DEADLINE_LEAD: &str = "Frist: ";
pub const MOVE_TO_CHOICE: &str = "Flyt til …";
pub const MOVE: &str = "Flyt";

#[cfg(test)]
mod tests {
    use super::*;

    /// "1 møder pr. måned" was shown for an indicator of one meeting a month.
    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(with_unit(1.0, "møder pr. måned"), "1 møde pr. måned");
        assert_eq!(with_unit(2.0, "møder pr. måned"), "2 møder pr. måned");
        assert_eq!(with_unit(1.5, "møder pr. måned"), "1,5 møder pr. måned");
        assert_eq!(with_unit(1.0, "børn"), "1 barn");
        assert_eq!(
            with_unit(1.0, "netværksrådslagninger"),
            "1 netværksrådslagning"
        );
        assert_eq!(with_unit(1.0, "undersøgelser"), "1 undersøgelse");
        assert_eq!(with_unit(1.0, "sager"), "1 sag");
        assert_eq!(with_unit(1.0, "%"), "1 %");
        assert_eq!(with_unit(74.0, "%"), "74 %");
        assert_eq!(with_unit(1.0, ""), "1");
    }

    #[test]
    fn labels() {
        let g = Goal {
            number: "1".into(),
            title: "Kvalitet for borgerne".into(),
            ..Goal::default()
        };
        assert_eq!(goal_label(&g), "1. Kvalitet for borgerne");
        let t = Track {
            number: "1.".into(),
            title: "Kapacitet".into(),
            ..Track::default()
        };
        assert_eq!(track_label(&t), "1. Kapacitet");
        assert_eq!(
            board_move_note(InitiativeStatus::NotStarted, InitiativeStatus::InProgress),
            "Status ændret fra «Ikke startet» til «I gang»."
        );
        assert_eq!(progress(Some(0.5)), "50 %");
        assert_eq!(progress(Some(1.0)), "Mål nået");
        assert_eq!(progress(Some(-0.2)), "-20 % (væk fra målet)");
        assert_eq!(progress(None), "ingen data");
        let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
        assert_eq!(
            report_window(d(10, 1), Some(d(5, 8))),
            "Noter fra 9. maj 2019 til og med 1. oktober 2019"
        );
        assert_eq!(
            plan_error(&PlanError::Empty(PlanField::Title)),
            "Skriv en titel."
        );
        assert_eq!(
            plan_error(&PlanError::Empty(PlanField::NoteText)),
            "Skriv en note."
        );
        assert_eq!(
            plan_error(&PlanError::TooLong {
                field: PlanField::NoteText,
                max: 50_000
            }),
            "Noten må højst være 50.000 tegn."
        );
        assert_eq!(
            plan_error(&PlanError::NotFinite(PlanField::Baseline)),
            "Baselinen skal være et tal."
        );
        // No message says "Feltet": every one names its field in its own words.
        for f in PlanField::ALL {
            for e in [
                PlanError::Empty(f),
                PlanError::NotFinite(f),
                PlanError::TooLong { field: f, max: 300 },
            ] {
                let m = plan_error(&e);
                assert!(!m.contains("Feltet") && m.ends_with('.'), "{m}");
            }
        }
    }

    #[test]
    fn deadline_texts() {
        use DeadlineState::*;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(deadline_state(Overdue { days_over: 400 }), OVERDUE);
        assert_eq!(
            deadline_state(Upcoming { days_left: 0 }),
            "Fristen er i dag"
        );
        assert_eq!(
            deadline_state(Upcoming { days_left: 1 }),
            "Fristen er i morgen"
        );
        assert_eq!(
            deadline_state(Upcoming { days_left: 30 }),
            "Frist om 30 dage"
        );
        assert_eq!(
            deadline_state(Upcoming { days_left: 31 }),
            "Inden for fristen"
        );
        assert_eq!(
            deadline_state(Done {
                on_time: Some(false)
            }),
            "Afsluttet efter fristen"
        );
        let from_period = Deadline {
            date: d(2020, 12, 31),
            source: DeadlineSource::Period,
        };
        assert_eq!(
            deadline_long(Some(from_period), " 2019–2020"),
            "31. december 2020 (ud fra perioden 2019–2020)"
        );
        assert!(
            deadline_short(Some(from_period), "2019–2020").ends_with("(ud fra perioden 2019–2020)")
        );
        assert_eq!(deadline_short(None, "Løbende"), "–");
    }

    #[test]
    fn screen_texts() {
        assert_eq!(initiative_label("1.1", "Analyse"), "1.1 Analyse");
        assert_eq!(initiative_label(" ", "Analyse"), "Analyse");
        assert_eq!(shown_of(16, 16), "Viser alle 16 initiativer.");
        assert_eq!(shown_of(1, 1), "Viser alle 1 initiativ.");
        assert_eq!(shown_of(5, 1200), "Viser 5 af 1.200 initiativer.");
        assert_eq!(
            shown_of(0, 16),
            "Ingen af de 16 initiativer passer til filtrene."
        );
        assert_eq!(shown_of(0, 0), NO_INITIATIVES_YET);
        assert_eq!(with_unit(2.5, "møder"), "2,5 møder");
        assert_eq!(with_unit(74.0, ""), "74");
        assert_eq!(earlier_versions(1), "Tidligere udgave (1)");
        let statuses: std::collections::HashSet<&str> = InitiativeStatus::ALL
            .iter()
            .map(|s| status_icon(*s))
            .collect();
        assert_eq!(statuses.len(), 6, "every status has its own symbol");
    }

    #[test]
    fn indicator_sentence() {
        use crate::model::IndicatorValue;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut ind = Indicator {
            name: "Undersøgelser til tiden".into(),
            unit: "%".into(),
            baseline: Some(60.0),
            baseline_date: Some(d(2018, 12, 31)),
            target: Some(90.0),
            ..Indicator::default()
        };
        assert_eq!(
            indicator_summary(&ind, None),
            "Baseline 60 % (31. december 2018). Mål 90 %. Ingen målinger endnu."
        );
        ind.values.push(IndicatorValue {
            date: Some(d(2019, 6, 30)),
            value: 75.0,
            ..IndicatorValue::default()
        });
        assert_eq!(
            indicator_summary(&ind, None),
            "Baseline 60 % (31. december 2018). Mål 90 %. Seneste måling 75 % den 30. juni 2019. \
             Fremdrift mod målet: 50 %."
        );
        // As of a date before the measurement there is none.
        assert!(indicator_summary(&ind, Some(d(2019, 1, 1))).ends_with("Ingen målinger endnu."));
    }
}

/// The plan's title with its period, unless the title already names it: "Handleplan 2019–2020" stays as
/// it is, "Handleplan" becomes "Handleplan (2019–2020)".
pub fn plan_title_with_period(title: &str, period: &str) -> String {
    let period = period.trim();
    let same = |s: &str| s.replace(['–', '—'], "-").replace(' ', "");
    if period.is_empty() || same(title).contains(&same(period)) {
        title.to_string()
    } else {
        format!("{title} ({period})")
    }
}

#[cfg(test)]
mod title_tests {
    use super::plan_title_with_period as t;

    #[test]
    fn a_period_is_named_once() {
        assert_eq!(t("Handleplan", "2019–2020"), "Handleplan (2019–2020)");
        assert_eq!(
            t("Handleplan 2019–2020", "2019–2020"),
            "Handleplan 2019–2020"
        );
        assert_eq!(
            t("Handleplan 2019-2020", "2019 – 2020"),
            "Handleplan 2019-2020"
        );
        assert_eq!(t("Handleplan", ""), "Handleplan");
    }
}

#[cfg(test)]
mod facts_tests {
    use super::*;

    #[test]
    fn the_delete_question_names_what_goes_with_the_initiative() {
        assert_eq!(
            delete_initiative_question("1.1 Mentor", 0, 0),
            "Slette «1.1 Mentor»?"
        );
        assert_eq!(
            delete_initiative_question("1.1 Mentor", 3, 0),
            "Slette «1.1 Mentor»? Historikken (3 noter) og 0 delinitiativer slettes også."
        );
    }
    use crate::model::initiative_facts::{budget, initiative_facts as facts_of};
    use crate::model::{BudgetLine, Initiative, Staircase};

    #[test]
    fn facts_read_in_page_order_with_dashes_for_what_is_unset() {
        let ini = Initiative {
            owner: "Familieafdelingen".into(),
            ..Initiative::default()
        };
        let plan = ActionPlan::default();
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let f = facts_of(&plan, &Staircase::default(), &ini, day);
        let rows = initiative_facts(&f);
        let labels: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            labels,
            [
                "Politisk mål",
                "Strategisk spor",
                "Ejer",
                "Udvalg",
                "Start",
                "Frist",
                "I forhold til fristen",
                "Indsatser på trappen"
            ]
        );
        assert_eq!(rows[0].1, "–");
        assert_eq!(rows[2].1, "Familieafdelingen");
        assert_eq!(rows[3].1, "–");
        let with_budget = InitiativeFacts {
            budget: budget(&[
                BudgetLine {
                    year: 2026,
                    amount: 100_000,
                },
                BudgetLine {
                    year: 2025,
                    amount: 250_000,
                },
            ]),
            period: "2025-2026",
            ..f
        };
        let rows = initiative_facts(&with_budget);
        assert!(rows.contains(&("Periode", "2025-2026".to_string())));
        let (_, b) = rows.iter().find(|(k, _)| *k == "Budget").unwrap();
        assert_eq!(
            b,
            &format!(
                "2025: {}, 2026: {} (i alt {})",
                crate::text::kroner(250_000),
                crate::text::kroner(100_000),
                crate::text::kroner(350_000)
            )
        );
    }
}
