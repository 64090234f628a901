// Internal to msm.cpp and msm_precomputed.cpp: affine buckets filled by batched affine additions.
//
// A BucketSet holds B buckets (1-based). add() takes points with a code per point,
// (bucket << 1) | negate, bucket 0 meaning "skip". Points are counting-sorted by bucket into a
// scratch array together with the bucket's current content, then every bucket is halved by
// pairwise affine additions per round until each holds at most one point. All additions of a
// round share one inversion (Montgomery's trick, run over suffix products so that the inverses
// come out in the order the additions are applied and the results can be compacted in place).
// Inputs larger than the chunk size are processed chunk by chunk; the buckets carry over.
//
// Equal x within a pair is a doubling (same point) or the identity (P + -P, dropped): repeated
// points and P, -P inputs never divide by zero, and any number of points in one bucket costs
// log2 rounds, not one round each.
//
// weighted_sum() = sum_b b * S_b. Small sets use the running sum in Jacobian coordinates; large
// ones split b = h*U + l and recurse on T_h = sum_l S_(hU+l) and V_l = sum_h S_(hU+l), both formed
// by the same batched additions: sum_b b S_b = U * sum_h h T_h + sum_l l V_l.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "curve/group.hpp"

namespace mina::msm_detail {

// Benchmarks only: a nonzero value overrides the window width the cost models pick.
inline unsigned force_window_bits = 0;

template <class C>
struct XY {
  typename C::Base x, y;
};

template <class Base>
inline bool same(const Base& a, const Base& b) {
  const auto& la = a.limbs();
  const auto& lb = b.limbs();
  decltype(la[0] ^ lb[0]) diff = 0;
  for (size_t i = 0; i < la.size(); ++i) diff |= la[i] ^ lb[i];
  return diff == 0;
}

// A run of points with their codes (bucket << 1 | negate).
template <class C>
struct Segment {
  const XY<C>* pts;
  const uint32_t* codes;
  size_t count;
};

template <class C>
class BucketSet {
  using Base = typename C::Base;
  using P = XY<C>;

 public:
  explicit BucketSet(size_t buckets, size_t chunk = size_t(1) << 17)
      : buckets_(buckets), chunk_(std::max<size_t>(chunk, 1)), start_(buckets + 2), len_(buckets + 1),
        fill_(buckets + 1), has_(buckets + 1, 0), bucket_(buckets + 1) {}

  size_t buckets() const { return buckets_; }

  void reset() {
    std::fill(has_.begin(), has_.end(), uint8_t(0));
    any_ = false;
  }

  void add(const P* pts, const uint32_t* codes, size_t count) {
    Segment<C> s{pts, codes, count};
    add(std::span<const Segment<C>>(&s, 1));
  }

  // Processes the concatenation of the segments, chunk_ points at a time.
  void add(std::span<const Segment<C>> segs) {
    size_t si = 0, off = 0;
    while (si < segs.size()) {
      // Collect up to chunk_ points across segments.
      chunk_segs_.clear();
      size_t total = 0;
      while (si < segs.size() && total < chunk_) {
        size_t take = std::min(segs[si].count - off, chunk_ - total);
        if (take) chunk_segs_.push_back(Segment<C>{segs[si].pts + off, segs[si].codes + off, take});
        total += take;
        off += take;
        if (off == segs[si].count) {
          ++si;
          off = 0;
        }
      }
      if (total) run_chunk(total);
    }
  }

  // sum_b b * S_b.
  Projective<C> weighted_sum() const {
    if (!any_) return Projective<C>::identity();
    if (buckets_ <= 64) {
      Projective<C> running, sum;
      for (size_t b = buckets_; b >= 1; --b) {
        if (has_[b]) running += Affine<C>::from_xy_unchecked(bucket_[b].x, bucket_[b].y);
        sum += running;
      }
      return sum;
    }
    unsigned ubits = 0;
    while ((size_t(1) << (2 * ubits)) < buckets_) ++ubits;
    const size_t u = size_t(1) << ubits;
    BucketSet<C> hi(buckets_ >> ubits, chunk_), lo(u - 1, chunk_);
    std::vector<uint32_t> hc(buckets_ + 1, 0), lc(buckets_ + 1, 0);
    for (size_t b = 1; b <= buckets_; ++b) {
      if (!has_[b]) continue;
      hc[b] = uint32_t(b >> ubits) << 1;
      lc[b] = uint32_t(b & (u - 1)) << 1;
    }
    hi.add(bucket_.data(), hc.data(), buckets_ + 1);
    lo.add(bucket_.data(), lc.data(), buckets_ + 1);
    Projective<C> acc = hi.weighted_sum();
    for (unsigned i = 0; i < ubits; ++i) acc = acc.dbl();
    return acc + lo.weighted_sum();
  }

 private:
  void run_chunk(size_t total) {
    sort_into_buckets(total);
    while (reduce_round()) {
    }
    any_ = false;
    for (size_t b = 1; b <= buckets_; ++b) {
      has_[b] = uint8_t(len_[b]);
      if (len_[b]) {
        bucket_[b] = pts_[start_[b]];
        any_ = true;
      }
    }
  }

