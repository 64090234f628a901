// The IPA challenge polynomial (Halo, eprint 2019/1021, §3.2) as proof-systems
// `poly-commitment/src/commitment.rs` defines it. With challenges chals = [u_1, …, u_k]:
//
//   b(X) = Π_{i=0}^{k−1} (1 + u_{i+1}·X^{2^{k−1−i}})
//
// i.e. the first challenge pairs with the highest power. After k folding rounds the IPA's
// evaluation vector collapses to b(x) and its generator vector to sg = ⟨s, G⟩ with
// s = b_poly_coefficients(chals); Pickles defers checking sg (the "accumulator").
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace mina {

// b(x) in O(k): square x up to x^{2^{k−1}} and multiply the k factors.
template <class F>
F b_poly(std::span<const F> chals, const F& x) {
  const size_t k = chals.size();
  std::vector<F> pow_twos(k);
  if (k) pow_twos[0] = x;
  for (size_t i = 1; i < k; ++i) pow_twos[i] = pow_twos[i - 1].square();
  F acc = F::one();
  for (size_t i = 0; i < k; ++i) acc *= F::one() + chals[i] * pow_twos[k - 1 - i];
  return acc;
}

// The 2^k coefficients s of b: s_i = Π_{j : bit j of i set} u_{k−j} (chals[k−1−j]). Built like
// upstream: s_i = s_{i − 2^{⌊log2 i⌋}} · chals[k−1−⌊log2 i⌋], one multiplication per entry.
// Precondition: k small enough to allocate 2^k elements (callers bound k by the SRS size).
template <class F>
std::vector<F> b_poly_coefficients(std::span<const F> chals) {
  const size_t rounds = chals.size();
  const size_t s_length = size_t(1) << rounds;
  std::vector<F> s(s_length, F::one());
  size_t k = 0, pow = 1;
  for (size_t i = 1; i < s_length; ++i) {
    if (i == pow) {
      ++k;
      pow <<= 1;
    }
    s[i] = s[i - (pow >> 1)] * chals[rounds - 1 - (k - 1)];
  }
  return s;
}

}  // namespace mina
