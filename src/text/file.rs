//! Danish messages for file and storage problems: what is wrong, where, and what to do.

use crate::file_format::{ImportError, MAX_FILE_BYTES};
use crate::model::field_path::{FieldPath, PathStep};
use crate::model::record::RecordKind;
use crate::model::set_aside::{DataProblem, Fix, Note};
use crate::model::validation::{Issue, Problem};
use crate::model::SetAsideReason;
use crate::model::{
    AgeGroup, CostPeriod, InitiativeStatus, InterventionStatus, MeasurementKind, MeetingStatus,
    MinutesKind, ParticipantRole, ProviderKind, StepCategory,
};

fn megabytes(bytes: usize) -> String {
    super::decimal(bytes as f64 / (1024.0 * 1024.0), 1)
}

fn problem_text(p: &DataProblem) -> String {
    match p {
        DataProblem::WrongType { found, expected } => wrong_type(found, expected),
        DataProblem::UnknownValue { found, allowed } => match allowed_in_words(allowed) {
            Some(names) => format!("der står «{found}», som Trappe ikke kender; mulige værdier er {names}"),
            None => format!("der står «{found}», som Trappe ikke kender"),
        },
        DataProblem::MissingField(f) => format!("{} mangler", field_name(&FieldPath::key(f))),
        DataProblem::DuplicateField(f) => {
            format!("{} står der to gange", field_name(&FieldPath::key(f)))
        }
        DataProblem::BadDate => "det er ikke en dato eller et klokkeslæt, der findes".into(),
        DataProblem::BadDateText(found) => {
            format!("der står «{found}», som ikke kan læses som en dato eller et klokkeslæt")
        }
        DataProblem::BadId => "ugyldigt id (skal være et UUID)".into(),
        DataProblem::NumberOutOfRange => "tallet er uden for det tilladte område".into(),
        DataProblem::NumberTooLarge(n) => format!("tallet {n} er for stort til at regne med"),
        DataProblem::BadCharacter(code) if code.is_empty() => {
            "en tekst indeholder en tegnkode (\\u…), der ikke er et tegn".into()
        }
        DataProblem::BadCharacter(code) => {
            format!("teksten indeholder tegnkoden {code}, der ikke er et helt tegn")
        }
        DataProblem::ControlCharacter => {
            "en tekst indeholder et styretegn (fx et linjeskift eller en tabulator) inde i anførselstegnene"
                .into()
        }
        DataProblem::UnexpectedEnd => "filen slutter midt i indholdet (er den afkortet?)".into(),
        DataProblem::TrailingCharacters => "der står tegn efter slutningen af indholdet".into(),
        DataProblem::TooDeep => "indholdet er indlejret for dybt".into(),
        DataProblem::Syntax => {
            "tegnsætningen er forkert (mangler et komma, et kolon eller et anførselstegn?)".into()
        }
        // serde's own words stay out of what the user reads.
        DataProblem::Other(_) => "værdien kan ikke bruges her".into(),
    }
}

/// serde's list of allowed values ("one of `planned`, `held`, …", "`a` or `b`") by their Danish names:
/// "Planlagt, Holdt, Fulgt op eller Aflyst". None when the values are not all known (then no list is
/// better than the file's words).
fn allowed_in_words(allowed: &str) -> Option<String> {
    let tokens: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
    if tokens.is_empty() {
        return None;
    }
    let names = value_names::<MeetingStatus>(&tokens, |v| super::meeting_status(*v).into())
        .or_else(|| value_names::<ParticipantRole>(&tokens, |v| super::participant_role(*v).into()))
        .or_else(|| value_names::<MinutesKind>(&tokens, |v| super::minutes_kind(*v).into()))
        .or_else(|| {
            value_names::<InitiativeStatus>(&tokens, |v| super::initiative_status(*v).into())
        })
        .or_else(|| value_names::<StepCategory>(&tokens, |v| super::step_category(*v).into()))
        .or_else(|| value_names::<AgeGroup>(&tokens, |v| super::age_group(*v).into()))
        .or_else(|| value_names::<CostPeriod>(&tokens, |v| super::cost_period(*v).into()))
        .or_else(|| value_names::<ProviderKind>(&tokens, |v| super::provider_kind(*v).into()))
        .or_else(|| {
            value_names::<InterventionStatus>(&tokens, |v| super::intervention_status(*v).into())
        })
        .or_else(|| {
            value_names::<MeasurementKind>(&tokens, |v| super::measurement_kind(*v).into())
        })?;
    Some(super::or_list(&names))
}

