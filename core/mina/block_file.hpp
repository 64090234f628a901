// Blocks and protocol states as they arrive in files and RPC answers, recognised by shape:
//
//   precomputed block  {"version": 3, "data": {protocol_state, protocol_state_proof,
//                      delta_transition_chain_proof, …}} (Mina's --log-precomputed-blocks);
//                      also the older unversioned layout with the same keys at the top level
//   OpenMina best tip  {"BestTipWithProof": {best_tip: {header: {protocol_state,
//                      protocol_state_proof, delta_block_chain_proof, …}, body}, proof:
//                      [[body hashes], root block]}} (get_best_tip RPC)
//   protocol state     {previous_state_hash, body} (OpenMina's fork vectors)
//   GraphQL            {data: {bestChain: [Block…]}} (the last block is the tip), {data: {block:
//                      Block}}, or a bare Block {stateHash, protocolState, …} (graphql.hpp)
//   bin_prot           Protocol_state.Value.Stable.V2 bytes, or a block-prover input
//                      (block_input-*.bin) whose first value is a protocol state
//
// Pre-Berkeley (Mina 1.x) protocol states (snarked_ledger_hash, snarked_next_available_token in
// the blockchain state) are recognised and refused with kUnsupported: their hash uses the legacy
// Poseidon and layout, which this project does not implement.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "mina/delta_chain.hpp"
#include "mina/protocol_state.hpp"
#include "mina/state_hash.hpp"

namespace mina {

enum class BlockSource { kPrecomputed, kOpenMinaBestTip, kProtocolState, kGraphql, kBinProt, kBlockInput };
const char* block_source_name(BlockSource s);

struct BlockFile {
  BlockSource source = BlockSource::kProtocolState;
  ProtocolState protocol_state;
  std::optional<DeltaTransitionChainProof> delta_transition_chain_proof;
  // OpenMina best tip: the frontier root block, and the Merkle list from the root's parent
  // through the root to the tip (init = root.previous_state_hash, first body hash = the root's).
  // verify_best_tip_proof() checks both ends.
  std::optional<ProtocolState> best_tip_root;
  std::optional<DeltaTransitionChainProof> best_tip_proof;
  // GraphQL only: the stateHash the node claimed (the caller compares it with state_hash()).
  std::optional<StateHash> claimed_state_hash;
  // Precomputed blocks: protocol_state_proof as printed (base64url of bin_prot
  // Mina_base.Proof.Stable.V2), undecoded.
  std::optional<std::string> protocol_state_proof_base64;
  // OpenMina best tip: header.protocol_state_proof as the JSON text it arrived in (OpenMina's
  // serde of PicklesProofProofsVerified2ReprStableV2), undecoded.
  std::optional<std::string> protocol_state_proof_json;
};

// The best-tip proof links the root to the tip: its first body hash is the root's and the
// fold ends at the tip's state hash. false when the file carried no such proof.
bool verify_best_tip_proof(const BlockFile& f);

// JSON of any of the shapes above.
Result<BlockFile> decode_block_json(std::string_view text);
// JSON (first non-space byte '{' or '[', and valid JSON) or bin_prot.
Result<BlockFile> decode_block_file(ByteSpan bytes);
// bin_prot only: a block-prover input, else exactly one protocol state.
Result<BlockFile> decode_block_binprot(ByteSpan bytes);

}  // namespace mina
