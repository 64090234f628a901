// Hashing a protocol state exactly as Mina does (Mina_state.Protocol_state.hashes):
//
//   body_hash  = Poseidon (kimchi, Fp) with prefix "MinaProtoStateBody" over
//                Random_oracle.Input.Chunked of the body (random_oracle_input.hpp)
//   state_hash = Poseidon (kimchi, Fp) with prefix "MinaProtoState" over
//                [previous_state_hash, body_hash]
//
// The body input, in order (field elements go to the front of the packed result, so only the
// order within fields and within packed items matters):
//   constants: k, delta, slots_per_epoch, slots_per_sub_window, [grace_period_slots] (u32),
//              genesis_state_timestamp (u64)
//   genesis_state_hash
//   blockchain_state: non-snark digest (256 bits), pending_coinbase_hash, genesis_ledger_hash,
//              ledger proof statement (source, target registers, connecting ledgers, supply
//              increase, fee excess), timestamp (u64), body_reference (256 bits)
//   consensus_state: length, epoch count, min window density, sub-window densities (u32 each),
//              last VRF output (253 bits), total currency (u64), global slot (slot number,
//              slots per epoch), slot since genesis, has_ancestor…, supercharge_coinbase,
//              staking then next epoch data, block stake winner, creator, coinbase receiver
// as OpenMina's ToInputs (ledger/src/proofs/public_input/protocol_state.rs) and the OCaml
// to_input functions lay it out. The unit tests pin it: every recorded block's computed hash
// equals the hash Mina recorded for it.
#pragma once

#include <string>
#include <string_view>

#include "base/error.hpp"
#include "field/pasta.hpp"
#include "mina/protocol_state.hpp"
#include "mina/random_oracle_input.hpp"

namespace mina {

using StateHash = Fp;
using StateBodyHash = Fp;

inline constexpr const char* kProtocolStatePrefix = "MinaProtoState";
inline constexpr const char* kProtocolStateBodyPrefix = "MinaProtoStateBody";

// Staged_ledger_hash.Non_snark.digest: SHA-256 of ledger_hash (32 bytes, big-endian) ‖ aux_hash
// ‖ pending_coinbase_aux.
Bytes32 non_snark_digest(const NonSnarkStagedLedgerHash& h);

RandomOracleInput body_to_input(const ProtocolStateBody& body);
StateBodyHash body_hash(const ProtocolStateBody& body);
// Protocol_state.hash_abstract: the state hash from its two parts (also the delta chain step).
StateHash state_hash_of_parts(const StateHash& previous_state_hash, const StateBodyHash& body_hash);
StateHash state_hash(const ProtocolState& state);

// "3N…": base58check, version byte 0x10, bin_prot version tag 0x01, 32-byte little-endian field.
std::string state_hash_base58(const StateHash& h);
Result<StateHash> parse_state_hash(std::string_view base58);

// State hashes order as the integers they are (Mina's last tie-break compares them so).
bool state_hash_less(const StateHash& a, const StateHash& b);

}  // namespace mina
