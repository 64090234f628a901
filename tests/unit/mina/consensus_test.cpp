// Chain selection against OpenMina's fork vectors (the file names state the outcome and rule)
// and hand-built cases for each rule and its tie-breaks.
#include <catch2/catch.hpp>

#include "block_fixtures.hpp"
#include "mina/block_file.hpp"
#include "mina/consensus.hpp"

using namespace mina;

namespace {
ProtocolState load_state(const std::string& rel) {
  auto r = decode_block_json(test::read_fixture_text(rel));
  if (!r) FAIL(rel << ": " << r.error().message);
  return r->protocol_state;
}
}  // namespace

TEST_CASE("mina/consensus: every OpenMina fork vector gives the outcome its name states", "[mina][consensus]") {
  auto cases = test::fork_cases();
  REQUIRE(cases.size() == 5);
  for (auto& c : cases) {
    INFO(c.tip_path);
    auto tip = load_state(c.tip_path);
    auto cnd = load_state(c.cnd_path);
    Selection s = select_chain(tip, cnd);
    CHECK(s.take == c.take);
    CHECK(s.range == (c.range_short ? ForkRange::kShort : ForkRange::kLong));
    const SelectRule expected = c.rule == "length" ? SelectRule::kChainLength : c.rule == "vrf" ? SelectRule::kVrf : SelectRule::kWindowDensity;
    CHECK(s.rule == expected);
    // Selection is antisymmetric here (no ties): swapping the roles flips the decision.
    Selection back = select_chain(cnd, tip);
    CHECK(back.take == !c.take);
    CHECK(back.rule == s.rule);
    // A chain never replaces itself.
    CHECK_FALSE(select_chain(tip, tip).take);
  }
}

TEST_CASE("mina/consensus: each rule and tie-break on hand-built variations", "[mina][consensus]") {
  auto cases = test::fork_cases();
  auto base = load_state(cases.front().tip_path);  // any real state
  const SelectionConstants k = selection_constants(base.body.constants);

  SECTION("short range: length, then VRF digest, then state hash") {
    ProtocolState cnd = base;
    cnd.body.consensus_state.blockchain_length += 1;
    Selection s = select_chain(base, cnd);
    CHECK(s.take);
    CHECK(selection_rule_name(s) == "short_range_length");
    cnd = base;
    cnd.body.consensus_state.last_vrf_output[0] ^= 1;
    s = select_chain(base, cnd);
    CHECK(s.rule == SelectRule::kVrf);
    CHECK(s.take == (vrf_output_digest(cnd.body.consensus_state.last_vrf_output) >
                     vrf_output_digest(base.body.consensus_state.last_vrf_output)));
    CHECK(select_chain(cnd, base).take == !s.take);
    // Same consensus state, different body elsewhere: only the state hash differs.
    cnd = base;
    cnd.body.blockchain_state.timestamp += 1;
    s = select_chain(base, cnd);
    CHECK(selection_rule_name(s) == "short_range_state_hash");
    CHECK(s.take == state_hash_less(state_hash(base), state_hash(cnd)));
  }
  SECTION("long range: density decides before length") {
    ProtocolState tip = base, cnd = base;
    cnd.body.consensus_state.staking_epoch_data.lock_checkpoint += Fp::one();  // not a short-range fork
    REQUIRE_FALSE(is_short_range_fork(tip.body.consensus_state, cnd.body.consensus_state));
    tip.body.consensus_state.blockchain_length += 100;
    cnd.body.consensus_state.min_window_density = tip.body.consensus_state.min_window_density + 1;
    Selection s = select_chain(tip, cnd);
    CHECK(s.take);
    CHECK(selection_rule_name(s) == "long_range_density");
    cnd.body.consensus_state.min_window_density = tip.body.consensus_state.min_window_density;
    s = select_chain(tip, cnd);
    CHECK_FALSE(s.take);
    CHECK(selection_rule_name(s) == "long_range_length");
  }
  SECTION("short range across an epoch boundary: staking lock = predecessor's next lock, past seed update") {
    ConsensusState a = base.body.consensus_state, b = a;
    const uint32_t per_epoch = b.curr_global_slot_since_hard_fork.slots_per_epoch;
    b.curr_global_slot_since_hard_fork.slot_number = per_epoch * 5 + per_epoch - 1;  // end of an epoch
    a.epoch_count = b.epoch_count + 1;
    a.staking_epoch_data.lock_checkpoint = b.next_epoch_data.lock_checkpoint;
    CHECK(is_short_range_fork(a, b));
    CHECK(is_short_range_fork(b, a));
    b.curr_global_slot_since_hard_fork.slot_number = per_epoch * 5;  // still in the seed update range
    CHECK_FALSE(is_short_range_fork(a, b));
    a.epoch_count = b.epoch_count + 2;
    CHECK_FALSE(is_short_range_fork(a, b));
  }
  SECTION("window density past the grace period is projected to the later slot") {
    ConsensusState b1 = base.body.consensus_state, b2 = b1;
    b1.sub_window_densities.assign(11, 7);
    b1.min_window_density = 77;
    b1.curr_global_slot_since_hard_fork.slot_number = k.grace_period_end + 700;
    b2.curr_global_slot_since_hard_fork.slot_number = b1.curr_global_slot_since_hard_fork.slot_number;
    // Same slot: the next sub-window is cleared (OpenMina's shift_count + 1).
    CHECK(relative_min_window_density(k, b1, b2) == 70);
    // Far ahead: every sub-window is cleared.
    b2.curr_global_slot_since_hard_fork.slot_number += 1000;
    CHECK(relative_min_window_density(k, b1, b2) == 0);
    // Within the grace period the recorded minimum stands.
    b1.curr_global_slot_since_hard_fork.slot_number = 1;
    b2.curr_global_slot_since_hard_fork.slot_number = 2;
    CHECK(relative_min_window_density(k, b1, b2) == 77);
  }
}
