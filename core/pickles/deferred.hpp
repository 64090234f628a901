// Recomputing the deferred values of the step proof a wrap proof wraps, out of circuit, over Fp
// (the step/"tick" field). Pickles verify.ml `verify_heterogenous` (first half) and OpenMina
// ledger/src/proofs/step.rs `expand_deferred` + verification.rs `compute_deferred_values`.
//
// The wrap statement carries the step proof's Fiat–Shamir challenges in their 128-bit form
// (plonk.{alpha, beta, gamma, zeta, joint_combiner}, bulletproof_challenges) plus the step
// sponge's digest; together with prev_evals (the step proof's evaluations) and the previous
// proofs' IPA challenges (messages_for_next_step_proof) that determines every other deferred
// value. The wrap circuit only checked the group side; these field values enter its public input
// (public_input.hpp), so a wrong recomputation makes the kimchi verification fail.
//
// Steps (numbers match the comments in deferred.cpp):
//   1. zeta, alpha (and joint_combiner) endo-expanded with the Fp endo; beta, gamma plain.
//   2. step domain 2^branch_data.domain_log2, ζω.
//   3. evals_of_split_evals: chunks combined with powers of ζ^(2^16) (Tick rounds).
//   4. scalars env (kimchi EvaluationEnv, zk_rows = 3).
//   5. derive_plonk: ζ^n, ζ^(2^16), perm — Shifted_value.Type1.
//   6. xi/r sponge: digest_before_evaluations, challenges digest, ft_eval1, public evals, evals.
//   7. combined_inner_product (ft_eval0 from kimchi's constraint expression).
//   8. b = b(ζ) + r·b(ζω) for the step proof's own bulletproof challenges.
//   9. pack: Type1-shifted values, raw xi, raw bulletproof prechallenges.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "base/error.hpp"
#include "field/pasta.hpp"
#include "pickles/proof.hpp"

namespace mina::pickles {

// Common.Max_degree.step_log2: the step SRS has 2^16 points (Tick rounds).
inline constexpr unsigned kStepSrsLog2 = 16;
// Tick.Rounds.n, BACKEND_TICK_ROUNDS_N: also the largest step domain run_checks allows.
inline constexpr unsigned kTickRounds = 16;
// Pickles uses 3 zero-knowledge rows for every circuit.
inline constexpr uint64_t kZkRows = 3;

// Shifted_value.Type1 over Fp (pickles_types/shifted_value.ml; Shifts.tick1): the shifted
// representation s of x with x = 2s + 2^255 + 1, i.e. s = (x − (2^255 + 1)) / 2.
Fp shift_type1(const Fp& x);
Fp unshift_type1(const Fp& s);

// Deferred_values.Plonk.In_circuit as verify.ml rebuilds it for the public input.
struct PlonkInCircuit {
  ScalarChallenge alpha;  // as in the statement (raw 128-bit)
  ScalarChallenge beta;
  ScalarChallenge gamma;
  ScalarChallenge zeta;
  Fp zeta_to_srs_length;   // Type1-shifted
  Fp zeta_to_domain_size;  // Type1-shifted
  Fp perm;                 // Type1-shifted
  FeatureFlags feature_flags;
  std::optional<ScalarChallenge> joint_combiner;  // the statement's, present iff it has one
};

// The values as field elements (unshifted), for diagnostics and cross-checks.
struct DeferredActuals {
  Fp alpha, beta, gamma, zeta, zetaw;
  std::optional<Fp> joint_combiner;
  Fp zeta_to_srs_length, zeta_to_domain_size, perm;
  Fp xi, r;
  Fp ft_eval0;
  Fp combined_inner_product;
  Fp b;
  std::array<Fp, 16> bulletproof_challenges;  // endo-expanded
};

// OpenMina prepared_statement.rs DeferredValues<Fp>.
struct ExpandedDeferredValues {
  PlonkInCircuit plonk;
  Fp combined_inner_product;  // Type1-shifted
  Fp b;                       // Type1-shifted
  ScalarChallenge xi;         // raw 128-bit (squeezed limbs)
  std::array<Fp, 16> bulletproof_challenges;  // raw prechallenges as integers (not expanded)
  BranchData branch_data;
  DeferredActuals actual;
};

struct ExpandDeferredParams {
  const PrevEvals& evals;
  // messages_for_next_step_proof.old_bulletproof_challenges: the previous (wrap) proofs' IPA
  // challenges as the step proof saw them, 0..2 vectors of 16 prechallenges.
  std::span<const StepChallenges> old_bulletproof_challenges;
  const ProofState& proof_state;
  uint64_t zk_rows = kZkRows;
};

// Typed errors (never a crash) for inputs the computation cannot run on: a step domain beyond
// Fp's 2-adicity or too small for zk_rows, ζ on the domain, a digest not below p, evaluations the
// flags need but absent (kimchi check_evaluations). Shape rules stricter than that are
// run_checks' job (run_checks.hpp).
Result<ExpandedDeferredValues> expand_deferred(const ExpandDeferredParams& params);
// verification.rs compute_deferred_values: the same on a wrap proof's statement and prev_evals.
Result<ExpandedDeferredValues> expand_deferred(const WrapProof& proof);

// Plonk_types.Evals.to_absorption_sequence / to_list (the order of the xi sponge and of the
// combined inner product; they differ in where the lookup aggregation/table columns go).
std::vector<const PointEvaluations<Fp>*> evals_absorption_sequence(const ProofEvaluations<Fp>& e);
std::vector<const PointEvaluations<Fp>*> evals_to_list(const ProofEvaluations<Fp>& e);

// plonk_checks.ml evals_of_split_evals: every present column's chunks combined as
// Σ_i c_i·pt^(i·2^rounds) (0 for no chunk), giving single-chunk evaluations.
ProofEvaluations<Fp> evals_of_split_evals(const Fp& zeta, const Fp& zetaw, const ProofEvaluations<Fp>& es,
                                          unsigned rounds = kTickRounds);

// ---- the step accumulator (verify.ml `Ipa.Step.accumulator_check` inputs) ----
// comm = statement.proof_state.messages_for_next_wrap_proof.challenge_polynomial_commitment (the
// step proof's sg, a Vesta point), chals = Ipa.Step.compute_challenges(deferred_values
// .bulletproof_challenges). The check itself (sg = ⟨b_poly_coefficients(chals), G⟩ on the
// 2^16-point Vesta SRS) is commitment/ipa.hpp `accumulator_check`.
struct StepAccumulatorInput {
  VestaAffine sg;
  std::array<Fp, 16> chals;
};
StepAccumulatorInput step_accumulator_input(const WrapProof& proof);

}  // namespace mina::pickles
