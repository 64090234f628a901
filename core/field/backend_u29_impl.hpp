// WebAssembly backend: nine 29-bit limbs in 32-bit words ("unsaturated"), Montgomery form with
// R = 2^261 (its own constants in K; field.hpp reads R, R^2, R^3 from there).
//
// Why: wasm32 has a native 32x32->64 multiply but no 64x64->128, and no add-with-carry. With 8
// saturated 32-bit limbs every product term must be carried at once, which makes the whole
// multiplication one long serial chain. With 29-bit limbs a product is < 2^58, so a column of up
// to 64 of them fits in a uint64_t: all partial products are summed without carries, the
// Montgomery reduction adds its q*p terms into the same accumulators, and only the one carry per
// reduction step that the next quotient digit needs is propagated; the rest is settled in one
// pass at the end.
//
// Pasta moduli fit the shape well: p = 2^254 + c with c < 2^126 and p = 1 mod 2^32, so in 29-bit
// limbs p has limbs {1, p1, p2, p3, p4, 0, 0, 0, 2^22}: the quotient digit is just -t mod 2^29 and
// each reduction step costs four real multiplies plus a shift (the zero limbs fold away because
// the loops are fully unrolled over a constexpr modulus).
//
// Representation invariant (same as the other backends): every limb < 2^29 and the value < p,
// so limb-wise equality is value equality. Inputs to mul/square must satisfy it; the Montgomery
// output is < p + p^2/R < 2p before the single conditional subtraction.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

#include "field/montgomery_constants.hpp"

#define MINA_FIELD_INLINE __attribute__((always_inline))

namespace mina {

template <class P, unsigned N, unsigned W>
struct BackendUnsaturated {
  using Limbs = std::array<uint32_t, N>;
  using K = field_detail::MontgomeryConstants<P, N * W>;
  static constexpr uint32_t kMask = (uint32_t(1) << W) - 1;
  // -p^{-1} mod 2^W (the low bits of -p^{-1} mod 2^64).
  static constexpr uint32_t kNInv = uint32_t(K::kInv64) & kMask;

  static_assert(W >= 24 && W <= 30, "limbs must leave headroom in 32-bit words");
  static_assert(N * W >= 256 && (N - 1) * W < 256, "N limbs of W bits must cover exactly 256 bits");
  // Worst accumulator: N products a_i*b_j plus N products q*p_j (each < 2^2W) plus one carry.
  static_assert(double(2 * N) * double(uint64_t(1) << (2 * W)) + double(uint64_t(1) << (64 - W)) <
                    18446744073709551616.0,
                "uint64_t accumulators would overflow");

  static constexpr Limbs from_raw(const U256& x) {
    Limbs r{};
    for (unsigned i = 0; i < N; ++i) {
      const unsigned bit = i * W, word = bit / 64, sh = bit % 64;
      uint64_t v = x.w[word] >> sh;
      if (sh != 0 && sh + W > 64 && word + 1 < 4) v |= x.w[word + 1] << (64 - sh);
      r[i] = uint32_t(v) & kMask;
    }
    return r;
  }
  // Limbs must be normalized (< 2^W each) and the value < 2^256.
  static constexpr U256 to_raw(const Limbs& a) {
    U256 r;
    for (unsigned i = 0; i < N; ++i) {
      const unsigned bit = i * W, word = bit / 64, sh = bit % 64;
      r.w[word] |= uint64_t(a[i]) << sh;
      if (sh != 0 && sh + W > 64 && word + 1 < 4) r.w[word + 1] |= uint64_t(a[i]) >> (64 - sh);
    }
    return r;
  }

  static constexpr Limbs kP = from_raw(P::kModulus);
  static_assert(kP[0] & 1, "modulus must be odd");

  static constexpr bool geq_modulus(const Limbs& a) {
    for (int i = int(N) - 1; i >= 0; --i) {
      if (a[i] != kP[i]) return a[i] > kP[i];
    }
    return true;
  }
  // a -= p for normalized a >= p.
  static void sub_modulus(Limbs& a) {
    int32_t c = 0;
    for (unsigned i = 0; i < N; ++i) {
      c += int32_t(a[i]) - int32_t(kP[i]);
      a[i] = uint32_t(c) & kMask;
      c >>= W;  // arithmetic: 0 or -1
    }
  }

