//! Danish messages for file and storage problems: what is wrong, where, and what to do.

use crate::file_format::{DataProblem, ImportError, MAX_FILE_BYTES};
use crate::model::validation::{Issue, Problem};

fn megabytes(bytes: usize) -> String {
    super::decimal(bytes as f64 / (1024.0 * 1024.0), 1)
}

fn problem_text(p: &DataProblem) -> String {
    match p {
        DataProblem::WrongType { found, expected } => {
            format!("forkert slags værdi (fandt {found}, forventede {expected})")
        }
        DataProblem::UnknownValue { found, allowed } => {
            format!("ukendt værdi «{found}» (tilladt: {allowed})")
        }
        DataProblem::MissingField(f) => format!("feltet «{f}» mangler"),
        DataProblem::DuplicateField(f) => format!("feltet «{f}» står der to gange"),
        DataProblem::BadDate => "ugyldig dato eller tid (skriv datoer som ÅÅÅÅ-MM-DD)".into(),
        DataProblem::BadId => "ugyldigt id (skal være et UUID)".into(),
        DataProblem::NumberOutOfRange => "tallet er uden for det tilladte område".into(),
        DataProblem::UnexpectedEnd => "filen slutter midt i indholdet (er den afkortet?)".into(),
        DataProblem::TrailingCharacters => "der står tegn efter slutningen af indholdet".into(),
        DataProblem::TooDeep => "indholdet er indlejret for dybt".into(),
        DataProblem::Syntax => {
            "tegnsætningen er forkert (mangler et komma, et kolon eller et anførselstegn?)".into()
        }
        DataProblem::Other(m) => format!("ugyldig værdi ({m})"),
    }
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
        Problem::CprLike => {
            "ligner et CPR-nummer; brug et pseudonym eller et internt sagsnummer".into()
        }
    }
}

pub fn issue(i: &Issue) -> String {
    format!("{}: {}", i.path, validation_problem(&i.problem))
}

/// One Danish sentence (or a short list) for an import failure.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::TooLarge { bytes, .. } => format!(
            "Filen fylder {} MB. Trappe kan indlæse filer op til {} MB.",
            megabytes(*bytes),
            megabytes(MAX_FILE_BYTES)
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
            format!("Ugyldig værdi ved {path}{at}: {}.", problem_text(problem))
        }
        ImportError::Validation(issues) => {
            let shown: Vec<String> = issues.iter().take(5).map(issue).collect();
            let more = issues.len().saturating_sub(5);
            let mut s = format!(
                "Filen har {} fejl og er ikke indlæst: {}",
                issues.len(),
                shown.join("; ")
            );
            if more > 0 {
                s.push_str(&format!(" … og {more} mere"));
            }
            s.push('.');
            s
        }
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
    fn wrong_type_names_the_path() {
        let m = message(
            r#"{"format":"trappe-workspace","version":1,"workspace":{"name":"x","staircase":{"steps":[{},{},{"interventions":[{"unit_cost":"dyr"}]}]}}}"#,
        );
        assert!(
            m.contains("workspace.staircase.steps[2].interventions[0].unit_cost"),
            "{m}"
        );
        assert!(m.contains("forkert slags værdi"), "{m}");
    }

    #[test]
    fn newer_version_and_other_format_are_explained() {
        assert!(message(r#"{"format":"trappe-workspace","version":7}"#).contains("version 7"));
        assert!(message(r#"{"format":"excalidraw","version":2}"#).contains("«excalidraw»"));
        assert!(message("[1,2]").contains("ikke en Trappe-fil"));
        assert_eq!(message("  "), "Filen er tom.");
    }
}
