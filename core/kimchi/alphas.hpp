// Which powers of α each argument uses: kimchi/src/linearization.rs `constraints_expr` registers
// them with kimchi/src/alphas.rs `Alphas` in this order.
//
//   gates        α^0 … α^20   one shared range (gates are mutually exclusive on a row, so every
//                             gate starts at α^0); its length is VarbaseMul::CONSTRAINTS = 21,
//                             the largest gate. The generic gate must sit at α^0 because the
//                             public input polynomial is added to its first constraint.
//   permutation  α^21 α^22 α^23   (permutation::CONSTRAINTS = 3; Pickles `perm_alpha0 = 21`)
//   lookup       α^24 … α^31  when the circuit has lookups (8 constraints in the feature-flag
//                             form Pickles evaluates; see lookup.hpp)
#pragma once

#include <cstddef>
#include <vector>

namespace mina::kimchi {

inline constexpr size_t kGateAlphaCount = 21;          // VarbaseMul::<F>::CONSTRAINTS
inline constexpr size_t kPermutationAlpha0 = kGateAlphaCount;
inline constexpr size_t kPermutationConstraints = 3;   // permutation::CONSTRAINTS
inline constexpr size_t kLookupAlpha0 = kPermutationAlpha0 + kPermutationConstraints;
inline constexpr size_t kLookupConstraints = 8;
inline constexpr size_t kAlphaPowers = kLookupAlpha0 + kLookupConstraints;

// [1, α, α², …, α^(count−1)] (Alphas::instantiate).
template <class F>
std::vector<F> powers_of_alpha(const F& alpha, size_t count = kAlphaPowers) {
  std::vector<F> out(count);
  F acc = F::one();
  for (size_t i = 0; i < count; ++i) {
    out[i] = acc;
    acc *= alpha;
  }
  return out;
}

}  // namespace mina::kimchi