  // Straight-line code generation: f(std::integral_constant<unsigned, I>) for I in [B, E). Every
  // array index below is then a constant before optimisation starts, so the accumulators become
  // scalars (wasm locals) instead of a stack array; loop unrolling came too late for that.
  template <unsigned Bg, unsigned E, class F>
  MINA_FIELD_INLINE static void static_for(F&& f) {
    if constexpr (Bg < E) {
      f(std::integral_constant<unsigned, Bg>{});
      static_for<Bg + 1, E>(f);
    }
  }

  // add/sub: whether a + b >= p (or a < b) is a coin flip, so branching on an exact comparison
  // would mispredict half the time, and an exact comparison needs the carried sum first. Instead
  // the top limbs decide: the lower N-1 limbs of a sum are worth < 2 * 2^((N-1)W) and of a
  // difference lie in (-2^((N-1)W), 2^((N-1)W)), so only a top limb within one of p's (resp. 0)
  // is ambiguous. For Pasta (top limb of p = 2^22) that is a chance of about 2^-21 per call; those
  // take the exact slow path. Otherwise one carry chain applies the correction branch-free.
  static constexpr uint32_t kPTop = kP[N - 1];
  static_assert(kPTop >= 2, "top-limb estimate needs a modulus with a large top limb");

  static inline void add(Limbs& r, const Limbs& a, const Limbs& b) {
    const uint32_t top = a[N - 1] + b[N - 1];
    if (top + 1 >= kPTop && top <= kPTop) [[unlikely]] {
      add_exact(r, a, b);
      return;
    }
    const uint32_t m = 0u - uint32_t(top > kPTop);  // a + b > p certainly: subtract p
    int32_t c = 0;
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE {
      c += int32_t(a[I] + b[I]) - int32_t(kP[I] & m);
      r[I] = uint32_t(c) & kMask;
      c >>= W;  // arithmetic shift
    });
  }

