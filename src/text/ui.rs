//! Danish text of the app's frame: navigation, storage, data page, messages.

use crate::model::commands::CommandError;
use crate::model::record::RecordKind;
use crate::storage::StorageError;

pub const APP_NAME: &str = "Trappe";
pub const APP_TAGLINE: &str = "Indsatstrappe, netværksmøder og handleplan";
pub const NAV_LABEL: &str = "Hovedmenu";
pub const NAV_STAIRCASE: &str = "Trappe";
pub const NAV_MEETINGS: &str = "Netværksmøder";
pub const NAV_PLAN: &str = "Handleplan";
pub const NAV_OVERVIEW: &str = "Overblik";
pub const NAV_DATA: &str = "Data";
pub const SKIP_LINK: &str = "Gå til indhold";

pub const SAVE_IDLE: &str = "Alt er gemt";
pub const SAVE_PENDING: &str = "Ændringer gemmes …";
pub const SAVE_SAVING: &str = "Gemmer …";
pub const SAVE_SAVED_AT: &str = "Gemt kl.";
pub const SAVE_FAILED: &str = "Ikke gemt";

pub const UPDATED_FROM_OTHER_TAB: &str =
    "Arbejdsområdet er opdateret med ændringer fra en anden fane.";
pub const CONFLICT_TEXT: &str = "En anden fane gemte arbejdsområdet samtidig. Dine ændringer er ikke tabt; Trappe lægger dem oven i den anden fanes udgave og gemmer igen.";
pub const COPY_SUFFIX: &str = "(kopi)";
pub const CANNOT_SWITCH: &str =
    "Derfor er det andet arbejdsområde ikke åbnet: dine ændringer her ville gå tabt. Download dem som fil, eller frigør plads, og prøv igen.";
pub const MERGED_WITH_CONFLICTS: &str = "En anden fane havde ændret det samme som du. Dine ændringer er gemt, og den anden fanes udgave ligger under «Lagt til side» på siden Data.";
pub const JOURNAL_FAILED: &str = "Browseren kunne ikke gemme ændringen i sin lille sikkerhedskopi (localStorage er fuld eller slået fra). Ændringen gemmes stadig om lidt, men luk ikke fanen, før der står «Gemt».";

/// "2 ændringer, der ikke nåede at blive gemt, sidst fanen var åben, er sat ind igen."
pub fn recovered(n: usize) -> String {
    if n == 1 {
        "1 ændring, der ikke nåede at blive gemt, sidst arbejdsområdet var åbent, er sat ind igen og gemt.".into()
    } else {
        format!("{n} ændringer, der ikke nåede at blive gemt, sidst arbejdsområdet var åbent, er sat ind igen og gemt.")
    }
}
/// Journals (edits of a tab that closed before they were stored) that could not be read at opening.
pub fn journals_set_aside(n: usize) -> String {
    if n == 1 {
        "En gemt kladde af ændringer kunne ikke læses. Dens tekst er lagt til side under «Lagt til side» på siden Data, så intet er tabt; se den igennem, og indtast det, der mangler.".into()
    } else {
        format!("{n} gemte kladder af ændringer kunne ikke læses. Deres tekst er lagt til side under «Lagt til side» på siden Data, så intet er tabt; se dem igennem, og indtast det, der mangler.")
    }
}
pub const BEFORE_IMPORT_SUFFIX: &str = "(før import)";

/// The name suffix of a file imported beside the same workspace: "(importeret 02.12.2026)".
pub fn imported_copy_suffix(today: chrono::NaiveDate) -> String {
    format!("(importeret {})", super::date_short(today))
}
pub const DOWNLOAD_UNSAVED: &str = "Download dine ændringer som fil";
pub const DOWNLOAD_FAILED: &str = "Browseren kunne ikke hente filen ned. Prøv igen.";
pub const EXPORTED_AS: &str = "Eksporteret som";

/// A newer version of the app is installed and waits (see `app::updates`).
pub const UPDATE_READY: &str = "Der er en ny version af Trappe klar. Dine data bliver, hvor de er; den nye version tager dem med.";
pub const UPDATE_RELOAD: &str = "Genindlæs nu";
pub const UPDATE_LATER: &str = "Senere";
/// The button that closes a message at the top of the page.
pub const CLOSE_MESSAGE: &str = "Luk besked";
pub const UPDATE_FINISH_FORM_FIRST: &str =
    "Gem eller fortryd den formular, du er i gang med, før du genindlæser til den nye version.";
/// Opened from disk in a browser that refuses storage for local files.
pub const FILE_MEMORY_ONLY: &str = "Trappe er åbnet som en fil fra din computer, og denne browser tillader ikke, at en fil gemmer data. Du kan arbejde videre, men intet bliver gemt, når fanen lukkes. Eksportér dit arbejde til en fil på siden Data, før du lukker – eller åbn Trappe fra intranettet.";
pub const MEMORY_ONLY: &str = "Browseren tillader ikke, at Trappe gemmer data her (det sker fx i et privat vindue, eller når lagring er slået fra). Du kan arbejde videre, men intet bliver gemt, når fanen lukkes. Eksportér dit arbejde til en fil, før du lukker.";
pub const NO_WORKSPACE: &str = "Intet arbejdsområde er åbent.";
pub const GO_TO_START: &str =
    "Gå til forsiden for at åbne et eksempel eller oprette et nyt arbejdsområde.";
