// kimchi/src/circuits/polynomials/xor.rs `Xor16`: the decomposition half of a chained 16-bit XOR
// (the nybble XORs themselves are lookups). For k = 0 (in1), 1 (in2), 2 (out):
//   w_k = w_{3+4k} + 2^4·w_{4+4k} + 2^8·w_{5+4k} + 2^12·w_{6+4k} + 2^16·next(w_k)
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kXor16Constraints> xor16_constraints(const GateEnv<F>& e) {
  const F p4 = F::from_u64(1u << 4), p8 = F::from_u64(1u << 8), p12 = F::from_u64(1u << 12),
          p16 = F::from_u64(1u << 16);
  std::array<F, kXor16Constraints> out;
  for (size_t i = 0; i < 3; ++i)
    out[i] = e.w(3 + 4 * i) + e.w(4 + 4 * i) * p4 + e.w(5 + 4 * i) * p8 + e.w(6 + 4 * i) * p12 + p16 * e.w_next(i) -
             e.w(i);
  return out;
}

template std::array<Fp, kXor16Constraints> xor16_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kXor16Constraints> xor16_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
