// A block as Mina's GraphQL API prints it ({stateHash, protocolState (camelCase, body fields at
// the top), protocolStateProof: {base64}}) and the same block as a precomputed-block JSON
// ({version: 3, data: {protocol_state, protocol_state_proof: base64url}}), the form the core's
// block verifier (core/pickles/block_proof.hpp) reads.
//
// The conversion is a spelling change only. It needs no trust: the verifier hashes the protocol
// state it is given and checks the proof against that hash, so a conversion that lost or changed
// a field gives a block that fails to verify, never one that verifies as something else.

// GraphQL's spellings that are not the camelCase of the OCaml field (Mina's schema).
const CAMEL_EXCEPTIONS = { coinbase_receiver: 'coinbaseReceiever', supercharge_coinbase: 'superchargedCoinbase' };
const SNAKE_EXCEPTIONS = Object.fromEntries(Object.entries(CAMEL_EXCEPTIONS).map(([s, c]) => [c, s]));

const camel = (k) => CAMEL_EXCEPTIONS[k] ?? k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const snake = (k) => SNAKE_EXCEPTIONS[k] ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function mapKeys(value, rename) {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[rename(k)] = mapKeys(v, rename);
  return out;
}

export const base64ToUrl = (s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
export const base64FromUrl = (s) => {
  const t = s.replace(/-/g, '+').replace(/_/g, '/');
  return t + '='.repeat((4 - (t.length % 4)) % 4);
};

// Precomputed block JSON (object) + its state hash → GraphQL Block.
export function graphqlBlockFromPrecomputed(precomputed, stateHash) {
  const data = precomputed.data ?? precomputed;
  const ps = data.protocol_state;
  const protocolState = { previousStateHash: ps.previous_state_hash, ...mapKeys(ps.body, camel) };
  const block = { stateHash, protocolState };
  if (typeof data.protocol_state_proof === 'string')
    block.protocolStateProof = { base64: base64FromUrl(data.protocol_state_proof) };
  // Not in Mina's schema; our own server peers add it so the delta chain can be checked too.
  if (data.delta_transition_chain_proof) block.deltaTransitionChainProof = data.delta_transition_chain_proof;
  return block;
}

// GraphQL Block → precomputed block JSON (object) for the verifier. Throws TypeError on a shape
// that is not a block (the caller treats that as a malformed answer).
export function precomputedFromGraphqlBlock(block) {
  if (!block || typeof block !== 'object' || !block.protocolState || typeof block.protocolState !== 'object')
    throw new TypeError('not a GraphQL block: no protocolState');
  const { previousStateHash, ...body } = block.protocolState;
  const data = { protocol_state: { previous_state_hash: previousStateHash, body: mapKeys(body, snake) } };
  const proof = block.protocolStateProof?.base64;
  if (typeof proof === 'string') data.protocol_state_proof = base64ToUrl(proof);
  if (block.deltaTransitionChainProof) data.delta_transition_chain_proof = block.deltaTransitionChainProof;
  return { version: 3, data };
}

// The fields of a GraphQL block the node reads before verification decides anything (used for
// scheduling only: which block to verify first, which window to ask for).
export function blockSummary(block) {
  const cs = block?.protocolState?.consensusState ?? {};
  const height = Number(cs.blockchainLength ?? cs.blockHeight);
  return {
    stateHash: typeof block?.stateHash === 'string' ? block.stateHash : undefined,
    previousStateHash: block?.protocolState?.previousStateHash,
    height: Number.isSafeInteger(height) ? height : undefined,
  };
}
