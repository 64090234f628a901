#include "pickles/messages.hpp"

#include <string>

#include "hash/poseidon.hpp"
#include "pickles/dummy.hpp"

namespace mina::pickles {
namespace {

// Tock_field_sponge.digest / Tick_field_sponge.digest: absorb everything, squeeze once.
template <class F>
F sponge_digest(std::span<const F> xs) {
  poseidon::Sponge<F> s(poseidon::kKimchi);
  s.absorb(xs);
  return s.squeeze();
}

}  // namespace

Result<std::vector<Fq>> messages_for_next_wrap_proof_fields(const MessagesForNextWrapProof& m) {
  const size_t n = m.old_bulletproof_challenges.size();
  if (n > 2)
    return Error{ErrorCode::kInvalidLength, "messages_for_next_wrap_proof: " + std::to_string(n) +
                                                " old challenge vectors, at most 2"};
  if (m.challenge_polynomial_commitment.infinity)
    return Error{ErrorCode::kInvalidPoint, "messages_for_next_wrap_proof: challenge_polynomial_commitment at infinity"};
  std::vector<Fq> fields;
  fields.reserve(2 * 15 + 2);
  // 1. Wrap_hack.pad_challenges: dummies in front up to Padded_length = 2.
  for (size_t i = n; i < 2; ++i) {
    const auto& pad = dummy::ipa_wrap_challenges_computed();
    fields.insert(fields.end(), pad.begin(), pad.end());
  }
  // 2. The real vectors, Ipa.Wrap.compute_challenges.
  for (const auto& v : m.old_bulletproof_challenges) {
    auto c = compute_wrap_challenges(v);
    fields.insert(fields.end(), c.begin(), c.end());
  }
  // 3. challenge_polynomial_commitment (a Vesta point: Fq coordinates).
  fields.push_back(m.challenge_polynomial_commitment.x);
  fields.push_back(m.challenge_polynomial_commitment.y);
  return fields;
}

Result<Fq> hash_messages_for_next_wrap_proof(const MessagesForNextWrapProof& m) {
  MINA_TRY(fields, messages_for_next_wrap_proof_fields(m));
  return sponge_digest<Fq>(fields);
}

Result<std::vector<Fp>> messages_for_next_step_proof_fields(const WrapIndexCommitments& dlog_plonk_index,
                                                            std::span<const Fp> app_state,
                                                            const MessagesForNextStepProof& m) {
  const size_t n = m.old_bulletproof_challenges.size();
  if (m.challenge_polynomial_commitments.size() != n)
    return Error{ErrorCode::kInvalidLength,
                 "messages_for_next_step_proof: " + std::to_string(m.challenge_polynomial_commitments.size()) +
                     " commitments but " + std::to_string(n) + " challenge vectors"};
  if (n > 2)
    return Error{ErrorCode::kInvalidLength,
                 "messages_for_next_step_proof: " + std::to_string(n) + " previous proofs, at most 2"};
  std::vector<Fp> fields;
  fields.reserve(56 + app_state.size() + n * 18);
  // 1. dlog_plonk_index: index_to_field_elements, each commitment as x, y.
  for (const auto& p : commitments_in_order(dlog_plonk_index)) {
    if (p.infinity)
      return Error{ErrorCode::kInvalidPoint, "messages_for_next_step_proof: verification key commitment at infinity"};
    fields.push_back(p.x);
    fields.push_back(p.y);
  }
  // 2. app_state (A_value.to_field_elements).
  fields.insert(fields.end(), app_state.begin(), app_state.end());
  // 3. zip(challenge_polynomial_commitments, old_bulletproof_challenges), challenges expanded
  //    with Ipa.Step.compute_challenges (Step.prepare).
  for (size_t i = 0; i < n; ++i) {
    const auto& g = m.challenge_polynomial_commitments[i];
    if (g.infinity)
      return Error{ErrorCode::kInvalidPoint, "messages_for_next_step_proof: challenge_polynomial_commitment at infinity"};
    fields.push_back(g.x);
    fields.push_back(g.y);
    auto c = compute_step_challenges(m.old_bulletproof_challenges[i]);
    fields.insert(fields.end(), c.begin(), c.end());
  }
  return fields;
}

Result<Fp> hash_messages_for_next_step_proof(const WrapIndexCommitments& dlog_plonk_index,
                                             std::span<const Fp> app_state, const MessagesForNextStepProof& m) {
  MINA_TRY(fields, messages_for_next_step_proof_fields(dlog_plonk_index, app_state, m));
  return sponge_digest<Fp>(fields);
}

}  // namespace mina::pickles
