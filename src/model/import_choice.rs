//! How a file that has been read goes into this browser: the choices the import preview offers, the one
//! chosen for the user, and what each choice does. Plain rules, so the preview only shows them and the
//! session only carries them out.

use super::validation::name_with_suffix;
use super::{new_id, Id, Workspace};

/// The preview's choices. The ones after `Replace` are offered only when this browser holds the same
/// workspace (by id) as the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Into the open workspace (the file's own, opened first if need be), keeping both sides' work.
    Merge,
    /// As a workspace of its own, beside the others.
    New,
    /// Over another stored workspace, which goes to the bin.
    Replace,
    /// Not at all: the copy here is opened instead (offered when this browser holds the same workspace).
    OpenHere,
    /// Over the copy here of the same workspace, which goes to the bin.
    ReplaceSame,
    /// As a copy of its own beside the copy here of the same workspace, with a new id and name.
    Copy,
}

/// The choice made for the user when the preview opens. Replacing is never chosen for the user, since it
/// puts a workspace in the bin; merging keeps both sides' work and one undo takes it back, so it comes first
/// for the same workspace.
pub fn first_choice(same_workspace_here: bool) -> ImportMode {
    if same_workspace_here {
        ImportMode::Merge
    } else {
        ImportMode::New
    }
}

/// The choice once the two copies are compared: copies that hold the same content have nothing to merge,
/// so opening the copy here comes first, unless the user has chosen already.
pub fn after_comparison(
    current: ImportMode,
    same_content: bool,
    chosen_by_user: bool,
) -> ImportMode {
    if same_content && !chosen_by_user && current == ImportMode::Merge {
        ImportMode::OpenHere
    } else {
        current
    }
}

/// The file as a workspace beside the copy here: a new id, and the name with `suffix` (the import's date,
/// in the user's words) so the two can be told apart in the list.
pub fn beside(mut ws: Workspace, suffix: &str) -> Workspace {
    ws.id = new_id();
    ws.name = copy_name(&ws.name, suffix);
    ws
}

/// The name [`beside`] gives, for the preview to show before anything is done.
pub fn copy_name(name: &str, suffix: &str) -> String {
    name_with_suffix(name, suffix)
}

/// What the chosen mode does, once the user presses the button.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStep {
    /// Store the file as a new workspace (`beside` already applied where the mode asks for it).
    Create(Box<Workspace>),
    /// Store the file over workspace `Id`, whose old content goes to the bin.
    Replace(Box<Workspace>, Id),
    /// Show the merge's summary; `open_first` when the file's own workspace is not the open one.
    Merge { open_first: Option<Id> },
    /// Open the copy here; the file is not imported.
    OpenHere(Id),
}

/// Why the button did nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportRefusal {
    /// Replacing needs the user's confirmation first.
    NotConfirmed,
    /// Replacing another workspace needs one chosen.
    NoTarget,
}

/// What is known when the user presses the button.
pub struct ImportRequest<'a> {
    pub mode: ImportMode,
    /// The workspace read from the file.
    pub file: &'a Workspace,
    /// Whether this browser holds a workspace with the file's id (in the list, not in the bin).
    pub same_workspace_here: bool,
    /// The open workspace's id.
    pub open: Option<Id>,
    /// The workspace chosen to replace (`Replace`).
    pub replace: Option<Id>,
    /// Whether the user confirmed a replace.
    pub confirmed: bool,
    /// The suffix for a copy's name (`beside`).
    pub copy_suffix: &'a str,
}

