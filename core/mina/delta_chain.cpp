#include "mina/delta_chain.hpp"

namespace mina {

StateHash delta_chain_target(const DeltaTransitionChainProof& proof) {
  StateHash acc = proof.init;
  for (const StateBodyHash& b : proof.body_hashes) acc = state_hash_of_parts(acc, b);
  return acc;
}

bool verify_delta_chain(const DeltaTransitionChainProof& proof, const StateHash& target) {
  if (proof.body_hashes.size() > kMaxDeltaChainLength) return false;
  return delta_chain_target(proof) == target;
}

}  // namespace mina