pub const UNREADABLE_TITLE: &str = "Et gemt arbejdsområde kan ikke læses";
pub const UNREADABLE_TEXT: &str = "Trappe har ikke ændret eller overskrevet de gemte data. Hent dem som fil, så de kan undersøges eller rettes:";
pub const DOWNLOAD_STORED: &str = "Hent de gemte data som fil";

/// Storage has not opened after two seconds: most often a tab with an older Trappe holds it.
/// The progress bar's label while a stored workspace is read (`kit::progress`).
pub const OPENING_WORKSPACE: &str = "Åbner arbejdsområdet …";
/// The progress bar's label while an imported workspace is stored.
pub const STORING_WORKSPACE: &str = "Gemmer arbejdsområdet i browseren …";
pub const WAITING_FOR_STORAGE: &str = "Trappe venter på browserens lager. Er Trappe også åben i en anden fane, så genindlæs eller luk den fane; så fortsætter Trappe her af sig selv.";

pub fn storage_error(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable(_) => {
            "Browserens lager kan ikke bruges lige nu. Dine ændringer er kun i denne fane; eksportér dem til en fil.".into()
        }
        StorageError::QuotaExceeded => "Browserens lager er fuldt, så de seneste ændringer er ikke gemt. De er stadig her i fanen. Download dem som fil, og tøm papirkurven på siden Data eller frigør plads på disken; så gemmer Trappe af sig selv.".into(),
        StorageError::TooLarge => "En del af arbejdsområdet er større, end browseren kan gemme på én gang, så de seneste ændringer er ikke gemt. De er stadig her i fanen. Download dem som fil, og gør den lange tekst kortere.".into(),
        StorageError::WriteFailed(_) => "Browseren kunne ikke skrive de seneste ændringer på disken, så de er ikke gemt. Det sker oftest, når disken er fuld. Ændringerne er stadig her i fanen. Frigør plads på disken (slet eller flyt store filer, tøm computerens papirkurv); så gemmer Trappe af sig selv, uden at du skal genindlæse siden. Download dem som fil, hvis du vil være helt sikker.".into(),
        StorageError::Closed(_) => "Forbindelsen til browserens lager blev afbrudt, så de seneste ændringer er ikke gemt. Det sker oftest, når disken er fuld. Ændringerne er stadig her i fanen. Frigør plads på disken; Trappe forbinder igen og gemmer af sig selv, uden at du skal genindlæse siden. Download dem som fil, hvis du vil være helt sikker.".into(),
        StorageError::NotConfirmed { .. } => "Browseren meldte ændringerne gemt, men ved kontrollen lå de ikke i lageret. De er stadig her i fanen, og Trappe prøver igen. Download dem som fil for en sikkerheds skyld.".into(),
        StorageError::Conflict { .. } => CONFLICT_TEXT.into(),
        StorageError::Unreadable(e) => format!(
            "Det gemte arbejdsområde kunne ikke læses: {} Trappe har ikke ændret det gemte. Dine ændringer i denne fane er her endnu; hent dem som fil for en sikkerheds skyld.",
            super::file::import_error(e)
        ),
        StorageError::NotFound => "Arbejdsområdet er ikke længere i browserens lager: det er måske slettet fra papirkurven i en anden fane. Dine ændringer er her endnu. Gem det igen i browseren, eller hent det som fil.".into(),
        // The browser's own text is for developers; the user is told what happened and what to do.
        StorageError::Other(_) => "Browserens lager meldte en fejl, så de seneste ændringer er ikke gemt. De er stadig her i fanen, og Trappe prøver igen af sig selv. Download dem som fil for en sikkerheds skyld.".into(),
    }
}

