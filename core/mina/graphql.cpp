#include "mina/graphql.hpp"

#include <cctype>

#include "encoding/base64.hpp"
#include "mina/json_reader.hpp"
#include "mina/protocol_state_binprot.hpp"
#include "mina/protocol_state_json.hpp"

namespace mina {
namespace {

namespace jr = json_reader;
using Json = nlohmann::json;

// GraphQL's own spellings that are not mechanical camelCase.
std::string snake_name(const std::string& key) {
  if (key == "coinbaseReceiever") return "coinbase_receiver";
  if (key == "superchargedCoinbase") return "supercharge_coinbase";
  if (key == "slotSinceGenesis") return "global_slot_since_genesis";
  std::string out;
  for (char c : key) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      out.push_back('_');
      out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Renames object keys at every level; values stay as they are.
Json snake_keys(const Json& j) {
  if (j.is_object()) {
    Json out = Json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[snake_name(it.key())] = snake_keys(it.value());
    return out;
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& x : j) out.push_back(snake_keys(x));
    return out;
  }
  return j;
}

// The Block inside any of the accepted envelopes.
Result<const Json*> find_block(const Json& j) {
  const Json* root = &j;
  if (const Json* data = jr::optional_member(j, "data")) root = data;
  if (const Json* chain = jr::optional_member(*root, "bestChain")) {
    if (!chain->is_array() || chain->empty()) return Error{ErrorCode::kMalformedJson, "bestChain: expected a non-empty array"};
    return &chain->back();
  }
  if (const Json* block = jr::optional_member(*root, "block")) return block;
  if (jr::optional_member(*root, "protocolState")) return root;
  return Error{ErrorCode::kMalformedJson, "GraphQL: no bestChain, block or protocolState"};
}

}  // namespace

bool looks_like_graphql(const Json& j) {
  const Json* root = jr::optional_member(j, "data");
  if (!root) root = &j;
  return jr::optional_member(*root, "bestChain") || jr::optional_member(*root, "block") ||
         jr::optional_member(*root, "protocolState");
}

Result<Json> graphql_protocol_state_to_json(const Json& ps) {
  if (!ps.is_object()) return Error{ErrorCode::kMalformedJson, "protocolState: expected an object"};
  Json s = snake_keys(ps);
  Json out = Json::object();
  MINA_TRY(prev, jr::member(s, "previous_state_hash", "protocolState"));
  out["previous_state_hash"] = *prev;
  if (const Json* body = jr::optional_member(s, "body")) {
    out["body"] = *body;
    return out;
  }
  Json body = Json::object();
  for (const char* key : {"genesis_state_hash", "blockchain_state", "consensus_state", "constants"}) {
    if (const Json* v = jr::optional_member(s, key)) body[key] = *v;
  }
  out["body"] = std::move(body);
  return out;
}

Result<BlockFile> decode_graphql_block(const Json& j) {
  MINA_TRY(block, find_block(j));
  BlockFile f;
  f.source = BlockSource::kGraphql;
  if (const Json* claimed = jr::optional_member(*block, "stateHash")) {
    MINA_TRY(h, jr::field_hash(*claimed, jr::version::kStateHash, "stateHash"));
    f.claimed_state_hash = h;
  }
  MINA_TRY(ps, jr::member(*block, "protocolState", "GraphQL block"));
  if (ps->is_string()) {
    // protocolState(encoding: BASE64): standard base64 of the bin_prot state.
    auto bytes = base64_decode(ps->get_ref<const std::string&>());
    if (!bytes) return Error{bytes.error().code, "protocolState: " + bytes.error().message};
    MINA_TRY(state, decode_protocol_state_binprot(*bytes));
    f.protocol_state = std::move(state);
    return f;
  }
  MINA_TRY(snake, graphql_protocol_state_to_json(*ps));
  MINA_TRY(state, decode_protocol_state_json(snake));
  f.protocol_state = std::move(state);
  return f;
}

}  // namespace mina
