// Multi-scalar multiplication against fixed bases (the SRS): build once, reuse for every MSM
// over the same points.
//
// Each scalar is split by GLV into two halves below 2^127 (glv.hpp), and each half into D signed
// c-bit digits. The table holds `copies` shifted copies of the bases, copy t being
// [2^(t*c*R)] P_i for R = ceil(D / copies), each with its endomorphism image phi(.). Digit slot
// t*R + r of a half then goes to copy t, and all copies share one bucket set per r: an MSM costs
// R bucket passes (R bucket sums and (R-1)*c doublings) instead of D, for the same number of
// batched affine additions (2 * n * D). copies = D collapses everything into one pass.
//
// Memory: 2 * copies * n affine points (x and y only), i.e. 2 * copies * n * 64 bytes natively
// and 72 bytes under WASM (u29x9 limbs); memory_bytes() reports it. Building costs
// (copies - 1) * c * R doublings per point.
//
// msm() with fewer scalars than points uses the leading points (an SRS prefix). Scalars whose
// GLV halves exceed 127 bits (possible only when a rounding lands within 2^-65 of a half-integer)
// and inputs too small for batching go through plain msm() on the stored bases.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "curve/group.hpp"
#include "curve/msm_buckets.hpp"

namespace mina {

template <class C>
class MsmPrecomputed {
 public:
  using Scalar = typename C::Scalar;
  using Base = typename C::Base;

  // copies >= 1; window bits chosen from points.size() unless window_bits is given (2..20).
  explicit MsmPrecomputed(std::span<const Affine<C>> points, unsigned copies = 4, unsigned window_bits = 0);

  // sum_i [s_i] P_i over i < min(scalars.size(), size()).
  Projective<C> msm(std::span<const Scalar> scalars) const;

  size_t size() const { return n_; }
  unsigned window_bits() const { return c_; }
  unsigned copies() const { return copies_; }
  unsigned passes() const { return passes_; }
  size_t memory_bytes() const;

 private:
  using XY = msm_detail::XY<C>;
  const XY* copy(unsigned t, unsigned half) const { return table_.data() + (size_t(t) * 2 + half) * n_; }

  size_t n_ = 0;
  unsigned c_ = 0, digits_ = 0, copies_ = 0, passes_ = 0;
  std::vector<Affine<C>> points_;  // the bases as given (fallback path)
  std::vector<XY> table_;          // [copy][half][i]
};

extern template class MsmPrecomputed<PallasParams>;
extern template class MsmPrecomputed<VestaParams>;

}  // namespace mina