/// The Danish name of a record field as the forms label it, by the field's own name (`amount`; of a path,
/// its `last_key`).
pub fn field_label(field: &str) -> String {
    match field {
        "name" => "Navn",
        "municipality" => "Kommune",
        "description" => "Beskrivelse",
        "unit_cost" => "Pris",
        "yearly_cost_per_child" => "Årlig udgift pr. barn",
        "legal_basis" => "Lovgrundlag",
        "provider" => "Leverandør",
        "method" => "Metode eller evidens",
        "capacity" => "Kapacitet",
        "note" => "Note",
        "caseworkers" => "Sagsbehandlere",
        "moves" | "children" | "from" | "to" => "Flytninger på trappen",
        "caseload_band" => "Mål for børn pr. sagsbehandler",
        "per_intervention" | "per_step" => "Antal børn",
        "case_ref" => "Sagsreference",
        "initiator" => "Initiativtager",
        "coordinator" => "Samordner",
        "invited_by" => "Inviterer",
        "chair" => "Mødeleder",
        "note_taker" => "Referent",
        "decisions" => "Beslutninger",
        "notes" => "Noter",
        "questions" => "Spørgsmål",
        "what" => "Hvad",
        "who" => "Hvem",
        "relation_or_unit" => "Relation eller enhed",
        "label" | "checklist" => "Punkt på tjeklisten",
        "safety_scale" => "Sikkerhedsskala",
        "meeting_type" => "Mødetype",
        "number" => "Nummer",
        "title" => "Titel",
        "owner" => "Ansvarlig",
        "committee" => "Udvalg",
        "period" | "period_label" => "Periode",
        "amount" => "Budget",
        "text" => "Notat",
        "author" => "Skrevet af",
        "success_criteria" => "Succeskriterier",
        "unit" => "Enhed",
        "baseline" => "Udgangspunkt",
        "target" => "Mål",
        "value" => "Værdi",
        "activity" => "Aktivitet",
        "parent_id" => super::plan::PARENT,
        "first_within_months" => "Første opfølgning senest efter",
        "placement_per_year" => "Opfølgninger om året, anbringelser",
        "preventive_per_year" => "Opfølgninger om året, forebyggende",
        "due_soon_days" => "Varsel",
        "min" => "Mindst",
        "max" => "Højst",
        "stale_after_days" => "Markér som gammel efter",
        "status" => "Status",
        "step" | "linked_step" => "Trin på trappen",
        "start" => "Start",
        "end" => "Slut",
        "deadline" => "Frist",
        "date" => "Dato",
        "time" => "Tidspunkt",
        "goal_id" => "Politisk mål",
        "track_id" => "Strategisk spor",
        "initiative_id" => "Initiativ",
        "budget" => "Budget pr. år",
        "intervention_ids" | "linked_interventions" => "Indsatser på trappen",
        "history" => "Historik",
        "kind" => "Slags måling",
        "monthly_targets" => "Mål for møder pr. måned",
        "values" => "Målte værdier",
        "baseline_date" => "Dato for udgangspunktet",
        "target_date" => "Dato for målet",
        "category" => "Slags trin",
        "referral_required" => "Kræver visitation",
        "target_ages" => "Aldersgrupper",
        "provider_kind" => "Leverandørtype",
        "cost_period" => "Prisen gælder",
        "participants" => "Deltagere",
        "action_items" => "Aftaler",
        "follow_up_date" => "Opfølgningsdato",
        "measure_start" => "Foranstaltningen startede",
        "minutes_kind" => "Referatform",
        "uses_safety_scale" => "Sikkerhedsskala",
        "role" => "Rolle",
        "done" => "Udført",
        "due" => "Frist",
        "year" => "År",
        "id" | "ids" => "Id",
        "created_at" => "Oprettet",
        "updated_at" => "Sidst ændret",
        "_revisions" => "Ændringsspor",
        "custom" => "Egen mødetype",
        "as_of" => "Opgjort pr.",
        "made_up" => "Opdigtede tal",
        "app_version" => "Trappe-version",
        "exported_at" => "Gemt som fil",
        "format" => "Filtype",
        "version" => "Filens version",
        "workspace" => "Arbejdsområdet",
        "staircase" => "Indsatstrappen",
        "steps" => "Trin",
        "interventions" => "Indsatser",
        "measurements" => "Målinger",
        "meetings" => "Mødeloggen",
        "meeting_templates" => "Mødeskabeloner",
        "follow_up" => "Indstillinger for opfølgning",
        "plan" => "Handleplanen",
        "goals" => "Politiske mål",
        "tracks" => "Strategiske spor",
        "initiatives" => "Initiativer",
        "indicators" => "Indikatorer",
        "timeline" => "Tidsplanen",
        "set_aside" => "Lagt til side",
        "found_at" => "Fundet i",
        "original" => "Originalen",
        "repaired" => "Repareret",
        "set_aside_at" => "Lagt til side den",
        "replaced_at" => "Erstattet den",
        "earlier_versions" => "Tidligere udgaver",
        _ => "Feltet",
    }
    .to_string()
}

