// GLV scalar decomposition for the Pasta curves: k = k1 + k2 * endo_r (mod r) with |k1|, |k2| below
// 2^127, so [k] P = [k1] P + [k2] phi(P) with phi(x, y) = (endo_q * x, y) (see endo.hpp).
//
// The lattice {(a, b) : a + b * endo_r = 0 mod r} has the short basis v1 = (a1, -b1),
// v2 = (a2, b2) below (all four entries below 2^128; derived by the extended Euclidean algorithm
// on (r, endo_r) stopped at sqrt(r); glv_test.cpp re-checks a + b * endo_r = 0 and the
// determinant a1*b2 + a2*b1 = r). Babai rounding: with c1 = round(k * b2 / r) and
// c2 = round(k * b1 / r), (k1, k2) = (k, 0) - c1 * v1 - c2 * v2, i.e.
//   k1 = k - c1*a1 - c2*a2,   k2 = c1*b1 - c2*b2.
// With exact rounding both are at most (|v1| + |v2|) / 2 per coordinate, which is below 2^127 on
// both curves. The quotients use g = round(2^320 * b / r), so c is exact unless k*b/r lies within
// 2^-65 of a half-integer; then c is off by one and a half can reach 2^129. Callers must take the
// bit length from the result rather than assume 127 (msm does; MsmPrecomputed falls back).
#pragma once

#include <cstdint>

#include "curve/params.hpp"
#include "field/u256.hpp"

namespace mina {

template <class C> struct GlvConstants;

template <>
struct GlvConstants<PallasParams> {
  static constexpr U256 kA1{0x8cb1279300000000ULL, 0x49e69d1640a89953ULL};
  static constexpr U256 kA2{0x0c7c095a00000001ULL, 0x93cd3a2c8198e269ULL};
  static constexpr U256 kB1{0x7fcae1c700000001ULL, 0x49e69d1640f04915ULL};
  static constexpr U256 kB2{0x8cb1279300000000ULL, 0x49e69d1640a89953ULL};
  static constexpr U256 kG1{0x61afdea68480fa55ULL, 0x32c49e4bffffffffULL, 0x279a745902a2654eULL, 0x1ULL};
  static constexpr U256 kG2{0x61afdea683e7688bULL, 0xff2b871c00000003ULL, 0x279a745903c12455ULL, 0x1ULL};
};

template <>
struct GlvConstants<VestaParams> {
  static constexpr U256 kA1{0x7fcae1c700000000ULL, 0x49e69d1640f04915ULL};
  static constexpr U256 kA2{0x8cb1279300000001ULL, 0x49e69d1640a89953ULL};
  static constexpr U256 kB1{0x8cb1279300000001ULL, 0x49e69d1640a89953ULL};
  static constexpr U256 kB2{0x0c7c095a00000001ULL, 0x93cd3a2c8198e269ULL};
  static constexpr U256 kG1{0xc35fbd4d0afe9927ULL, 0x31f0256800000002ULL, 0x4f34e8b2066389a4ULL, 0x2ULL};
  static constexpr U256 kG2{0x61afdea685cc1579ULL, 0x32c49e4c00000003ULL, 0x279a745902a2654eULL, 0x1ULL};
};

// One half of a split scalar: |k| and its sign.
struct GlvHalf {
  U256 mag;
  bool neg = false;
};
struct GlvSplit {
  GlvHalf k1, k2;
};

namespace glv_detail {

// 32-bit limbs so that the products are native 32x32->64 multiplies under wasm32 too.
inline void to_u32(const U256& a, uint32_t (&r)[8]) {
  for (int i = 0; i < 8; ++i) r[i] = uint32_t(a.w[i / 2] >> (32 * (i % 2)));
}
inline U256 from_u32(const uint32_t* r) {
  U256 v;
  for (int i = 0; i < 8; ++i) v.w[i / 2] |= uint64_t(r[i]) << (32 * (i % 2));
  return v;
}

// round(a * g / 2^320) for a, g < 2^256.
inline U256 mul_round_320(const U256& a, const U256& g) {
  uint32_t x[8], y[8], t[17] = {};
  to_u32(a, x);
  to_u32(g, y);
  for (int i = 0; i < 8; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 8; ++j) {
      uint64_t v = uint64_t(x[i]) * y[j] + t[i + j] + carry;
      t[i + j] = uint32_t(v);
      carry = v >> 32;
    }
    t[i + 8] = uint32_t(carry);
  }
  // + 2^319, then keep limbs 10..15.
  uint64_t v = uint64_t(t[9]) + (uint64_t(1) << 31);
  t[9] = uint32_t(v);
  uint64_t carry = v >> 32;
  for (int i = 10; i < 17 && carry; ++i) {
    v = uint64_t(t[i]) + carry;
    t[i] = uint32_t(v);
    carry = v >> 32;
  }
  uint32_t hi[8] = {t[10], t[11], t[12], t[13], t[14], t[15], 0, 0};
  return from_u32(hi);
}

// a * b mod 2^256.
inline U256 mul_lo(const U256& a, const U256& b) {
  uint32_t x[8], y[8], t[8] = {};
  to_u32(a, x);
  to_u32(b, y);
  for (int i = 0; i < 8; ++i) {
    uint64_t carry = 0;
    for (int j = 0; i + j < 8; ++j) {
      uint64_t v = uint64_t(x[i]) * y[j] + t[i + j] + carry;
      t[i + j] = uint32_t(v);
      carry = v >> 32;
    }
  }
  return from_u32(t);
}

// Two's complement (mod 2^256) value to sign and magnitude.
inline GlvHalf to_half(const U256& v) {
  if (!(v.w[3] >> 63)) return GlvHalf{v, false};
  U256 m;
  sub_to(m, U256{}, v);
  return GlvHalf{m, true};
}

}  // namespace glv_detail

// k must be a canonical scalar (< r). Exact: k1 + k2 * endo_r = k mod r always.
template <class C>
GlvSplit glv_decompose(const U256& k) {
  using G = GlvConstants<C>;
  using namespace glv_detail;
  const U256 c1 = mul_round_320(k, G::kG1);
  const U256 c2 = mul_round_320(k, G::kG2);
  U256 k1 = k, k2;
  sub_to(k1, k1, mul_lo(c1, G::kA1));
  sub_to(k1, k1, mul_lo(c2, G::kA2));
  sub_to(k2, mul_lo(c1, G::kB1), mul_lo(c2, G::kB2));
  return GlvSplit{to_half(k1), to_half(k2)};
}

}  // namespace mina
