// arkworks' compressed point encoding (ark-serialize SWFlags), as used by kimchi verifier-index
// commitments and the SRS files: 32-byte little-endian x, then one flag byte:
//   0x80  y is the larger root (y > -y as canonical integers)
//   0x40  point at infinity (x encoded as zero)
//   0x00  y is the smaller root
// 255-bit coordinates leave no room for two flag bits in 32 bytes, hence the 33rd byte.
#pragma once

#include <array>
#include <string>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "curve/group.hpp"

namespace mina {

inline constexpr size_t kCompressedPointBytes = 33;
inline constexpr uint8_t kFlagYIsLarger = 0x80;
inline constexpr uint8_t kFlagInfinity = 0x40;

namespace curve_detail {
template <class F>
bool is_larger_root(const F& y) {
  return cmp(y.to_int(), (-y).to_int()) > 0;
}
}  // namespace curve_detail

template <class C>
std::array<uint8_t, kCompressedPointBytes> compress(const Affine<C>& p) {
  std::array<uint8_t, kCompressedPointBytes> out{};
  if (p.infinity) {
    out[32] = kFlagInfinity;
    return out;
  }
  auto x = p.x.to_bytes_le();
  for (size_t i = 0; i < 32; ++i) out[i] = x[i];
  out[32] = curve_detail::is_larger_root(p.y) ? kFlagYIsLarger : 0;
  return out;
}

// Stricter than arkworks where arkworks is lax (it ignores the low six flag-byte bits and the x
// bytes of an infinity encoding): every accepted point has exactly one encoding, so compress()
// reproduces the input byte for byte.
template <class C>
Result<Affine<C>> decompress(ByteSpan bytes) {
  using Base = typename C::Base;
  if (bytes.size() != kCompressedPointBytes)
    return Error{ErrorCode::kInvalidLength, std::string("compressed ") + C::kName + " point needs 33 bytes, got " +
                                                std::to_string(bytes.size())};
  const uint8_t flags = bytes[32];
  if (flags & ~(kFlagYIsLarger | kFlagInfinity))
    return Error{ErrorCode::kInvalidPoint, "compressed point has unknown flag bits set"};
  if ((flags & kFlagYIsLarger) && (flags & kFlagInfinity))
    return Error{ErrorCode::kInvalidPoint, "compressed point flags both infinity and y sign"};
  if (flags & kFlagInfinity) {
    for (size_t i = 0; i < 32; ++i)
      if (bytes[i] != 0) return Error{ErrorCode::kInvalidPoint, "point at infinity with nonzero x"};
    return Affine<C>::identity();
  }
  MINA_TRY(x, Base::from_bytes_le(bytes.subspan(0, 32)));
  auto y = (x.square() * x + curve_b<C>()).sqrt();
  if (!y) return Error{ErrorCode::kInvalidPoint, std::string("x is not the abscissa of a ") + C::kName + " point"};
  Base root = *y;
  if (curve_detail::is_larger_root(root) != bool(flags & kFlagYIsLarger)) root = -root;
  return Affine<C>::from_xy_unchecked(x, root);
}

}  // namespace mina