fn kinds(kind: RecordKind, n: usize) -> String {
    let (one, many) = match kind {
        RecordKind::Step => ("trin", "trin"),
        RecordKind::Intervention => ("indsats", "indsatser"),
        RecordKind::Measurement => ("måling", "målinger"),
        RecordKind::Meeting => ("møde", "møder"),
        RecordKind::Template => ("skabelon", "skabeloner"),
        RecordKind::Goal => ("mål", "mål"),
        RecordKind::Track => ("spor", "spor"),
        RecordKind::Initiative => ("initiativ", "initiativer"),
        RecordKind::Indicator => ("indikator", "indikatorer"),
        RecordKind::TimelineRow => ("række i tidsplanen", "rækker i tidsplanen"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 møder og 1 initiativ"
pub fn record_counts(counts: &[(RecordKind, usize)]) -> String {
    let parts: Vec<String> = counts.iter().map(|(k, n)| kinds(*k, *n)).collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
    }
}

pub const STORE_AGAIN: &str = "Gem det igen i browseren";
pub const STORED_AGAIN: &str = "Arbejdsområdet er gemt i browseren igen.";
pub const CONFLICT_FORM_TITLE: &str = "En anden fane har ændret det samme, mens du skrev.";
pub const CONFLICT_FORM_TEXT: &str = "Dine øvrige ændringer og den anden fanes ændringer i andre felter er bevaret. Vælg for hvert felt herunder, hvilken værdi der skal gælde, og gem igen.";
/// Said in the live region when a save stops to ask.
pub const CONFLICT_ASKED: &str =
    "Ikke gemt endnu: vælg, hvilken værdi der skal gælde, og gem igen.";
pub const CONFLICT_MINE: &str = "Din:";
pub const CONFLICT_THEIRS: &str = "Fra den anden fane:";

/// A value from a conflict as the user knows it: a step, goal, track or initiative by its name, a status and a
/// date in words, a list by its length; anything else as `conflict_value` gives it.
pub fn conflict_value_in(
    ws: &crate::model::Workspace,
    target: crate::model::merge::Target,
    field: &str,
    v: &serde_json::Value,
) -> String {
    use crate::model::merge::Target;
    use crate::model::*;
    let id = || v.as_str().and_then(|s| s.parse::<Id>().ok());
    let named = match field {
        "step" | "linked_step" => id()
            .and_then(|i| ws.staircase.step(i))
            .map(|s| s.name.clone()),
        "goal_id" => id()
            .and_then(|i| ws.plan.goals.iter().find(|g| g.id == i))
            .map(super::plan::goal_label),
        "track_id" => id()
            .and_then(|i| ws.plan.tracks.iter().find(|t| t.id == i))
            .map(super::plan::track_label),
        "parent_id" | "initiative_id" => id()
            .and_then(|i| ws.plan.initiatives.iter().find(|x| x.id == i))
            .map(|x| super::plan::initiative_label(&x.number, &x.title)),
        "status" => {
            let kind = match target {
                Target::Record(r) => Some(r.kind),
                Target::Setting(_) => None,
            };
            let parsed = |f: fn(serde_json::Value) -> Option<&'static str>| f(v.clone());
            match kind {
                Some(record::RecordKind::Initiative) => parsed(|v| {
                    crate::model::json::read(&v)
                        .ok()
                        .map(super::initiative_status)
                }),
                Some(record::RecordKind::Meeting) => {
                    parsed(|v| crate::model::json::read(&v).ok().map(super::meeting_status))
                }
                Some(record::RecordKind::Intervention) => parsed(|v| {
                    crate::model::json::read(&v)
                        .ok()
                        .map(super::intervention_status)
                }),
                _ => None,
            }
            .map(str::to_string)
        }
        _ => None,
    };
    if let Some(name) = named {
        return format!("«{name}»");
    }
    match v {
        serde_json::Value::String(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => super::date_long(d),
            Err(_) => conflict_value(v),
        },
        serde_json::Value::Array(a)
            if a.iter().all(serde_json::Value::is_object) && !a.is_empty() =>
        {
            list_of(a.len())
        }
        _ => conflict_value(v),
    }
}

fn list_of(n: usize) -> String {
    if n == 1 {
        "1 punkt".into()
    } else {
        format!("{} punkter", super::group_thousands(n as i64))
    }
}

/// A value from a conflict, readable: text as it is, nothing as «(tom)».
pub fn conflict_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(tom)".into(),
        serde_json::Value::String(s) if s.is_empty() => "(tom)".into(),
        serde_json::Value::String(s) => {
            let cut: String = s.chars().take(120).collect();
            if cut.len() < s.len() {
                format!("«{cut} …»")
            } else {
                format!("«{cut}»")
            }
        }
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(super::group_thousands)
            .unwrap_or_else(|| n.to_string()),
        serde_json::Value::Bool(b) => if *b { "ja" } else { "nej" }.into(),
        serde_json::Value::Array(a) if a.is_empty() => "(tom)".into(),
        other => {
            let s = other.to_string();
            s.chars().take(120).collect()
        }
    }
}

