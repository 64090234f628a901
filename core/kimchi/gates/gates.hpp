// The constraints of each kimchi gate, evaluated on one row pair.
//
// Each function is kimchi's `Argument::constraint_checks` for one gate
// (kimchi/src/circuits/polynomials/<gate>.rs), written over field values instead of expressions,
// returning the constraints in kimchi's order: the i-th entry is multiplied by α^i. The verifier
// feeds them the proof's evaluations (Curr = at ζ, Next = at ζω), which is exactly what kimchi's
// expression evaluator does once every column is an evaluated one (linearization.rs
// `linearization_columns`); the tests feed them witness rows.
//
// Defined for F = Fp and F = Fq (explicitly instantiated in each gate's .cpp).
#pragma once

#include <array>
#include <cstddef>

#include "kimchi/env.hpp"

namespace mina::kimchi {

// kimchi/src/circuits/argument.rs ArgumentEnv, restricted to what the gates read.
template <class F>
struct GateEnv {
  std::array<F, kColumns> witness_curr;  // w_i(ζ)
  std::array<F, kColumns> witness_next;  // w_i(ζω)
  std::array<F, kColumns> coefficients;  // c_i(ζ) (gates only read coefficients on Curr)
  F endo_coefficient;
  Mds<F> mds;

  const F& w(size_t i) const { return witness_curr[i]; }
  const F& w_next(size_t i) const { return witness_next[i]; }
  const F& coeff(size_t i) const { return coefficients[i]; }
};

// Number of constraints, each gate's `Argument::CONSTRAINTS`.
inline constexpr size_t kGenericConstraints = 2;
inline constexpr size_t kPoseidonConstraints = 15;
inline constexpr size_t kCompleteAddConstraints = 7;
inline constexpr size_t kVarbaseMulConstraints = 21;
inline constexpr size_t kEndoMulConstraints = 11;  // deployed kimchi, see endomul.cpp
inline constexpr size_t kEndoMulScalarConstraints = 11;
inline constexpr size_t kRangeCheck0Constraints = 10;
inline constexpr size_t kRangeCheck1Constraints = 21;
inline constexpr size_t kForeignFieldAddConstraints = 4;
inline constexpr size_t kForeignFieldMulConstraints = 11;
inline constexpr size_t kXor16Constraints = 3;
inline constexpr size_t kRot64Constraints = 11;

template <class F> std::array<F, kGenericConstraints> generic_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kPoseidonConstraints> poseidon_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kCompleteAddConstraints> complete_add_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kVarbaseMulConstraints> varbasemul_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kEndoMulConstraints> endomul_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kEndoMulScalarConstraints> endomul_scalar_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kRangeCheck0Constraints> range_check0_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kRangeCheck1Constraints> range_check1_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kForeignFieldAddConstraints> foreign_field_add_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kForeignFieldMulConstraints> foreign_field_mul_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kXor16Constraints> xor16_constraints(const GateEnv<F>& e);
template <class F> std::array<F, kRot64Constraints> rot64_constraints(const GateEnv<F>& e);

// Σ_i α^i · c_i (expr.rs `Expr::combine_constraints` with the gate range starting at α^0).
// alpha_pows must hold at least N powers.
template <class F, size_t N>
F combine_constraints(const std::array<F, N>& c, const F* alpha_pows) {
  F acc = F::zero();
  for (size_t i = 0; i < N; ++i) acc += alpha_pows[i] * c[i];
  return acc;
}

// Small helpers shared by the gates (kimchi expr.rs `constraints::{boolean, crumb}`,
// foreign_field_common.rs limb constants).
namespace gate_util {
template <class F>
F boolean(const F& b) { return b.square() - b; }
template <class F>
F crumb(const F& x) {
  return x * (x - F::one()) * (x - F::from_u64(2)) * (x - F::from_u64(3));
}
// 2^k in the field; k may exceed the field size (two_to_3limb = 2^264 is reduced mod p).
template <class F>
F two_pow(unsigned k) {
  return F::from_u64(2).pow(U256{k});
}
inline constexpr unsigned kLimbBits = 88;  // foreign_field_common.rs LIMB_BITS
}  // namespace gate_util

}  // namespace mina::kimchi
