#include "curve/msm.hpp"

#include <cstdint>
#include <vector>

namespace mina {
namespace {

// Below this many (nonzero) terms the per-round batch inversions of the batch-affine path cost
// more than they save.
constexpr size_t kBatchAffineMin = 256;
// Each term alone: shared doublings buy nothing yet.
constexpr size_t kDoubleAndAddMax = 2;

// Window width minimising (windows) x (cost of filling buckets + cost of summing buckets),
// counted in field multiplications: an affine addition inside a batch costs ~6 (3 of them for
// its share of the batch inversion), a Jacobian mixed addition ~11, and summing the 2^(c-1)
// buckets two additions (~27) per bucket.
unsigned window_bits(size_t n, unsigned scalar_bits, bool batch_affine) {
  const double add_cost = batch_affine ? 6.0 : 11.0;
  unsigned best = 1;
  double best_cost = 1e300;
  for (unsigned c = 1; c <= 20; ++c) {
    double windows = double((scalar_bits + 1 + c - 1) / c);
    double cost = windows * (add_cost * double(n) + 27.0 * double(uint64_t(1) << (c - 1)) + double(c) * 7.0);
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
class BatchAffineWindow {
  using Base = typename C::Base;
  struct XY {
    Base x, y;
  };

 public:
  BatchAffineWindow(unsigned c, size_t n)
      : buckets_(size_t(1) << (c - 1)), start_(buckets_ + 2), len_(buckets_ + 1), pts_(n), den_(n / 2 + 1),
        prefix_(n / 2 + 1), kind_(n / 2 + 1) {}

  Projective<C> run(std::span<const Affine<C>> pts, const std::vector<int32_t>& digits) {
    sort_into_buckets(pts, digits);
    while (reduce_round()) {
    }
    return sum_buckets<C>(buckets_, [&](size_t b, Projective<C>& running) {
      if (len_[b] == 1) running += Affine<C>::from_xy_unchecked(pts_[start_[b]].x, pts_[start_[b]].y);
    });
  }

 private:
  // Counting sort by |digit|; negative digits contribute -P.
  void sort_into_buckets(std::span<const Affine<C>> pts, const std::vector<int32_t>& digits) {
    std::fill(len_.begin(), len_.end(), 0u);
    for (size_t i = 0; i < pts.size(); ++i) len_[size_t(digits[i] < 0 ? -digits[i] : digits[i])]++;
    start_[0] = 0;
    for (size_t b = 0; b <= buckets_; ++b) start_[b + 1] = start_[b] + len_[b];
    std::vector<uint32_t>& fill = fill_;
    fill.assign(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < pts.size(); ++i) {
      int32_t d = digits[i];
      if (d == 0) continue;
      size_t b = size_t(d < 0 ? -d : d);
      pts_[fill[b]++] = XY{pts[i].x, d < 0 ? -pts[i].y : pts[i].y};
    }
    len_[0] = 0;
  }

  // Halves every bucket holding two or more points; false once none does. Equal x means a
  // doubling (same point) or the identity (P + -P, dropped): repeated SRS points and P, -P
  // inputs must not divide by zero.
  bool reduce_round() {
    size_t m = 0;
    for (size_t b = 1; b <= buckets_; ++b) {
      const uint32_t l = len_[b], s = start_[b];
      for (uint32_t k = 0; k + 1 < l; k += 2, ++m) {
        const XY& p = pts_[s + k];
        const XY& q = pts_[s + k + 1];
        if (!same(p.x, q.x)) {
          kind_[m] = kAdd;
          den_[m] = q.x - p.x;
        } else if (same(p.y, q.y)) {
          kind_[m] = kDouble;
          den_[m] = p.y.dbl();
        } else {
          kind_[m] = kCancel;
          den_[m] = Base::one();
        }
      }
    }
    if (m == 0) return false;
    batch_invert(m);
    m = 0;
    for (size_t b = 1; b <= buckets_; ++b) {
      const uint32_t l = len_[b], s = start_[b];
      if (l < 2) continue;
      uint32_t out = s;
      for (uint32_t k = 0; k + 1 < l; k += 2, ++m) {
        const XY& p = pts_[s + k];
        const XY& q = pts_[s + k + 1];
        Base lambda;
        if (kind_[m] == kAdd) {
          lambda = (q.y - p.y) * den_[m];
        } else if (kind_[m] == kDouble) {
          Base xx = p.x.square();
          lambda = (xx.dbl() + xx) * den_[m];
        } else {
          continue;
        }
        // p and q are read before pts_[out] (out <= s + k) is written.
        Base x3 = lambda.square() - p.x - q.x;
        Base y3 = lambda * (p.x - x3) - p.y;
        pts_[out].x = x3;
        pts_[out].y = y3;
        ++out;
      }
      if (l & 1) pts_[out++] = pts_[s + l - 1];
      len_[b] = out - s;
    }
    return true;
  }

  // Limb comparison without the library memcmp call std::array's == compiles to.
  static bool same(const Base& a, const Base& b) {
    const auto& la = a.limbs();
    const auto& lb = b.limbs();
    decltype(la[0] ^ lb[0]) diff = 0;
    for (size_t i = 0; i < la.size(); ++i) diff |= la[i] ^ lb[i];
    return diff == 0;
  }

  // Montgomery's trick in place over den_[0, m); no zeros by construction.
  void batch_invert(size_t m) {
    prefix_[0] = den_[0];
    for (size_t i = 1; i < m; ++i) prefix_[i] = prefix_[i - 1] * den_[i];
    Base inv = *prefix_[m - 1].inverse();
    for (size_t i = m - 1; i > 0; --i) {
      Base t = inv * prefix_[i - 1];
      inv *= den_[i];
      den_[i] = t;
    }
    den_[0] = inv;
  }

  size_t buckets_;
  std::vector<uint32_t> start_, len_, fill_;
  std::vector<XY> pts_;
  std::vector<Base> den_, prefix_;
  enum Kind : uint8_t { kAdd, kDouble, kCancel };
  std::vector<Kind> kind_;
};

template <class C, class Window>
Projective<C> pippenger(std::span<const Affine<C>> pts, std::span<const U256> ks, unsigned c, unsigned windows,
                        Window& window) {
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
  const bool batch_affine = n >= kBatchAffineMin;
  const unsigned c = window_bits(n, scalar_bits, batch_affine);
  // One bit beyond the scalar absorbs the final signed-digit carry.
  const unsigned windows = (scalar_bits + 1 + c - 1) / c;
  if (batch_affine) {
    BatchAffineWindow<C> w(c, n);
    return pippenger<C>(pts, ks, c, windows, w);
  }
  JacobianWindow<C> w(c);
  return pippenger<C>(pts, ks, c, windows, w);
}

template PallasProjective msm<PallasParams>(std::span<const PallasAffine>, std::span<const Fq>);
template VestaProjective msm<VestaParams>(std::span<const VestaAffine>, std::span<const Fp>);

}  // namespace mina
