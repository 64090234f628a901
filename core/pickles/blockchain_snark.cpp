#include "pickles/blockchain_snark.hpp"

#include <vector>

namespace mina::pickles {

Result<Verdict> verify_blockchain_snarks(VerifierSetup& setup, const BlockchainVerifierKey& key,
                                         std::span<const BlockchainStatement> blocks, ByteSpan seed) {
  // The type promises domain 2^14; a key assembled by hand might not keep it.
  if (key.vk.wrap_domain_log2() != kBlockchainWrapDomainLog2)
    return Error{ErrorCode::kInvalidArgument, "blockchain verifier key must have wrap domain 2^14"};
  if (blocks.empty()) return Error{ErrorCode::kInvalidArgument, "no blocks to verify"};
  std::vector<WrapStatement> statements;
  statements.reserve(blocks.size());
  for (const auto& b : blocks) statements.push_back(WrapStatement{b.proof, &key.vk, {b.protocol_state_hash}});
  return verify_batch(setup, statements, seed);
}

Result<Verdict> verify_blockchain_snark(VerifierSetup& setup, const BlockchainVerifierKey& key,
                                        const Fp& protocol_state_hash, const WrapProof& proof, ByteSpan seed) {
  const BlockchainStatement one{protocol_state_hash, &proof};
  return verify_blockchain_snarks(setup, key, std::span<const BlockchainStatement>(&one, 1), seed);
}

}  // namespace mina::pickles
