// mina-webnode for Node.js (CommonJS). The implementation is the ES module entry; CommonJS
// cannot load it synchronously, so the verifier returned here forwards each call once it has.
'use strict';

let esm;
const load = () => (esm ??= import('./index.mjs'));

// `err instanceof VerifierError` works for errors from either entry: both test name and code.
class VerifierError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'VerifierError';
    this.code = code;
    Object.assign(this, extra);
  }

  static [Symbol.hasInstance](x) {
    return x instanceof Error && x.name === 'VerifierError' && typeof x.code === 'string';
  }
}

function createVerifier(options = {}) {
  let loaded = null;
  const pool = load().then((m) => (loaded = m.createVerifier(options)));
  // Keep an early setup failure from becoming an unhandled rejection before the first call.
  pool.catch(() => {});
  const forward = (method) => (...args) => pool.then((p) => p[method](...args));
  const verifier = {
    verifyZkappProof: forward('verifyZkappProof'),
    verifyBatch: forward('verifyBatch'),
    vkHash: forward('vkHash'),
    exportSetup: forward('exportSetup'),
    stateHash: forward('stateHash'),
    verifyBlock: forward('verifyBlock'),
    ready: forward('ready'),
    close: forward('close'),
    // Synchronous in the ESM entry; here too once the implementation has loaded.
    stats: () => (loaded ? loaded.stats() : { queued: 0, workers: [], lagrangeDomains: [] }),
    lagrangeBases: () => (loaded ? loaded.lagrangeBases() : {}),
    killWorker: (index) => {
      pool.then((p) => p.killWorker(index));
    },
    on(event, fn) {
      pool.then((p) => p.on(event, fn));
      return verifier;
    },
    off(event, fn) {
      pool.then((p) => p.off(event, fn));
      return verifier;
    },
  };
  return verifier;
}

module.exports = { createVerifier, VerifierError };
module.exports.createNode = require('./lightnode/facade.cjs').createNode;
// Test mode (js/local, an ES module): the network is created asynchronously anyway, so CommonJS
// gets the same promise-returning function. Its errors carry the same `code`s.
module.exports.createLocalNetwork = (options) => import('./local/index.mjs').then((m) => m.createLocalNetwork(options));
