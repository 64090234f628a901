// What the server peer may serve: blocks the light node checked, keyed by the state hash the
// verifier computed from each block's own protocol state (never a hash a peer claimed).
//
// recordingChecker wraps the node's checker: every block it hashes or verifies is kept under
// the computed hash, exactly as it was hashed. servedChain then walks the node's window (which
// the node only ever sets to a chain linked hash by hash up to a verified tip) and returns the
// blocks it has for it, so the served chain is the node's verified chain and nothing else.
import { graphqlBlockFromPrecomputed } from '../peers/block_form.mjs';

const KEEP = 512; // blocks remembered (a few windows' worth; older ones are never served again)

export class VerifiedBlocks {
  constructor(limit = KEEP) {
    this.limit = limit;
    this.byHash = new Map(); // computed state hash -> precomputed block JSON (object)
    this.graphql = new Map(); // state hash -> GraphQL form (built once)
    this.verifiedAt = new Map(); // state hash -> ms since epoch its proof verified
    this.counts = { verified: 0, rejected: 0, hashed: 0 };
  }

  // A block only hashed keeps only its protocol state (what the hash covers): a proof or delta
  // chain beside it was not checked, and a liar could have attached garbage. A verified block is
  // kept whole and replaces a hashed-only copy.
  remember(stateHash, block, verified) {
    if (typeof stateHash !== 'string') return;
    if (!verified && this.byHash.has(stateHash)) return;
    const data = block.data ?? block;
    const kept = verified ? structuredClone(block) : { version: 3, data: { protocol_state: structuredClone(data.protocol_state) } };
    this.byHash.delete(stateHash);
    this.graphql.delete(stateHash);
    this.byHash.set(stateHash, kept);
    while (this.byHash.size > this.limit) {
      const oldest = this.byHash.keys().next().value;
      this.byHash.delete(oldest);
      this.graphql.delete(oldest);
    }
  }

  // The GraphQL form of a remembered block, with the computed hash as its stateHash.
  block(stateHash) {
    if (this.graphql.has(stateHash)) return this.graphql.get(stateHash);
    const b = this.byHash.get(stateHash);
    if (!b) return undefined;
    const g = graphqlBlockFromPrecomputed(b, stateHash);
    this.graphql.set(stateHash, g);
    return g;
  }
}

export function recordingChecker(checker, blocks, clock = () => Date.now()) {
  return {
    ...checker,
    name: `${checker.name}+recording`,
    async verifyBlock(block) {
      const r = await checker.verifyBlock(block);
      if (r.valid) {
        blocks.remember(r.stateHash, block, true);
        blocks.verifiedAt.set(r.stateHash, clock());
        blocks.counts.verified++;
      } else blocks.counts.rejected++;
      return r;
    },
    async stateHash(block) {
      const r = await checker.stateHash(block);
      blocks.remember(r.stateHash, block, false);
      blocks.counts.hashed++;
      return r;
    },
  };
}

// The node's verified chain as GraphQL blocks, oldest first: the window from its tip backwards
// for as long as the blocks are at hand (a tip restored from storage comes with its own block).
export function servedChain(node, blocks) {
  const tip = node.machine.tip;
  if (!tip) return [];
  const window = node.machine.window;
  const out = [];
  for (let i = window.length - 1; i >= 0; i--) {
    const w = window[i];
    const b = w.stateHash === tip.stateHash ? tipBlock(tip, blocks) : blocks.block(w.stateHash);
    if (!b || (out.length && out[0].protocolState?.previousStateHash !== w.stateHash)) break;
    out.unshift(b);
  }
  if (out.length === 0) {
    const b = tipBlock(tip, blocks);
    if (b) out.push(b);
  }
  return out;
}

function tipBlock(tip, blocks) {
  // The machine keeps the tip's block as the peer sent it; its stateHash was checked equal to the
  // computed one before adoption. Prefer our own copy (exactly what was verified) when we have it.
  return blocks.block(tip.stateHash) ?? (tip.block?.stateHash === tip.stateHash ? tip.block : undefined);
}
