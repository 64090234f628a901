#include "mina/random_oracle_input.hpp"

namespace mina {
namespace {

// 2^n as a field element, n < 255 (a packed item is at most 64 bits wide).
Fp pow2(unsigned n) {
  U256 v;
  v.w[n / 64] = uint64_t{1} << (n % 64);
  return Fp::from_int_unchecked(v);
}

}  // namespace

void RandomOracleInput::append_bits(ByteSpan bytes, size_t bits) {
  for (size_t i = 0; i < bits && i / 8 < bytes.size(); ++i) append_bool((bytes[i / 8] >> (i % 8)) & 1);
}

std::vector<Fp> RandomOracleInput::pack_to_fields() const {
  // Chunks hold fewer than 255 bits, so they are below the modulus and never wrap.
  constexpr unsigned kSizeInBits = 255;
  std::vector<Fp> out = fields_;
  Fp acc = Fp::zero();
  unsigned acc_bits = 0;
  for (const Packed& p : packed_) {
    if (acc_bits + p.bits < kSizeInBits) {
      acc = acc * pow2(p.bits) + p.value;
      acc_bits += p.bits;
    } else {
      out.push_back(acc);
      acc = p.value;
      acc_bits = p.bits;
    }
  }
  if (acc_bits > 0) out.push_back(acc);
  return out;
}

}  // namespace mina
