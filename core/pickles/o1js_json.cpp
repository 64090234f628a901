// o1js Proof.toJSON(): {publicInput, publicOutput, maxProofsVerified, proof}.
#include "pickles/decode.hpp"
#include "pickles/json_input.hpp"

namespace mina::pickles {
namespace {

// A zkApp or ZkProgram has a handful of public fields; 1024 is far above any real one and keeps
// the work bounded.
constexpr size_t kMaxPublicFields = 1024;

Result<std::vector<Fp>> field_array(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return Error{ErrorCode::kMalformedJson, std::string("proof JSON: missing \"") + key + "\""};
  if (!it->is_array()) return Error{ErrorCode::kMalformedJson, std::string("proof JSON: \"") + key + "\" must be an array"};
  if (it->size() > kMaxPublicFields) return Error{ErrorCode::kLimitExceeded, std::string("proof JSON: \"") + key + "\" too long"};
  std::vector<Fp> out;
  for (const auto& e : *it) {
    if (!e.is_string())
      return Error{ErrorCode::kMalformedJson, std::string("proof JSON: \"") + key + "\" entries must be decimal strings"};
    const std::string& s = e.get_ref<const std::string&>();
    // o1js Field.toJSON is decimal; refuse hex so each value has one spelling.
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
      return Error{ErrorCode::kMalformedNumber, std::string("proof JSON: \"") + key + "\" entries must be decimal"};
    MINA_TRY(f, Fp::parse(s));
    out.push_back(f);
  }
  return out;
}

}  // namespace

Result<O1jsProofJson> decode_o1js_proof_json(std::string_view json) {
  // The largest real proof JSON is ~35 KB (an N2 proof's sexp in base64).
  MINA_TRY(j, json_input::parse_object(json, size_t{4} << 20, "proof"));
  O1jsProofJson out;
  MINA_TRY(public_input, field_array(j, "publicInput"));
  MINA_TRY(public_output, field_array(j, "publicOutput"));
  out.public_input = std::move(public_input);
  out.public_output = std::move(public_output);

  auto mpv = j.find("maxProofsVerified");
  if (mpv == j.end()) return Error{ErrorCode::kMalformedJson, "proof JSON: missing \"maxProofsVerified\""};
  if (!mpv->is_number_integer()) return Error{ErrorCode::kMalformedJson, "proof JSON: \"maxProofsVerified\" must be 0, 1 or 2"};
  int64_t n = mpv->get<int64_t>();
  if (n < 0 || n > 2) return Error{ErrorCode::kMalformedJson, "proof JSON: \"maxProofsVerified\" must be 0, 1 or 2"};
  out.max_proofs_verified = static_cast<ProofsVerified>(n);

  MINA_TRY(proof_text, json_input::string_member(j, "proof", "proof JSON"));
  MINA_TRY(proof, decode_proof_base64(proof_text));
  // o1js reads the proof as Proofs_verified_N with N = maxProofsVerified: the wrap message must
  // carry exactly N challenge vectors. The zkApp transaction form (always 2) therefore only
  // decodes with maxProofsVerified 2.
  size_t have = proof.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.size();
  if (have != size_t(n))
    return Error{ErrorCode::kInvalidLength, "proof carries " + std::to_string(have) +
                                                " wrap challenge vectors, maxProofsVerified is " + std::to_string(n)};
  out.proof = std::move(proof);
  return out;
}

}  // namespace mina::pickles
