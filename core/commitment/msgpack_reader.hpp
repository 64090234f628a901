// A minimal, strict MessagePack reader: just the container and byte-string forms that
// proof-systems' SRS files use (rmp-serde: a struct as an array or map, Vec<G> as an array, each
// compressed point as bin). Every read checks the type byte and the remaining length first, so
// truncated or garbage input yields a typed error, never an out-of-bounds read:
//   unexpected type byte -> kInvalidEncoding, data ends early -> kInvalidLength.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"

namespace mina {

class MsgpackReader {
 public:
  explicit MsgpackReader(ByteSpan data) : data_(data) {}

  // fixarray / array16 / array32: the element count.
  Result<uint32_t> read_array_header();
  // fixmap / map16 / map32: the number of key-value pairs.
  Result<uint32_t> read_map_header();
  // bin8 / bin16 / bin32: a view into the input.
  Result<ByteSpan> read_bin();
  // fixstr / str8 / str16 / str32.
  Result<std::string_view> read_str();

  // Whether the next value is a map (false at the end of input); consumes nothing.
  bool next_is_map() const;

  size_t position() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  Result<uint8_t> read_u8();
  Result<uint32_t> read_be(unsigned bytes);
  Result<ByteSpan> take(size_t n);
  Error type_error(const char* expected, uint8_t got) const;

  ByteSpan data_;
  size_t pos_ = 0;
};

}  // namespace mina
