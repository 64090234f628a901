#!/usr/bin/env bash
# Sets up, builds and runs every test: Catch2 natively and as WASM under Node, then the JS suites.
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
