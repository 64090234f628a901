// Delta transition chain proofs (Mina's Transition_chain_verifier, Merkle_list_verifier).
//
// A block carries (init, [b_1, …, b_n]): a state hash and the body hashes of the blocks after
// it. Folding s_0 = init, s_i = state_hash_of_parts(s_{i-1}, b_i) must end at the block's
// previous_state_hash; otherwise the block does not descend from the claimed ancestor. The same
// fold checks OpenMina's best-tip proof ([body hashes], root block): from the root's state hash
// to the best tip's.
#pragma once

#include <vector>

#include "base/error.hpp"
#include "mina/state_hash.hpp"

namespace mina {

// Longer lists are refused before hashing (Mina's delta is 0 on mainnet and devnet; best-tip
// proofs span at most k = 290 blocks).
inline constexpr size_t kMaxDeltaChainLength = 4096;

struct DeltaTransitionChainProof {
  StateHash init;
  std::vector<StateBodyHash> body_hashes;
  bool operator==(const DeltaTransitionChainProof&) const = default;
};

// The state hash the chain reaches.
StateHash delta_chain_target(const DeltaTransitionChainProof& proof);

// true iff the proof reaches `target` (a block's previous_state_hash).
bool verify_delta_chain(const DeltaTransitionChainProof& proof, const StateHash& target);

}  // namespace mina
