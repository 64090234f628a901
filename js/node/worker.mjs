// A verifier worker thread (Node): loads the CommonJS WASM build with its bytes read from disk
// (Node 20's fetch cannot load a file path) into the memory the pool's limit allows.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWorker } from '../lib/worker-core.mjs';

const require = createRequire(import.meta.url);
const gluePath = fileURLToPath(new URL('../../dist/node/mina-verifier.cjs', import.meta.url));

const onMessage = startWorker({
  post: (msg, transfer) => parentPort.postMessage(msg, transfer),
  loadModule: (wasmMemory) => {
    const createMinaVerifier = require(gluePath);
    const wasmBinary = readFileSync(gluePath.replace(/\.cjs$/, '.wasm'));
    return createMinaVerifier({ wasmBinary, wasmMemory });
  },
});
parentPort.on('message', onMessage);
