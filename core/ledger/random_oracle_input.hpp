// Random_oracle.Input.Chunked: the preimage shape of Mina's structured Poseidon hashes.
//
// A value's input is a list of whole field elements plus a list of "packed" chunks (value, bit
// width). Hashing packs the chunks greedily, in order, into as few field elements as fit below
// 255 bits (acc = acc·2^bits + value, a new element when the running width would reach 255) and
// appends those after the whole fields (Random_oracle_input.Chunked.pack_to_fields; o1js
// packToFields). Concatenating inputs concatenates both lists separately, so the position of a
// field element never depends on how many packed bits came before it.
#pragma once

#include <cstdint>
#include <vector>

#include "field/pasta.hpp"

namespace mina::ledger {

struct PackedChunk {
  Fp value;       // < 2^bits
  unsigned bits;  // 1..254
};

class ChunkedInput {
 public:
  void field(const Fp& x) { fields_.push_back(x); }
  // value must fit in `bits` bits; callers pass fixed-width integers, so this is by construction.
  void packed(const Fp& value, unsigned bits) { packed_.push_back({value, bits}); }
  void uint(uint64_t value, unsigned bits) { packed(Fp::from_u64(value), bits); }
  void boolean(bool b) { uint(b ? 1 : 0, 1); }
  // Chunked.append: fields after fields, packed chunks after packed chunks.
  void append(const ChunkedInput& other);

  const std::vector<Fp>& fields() const { return fields_; }
  const std::vector<PackedChunk>& packeds() const { return packed_; }

  // Random_oracle.pack_input.
  std::vector<Fp> pack_to_fields() const;

 private:
  std::vector<Fp> fields_;
  std::vector<PackedChunk> packed_;
};

}  // namespace mina::ledger
