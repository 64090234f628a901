// mina-webnode for Node.js (ESM). Verification runs in worker_threads, each worker with its own
// WASM instance and memory; see lib/pool.mjs for queueing, cancellation, timeouts and crashes.
import { spawnNodeWorker } from './node/host.mjs';
import { VerifierPool } from './lib/pool.mjs';

export { VerifierError } from './lib/errors.mjs';

export function createVerifier(options = {}) {
  return new VerifierPool(spawnNodeWorker, options);
}
export { createNode } from './lightnode/index.mjs';
// Test mode with dummy proofs: a local simulated chain for zkApp tests (js/local).
export { createLocalNetwork, LocalNetworkError } from './local/index.mjs';
