#!/usr/bin/env bash
# Benchmarks, native then WASM in one run; JSON lines with ratios to in-process references.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >&2
./build/native/mina_bench "$@"
node build/wasm/mina_bench.cjs "$@"