/// Each of `tokens` read as a `T` and named, or None if one is no `T`.
fn value_names<T: serde::de::DeserializeOwned>(
    tokens: &[&str],
    name: impl Fn(&T) -> String,
) -> Option<Vec<String>> {
    tokens
        .iter()
        .map(|t| {
            crate::model::json::read::<T>(&serde_json::Value::String((*t).to_string()))
                .ok()
                .map(|v| format!("«{}»", name(&v)))
        })
        .collect()
}

/// serde's "invalid type: string \"1.200 kr.\", expected i64" in the user's words:
/// "skal være et helt tal, fx 1200, men der står «1.200 kr.»".
fn wrong_type(found: &str, expected: &str) -> String {
    let wanted = match expected.trim() {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            "et helt tal, fx 1200"
        }
        "f32" | "f64" => "et tal, fx 12.5 (med punktum i filen)",
        "a string" | "string" => "en tekst",
        "a boolean" | "bool" => "sand eller falsk (true eller false)",
        "a sequence" | "a list" => "en liste",
        e if e.starts_with("struct") || e == "a map" || e.starts_with("a map") => {
            "en gruppe af felter"
        }
        e if e.contains("UUID") || e.contains("uuid") => "et id (UUID)",
        e if e.contains("date") || e.contains("Date") => "en dato",
        _ => "en anden slags værdi",
    };
    let had = found.trim();
    let had = if let Some(s) = had.strip_prefix("string ") {
        format!("«{}»", s.trim_matches('"'))
    } else if let Some(n) = had
        .strip_prefix("integer ")
        .or_else(|| had.strip_prefix("floating point "))
        .or_else(|| had.strip_prefix("boolean "))
    {
        n.trim_matches('`').to_string()
    } else {
        match had {
            "null" | "unit value" => "ingen værdi (null)".to_string(),
            "map" => "en gruppe af felter".to_string(),
            "sequence" => "en liste".to_string(),
            other => other.to_string(),
        }
    };
    format!("skal være {wanted}, men der står {had}")
}

pub fn validation_problem(p: &Problem) -> String {
    match p {
        Problem::Empty => "må ikke være tom".into(),
        Problem::TooLong { max } => format!(
            "er for lang (højst {} tegn)",
            super::group_thousands(*max as i64)
        ),
        Problem::Negative => "må ikke være negativ".into(),
        Problem::TooLarge { max } => {
            format!("er for stor (højst {})", super::group_thousands(*max))
        }
        Problem::OutOfRange { min, max } => format!("skal ligge mellem {min} og {max}"),
        Problem::NotFinite => "skal være et tal".into(),
        Problem::DuplicateId(id) => format!("id {id} bruges mere end én gang"),
        Problem::UnknownReference(id) => format!("henviser til {id}, som ikke findes i filen"),
        Problem::MinAboveMax => "må ikke være større end det højeste tal".into(),
        Problem::SelfReference => "kan ikke henvise til sig selv".into(),
        Problem::SameStep => "flytter børn fra et trin til samme trin".into(),
        Problem::EndBeforeStart => "ligger før starten".into(),
        Problem::Duplicate => "står der allerede".into(),
        Problem::ParentLoop => {
            "gør initiativet til del af sig selv gennem dets egne delinitiativer".into()
        }
        Problem::CprLike => {
            "ligner et CPR-nummer; brug et pseudonym eller et internt sagsnummer".into()
        }
    }
}

/// What restoring a file or stored copy did, for the user, before and after opening it.
pub fn restore_summary(r: &crate::file_format::RestoreReport) -> String {
    let mut parts = Vec::new();
    if r.repaired > 0 {
        parts.push(if r.repaired == 1 {
            "1 post brød Trappes regler og er repareret".to_string()
        } else {
            format!("{} poster brød Trappes regler og er repareret", r.repaired)
        });
    }
    if r.left_out > 0 {
        parts.push(if r.left_out == 1 {
            "1 post kunne ikke læses og er lagt til side".to_string()
        } else {
            format!("{} poster kunne ikke læses og er lagt til side", r.left_out)
        });
    }
    format!(
        "{}. Intet er tabt: originalerne ligger under «Lagt til side» på siden Data, hvor du kan læse og hente dem.",
        parts.join(", og ")
    )
}

