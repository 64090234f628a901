#include "mina/consensus.hpp"

#include <algorithm>
#include <vector>

#include "hash/blake2b.hpp"

namespace mina {
namespace {

uint32_t global_slot(const ConsensusState& s) { return s.curr_global_slot_since_hard_fork.slot_number; }

// Slots from the epoch start onward in which the next epoch's seed is still being updated
// (the first two thirds of an epoch).
bool in_seed_update_range(uint32_t slot_in_epoch, uint32_t slots_per_epoch) {
  return slot_in_epoch < slots_per_epoch / 3 * 2;
}

// s2 is one epoch behind s1, past its seed-update range, and s1 stakes on what s2 locked.
bool pred_case(const ConsensusState& s1, const ConsensusState& s2) {
  const uint32_t per_epoch = s2.curr_global_slot_since_hard_fork.slots_per_epoch;
  if (per_epoch == 0) return false;
  return s1.epoch_count == s2.epoch_count + 1 && !in_seed_update_range(global_slot(s2) % per_epoch, per_epoch) &&
         s1.staking_epoch_data.lock_checkpoint == s2.next_epoch_data.lock_checkpoint;
}

// Lexicographic, as Rust's Vec<u8> ordering in OpenMina (and OCaml's string compare).
int compare_bytes(const Bytes32& a, const Bytes32& b) {
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

template <class T>
int compare(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

// The short-range rules, also the long-range tie-breaks: length, VRF digest, state hash.
Selection longer_chain(ForkRange range, const ChainTip& tip, const ChainTip& cnd) {
  if (int c = compare(cnd.consensus.blockchain_length, tip.consensus.blockchain_length))
    return {c > 0, range, SelectRule::kChainLength};
  if (int c = compare_bytes(vrf_output_digest(cnd.consensus.last_vrf_output), vrf_output_digest(tip.consensus.last_vrf_output)))
    return {c > 0, range, SelectRule::kVrf};
  return {state_hash_less(tip.hash, cnd.hash), range, SelectRule::kStateHash};
}

}  // namespace

SelectionConstants selection_constants(const ProtocolConstants& c) {
  SelectionConstants s;
  s.slots_per_sub_window = c.slots_per_sub_window;
  const uint32_t slots_per_window = s.slots_per_sub_window * s.sub_windows_per_window;
  s.grace_period_end = c.grace_period_slots ? *c.grace_period_slots + slots_per_window : 1440;
  return s;
}

std::string selection_rule_name(const Selection& s) {
  std::string range = s.range == ForkRange::kShort ? "short_range_" : "long_range_";
  switch (s.rule) {
    case SelectRule::kWindowDensity: return range + "density";
    case SelectRule::kChainLength: return range + "length";
    case SelectRule::kVrf: return range + "vrf";
    case SelectRule::kStateHash: return range + "state_hash";
  }
  return range + "unknown";
}

bool is_short_range_fork(const ConsensusState& a, const ConsensusState& b) {
  if (a.epoch_count == b.epoch_count) return a.staking_epoch_data.lock_checkpoint == b.staking_epoch_data.lock_checkpoint;
  return pred_case(a, b) || pred_case(b, a);
}

uint32_t relative_min_window_density(const SelectionConstants& c, const ConsensusState& b1, const ConsensusState& b2) {
  const uint32_t max_slot = std::max(global_slot(b1), global_slot(b2));
  if (max_slot < c.grace_period_end) return b1.min_window_density;
  // Ring-shift b1's window forward to max_slot, clearing the sub-windows it skipped. The loop
  // runs shift_count + 1 times, as OpenMina's port does (the spec's pseudo-code says
  // shift_count; the two differ only past the grace period, where no vector pins them).
  const uint32_t n = c.sub_windows_per_window;
  std::vector<uint32_t> window = b1.sub_window_densities;
  if (window.size() != n || c.slots_per_sub_window == 0) return 0;  // malformed: never preferred
  const uint32_t gap = max_slot - global_slot(b1);
  const uint32_t shift_count = std::min(gap == 0 ? 0 : gap - 1, n);
  uint32_t i = (global_slot(b1) / c.slots_per_sub_window) % n;
  for (uint32_t step = 0; step <= shift_count; ++step) {
    i = (i + 1) % n;
    window[i] = 0;
  }
  uint64_t density = 0;
  for (uint32_t d : window) density += d;
  return uint32_t(std::min<uint64_t>(b1.min_window_density, density));
}

Bytes32 vrf_output_digest(const VrfOutputTruncated& vrf) {
  Bytes d = blake2b_256(vrf);
  Bytes32 out{};
  std::copy(d.begin(), d.end(), out.begin());
  return out;
}

Selection select_chain(const SelectionConstants& c, const ChainTip& tip, const ChainTip& cnd) {
  if (is_short_range_fork(tip.consensus, cnd.consensus)) return longer_chain(ForkRange::kShort, tip, cnd);
  const uint32_t tip_density = relative_min_window_density(c, tip.consensus, cnd.consensus);
  const uint32_t cnd_density = relative_min_window_density(c, cnd.consensus, tip.consensus);
  if (int d = compare(cnd_density, tip_density)) return {d > 0, ForkRange::kLong, SelectRule::kWindowDensity};
  return longer_chain(ForkRange::kLong, tip, cnd);
}

Selection select_chain(const ProtocolState& tip, const ProtocolState& candidate) {
  return select_chain(selection_constants(tip.body.constants), {tip.body.consensus_state, state_hash(tip)},
                      {candidate.body.consensus_state, state_hash(candidate)});
}

}  // namespace mina
