// What the node asks of the verifier (the core's C++ through one of two roads):
//   verifyBlock(precomputed)        → {valid, reason?, stateHash, height}   proof + network + delta
//   stateHash(precomputed)          → {stateHash}                           computed, never copied
//   selectChain(tip, candidate)     → {take, rule}                          Mina's fork choice
//   verifyAccount(account, ledger)  → {valid, reason?}                      leaf hash + Merkle path
// Blocks are passed in the precomputed-block JSON form (block_form.mjs). A method rejects only
// when the input could not be read (a typed {code}); "does not verify" is a verdict.
//
// verifierChecker: the package's worker pool (WASM, Node and browsers): verifyBlock, stateHash,
//   selectChain and verifyAccount are the core's own through the bindings.
// cliChecker: the native command line (Node only, for servers and tests): every method is the
//   core's own (verify-block, state-hash, fork-choice, verify-account).
export class CheckError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CheckError';
    this.code = code;
  }
}

// `pool`: the verifier pool, or a function returning it or a promise of it (a node creates its
// pool in start(), from its stored setup).
export function verifierChecker(pool, { network, verifierIndex }) {
  const current = typeof pool === 'function' ? pool : () => pool;
  const verifier = {
    verifyBlock: async (...args) => (await current()).verifyBlock(...args),
    stateHash: async (...args) => (await current()).stateHash(...args),
    selectChain: async (...args) => (await current()).selectChain(...args),
    verifyAccount: async (...args) => (await current()).verifyAccount(...args),
    verifyAccountSubtree: async (...args) => (await current()).verifyAccountSubtree(...args),
  };
  return {
    name: 'verifier',
    async verifyBlock(block) {
      const r = await verifier.verifyBlock(block, { network, verifierIndex });
      return { valid: r.valid, reason: r.reason, stateHash: r.stateHash, height: r.height };
    },
    async stateHash(block) {
      const r = await verifier.stateHash(block);
      return { stateHash: r.stateHash, previousStateHash: r.previousStateHash };
    },
    async selectChain(tip, candidate) {
      const r = await verifier.selectChain(tip, candidate, { network });
      return { take: r.take === true, rule: r.rule };
    },
    async verifyAccount(account, ledgerHash) {
      const r = await verifier.verifyAccount(account, ledgerHash);
      return { valid: r.valid === true, reason: r.reason };
    },
    async verifyAccountSubtree(subtree, ledgerHash) {
      const r = await verifier.verifyAccountSubtree(subtree, ledgerHash);
      return { valid: r.valid === true, reason: r.reason };
    },
  };
}