/// What to do about a broken rule, said next to its field.
pub fn field_problem(p: &crate::model::validation::Problem) -> String {
    use crate::model::validation::Problem;
    match p {
        Problem::Empty => "Udfyld feltet.".into(),
        Problem::TooLong { max } => format!(
            "Teksten er for lang. Skriv højst {} tegn.",
            super::group_thousands(*max as i64)
        ),
        Problem::Negative => "Skriv et tal, der ikke er negativt.".into(),
        Problem::TooLarge { max } => format!(
            "Tallet er for stort. Skriv højst {}.",
            super::group_thousands(*max)
        ),
        Problem::OutOfRange { min, max } => format!("Skriv et tal fra {min} til {max}."),
        Problem::NotFinite => "Skriv et tal.".into(),
        Problem::CprLike => {
            "Det ligner et CPR-nummer. Brug et pseudonym eller et internt sagsnummer.".into()
        }
        Problem::MinAboveMax => "Det mindste tal må ikke være større end det højeste.".into(),
        Problem::SelfReference => "Et initiativ kan ikke høre under sig selv.".into(),
        Problem::SameStep => "Vælg et andet trin end det, børnene flyttede fra.".into(),
        Problem::EndBeforeStart => "Slutdatoen må ikke ligge før startdatoen.".into(),
        Problem::Duplicate => "Der er allerede en linje for den mødetype. Ret den i stedet.".into(),
        Problem::ParentLoop => super::plan::PARENT_LOOP.into(),
        Problem::DuplicateId(_) | Problem::UnknownReference(_) => {
            "Noget, feltet henviser til, findes ikke længere. Vælg igen.".into()
        }
    }
}

/// One Danish sentence for a refused edit, naming the field where there is one.
pub fn command_error(e: &CommandError) -> String {
    match e {
        CommandError::Invalid { issues, .. } => match issues.first() {
            Some(i) => format!(
                "{}: {}.",
                field_label(i.field.last_key().unwrap_or_default()),
                super::file::validation_problem(&i.problem)
            ),
            None => "Ændringen kunne ikke gemmes.".into(),
        },
        CommandError::NotFound(_) => "Det, du ville ændre, findes ikke længere.".into(),
        CommandError::NotOpen => NO_WORKSPACE.into(),
        CommandError::WorkspaceFull { max_bytes } => format!(
            "Arbejdsområdet er fuldt (højst {}). Slet gamle møder, eller del arbejdsområdet op i flere, før du tilføjer mere.",
            bytes(*max_bytes as f64)
        ),
        CommandError::AnchorNotFound { .. } => {
            "Pladsen, du ville flytte til, findes ikke længere. Prøv igen.".into()
        }
        CommandError::StepNotFound(_) => "Trinnet findes ikke længere.".into(),
        CommandError::StepNotEmpty { interventions, .. } => format!(
            "Trinnet har stadig {}. Flyt eller slet dem først.",
            kinds(RecordKind::Intervention, *interventions)
        ),
        CommandError::StillReferenced { by, .. } => {
            let mut counts: Vec<(RecordKind, usize)> = Vec::new();
            for r in by {
                match counts.iter_mut().find(|(k, _)| *k == r.kind) {
                    Some(c) => c.1 += 1,
                    None => counts.push((r.kind, 1)),
                }
            }
            format!(
                "Der henvises stadig hertil fra {}. Fjern henvisningerne først.",
                record_counts(&counts)
            )
        }
    }
}

/// "12,3 MB", "850 kB"
pub fn bytes(n: f64) -> String {
    if n >= 1024.0 * 1024.0 * 1024.0 {
        format!("{} GB", super::decimal(n / (1024.0 * 1024.0 * 1024.0), 1))
    } else if n >= 1024.0 * 1024.0 {
        format!("{} MB", super::decimal(n / (1024.0 * 1024.0), 1))
    } else {
        format!("{} kB", super::decimal((n / 1024.0).max(0.0), 0))
    }
}

/// Hint under every date field: the app's one date format, whatever the browser's language.
pub const DATE_HINT: &str = "Skriv dd.mm.åååå, fx 12.03.2026.";
pub const DATE_WRONG: &str = "Datoen kan ikke læses. Skriv den som dd.mm.åååå, fx 12.03.2026.";
pub const TIME_WRONG: &str = "Klokkeslættet kan ikke læses. Skriv det som tt.mm, fx 09.30.";
pub const MONTH_WRONG: &str = "Måneden kan ikke læses. Skriv den som mm.åååå, fx 01.2026.";

/// The header's save status while forms hold drafts: "Ikke gemt: kladde i «Møde 12.03.2026»".
pub fn drafts_unsaved(labels: &[String]) -> String {
    match labels {
        [] => String::new(),
        [one] => format!("Ikke gemt: kladde i «{one}»"),
        [first, rest @ ..] => format!("Ikke gemt: kladder i «{first}» og {} andre", rest.len()),
    }
}
pub const GO_TO_DRAFT: &str = "Gå til kladden";

