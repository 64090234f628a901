// WebAssembly backend: eight 32-bit limbs, Montgomery form (R = 2^256 as in the native backend).
// wasm32 has a native 32x32->64 multiply (i64.mul) but a 64x64->128 one is a slow libcall, so all
// double-width products here are uint64_t. Values are always fully reduced (< p).
#pragma once

#include <array>
#include <cstdint>

#include "field/montgomery_constants.hpp"

namespace mina {

template <class P>
struct BackendU32 {
  using Limbs = std::array<uint32_t, 8>;
  using K = field_detail::MontgomeryConstants<P>;
  static constexpr const char* kName = "u32x8";
  static constexpr uint32_t kInv32 = uint32_t(K::kInv64);

  static constexpr uint32_t mod_limb(int i) { return uint32_t(P::kModulus.w[i / 2] >> (32 * (i % 2))); }

  static constexpr Limbs from_raw(const U256& x) {
    Limbs r{};
    for (int i = 0; i < 8; ++i) r[i] = uint32_t(x.w[i / 2] >> (32 * (i % 2)));
    return r;
  }
  static constexpr U256 to_raw(const Limbs& a) {
    U256 r;
    for (int i = 0; i < 4; ++i) r.w[i] = uint64_t(a[2 * i]) | (uint64_t(a[2 * i + 1]) << 32);
    return r;
  }

  static constexpr bool geq_modulus(const Limbs& a) {
    for (int i = 7; i >= 0; --i) {
      if (a[i] != mod_limb(i)) return a[i] > mod_limb(i);
    }
    return true;
  }
  static constexpr void sub_modulus(Limbs& a) {
    int64_t c = 0;
    for (int i = 0; i < 8; ++i) {
      c += int64_t(a[i]) - int64_t(mod_limb(i));
      a[i] = uint32_t(c);
      c >>= 32;  // arithmetic shift: 0 or -1
    }
  }

  static inline void add(Limbs& r, const Limbs& a, const Limbs& b) {
    uint64_t c = 0;
    for (int i = 0; i < 8; ++i) {
      c += uint64_t(a[i]) + b[i];
      r[i] = uint32_t(c);
      c >>= 32;
    }
    if (geq_modulus(r)) sub_modulus(r);
  }

  static inline void sub(Limbs& r, const Limbs& a, const Limbs& b) {
    int64_t c = 0;
    for (int i = 0; i < 8; ++i) {
      c += int64_t(a[i]) - int64_t(b[i]);
      r[i] = uint32_t(c);
      c >>= 32;
    }
    if (c) {
      uint64_t d = 0;
      for (int i = 0; i < 8; ++i) {
        d += uint64_t(r[i]) + mod_limb(i);
        r[i] = uint32_t(d);
        d >>= 32;
      }
    }
  }

  // r = a * b / 2^256 mod p, CIOS with 32-bit words.
  static inline void mul(Limbs& r, const Limbs& a, const Limbs& b) {
    uint32_t t[10] = {};
    for (int i = 0; i < 8; ++i) {
      uint64_t c = 0;
      const uint64_t bi = b[i];
      for (int j = 0; j < 8; ++j) {
        c = uint64_t(t[j]) + uint64_t(a[j]) * bi + (c >> 32);
        t[j] = uint32_t(c);
      }
      uint64_t s = uint64_t(t[8]) + (c >> 32);
      t[8] = uint32_t(s);
      t[9] = uint32_t(s >> 32);

      const uint64_t m = uint32_t(t[0] * kInv32);
      c = uint64_t(t[0]) + m * mod_limb(0);
      for (int j = 1; j < 8; ++j) {
        c = uint64_t(t[j]) + m * mod_limb(j) + (c >> 32);
        t[j - 1] = uint32_t(c);
      }
      s = uint64_t(t[8]) + (c >> 32);
      t[7] = uint32_t(s);
      t[8] = t[9] + uint32_t(s >> 32);
    }
    for (int i = 0; i < 8; ++i) r[i] = t[i];
    if (t[8] || geq_modulus(r)) sub_modulus(r);
  }

  static inline void square(Limbs& r, const Limbs& a) { mul(r, a, a); }
};

}  // namespace mina
