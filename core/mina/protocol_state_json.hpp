// Decoding a protocol state from Mina's JSON (the yojson of Protocol_state.Value.Stable.V2):
// what precomputed blocks ("protocol_state"), OpenMina's RPC dumps and its fork-choice vectors
// carry. Hashes are base58check strings, integers decimal strings, the VRF output base64url,
// body_reference hex, local-state digests 0x-hex.
//
// Unknown keys are ignored (they cannot change the hash: only decoded fields are hashed).
// The Berkeley-era spellings in OpenMina's fork vectors are read too: curr_global_slot for
// curr_global_slot_since_hard_fork, a token_id in the local state, no grace_period_slots.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "mina/protocol_state.hpp"

namespace mina {

// `j` is the protocol_state object ({previous_state_hash, body}).
Result<ProtocolState> decode_protocol_state_json(const nlohmann::json& j);
Result<ProtocolState> decode_protocol_state_json(std::string_view text);

}  // namespace mina
