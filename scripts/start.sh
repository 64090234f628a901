#!/usr/bin/env bash
# Sets up, builds, and runs the main job: the server peer (`mina-webnode serve`) on the embedded
# default data (the shared fixtures' recorded mainnet blocks), serving the webnode page. Open the
# printed URL in a browser; the page runs its own light node and verifies what it is served.
#
#   bash scripts/start.sh                  serve on http://127.0.0.1:${PORT:-8080}/ until Ctrl-C
#   bash scripts/start.sh --smoke          (or MINA_SMOKE=1) exit 0 once the server is healthy and
#                                          serves a verified tip, 1 if not (for CI)
#   bash scripts/start.sh --demo           the command-line demonstration (native and WASM)
#   bash scripts/start.sh <command> …      one native command (see README: Command line)
# Environment: PORT, HOST (default 127.0.0.1), MINA_SKIP_BUILD=1 (already set up and built),
# MINA_FIXTURES_DIR (default ../shared/fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${MINA_SKIP_BUILD:-0}" != "1" ]; then
  bash scripts/setup.sh >&2
  bash scripts/build.sh >&2
fi
case "${1:-}" in
  "")
    if [ "${MINA_SMOKE:-0}" = "1" ]; then exec node js/cli.mjs serve --port 0 --smoke; fi
    exec node js/cli.mjs serve --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
    ;;
  --smoke) exec node js/cli.mjs serve --port 0 --smoke ;;
  --demo) exec node scripts/demo.mjs ;;
  *) exec ./build/native/mina-webnode "$@" ;;
esac
