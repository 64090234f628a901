// Multi-scalar multiplication sum_i [s_i] P_i: the verifier's dominant cost (IPA opening checks
// against up to 2^16 SRS points).
//
// Pippenger with signed c-bit windows (2^(c-1) buckets per window). For large inputs each
// window's buckets are filled by batch-affine additions: points are sorted by bucket, and every
// bucket is halved by pairwise affine additions per round, with one Montgomery batch inversion
// shared by all additions of the round. Small inputs use Jacobian buckets, tiny ones
// double-and-add.
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