  static inline void sub(Limbs& r, const Limbs& a, const Limbs& b) {
    const int32_t top = int32_t(a[N - 1]) - int32_t(b[N - 1]);
    if (top == 0) [[unlikely]] {
      sub_exact(r, a, b);
      return;
    }
    const uint32_t m = 0u - uint32_t(top < 0);  // a < b certainly: add p
    int32_t c = 0;
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE {
      c += int32_t(a[I]) - int32_t(b[I]) + int32_t(kP[I] & m);
      r[I] = uint32_t(c) & kMask;
      c >>= W;
    });
  }

  // Plain versions: carry, compare, correct.
  static void add_exact(Limbs& r, const Limbs& a, const Limbs& b) {
    uint32_t c = 0;
    for (unsigned i = 0; i < N; ++i) {
      c += a[i] + b[i];
      r[i] = c & kMask;
      c >>= W;
    }
    if (geq_modulus(r)) sub_modulus(r);  // a + b < 2p < 2^256: no carry out of the top limb
  }
  static void sub_exact(Limbs& r, const Limbs& a, const Limbs& b) {
    int32_t c = 0;
    for (unsigned i = 0; i < N; ++i) {
      c += int32_t(a[i]) - int32_t(b[i]);
      r[i] = uint32_t(c) & kMask;
      c >>= W;
    }
    if (c) {  // r = a - b + 2^(NW); adding p wraps it back to a - b + p
      uint32_t d = 0;
      for (unsigned i = 0; i < N; ++i) {
        d += r[i] + kP[i];
        r[i] = d & kMask;
        d >>= W;
      }
    }
  }

  // Montgomery-reduces the 2N-column product t (columns not carried, each < 2^63) into r:
  // r = t / 2^(NW) mod p, fully reduced.
  MINA_FIELD_INLINE static void reduce(Limbs& r, uint64_t (&t)[2 * N]) {
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE {
      constexpr unsigned i = I;
      uint64_t q;
      if constexpr (kNInv == kMask) q = (0u - uint32_t(t[i])) & kMask;  // p = 1 mod 2^W
      else q = (uint32_t(t[i]) * kNInv) & kMask;
      static_for<0, N>([&](auto J) MINA_FIELD_INLINE {
        constexpr unsigned j = J;
        if constexpr (kP[j] == 1) t[i + j] += q;
        else if constexpr (kP[j] != 0) t[i + j] += q * kP[j];
      });
      t[i + 1] += t[i] >> W;  // t[i] is now 0 mod 2^W; only its carry matters
    });
    static_for<N, 2 * N - 1>([&](auto I) MINA_FIELD_INLINE {
      constexpr unsigned i = I;
      t[i + 1] += t[i] >> W;
      r[i - N] = uint32_t(t[i]) & kMask;
    });
    r[N - 1] = uint32_t(t[2 * N - 1]);  // the result is < 2p < 2^256: the top limb is < 2^W
    if (geq_modulus(r)) sub_modulus(r);
  }

  // r = a * b / 2^(NW) mod p. The product uses one level of Karatsuba on the column sums
  // (N = 9: 25 + 16 + 25 products instead of 81; measured ~3% lower latency and ~6% higher
  // throughput than schoolbook in WASM): with a = a0 + a1 X, b = b0 + b1 X (X = 2^(LW)), the
  // middle columns are (a0 + a1)(b0 + b1) - a0 b0 - a1 b1, which is columnwise exactly the
  // non-negative a0 b1 + a1 b0, so the uint64_t subtractions never go below zero.
  static inline void mul(Limbs& r, const Limbs& a, const Limbs& b) {
    constexpr unsigned L = (N + 1) / 2, H = N - L;
    // Limb sums are < 2^(W+1); a column of (a0 + a1)(b0 + b1) has at most L such products.
    static_assert(double(L) * double(uint64_t(1) << (2 * W + 2)) < 18446744073709551616.0);
    uint64_t x[N], y[N], sx[L], sy[L], z0[2 * L - 1] = {}, z1[2 * L - 1] = {}, z2[2 * H - 1] = {};
    uint64_t t[2 * N] = {};
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE { x[I] = a[I]; y[I] = b[I]; });
    static_for<0, L>([&](auto I) MINA_FIELD_INLINE {
      if constexpr (I < H) { sx[I] = x[I] + x[L + I]; sy[I] = y[I] + y[L + I]; }
      else { sx[I] = x[I]; sy[I] = y[I]; }
    });
    static_for<0, L>([&](auto I) MINA_FIELD_INLINE {
      static_for<0, L>([&](auto J) MINA_FIELD_INLINE { z0[I + J] += x[I] * y[J]; z1[I + J] += sx[I] * sy[J]; });
    });
    static_for<0, H>([&](auto I) MINA_FIELD_INLINE {
      static_for<0, H>([&](auto J) MINA_FIELD_INLINE { z2[I + J] += x[L + I] * y[L + J]; });
    });
    static_for<0, 2 * L - 1>([&](auto K) MINA_FIELD_INLINE {
      uint64_t mid = z1[K] - z0[K];
      if constexpr (K < 2 * H - 1) mid -= z2[K];
      t[K] += z0[K];
      t[L + K] += mid;
    });
    static_for<0, 2 * H - 1>([&](auto K) MINA_FIELD_INLINE { t[2 * L + K] += z2[K]; });
    reduce(r, t);
  }

  // r = a^2 / 2^(NW) mod p: N(N+1)/2 products (cross terms use 2a_i < 2^(W+1)).
  static inline void square(Limbs& r, const Limbs& a) {
    uint64_t x[N], t[2 * N] = {};
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE { x[I] = a[I]; });
    static_for<0, N>([&](auto I) MINA_FIELD_INLINE {
      constexpr unsigned i = I;
      t[2 * i] += x[i] * x[i];
      const uint64_t xi2 = x[i] << 1;
      static_for<i + 1, N>([&](auto J) MINA_FIELD_INLINE { t[i + J] += xi2 * x[J]; });
    });
    reduce(r, t);
  }
};

// Nine 29-bit limbs: the WebAssembly default.
template <class P>
struct BackendU29 : BackendUnsaturated<P, 9, 29> {
  static constexpr const char* kName = "u29x9";
};

}  // namespace mina
