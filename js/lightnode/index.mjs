// The light node (Node.js): createNode({network, peers, storage, checker}). See node.mjs for the
// events and machine.mjs for what the node guarantees about its tip.
//
// Test mode: createNode({network: 'local', networkId, proofs: 'dummy', genesisStateHash?, peers})
// follows a local test network (js/local) whose blocks carry dummy proofs. It checks everything
// but the SNARK (js/local/dummy_checker.mjs) and refuses mainnet and devnet (network or network
// id) with the typed error `dummy_on_real_network`.
import { createNode as createVerifiedNode, NodeError } from './node.mjs';
import { assertDummyAllowed } from '../local/errors.mjs';
import { dummyChecker } from '../local/dummy_checker.mjs';

export { LightNode, NodeError, MINA_TOKEN_ID } from './node.mjs';
export { NodeMachine, stagedLedgerHash } from './machine.mjs';
export { verifierChecker, CheckError } from './checkers.mjs';
export { loadRecord, saveRecord } from './persist.mjs';
export { PeerKind, PeerStatus } from '../peers/peer.mjs';

export function createNode(options = {}) {
  const { proofs, genesisStateHash, ...rest } = options;
  if (proofs === undefined || proofs === 'real') return createVerifiedNode(rest);
  if (proofs !== 'dummy') throw new NodeError('invalid_argument', `proofs must be 'real' or 'dummy', got ${JSON.stringify(proofs)}`);
  assertDummyAllowed(rest);
  if (rest.checker) throw new NodeError('invalid_argument', "proofs: 'dummy' brings its own checker; do not pass one");
  return createVerifiedNode({ network: 'local', networkId: 'mina:local', ...rest, checker: dummyChecker({ genesisStateHash }) });
}
