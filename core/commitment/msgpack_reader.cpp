#include "commitment/msgpack_reader.hpp"

#include <cstdio>
#include <string>

namespace mina {

Error MsgpackReader::type_error(const char* expected, uint8_t got) const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "msgpack: expected %s at offset %zu, found type byte 0x%02x", expected,
                pos_ - 1, unsigned(got));
  return Error{ErrorCode::kInvalidEncoding, buf};
}

Result<ByteSpan> MsgpackReader::take(size_t n) {
  if (n > remaining())
    return Error{ErrorCode::kInvalidLength, "msgpack: needs " + std::to_string(n) + " bytes at offset " +
                                                std::to_string(pos_) + ", " + std::to_string(remaining()) + " left"};
  ByteSpan s = data_.subspan(pos_, n);
  pos_ += n;
  return s;
}

Result<uint8_t> MsgpackReader::read_u8() {
  MINA_TRY(s, take(1));
  return s[0];
}

Result<uint32_t> MsgpackReader::read_be(unsigned bytes) {
  MINA_TRY(s, take(bytes));
  uint32_t v = 0;
  for (uint8_t b : s) v = (v << 8) | b;
  return v;
}

Result<uint32_t> MsgpackReader::read_array_header() {
  MINA_TRY(t, read_u8());
  if ((t & 0xf0) == 0x90) return uint32_t(t & 0x0f);
  if (t == 0xdc) return read_be(2);
  if (t == 0xdd) return read_be(4);
  return type_error("array", t);
}

Result<uint32_t> MsgpackReader::read_map_header() {
  MINA_TRY(t, read_u8());
  if ((t & 0xf0) == 0x80) return uint32_t(t & 0x0f);
  if (t == 0xde) return read_be(2);
  if (t == 0xdf) return read_be(4);
  return type_error("map", t);
}

bool MsgpackReader::next_is_map() const {
  if (at_end()) return false;
  const uint8_t t = data_[pos_];
  return (t & 0xf0) == 0x80 || t == 0xde || t == 0xdf;
}

Result<ByteSpan> MsgpackReader::read_bin() {
  MINA_TRY(t, read_u8());
  unsigned len_bytes = t == 0xc4 ? 1 : t == 0xc5 ? 2 : t == 0xc6 ? 4 : 0;
  if (len_bytes == 0) return type_error("bin", t);
  MINA_TRY(n, read_be(len_bytes));
  return take(n);
}

Result<std::string_view> MsgpackReader::read_str() {
  MINA_TRY(t, read_u8());
  uint32_t n;
  if ((t & 0xe0) == 0xa0) {
    n = t & 0x1f;
  } else {
    unsigned len_bytes = t == 0xd9 ? 1 : t == 0xda ? 2 : t == 0xdb ? 4 : 0;
    if (len_bytes == 0) return type_error("str", t);
    MINA_TRY(len, read_be(len_bytes));
    n = len;
  }
  MINA_TRY(s, take(n));
  return std::string_view(reinterpret_cast<const char*>(s.data()), s.size());
}

}  // namespace mina
