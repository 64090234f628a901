#!/usr/bin/env bash
# Sets up, builds, and runs the main job. Until the node lands, the main job is the command line:
# it runs a short demonstration on real fixture data, natively and in WASM, then prints usage.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
bash scripts/build.sh >&2
if [ "$#" -gt 0 ]; then exec ./build/native/mina-webnode "$@"; fi
node scripts/demo.mjs
