// Verifying the blockchain SNARK: a block's protocol-state proof says "the protocol state with
// this hash is the result of a valid chain from genesis". As Mina's `Blockchain_snark` verifier
// and OpenMina's `verify_block` (ledger/src/proofs/verification.rs) do it, this is the ordinary
// Pickles wrap verification (pickles/verify.hpp) with
//   key       = the network's blockchain wrap verifier index (verifier_index_json.hpp),
//   app state = [protocol state hash] (one Fp: Blockchain_snark's statement is the state hash).
// The hash itself is the caller's: computed from the protocol state (core/mina), or taken from
// a source it trusts to name the block.
#pragma once

#include <span>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "field/pasta.hpp"
#include "pickles/proof.hpp"
#include "pickles/verifier_index_json.hpp"
#include "pickles/verify.hpp"

namespace mina::pickles {

// valid iff run_checks, kimchi + IPA and the step accumulator check all pass for app state
// [protocol_state_hash]. `seed`: fresh random bytes for the batch combiners (see verify.hpp).
Result<Verdict> verify_blockchain_snark(VerifierSetup& setup, const BlockchainVerifierKey& key,
                                        const Fp& protocol_state_hash, const WrapProof& proof, ByteSpan seed = {});

struct BlockchainStatement {
  Fp protocol_state_hash;
  const WrapProof* proof;
};

// Several blocks of one network in one MSM each for kimchi and the accumulators; valid iff all are.
Result<Verdict> verify_blockchain_snarks(VerifierSetup& setup, const BlockchainVerifierKey& key,
                                         std::span<const BlockchainStatement> blocks, ByteSpan seed = {});

}  // namespace mina::pickles
