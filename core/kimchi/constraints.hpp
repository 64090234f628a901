// The kimchi constraint system evaluated at ζ: what the verifier computes from a proof's
// evaluations and the Fiat-Shamir challenges.
//
//   constant_term  the linearization's constant term (verifier.rs `PolishToken::evaluate(
//                  &index.linearization.constant_term, …)`; Pickles `Sc.constant_term env`).
//                  Every column kimchi's constraints read is an evaluated one
//                  (linearization.rs `linearization_columns`: witness, coefficients, z, all gate
//                  selectors, lookup columns and lookup selectors), so after linearization no
//                  index term is left (`expr_linearization` asserts it) and the constant term is
//                  the whole constraint expression evaluated at ζ / ζω:
//                    Σ_gates selector(ζ)·Σ_i α^i·c_i  +  Σ_{i<8} α^{24+i}·lookup_i
//                  (alphas.hpp has the α layout).
//   ft_eval0       verifier.rs `oracles` / plonk_checks.ml `ft_eval0`:
//                  permutation part − public_eval(ζ) − constant_term (permutation.hpp).
//   perm_scalars   the scalar of σ_6's commitment in f_comm.
//
// Both Pickles sides use these: the wrap proof (Fq, six basic gates, flags all off) and the step
// proof's deferred values (Fp, any flags). Evaluations must be single-chunk (the caller combines
// chunks with powers of ζ^max_poly_size first); the optional evaluations the flags need must be
// present. Violations are typed errors (kInvalidLength), never crashes.
#pragma once

#include <optional>

#include "base/error.hpp"
#include "kimchi/env.hpp"
#include "kimchi/gates/gates.hpp"
#include "kimchi/lookup.hpp"
#include "kimchi/permutation.hpp"
#include "pickles/proof.hpp"

namespace mina::kimchi {

// Checks that every evaluation constant_term/ft_eval0 will read has exactly one chunk at ζ and
// at ζω, and that the optional ones the flags require are present. Extra optional evaluations
// are not an error here (see validate_feature_flags).
template <class F>
std::optional<Error> check_evaluations(const pickles::ProofEvaluations<F>& evals, const pickles::FeatureFlags& flags);

// Pickles' stricter shape rule (OpenMina verification.rs `validate_feature_flags`, OCaml
// `Plonk_types.Evals.validate_feature_flags`): each optional evaluation is present iff its flag
// (or derived lookup flag) is on. Lookup columns: aggregation, table, sorted[0..3] iff any
// lookup pattern; sorted[4] iff a 4-lookups-per-row pattern; runtime table/selector iff
// runtime_tables; the pattern selectors iff their pattern.
template <class F>
std::optional<Error> validate_feature_flags(const pickles::ProofEvaluations<F>& evals,
                                            const pickles::FeatureFlags& flags);

template <class F>
Result<F> constant_term(const pickles::ProofEvaluations<F>& evals, const ConstraintChallenges<F>& chal,
                        const EvaluationEnv<F>& env, const pickles::FeatureFlags& flags);

// public_eval is the public input polynomial's evaluation at ζ as kimchi/Pickles carry it
// (kimchi's public polynomial is the *negated* −Σ x_i·L_i; chunks already combined).
template <class F>
Result<F> ft_eval0(const pickles::ProofEvaluations<F>& evals, const ConstraintChallenges<F>& chal,
                   const EvaluationEnv<F>& env, const pickles::FeatureFlags& flags, const F& public_eval);

template <class F>
Result<F> perm_scalars(const pickles::ProofEvaluations<F>& evals, const ConstraintChallenges<F>& chal,
                       const EvaluationEnv<F>& env);

// The pieces, for callers and tests that already hold single values.
template <class F>
GateEnv<F> gate_env(const pickles::ProofEvaluations<F>& evals, const EvaluationEnv<F>& env);  // after check_evaluations

// Selector values at ζ for every gate, in the order of constraints_expr.
template <class F>
struct GateSelectors {
  F poseidon, varbasemul, complete_add, endomul, endomul_scalar, generic;
  F range_check0, range_check1, foreign_field_add, foreign_field_mul, xor16, rot64;  // zero when off
};

// Σ_gates selector·Σ_i α^i·c_i (gates that the flags turn off are skipped).
template <class F>
F gates_constant_term(const GateEnv<F>& env, const GateSelectors<F>& sel, const F* alpha_pows,
                      const pickles::FeatureFlags& flags);

}  // namespace mina::kimchi
