// Mina's protocol state (Mina 3.x, Mina_state.Protocol_state.Value.Stable.V2) as typed values.
//
// The field names and nesting follow the OCaml records (protocol_state.ml, blockchain_state.ml,
// consensus/proof_of_stake.ml, snarked_ledger_state.ml, zkapp_command_logic.ml) and their JSON
// spelling, so a decoded value reads like the precomputed-block JSON it came from. Every field
// that the state hash covers is kept; the few that it skips (failure_status_tbl, sok_digest) are
// checked for shape by the decoders and then dropped.
//
// Two fields are optional only to read the Berkeley test networks that preceded Mina 3.0 (the
// OpenMina fork-choice vectors): their protocol constants had no grace_period_slots and their
// zkApp local state carried a token_id. A Mina 3.x state always has the first and never the
// second; the hash includes each exactly when it is present.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "encoding/keys.hpp"
#include "field/pasta.hpp"

namespace mina {

using Bytes32 = std::array<uint8_t, 32>;

// Currency.Amount.Signed / Fee.Signed: a magnitude and a sign (Sgn.Pos | Sgn.Neg).
struct SignedAmount {
  uint64_t magnitude = 0;
  bool is_negative = false;
  bool operator==(const SignedAmount&) const = default;
};

// ---- blockchain_state ----

// Staged_ledger_hash.Non_snark: hashed into the body as the SHA-256 digest of the three.
struct NonSnarkStagedLedgerHash {
  Fp ledger_hash;                // Ledger_hash ("jx…")
  Bytes32 aux_hash{};            // Aux_hash ("U…"/"V…"/"W…", version byte 0x0e), 32 raw bytes
  Bytes32 pending_coinbase_aux{};  // Pending_coinbase_aux ("W…"/"X…", version byte 0x0f)
  bool operator==(const NonSnarkStagedLedgerHash&) const = default;
};

struct StagedLedgerHash {
  NonSnarkStagedLedgerHash non_snark;
  Fp pending_coinbase_hash;  // "2n…"
  bool operator==(const StagedLedgerHash&) const = default;
};

// Pending_coinbase.Stack_versioned: the coinbase stack ("4Q…") and the state stack ("4Y…").
struct PendingCoinbaseStack {
  Fp data;
  Fp state_init;
  Fp state_curr;
  bool operator==(const PendingCoinbaseStack&) const = default;
};

// Mina_transaction_logic.Zkapp_command_logic.Local_state.Value (failure_status_tbl dropped).
struct LocalState {
  Fp stack_frame;
  Fp call_stack;
  Fp transaction_commitment;
  Fp full_transaction_commitment;
  std::optional<Fp> token_id;  // pre-3.0 Berkeley only (see the file comment)
  SignedAmount excess;
  SignedAmount supply_increase;
  Fp ledger;
  bool success = true;
  uint32_t account_update_index = 0;
  bool will_succeed = true;
  bool operator==(const LocalState&) const = default;
};

// Mina_state.Registers.
struct Registers {
  Fp first_pass_ledger;
  Fp second_pass_ledger;
  PendingCoinbaseStack pending_coinbase_stack;
  LocalState local_state;
  bool operator==(const Registers&) const = default;
};

// Fee_excess: two (token, signed fee) pairs (JSON: [{token, amount}, {token, amount}]).
struct FeeExcess {
  Fp fee_token_l;
  SignedAmount fee_excess_l;
  Fp fee_token_r;
  SignedAmount fee_excess_r;
  bool operator==(const FeeExcess&) const = default;
};

// Snarked_ledger_state with sok_digest = unit (the blockchain state's ledger proof statement).
struct LedgerProofStatement {
  Registers source;
  Registers target;
  Fp connecting_ledger_left;
  Fp connecting_ledger_right;
  SignedAmount supply_increase;
  FeeExcess fee_excess;
  bool operator==(const LedgerProofStatement&) const = default;
};

struct BlockchainState {
  StagedLedgerHash staged_ledger_hash;
  Fp genesis_ledger_hash;
  LedgerProofStatement ledger_proof_statement;
  uint64_t timestamp = 0;    // Block_time, milliseconds since the Unix epoch
  Bytes32 body_reference{};  // Blake2b-256 of the block body
  bool operator==(const BlockchainState&) const = default;
};

// ---- consensus_state ----

struct EpochLedger {
  Fp hash;
  uint64_t total_currency = 0;
  bool operator==(const EpochLedger&) const = default;
};

struct EpochData {
  EpochLedger ledger;
  Fp seed;  // "2v…"
  Fp start_checkpoint;
  Fp lock_checkpoint;
  uint32_t epoch_length = 0;
  bool operator==(const EpochData&) const = default;
};

// Consensus.Global_slot: the slot since the hard fork and the epoch length it is counted in.
struct GlobalSlot {
  uint32_t slot_number = 0;
  uint32_t slots_per_epoch = 0;
  bool operator==(const GlobalSlot&) const = default;
};

// Consensus_vrf.Output.Truncated: 32 bytes, of which the low 253 bits are the output.
using VrfOutputTruncated = Bytes32;
inline constexpr unsigned kVrfOutputBits = 253;
// Mina truncates a field element to 253 bits, so the top 3 bits are always clear. The decoders
// insist on it: the state hash covers only 253 bits while the tie-break hashes all 32 bytes, so
// accepting set top bits would let a relay change the tie-break without changing the hash.
inline bool vrf_output_is_canonical(const VrfOutputTruncated& v) { return (v[31] >> 5) == 0; }

struct ConsensusState {
  uint32_t blockchain_length = 0;
  uint32_t epoch_count = 0;
  uint32_t min_window_density = 0;
  std::vector<uint32_t> sub_window_densities;
  VrfOutputTruncated last_vrf_output{};
  uint64_t total_currency = 0;
  GlobalSlot curr_global_slot_since_hard_fork;
  uint32_t global_slot_since_genesis = 0;
  EpochData staking_epoch_data;
  EpochData next_epoch_data;
  bool has_ancestor_in_same_checkpoint_window = false;
  CompressedPublicKey block_stake_winner;
  CompressedPublicKey block_creator;
  CompressedPublicKey coinbase_receiver;
  bool supercharge_coinbase = false;
  bool operator==(const ConsensusState&) const = default;
};

// Genesis_constants.Protocol (the "checked" part that is in every state).
struct ProtocolConstants {
  uint32_t k = 0;
  uint32_t slots_per_epoch = 0;
  uint32_t slots_per_sub_window = 0;
  std::optional<uint32_t> grace_period_slots;  // absent before Mina 3.0 (see the file comment)
  uint32_t delta = 0;
  uint64_t genesis_state_timestamp = 0;
  bool operator==(const ProtocolConstants&) const = default;
};

struct ProtocolStateBody {
  Fp genesis_state_hash;
  BlockchainState blockchain_state;
  ConsensusState consensus_state;
  ProtocolConstants constants;
  bool operator==(const ProtocolStateBody&) const = default;
};

struct ProtocolState {
  Fp previous_state_hash;
  ProtocolStateBody body;
  bool operator==(const ProtocolState&) const = default;
};

// Bounds the decoders enforce. Mina has 11 sub-windows per window; more than 64 is never valid.
inline constexpr size_t kMaxSubWindows = 64;

}  // namespace mina
