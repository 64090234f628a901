// Writing a protocol state as Mina's JSON (the precomputed-block "protocol_state" spelling):
// the inverse of protocol_state_json.hpp, for chains this project produces itself (the local
// test network). decode_protocol_state_json(encode_protocol_state_json(s)) == s for every state
// the decoder accepts, except the fields the decoder drops (failure_status_tbl is written as
// [], sok_digest as null).
#pragma once

#include <nlohmann/json.hpp>

#include "mina/protocol_state.hpp"

namespace mina {

nlohmann::json encode_protocol_state_json(const ProtocolState& state);

}  // namespace mina
