// bin_prot (Jane Street's binary protocol, as Mina's Stable types use it): a bounds-checked
// reader and the matching writer.
//
// Encodings (bin_prot's write_ml.ml / read_ml.ml):
//   int, int32, int64   < 0x80: one byte; 0xff + int8 (negative, >= -128); 0xfe + int16 LE;
//                       0xfd + int32 LE; 0xfc + int64 LE (all signed)
//   Nat0 (lengths)      < 0x80: one byte; 0xfe + u16 LE; 0xfd + u32 LE; 0xfc + u64 LE
//   bool 0x00 / 0x01; unit 0x00; option 0x00 | 0x01 value; list / array Nat0 length + elements;
//   string Nat0 length + bytes; char one byte; constant constructors one byte (index).
// Mina-specific conventions used by the Pickles types:
//   field elements (`BigInt`) are 32 raw little-endian bytes, not a bin_prot integer;
//   u64 limbs (`Limb_vector.Constant.Hex64`) travel as the signed int64 with the same bits;
//   Pickles vectors of statically known length N are N elements followed by a unit byte (the
//   GADT list's `[]`), OpenMina's `PaddedSeq`.
//
// Strictness: every accepted input is the one a writer would produce. Integers must use the
// shortest form (OCaml's writer always does), tags outside their range are errors, and reading
// never allocates in proportion to a length prefix before the elements are actually present.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "curve/group.hpp"
#include "field/pasta.hpp"

namespace mina {

class BinProtReader {
 public:
  explicit BinProtReader(ByteSpan data) : data_(data) {}

  size_t offset() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }

  Result<uint8_t> read_u8();
  Result<ByteSpan> read_bytes(size_t n);

  Result<uint64_t> read_nat0();
  Result<int64_t> read_int();  // int / int32 / int64 (OCaml writes all three alike)
  // An unsigned 64-bit value written as the int64 with the same bits (Mina's `Number<u64>`).
  Result<uint64_t> read_u64_as_int64() {
    MINA_TRY(v, read_int());
    return static_cast<uint64_t>(v);
  }
  Result<bool> read_bool();
  Result<std::monostate> read_unit();
  // A constant-constructor variant with `count` constructors: its index.
  Result<uint8_t> read_variant_index(uint8_t count, const char* type_name);
  // An option's tag: true if a value follows.
  Result<bool> read_option_tag();
  // A list/array length prefix; more than `max` elements is kLimitExceeded (the caller's sane
  // bound for the type), more than the bytes left could hold (at `min_element_bytes` each) is
  // kTruncated, so a forged length never drives an allocation.
  Result<size_t> read_length(size_t max, size_t min_element_bytes = 1);
  Result<std::string> read_string(size_t max_bytes);

  // 32 raw little-endian bytes, canonical (kNonCanonicalField otherwise).
  template <class F>
  Result<F> read_field() {
    size_t at = pos_;
    MINA_TRY(b, read_bytes(32));
    auto f = F::from_bytes_le(b);
    if (!f) return Error{f.error().code, f.error().message + " at byte " + std::to_string(at)};
    return *f;
  }
  // (x, y) as two fields, on the curve (kInvalidPoint otherwise). The pair form cannot express
  // the point at infinity.
  template <class C>
  Result<Affine<C>> read_point() {
    size_t at = pos_;
    MINA_TRY(x, read_field<typename C::Base>());
    MINA_TRY(y, read_field<typename C::Base>());
    auto p = Affine<C>::from_xy(x, y);
    if (!p) return Error{p.error().code, p.error().message + " at byte " + std::to_string(at)};
    return *p;
  }

  // kTrailingBytes unless everything has been read.
  Result<std::monostate> expect_end() const;

 private:
  Error truncated(size_t need) const;

  ByteSpan data_;
  size_t pos_ = 0;
};

class BinProtWriter {
 public:
  void write_u8(uint8_t b) { out_.push_back(b); }
  void write_bytes(ByteSpan b) { out_.insert(out_.end(), b.begin(), b.end()); }
  void write_nat0(uint64_t n);
  void write_int(int64_t v);
  void write_u64_as_int64(uint64_t v) { write_int(static_cast<int64_t>(v)); }
  void write_bool(bool b) { out_.push_back(b ? 1 : 0); }
  void write_unit() { out_.push_back(0); }
  template <class F>
  void write_field(const F& f) {
    auto b = f.to_bytes_le();
    out_.insert(out_.end(), b.begin(), b.end());
  }
  // Precondition: not the point at infinity (the wire form has no spelling for it).
  template <class C>
  void write_point(const Affine<C>& p) {
    write_field(p.x);
    write_field(p.y);
  }

  const Bytes& bytes() const { return out_; }
  Bytes take() { return std::move(out_); }

 private:
  Bytes out_;
};

}  // namespace mina
