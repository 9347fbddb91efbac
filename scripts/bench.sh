#!/usr/bin/env bash
# Benchmark (not a test): bundle size, first render, and work on a large generated workspace in headless
# Chromium. Prints a table and writes bench-results/bench.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
mkdir -p bench-results
bash scripts/build.sh
# The yardstick: a bare Leptos counter, built the same way (release profile, wasm-opt z).
trunk build --release --offline --dist bench-results/counter-dist bench/counter/index.html
cargo run --quiet --release --example generate_workspace -- bench-results/bench-workspace.json
cargo run --quiet --release --example colleague_copy -- bench-results/bench-workspace.json bench-results/bench-colleague.json
node scripts/bench.mjs "$@"
