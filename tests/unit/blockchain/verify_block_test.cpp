// verify_block end to end, as a light node does it with nothing but the block: the protocol state
// is hashed by core/mina (state_hash), the proof decoded and verified by core/pickles
// (verify_blockchain_snark) with that hash as the app state. Needs both folders (MINA_ONLY
// "...;mina;pickles;blockchain"). Cross-checks: the computed hashes equal the ones that name the
// blocks (precomputed file names; the block-prover input's next_state.previous_state_hash).
#include <catch2/catch.hpp>

#include <string>

#include "../pickles/proof_mutator.hpp"
#include "encoding/bin_prot.hpp"
#include "mina/block_file.hpp"
#include "mina/protocol_state_binprot.hpp"
#include "mina/protocol_state_json.hpp"
#include "mina/state_hash.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/blockchain_snark.hpp"
#include "pickles/decode.hpp"
#include "pickles/verifier_index_json.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;

namespace {

BlockchainVerifierKey network_key(const std::string& network) {
  auto b = test::read_fixture_bytes("mina/" + network + "_blockchain_verifier_index.json");
  auto k = decode_blockchain_verifier_index_json(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
  if (!k.ok()) throw std::runtime_error(k.error().message);
  return *k;
}

bool verifies(const BlockchainVerifierKey& key, const Fp& hash, const WrapProof& proof) {
  auto r = verify_blockchain_snark(test_mutation::shared_setup(), key, hash, proof);
  return r.ok() && r->valid;
}

}  // namespace

TEST_CASE("verify_block: JSON blocks, state hash computed from the protocol state", "[blockchain][verify]") {
  const auto mainnet = network_key("mainnet");
  const auto devnet = network_key("devnet");
  struct Case {
    const char* file;
    const char* expected_hash;  // the block's name, from outside our code
  };
  for (const Case& c : {Case{"mina/precomputed/mainnet-359617-3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc.json",
                             "3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc"},
                        Case{"mina/precomputed/mainnet-359617-3NLXcoYjz1bqK3QzKZYmQxa7kZ7CyLqLisGLgHH6vikHokW3xYz6.json",
                             "3NLXcoYjz1bqK3QzKZYmQxa7kZ7CyLqLisGLgHH6vikHokW3xYz6"},
                        Case{"mina/mainnet_best_tip_with_proof_359606.json",
                             "3NK7T1MeiFA4ALVxqZLuGrWr1PeufYQAm9i1TfMnN9Cu6U5crhot"}}) {
    INFO(c.file);
    auto file = decode_block_proof_file(test::read_fixture_bytes(c.file));
    REQUIRE(file.ok());
    auto state = decode_protocol_state_json(std::string_view(file->protocol_state_json));
    REQUIRE(state.ok());
    const StateHash h = state_hash(*state);
    CHECK(state_hash_base58(h) == c.expected_hash);
    // core/mina's own reading of the same file agrees.
    auto mina_file = decode_block_file(test::read_fixture_bytes(c.file));
    REQUIRE(mina_file.ok());
    CHECK(state_hash(mina_file->protocol_state) == h);
    CHECK(verifies(mainnet, h, file->proof));
    CHECK_FALSE(verifies(devnet, h, file->proof));
  }
}

TEST_CASE("verify_block: devnet block-prover input (.bin), proof right after the chain state", "[blockchain][verify]") {
  const auto devnet = network_key("devnet");
  for (const char* name : {"mina/block_input-2483246-1.bin", "mina/block_input-2483248-1.bin"}) {
    INFO(name);
    const Bytes bytes = test::read_fixture_bytes(name);
    auto input = decode_block_input(bytes);
    REQUIRE(input.ok());
    // {chain: {state; proof}; next_state; …} after bin_dump's 8-byte length header.
    BinProtReader r(ByteSpan(bytes).subspan(8));
    auto chain_state = read_protocol_state_binprot(r);
    REQUIRE(chain_state.ok());
    auto proof = decode_proof_binprot(r);
    REQUIRE(proof.ok());
    const StateHash h = state_hash(*chain_state);
    // Mina's prover wrote this state's hash as the next state's parent.
    CHECK(h == input->next_state.previous_state_hash);
    CHECK(verifies(devnet, h, *proof));
    CHECK_FALSE(verifies(devnet, state_hash(input->next_state), *proof));  // the next block's hash
  }
}
