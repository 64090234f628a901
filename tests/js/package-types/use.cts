// The CommonJS view of the same declarations (compiled, not run, by package-types.test.mjs).
import mw = require('mina-webnode');

const verifier = mw.createVerifier();
verifier.verifyZkappProof('{}', '{}').then(
  (r) => r.valid,
  (e: unknown) => e instanceof mw.VerifierError && e.code,
);
