// The light node (Node.js): createNode({network, peers, storage, checker}). See node.mjs for the
// events and machine.mjs for what the node guarantees about its tip.
export { createNode, LightNode, NodeError, MINA_TOKEN_ID } from './node.mjs';
export { NodeMachine, stagedLedgerHash } from './machine.mjs';
export { verifierChecker, CheckError } from './checkers.mjs';
export { loadRecord, saveRecord } from './persist.mjs';
export { PeerKind, PeerStatus } from '../peers/peer.mjs';
