// Delta transition chain proofs, the bounded chain window and the network profiles, on the
// recorded mainnet blocks.
#include <catch2/catch.hpp>

#include <map>

#include "block_fixtures.hpp"
#include "mina/block_file.hpp"
#include "mina/chain_window.hpp"
#include "mina/network_profile.hpp"

using namespace mina;

namespace {
// The decodable precomputed blocks by state hash.
std::map<std::string, BlockFile> mainnet_blocks() {
  std::map<std::string, BlockFile> out;
  for (auto& b : test::precomputed_blocks()) {
    auto f = decode_block_json(test::read_fixture_text(b.path));
    if (f) out.emplace(b.state_hash, std::move(f).value());
  }
  return out;
}
}  // namespace

TEST_CASE("mina/delta_chain: every precomputed block's proof reaches its parent; tampering is caught", "[mina][chain]") {
  auto blocks = mainnet_blocks();
  REQUIRE(blocks.size() >= 25);
  for (auto& [hash, f] : blocks) {
    INFO(hash);
    REQUIRE(f.delta_transition_chain_proof.has_value());
    const auto& proof = *f.delta_transition_chain_proof;
    CHECK(verify_delta_chain(proof, f.protocol_state.previous_state_hash));
    DeltaTransitionChainProof bad = proof;
    bad.init += Fp::one();
    CHECK_FALSE(verify_delta_chain(bad, f.protocol_state.previous_state_hash));
    bad = proof;
    bad.body_hashes.push_back(body_hash(f.protocol_state.body));
    CHECK_FALSE(verify_delta_chain(bad, f.protocol_state.previous_state_hash));
    // A one-step proof from the grandparent: init = grandparent, [parent body] reaches parent.
    auto parent = blocks.find(state_hash_base58(f.protocol_state.previous_state_hash));
    if (parent != blocks.end()) {
      DeltaTransitionChainProof longer{parent->second.protocol_state.previous_state_hash,
                                       {body_hash(parent->second.protocol_state.body)}};
      CHECK(verify_delta_chain(longer, f.protocol_state.previous_state_hash));
      longer.body_hashes[0] += Fp::one();
      CHECK_FALSE(verify_delta_chain(longer, f.protocol_state.previous_state_hash));
    }
  }
}

TEST_CASE("mina/chain_window: verdicts on the recorded mainnet blocks", "[mina][chain]") {
  auto blocks = mainnet_blocks();
  auto state = [&](const char* h) -> const ProtocolState& {
    auto it = blocks.find(h);
    if (it == blocks.end()) FAIL("missing fixture block " << h);
    return it->second.protocol_state;
  };
  const char* b606a = "3NK7T1MeiFA4ALVxqZLuGrWr1PeufYQAm9i1TfMnN9Cu6U5crhot";
  const char* b606b = "3NKvvtFwjEtQLswWJzXBSxxiKuYVbLJrKXCnmhp6jctYMqAWcftg";
  const char* b607a = "3NKXo8ugDzgiJBc3zZTejrdJSoNXRCxM9kAEXzzxeCGzJRMX3NkP";
  const char* b607b = "3NKg81uwJ61tNNbM1SkS6862AHwfRhwNQEKZemJS9UwBAzaNK8ch";
  const char* b608 = "3NLdgCbegvkfGm29x9NryzESJCoCC7DknrcB2TAmzyvcZjtsvJ76";
  const char* b609 = "3NL8ym45gfcDR18fyn7WMJVwgweb4C4HYWUnwNEQuyb5TsF8Hemn";
  const char* b610 = "3NLe669kJ89t48btn8NX6jMy7vnWNjP9caBdGgsCw2VSMjzP1anW";
  REQUIRE(state_hash_base58(state(b607b).previous_state_hash) == b606a);
  REQUIRE(state_hash_base58(state(b608).previous_state_hash) == b607b);

  auto profile = find_network_profile("mainnet");
  REQUIRE(profile.ok());
  ChainWindow w(290, selection_constants(**profile));
  auto verdict = [&](const char* h) { return w.add(state(h)).verdict; };
  CHECK(verdict(b606a) == WindowVerdict::kExtendsBest);
  CHECK(verdict(b606b) == WindowVerdict::kBehind);  // parent (genesis) not held, no higher
  CHECK(verdict(b607a) == WindowVerdict::kExtendsBest);
  // A sibling of the tip: selection between two blocks of equal length (VRF digest).
  Selection s = select_chain(state(b607a), state(b607b));
  auto sibling = w.add(state(b607b));
  CHECK(sibling.verdict == (s.take ? WindowVerdict::kReorg : WindowVerdict::kFork));
  REQUIRE(sibling.selection.has_value());
  CHECK(sibling.selection->rule == SelectRule::kVrf);
  // Its child is longer than anything else: whichever was best, it wins.
  auto child = w.add(state(b608));
  CHECK((child.verdict == WindowVerdict::kExtendsBest || child.verdict == WindowVerdict::kReorg));
  CHECK(child.verdict == (s.take ? WindowVerdict::kExtendsBest : WindowVerdict::kReorg));
  CHECK(state_hash_base58(*w.best_hash()) == b608);
  CHECK(verdict(b608) == WindowVerdict::kDuplicate);
  CHECK(verdict(b610) == WindowVerdict::kUnlinked);  // 359609 not yet held
  CHECK(verdict(b609) == WindowVerdict::kExtendsBest);
  CHECK(verdict(b610) == WindowVerdict::kExtendsBest);
  CHECK(w.best_length() == 359610);
  CHECK(w.size() == 6);  // 359606 (one of two), both 359607, 359608-359610
  // A child whose length does not follow its parent's.
  ProtocolState wrong = state(b610);
  wrong.previous_state_hash = *parse_state_hash(b609);
  wrong.body.consensus_state.blockchain_length += 5;
  CHECK(w.add(wrong).verdict == WindowVerdict::kInvalid);
}

