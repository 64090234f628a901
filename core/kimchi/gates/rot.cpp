// kimchi/src/circuits/polynomials/rot.rs `Rot64`: a 64-bit word rotated left by rot bits, with
// coefficient 0 = 2^rot:
//   word·2^rot = excess·2^64 + shifted,  rotated = shifted + excess,
// and excess < 2^rot through bound = excess − 2^rot + 2^64 < 2^64, whose limbs are in the row
// (curr 3..6 twelve-bit, 7..14 two-bit, most significant first).
//   Curr: 0 word, 1 rotated, 2 excess, 3..14 bound limbs;  Next: 0 shifted
// Constraints: crumb(w7..w14), the two equations, the bound recomposition.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kRot64Constraints> rot64_constraints(const GateEnv<F>& e) {
  std::array<F, kRot64Constraints> out;
  for (size_t i = 7; i < kColumns; ++i) out[i - 7] = gate_util::crumb(e.w(i));
  const F two_to_64 = gate_util::two_pow<F>(64);
  const F &word = e.w(0), &rotated = e.w(1), &excess = e.w(2);
  const F& shifted = e.w_next(0);
  const F& two_to_rot = e.coeff(0);
  out[8] = word * two_to_rot - (excess * two_to_64 + shifted);
  out[9] = rotated - (shifted + excess);
  const F four = F::from_u64(4), limb12 = F::from_u64(4096);
  F power = F::one(), bound = F::zero();
  for (size_t i = kColumns; i-- > 7;) {
    bound += power * e.w(i);
    power *= four;
  }
  for (size_t i = 7; i-- > 3;) {
    bound += power * e.w(i);
    power *= limb12;
  }
  out[10] = bound - (excess - two_to_rot + two_to_64);
  return out;
}

template std::array<Fp, kRot64Constraints> rot64_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kRot64Constraints> rot64_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
