#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (native and wasm), native tests, wasm-bindgen tests in
# headless Chromium, the release build, and the end-to-end tests that click through the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --quiet -- -D warnings

step "native tests: model, commands, session, file format, examples, text"
cargo test --quiet

step "the largest workspace exports and imports back (release build)"
cargo test --quiet --release --test largest -- --ignored

step "wasm-bindgen tests in headless Chromium: storage edge"
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test web_storage

step "wasm-bindgen tests in headless Chromium: protected files (WebCrypto)"
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test web_crypto

step "release build"
bash scripts/build.sh

step "size budget (scripts/size-budget.json)"
node scripts/size_budget.mjs dist

step "end-to-end tests in Chromium"
node --test --test-concurrency=1 tests/e2e/
