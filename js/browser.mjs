// mina-webnode for browsers (ESM). Verification runs in module Workers, each with its own WASM
// instance and memory, so the page's main thread stays free.
import { spawnBrowserWorker } from './browser/host.mjs';
import { VerifierPool } from './lib/pool.mjs';

export { VerifierError } from './lib/errors.mjs';

export function createVerifier(options = {}) {
  return new VerifierPool(spawnBrowserWorker, options);
}
// The light node (same code as in Node.js: its storage backend is IndexedDB here).
export { createNode } from './lightnode/index.mjs';