/// Why an entry was set aside, in one or more sentences: "Møde «Sag 17»: Noter er for lang (højst 50.000
/// tegn): afkortet."
pub fn set_aside_reason(r: &SetAsideReason) -> String {
    match r {
        SetAsideReason::Written { text } => text.clone(),
        SetAsideReason::Record {
            record,
            label,
            notes,
        } => {
            let notes: Vec<String> = notes.iter().map(note).collect();
            set_aside_text(*record, label, &notes)
        }
        SetAsideReason::UnreadableSetAside => unreadable_set_aside(),
        SetAsideReason::UnreadableSetAsideList => unreadable_set_aside_list(),
        SetAsideReason::UnreadableBranch => unreadable_branch(),
        SetAsideReason::UnreadableJournal => unreadable_journal(),
        SetAsideReason::DidNotFit { record } => did_not_fit(*record),
        SetAsideReason::Conflict {
            record,
            fields,
            kept_theirs,
        } => conflict(*record, fields, *kept_theirs),
        SetAsideReason::UnreadableBackup => unreadable_backup(),
        SetAsideReason::UnreadableHead { name_known } => unreadable_head(*name_known),
        SetAsideReason::MissingHead { name_known } => missing_head(*name_known),
        SetAsideReason::HeadIdFromStorageKey => head_id_from_storage_key(),
        SetAsideReason::UnreadableOrder { record } => unreadable_order(*record),
        SetAsideReason::UnknownPart => unknown_part(),
        SetAsideReason::UnreadablePack { record } => unreadable_pack(*record),
    }
}

/// One thing wrong with a record and what was done, as a clause of `set_aside_text`.
fn note(n: &Note) -> String {
    match n {
        Note::UnreadableValue { field, problem } => unreadable_value(field, problem),
        Note::CharacterReplaced { field, code } => broken_character_replaced(field, code),
        Note::RenewedId => renewed_id(),
        Note::UnreadableRecord { problem } => unreadable_record(problem),
        Note::PastRepair => past_repair(),
        Note::ResetToDefault => reset_to_default(),
        Note::Fixed {
            field,
            problem,
            fix,
        } => fixed(field, problem, *fix),
        Note::NotAList => not_a_list(),
        Note::IdFromStorageKey => id_from_storage_key(),
        Note::StepInterventionsKept => unreadable_step_interventions_kept(),
    }
}

/// Where set-aside versions from a merge of two tabs came from.
pub const THIS_TAB: &str = "denne fane";
pub const OTHER_TAB: &str = "en anden fane";
pub const STORED_COPY: &str = "browserens lager";
/// Where a journal (edits a tab had not yet saved) was found.
pub const JOURNAL: &str = "kladden af ikke gemte ændringer i browserens lager";

fn unreadable_journal() -> String {
    "Kladden af ændringer, som en fane ikke nåede at gemme, kunne ikke læses (den er måske kun skrevet halvt). Dens tekst ligger her, som den blev fundet: se den igennem, og indtast det, der mangler.".into()
}

fn did_not_fit(kind: RecordKind) -> String {
    format!(
        "{} fra denne fane kunne ikke sættes ind igen, fordi det, den henviste til, er slettet i en anden fane. Den er lagt til side her.",
        kind_label(kind)
    )
}

/// What happened when both tabs changed the same record.
fn conflict(kind: RecordKind, fields: &[String], kept_theirs: bool) -> String {
    let what = kind_label(kind);
    if kept_theirs {
        return format!(
            "{what}: slettet i denne fane, men ændret i en anden fane. Den anden fanes udgave er beholdt."
        );
    }
    if fields.is_empty() {
        return format!("{what}: ændret i begge faner. Denne fanes udgave er beholdt; den anden fanes udgave ligger her.");
    }
    let fields: Vec<String> = fields
        .iter()
        // Stored as text in the set-aside entry.
        .map(|f| field_name(&FieldPath::parse(f)))
        .collect();
    format!(
        "{what}: {} blev ændret i begge faner. Denne fanes værdi er beholdt; den anden fanes udgave ligger her.",
        fields.join(", ")
    )
}

fn unreadable_backup() -> String {
    "Det erstattede arbejdsområde kunne ikke læses og er gemt her, som det lå i lageret.".into()
}

/// Names repairs write into the workspace (data, so they live with the repairs), for the sentences here.
pub use crate::model::set_aside::names::{STORED_WITHOUT_NAME, UNNAMED, UNREADABLE_STEP};

/// Where in the browser's storage something was found, for «Fundet i …».
pub(super) fn stored_head() -> String {
    format!("{STORED_COPY}: arbejdsområdets egne oplysninger")
}

pub(super) fn stored_set_aside_list() -> String {
    format!("{STORED_COPY}: listen «Lagt til side»")
}

pub(super) fn stored_order(kind: RecordKind) -> String {
    format!("{STORED_COPY}: rækkefølgen af {}", kind_plural(kind))
}

pub(super) fn stored_record(kind: RecordKind, id: &str) -> String {
    format!("{STORED_COPY}: {} {id}", kind_label(kind).to_lowercase())
}

