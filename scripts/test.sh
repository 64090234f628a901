#!/usr/bin/env bash
# Sets up, builds and runs every test: Catch2 natively and as WASM under Node, then the JS suites,
# then the slow o1js oracle (fresh proofs of our own circuits; o1js's verdict must equal ours).
# MINA_FAST=1 skips the oracle (about 5 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

echo "== core tests (native) =="
./build/native/mina_tests
echo "== core tests (wasm, node) =="
node build/wasm/mina_tests.cjs
echo "== command line and package tests (node:test) =="
node --test tests/js/
echo "== server peer smoke (npm start --smoke: serves a verified tip, then exits) =="
MINA_SKIP_BUILD=1 bash scripts/start.sh --smoke
echo "== browser tests (headless chromium) =="
node --test tests/browser/
if [ "${MINA_FAST:-0}" != "1" ]; then
  echo "== o1js oracle: fresh proofs, our verdicts against o1js (node:test) =="
  node --test tests/oracle/
fi
