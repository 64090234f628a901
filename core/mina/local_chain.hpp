// The protocol states of a local test network (js/local): a genesis state over a ledger and the
// state of each block produced on top, built the way Mina's consensus advances a chain, so every
// state hash is real Mina hashing (state_hash.hpp) and a light node can follow the chain with
// the same hash links, genesis and fork-choice checks as on a real network. Only the proof is a
// dummy (pickles/dummy_proof.hpp): such a chain is for tests, and light nodes accept it only in
// their dummy-proof mode, which refuses real network ids.
//
// What a produced state holds: length = parent + 1; previous_state_hash = the parent's computed
// hash; genesis_state_hash = the genesis block's hash (for the genesis block itself, the
// "negative one" hash its previous_state_hash also carries, as in Mina); the staged ledger hash
// = the ledger after the block; one slot per block (timestamp = genesis timestamp + slot × slot
// duration); staking and next epoch data on the genesis ledger; every other field fixed.
#pragma once

#include <cstdint>

#include "encoding/keys.hpp"
#include "field/pasta.hpp"
#include "mina/protocol_state.hpp"

namespace mina {

struct LocalGenesis {
  Fp ledger_hash;                   // the genesis ledger's root
  uint64_t total_currency = 0;      // sum of the genesis balances
  uint64_t timestamp_ms = 0;        // genesis_state_timestamp
  CompressedPublicKey producer;     // block creator, stake winner and coinbase receiver
  Fp negative_one_hash;             // previous_state_hash of the genesis block
};

inline constexpr uint32_t kLocalK = 10;
inline constexpr uint32_t kLocalSlotsPerEpoch = 7140;
inline constexpr uint32_t kLocalSlotsPerSubWindow = 7;
inline constexpr uint32_t kLocalGracePeriodSlots = 2160;
inline constexpr uint64_t kLocalSlotDurationMs = 180'000;
inline constexpr size_t kLocalSubWindows = 11;

ProtocolState local_genesis_state(const LocalGenesis& g);

// The state of the block after `parent` whose transactions leave the ledger at `ledger_hash`
// with `total_currency` in it.
ProtocolState next_local_state(const ProtocolState& parent, const Fp& ledger_hash, uint64_t total_currency);

}  // namespace mina
