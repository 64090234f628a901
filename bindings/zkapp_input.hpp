// A zkApp / ZkProgram proof as o1js hands it out, decoded into what the verifier needs: the
// proof, its side-loaded key and the app state (publicInput ++ publicOutput). Same reading as
// the CLI's verify-zkapp: maxProofsVerified, when given, overrides the JSON's (the zkApp
// transaction form of a proof always reads as 2).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"
#include "pickles/verify.hpp"

namespace mina::bindings {

struct ZkappInput {
  pickles::WrapProof proof;
  pickles::SideLoadedVerificationKey vk;
  std::vector<Fp> app_state;

  pickles::WrapStatement statement() const { return {&proof, &vk, app_state}; }
};

Result<ZkappInput> decode_zkapp_input(std::string_view proof_json, std::string_view vk_json,
                                      std::optional<int> max_proofs_verified);

}  // namespace mina::bindings