  // Counting sort by bucket: each bucket's carried point first, then the new ones.
  void sort_into_buckets(size_t total) {
    for (size_t b = 0; b <= buckets_; ++b) len_[b] = has_[b];
    for (const auto& s : chunk_segs_)
      for (size_t i = 0; i < s.count; ++i) len_[s.codes[i] >> 1]++;
    len_[0] = 0;
    start_[0] = 0;
    for (size_t b = 0; b <= buckets_; ++b) start_[b + 1] = start_[b] + len_[b];
    if (pts_.size() < start_[buckets_ + 1]) pts_.resize(start_[buckets_ + 1]);
    for (size_t b = 1; b <= buckets_; ++b) {
      fill_[b] = start_[b];
      if (has_[b]) pts_[fill_[b]++] = bucket_[b];
    }
    for (const auto& s : chunk_segs_) {
      for (size_t i = 0; i < s.count; ++i) {
        const uint32_t code = s.codes[i];
        const size_t b = code >> 1;
        if (b == 0) continue;
        P& dst = pts_[fill_[b]++];
        dst.x = s.pts[i].x;
        dst.y = (code & 1) ? -s.pts[i].y : s.pts[i].y;
      }
    }
  }

  enum Kind { kAdd, kDouble, kCancel };
  static Kind kind(const P& p, const P& q) {
    if (!same(p.x, q.x)) return kAdd;
    return same(p.y, q.y) ? kDouble : kCancel;
  }

  // Halves every bucket holding two or more points; false once none does.
  bool reduce_round() {
    size_t pairs = 0;
    for (size_t b = 1; b <= buckets_; ++b) pairs += len_[b] >> 1;
    if (pairs == 0) return false;
    if (suf_.size() < pairs + 1) suf_.resize(pairs + 1);
    // Suffix products of the denominators, last pair first (cancellations count as 1).
    const Base one = Base::one();
    Base acc = one;
    size_t m = pairs;
    suf_[m] = one;
    for (size_t b = buckets_; b >= 1; --b) {
      const uint32_t l = len_[b], s = start_[b];
      if (l < 2) continue;
      for (uint32_t k = (l & ~1u); k >= 2; k -= 2) {
        const P& p = pts_[s + k - 2];
        const P& q = pts_[s + k - 1];
        --m;
        switch (kind(p, q)) {
          case kAdd: acc *= q.x - p.x; break;
          case kDouble: acc *= p.y.dbl(); break;
          case kCancel: break;
        }
        suf_[m] = acc;
      }
    }
    Base inv = *acc.inverse();
    // Forward: inv = 1 / prod(den_j, j >= m), so inv * suf_[m + 1] = 1 / den_m.
    m = 0;
    for (size_t b = 1; b <= buckets_; ++b) {
      const uint32_t l = len_[b], s = start_[b];
      if (l < 2) continue;
      uint32_t out = s;
      for (uint32_t k = 0; k + 1 < l; k += 2, ++m) {
        const P& p = pts_[s + k];
        const P& q = pts_[s + k + 1];
        Base lambda;
        switch (kind(p, q)) {
          case kAdd: {
            Base den = q.x - p.x;
            Base d_inv = inv * suf_[m + 1];
            inv *= den;
            lambda = (q.y - p.y) * d_inv;
            break;
          }
          case kDouble: {
            Base d_inv = inv * suf_[m + 1];
            inv *= p.y.dbl();
            Base xx = p.x.square();
            lambda = (xx.dbl() + xx) * d_inv;
            break;
          }
          case kCancel:
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

  size_t buckets_, chunk_;
  std::vector<uint32_t> start_, len_, fill_;
  std::vector<uint8_t> has_;
  std::vector<P> bucket_;
  bool any_ = false;
  std::vector<P> pts_;
  std::vector<Base> suf_;
  std::vector<Segment<C>> chunk_segs_;
};

// Signed c-bit digits of k (c <= 24), least significant first, in [-2^(c-1), 2^(c-1)]: a window
// value above half borrows from the next window. `count` windows must cover bit_length(k) + 1.
inline void signed_digits(const U256& k, unsigned c, unsigned count, int32_t* out) {
  const int32_t half = int32_t(1) << (c - 1), full = int32_t(1) << c;
  int32_t carry = 0;
  for (unsigned j = 0; j < count; ++j) {
    const unsigned offset = j * c, word = offset / 64, shift = offset % 64;
    uint64_t v = 0;
    if (word < 4) {
      v = k.w[word] >> shift;
      if (shift != 0 && shift + c > 64 && word + 1 < 4) v |= k.w[word + 1] << (64 - shift);
    }
    int32_t d = int32_t(v & ((uint64_t(1) << c) - 1)) + carry;
    carry = d > half;
    out[j] = d > half ? d - full : d;
  }
}

// Bucket code of digit d for a point whose scalar half is negative when `neg`.
inline uint32_t digit_code(int32_t d, bool neg) {
  const uint32_t mag = uint32_t(d < 0 ? -d : d);
  return (mag << 1) | uint32_t((d < 0) != neg);
}

}  // namespace mina::msm_detail
