#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
bash scripts/build.sh
PORT="${PORT:-8080}"
echo
echo "Trappe kører på http://127.0.0.1:$PORT/  (eksempeldata: vælg «Åbn et eksempel» på forsiden)"
exec node scripts/static-server.mjs dist "$PORT"
