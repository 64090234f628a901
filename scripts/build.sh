#!/usr/bin/env bash
# Builds the same tree natively (g++) and to WebAssembly (Emscripten). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

# Emscripten's optimizer needs acorn from Debian's node modules.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j"$jobs"
