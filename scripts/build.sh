#!/usr/bin/env bash
# Builds what is shipped into dist/: the release app (trunk), then scripts/package.mjs hashes the page's
# inline scripts into its Content-Security-Policy, versions the service worker, writes the single file
# dist/trappe.html and the pre-compressed .br/.gz twins. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release --offline
node scripts/package.mjs dist
