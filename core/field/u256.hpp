// A plain 256-bit unsigned integer: the interchange format between field backends, decoders and
// tests. Little-endian 64-bit words. Not for hot paths (fields keep their own limbs).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace mina {

struct U256 {
  std::array<uint64_t, 4> w{};

  constexpr U256() = default;
  constexpr U256(uint64_t w0, uint64_t w1 = 0, uint64_t w2 = 0, uint64_t w3 = 0) : w{w0, w1, w2, w3} {}

  constexpr bool operator==(const U256&) const = default;

  constexpr bool is_zero() const { return (w[0] | w[1] | w[2] | w[3]) == 0; }
  constexpr bool bit(unsigned i) const { return i < 256 && ((w[i / 64] >> (i % 64)) & 1); }
  constexpr bool is_odd() const { return w[0] & 1; }

  // Number of significant bits (0 for zero).
  constexpr unsigned bit_length() const {
    for (int i = 3; i >= 0; --i) {
      if (w[i]) return unsigned(i) * 64 + 64 - unsigned(__builtin_clzll(w[i]));  // w[i] != 0
    }
    return 0;
  }
};

constexpr int cmp(const U256& a, const U256& b) {
  for (int i = 3; i >= 0; --i) {
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
  }
  return 0;
}
constexpr bool operator<(const U256& a, const U256& b) { return cmp(a, b) < 0; }
constexpr bool operator>=(const U256& a, const U256& b) { return cmp(a, b) >= 0; }

// r = a + b, returns carry out.
constexpr uint64_t add_to(U256& r, const U256& a, const U256& b) {
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t s = a.w[i] + carry;
    uint64_t c1 = s < carry;
    uint64_t t = s + b.w[i];
    uint64_t c2 = t < s;
    r.w[i] = t;
    carry = c1 | c2;
  }
  return carry;
}

// r = a - b, returns borrow out.
constexpr uint64_t sub_to(U256& r, const U256& a, const U256& b) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t d = a.w[i] - b.w[i];
    uint64_t b1 = a.w[i] < b.w[i];
    uint64_t e = d - borrow;
    uint64_t b2 = d < borrow;
    r.w[i] = e;
    borrow = b1 | b2;
  }
  return borrow;
}

constexpr U256 shr1(const U256& a, uint64_t top_bit = 0) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t hi = i < 3 ? a.w[i + 1] : top_bit;
    r.w[i] = (a.w[i] >> 1) | (hi << 63);
  }
  return r;
}

constexpr U256 shr(const U256& a, unsigned n) {
  U256 r;
  unsigned words = n / 64, bits = n % 64;
  for (unsigned i = 0; i < 4; ++i) {
    unsigned src = i + words;
    if (src >= 4) break;
    uint64_t lo = a.w[src] >> bits;
    uint64_t hi = (bits && src + 1 < 4) ? a.w[src + 1] << (64 - bits) : 0;
    r.w[i] = lo | hi;
  }
  return r;
}

// (a + b) mod m for a, b < m < 2^255.
constexpr U256 add_mod(const U256& a, const U256& b, const U256& m) {
  U256 r;
  add_to(r, a, b);
  if (r >= m) sub_to(r, r, m);
  return r;
}

// Parses decimal, or hex with a 0x prefix. Rejects empty strings, signs, junk and values >= 2^256.
Result<U256> parse_u256(std::string_view s);
std::string to_decimal(const U256& v);
std::string to_hex(const U256& v);  // 0x-prefixed lowercase, no leading zeros

}  // namespace mina
