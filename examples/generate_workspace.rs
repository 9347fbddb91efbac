//! Writes a generated workspace file for the benchmark (and for trying the app on large data):
//! `cargo run --release --example generate_workspace -- OUT.json [meetings steps interventions initiatives notes]`
use std::{env, fs};
use trappe::examples::{generated, GeneratedSpec};
use trappe::file_format::export_json;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let out = args
        .first()
        .cloned()
        .unwrap_or_else(|| "bench-workspace.json".into());
    let n = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let b = GeneratedSpec::benchmark();
    let spec = GeneratedSpec {
        meetings: n(1, b.meetings),
        steps: n(2, b.steps),
        interventions: n(3, b.interventions),
        initiatives: n(4, b.initiatives),
        notes: n(5, b.notes),
        seed: b.seed,
    };
    let ws = generated(&spec);
    let json = export_json(&ws, chrono::Utc::now());
    if let Err(e) = fs::write(&out, &json) {
        eprintln!("could not write {out}: {e}");
        std::process::exit(1);
    }
    println!("{out}: {} bytes", json.len());
}
