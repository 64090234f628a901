#!/usr/bin/env bash
# Builds the same tree natively (g++) and to WebAssembly (Emscripten). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

# Emscripten's optimizer needs acorn from Debian's node modules.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
# Configured every time (cheap): new folders such as wasm/ are picked up by an old build tree.
# Besides the CLI, tests and benches, this builds the package's artifacts into dist/.
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"
