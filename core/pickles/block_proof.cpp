#include "pickles/block_proof.hpp"

#include <nlohmann/json.hpp>

#include "encoding/base64.hpp"
#include "pickles/decode.hpp"
#include "pickles/openmina_json.hpp"

namespace mina::pickles {
namespace {

using nlohmann::json;

// Block documents nest deeply only inside transactions (zkApp call forests), which we do not
// read: containers deeper than this are dropped while parsing, so the kept tree (and its
// recursive destructor) stays shallow whatever the input. The proof and the protocol state sit
// at depth ≤ 12 in every layout.
constexpr int kMaxKeptDepth = 24;

Error malformed(const std::string& msg) { return Error{ErrorCode::kMalformedJson, "block: " + msg}; }

Result<json> parse_block_json(std::string_view text) {
  // nlohmann's parser is iterative; only the tree it builds can be deep, and the callback keeps
  // it shallow by discarding containers below kMaxKeptDepth.
  auto keep_shallow = [](int depth, json::parse_event_t event, json&) {
    const bool opens = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    return !(opens && depth >= kMaxKeptDepth);
  };
  json j = json::parse(text.begin(), text.end(), keep_shallow, /*allow_exceptions=*/false);
  if (j.is_discarded()) return malformed("not valid JSON");
  if (!j.is_object()) return malformed("JSON must be an object");
  return j;
}

const json* object_member(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? &*it : nullptr;
}

// The object holding protocol_state and protocol_state_proof, whichever wrapper is around it.
Result<const json*> find_header(const json& root) {
  const json* block = &root;
  if (root.contains("BestTipWithProof")) {
    const json* bt = object_member(root, "BestTipWithProof");
    block = bt ? object_member(*bt, "best_tip") : nullptr;
    if (!block) return malformed("BestTipWithProof.best_tip must be an object");
  }
  if (block->contains("header")) {
    block = object_member(*block, "header");
    if (!block) return malformed("header must be an object");
  }
  if (block->contains("data") && block->contains("version")) {
    block = object_member(*block, "data");
    if (!block) return malformed("data must be an object");
  }
  return block;
}

Result<BlockProofFile> decode_json_file(std::string_view text) {
  MINA_TRY(root, parse_block_json(text));
  MINA_TRY(header, find_header(root));
  auto proof_it = header->find("protocol_state_proof");
  if (proof_it == header->end()) return malformed("no protocol_state_proof (stripped from this file?)");
  BlockProofFile out;
  if (proof_it->is_string()) {
    out.source = BlockProofSource::kPrecomputedBlock;
    MINA_TRY(p, decode_proof_base64url_binprot(proof_it->get_ref<const std::string&>()));
    out.proof = std::move(p);
  } else if (proof_it->is_object()) {
    out.source = BlockProofSource::kOpenMinaJson;
    MINA_TRY(p, decode_proof_openmina_json_value(*proof_it));
    out.proof = std::move(p);
  } else {
    return malformed("protocol_state_proof must be a base64 string or an object");
  }
  if (const json* state = object_member(*header, "protocol_state")) out.protocol_state_json = state->dump();
  else return malformed("no protocol_state object beside the proof");
  return out;
}

}  // namespace

const char* block_proof_source_name(BlockProofSource s) {
  switch (s) {
    case BlockProofSource::kPrecomputedBlock: return "precomputed_block";
    case BlockProofSource::kOpenMinaJson: return "openmina_json";
    case BlockProofSource::kBinProt: return "bin_prot";
  }
  return "unknown";
}

Result<WrapProof> decode_proof_base64url_binprot(std::string_view text) {
  // A block proof is ~11 KB of bin_prot, ~15 KB of base64.
  constexpr size_t kMaxBase64 = size_t(1) << 20;
  if (text.size() > kMaxBase64) return Error{ErrorCode::kLimitExceeded, "base64 proof longer than 1 MiB"};
  MINA_TRY(bytes, base64_decode(text, Base64Alphabet::kUrlSafe, Base64Padding::kOptional));
  return decode_proof_binprot(ByteSpan(bytes));
}

Result<BlockProofFile> decode_block_proof_file(ByteSpan bytes) {
  if (bytes.size() > kMaxBlockFileBytes) return Error{ErrorCode::kLimitExceeded, "block file larger than 64 MiB"};
  size_t first = 0;
  while (first < bytes.size() && (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r' || bytes[first] == '\t'))
    ++first;
  if (first < bytes.size() && bytes[first] == '{')
    return decode_json_file(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  BlockProofFile out;
  out.source = BlockProofSource::kBinProt;
  MINA_TRY(p, decode_proof_binprot(bytes));
  out.proof = std::move(p);
  return out;
}

}  // namespace mina::pickles
