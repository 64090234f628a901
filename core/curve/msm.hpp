// Multi-scalar multiplication sum_i [s_i] P_i: the verifier's dominant cost (IPA opening checks
// against up to 2^16 SRS points).
//
// Pippenger with signed c-bit windows (2^(c-1) buckets per window). From 256 terms on, each scalar
// is split by GLV (glv.hpp) into two halves below 2^127 over the points P_i and phi(P_i), which
// halves the number of windows, and each window's buckets are filled by batched affine additions
// (msm_buckets.hpp: counting sort by bucket, pairwise halving rounds sharing one inversion per
// round) and summed with batched additions too. Smaller inputs use Jacobian buckets, tiny ones
// double-and-add. For fixed bases (the SRS) see MsmPrecomputed (msm_precomputed.hpp), which
// trades a table of shifted copies for fewer bucket passes.
#pragma once

#include <span>

#include "curve/group.hpp"

namespace mina {

// Sizes must match (extra entries of the longer span are ignored). Zero scalars and points at
// infinity are allowed and contribute nothing.
template <class C>
Projective<C> msm(std::span<const Affine<C>> points, std::span<const typename C::Scalar> scalars);

// sum_i [s_i] P_i one scalar multiplication at a time: the test and benchmark reference.
template <class C>
Projective<C> msm_naive(std::span<const Affine<C>> points, std::span<const typename C::Scalar> scalars) {
  Projective<C> acc;
  size_t n = points.size() < scalars.size() ? points.size() : scalars.size();
  for (size_t i = 0; i < n; ++i) acc += points[i] * scalars[i];
  return acc;
}

// Non-template overloads so containers convert to spans without spelling the curve.
inline PallasProjective msm(std::span<const PallasAffine> p, std::span<const Fq> s) { return msm<PallasParams>(p, s); }
inline VestaProjective msm(std::span<const VestaAffine> p, std::span<const Fp> s) { return msm<VestaParams>(p, s); }

extern template PallasProjective msm<PallasParams>(std::span<const PallasAffine>, std::span<const Fq>);
extern template VestaProjective msm<VestaParams>(std::span<const VestaAffine>, std::span<const Fp>);

}  // namespace mina
