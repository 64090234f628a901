#include "commitment/srs_cache.hpp"

#include <cstring>
#include <string>
#include <type_traits>

#include "hash/blake2b.hpp"

namespace mina {
namespace {

constexpr char kMagic[8] = {'M', 'N', 'S', 'R', 'S', 'C', '0', '1'};
constexpr size_t kHeaderBytes = 8 + 1 + 3 + 4;
constexpr size_t kPointBytes = 64;
constexpr size_t kChecksumBytes = 32;

template <class C>
uint8_t curve_id() {
  return std::is_same_v<C, PallasParams> ? 0 : 1;
}

template <class C>
void put_point(Bytes& out, const Affine<C>& p) {
  auto x = p.x.to_bytes_le();
  auto y = p.y.to_bytes_le();
  out.insert(out.end(), x.begin(), x.end());
  out.insert(out.end(), y.begin(), y.end());
}

template <class C>
Result<Affine<C>> get_point(const uint8_t* p) {
  using Base = typename C::Base;
  MINA_TRY(x, Base::from_bytes_le(ByteSpan(p, 32)));
  MINA_TRY(y, Base::from_bytes_le(ByteSpan(p + 32, 32)));
  // (0, 0) is not on either curve (b = 5), so the identity cannot sneak in as coordinates.
  return Affine<C>::from_xy(x, y);
}

}  // namespace

template <class C>
Bytes srs_cache_to_bytes(const Srs<C>& srs) {
  Bytes out(kMagic, kMagic + 8);
  out.reserve(kHeaderBytes + (srs.g.size() + 1) * kPointBytes + kChecksumBytes);
  out.push_back(curve_id<C>());
  out.insert(out.end(), 3, 0);
  const uint32_t count = uint32_t(srs.g.size());
  for (int i = 0; i < 4; ++i) out.push_back(uint8_t(count >> (8 * i)));
  put_point(out, srs.h);
  for (const auto& g : srs.g) put_point(out, g);
  Bytes sum = blake2b(out, kChecksumBytes);
  out.insert(out.end(), sum.begin(), sum.end());
  return out;
}

template <class C>
Result<Srs<C>> srs_cache_from_bytes(ByteSpan bytes, size_t min_count) {
  const std::string what = std::string("SRS cache (") + C::kName + "): ";
  if (bytes.size() < kHeaderBytes + kPointBytes + kChecksumBytes)
    return Error{ErrorCode::kTruncated, what + std::to_string(bytes.size()) + " bytes is shorter than a header"};
  const uint8_t* p = bytes.data();
  if (std::memcmp(p, kMagic, 8) != 0) return Error{ErrorCode::kInvalidEncoding, what + "bad magic"};
  if (p[8] != curve_id<C>() || p[9] || p[10] || p[11])
    return Error{ErrorCode::kInvalidEncoding, what + "written for another curve"};
  const uint64_t count = uint64_t(p[12]) | uint64_t(p[13]) << 8 | uint64_t(p[14]) << 16 | uint64_t(p[15]) << 24;
  const uint64_t expected = kHeaderBytes + (count + 1) * kPointBytes + kChecksumBytes;
  if (bytes.size() < expected)
    return Error{ErrorCode::kTruncated, what + std::to_string(count) + " points need " + std::to_string(expected) +
                                            " bytes, got " + std::to_string(bytes.size())};
  if (bytes.size() > expected) return Error{ErrorCode::kTrailingBytes, what + "bytes after the checksum"};
  const size_t body = bytes.size() - kChecksumBytes;
  Bytes sum = blake2b(bytes.subspan(0, body), kChecksumBytes);
  if (std::memcmp(sum.data(), p + body, kChecksumBytes) != 0)
    return Error{ErrorCode::kBadChecksum, what + "checksum mismatch (torn or corrupted)"};
  if (count < min_count)
    return Error{ErrorCode::kInvalidLength, what + std::to_string(count) + " points, need " + std::to_string(min_count)};

  Srs<C> srs;
  const uint8_t* q = p + kHeaderBytes;
  MINA_TRY(h, get_point<C>(q));
  srs.h = h;
  srs.g.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    q += kPointBytes;
    auto g = get_point<C>(q);
    if (!g) return Error{g.error().code, what + "G_" + std::to_string(i) + ": " + g.error().message};
    srs.g.push_back(*g);
  }
  return srs;
}

template <class C>
Result<bool> srs_cache_spot_check(const Srs<C>& srs, size_t samples) {
  const std::string what = std::string("SRS cache (") + C::kName + "): ";
  if (srs.g.empty()) return Error{ErrorCode::kInvalidArgument, what + "no generators"};
  MINA_TRY(h, srs_generate_h<C>());
  if (!(h.x == srs.h.x && h.y == srs.h.y)) return Error{ErrorCode::kInvalidArgument, what + "H is not the SRS's"};
  const uint64_t n = srs.g.size();
  if (samples < 2) samples = 2;
  for (size_t s = 0; s < samples; ++s) {
    // Evenly spread, first and last included; the order is fixed so failures reproduce.
    const uint64_t i = (n - 1) * s / (samples - 1);
    MINA_TRY(g, srs_generate_g<C>(i, 1));
    if (!(g[0].x == srs.g[i].x && g[0].y == srs.g[i].y))
      return Error{ErrorCode::kInvalidArgument, what + "G_" + std::to_string(i) + " is not the SRS's"};
  }
  return true;
}

#define MINA_SRS_CACHE_INSTANTIATE(C)                                               \
  template Bytes srs_cache_to_bytes<C>(const Srs<C>&);                               \
  template Result<Srs<C>> srs_cache_from_bytes<C>(ByteSpan, size_t);                 \
  template Result<bool> srs_cache_spot_check<C>(const Srs<C>&, size_t);
MINA_SRS_CACHE_INSTANTIATE(PallasParams)
MINA_SRS_CACHE_INSTANTIATE(VestaParams)
#undef MINA_SRS_CACHE_INSTANTIATE

}  // namespace mina