pub(super) fn stored_pack(kind: RecordKind) -> String {
    format!("{STORED_COPY}: en samling {}", kind_plural(kind))
}

pub(super) fn stored_part(key: &str) -> String {
    format!("{STORED_COPY}: delen «{key}»")
}

/// The workspace's own fields (name, municipality …) could not be read from storage.
fn unreadable_head(name_known: bool) -> String {
    format!(
        "Arbejdsområdets egne oplysninger (navn, kommune, beskrivelse, opfølgning og handleplanens titel) kunne ikke læses i browserens lager. {} Alle poster er læst for sig. Originalen ligger her.",
        head_restored(name_known)
    )
}

fn missing_head(name_known: bool) -> String {
    format!(
        "Arbejdsområdets egne oplysninger (navn, kommune, beskrivelse, opfølgning og handleplanens titel) manglede i browserens lager. {} Alle poster er læst for sig.",
        head_restored(name_known)
    )
}

fn head_restored(name_known: bool) -> String {
    if name_known {
        "Arbejdsområdet har fået navnet fra listen over arbejdsområder; resten står tomt, til du udfylder det.".into()
    } else {
        format!("Arbejdsområdet har fået navnet «{STORED_WITHOUT_NAME}»; resten står tomt, til du udfylder det.")
    }
}

fn head_id_from_storage_key() -> String {
    "Arbejdsområdets id manglede i browserens lager (eller var et andet end det, det er gemt under). Det har fået id'et fra lageret, så det er det samme ved hver åbning, og dine ændringer gemmes det rigtige sted.".into()
}

fn id_from_storage_key() -> String {
    "havde ikke det id, den er gemt under i browserens lager, og har fået det, så den er den samme ved hver åbning og ikke bliver til to".into()
}

fn unreadable_order(kind: RecordKind) -> String {
    if kind == RecordKind::Intervention {
        "Indsatsernes fordeling på trinene kunne ikke læses i browserens lager. Alle indsatser er beholdt og lagt på det første trin; flyt dem tilbage på Trappen. Originalen ligger her.".into()
    } else {
        let mut what = kind_plural(kind).to_string();
        if let Some(first) = what.get(..1) {
            what = first.to_uppercase() + &what[1..];
        }
        format!("Rækkefølgen af {} kunne ikke læses i browserens lager. {what} er alle beholdt, men står måske i en anden rækkefølge. Originalen ligger her.", kind_plural(kind))
    }
}

fn unreadable_step_interventions_kept() -> String {
    format!("kunne ikke læses i browserens lager. Dens indsatser er beholdt, på trinets plads, under navnet «{UNREADABLE_STEP}»")
}

fn unreadable_pack(kind: RecordKind) -> String {
    format!("En samling {} i browserens lager kunne ikke læses, så de {} i den er ikke læst ind. Intet er slettet: hele samlingen ligger her, som den lå. Hent den, og tast dem ind igen, eller bed en kollega om en fil med dem.", kind_plural(kind), kind_plural(kind))
}

fn unknown_part() -> String {
    "En del af arbejdsområdet i browserens lager har et navn, Trappe ikke kender, og er ikke læst ind. Den ligger her, som den lå.".into()
}

pub(crate) fn kind_label(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Step => "Trin",
        RecordKind::Intervention => "Indsats",
        RecordKind::Measurement => "Måling",
        RecordKind::Meeting => "Møde",
        RecordKind::Template => "Mødeskabelon",
        RecordKind::Goal => "Mål",
        RecordKind::Track => "Spor",
        RecordKind::Initiative => "Initiativ",
        RecordKind::Indicator => "Indikator",
        RecordKind::TimelineRow => "Række i tidsplanen",
    }
}

pub(crate) fn kind_plural(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Step => "trin",
        RecordKind::Intervention => "indsatser",
        RecordKind::Measurement => "målinger",
        RecordKind::Meeting => "møder",
        RecordKind::Template => "mødeskabeloner",
        RecordKind::Goal => "mål",
        RecordKind::Track => "spor",
        RecordKind::Initiative => "initiativer",
        RecordKind::Indicator => "indikatorer",
        RecordKind::TimelineRow => "rækker i tidsplanen",
    }
}

