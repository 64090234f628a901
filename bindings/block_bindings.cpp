// Blocks and protocol states (core/mina):
//   stateHash(text)   JSON of any block shape block_file.hpp recognises (precomputed block,
//   stateHashBytes(b) OpenMina best tip, {previous_state_hash, body}, GraphQL) or bin_prot bytes
//     → {stateHash, previousStateHash, bodyHash (base58 / decimal), source, claimedStateHash?}
// The state hash is computed, never copied from the input; a GraphQL answer's claim is returned
// beside it for the caller to compare.
// verifyBlock: block_verify.cpp.
#include <emscripten/bind.h>

#include <string>

#include "js_value.hpp"
#include "mina/block_file.hpp"
#include "mina/state_hash.hpp"

namespace mina::bindings {
namespace {

val state_hash_value(const BlockFile& f) {
  val out = val::object();
  out.set("stateHash", state_hash_base58(state_hash(f.protocol_state)));
  out.set("previousStateHash", state_hash_base58(f.protocol_state.previous_state_hash));
  out.set("bodyHash", body_hash(f.protocol_state.body).to_decimal());
  out.set("source", std::string(block_source_name(f.source)));
  if (f.claimed_state_hash) out.set("claimedStateHash", state_hash_base58(*f.claimed_state_hash));
  return out;
}

val state_hash_text(std::string text) {
  return guarded([&] {
    auto f = decode_block_json(text);
    if (!f) return error_value(f.error());
    return state_hash_value(*f);
  });
}

val state_hash_bytes(val bytes_js) {
  return guarded([&] {
    Bytes bytes = bytes_from_js(bytes_js);
    auto f = decode_block_file(bytes);
    if (!f) return error_value(f.error());
    return state_hash_value(*f);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_block) {
  emscripten::function("stateHash", &state_hash_text);
  emscripten::function("stateHashBytes", &state_hash_bytes);
}

}  // namespace mina::bindings
