// Random_oracle.Input.Chunked: how Mina turns a record into field elements before hashing.
//
// A record contributes whole field elements and "packed" items (value, bit width): booleans are
// 1 bit, uint32 32 bits, uint64 64 bits, and byte strings one 1-bit item per bit, least
// significant bit of each byte first (Fold_lib.string_bits). pack_to_fields keeps the field
// elements as they are and then packs the items greedily, first item in the most significant
// position: an item is shifted into the current chunk while the chunk stays below 255 bits
// (Pasta's size_in_bits), otherwise it starts a new chunk. The result is
// [field elements..., chunks...].
//
// Checked against OpenMina's poseidon::hash::Inputs tests (e.g. bools true,false -> 2; bytes
// [0, 1, 255] -> 0x80ff) in the unit tests.
#pragma once

#include <cstdint>
#include <vector>

#include "base/bytes.hpp"
#include "field/pasta.hpp"

namespace mina {

class RandomOracleInput {
 public:
  void append_field(const Fp& x) { fields_.push_back(x); }
  void append_bool(bool b) { packed_.push_back({b ? Fp::one() : Fp::zero(), 1}); }
  void append_u32(uint32_t v) { packed_.push_back({Fp::from_u64(v), 32}); }
  void append_u64(uint64_t v) { packed_.push_back({Fp::from_u64(v), 64}); }
  // The first `bits` bits of `bytes`, each byte least significant bit first.
  void append_bits(ByteSpan bytes, size_t bits);
  void append_bytes(ByteSpan bytes) { append_bits(bytes, bytes.size() * 8); }

  std::vector<Fp> pack_to_fields() const;

  const std::vector<Fp>& fields() const { return fields_; }
  size_t packed_items() const { return packed_.size(); }

 private:
  struct Packed {
    Fp value;
    unsigned bits;
  };
  std::vector<Fp> fields_;
  std::vector<Packed> packed_;
};

}  // namespace mina
