#include "pickles/dummy_proof.hpp"

#include "pickles/dummy.hpp"

namespace mina::pickles {
namespace {

// Where Proof.dummy calls Ro.tick/Ro.tock/Ro.chal, fixed distinct values: the proof only has to
// be well formed, and fixed values make the local chain reproducible.
template <class F>
F fixed(uint64_t i) {
  return F::from_u64(1000 + i);
}

template <class F>
PointEvaluations<F> single(uint64_t& counter) {
  return PointEvaluations<F>{{fixed<F>(counter++)}, {fixed<F>(counter++)}};
}

template <class F>
void fill_required(ProofEvaluations<F>& e, uint64_t& counter) {
  for (auto& x : e.w) x = single<F>(counter);
  for (auto& x : e.coefficients) x = single<F>(counter);
  e.z = single<F>(counter);
  for (auto& x : e.s) x = single<F>(counter);
  for (auto* x : {&e.generic_selector, &e.poseidon_selector, &e.complete_add_selector, &e.mul_selector,
                  &e.emul_selector, &e.endomul_scalar_selector})
    *x = single<F>(counter);
}

}  // namespace

WrapProof dummy_wrap_proof(ProofsVerified most_recent_width, uint8_t domain_log2) {
  WrapProof p;
  const size_t width = size_t(most_recent_width);
  const PallasAffine g0 = PallasAffine::generator();

  ProofState& ps = p.statement.proof_state;
  ps.deferred_values.plonk.alpha = ScalarChallenge::from_limbs(1, 0);
  ps.deferred_values.plonk.beta = ScalarChallenge::from_limbs(2, 0);
  ps.deferred_values.plonk.gamma = ScalarChallenge::from_limbs(3, 0);
  ps.deferred_values.plonk.zeta = ScalarChallenge::from_limbs(4, 0);
  ps.deferred_values.bulletproof_challenges = dummy::ipa_step_challenges();
  ps.deferred_values.branch_data = {most_recent_width, domain_log2};
  ps.sponge_digest_before_evaluations = {0, 0, 0, 0};
  ps.messages_for_next_wrap_proof.challenge_polynomial_commitment = dummy::ipa_step_sg();
  // The blockchain SNARK's wrap keeps two (Proofs_verified_2) wrap accumulators.
  ps.messages_for_next_wrap_proof.old_bulletproof_challenges.assign(2, dummy::ipa_wrap_challenges());

  MessagesForNextStepProof& step = p.statement.messages_for_next_step_proof;
  step.challenge_polynomial_commitments.assign(width, dummy::ipa_wrap_sg());
  step.old_bulletproof_challenges.assign(width, dummy::ipa_step_challenges());

  uint64_t counter = 0;
  p.prev_evals.public_input = {fixed<Fp>(counter++), fixed<Fp>(counter++)};
  fill_required(p.prev_evals.evals, counter);
  p.prev_evals.ft_eval1 = fixed<Fp>(counter++);

  KimchiProof& k = p.proof;
  k.w_comm.fill(g0);
  k.z_comm = g0;
  k.t_comm.fill(g0);
  fill_required(k.evals, counter);
  k.ft_eval1 = fixed<Fq>(counter++);
  k.opening.lr.assign(15, {g0, g0});  // Tock.Rounds.n
  k.opening.delta = g0;
  k.opening.z1 = fixed<Fq>(counter++);
  k.opening.z2 = fixed<Fq>(counter++);
  k.opening.sg = g0;
  return p;
}

}  // namespace mina::pickles
