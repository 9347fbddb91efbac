//! Writes a colleague's copy of a workspace file for the merge benchmark:
//! `cargo run --release --example colleague_copy -- IN.json OUT.json [changed conflicts]`.
//! The copy differs in `changed + conflicts` meetings (950 + 50 by default): `changed` edited on top of the
//! file's versions (the merge takes them), `conflicts` edited on top of versions the file never had (the
//! merge keeps both and marks a conflict).
use std::{env, fs};
use trappe::file_format::{export_json, read_workspace_file};
use trappe::model::commands::{apply, Command};
use trappe::model::record::Record;
use trappe::model::revision::Revisions;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let (Some(input), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: colleague_copy IN.json OUT.json [changed conflicts]");
        std::process::exit(2);
    };
    let n = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (changed, conflicts) = (n(2, 950), n(3, 50));
    let bytes = fs::read(input).unwrap_or_else(|e| {
        eprintln!("could not read {input}: {e}");
        std::process::exit(1);
    });
    let mut ws = match read_workspace_file(&bytes) {
        Ok(i) => i.workspace,
        Err(e) => {
            eprintln!("could not read {input}: {e:?}");
            std::process::exit(1);
        }
    };
    let ids: Vec<_> = ws.meetings.iter().map(|m| m.id).collect();
    // Spread over the list, so the merge cannot find them all at one end.
    let step = (ids.len() / (changed + conflicts).max(1)).max(1);
    for (k, id) in ids
        .iter()
        .step_by(step)
        .take(changed + conflicts)
        .enumerate()
    {
        let Some(mut m) = ws.meetings.iter().find(|m| m.id == *id).cloned() else {
            continue;
        };
        m.notes = format!("{} (rettet hos kollegaen)", m.notes);
        let cmd = if k >= changed {
            // A version made on another version than the file's: a conflict. Put as it is, revisions
            // included (an edit would descend from the file's version).
            m.revisions = Revisions::first(&format!("en anden udgave {id}")).next(&m.notes);
            Command::Replicate {
                commands: vec![Command::put(Record::Meeting(m))],
            }
        } else {
            Command::put(Record::Meeting(m))
        };
        if let Err(e) = apply(&mut ws, cmd) {
            eprintln!("could not edit a meeting: {e}");
            std::process::exit(1);
        }
    }
    let json = export_json(&ws, chrono::Utc::now());
    if let Err(e) = fs::write(out, &json) {
        eprintln!("could not write {out}: {e}");
        std::process::exit(1);
    }
    println!(
        "{out}: {} bytes, {changed} meetings changed, {conflicts} in conflict",
        json.len()
    );
}
