#include "ledger/random_oracle_input.hpp"

#include "field/u256.hpp"

namespace mina::ledger {

namespace {

Fp pow2(unsigned n) {
  U256 v{};
  v.w[n / 64] = uint64_t(1) << (n % 64);
  return Fp::from_int_unchecked(v);  // n < 255, so below the modulus
}

}  // namespace

void ChunkedInput::append(const ChunkedInput& other) {
  fields_.insert(fields_.end(), other.fields_.begin(), other.fields_.end());
  packed_.insert(packed_.end(), other.packed_.begin(), other.packed_.end());
}

std::vector<Fp> ChunkedInput::pack_to_fields() const {
  std::vector<Fp> out = fields_;
  Fp acc = Fp::zero();
  unsigned acc_bits = 0;
  for (const PackedChunk& c : packed_) {
    // Strictly below 255 bits: the packed integer is then < 2^254 < p and never wraps.
    if (acc_bits + c.bits < 255) {
      acc = acc * pow2(c.bits) + c.value;
      acc_bits += c.bits;
    } else {
      out.push_back(acc);
      acc = c.value;
      acc_bits = c.bits;
    }
  }
  if (acc_bits > 0) out.push_back(acc);
  return out;
}

}  // namespace mina::ledger
