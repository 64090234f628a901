#!/usr/bin/env bash
# Installs whatever is missing on a fresh Debian machine; does nothing when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: the browser tests (tests/browser/, driven by npm playwright-core).
debs=(cmake g++ make emscripten libboost-dev nlohmann-json3-dev catch2 nodejs npm chromium)
missing=()
for p in "${debs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# nodejs/npm may come from elsewhere (nvm, NodeSource): accept working binaries.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# `npm install` rather than `npm ci`: o1js lists per-platform optional packages that npm leaves
# out of the lock file, and `npm ci` then refuses the lock. Versions still come from the lock.
if [ ! -d node_modules/o1js ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/typescript ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
