// Protocol-state hashing against the hashes Mina recorded: precomputed block file names, parent
// links, OpenMina's best tip and fork vectors.
#include <catch2/catch.hpp>

#include <map>

#include "block_fixtures.hpp"
#include "mina/block_file.hpp"
#include "mina/random_oracle_input.hpp"
#include "mina/state_hash.hpp"

using namespace mina;

namespace {
std::string hex_le(const Fp& f) {
  auto b = f.to_bytes_le();
  return to_hex(b);
}
BlockFile load(const std::string& rel) {
  auto r = decode_block_json(test::read_fixture_text(rel));
  if (!r) FAIL(rel << ": " << error_code_name(r.error().code) << " " << r.error().message);
  return *r;
}
}  // namespace

TEST_CASE("mina/random_oracle_input: packing as OpenMina's Inputs tests", "[mina][state_hash]") {
  // Vectors from openmina mina-p2p-messages/src/hash_input.rs (hex of the LE field).
  {
    RandomOracleInput in;
    in.append_bool(true);
    in.append_bool(false);
    auto f = in.pack_to_fields();
    REQUIRE(f.size() == 1);
    CHECK(hex_le(f[0]) == "0200000000000000000000000000000000000000000000000000000000000000");
  }
  {
    RandomOracleInput in;
    in.append_u32(0);
    in.append_u32(UINT32_MAX / 2);
    in.append_u32(UINT32_MAX);
    auto f = in.pack_to_fields();
    REQUIRE(f.size() == 1);
    CHECK(hex_le(f[0]) == "ffffffffffffff7f000000000000000000000000000000000000000000000000");
  }
  {
    RandomOracleInput in;
    in.append_u64(0);
    in.append_u64(UINT64_MAX / 2);
    in.append_u64(UINT64_MAX);
    auto f = in.pack_to_fields();
    REQUIRE(f.size() == 1);
    CHECK(hex_le(f[0]) == "ffffffffffffffffffffffffffffff7f00000000000000000000000000000000");
  }
  {
    RandomOracleInput in;
    const uint8_t bytes[] = {0, 1, 255};
    in.append_bytes(bytes);
    auto f = in.pack_to_fields();
    REQUIRE(f.size() == 1);
    CHECK(hex_le(f[0]) == "ff80000000000000000000000000000000000000000000000000000000000000");
  }
  {
    // Fields come first; a 64-bit item that would reach 255 bits starts a new chunk.
    RandomOracleInput in;
    for (int i = 0; i < 3; ++i) in.append_u64(1);
    in.append_u64(2);
    in.append_field(Fp::from_u64(7));
    auto f = in.pack_to_fields();
    REQUIRE(f.size() == 3);
    CHECK(f[0] == Fp::from_u64(7));
    CHECK(f[2] == Fp::from_u64(2));
  }
}

TEST_CASE("mina/state_hash: every precomputed mainnet block hashes to its recorded state hash", "[mina][state_hash]") {
  auto blocks = test::precomputed_blocks();
  REQUIRE(blocks.size() >= 30);
  size_t hashed = 0, pre_berkeley = 0, placeholder = 0, with_proof = 0;
  for (auto& b : blocks) {
    INFO(b.path);
    auto f = decode_block_json(test::read_fixture_text(b.path));
    if (!f) {
      // The three pre-fork blocks use Mina 1.x states; the post-fork genesis block in this set
      // has placeholder strings instead of its staged-ledger aux hashes (indexer test data).
      if (f.error().code == ErrorCode::kUnsupported) ++pre_berkeley;
      else if (f.error().code == ErrorCode::kInvalidEncoding) ++placeholder;
      else FAIL(error_code_name(f.error().code) << ": " << f.error().message);
      continue;
    }
    CHECK(f->source == BlockSource::kPrecomputed);
    // Two of the blocks keep their proof (base64url of bin_prot); the others had it stripped.
    if (f->protocol_state_proof_base64) ++with_proof;
    CHECK(f->protocol_state.body.consensus_state.blockchain_length == b.height);
    CHECK(state_hash_base58(state_hash(f->protocol_state)) == b.state_hash);
    ++hashed;
  }
  CHECK(pre_berkeley == 3);
  CHECK(placeholder == 1);
  CHECK(hashed == blocks.size() - 4);
  CHECK(with_proof == 2);
}

TEST_CASE("mina/state_hash: parent links between the precomputed blocks", "[mina][state_hash]") {
  std::map<std::string, unsigned> height_of;
  for (auto& b : test::precomputed_blocks()) height_of[b.state_hash] = b.height;
  size_t links = 0;
  for (auto& b : test::precomputed_blocks()) {
    auto f = decode_block_json(test::read_fixture_text(b.path));
    if (!f) continue;
    std::string parent = state_hash_base58(f->protocol_state.previous_state_hash);
    auto it = height_of.find(parent);
    if (it == height_of.end()) continue;
    INFO(b.path << " -> " << parent);
    CHECK(it->second + 1 == b.height);
    ++links;
  }
  CHECK(links >= 16);
}

TEST_CASE("mina/state_hash: OpenMina's mainnet best tip equals the precomputed block it is", "[mina][state_hash]") {
  auto tip = load("mina/mainnet_best_tip_with_proof_359606.json");
  CHECK(tip.source == BlockSource::kOpenMinaBestTip);
  REQUIRE(tip.protocol_state_proof_json.has_value());
  CHECK(nlohmann::json::parse(*tip.protocol_state_proof_json).contains("statement"));
  CHECK(tip.protocol_state.body.consensus_state.blockchain_length == 359606);
  // The same block, printed by Mina as a precomputed block: equal decoded states, equal hashes.
  std::string hash = state_hash_base58(state_hash(tip.protocol_state));
  bool found = false;
  for (auto& b : test::precomputed_blocks()) {
    if (b.state_hash != hash) continue;
    found = true;
    CHECK(load(b.path).protocol_state == tip.protocol_state);
  }
  CHECK(found);
  // Its delta chain proof reaches its parent, and the frontier proof reaches it.
  REQUIRE(tip.delta_transition_chain_proof.has_value());
  CHECK(verify_delta_chain(*tip.delta_transition_chain_proof, tip.protocol_state.previous_state_hash));
  REQUIRE(tip.best_tip_proof.has_value());
  CHECK(verify_best_tip_proof(tip));
  // A proof from another root, or with a changed body hash, fails.
  BlockFile forged = tip;
  forged.best_tip_proof->body_hashes[0] += Fp::one();
  CHECK_FALSE(verify_best_tip_proof(forged));
  forged = tip;
  forged.best_tip_root->body.consensus_state.blockchain_length += 1;
  CHECK_FALSE(verify_best_tip_proof(forged));
}

TEST_CASE("mina/state_hash: OpenMina fork vectors hash to the hashes in their names", "[mina][state_hash]") {
  auto cases = test::fork_cases();
  REQUIRE(cases.size() == 5);
  for (auto& c : cases) {
    INFO(c.tip_path);
    auto tip = load(c.tip_path);
    auto cnd = load(c.cnd_path);
    CHECK(tip.source == BlockSource::kProtocolState);
    CHECK(state_hash_base58(state_hash(tip.protocol_state)) == c.tip_hash);
    CHECK(state_hash_base58(state_hash(cnd.protocol_state)) == c.cnd_hash);
  }
}
