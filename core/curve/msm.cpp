#include "curve/msm.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "curve/endo.hpp"
#include "curve/glv.hpp"
#include "curve/msm_buckets.hpp"

namespace mina {
namespace {

// Below this many (nonzero) terms the per-round batch inversions of the batch-affine path cost
// more than they save.
constexpr size_t kBatchAffineMin = 256;
// Each term alone: shared doublings buy nothing yet.
constexpr size_t kDoubleAndAddMax = 2;

// Jacobian buckets: window width minimising (windows) x (cost of filling buckets + cost of
// summing buckets), counted in field multiplications: a Jacobian mixed addition ~11, summing the
// 2^(c-1) buckets two additions (~27) per bucket.
unsigned jacobian_window_bits(size_t n, unsigned scalar_bits) {
  unsigned best = 1;
  double best_cost = 1e300;
  for (unsigned c = 1; c <= 20; ++c) {
    double windows = double((scalar_bits + 1 + c - 1) / c);
    double cost = windows * (11.0 * double(n) + 27.0 * double(uint64_t(1) << (c - 1)) + double(c) * 7.0);
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

// c bits of k starting at bit `offset` (c <= 32).
uint32_t window_value(const U256& k, unsigned offset, unsigned c) {
  unsigned word = offset / 64, shift = offset % 64;
  if (word >= 4) return 0;
  uint64_t v = k.w[word] >> shift;
  if (shift != 0 && shift + c > 64 && word + 1 < 4) v |= k.w[word + 1] << (64 - shift);
  return uint32_t(v & ((uint64_t(1) << c) - 1));
}

// Signed digits in [-2^(c-1), 2^(c-1)]: a window value above half borrows from the next window,
// which halves the bucket count. carry[i] threads the borrow from one window to the next.
void window_digits(std::span<const U256> ks, unsigned j, unsigned c, std::vector<uint8_t>& carry,
                   std::vector<int32_t>& digits) {
  const int32_t half = int32_t(1) << (c - 1), full = int32_t(1) << c;
  for (size_t i = 0; i < ks.size(); ++i) {
    int32_t d = int32_t(window_value(ks[i], j * c, c)) + carry[i];
    carry[i] = d > half;
    digits[i] = d > half ? d - full : d;
  }
}

// sum_b b * bucket_b as a running sum from the top bucket down.
template <class C, class GetBucket>
Projective<C> sum_buckets(size_t buckets, GetBucket&& get) {
  Projective<C> running, sum;
  for (size_t b = buckets; b >= 1; --b) {
    get(b, running);
    sum += running;
  }
  return sum;
}

template <class C>
class JacobianWindow {
 public:
  JacobianWindow(unsigned c) : buckets_(size_t(1) << (c - 1)) {}

  Projective<C> run(std::span<const Affine<C>> pts, const std::vector<int32_t>& digits) {
    for (auto& b : buckets_) b = Projective<C>::identity();
    for (size_t i = 0; i < pts.size(); ++i) {
      int32_t d = digits[i];
      if (d > 0) buckets_[size_t(d - 1)] += pts[i];
      else if (d < 0) buckets_[size_t(-d - 1)] -= pts[i];
    }
    return sum_buckets<C>(buckets_.size(), [&](size_t b, Projective<C>& running) { running += buckets_[b - 1]; });
  }

 private:
  std::vector<Projective<C>> buckets_;
};

template <class C>
Projective<C> pippenger_jacobian(std::span<const Affine<C>> pts, std::span<const U256> ks, unsigned c,
                                 unsigned windows) {
  JacobianWindow<C> window(c);
  std::vector<uint8_t> carry(pts.size(), 0);
  std::vector<int32_t> digits(pts.size());
  std::vector<Projective<C>> sums(windows);
  for (unsigned j = 0; j < windows; ++j) {
    window_digits(ks, j, c, carry, digits);
    sums[j] = window.run(pts, digits);
  }
  Projective<C> acc = sums[windows - 1];
  for (unsigned j = windows - 1; j-- > 0;) {
    for (unsigned i = 0; i < c; ++i) acc = acc.dbl();
    acc += sums[j];
  }
  return acc;
}

// GLV path: window width minimising windows x (batched affine additions, ~6 multiplications per
// point, + the bucket sum: two batched passes over the buckets, ~12 per bucket).
unsigned glv_window_bits(size_t entries, unsigned scalar_bits) {
  if (msm_detail::force_window_bits) return msm_detail::force_window_bits;
  unsigned best = 1;
  double best_cost = 1e300;
  for (unsigned c = 2; c <= 20; ++c) {
    double windows = double((scalar_bits + 1 + c - 1) / c);
    double b = double(uint64_t(1) << (c - 1));
    double cost = windows * (6.0 * double(entries) + 12.0 * b + 60.0 * std::sqrt(b) + 7.0 * c);
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

// GLV + batch-affine buckets: 2n points (P_i, phi(P_i)) with scalar halves below ~2^127.
template <class C>
Projective<C> pippenger_glv(std::span<const Affine<C>> pts, std::span<const U256> ks) {
  using namespace msm_detail;
  const size_t n = pts.size();
  std::vector<XY<C>> xy(2 * n);
  std::vector<uint8_t> neg(2 * n);
  std::vector<U256> mag(2 * n);
  const auto& q = endo_q<C>();
  unsigned bits = 0;
  for (size_t i = 0; i < n; ++i) {
    xy[i] = XY<C>{pts[i].x, pts[i].y};
    xy[n + i] = XY<C>{pts[i].x * q, pts[i].y};
    GlvSplit s = glv_decompose<C>(ks[i]);
    mag[i] = s.k1.mag;
    neg[i] = s.k1.neg;
    mag[n + i] = s.k2.mag;
    neg[n + i] = s.k2.neg;
    bits = std::max({bits, s.k1.mag.bit_length(), s.k2.mag.bit_length()});
  }
  const unsigned c = glv_window_bits(2 * n, bits);
  const unsigned windows = (bits + 1 + c - 1) / c;
  // All digits up front: windows x 2n codes.
  std::vector<uint32_t> codes(size_t(windows) * 2 * n);
  std::vector<int32_t> d(windows);
  for (size_t e = 0; e < 2 * n; ++e) {
    signed_digits(mag[e], c, windows, d.data());
    for (unsigned j = 0; j < windows; ++j) codes[size_t(j) * 2 * n + e] = digit_code(d[j], neg[e]);
  }
  BucketSet<C> set(size_t(1) << (c - 1));
  Projective<C> acc;
  for (unsigned j = windows; j-- > 0;) {
    for (unsigned i = 0; i < c && !acc.is_identity(); ++i) acc = acc.dbl();
    set.reset();
    set.add(xy.data(), codes.data() + size_t(j) * 2 * n, 2 * n);
    acc += set.weighted_sum();
  }
  return acc;
}

}  // namespace

template <class C>
Projective<C> msm(std::span<const Affine<C>> points, std::span<const typename C::Scalar> scalars) {
  const size_t n_in = points.size() < scalars.size() ? points.size() : scalars.size();
  std::vector<Affine<C>> pts;
  std::vector<U256> ks;
  pts.reserve(n_in);
  ks.reserve(n_in);
  unsigned scalar_bits = 0;
  for (size_t i = 0; i < n_in; ++i) {
    if (points[i].infinity || scalars[i].is_zero()) continue;
    pts.push_back(points[i]);
    ks.push_back(scalars[i].to_int());
    unsigned bits = ks.back().bit_length();
    if (bits > scalar_bits) scalar_bits = bits;
  }
  const size_t n = pts.size();
  if (n == 0) return Projective<C>::identity();
  if (n <= kDoubleAndAddMax) {
    Projective<C> acc;
    for (size_t i = 0; i < n; ++i) acc += pts[i].mul(ks[i]);
    return acc;
  }
  if (n >= kBatchAffineMin) return pippenger_glv<C>(pts, ks);
  const unsigned c = jacobian_window_bits(n, scalar_bits);
  // One bit beyond the scalar absorbs the final signed-digit carry.
  return pippenger_jacobian<C>(pts, ks, c, (scalar_bits + 1 + c - 1) / c);
}

template PallasProjective msm<PallasParams>(std::span<const PallasAffine>, std::span<const Fq>);
template VestaProjective msm<VestaParams>(std::span<const VestaAffine>, std::span<const Fp>);

}  // namespace mina
