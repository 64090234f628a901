// The networks this verifier knows, as data: what a node needs to pick the right verifier
// index, recognise the right genesis and apply the right consensus constants.
//
// Sources: genesis/fork values from OpenMina core/src/network.rs and core/src/chain_id.rs; the
// mainnet genesis state hash and protocol constants are also what every post-fork mainnet block
// in ../shared/fixtures records (the unit tests check that). The devnet genesis state hash is
// OpenMina's (chain_id.rs); no fixture pins it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "mina/consensus.hpp"
#include "mina/protocol_state.hpp"
#include "mina/signature.hpp"

namespace mina {

struct NetworkProfile {
  const char* name;              // "mainnet" | "devnet"
  NetworkId network_id;          // signature domain (devnet signs as testnet)
  const char* genesis_state_hash;  // "3N…": every block's body.genesis_state_hash
  const char* fork_state_hash;   // the pre-fork block the 3.x chain continues from
  uint32_t genesis_blockchain_length;
  uint32_t genesis_global_slot_since_genesis;
  // Protocol constants (every state carries them; a block with others is not on this network).
  uint32_t k;
  uint32_t slots_per_epoch;
  uint32_t slots_per_sub_window;
  uint32_t grace_period_slots;
  uint32_t delta;
  uint64_t genesis_state_timestamp;  // ms since the Unix epoch; 0 = not recorded here
  // Constraint constants used by consensus.
  uint32_t sub_windows_per_window;
  uint64_t block_window_duration_ms;
  // Fixture file names of the blockchain SNARK's wrap verifier index (and the transaction one).
  const char* blockchain_verifier_index;
  const char* transaction_verifier_index;
};

std::span<const NetworkProfile> network_profiles();
// kInvalidArgument naming the known networks for any other name.
Result<const NetworkProfile*> find_network_profile(std::string_view name);

SelectionConstants selection_constants(const NetworkProfile& p);

// Why `state` is not on network `p` ("" when it is): its genesis state hash (unless
// check_genesis is false: chains that share a network's circuits and constants, such as test
// chains) or its protocol constants differ from the profile's.
std::string network_mismatch(const ProtocolState& state, const NetworkProfile& p, bool check_genesis = true);

}  // namespace mina
