// The local test network's blocks (core/mina/local_chain.hpp, protocol_state_json_write.hpp,
// pickles/dummy_proof.hpp).
//  - The JSON writer against real blocks: every precomputed mainnet block of the fixtures,
//    decoded, written and decoded again, is the same state and hashes to the state hash in the
//    fixture's name (Mina's own).
//  - Produced states: heights, links (previous_state_hash = the parent's computed hash), a fixed
//    genesis_state_hash after the genesis block, the new ledger hash, advancing slots.
//  - The dummy proof round-trips through bin_prot/base64url and a precomputed block carrying it
//    decodes with the block-proof reader.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "block_fixtures.hpp"
#include "encoding/base58.hpp"
#include "encoding/base64.hpp"
#include "mina/block_file.hpp"
#include "mina/consensus.hpp"
#include "mina/local_chain.hpp"
#include "mina/protocol_state_json.hpp"
#include "mina/protocol_state_json_write.hpp"
#include "mina/state_hash.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/decode.hpp"
#include "pickles/dummy_proof.hpp"

using namespace mina;
using nlohmann::json;

namespace {

LocalGenesis genesis_params() {
  LocalGenesis g;
  g.ledger_hash = Fp::from_u64(12345);
  g.total_currency = 1'000'000'000'000;
  g.timestamp_ms = 1'700'000'000'000;
  g.producer = *decode_public_key("B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg");
  g.negative_one_hash = Fp::from_u64(7);
  return g;
}

ProtocolState round_trip(const ProtocolState& s) {
  auto back = decode_protocol_state_json(encode_protocol_state_json(s));
  REQUIRE(back.ok());
  return *back;
}

}  // namespace

TEST_CASE("mina/local: written protocol states of real blocks decode to the same state and Mina's hash", "[mina][local]") {
  size_t n = 0;
  for (const auto& b : test::precomputed_blocks()) {
    auto file = decode_block_json(test::read_fixture_text(b.path));
    INFO(b.path << ": " << (file.ok() ? std::string() : file.error().message));
    // Pre-Berkeley states and the one block with placeholder aux hashes (as state_hash_test).
    if (!file && (file.error().code == ErrorCode::kUnsupported || file.error().code == ErrorCode::kInvalidEncoding)) continue;
    REQUIRE(file.ok());
    const ProtocolState* state = &file->protocol_state;
    const ProtocolState again = round_trip(*state);
    CHECK(again == *state);
    CHECK(state_hash_base58(state_hash(again)) == b.state_hash);
    ++n;
  }
  CHECK(n >= 25);
}

TEST_CASE("mina/local: produced states link by computed hashes and carry the ledger", "[mina][local]") {
  const LocalGenesis g = genesis_params();
  const ProtocolState genesis = local_genesis_state(g);
  CHECK(genesis.body.consensus_state.blockchain_length == 1);
  CHECK(genesis.previous_state_hash == g.negative_one_hash);
  CHECK(genesis.body.blockchain_state.staged_ledger_hash.non_snark.ledger_hash == g.ledger_hash);
  CHECK(round_trip(genesis) == genesis);
  const StateHash genesis_hash = state_hash(genesis);

  ProtocolState parent = genesis;
  for (uint32_t i = 0; i < 3; ++i) {
    const Fp ledger = Fp::from_u64(100 + i);
    const ProtocolState next = next_local_state(parent, ledger, g.total_currency - i);
    CHECK(next.body.consensus_state.blockchain_length == parent.body.consensus_state.blockchain_length + 1);
    CHECK(next.previous_state_hash == state_hash(parent));
    CHECK(next.body.genesis_state_hash == genesis_hash);
    CHECK(next.body.blockchain_state.staged_ledger_hash.non_snark.ledger_hash == ledger);
    CHECK(next.body.blockchain_state.genesis_ledger_hash == g.ledger_hash);
    CHECK(next.body.consensus_state.global_slot_since_genesis == i + 1);
    CHECK(next.body.blockchain_state.timestamp == g.timestamp_ms + (i + 1) * kLocalSlotDurationMs);
    CHECK(state_hash(next) != state_hash(parent));
    CHECK(round_trip(next) == next);
    // Fork choice (the core's, constants from the states) takes the longer local chain.
    CHECK(select_chain(parent, next).take);
    CHECK_FALSE(select_chain(next, parent).take);
    parent = next;
  }
  // Another ledger gives another state hash at the same height.
  CHECK(state_hash(next_local_state(genesis, Fp::from_u64(1), g.total_currency)) !=
        state_hash(next_local_state(genesis, Fp::from_u64(2), g.total_currency)));
}

TEST_CASE("mina/local: the dummy block proof decodes as a block proof", "[mina][local]") {
  const pickles::WrapProof proof = pickles::dummy_wrap_proof();
  auto bytes = pickles::encode_proof_binprot(proof);
  REQUIRE(bytes.ok());
  const std::string b64 = base64_encode(ByteSpan(*bytes), Base64Alphabet::kUrlSafe, false);
  auto back = pickles::decode_proof_base64url_binprot(b64);
  REQUIRE(back.ok());
  CHECK(*back == proof);
  CHECK(back->statement.messages_for_next_step_proof.challenge_polynomial_commitments.size() == 2);

  const ProtocolState genesis = local_genesis_state(genesis_params());
  json block{{"version", 3}, {"data", {{"protocol_state", encode_protocol_state_json(genesis)}, {"protocol_state_proof", b64}}}};
  const std::string text = block.dump();
  auto file = pickles::decode_block_proof_file(ByteSpan(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  REQUIRE(file.ok());
  CHECK(file->proof == proof);
  auto decoded = decode_block_json(text);
  REQUIRE(decoded.ok());
  CHECK(state_hash(decoded->protocol_state) == state_hash(genesis));
}
