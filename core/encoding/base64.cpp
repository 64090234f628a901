#include "encoding/base64.hpp"

#include <array>

namespace mina {
namespace {

constexpr char kStandardChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlSafeChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const char* chars_of(Base64Alphabet a) {
  return a == Base64Alphabet::kStandard ? kStandardChars : kUrlSafeChars;
}

// 0xff marks bytes outside the alphabet (including '=', handled separately).
std::array<uint8_t, 256> make_inverse(const char* chars) {
  std::array<uint8_t, 256> inv;
  inv.fill(0xff);
  for (uint8_t i = 0; i < 64; ++i) inv[uint8_t(chars[i])] = i;
  return inv;
}

const std::array<uint8_t, 256>& inverse_of(Base64Alphabet a) {
  static const auto standard = make_inverse(kStandardChars);
  static const auto url_safe = make_inverse(kUrlSafeChars);
  return a == Base64Alphabet::kStandard ? standard : url_safe;
}

Error bad(std::string what) { return Error{ErrorCode::kInvalidEncoding, "base64: " + std::move(what)}; }

// Splits off trailing '=' and checks them against the padding policy. Returns the length of
// the data characters.
Result<size_t> strip_padding(std::string_view text, Base64Padding padding) {
  size_t data_len = text.size();
  while (data_len > 0 && text[data_len - 1] == '=') --data_len;
  const size_t pad_len = text.size() - data_len;
  if (pad_len > 2) return bad("more than two '=' characters");
  if (pad_len > 0 && padding == Base64Padding::kForbidden) return bad("padding is not allowed here");
  if (data_len % 4 == 1) return bad("length leaves a dangling character");
  // With padding present, it must complete the last group exactly.
  const size_t needed = (4 - data_len % 4) % 4;
  if (pad_len > 0 && pad_len != needed) return bad("wrong amount of padding");
  if (pad_len == 0 && needed != 0 && padding == Base64Padding::kRequired) return bad("missing padding");
  return data_len;
}

}  // namespace

std::string base64_encode(ByteSpan bytes, Base64Alphabet alphabet, bool pad) {
  const char* chars = chars_of(alphabet);
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = uint32_t(bytes[i]) << 16 | uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
    for (int k = 3; k >= 0; --k) out.push_back(chars[(v >> (6 * k)) & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t(bytes[i]) << 16 | (rest == 2 ? uint32_t(bytes[i + 1]) << 8 : 0);
    out.push_back(chars[(v >> 18) & 63]);
    out.push_back(chars[(v >> 12) & 63]);
    if (rest == 2) out.push_back(chars[(v >> 6) & 63]);
    if (pad) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

Result<Bytes> base64_decode(std::string_view text, Base64Alphabet alphabet, Base64Padding padding) {
  MINA_TRY(data_len, strip_padding(text, padding));
  const auto& inv = inverse_of(alphabet);
  Bytes out;
  out.reserve(data_len / 4 * 3 + 2);
  uint32_t acc = 0;
  unsigned acc_bits = 0;
  for (size_t i = 0; i < data_len; ++i) {
    const uint8_t d = inv[uint8_t(text[i])];
    if (d == 0xff) return bad("invalid character at offset " + std::to_string(i));
    acc = (acc << 6) | d;
    acc_bits += 6;
    if (acc_bits >= 8) {
      acc_bits -= 8;
      out.push_back(uint8_t(acc >> acc_bits));
      acc &= (1u << acc_bits) - 1;
    }
  }
  // A final partial group leaves 2 or 4 unused bits; a canonical encoder writes them as zero.
  if (acc != 0) return bad("non-zero trailing bits");
  return out;
}

}  // namespace mina
