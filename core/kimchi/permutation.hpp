// The permutation argument's share of the verifier (kimchi/src/circuits/polynomials/
// permutation.rs, verifier.rs `oracles` and `to_batch`; Pickles plonk_checks.ml `ft_eval0` and
// `derive_plonk`). Unlike the gates, kimchi writes it by hand rather than through the expression
// framework, and it uses α^21, α^22, α^23.
//
// With zkp = (ζ − ω^{n−zk})(ζ − ω^{n−zk+1})(ζ − ω^{n−1}) (`permutation_vanishing_polynomial`):
//
//   perm_scalars = −z(ζω)·β·α^21·zkp·Π_{i<6}(γ + β·σ_i(ζ) + w_i(ζ))
//       the scalar of σ_6's commitment in the linearization (f_comm); σ_6 is not evaluated.
//
//   permutation part of ft_eval0 =
//       (w_6(ζ) + γ)·z(ζω)·α^21·zkp·Π_{i<6}(β·σ_i(ζ) + w_i(ζ) + γ)
//     − α^21·zkp·z(ζ)·Π_{i<7}(γ + β·ζ·shift_i + w_i(ζ))
//     + (ζ^n − 1)·(α^22·(ζ − ω^{n−zk}) + α^23·(ζ − 1))·(1 − z(ζ)) / ((ζ − ω^{n−zk})(ζ − 1))
//   the last line being the boundary constraints z(1) = 1 (α^22) and z(ω^{n−zk}) = 1 (α^23).
#pragma once

#include <array>

#include "kimchi/alphas.hpp"
#include "kimchi/env.hpp"

namespace mina::kimchi {

// The cells the permutation reads (all at ζ except z_next = z(ζω)).
template <class F>
struct PermutationCells {
  std::array<F, kPermuts> w;          // w_0..w_6 at ζ
  std::array<F, kPermuts - 1> sigma;  // σ_0..σ_5 at ζ
  F z, z_next;
};

template <class F>
F perm_scalars(const PermutationCells<F>& c, const F& beta, const F& gamma, const F& alpha_pow21, const F& zkp);

// ft_eval0's permutation and boundary terms (everything but the public input and the
// linearization constant term). alpha_pows must hold α^0..α^23 at least.
template <class F>
F permutation_ft_eval0(const PermutationCells<F>& c, const ConstraintChallenges<F>& chal, const F* alpha_pows,
                       const EvaluationEnv<F>& env);

}  // namespace mina::kimchi
