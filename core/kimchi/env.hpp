// What kimchi's expression evaluator needs besides the proof's evaluations: the challenges
// (kimchi/src/circuits/berkeley_columns.rs BerkeleyChallenges), the constants
// (kimchi/src/circuits/expr.rs Constants: endo_coefficient, mds, zk_rows) and the domain-derived
// values the verifier computes at ζ (verifier.rs `oracles`; Pickles plonk_checks.ml
// `scalars_env`, OpenMina public_input/plonk_checks.rs `ScalarsEnv`).
//
// Templated on the circuit's scalar field: Fq for the wrap circuit (kimchi proofs committed on
// Pallas), Fp for the step circuit (committed on Vesta).
#pragma once

#include <array>
#include <cstdint>

#include "base/error.hpp"
#include "kimchi/poseidon_params.hpp"

namespace mina::kimchi {

// kimchi/src/circuits/wires.rs: COLUMNS and PERMUTS.
inline constexpr size_t kColumns = 15;
inline constexpr size_t kPermuts = 7;

// BerkeleyChallenges. alpha and joint_combiner are the endo-expanded field values
// (ScalarChallenge::to_field), beta and gamma the plain 128-bit challenges as field elements.
// joint_combiner is only read by the lookup constraints; pass zero when the circuit has none
// (kimchi does; Pickles passes one — neither value is read then).
template <class F>
struct ConstraintChallenges {
  F alpha;
  F beta;
  F gamma;
  F joint_combiner;
};

// kimchi/src/circuits/polynomials/permutation.rs `Shifts::new`: shift[0] = 1, then for idx 1..6
// sample(i) with a counter starting at 7: Blake2b-512 of the counter's 4 big-endian bytes (the
// counter is incremented before each hash), the first 31 bytes read little-endian as a field
// element (ark `from_random_bytes` of 31 bytes: 248 bits, always below the modulus), resampled
// until it is a quadratic non-residue and not on the domain, and until it differs from the
// shifts already chosen. A non-residue is never a 2^k-th root of unity, so the result does not
// depend on the domain; computed once per field.
template <class F>
const std::array<F, kPermuts>& permutation_shifts();

// The endomorphism coefficient of the curve the circuit does arithmetic on, i.e. the curve whose
// base field is the circuit field (verifier_index.endo; OpenMina `endos::<F>().0`):
// Fp circuits -> Pallas endo_q, Fq circuits -> Vesta endo_q.
template <class F>
const F& circuit_endo_coefficient();
template <>
const Fp& circuit_endo_coefficient<Fp>();
template <>
const Fq& circuit_endo_coefficient<Fq>();

// (x − ω^{n−i})(x − ω^{n−i+1})…(x − ω^{n−1}); 1 for i = 0 (permutation.rs
// `eval_vanishes_on_last_n_rows`).
template <class F>
F eval_vanishes_on_last_n_rows(const F& omega, uint64_t n, uint64_t i, const F& x);

// (x − ω^{n−zk_rows})(x − ω^{n−zk_rows+1})(x − ω^{n−1}) (permutation.rs
// `eval_permutation_vanishing_polynomial`; Pickles' `zk_polynomial` for zk_rows = 3).
template <class F>
F eval_permutation_vanishing_polynomial(const F& omega, uint64_t n, uint64_t zk_rows, const F& x);

// kimchi expr.rs RowOffset: a row counted from the start, or (zk_rows = true) from the first
// zero-knowledge row, i.e. offset − zk_rows.
struct RowOffset {
  bool zk_rows = false;
  int32_t offset = 0;
};

template <class F>
struct EvaluationEnv {
  F zeta;
  F omega;              // domain generator
  uint64_t n = 0;       // domain size
  uint32_t domain_log2 = 0;
  uint64_t zk_rows = 3;
  std::array<F, kPermuts> shifts;
  F endo_coefficient;
  Mds<F> mds;

  // Derived once from the above (create() fills them).
  F zeta_omega;                                   // ζω
  F zeta_to_n_minus_1;                            // ζ^n − 1 (`zeta1m1`)
  F omega_to_minus_zk_rows;                       // ω^{n−zk_rows} (verifier index `w()`)
  F zkp;                                          // eval_permutation_vanishing_polynomial(ζ)
  F vanishes_on_zero_knowledge_and_previous_rows; // eval_vanishes_on_last_n_rows(zk_rows + 1, ζ)

  // Rejects a domain beyond the field's 2-adicity, zk_rows outside [1, n), and a ζ on which the
  // verifier would divide by zero (ζ a domain element: kimchi `expect("negligible probability")`).
  static Result<EvaluationEnv> create(uint32_t domain_log2, const F& zeta, uint64_t zk_rows = 3);

  // expr.rs `unnormalized_lagrange_basis`: (ζ^n − 1) / (ζ − ω^i), i resolved from the RowOffset
  // as kimchi's PolishToken evaluation does. ζ is off the domain (create() checked), so the
  // denominator is nonzero.
  F unnormalized_lagrange_basis(RowOffset row) const;

  // ω^i for a possibly negative i.
  F omega_pow(int64_t i) const;
};

}  // namespace mina::kimchi
