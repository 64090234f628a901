// Chain selection: Ouroboros Samasika as Mina (consensus/proof_of_stake.ml, Hooks.select) and
// OpenMina (core/src/consensus.rs) implement it, and the consensus spec
// (docs/specs/consensus/README.md, selectSecureChain) describes it.
//
//   short-range fork (the chains share their staking epoch, is_short_range):
//       longer chain → greater Blake2b-256(last_vrf_output) → greater state hash
//   long-range fork:
//       greater relative min window density → then as the short-range rules
//
// Density is projected to the later of the two chains' slots before comparing, so a chain
// cannot look dense by stopping early; below grace_period_end the recorded min_window_density
// is used as is. All comparisons are "candidate strictly better ⇒ take", so equal chains keep
// the tip.
#pragma once

#include <cstdint>
#include <string>

#include "mina/protocol_state.hpp"
#include "mina/state_hash.hpp"

namespace mina {

// What chain selection needs from the network's constants.
struct SelectionConstants {
  uint32_t sub_windows_per_window = 11;  // a constraint constant: 11 on every Mina network
  uint32_t slots_per_sub_window = 7;
  uint32_t grace_period_end = 0;  // grace_period_slots + slots_per_window
};

// From a state's protocol constants. Pre-3.0 states lack grace_period_slots; for them
// grace_period_end is OpenMina's hard-coded 1440 (the Berkeley-era value its vectors use).
SelectionConstants selection_constants(const ProtocolConstants& c);

enum class ForkRange : uint8_t { kShort, kLong };
enum class SelectRule : uint8_t { kWindowDensity, kChainLength, kVrf, kStateHash };

struct Selection {
  bool take = false;  // switch to the candidate
  ForkRange range = ForkRange::kShort;
  SelectRule rule = SelectRule::kChainLength;  // the rule that decided
};

// "short_range_length", "long_range_density", … (stable names for the CLI and JS).
std::string selection_rule_name(const Selection& s);

// A chain tip as selection sees it.
struct ChainTip {
  const ConsensusState& consensus;
  StateHash hash;
};

bool is_short_range_fork(const ConsensusState& a, const ConsensusState& b);
// relativeMinWindowDensity(b1, b2): b1's density projected to max(slot b1, slot b2).
uint32_t relative_min_window_density(const SelectionConstants& c, const ConsensusState& b1, const ConsensusState& b2);
// Blake2b-256 of the 32 VRF output bytes (the tie-break digest).
Bytes32 vrf_output_digest(const VrfOutputTruncated& vrf);

Selection select_chain(const SelectionConstants& c, const ChainTip& tip, const ChainTip& candidate);
// Convenience: hashes both states, constants from the tip's protocol constants.
Selection select_chain(const ProtocolState& tip, const ProtocolState& candidate);

}  // namespace mina
