// Test mode with dummy proofs (Node.js): a local simulated chain and what a light node needs to
// follow it. See network.mjs (createLocalNetwork), dummy_checker.mjs (the node's checks) and
// errors.mjs (typed errors).
export { createLocalNetwork } from './network.mjs';
export { dummyChecker } from './dummy_checker.mjs';
export { LocalNetworkError, assertDummyAllowed } from './errors.mjs';
export { ACCOUNT_CREATION_FEE, MINIMUM_FEE } from './transactions.mjs';
