#include "pickles/deferred.hpp"

#include <string>

#include "commitment/b_poly.hpp"
#include "commitment/sponges.hpp"
#include "hash/poseidon.hpp"
#include "kimchi/alphas.hpp"
#include "kimchi/constraints.hpp"
#include "kimchi/env.hpp"
#include "pickles/dummy.hpp"
#include "pickles/messages.hpp"

namespace mina::pickles {
namespace {

using E = PointEvaluations<Fp>;

// Shifts.tick1: c = 2^255 + 1, scale = 1/2.
const Fp& type1_c() {
  static const Fp c = Fp::from_u64(2).pow(U256{255}) + Fp::one();
  return c;
}
const Fp& inv_two() {
  static const Fp v = *Fp::from_u64(2).inverse();
  return v;
}

// Challenge.Constant.to_tick_field: the 128-bit integer lo + 2^64 hi.
Fp challenge_to_field(const ScalarChallenge& c) { return c.inner<Fp>(); }

// plonk_checks.ml actual_evaluation: Σ_i e_i·pt_n^i with pt_n = pt^(2^rounds); 0 for no chunk.
Fp actual_evaluation(const Fp& pt, const std::vector<Fp>& e, unsigned rounds) {
  if (e.empty()) return Fp::zero();
  Fp pt_n = pt;
  for (unsigned i = 0; i < rounds; ++i) pt_n = pt_n.square();
  Fp acc = e.back();
  for (size_t i = e.size() - 1; i-- > 0;) acc = e[i] + pt_n * acc;
  return acc;
}

// Horner in xi over the list, first element the constant term (wrap.rs `combine`:
// rev().reduce(|acc, fx| fx + xi * acc)).
Fp horner(const std::vector<Fp>& xs, const Fp& xi) {
  Fp acc = Fp::zero();
  for (size_t i = xs.size(); i-- > 0;) acc = xs[i] + xi * acc;
  return acc;
}

template <class Fn>
void for_each_column(ProofEvaluations<Fp>& e, Fn&& fn) {
  for (auto& x : e.w) fn(x);
  for (auto& x : e.coefficients) fn(x);
  fn(e.z);
  for (auto& x : e.s) fn(x);
  fn(e.generic_selector);
  fn(e.poseidon_selector);
  fn(e.complete_add_selector);
  fn(e.mul_selector);
  fn(e.emul_selector);
  fn(e.endomul_scalar_selector);
  auto opt = [&](std::optional<E>& o) {
    if (o) fn(*o);
  };
  opt(e.range_check0_selector);
  opt(e.range_check1_selector);
  opt(e.foreign_field_add_selector);
  opt(e.foreign_field_mul_selector);
  opt(e.xor_selector);
  opt(e.rot_selector);
  opt(e.lookup_aggregation);
  opt(e.lookup_table);
  for (auto& x : e.lookup_sorted) opt(x);
  opt(e.runtime_lookup_table);
  opt(e.runtime_lookup_table_selector);
  opt(e.xor_lookup_selector);
  opt(e.lookup_gate_lookup_selector);
  opt(e.range_check_lookup_selector);
  opt(e.foreign_field_mul_lookup_selector);
}

void push_opt(std::vector<const E*>& out, const std::optional<E>& o) {
  if (o) out.push_back(&*o);
}

void push_always_present(std::vector<const E*>& out, const ProofEvaluations<Fp>& e) {
  out.push_back(&e.z);
  out.push_back(&e.generic_selector);
  out.push_back(&e.poseidon_selector);
  out.push_back(&e.complete_add_selector);
  out.push_back(&e.mul_selector);
  out.push_back(&e.emul_selector);
  out.push_back(&e.endomul_scalar_selector);
  for (const auto& x : e.w) out.push_back(&x);
  for (const auto& x : e.coefficients) out.push_back(&x);
  for (const auto& x : e.s) out.push_back(&x);
}

}  // namespace

Fp shift_type1(const Fp& x) { return (x - type1_c()) * inv_two(); }
Fp unshift_type1(const Fp& s) { return s + s + type1_c(); }

std::vector<const E*> evals_absorption_sequence(const ProofEvaluations<Fp>& e) {
  std::vector<const E*> out;
  push_always_present(out, e);
  push_opt(out, e.range_check0_selector);
  push_opt(out, e.range_check1_selector);
  push_opt(out, e.foreign_field_add_selector);
  push_opt(out, e.foreign_field_mul_selector);
  push_opt(out, e.xor_selector);
  push_opt(out, e.rot_selector);
  push_opt(out, e.lookup_aggregation);
  push_opt(out, e.lookup_table);
  for (const auto& x : e.lookup_sorted) push_opt(out, x);
  push_opt(out, e.runtime_lookup_table);
  push_opt(out, e.runtime_lookup_table_selector);
  push_opt(out, e.xor_lookup_selector);
  push_opt(out, e.lookup_gate_lookup_selector);
  push_opt(out, e.range_check_lookup_selector);
  push_opt(out, e.foreign_field_mul_lookup_selector);
  return out;
}

std::vector<const E*> evals_to_list(const ProofEvaluations<Fp>& e) {
  std::vector<const E*> out;
  push_always_present(out, e);
  push_opt(out, e.range_check0_selector);
  push_opt(out, e.range_check1_selector);
  push_opt(out, e.foreign_field_add_selector);
  push_opt(out, e.foreign_field_mul_selector);
  push_opt(out, e.xor_selector);
  push_opt(out, e.rot_selector);
  for (const auto& x : e.lookup_sorted) push_opt(out, x);
  push_opt(out, e.lookup_aggregation);
  push_opt(out, e.lookup_table);
  push_opt(out, e.runtime_lookup_table);
  push_opt(out, e.runtime_lookup_table_selector);
  push_opt(out, e.xor_lookup_selector);
  push_opt(out, e.lookup_gate_lookup_selector);
  push_opt(out, e.range_check_lookup_selector);
  push_opt(out, e.foreign_field_mul_lookup_selector);
  return out;
}

ProofEvaluations<Fp> evals_of_split_evals(const Fp& zeta, const Fp& zetaw, const ProofEvaluations<Fp>& es,
                                          unsigned rounds) {
  ProofEvaluations<Fp> out = es;
  for_each_column(out, [&](E& col) {
    Fp a = actual_evaluation(zeta, col.zeta, rounds);
    Fp b = actual_evaluation(zetaw, col.zeta_omega, rounds);
    col.zeta.assign(1, a);
    col.zeta_omega.assign(1, b);
  });
  return out;
}

Result<ExpandedDeferredValues> expand_deferred(const ExpandDeferredParams& params) {
  const PrevEvals& evals = params.evals;
  const ProofState& proof_state = params.proof_state;
  const DeferredValues& dv = proof_state.deferred_values;
  const Plonk& plonk0 = dv.plonk;
  DeferredActuals act;

  // 1. Challenges: zeta, alpha (and joint_combiner) are scalar challenges, endo-expanded with the
  //    Fp endo (SC.to_field_constant ~endo:Endo.Wrap_inner_curve.scalar); beta, gamma plain.
  act.zeta = step_challenge_to_field(plonk0.zeta);
  act.alpha = step_challenge_to_field(plonk0.alpha);
  act.beta = challenge_to_field(plonk0.beta);
  act.gamma = challenge_to_field(plonk0.gamma);
  if (plonk0.joint_combiner) act.joint_combiner = step_challenge_to_field(*plonk0.joint_combiner);

  // 2. Step domain (Branch_data.domain) and ζω.
  const uint32_t domain_log2 = dv.branch_data.domain_log2;
  MINA_TRY(env, kimchi::EvaluationEnv<Fp>::create(domain_log2, act.zeta, params.zk_rows));
  act.zetaw = env.zeta_omega;

  // 3. evals_of_split_evals with Tick rounds.
  const ProofEvaluations<Fp> combined = evals_of_split_evals(act.zeta, act.zetaw, evals.evals, kTickRounds);

  // 4. scalars_env: EvaluationEnv above (ζ^n − 1, zk polynomial, shifts, ω^{n−zk_rows}).
  const kimchi::ConstraintChallenges<Fp> chal{act.alpha, act.beta, act.gamma,
                                              act.joint_combiner ? *act.joint_combiner : Fp::zero()};

  // 5. derive_plonk.
  //    perm = −(z(ζω)·β·α^PERM_ALPHA0·zkp · Π_{i<6} (γ + β·s_i(ζ) + w_i(ζ)))
  {
    const Fp alpha21 = kimchi::powers_of_alpha(act.alpha, kimchi::kPermutationAlpha0 + 1)[kimchi::kPermutationAlpha0];
    Fp perm = combined.z.zeta_omega[0] * act.beta * alpha21 * env.zkp;
    for (size_t i = 0; i < combined.s.size(); ++i)
      perm = perm * (act.gamma + act.beta * combined.s[i].zeta[0] + combined.w[i].zeta[0]);
    act.perm = -perm;
  }
  act.zeta_to_domain_size = env.zeta_to_n_minus_1 + Fp::one();
  {
    Fp z = act.zeta;
    for (unsigned i = 0; i < kStepSrsLog2; ++i) z = z.square();
    act.zeta_to_srs_length = z;
  }

  // 6. xi and r: a Tick-field sponge (Tick_field_sponge.Bits, OpenMina poseidon::FqSponge).
  std::vector<std::array<Fp, 16>> old_chals;
  old_chals.reserve(params.old_bulletproof_challenges.size());
  for (const auto& v : params.old_bulletproof_challenges) old_chals.push_back(compute_step_challenges(v));
  MINA_TRY(digest_before, digest_to_field<Fp>(proof_state.sponge_digest_before_evaluations));
  FrSponge<Fp> sponge;
  sponge.absorb(digest_before);
  //    6a. challenges_digest: a fresh sponge over every old challenge (expanded), squeezed once.
  {
    poseidon::Sponge<Fp> s(poseidon::kKimchi);
    for (const auto& v : old_chals) s.absorb(std::span<const Fp>(v));
    sponge.absorb(s.squeeze());
  }
  //    6b. ft_eval1, public input evals x1 (ζ) then x2 (ζω), then each column's ζ chunks and ζω
  //        chunks in to_absorption_sequence order.
  sponge.absorb(evals.ft_eval1);
  sponge.absorb(evals.public_input.zeta);
  sponge.absorb(evals.public_input.zeta_omega);
  for (const E* col : evals_absorption_sequence(evals.evals)) {
    sponge.absorb_multiple(col->zeta);
    sponge.absorb_multiple(col->zeta_omega);
  }
  const ScalarChallenge xi_chal = sponge.challenge();
  const ScalarChallenge r_chal = sponge.challenge();
  act.xi = step_challenge_to_field(xi_chal);
  act.r = step_challenge_to_field(r_chal);

  // 7. combined_inner_product (wrap.ml combined_inner_product):
  //    ft_eval0 from the combined evaluations and kimchi's constraint expression, then
  //    combine(pt) = Horner_xi([b_i(pt) for old challenges] ++ public(pt) ++ [ft(pt)] ++ to_list(evals)(pt))
  //    cip = combine(ζ) + r·combine(ζω).
  MINA_TRY(ft0, kimchi::ft_eval0<Fp>(combined, chal, env, plonk0.feature_flags, evals.public_input.zeta));
  act.ft_eval0 = ft0;
  {
    const auto list = evals_to_list(evals.evals);
    auto combine = [&](bool at_zeta, const Fp& ft, const Fp& pt) {
      std::vector<Fp> xs;
      xs.reserve(old_chals.size() + 2 + list.size());
      for (const auto& c : old_chals) xs.push_back(b_poly<Fp>(c, pt));
      xs.push_back(at_zeta ? evals.public_input.zeta : evals.public_input.zeta_omega);
      xs.push_back(ft);
      for (const E* col : list) {
        const auto& v = at_zeta ? col->zeta : col->zeta_omega;
        xs.insert(xs.end(), v.begin(), v.end());
      }
      return horner(xs, act.xi);
    };
    act.combined_inner_product = combine(true, act.ft_eval0, act.zeta) + act.r * combine(false, evals.ft_eval1, act.zetaw);
  }

  // 8. b = challenge_poly(ζ) + r·challenge_poly(ζω) for the step proof's own IPA challenges.
  for (size_t i = 0; i < 16; ++i) act.bulletproof_challenges[i] = step_challenge_to_field(dv.bulletproof_challenges[i].prechallenge);
  act.b = b_poly<Fp>(act.bulletproof_challenges, act.zeta) + act.r * b_poly<Fp>(act.bulletproof_challenges, act.zetaw);

  // 9. Pack as the statement carries them: Type1-shifted Fp values, raw 128-bit challenges, and
  //    (verification.rs compute_deferred_values) the raw bulletproof prechallenges.
  ExpandedDeferredValues out;
  out.plonk.alpha = plonk0.alpha;
  out.plonk.beta = plonk0.beta;
  out.plonk.gamma = plonk0.gamma;
  out.plonk.zeta = plonk0.zeta;
  out.plonk.zeta_to_srs_length = shift_type1(act.zeta_to_srs_length);
  out.plonk.zeta_to_domain_size = shift_type1(act.zeta_to_domain_size);
  out.plonk.perm = shift_type1(act.perm);
  out.plonk.feature_flags = plonk0.feature_flags;
  out.plonk.joint_combiner = plonk0.joint_combiner;
  out.combined_inner_product = shift_type1(act.combined_inner_product);
  out.b = shift_type1(act.b);
  out.xi = xi_chal;
  for (size_t i = 0; i < 16; ++i) out.bulletproof_challenges[i] = challenge_to_field(dv.bulletproof_challenges[i].prechallenge);
  out.branch_data = dv.branch_data;
  out.actual = act;
  return out;
}

Result<ExpandedDeferredValues> expand_deferred(const WrapProof& proof) {
  return expand_deferred(ExpandDeferredParams{
      proof.prev_evals,
      std::span<const StepChallenges>(proof.statement.messages_for_next_step_proof.old_bulletproof_challenges),
      proof.statement.proof_state, kZkRows});
}

StepAccumulatorInput step_accumulator_input(const WrapProof& proof) {
  const auto& ps = proof.statement.proof_state;
  return StepAccumulatorInput{ps.messages_for_next_wrap_proof.challenge_polynomial_commitment,
                              compute_step_challenges(ps.deferred_values.bulletproof_challenges)};
}

}  // namespace mina::pickles
