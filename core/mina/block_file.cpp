#include "mina/block_file.hpp"

#include "mina/graphql.hpp"
#include "mina/json_reader.hpp"
#include "mina/protocol_state_binprot.hpp"
#include "mina/protocol_state_json.hpp"

namespace mina {
namespace {

namespace jr = json_reader;
using Json = jr::Json;

// A Mina 1.x blockchain state has these keys and no ledger_proof_statement.
bool is_pre_berkeley(const Json& protocol_state) {
  const Json* body = jr::optional_member(protocol_state, "body");
  const Json* bs = body ? jr::optional_member(*body, "blockchain_state") : nullptr;
  return bs && jr::optional_member(*bs, "snarked_ledger_hash") && !jr::optional_member(*bs, "ledger_proof_statement");
}

Result<ProtocolState> protocol_state_of(const Json& j) {
  if (is_pre_berkeley(j))
    return Error{ErrorCode::kUnsupported, "pre-Berkeley (Mina 1.x) protocol state: its legacy hash is not implemented"};
  return decode_protocol_state_json(j);
}

// A state hash or body hash in a chain proof: "3N…" (OpenMina), the ledger-hash spelling "jx…"
// that precomputed blocks use (Mina types the proof as Frozen_ledger_hash there), or 0x-hex.
Result<Fp> chain_hash(const Json& j, uint8_t preferred_version, const std::string& path) {
  MINA_TRY(s, jr::string(j, path));
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return jr::field_hex(j, path);
  auto f = jr::decode_versioned_field(s, preferred_version);
  if (f) return *f;
  auto g = jr::decode_versioned_field(s, jr::version::kLedgerHash);
  if (g) return *g;
  return Error{f.error().code, path + ": " + f.error().message};
}

Result<DeltaTransitionChainProof> chain_proof(const Json& j, const std::string& path) {
  if (!j.is_array() || j.size() != 2 || !j[1].is_array())
    return Error{ErrorCode::kMalformedJson, path + ": expected [state_hash, [body_hash…]]"};
  if (j[1].size() > kMaxDeltaChainLength) return Error{ErrorCode::kLimitExceeded, path + ": chain too long"};
  DeltaTransitionChainProof p;
  MINA_TRY(init, chain_hash(j[0], jr::version::kStateHash, path + "[0]"));
  p.init = init;
  for (size_t i = 0; i < j[1].size(); ++i) {
    MINA_TRY(b, chain_hash(j[1][i], jr::version::kStateBodyHash, path + "[1][" + std::to_string(i) + "]"));
    p.body_hashes.push_back(b);
  }
  return p;
}

Result<BlockFile> precomputed(const Json& data) {
  BlockFile f;
  f.source = BlockSource::kPrecomputed;
  MINA_TRY(ps, jr::member(data, "protocol_state", "precomputed block"));
  MINA_TRY(state, protocol_state_of(*ps));
  f.protocol_state = std::move(state);
  if (const Json* d = jr::optional_member(data, "delta_transition_chain_proof")) {
    MINA_TRY(p, chain_proof(*d, "delta_transition_chain_proof"));
    f.delta_transition_chain_proof = std::move(p);
  }
  if (const Json* proof = jr::optional_member(data, "protocol_state_proof"); proof && proof->is_string())
    f.protocol_state_proof_base64 = proof->get<std::string>();
  return f;
}

Result<BlockFile> openmina_best_tip(const Json& btp) {
  BlockFile f;
  f.source = BlockSource::kOpenMinaBestTip;
  MINA_TRY(tip, jr::member(btp, "best_tip", "BestTipWithProof"));
  MINA_TRY(header, jr::member(*tip, "header", "BestTipWithProof.best_tip"));
  MINA_TRY(ps, jr::member(*header, "protocol_state", "BestTipWithProof.best_tip.header"));
  MINA_TRY(state, protocol_state_of(*ps));
  f.protocol_state = std::move(state);
  if (const Json* proof = jr::optional_member(*header, "protocol_state_proof"); proof && proof->is_object())
    f.protocol_state_proof_json = proof->dump();
  if (const Json* d = jr::optional_member(*header, "delta_block_chain_proof")) {
    MINA_TRY(p, chain_proof(*d, "delta_block_chain_proof"));
    f.delta_transition_chain_proof = std::move(p);
  }
  if (const Json* proof = jr::optional_member(btp, "proof")) {
    // [[body hashes], root block]. The list starts with the root's own body hash, so the chain
    // starts at the root's parent (as the recorded mainnet answer has it: root = tip, list =
    // [tip body hash]).
    if (!proof->is_array() || proof->size() != 2)
      return Error{ErrorCode::kMalformedJson, "BestTipWithProof.proof: expected [[body hashes], root block]"};
    MINA_TRY(root_header, jr::member((*proof)[1], "header", "BestTipWithProof.proof[1]"));
    MINA_TRY(root_ps, jr::member(*root_header, "protocol_state", "BestTipWithProof.proof[1].header"));
    MINA_TRY(root, protocol_state_of(*root_ps));
    Json as_chain = Json::array({state_hash_base58(root.previous_state_hash), (*proof)[0]});
    MINA_TRY(p, chain_proof(as_chain, "BestTipWithProof.proof"));
    f.best_tip_proof = std::move(p);
    f.best_tip_root = std::move(root);
  }
  return f;
}

}  // namespace

const char* block_source_name(BlockSource s) {
  switch (s) {
    case BlockSource::kPrecomputed: return "precomputed";
    case BlockSource::kOpenMinaBestTip: return "openmina_best_tip";
    case BlockSource::kProtocolState: return "protocol_state";
    case BlockSource::kGraphql: return "graphql";
    case BlockSource::kBinProt: return "bin_prot";
    case BlockSource::kBlockInput: return "block_input";
  }
  return "unknown";
}

bool verify_best_tip_proof(const BlockFile& f) {
  if (!f.best_tip_root || !f.best_tip_proof || f.best_tip_proof->body_hashes.empty()) return false;
  if (f.best_tip_proof->body_hashes.front() != body_hash(f.best_tip_root->body)) return false;
  return verify_delta_chain(*f.best_tip_proof, state_hash(f.protocol_state));
}

Result<BlockFile> decode_block_json(std::string_view text) {
  MINA_TRY(j, jr::parse_document(text, "block"));
  if (const Json* btp = jr::optional_member(j, "BestTipWithProof")) return openmina_best_tip(*btp);
  if (jr::optional_member(j, "version")) {
    MINA_TRY(data, jr::member(j, "data", "precomputed block"));
    return precomputed(*data);
  }
  if (jr::optional_member(j, "protocol_state")) return precomputed(j);
  if (jr::optional_member(j, "previous_state_hash") && jr::optional_member(j, "body")) {
    MINA_TRY(state, protocol_state_of(j));
    BlockFile f;
    f.source = BlockSource::kProtocolState;
    f.protocol_state = std::move(state);
    return f;
  }
  if (looks_like_graphql(j)) return decode_graphql_block(j);
  return Error{ErrorCode::kUnsupported, "not a block: no protocol_state, BestTipWithProof, GraphQL block or protocol state"};
}

Result<BlockFile> decode_block_file(ByteSpan bytes) {
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  // Text starting with '{' or '[' is read as JSON; bin_prot can start with those bytes too (a
  // field's low byte), so when the text is not JSON at all the bytes are tried as bin_prot, and
  // the JSON error is reported if that fails as well.
  Error json_error{ErrorCode::kMalformedJson, ""};
  if (i < bytes.size() && (bytes[i] == '{' || bytes[i] == '[')) {
    auto j = decode_block_json(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    // parse_document words a syntax error "… is not valid JSON"; any other outcome is final.
    if (j.ok() || j.error().code != ErrorCode::kMalformedJson || j.error().message.find("not valid JSON") == std::string::npos) return j;
    json_error = j.error();
  }
  auto binary = decode_block_binprot(bytes);
  if (!binary && !json_error.message.empty()) return json_error;
  return binary;
}

Result<BlockFile> decode_block_binprot(ByteSpan bytes) {
  if (auto input = decode_block_input(bytes); input.ok() || input.error().code != ErrorCode::kUnsupported) {
    if (!input) return input.error();
    BlockFile f;
    f.source = BlockSource::kBlockInput;
    f.protocol_state = std::move(input->next_state);
    return f;
  }
  MINA_TRY(state, decode_protocol_state_binprot(bytes));
  BlockFile f;
  f.source = BlockSource::kBinProt;
  f.protocol_state = std::move(state);
  return f;
}

}  // namespace mina