TEST_CASE("mina/chain_window: capacity bounds the window and keeps the best tip", "[mina][chain]") {
  auto blocks = mainnet_blocks();
  std::vector<const ProtocolState*> chain;  // 359606 … 359617 along parent links from 359617
  std::string h = "3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc";
  while (blocks.count(h)) {
    chain.insert(chain.begin(), &blocks.at(h).protocol_state);
    h = state_hash_base58(blocks.at(h).protocol_state.previous_state_hash);
  }
  REQUIRE(chain.size() >= 10);
  ChainWindow w(3, selection_constants(chain.front()->body.constants));
  for (const ProtocolState* s : chain) {
    CHECK(w.add(*s).verdict == WindowVerdict::kExtendsBest);
    CHECK(w.size() <= 3);
    CHECK(*w.best_hash() == state_hash(*s));
  }
  // The oldest blocks were dropped: re-adding the first is now "behind".
  CHECK(w.add(*chain.front()).verdict == WindowVerdict::kBehind);
}

TEST_CASE("mina/network_profile: mainnet's data equals what its blocks record", "[mina][chain]") {
  auto mainnet = find_network_profile("mainnet");
  REQUIRE(mainnet.ok());
  auto devnet = find_network_profile("devnet");
  REQUIRE(devnet.ok());
  CHECK((*devnet)->network_id == NetworkId::kTestnet);
  CHECK((*mainnet)->network_id == NetworkId::kMainnet);
  auto unknown = find_network_profile("berkeley");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == ErrorCode::kInvalidArgument);
  for (const NetworkProfile& p : network_profiles()) {
    CHECK(parse_state_hash(p.genesis_state_hash).ok());
    CHECK(parse_state_hash(p.fork_state_hash).ok());
    CHECK(test::read_fixture_bytes(std::string("mina/") + p.blockchain_verifier_index).size() > 1000);
  }
  const NetworkProfile& m = **mainnet;
  auto genesis = *parse_state_hash(m.genesis_state_hash);
  size_t checked = 0;
  for (auto& [hash, f] : mainnet_blocks()) {
    const auto& b = f.protocol_state.body;
    CHECK(b.genesis_state_hash == genesis);
    CHECK(b.constants.k == m.k);
    CHECK(b.constants.slots_per_epoch == m.slots_per_epoch);
    CHECK(b.constants.slots_per_sub_window == m.slots_per_sub_window);
    CHECK(b.constants.grace_period_slots == std::optional<uint32_t>(m.grace_period_slots));
    CHECK(b.constants.delta == m.delta);
    CHECK(b.constants.genesis_state_timestamp == m.genesis_state_timestamp);
    CHECK(b.consensus_state.sub_window_densities.size() == m.sub_windows_per_window);
    CHECK(b.consensus_state.blockchain_length > m.genesis_blockchain_length);
    ++checked;
  }
  CHECK(checked >= 25);
  // The last pre-fork block is the fork point.
  bool fork_found = false;
  for (auto& b : test::precomputed_blocks()) fork_found |= b.state_hash == m.fork_state_hash && b.height + 1 == m.genesis_blockchain_length;
  CHECK(fork_found);
  SelectionConstants a = selection_constants(m);
  SelectionConstants b = selection_constants(mainnet_blocks().begin()->second.protocol_state.body.constants);
  CHECK(a.grace_period_end == b.grace_period_end);
  CHECK(a.grace_period_end == 2160 + 77);
}