/// A field by its label, never by its name in the file: "Rolle (deltager nr. 1)" for
/// `participants[0].role`.
pub(crate) fn field_name(field: &FieldPath) -> String {
    let label = super::ui::field_label(field.last_key().unwrap_or_default());
    let label = if label == "Feltet" {
        "Et felt".to_string()
    } else {
        label
    };
    let mut within = Vec::new();
    let mut list = "";
    let steps = field.steps();
    for (n, step) in steps.iter().enumerate() {
        match step {
            PathStep::Key(k) => list = k,
            // The field itself is a list: "Aldersgrupper nr. 2".
            PathStep::Index(i) if n + 1 == steps.len() => return format!("{label} nr. {}", i + 1),
            PathStep::Index(i) => within.push(format!("{} nr. {}", item_noun(list), i + 1)),
        }
    }
    if within.is_empty() {
        label
    } else {
        format!("{label} ({})", within.join(", "))
    }
}

/// One item of a list field, in the singular: `participants` → "deltager".
fn item_noun(list: &str) -> &'static str {
    match list {
        "participants" => "deltager",
        "action_items" => "aftale",
        "history" => "note",
        "values" => "målt værdi",
        "checklist" => "punkt på tjeklisten",
        "questions" => "spørgsmål",
        "moves" => "flytning",
        "monthly_targets" => "mål for møder pr. måned",
        "interventions" => "indsats",
        "steps" => "trin",
        "budget" => "budgetlinje",
        "meetings" => "møde",
        "initiatives" => "initiativ",
        "goals" => "mål",
        "tracks" => "spor",
        "indicators" => "indikator",
        "measurements" => "måling",
        _ => "punkt",
    }
}

fn not_a_list() -> String {
    "skulle være en liste, men var noget andet, og er ikke indlæst".into()
}

fn unreadable_value(field: &FieldPath, p: &DataProblem) -> String {
    if field.is_empty() {
        return format!("kunne ikke læses ({})", problem_text(p));
    }
    format!(
        "{} kunne ikke læses ({}) og er udeladt",
        field_name(field),
        problem_text(p)
    )
}

/// "Noter indeholdt tegnkoden \ud800, der ikke er et helt tegn; den er erstattet med �, og resten af
/// teksten er beholdt"
fn broken_character_replaced(field: &FieldPath, code: &str) -> String {
    let what = if field.is_empty() {
        "Et feltnavn".to_string()
    } else {
        field_name(field)
    };
    let code = if code.is_empty() { "\\u…" } else { code };
    format!(
        "{what} indeholdt tegnkoden {code}, der ikke er et helt tegn; den er erstattet med �, og resten af teksten er beholdt"
    )
}

fn renewed_id() -> String {
    "havde samme id som en anden post og har fået et nyt".into()
}

fn unreadable_record(p: &DataProblem) -> String {
    format!(
        "kunne ikke læses ({}) og er ikke med i arbejdsområdet",
        problem_text(p)
    )
}

fn past_repair() -> String {
    "brød reglerne og kunne ikke repareres, så den er ikke med i arbejdsområdet".into()
}

fn reset_to_default() -> String {
    "kunne ikke repareres og er sat til standardindstillingerne".into()
}

fn unreadable_set_aside() -> String {
    "En tidligere tilsidesat post kunne ikke læses og er gemt som tekst.".into()
}

fn unreadable_branch() -> String {
    "En sletning eller en gemt anden udgave af en post kunne ikke læses. Den er gemt her som tekst."
        .into()
}

fn unreadable_set_aside_list() -> String {
    "Listen over poster lagt til side kunne ikke læses. Den er gemt her som tekst, så intet af den går tabt."
        .into()
}

/// "Noter er for lang (højst 50.000 tegn): afkortet"
fn fixed(field: &FieldPath, problem: &Problem, fix: Fix) -> String {
    let action = match fix {
        Fix::Shortened => "afkortet",
        Fix::Masked => "tallene er skjult",
        Fix::NewId => "har fået et nyt id",
        Fix::Named => "sat til «Uden navn»",
        Fix::Removed => "fjernet",
        Fix::Nothing => "ikke rettet",
    };
    format!(
        "{} {}: {action}",
        field_name(field),
        validation_problem(problem)
    )
}

