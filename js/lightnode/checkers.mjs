// What the node asks of the verifier (the core's C++ through one of two roads):
//   verifyBlock(precomputed)        → {valid, reason?, stateHash, height}   proof + network + delta
//   stateHash(precomputed)          → {stateHash}                           computed, never copied
//   selectChain(tip, candidate)     → {take, rule}                          Mina's fork choice
//   verifyAccount(account, ledger)  → {valid, reason?}                      leaf hash + Merkle path
// Blocks are passed in the precomputed-block JSON form (block_form.mjs). A method rejects only
// when the input could not be read (a typed {code}); "does not verify" is a verdict.
//
// verifierChecker: the package's worker pool (WASM, Node and browsers). Today the pool binds
//   verifyBlock and stateHash; fork choice and account verification are not bound yet, so
//   selectChain falls back to the longer chain (equal lengths keep the tip) and verifyAccount is
//   absent (getAccount then reports `unsupported`).
// cliChecker: the native command line (Node only, for servers and tests): every method is the
//   core's own (verify-block, state-hash, fork-choice, verify-account).
export class CheckError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CheckError';
    this.code = code;
  }
}

export function verifierChecker(verifier, { network, verifierIndex }) {
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
    // Not Mina's full rule (no VRF / density tie-breaks) until select_chain is bound.
    async selectChain(tip, candidate, { tipHeight, candidateHeight } = {}) {
      return { take: candidateHeight > tipHeight, rule: 'length_only' };
    },
  };
}
