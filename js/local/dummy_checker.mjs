// The light node's checker in dummy-proof mode (createNode({proofs: 'dummy'})): everything the
// package checker checks except the blockchain SNARK, by the same core.
//   verifyBlock    the block and its proof must decode (structure), the state hash is computed
//                  by the core, and the block must belong to the local network's chain (its
//                  genesis block hashes to `genesisStateHash`, when given)
//   stateHash      computed by the core
//   selectChain    Mina's fork choice by the core, on the constants the states carry
//   verifyAccount  account hash + Merkle path by the core against the tip's ledger hash
//   verifyAccountSubtree   a wide answer: every account hashed, one path, by the core
// The core is loaded on first use (Node only: the in-thread WASM build, js/local/core.mjs), so
// importing this module costs nothing in a browser that never asks for dummy mode.
import { CheckError } from '../lightnode/checkers.mjs';

let corePromise;
const core = () => (corePromise ??= import('./core.mjs').then((m) => m.loadCore()));

const text = (x) => (typeof x === 'string' ? x : JSON.stringify(x));

function result(r) {
  if (r && typeof r === 'object' && r.error) throw new CheckError(r.error.code, r.error.message);
  return r;
}

export function dummyChecker({ genesisStateHash } = {}) {
  return {
    name: 'dummy',
    async verifyBlock(block) {
      const r = result((await core()).localCheckBlock(text(block), genesisStateHash ?? ''));
      // A dummy proof is never "verified": the verdict says what was checked.
      return { valid: r.valid, reason: r.valid ? undefined : `dummy_mode:${r.reason}`, stateHash: r.stateHash, height: r.height, proof: 'dummy' };
    },
    async stateHash(block) {
      const r = result((await core()).stateHash(text(block)));
      return { stateHash: r.stateHash, previousStateHash: r.previousStateHash };
    },
    async selectChain(tip, candidate) {
      const r = result((await core()).localSelectChain(text(tip), text(candidate)));
      return { take: r.take === true, rule: r.rule };
    },
    async verifyAccount(account, ledgerHash) {
      const r = result((await core()).verifyAccount(text(account), String(ledgerHash), -1));
      return { valid: r.valid === true, reason: r.reason };
    },
    async verifyAccountSubtree(subtree, ledgerHash) {
      const r = result((await core()).verifyAccountSubtree(text(subtree), String(ledgerHash), -1));
      return { valid: r.valid === true, reason: r.reason };
    },
  };
}
