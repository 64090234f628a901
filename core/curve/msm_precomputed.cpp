#include "curve/msm_precomputed.hpp"

#include <algorithm>
#include <cmath>

#include "curve/endo.hpp"
#include "curve/glv.hpp"
#include "curve/msm.hpp"

namespace mina {
namespace {

// GLV halves are below 2^127; signed digits need one more bit for the last carry.
constexpr unsigned kHalfBits = 127;
constexpr size_t kBatchMin = 256;

unsigned digit_count(unsigned c) { return (kHalfBits + 1 + c - 1) / c; }

// Field multiplications per MSM: ~6 per batched affine addition (2n per digit slot), ~12 per
// bucket for each pass's bucket sum, c doublings per pass.
unsigned choose_window(size_t n, unsigned copies) {
  if (msm_detail::force_window_bits) return msm_detail::force_window_bits;
  unsigned best = 2;
  double best_cost = 1e300;
  for (unsigned c = 2; c <= 20; ++c) {
    unsigned d = digit_count(c), r = (d + copies - 1) / copies;
    double b = double(uint64_t(1) << (c - 1));
    double cost = 6.0 * 2.0 * double(n) * d + double(r) * (12.0 * b + 60.0 * std::sqrt(b) + 7.0 * c);
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

}  // namespace

template <class C>
MsmPrecomputed<C>::MsmPrecomputed(std::span<const Affine<C>> points, unsigned copies, unsigned window_bits)
    : n_(points.size()), points_(points.begin(), points.end()) {
  copies_ = std::max(1u, copies);
  c_ = window_bits ? std::clamp(window_bits, 2u, 20u) : choose_window(n_, copies_);
  digits_ = digit_count(c_);
  copies_ = std::min(copies_, digits_);
  passes_ = (digits_ + copies_ - 1) / copies_;
  // A copy beyond the digits would stay unused.
  copies_ = (digits_ + passes_ - 1) / passes_;
  table_.resize(size_t(copies_) * 2 * n_);
  const auto& q = endo_q<C>();
  std::vector<Projective<C>> proj(n_);
  for (unsigned t = 0; t < copies_; ++t) {
    XY* base = table_.data() + size_t(t) * 2 * n_;
    if (t == 0) {
      for (size_t i = 0; i < n_; ++i) base[i] = XY{points[i].x, points[i].y};
    } else {
      const XY* prev = table_.data() + size_t(t - 1) * 2 * n_;
      for (size_t i = 0; i < n_; ++i) {
        proj[i] = points[i].infinity ? Projective<C>::identity()
                                     : Affine<C>::from_xy_unchecked(prev[i].x, prev[i].y).to_projective();
        for (unsigned k = 0; k < c_ * passes_; ++k) proj[i] = proj[i].dbl();
      }
      auto aff = batch_to_affine<C>(proj);
      for (size_t i = 0; i < n_; ++i) base[i] = XY{aff[i].x, aff[i].y};
    }
    for (size_t i = 0; i < n_; ++i) base[n_ + i] = XY{base[i].x * q, base[i].y};
  }
}

template <class C>
size_t MsmPrecomputed<C>::memory_bytes() const {
  return table_.size() * sizeof(XY) + points_.size() * sizeof(Affine<C>);
}

template <class C>
Projective<C> MsmPrecomputed<C>::msm(std::span<const Scalar> scalars) const {
  using namespace msm_detail;
  const size_t n = std::min(scalars.size(), n_);
  std::span<const Affine<C>> pts(points_.data(), n);
  if (n < kBatchMin) return mina::msm<C>(pts, scalars.first(n));
  // codes[slot][half][i]
  const size_t stride = 2 * n;
  std::vector<uint32_t> codes(size_t(digits_) * stride, 0);
  std::vector<int32_t> d(digits_);
  for (size_t i = 0; i < n; ++i) {
    if (points_[i].infinity || scalars[i].is_zero()) continue;
    GlvSplit s = glv_decompose<C>(scalars[i].to_int());
    if (s.k1.mag.bit_length() > kHalfBits || s.k2.mag.bit_length() > kHalfBits)
      return mina::msm<C>(pts, scalars.first(n));
    const GlvHalf* halves[2] = {&s.k1, &s.k2};
    for (unsigned h = 0; h < 2; ++h) {
      signed_digits(halves[h]->mag, c_, digits_, d.data());
      for (unsigned j = 0; j < digits_; ++j) codes[size_t(j) * stride + h * n + i] = digit_code(d[j], halves[h]->neg);
    }
  }
  BucketSet<C> set(size_t(1) << (c_ - 1));
  std::vector<Segment<C>> segs;
  Projective<C> acc;
  for (unsigned r = passes_; r-- > 0;) {
    for (unsigned i = 0; i < c_ && !acc.is_identity(); ++i) acc = acc.dbl();
    segs.clear();
    for (unsigned t = 0; t < copies_; ++t) {
      const unsigned slot = t * passes_ + r;
      if (slot >= digits_) continue;
      for (unsigned h = 0; h < 2; ++h)
        segs.push_back(Segment<C>{copy(t, h), codes.data() + size_t(slot) * stride + h * n, n});
    }
    set.reset();
    set.add(segs);
    acc += set.weighted_sum();
  }
  return acc;
}

template class MsmPrecomputed<PallasParams>;
template class MsmPrecomputed<VestaParams>;

}  // namespace mina
