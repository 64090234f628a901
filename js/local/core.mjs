// The core in this thread (Node only): the package's CommonJS WASM build, instantiated once per
// process for the local network and for dummy-mode checkers. Local blocks are tiny and their
// proofs are not verified, so a worker pool would only add latency here.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LocalNetworkError } from './errors.mjs';

const require = createRequire(import.meta.url);
const gluePath = fileURLToPath(new URL('../../dist/node/mina-verifier.cjs', import.meta.url));
const PAGE = 65536;

let loading;

export function loadCore() {
  loading ??= (async () => {
    const createMinaVerifier = require(gluePath);
    const wasmBinary = readFileSync(gluePath.replace(/\.cjs$/, '.wasm'));
    // The build imports its memory (wasm/CMakeLists.txt); 1 GiB is far more than a local chain needs.
    const wasmMemory = new WebAssembly.Memory({ initial: (32 << 20) / PAGE, maximum: (1 << 30) / PAGE });
    const m = await createMinaVerifier({ wasmBinary, wasmMemory });
    if (typeof m.LocalLedger !== 'function')
      throw new LocalNetworkError('unsupported', `${gluePath} has no local-network bindings: rebuild the package WASM (make mina_verifier_node)`);
    return m;
  })();
  return loading;
}

// A binding's result, or a thrown typed error when it returned {error: {code, message}}.
export function unwrap(result, ErrorType = LocalNetworkError) {
  if (result && typeof result === 'object' && result.error) throw new ErrorType(result.error.code, result.error.message);
  return result;
}
