#include "encoding/bin_prot.hpp"

namespace mina {
namespace {

constexpr uint8_t kCodeNegInt8 = 0xff;
constexpr uint8_t kCodeInt16 = 0xfe;
constexpr uint8_t kCodeInt32 = 0xfd;
constexpr uint8_t kCodeInt64 = 0xfc;

uint64_t le(ByteSpan b) {
  uint64_t v = 0;
  for (size_t i = b.size(); i-- > 0;) v = (v << 8) | b[i];
  return v;
}

Error malformed(size_t at, const std::string& what) {
  return Error{ErrorCode::kMalformedBinProt, what + " at byte " + std::to_string(at)};
}

}  // namespace

Error BinProtReader::truncated(size_t need) const {
  return Error{ErrorCode::kTruncated, "bin_prot input ends at byte " + std::to_string(data_.size()) + ", " +
                                          std::to_string(need) + " more needed at byte " + std::to_string(pos_)};
}

Result<uint8_t> BinProtReader::read_u8() {
  if (pos_ >= data_.size()) return truncated(1);
  return data_[pos_++];
}

Result<ByteSpan> BinProtReader::read_bytes(size_t n) {
  if (n > remaining()) return truncated(n - remaining());
  ByteSpan b = data_.subspan(pos_, n);
  pos_ += n;
  return b;
}

Result<uint64_t> BinProtReader::read_nat0() {
  size_t at = pos_;
  MINA_TRY(code, read_u8());
  if (code < 0x80) return uint64_t(code);
  size_t width;
  uint64_t min;
  switch (code) {
    case kCodeInt16: width = 2; min = 0x80; break;
    case kCodeInt32: width = 4; min = 0x10000; break;
    case kCodeInt64: width = 8; min = 0x100000000ULL; break;
    default: return malformed(at, "bad Nat0 code " + std::to_string(code));
  }
  MINA_TRY(b, read_bytes(width));
  uint64_t v = le(b);
  // OCaml's writer uses the shortest form; a longer one is a second spelling of the same value.
  if (v < min) return malformed(at, "non-minimal Nat0");
  // Nat0 is an OCaml int on 64-bit hosts (63-bit signed, non-negative).
  if (v > (uint64_t{1} << 62) - 1) return malformed(at, "Nat0 above OCaml max_int");
  return v;
}

Result<int64_t> BinProtReader::read_int() {
  size_t at = pos_;
  MINA_TRY(code, read_u8());
  if (code < 0x80) return int64_t(code);
  switch (code) {
    case kCodeNegInt8: {
      MINA_TRY(b, read_u8());
      if (b < 0x80) return malformed(at, "non-negative value after the negative-int8 code");
      return int64_t(int8_t(b));
    }
    case kCodeInt16: {
      MINA_TRY(b, read_bytes(2));
      int64_t v = int16_t(uint16_t(le(b)));
      if (v >= -0x80 && v < 0x80) return malformed(at, "non-minimal int16");
      return v;
    }
    case kCodeInt32: {
      MINA_TRY(b, read_bytes(4));
      int64_t v = int32_t(uint32_t(le(b)));
      if (v >= -0x8000 && v < 0x8000) return malformed(at, "non-minimal int32");
      return v;
    }
    case kCodeInt64: {
      MINA_TRY(b, read_bytes(8));
      int64_t v = static_cast<int64_t>(le(b));
      if (v >= -0x80000000LL && v < 0x80000000LL) return malformed(at, "non-minimal int64");
      return v;
    }
    default: return malformed(at, "bad integer code " + std::to_string(code));
  }
}

Result<bool> BinProtReader::read_bool() {
  size_t at = pos_;
  MINA_TRY(b, read_u8());
  if (b > 1) return malformed(at, "bool byte " + std::to_string(b));
  return b == 1;
}

Result<std::monostate> BinProtReader::read_unit() {
  size_t at = pos_;
  MINA_TRY(b, read_u8());
  if (b != 0) return malformed(at, "unit byte " + std::to_string(b));
  return std::monostate{};
}

Result<uint8_t> BinProtReader::read_variant_index(uint8_t count, const char* type_name) {
  size_t at = pos_;
  MINA_TRY(b, read_u8());
  if (b >= count) return malformed(at, std::string(type_name) + " tag " + std::to_string(b));
  return b;
}

Result<bool> BinProtReader::read_option_tag() {
  size_t at = pos_;
  MINA_TRY(b, read_u8());
  if (b > 1) return malformed(at, "option tag " + std::to_string(b));
  return b == 1;
}

Result<size_t> BinProtReader::read_length(size_t max, size_t min_element_bytes) {
  size_t at = pos_;
  MINA_TRY(n, read_nat0());
  if (n > max)
    return Error{ErrorCode::kLimitExceeded, "length " + std::to_string(n) + " above the bound " +
                                                std::to_string(max) + " at byte " + std::to_string(at)};
  if (min_element_bytes > 0 && n > remaining() / min_element_bytes) return truncated(size_t(n) * min_element_bytes - remaining());
  return size_t(n);
}

Result<std::string> BinProtReader::read_string(size_t max_bytes) {
  MINA_TRY(n, read_length(max_bytes, 1));
  MINA_TRY(b, read_bytes(n));
  return std::string(b.begin(), b.end());
}

Result<std::monostate> BinProtReader::expect_end() const {
  if (!at_end())
    return Error{ErrorCode::kTrailingBytes, std::to_string(remaining()) + " bytes after the value, from byte " +
                                                std::to_string(pos_)};
  return std::monostate{};
}

void BinProtWriter::write_nat0(uint64_t n) {
  if (n < 0x80) {
    write_u8(uint8_t(n));
    return;
  }
  size_t width;
  if (n < 0x10000) { write_u8(kCodeInt16); width = 2; }
  else if (n < 0x100000000ULL) { write_u8(kCodeInt32); width = 4; }
  else { write_u8(kCodeInt64); width = 8; }
  for (size_t i = 0; i < width; ++i) write_u8(uint8_t(n >> (8 * i)));
}

void BinProtWriter::write_int(int64_t v) {
  if (v >= 0 && v < 0x80) {
    write_u8(uint8_t(v));
    return;
  }
  size_t width;
  if (v >= -0x80 && v < 0) { write_u8(kCodeNegInt8); width = 1; }
  else if (v >= -0x8000 && v < 0x8000) { write_u8(kCodeInt16); width = 2; }
  else if (v >= -0x80000000LL && v < 0x80000000LL) { write_u8(kCodeInt32); width = 4; }
  else { write_u8(kCodeInt64); width = 8; }
  uint64_t u = static_cast<uint64_t>(v);
  for (size_t i = 0; i < width; ++i) write_u8(uint8_t(u >> (8 * i)));
}

}  // namespace mina
