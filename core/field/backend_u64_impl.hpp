// Native backend: four 64-bit limbs, Montgomery form, CIOS multiplication with 128-bit products.
// Values are always fully reduced (< p).
#pragma once

#include <array>
#include <cstdint>

#include "field/montgomery_constants.hpp"

namespace mina {

template <class P>
struct BackendU64 {
  using Limbs = std::array<uint64_t, 4>;
  using K = field_detail::MontgomeryConstants<P>;
  static constexpr const char* kName = "u64x4";

  static constexpr Limbs from_raw(const U256& x) { return x.w; }
  static constexpr U256 to_raw(const Limbs& a) { return U256{a[0], a[1], a[2], a[3]}; }

  static constexpr bool geq_modulus(const Limbs& a) {
    for (int i = 3; i >= 0; --i) {
      if (a[i] != P::kModulus.w[i]) return a[i] > P::kModulus.w[i];
    }
    return true;
  }
  static constexpr void sub_modulus(Limbs& a) {
    uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
      uint64_t m = P::kModulus.w[i];
      uint64_t d = a[i] - m - borrow;
      borrow = uint64_t(a[i] < m) | uint64_t((a[i] - m) < borrow);
      a[i] = d;
    }
  }

  static inline void add(Limbs& r, const Limbs& a, const Limbs& b) {
    unsigned __int128 c = 0;
    for (int i = 0; i < 4; ++i) {
      c += (unsigned __int128)a[i] + b[i];
      r[i] = (uint64_t)c;
      c >>= 64;
    }
    if (geq_modulus(r)) sub_modulus(r);  // no carry out: a + b < 2p < 2^256
  }

  static inline void sub(Limbs& r, const Limbs& a, const Limbs& b) {
    uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
      unsigned __int128 d = (unsigned __int128)a[i] - b[i] - borrow;
      r[i] = (uint64_t)d;
      borrow = (uint64_t)(d >> 64) & 1;
    }
    if (borrow) {
      unsigned __int128 c = 0;
      for (int i = 0; i < 4; ++i) {
        c += (unsigned __int128)r[i] + P::kModulus.w[i];
        r[i] = (uint64_t)c;
        c >>= 64;
      }
    }
  }

  // r = a * b / 2^256 mod p (coarsely integrated operand scanning).
  static inline void mul(Limbs& r, const Limbs& a, const Limbs& b) {
    using u128 = unsigned __int128;
    uint64_t t[6] = {0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
      u128 c = 0;
      for (int j = 0; j < 4; ++j) {
        c = (u128)t[j] + (u128)a[j] * b[i] + (uint64_t)(c >> 64);
        t[j] = (uint64_t)c;
      }
      u128 s = (u128)t[4] + (uint64_t)(c >> 64);
      t[4] = (uint64_t)s;
      t[5] = (uint64_t)(s >> 64);

      uint64_t m = t[0] * K::kInv64;
      c = (u128)t[0] + (u128)m * P::kModulus.w[0];
      for (int j = 1; j < 4; ++j) {
        c = (u128)t[j] + (u128)m * P::kModulus.w[j] + (uint64_t)(c >> 64);
        t[j - 1] = (uint64_t)c;
      }
      s = (u128)t[4] + (uint64_t)(c >> 64);
      t[3] = (uint64_t)s;
      t[4] = t[5] + (uint64_t)(s >> 64);
    }
    r = {t[0], t[1], t[2], t[3]};
    if (t[4] || geq_modulus(r)) sub_modulus(r);
  }

  static inline void square(Limbs& r, const Limbs& a) { mul(r, a, a); }
};

}  // namespace mina
