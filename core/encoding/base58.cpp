// base58 and base58check. Mina's typed payloads are in base58_mina.cpp.
#include <array>

#include "encoding/base58.hpp"
#include "hash/sha256.hpp"

namespace mina {
namespace {

constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr size_t kChecksumBytes = 4;

const std::array<int8_t, 256>& inverse_alphabet() {
  static const auto inv = [] {
    std::array<int8_t, 256> t;
    t.fill(-1);
    for (int8_t i = 0; i < 58; ++i) t[uint8_t(kAlphabet[i])] = i;
    return t;
  }();
  return inv;
}

std::array<uint8_t, kChecksumBytes> checksum(ByteSpan data) {
  auto h = sha256d(data);
  return {h[0], h[1], h[2], h[3]};
}

}  // namespace

std::string base58_encode(ByteSpan bytes) {
  size_t zeros = 0;
  while (zeros < bytes.size() && bytes[zeros] == 0) ++zeros;
  // Base-58 digits, least significant first; each input byte multiplies the number by 256.
  std::vector<uint8_t> digits;
  digits.reserve(bytes.size() * 138 / 100 + 1);  // log(256)/log(58) < 1.38
  for (size_t i = zeros; i < bytes.size(); ++i) {
    uint32_t carry = bytes[i];
    for (auto& d : digits) {
      carry += uint32_t(d) << 8;
      d = uint8_t(carry % 58);
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(uint8_t(carry % 58));
      carry /= 58;
    }
  }
  std::string out(zeros, '1');
  for (size_t i = digits.size(); i-- > 0;) out.push_back(kAlphabet[digits[i]]);
  return out;
}

Result<Bytes> base58_decode(std::string_view text) {
  if (text.size() > kMaxBase58Chars)
    return Error{ErrorCode::kInvalidLength, "base58 input longer than " + std::to_string(kMaxBase58Chars) + " characters"};
  const auto& inv = inverse_alphabet();
  size_t ones = 0;
  while (ones < text.size() && text[ones] == '1') ++ones;
  // Bytes, least significant first; each character multiplies the number by 58.
  std::vector<uint8_t> bytes;
  bytes.reserve(text.size() * 733 / 1000 + 1);  // log(58)/log(256) < 0.733
  for (size_t i = ones; i < text.size(); ++i) {
    const int8_t d = inv[uint8_t(text[i])];
    if (d < 0) return Error{ErrorCode::kInvalidEncoding, "base58: invalid character at offset " + std::to_string(i)};
    uint32_t carry = uint32_t(d);
    for (auto& b : bytes) {
      carry += uint32_t(b) * 58;
      b = uint8_t(carry);
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push_back(uint8_t(carry));
      carry >>= 8;
    }
  }
  Bytes out(ones, 0);
  out.insert(out.end(), bytes.rbegin(), bytes.rend());
  return out;
}

std::string base58check_encode(uint8_t version, ByteSpan payload) {
  Bytes raw;
  raw.reserve(1 + payload.size() + kChecksumBytes);
  raw.push_back(version);
  raw.insert(raw.end(), payload.begin(), payload.end());
  auto sum = checksum(raw);
  raw.insert(raw.end(), sum.begin(), sum.end());
  return base58_encode(raw);
}

Result<Bytes> base58check_decode(std::string_view text, uint8_t expected_version) {
  MINA_TRY(raw, base58_decode(text));
  if (raw.size() < 1 + kChecksumBytes)
    return Error{ErrorCode::kInvalidLength, "base58check: " + std::to_string(raw.size()) + " bytes is too short"};
  const size_t body = raw.size() - kChecksumBytes;
  auto want = checksum(ByteSpan(raw).subspan(0, body));
  for (size_t i = 0; i < kChecksumBytes; ++i)
    if (raw[body + i] != want[i]) return Error{ErrorCode::kBadChecksum, "base58check: checksum mismatch"};
  if (raw[0] != expected_version)
    return Error{ErrorCode::kWrongVersionByte, "base58check: version byte " + std::to_string(raw[0]) +
                                                   ", expected " + std::to_string(expected_version)};
  return Bytes(raw.begin() + 1, raw.begin() + std::ptrdiff_t(body));
}

}  // namespace mina
