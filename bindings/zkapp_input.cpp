#include "zkapp_input.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "pickles/decode.hpp"

namespace mina::bindings {

Result<ZkappInput> decode_zkapp_input(std::string_view proof_json, std::string_view vk_json,
                                      std::optional<int> max_proofs_verified) {
  std::string text(proof_json);
  if (max_proofs_verified) {
    if (*max_proofs_verified < 0 || *max_proofs_verified > 2)
      return Error{ErrorCode::kInvalidArgument, "maxProofsVerified must be 0, 1 or 2"};
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{ErrorCode::kMalformedJson, "proof is not a JSON object"};
    j["maxProofsVerified"] = *max_proofs_verified;
    text = j.dump();
  }
  MINA_TRY(proof, pickles::decode_o1js_proof_json(text));
  MINA_TRY(vk, pickles::decode_vk_json(vk_json));
  ZkappInput in{std::move(proof.proof), std::move(vk.vk), std::move(proof.public_input)};
  in.app_state.insert(in.app_state.end(), proof.public_output.begin(), proof.public_output.end());
  return in;
}

}  // namespace mina::bindings
