#include "field/u256.hpp"

namespace mina {
namespace {

// r = r * k + add; returns the overflow word.
uint64_t mul_small_add(U256& r, uint64_t k, uint64_t add) {
  unsigned __int128 carry = add;
  for (int i = 0; i < 4; ++i) {
    carry += (unsigned __int128)r.w[i] * k;
    r.w[i] = (uint64_t)carry;
    carry >>= 64;
  }
  return (uint64_t)carry;
}

// r = r / k, returns remainder.
uint64_t div_small(U256& r, uint64_t k) {
  unsigned __int128 rem = 0;
  for (int i = 3; i >= 0; --i) {
    unsigned __int128 cur = (rem << 64) | r.w[i];
    r.w[i] = (uint64_t)(cur / k);
    rem = cur % k;
  }
  return (uint64_t)rem;
}

}  // namespace

Result<U256> parse_u256(std::string_view s) {
  if (s.empty()) return Error{ErrorCode::kMalformedNumber, "empty number"};
  U256 r;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    for (char c : s.substr(2)) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return Error{ErrorCode::kMalformedNumber, "bad hex digit in '" + std::string(s) + "'"};
      if (mul_small_add(r, 16, uint64_t(d)) != 0)
        return Error{ErrorCode::kMalformedNumber, "number exceeds 256 bits"};
    }
    return r;
  }
  for (char c : s) {
    if (c < '0' || c > '9')
      return Error{ErrorCode::kMalformedNumber, "bad decimal digit in '" + std::string(s) + "'"};
    if (mul_small_add(r, 10, uint64_t(c - '0')) != 0)
      return Error{ErrorCode::kMalformedNumber, "number exceeds 256 bits"};
  }
  return r;
}

std::string to_decimal(const U256& v) {
  if (v.is_zero()) return "0";
  U256 x = v;
  std::string out;
  while (!x.is_zero()) out.push_back(char('0' + div_small(x, 10)));
  return std::string(out.rbegin(), out.rend());
}

std::string to_hex(const U256& v) {
  static const char* d = "0123456789abcdef";
  std::string out;
  bool started = false;
  for (int i = 63; i >= 0; --i) {
    unsigned nib = (v.w[i / 16] >> ((i % 16) * 4)) & 15;
    if (nib || started || i == 0) {
      out.push_back(d[nib]);
      started = true;
    }
  }
  return "0x" + out;
}

}  // namespace mina