/// The step the chosen mode takes, or why it cannot be taken yet.
pub fn step(r: ImportRequest<'_>) -> Result<ImportStep, ImportRefusal> {
    let replacing = matches!(r.mode, ImportMode::Replace | ImportMode::ReplaceSame);
    if replacing && !r.confirmed {
        return Err(ImportRefusal::NotConfirmed);
    }
    let file_id = r.file.id;
    Ok(match r.mode {
        ImportMode::New if r.same_workspace_here => {
            // Only offered without the same workspace here; a list changed meanwhile must not overwrite it.
            ImportStep::Create(Box::new(beside(r.file.clone(), r.copy_suffix)))
        }
        ImportMode::New => ImportStep::Create(Box::new(r.file.clone())),
        ImportMode::Copy => ImportStep::Create(Box::new(beside(r.file.clone(), r.copy_suffix))),
        ImportMode::ReplaceSame => ImportStep::Replace(Box::new(r.file.clone()), file_id),
        ImportMode::Replace => {
            let target = r.replace.ok_or(ImportRefusal::NoTarget)?;
            ImportStep::Replace(Box::new(r.file.clone()), target)
        }
        ImportMode::Merge => ImportStep::Merge {
            open_first: (r.same_workspace_here && r.open != Some(file_id)).then_some(file_id),
        },
        ImportMode::OpenHere => ImportStep::OpenHere(file_id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> Workspace {
        Workspace::new("Køge 2019")
    }

    fn request(mode: ImportMode, file: &Workspace) -> ImportRequest<'_> {
        ImportRequest {
            mode,
            file,
            same_workspace_here: false,
            open: None,
            replace: None,
            confirmed: false,
            copy_suffix: "(importeret 06.12.2026)",
        }
    }

    #[test]
    fn the_same_workspace_here_is_merged_into_by_default_and_a_new_file_goes_beside() {
        assert_eq!(first_choice(true), ImportMode::Merge);
        assert_eq!(first_choice(false), ImportMode::New);
    }

    #[test]
    fn equal_copies_open_the_copy_here_unless_the_user_chose() {
        assert_eq!(
            after_comparison(ImportMode::Merge, true, false),
            ImportMode::OpenHere
        );
        assert_eq!(
            after_comparison(ImportMode::Merge, true, true),
            ImportMode::Merge
        );
        assert_eq!(
            after_comparison(ImportMode::Merge, false, false),
            ImportMode::Merge
        );
        assert_eq!(
            after_comparison(ImportMode::Copy, true, false),
            ImportMode::Copy
        );
    }

    #[test]
    fn a_copy_beside_gets_a_new_id_and_a_name_that_tells_it_apart() {
        let f = file();
        let Ok(ImportStep::Create(ws)) = step(request(ImportMode::Copy, &f)) else {
            panic!("a copy is created");
        };
        assert_ne!(ws.id, f.id);
        assert_eq!(ws.name, "Køge 2019 (importeret 06.12.2026)");
        assert_eq!(ws.name, copy_name(&f.name, "(importeret 06.12.2026)"));
        assert_eq!(ws.staircase, f.staircase, "only the id and the name change");
    }

    #[test]
    fn new_keeps_the_files_id_unless_the_same_workspace_is_here() {
        let f = file();
        let Ok(ImportStep::Create(ws)) = step(request(ImportMode::New, &f)) else {
            panic!();
        };
        assert_eq!(ws.id, f.id);
        let Ok(ImportStep::Create(ws)) = step(ImportRequest {
            same_workspace_here: true,
            ..request(ImportMode::New, &f)
        }) else {
            panic!();
        };
        assert_ne!(ws.id, f.id, "never over the copy here without asking");
    }

    #[test]
    fn replacing_needs_a_confirmation_and_a_target() {
        let f = file();
        let other = new_id();
        assert_eq!(
            step(request(ImportMode::ReplaceSame, &f)),
            Err(ImportRefusal::NotConfirmed)
        );
        assert_eq!(
            step(ImportRequest {
                confirmed: true,
                ..request(ImportMode::Replace, &f)
            }),
            Err(ImportRefusal::NoTarget)
        );
        assert_eq!(
            step(ImportRequest {
                confirmed: true,
                replace: Some(other),
                ..request(ImportMode::Replace, &f)
            }),
            Ok(ImportStep::Replace(Box::new(f.clone()), other))
        );
        assert_eq!(
            step(ImportRequest {
                confirmed: true,
                ..request(ImportMode::ReplaceSame, &f)
            }),
            Ok(ImportStep::Replace(Box::new(f.clone()), f.id))
        );
    }

    #[test]
    fn a_merge_opens_the_files_workspace_first_when_another_is_open() {
        let f = file();
        let here = |open| {
            step(ImportRequest {
                same_workspace_here: true,
                open,
                ..request(ImportMode::Merge, &f)
            })
        };
        assert_eq!(here(Some(f.id)), Ok(ImportStep::Merge { open_first: None }));
        assert_eq!(
            here(Some(new_id())),
            Ok(ImportStep::Merge {
                open_first: Some(f.id)
            })
        );
        // Another file merged into the open workspace: nothing to open.
        assert_eq!(
            step(ImportRequest {
                open: Some(new_id()),
                ..request(ImportMode::Merge, &f)
            }),
            Ok(ImportStep::Merge { open_first: None })
        );
        assert_eq!(
            step(request(ImportMode::OpenHere, &f)),
            Ok(ImportStep::OpenHere(f.id))
        );
    }
}