/// The question before leaving a form whose draft would be lost.
pub fn leave_draft_question(labels: &[String]) -> String {
    let which = labels
        .iter()
        .map(|l| format!("«{l}»"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("Du har ændringer i {which}, som ikke er gemt.\n\nTryk OK for at forlade siden uden at gemme dem, eller annullér for at blive på siden og gemme.")
}

/// Heading when an imported file holds a workspace this browser has already.
pub fn same_workspace_title(name_here: &str) -> String {
    format!("Filen er det samme arbejdsområde som «{name_here}», som allerede findes her.")
}

/// The file against the copy here, by content: a headline («ens», or which side holds changes the other
/// lacks) and one sentence per kind of difference.
pub struct CopyWords {
    pub headline: String,
    pub details: Vec<String>,
}

fn noun(kind: RecordKind, n: usize) -> String {
    kinds(kind, n)
}

/// "1 ændret initiativ", "2 ændrede møder".
fn changed_noun(kind: RecordKind, n: usize) -> String {
    let counted = kinds(kind, n);
    let (num, rest) = counted.split_once(' ').unwrap_or(("", &counted));
    format!("{num} {} {rest}", if n == 1 { "ændret" } else { "ændrede" })
}

fn listed(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn originals(n: usize) -> String {
    format!(
        "{n} {} under «Lagt til side»",
        if n == 1 { "original" } else { "originaler" }
    )
}

fn setting_differs(s: crate::model::merge::Setting) -> Option<&'static str> {
    use crate::model::merge::Setting;
    match s {
        Setting::Info => Some("Arbejdsområdets navn, kommune eller beskrivelse er forskellig i filen og her."),
        Setting::FollowUp => Some("Reglerne for opfølgning, målene for møder pr. måned eller målet for børn pr. sagsbehandler er forskellige i filen og her."),
        Setting::PlanInfo => Some("Handleplanens titel, periode eller grænse for statusnoter er forskellig i filen og her."),
        Setting::AsOf => Some("Datoen, arbejdsområdet vises pr., er forskellig i filen og her."),
        Setting::SetAside | Setting::Branches => None,
    }
}

pub fn copy_comparison(c: &crate::model::copies::CopyComparison) -> CopyWords {
    use crate::model::copies::CopyVerdict;
    let headline = match c.verdict() {
        CopyVerdict::Same => "Filen og udgaven her er ens: de har de samme poster og indstillinger. Du behøver ikke importere filen.",
        CopyVerdict::HereAhead => "Udgaven her har ændringer, som filen ikke har, og filen har intet, som ikke er her. Behold udgaven her.",
        CopyVerdict::FileAhead => "Filen har ændringer, som ikke er her, og udgaven her har intet, som filen ikke har.",
        CopyVerdict::Both => "Filen og udgaven her har hver især ændringer, som den anden ikke har. Flet filen ind, så ændringerne fra begge udgaver bevares.",
    }
    .to_string();
    let mut file_has = Vec::new();
    let mut here_has = Vec::new();
    let mut details = Vec::new();
    for (kind, d) in &c.kinds {
        if d.only_file > 0 {
            file_has.push(noun(*kind, d.only_file));
        }
        if d.newer_file > 0 {
            file_has.push(changed_noun(*kind, d.newer_file));
        }
        if d.only_here > 0 {
            here_has.push(noun(*kind, d.only_here));
        }
        if d.newer_here > 0 {
            here_has.push(changed_noun(*kind, d.newer_here));
        }
    }
    if c.set_aside_only_file > 0 {
        file_has.push(originals(c.set_aside_only_file));
    }
    if c.set_aside_only_here > 0 {
        here_has.push(originals(c.set_aside_only_here));
    }
    if !file_has.is_empty() {
        details.push(format!("Filen har {}, som ikke er her.", listed(&file_has)));
    }
    if !here_has.is_empty() {
        details.push(format!("Her er {}, som filen ikke har.", listed(&here_has)));
    }
    for (kind, d) in &c.kinds {
        if d.changed_both > 0 {
            let n = d.changed_both;
            details.push(format!(
                "{} er ændret både i filen og her.",
                capitalised(&noun(*kind, n))
            ));
        }
        if d.unrelated > 0 {
            details.push(format!(
                "{} findes i to forskellige udgaver, uden at det kan ses, hvilken der er nyest.",
                capitalised(&noun(*kind, d.unrelated))
            ));
        }
    }
    let reordered: Vec<String> = c
        .kinds
        .iter()
        .filter(|(_, d)| d.reordered)
        .map(|(k, _)| {
            let plural = noun(*k, 2);
            plural
                .split_once(' ')
                .map(|(_, p)| p.to_string())
                .unwrap_or(plural)
        })
        .collect();
    if !reordered.is_empty() {
        details.push(format!(
            "Rækkefølgen af {} er forskellig i filen og her.",
            listed(&reordered)
        ));
    }
    details.extend(
        c.settings
            .iter()
            .filter_map(|s| setting_differs(*s))
            .map(str::to_string),
    );
    CopyWords { headline, details }
}

/// While the copy here is read to compare it with the file.
pub const COMPARING_COPIES: &str = "Sammenligner filen med udgaven her …";

/// Said on every screen of a workspace shown as of another day than today (a built-in example).
pub fn as_of_notice(day: chrono::NaiveDate) -> String {
    let d = super::date_long(day);
    format!(
        "Vist pr. {d}: eksemplet vises, som det stod den dag. Frister, statusnoter, opfølgninger og \
         møderne i de seneste 12 måneder regnes fra {d}, ikke fra i dag."
    )
}

/// The notice in one line, for workshop mode on a projector (the whole text a click away).
pub fn example_notice_short(day: Option<chrono::NaiveDate>, made_up: bool) -> String {
    let mut parts = Vec::new();
    if let Some(d) = day {
        parts.push(format!("Vist pr. {}", super::date_long(d)));
    }
    if made_up {
        parts.push("nogle tal er opdigtede eksempeltal".to_string());
    }
    let mut line = parts.join(", ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + &line[1..];
    }
    line
}

/// The disclosure that opens the whole notice in workshop mode.
pub const EXAMPLE_NOTICE_MORE: &str = "Læs mere";

pub const AS_OF_TODAY: &str = "Vis pr. i dag";
pub const AS_OF_CLEARED: &str =
    "Arbejdsområdet vises nu pr. i dag. Fortryd med Ctrl+Z, hvis du vil se det pr. sin egen dato igen.";

fn quoted(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("«{n}»")).collect();
    listed(&q)
}

/// Said next to figures whose numbers are made up (an example's illustration), on screen and in print.
pub fn made_up_notice(measurements: &[String], indicators: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    match measurements.len() {
        0 => {}
        1 => parts.push(format!(
            "Opdigtede tal: målingen {} er eksempeltal, ikke en kommunes egne tal, og det er børn, \
             udgifter og børn pr. sagsbehandler regnet af den også.",
            quoted(measurements)
        )),
        _ => parts.push(format!(
            "Opdigtede tal: målingerne {} er eksempeltal, ikke en kommunes egne tal, og det er børn, \
             udgifter og børn pr. sagsbehandler regnet af dem også.",
            quoted(measurements)
        )),
    }
    match indicators.len() {
        0 => {}
        1 => parts.push(format!(
            "Indikatoren {} har opdigtede eksempeltal.",
            quoted(indicators)
        )),
        _ => parts.push(format!(
            "Indikatorerne {} har opdigtede eksempeltal.",
            quoted(indicators)
        )),
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The start page, above the examples.
pub const EXAMPLES_INTRO: &str = "Køge og Halsnæs bygger på de to kommuners offentlige planer fra 2019 og \
    har kun de tal, planerne selv giver; planerne giver ingen tal for trappen. Socialstyrelsens trappe har \
    opdigtede eksempeltal for en tænkt kommune, så alle sider har noget at vise, og de er mærket som \
    opdigtede overalt. Hvert eksempel vises pr. sin egen dato og åbnes som et nyt arbejdsområde, som du frit \
    kan ændre.";

pub const UNDONE: &str = "Den seneste ændring er fortrudt.";
pub const REDONE: &str = "Ændringen er gentaget.";

/// "Vil du lægge «Køge 2019» i papirkurven? Du kan gendanne det nederst på siden."
pub fn trash_question(name: &str) -> String {
    format!("Vil du lægge «{name}» i papirkurven? Du kan gendanne det nederst på siden.")
}

/// The app's one save model, said once on every page.
pub const SAVE_MODEL: &str = "Sådan gemmes dit arbejde: En formular gemmes, når du trykker på dens «Gem»-knap; indtil da står der «Ikke gemt: kladde» øverst. Flytninger på trappen og tavlen og sletninger gemmes med det samme og kan fortrydes med Ctrl+Z.";

// Form fields.
pub const NEW_WORKSPACE_HINT: &str =
    "Fx kommunens navn og året, eller workshoppens titel. Skriv ikke navne på borgere.";

// The UI kit's own words (`ui::kit`).
pub const CANCEL: &str = "Fortryd";
/// The confirm button of a short «Slet».
pub const YES_DELETE: &str = "Ja, slet";
pub const UNDO: &str = "Fortryd";
pub const REDO: &str = "Gentag";
pub const UNDO_GROUP: &str = "Fortryd og gentag";
/// Shown after «Fortryd» and «Gentag» where the shortcuts are spelt out.
pub const UNDO_SHORTCUT: &str = " (Ctrl+Z)";
pub const REDO_SHORTCUT: &str = " (Ctrl+Y)";
pub const PRINT: &str = "Udskriv";
/// After a print page's own hint on its paper.
pub const PRINT_AS_PDF: &str = "Vælg «Gem som PDF» i udskriftsdialogen for at få en PDF.";

/// A printed page's heading: what it shows, of which workspace.
pub fn print_heading(what: &str, workspace: &str) -> String {
    format!("{what} – {workspace}")
}

/// Under a printed page's heading.
pub fn printed_on(date: chrono::NaiveDate) -> String {
    format!("Udskrevet {}", super::date_long(date))
}

// The start page.
pub const START_TITLE: &str = "Forside";
pub const START_HEADING: &str = "Velkommen til Trappe";
pub const START_LEAD: &str = "Tegn kommunens indsatstrappe, hold log over netværksmøder, og følg handleplanens initiativer. Alt bliver i din browser; du deler arbejde ved at sende en fil.";
pub const START_STORED: &str = "Dine arbejdsområder";
pub const START_SAVED: &str = " Gemt ";
pub const START_EXAMPLES: &str = "Åbn et eksempel";
pub const NEW_WORKSPACE_NAME_MISSING: &str =
    "Skriv et navn til arbejdsområdet, fx «Indsatstrappe 2026».";
pub const CREATE_WORKSPACE: &str = "Opret arbejdsområde";
/// A stored workspace's button on the start page.
pub fn open_named(name: &str) -> String {
    format!("Åbn {name}")
}
pub fn open_example(title: &str) -> String {
    format!("Åbn eksemplet {title}")
}
/// An example's file could not be fetched (the server or the connection failed before the app was cached).
pub const EXAMPLE_NOT_FETCHED: &str =
    "Eksemplet kunne ikke hentes. Tjek forbindelsen, genindlæs siden, og prøv igen.";
/// An example's file arrived but could not be read (a server that answers with something else).
pub const EXAMPLE_UNREADABLE: &str =
    "Eksemplets fil kunne ikke læses som en Trappe-fil. Genindlæs siden, og prøv igen.";

// The page frame.
pub const OPEN_WORKSPACE_HIDDEN: &str = "Åbent arbejdsområde: ";
pub const FOOTER_PRIVACY: &str = "Trappe gemmer alt i din egen browser og sender aldrig data nogen steder hen. Del arbejde ved at eksportere en fil på siden Data.";

// The page for an address that does not exist.
pub const NOT_FOUND: &str = "Siden findes ikke";
pub const GO_TO_START_PAGE: &str = "Gå til forsiden";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field_path::FieldPath;

    /// The print pages' heading and date, as the end-to-end tests read them.
    #[test]
    fn print_heading_and_date() {
        assert_eq!(print_heading("Nøgletal", "Aarhus"), "Nøgletal – Aarhus");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(printed_on(day), "Udskrevet 6. december 2026");
    }

    /// The storage size as a caseworker reads it: "10,2 GB", not "10.444,8 MB".
    #[test]
    fn sizes_in_gb_mb_and_kb() {
        let gb = 1024.0 * 1024.0 * 1024.0;
        assert_eq!(bytes(10.2 * gb), "10,2 GB");
        assert_eq!(bytes(12.3 * 1024.0 * 1024.0), "12,3 MB");
        assert_eq!(bytes(850.0 * 1024.0), "850 kB");
    }

    /// A stored copy that could not be read was shown as "Gemning mislykkedes (Invalid {…})": the read
    /// error as debug text inside a storage error.
    #[test]
    fn an_unreadable_stored_copy_is_said_in_danish() {
        use crate::file_format::{DataProblem, ImportError};
        let e = StorageError::Unreadable(ImportError::Invalid {
            path: FieldPath::parse("workspace.meetings[2].date"),
            line: 3,
            column: 14,
            problem: DataProblem::BadDate,
        });
        let s = storage_error(&e);
        assert!(
            s.starts_with("Det gemte arbejdsområde kunne ikke læses"),
            "{s}"
        );
        assert!(s.contains("Møde nr. 3"), "{s}");
        for program in [
            "Invalid",
            "{",
            "workspace.",
            "DataProblem",
            "BadDate",
            "Gemning",
        ] {
            assert!(!s.contains(program), "«{program}» in {s}");
        }
    }
    use crate::model::copies::{CopyComparison, KindDiff};
    use crate::model::merge::Setting;

    #[test]
    fn the_comparison_in_words() {
        let same = copy_comparison(&CopyComparison::default());
        assert!(same.headline.contains("ens"), "{}", same.headline);
        assert!(same.details.is_empty());
        let c = CopyComparison {
            kinds: vec![
                (
                    RecordKind::Meeting,
                    KindDiff {
                        only_file: 3,
                        ..KindDiff::default()
                    },
                ),
                (
                    RecordKind::Initiative,
                    KindDiff {
                        newer_here: 1,
                        changed_both: 2,
                        reordered: true,
                        ..KindDiff::default()
                    },
                ),
            ],
            settings: vec![Setting::Info],
            set_aside_only_file: 0,
            set_aside_only_here: 0,
        };
        let w = copy_comparison(&c);
        assert!(w
            .headline
            .starts_with("Filen og udgaven her har hver især ændringer"));
        assert_eq!(
            w.details,
            [
                "Filen har 3 møder, som ikke er her.",
                "Her er 1 ændret initiativ, som filen ikke har.",
                "2 initiativer er ændret både i filen og her.",
                "Rækkefølgen af initiativer er forskellig i filen og her.",
                "Arbejdsområdets navn, kommune eller beskrivelse er forskellig i filen og her.",
            ]
        );
        let ahead = CopyComparison {
            kinds: vec![(
                RecordKind::TimelineRow,
                KindDiff {
                    newer_here: 2,
                    only_here: 1,
                    ..KindDiff::default()
                },
            )],
            ..CopyComparison::default()
        };
        let w = copy_comparison(&ahead);
        assert!(w
            .headline
            .starts_with("Udgaven her har ændringer, som filen ikke har"));
        assert_eq!(
            w.details,
            ["Her er 1 række i tidsplanen og 2 ændrede rækker i tidsplanen, som filen ikke har."]
        );
    }
}
