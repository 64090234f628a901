#include "pickles/public_input.hpp"

#include "pickles/messages.hpp"

namespace mina::pickles {
namespace {

Fq challenge_to_fq(const ScalarChallenge& c) { return c.inner<Fq>(); }

Fq flag(bool b) { return b ? Fq::one() : Fq::zero(); }

}  // namespace

Fq fp_to_fq(const Fp& x) { return Fq::from_int_unchecked(x.to_int()); }

uint64_t branch_data_to_field_value(const BranchData& b) {
  uint64_t mask = 0;
  switch (b.proofs_verified) {
    case ProofsVerified::kN0: mask = 0b00; break;
    case ProofsVerified::kN1: mask = 0b10; break;
    case ProofsVerified::kN2: mask = 0b11; break;
  }
  return (uint64_t(b.domain_log2) << 2) | mask;
}

Result<PreparedStatement> prepare_statement(const WrapProof& proof, const SideLoadedVerificationKey& vk,
                                            std::span<const Fp> app_state) {
  return prepare_statement(proof, vk.wrap_index, app_state);
}

Result<PreparedStatement> prepare_statement(const WrapProof& proof, const WrapIndexCommitments& dlog_plonk_index,
                                            std::span<const Fp> app_state) {
  PreparedStatement s;
  // 1. compute_deferred_values (expand_deferred).
  MINA_TRY(dv, expand_deferred(proof));
  s.deferred_values = std::move(dv);
  // 2. sponge_digest_before_evaluations as carried.
  s.sponge_digest_before_evaluations = proof.statement.proof_state.sponge_digest_before_evaluations;
  // 3. Wrap_hack.hash_messages_for_next_wrap_proof (Fq).
  MINA_TRY(wrap_digest, hash_messages_for_next_wrap_proof(proof.statement.proof_state.messages_for_next_wrap_proof));
  s.messages_for_next_wrap_proof = to_digest(wrap_digest);
  // 4. Common.hash_messages_for_next_step_proof (Fp) with dlog_plonk_index = the key's commitments.
  MINA_TRY(step_digest, hash_messages_for_next_step_proof(dlog_plonk_index, app_state,
                                                          proof.statement.messages_for_next_step_proof));
  s.messages_for_next_step_proof = to_digest(step_digest);
  return s;
}

std::vector<Fq> to_public_input(const PreparedStatement& s) {
  const ExpandedDeferredValues& dv = s.deferred_values;
  const PlonkInCircuit& p = dv.plonk;
  std::vector<Fq> out;
  out.reserve(kWrapPublicInputSize);
  // fp: five Type1-shifted Fp values, as Fq integers.
  out.push_back(fp_to_fq(dv.combined_inner_product));
  out.push_back(fp_to_fq(dv.b));
  out.push_back(fp_to_fq(p.zeta_to_srs_length));
  out.push_back(fp_to_fq(p.zeta_to_domain_size));
  out.push_back(fp_to_fq(p.perm));
  // challenge: beta, gamma.
  out.push_back(challenge_to_fq(p.beta));
  out.push_back(challenge_to_fq(p.gamma));
  // scalar_challenge: alpha, zeta, xi.
  out.push_back(challenge_to_fq(p.alpha));
  out.push_back(challenge_to_fq(p.zeta));
  out.push_back(challenge_to_fq(dv.xi));
  // digest: three 256-bit integers. Both Fq (wrap) and Fp (step, sponge) digests are below q.
  for (const Digest* d : {&s.sponge_digest_before_evaluations, &s.messages_for_next_wrap_proof,
                          &s.messages_for_next_step_proof}) {
    // The sponge digest comes from the proof: expand_deferred already required it to be < p < q.
    out.push_back(Fq::from_int_unchecked(U256{(*d)[0], (*d)[1], (*d)[2], (*d)[3]}));
  }
  // bulletproof_challenges: 16 raw prechallenges.
  for (const Fp& c : dv.bulletproof_challenges) out.push_back(fp_to_fq(c));
  // index: branch_data.
  out.push_back(Fq::from_u64(branch_data_to_field_value(dv.branch_data)));
  // Plonk_types.Features.to_data.
  const FeatureFlags& f = p.feature_flags;
  for (bool b : {f.range_check0, f.range_check1, f.foreign_field_add, f.foreign_field_mul, f.xor_, f.rot, f.lookup,
                 f.runtime_tables})
    out.push_back(flag(b));
  // Opt joint_combiner (option_map joint_combiner): flag, then value (dummy 0).
  out.push_back(flag(p.joint_combiner.has_value()));
  out.push_back(p.joint_combiner ? challenge_to_fq(*p.joint_combiner) : Fq::zero());
  return out;
}

Result<std::vector<Fq>> wrap_public_input(const WrapProof& proof, const SideLoadedVerificationKey& vk,
                                          std::span<const Fp> app_state) {
  return wrap_public_input(proof, vk.wrap_index, app_state);
}

Result<std::vector<Fq>> wrap_public_input(const WrapProof& proof, const WrapIndexCommitments& dlog_plonk_index,
                                          std::span<const Fp> app_state) {
  MINA_TRY(s, prepare_statement(proof, dlog_plonk_index, app_state));
  return to_public_input(s);
}

}  // namespace mina::pickles
