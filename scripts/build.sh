#!/usr/bin/env bash
# Builds what is shipped into dist/: the release app (trunk), then scripts/package.mjs hashes the page's
# inline scripts into its Content-Security-Policy, versions the service worker, writes the single file
# dist/trappe.html and the pre-compressed .br/.gz twins. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Source paths in the release wasm's panic messages say /cargo and /trappe, not where this machine keeps
# them: the same bytes on every machine (the size budget in CI), and no home folder in what is shipped.
# (The same flags as .cargo/config.toml's, plus the remapping: these take their place.)
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$PWD=/trappe" \
  trunk build --release --offline
node scripts/package.mjs dist
