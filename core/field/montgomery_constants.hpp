// Montgomery constants derived at compile time from the modulus. Each backend picks its own R:
// R = 2^256 for four 64-bit or eight 32-bit limbs, R = 2^261 for nine 29-bit limbs. field.hpp only
// ever reads them through Backend::K, so kR/kR2/kR3 always match the backend's multiplication.
#pragma once

#include "field/u256.hpp"

namespace mina::field_detail {

// -m^{-1} mod 2^64 by Newton iteration (m odd).
constexpr uint64_t neg_inverse_u64(uint64_t m0) {
  uint64_t x = 1;
  for (int i = 0; i < 7; ++i) x *= 2 - m0 * x;
  return ~x + 1;
}

// 2^256 mod m, for m < 2^255.
constexpr U256 r_mod(const U256& m) {
  U256 r;
  sub_to(r, U256{}, m);  // 2^256 - m (wraps)
  while (r >= m) sub_to(r, r, m);
  return r;
}

// x * 2^k mod m by doubling.
constexpr U256 shl_mod(U256 x, unsigned k, const U256& m) {
  for (unsigned i = 0; i < k; ++i) x = add_mod(x, x, m);
  return x;
}

template <class P, unsigned RBits = 256>
struct MontgomeryConstants {
  static_assert(RBits >= 256, "R must exceed the modulus");
  static constexpr unsigned kRBits = RBits;
  static constexpr U256 kModulus = P::kModulus;
  static constexpr uint64_t kInv64 = neg_inverse_u64(P::kModulus.w[0]);      // -p^{-1} mod 2^64
  static constexpr U256 kR = shl_mod(r_mod(P::kModulus), RBits - 256, P::kModulus);  // R mod p
  static constexpr U256 kR2 = shl_mod(kR, RBits, P::kModulus);   // R^2 mod p
  static constexpr U256 kR3 = shl_mod(kR2, RBits, P::kModulus);  // R^3 mod p
  static_assert(P::kModulus.w[3] >> 63 == 0, "backends assume a spare top bit (p < 2^255)");
  static_assert((P::kModulus.w[0] * neg_inverse_u64(P::kModulus.w[0])) == ~uint64_t(0),
                "Montgomery inverse is wrong");
};

}  // namespace mina::field_detail