/// "Møde «Sag 17»: Noter er for lang (højst 50.000 tegn): afkortet."
fn set_aside_text(kind: Option<RecordKind>, label: &str, notes: &[String]) -> String {
    let body = notes.join("; ");
    let mut s = match (kind, label.is_empty()) {
        (Some(k), false) => format!("{} «{label}»: {body}", kind_label(k)),
        (Some(k), true) => format!("{}: {body}", kind_label(k)),
        (None, _) => {
            let mut c = body.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    };
    s.push('.');
    s
}

pub fn issue(i: &Issue) -> String {
    format!(
        "{}: {}",
        super::place::describe(&i.path, None).words,
        validation_problem(&i.problem)
    )
}

/// A picked file the browser could not read at all.
pub fn unreadable_file() -> String {
    "Filen kunne ikke læses. Prøv at gemme den igen og vælge den på ny.".into()
}

/// One Danish sentence (or a short list) for an import failure.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::TooLarge { bytes, .. } => format!(
            "Filen fylder {} MB. Trappe kan indlæse filer op til {} MB.",
            megabytes(*bytes),
            megabytes(MAX_FILE_BYTES)
        ),
        ImportError::WorkspaceTooLarge { bytes, max } => format!(
            "Arbejdsområdet i filen fylder {} MB. Trappe kan rumme arbejdsområder op til {} MB. Del det op i flere filer, fx pr. år.",
            megabytes(*bytes),
            megabytes(*max)
        ),
        ImportError::Empty => "Filen er tom.".into(),
        ImportError::NotUtf8 { byte_offset } => format!(
            "Filen er ikke en tekstfil i UTF-8 (ugyldige tegn ved byte {}). Er det den rigtige fil?",
            super::group_thousands(*byte_offset as i64)
        ),
        ImportError::Syntax { line, column, problem } => format!(
            "Filen er ikke gyldig JSON: linje {line}, kolonne {column}: {}.",
            problem_text(problem)
        ),
        ImportError::NotAnObject => {
            "Filen er JSON, men ikke en Trappe-fil (den skal starte med et objekt med «format» og «version»).".into()
        }
        ImportError::WrongFormat { found: Some(f) } => format!(
            "Filen er ikke en Trappe-fil: dens format hedder «{f}», men Trappe læser «trappe-workspace»."
        ),
        ImportError::WrongFormat { found: None } => {
            "Filen er ikke en Trappe-fil: feltet «format» mangler.".into()
        }
        ImportError::MissingVersion => {
            "Filen mangler et gyldigt versionsnummer i feltet «version».".into()
        }
        ImportError::NewerVersion { found } => format!(
            "Filen er skrevet i formatversion {found} af en nyere Trappe. Denne udgave læser op til version {}. Opdatér Trappe, eller bed afsenderen om en fil i version {}.",
            crate::file_format::VERSION,
            crate::file_format::VERSION
        ),
        ImportError::Migration(m) => format!(
            "Filen er i en ældre version, men kunne ikke opgraderes: ved {} forventedes {}.",
            if m.path.is_empty() { "roden" } else { &m.path },
            match m.expected {
                "array" => "en liste",
                "object" => "et objekt",
                "whole number" => "et helt tal",
                other => other,
            }
        ),
        ImportError::Invalid { path, line, column, problem } => {
            let at = if *line > 0 {
                format!(" (linje {line}, kolonne {column})")
            } else {
                String::new()
            };
            let place = super::place::describe(path, None).words;
            format!("Ugyldig værdi i {place}{at}: {}.", problem_text(problem))
        }
        ImportError::Sealed => super::sealed::SEALED_ELSEWHERE.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file_format::read_workspace_file;

    fn message(input: &str) -> String {
        import_error(&read_workspace_file(input.as_bytes()).unwrap_err())
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let m = message("{\n  \"format\": \"trappe-workspace\",\n  \"version\": 1\n  \"x\": 2\n}");
        assert!(
            m.starts_with("Filen er ikke gyldig JSON: linje 4, kolonne 3"),
            "{m}"
        );
    }

    #[test]
    fn a_wrong_type_is_set_aside_with_its_place_and_field() {
        let ws = read_workspace_file(
            br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","staircase":{"steps":[{"name":"A"},{"name":"B"},{"name":"C","interventions":[{"name":"ICDP","unit_cost":"dyr"}]}]}}}"#,
        )
        .unwrap()
        .workspace;
        let s = &ws.set_aside[0];
        assert_eq!(s.found_at, "workspace.staircase.steps[2].interventions[0]");
        let what = set_aside_reason(&s.reason);
        assert!(
            what.starts_with("Indsats «ICDP»: Pris kunne ikke læses"),
            "{what}"
        );
        assert!(s.original.contains("\"dyr\""));
        assert_eq!(ws.staircase.steps[2].interventions[0].name, "ICDP");
    }

    #[test]
    fn a_wrong_type_is_said_in_the_users_words() {
        let ws = read_workspace_file(
            br#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","staircase":{"steps":[{"name":"A","interventions":[{"name":"Hurtig indsats","unit_cost":"1.200 kr."}]}]}}}"#,
        )
        .unwrap()
        .workspace;
        let what = &set_aside_reason(&ws.set_aside[0].reason);
        assert!(
            what.contains("skal være et helt tal, fx 1200, men der står «1.200 kr.»"),
            "{what}"
        );
        assert!(!what.contains("i64") && !what.contains("string"), "{what}");
        assert_eq!(
            wrong_type("boolean `true`", "a string"),
            "skal være en tekst, men der står true"
        );
        assert_eq!(
            wrong_type("null", "f64"),
            "skal være et tal, fx 12.5 (med punktum i filen), men der står ingen værdi (null)"
        );
    }

    #[test]
    fn allowed_values_are_named_in_danish_or_not_at_all() {
        assert_eq!(
            allowed_in_words("one of `planned`, `held`, `followed_up`, `cancelled`").as_deref(),
            Some("«Planlagt», «Afholdt», «Fulgt op» eller «Aflyst»")
        );
        assert_eq!(
            allowed_in_words("`active` or `closed`").as_deref(),
            Some("«I drift» eller «Lukket»")
        );
        assert_eq!(allowed_in_words("one of `x_y`, `planned`"), None);
        assert_eq!(allowed_in_words("something"), None);
    }

    #[test]
    fn newer_version_and_other_format_are_explained() {
        assert!(message(r#"{"format":"trappe-workspace","version":7}"#).contains("version 7"));
        assert!(message(r#"{"format":"excalidraw","version":2}"#).contains("«excalidraw»"));
        assert!(message("[1,2]").contains("ikke en Trappe-fil"));
        assert_eq!(message("  "), "Filen er tom.");
    }
}

#[cfg(test)]
mod reason_tests {
    use super::*;
    use crate::model::set_aside::{DataProblem, Fix, Note};
    use crate::model::validation::Problem;

    fn record(kind: Option<RecordKind>, label: &str, notes: Vec<Note>) -> SetAsideReason {
        SetAsideReason::Record {
            record: kind,
            label: label.into(),
            notes,
        }
    }

    fn fixed(field: &str, problem: Problem, fix: Fix) -> Note {
        Note::Fixed {
            field: FieldPath::parse(field),
            problem,
            fix,
        }
    }

    /// Each reason in the words the app showed when the sentence was stored.
    #[test]
    fn every_reason_is_said_as_before() {
        use RecordKind as K;
        let cases = [
            (
                record(Some(K::Meeting), "Sag 17", vec![fixed("notes", Problem::TooLong { max: 50_000 }, Fix::Shortened)]),
                "Møde «Sag 17»: Noter er for lang (højst 50.000 tegn): afkortet.",
            ),
            (
                record(Some(K::Intervention), "ICDP", vec![Note::UnreadableValue {
                    field: "unit_cost".into(),
                    problem: DataProblem::WrongType { found: "string \"1.200 kr.\"".into(), expected: "i64".into() },
                }]),
                "Indsats «ICDP»: Pris kunne ikke læses (skal være et helt tal, fx 1200, men der står «1.200 kr.») og er udeladt.",
            ),
            (
                record(None, "", vec![Note::ResetToDefault]),
                "Kunne ikke repareres og er sat til standardindstillingerne.",
            ),
            (
                record(None, "", vec![Note::UnreadableValue { field: FieldPath::default(), problem: DataProblem::Syntax }]),
                "Kunne ikke læses (tegnsætningen er forkert (mangler et komma, et kolon eller et anførselstegn?)).",
            ),
            (
                record(Some(K::Step), "", vec![Note::StepInterventionsKept]),
                "Trin: kunne ikke læses i browserens lager. Dens indsatser er beholdt, på trinets plads, under navnet «Trin der ikke kunne læses».",
            ),
            (
                record(Some(K::Meeting), "", vec![Note::RenewedId, Note::IdFromStorageKey]),
                "Møde: havde samme id som en anden post og har fået et nyt; havde ikke det id, den er gemt under i browserens lager, og har fået det, så den er den samme ved hver åbning og ikke bliver til to.",
            ),
            (
                record(Some(K::Goal), "Færre anbringelser", vec![Note::UnreadableRecord { problem: DataProblem::BadId }]),
                "Mål «Færre anbringelser»: kunne ikke læses (ugyldigt id (skal være et UUID)) og er ikke med i arbejdsområdet.",
            ),
            (
                record(Some(K::Track), "", vec![Note::PastRepair]),
                "Spor: brød reglerne og kunne ikke repareres, så den er ikke med i arbejdsområdet.",
            ),
            (
                record(Some(K::Meeting), "", vec![Note::NotAList]),
                "Møde: skulle være en liste, men var noget andet, og er ikke indlæst.",
            ),
            (
                record(None, "", vec![Note::CharacterReplaced { field: "name".into(), code: "\\udc00".into() }]),
                "Navn indeholdt tegnkoden \\udc00, der ikke er et helt tegn; den er erstattet med �, og resten af teksten er beholdt.",
            ),
            (
                record(Some(K::Meeting), "Sag 4", vec![
                    fixed("case_ref", Problem::CprLike, Fix::Masked),
                    fixed("linked_step", Problem::UnknownReference(crate::model::Id::nil()), Fix::Removed),
                ]),
                "Møde «Sag 4»: Sagsreference ligner et CPR-nummer; brug et pseudonym eller et internt sagsnummer: tallene er skjult; Trin på trappen henviser til 00000000-0000-0000-0000-000000000000, som ikke findes i filen: fjernet.",
            ),
            (
                SetAsideReason::UnreadableSetAside,
                "En tidligere tilsidesat post kunne ikke læses og er gemt som tekst.",
            ),
            (
                SetAsideReason::UnreadableSetAsideList,
                "Listen over poster lagt til side kunne ikke læses. Den er gemt her som tekst, så intet af den går tabt.",
            ),
            (
                SetAsideReason::UnreadableBranch,
                "En sletning eller en gemt anden udgave af en post kunne ikke læses. Den er gemt her som tekst.",
            ),
            (
                SetAsideReason::UnreadableJournal,
                "Kladden af ændringer, som en fane ikke nåede at gemme, kunne ikke læses (den er måske kun skrevet halvt). Dens tekst ligger her, som den blev fundet: se den igennem, og indtast det, der mangler.",
            ),
            (
                SetAsideReason::DidNotFit { record: K::Initiative },
                "Initiativ fra denne fane kunne ikke sættes ind igen, fordi det, den henviste til, er slettet i en anden fane. Den er lagt til side her.",
            ),
            (
                SetAsideReason::Conflict { record: K::Meeting, fields: vec!["notes".into(), "participants[0].role".into()], kept_theirs: false },
                "Møde: Noter, Rolle (deltager nr. 1) blev ændret i begge faner. Denne fanes værdi er beholdt; den anden fanes udgave ligger her.",
            ),
            (
                SetAsideReason::Conflict { record: K::Meeting, fields: vec![], kept_theirs: false },
                "Møde: ændret i begge faner. Denne fanes udgave er beholdt; den anden fanes udgave ligger her.",
            ),
            (
                SetAsideReason::Conflict { record: K::Goal, fields: vec![], kept_theirs: true },
                "Mål: slettet i denne fane, men ændret i en anden fane. Den anden fanes udgave er beholdt.",
            ),
            (
                SetAsideReason::UnreadableBackup,
                "Det erstattede arbejdsområde kunne ikke læses og er gemt her, som det lå i lageret.",
            ),
            (
                SetAsideReason::UnreadableHead { name_known: true },
                "Arbejdsområdets egne oplysninger (navn, kommune, beskrivelse, opfølgning og handleplanens titel) kunne ikke læses i browserens lager. Arbejdsområdet har fået navnet fra listen over arbejdsområder; resten står tomt, til du udfylder det. Alle poster er læst for sig. Originalen ligger her.",
            ),
            (
                SetAsideReason::MissingHead { name_known: false },
                "Arbejdsområdets egne oplysninger (navn, kommune, beskrivelse, opfølgning og handleplanens titel) manglede i browserens lager. Arbejdsområdet har fået navnet «Arbejdsområde fundet i browserens lager»; resten står tomt, til du udfylder det. Alle poster er læst for sig.",
            ),
            (
                SetAsideReason::HeadIdFromStorageKey,
                "Arbejdsområdets id manglede i browserens lager (eller var et andet end det, det er gemt under). Det har fået id'et fra lageret, så det er det samme ved hver åbning, og dine ændringer gemmes det rigtige sted.",
            ),
            (
                SetAsideReason::UnreadableOrder { record: K::Intervention },
                "Indsatsernes fordeling på trinene kunne ikke læses i browserens lager. Alle indsatser er beholdt og lagt på det første trin; flyt dem tilbage på Trappen. Originalen ligger her.",
            ),
            (
                SetAsideReason::UnreadableOrder { record: K::Meeting },
                "Rækkefølgen af møder kunne ikke læses i browserens lager. Møder er alle beholdt, men står måske i en anden rækkefølge. Originalen ligger her.",
            ),
            (
                SetAsideReason::UnknownPart,
                "En del af arbejdsområdet i browserens lager har et navn, Trappe ikke kender, og er ikke læst ind. Den ligger her, som den lå.",
            ),
            (
                SetAsideReason::Written { text: "Sådan skrev en ældre Trappe det.".into() },
                "Sådan skrev en ældre Trappe det.",
            ),
        ];
        for (reason, said) in cases {
            assert_eq!(set_aside_reason(&reason), said, "{reason:?}");
        }
    }
}
