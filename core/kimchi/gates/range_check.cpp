// kimchi/src/circuits/polynomials/range_check/circuitgates.rs, `RangeCheck0` and `RangeCheck1`.
// Limbs are stored most significant first across the columns (the least significant 2-bit crumb
// is in column 14); the 12-bit limbs are range-checked by the lookup argument, not here.
//
// RangeCheck0 (Curr only): v = w0 = vp0..vp5 (columns 1..6, 12 bits) · vc0..vc7 (columns 7..14,
// 2 bits) = 88 bits. Constraints: crumb(w7..w14), the recomposition, and — when coefficient 0 is
// one — the compact-limb check next(1) = curr(0) + 2^88·next(0).
//
// RangeCheck1 (Curr and Next): v2 = w0 over 88 bits, from the most significant end: curr 2,
// curr 3..6 (12 bits), curr 7..14, next 0..2, next 7..14 (2 bits each). Constraints: crumb of
// curr 2, curr 7..14, next 0..2, next 7..14 (20), then the recomposition.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kRangeCheck0Constraints> range_check0_constraints(const GateEnv<F>& e) {
  std::array<F, kRangeCheck0Constraints> out;
  for (size_t i = 7; i < kColumns; ++i) out[i - 7] = gate_util::crumb(e.w(i));
  const F four = F::from_u64(4), limb12 = F::from_u64(4096);
  F power = F::one(), sum = F::zero();
  for (size_t i = kColumns; i-- > 7;) {
    sum += power * e.w(i);
    power *= four;
  }
  for (size_t i = 7; i-- > 1;) {
    sum += power * e.w(i);
    power *= limb12;
  }
  out[8] = sum - e.w(0);
  out[9] = e.coeff(0) * (e.w_next(1) - (e.w(0) + gate_util::two_pow<F>(gate_util::kLimbBits) * e.w_next(0)));
  return out;
}

template <class F>
std::array<F, kRangeCheck1Constraints> range_check1_constraints(const GateEnv<F>& e) {
  std::array<F, kRangeCheck1Constraints> out;
  size_t k = 0;
  out[k++] = gate_util::crumb(e.w(2));
  for (size_t i = 7; i < kColumns; ++i) out[k++] = gate_util::crumb(e.w(i));
  for (size_t i = 0; i <= 2; ++i) out[k++] = gate_util::crumb(e.w_next(i));
  for (size_t i = 7; i < kColumns; ++i) out[k++] = gate_util::crumb(e.w_next(i));

  const F four = F::from_u64(4), limb12 = F::from_u64(4096);
  F power = F::one(), sum = F::zero();
  for (size_t i = kColumns; i-- > 7;) {
    sum += power * e.w_next(i);
    power *= four;
  }
  for (size_t i = 3; i-- > 0;) {
    sum += power * e.w_next(i);
    power *= four;
  }
  for (size_t i = kColumns; i-- > 7;) {
    sum += power * e.w(i);
    power *= four;
  }
  for (size_t i = 7; i-- > 3;) {
    sum += power * e.w(i);
    power *= limb12;
  }
  sum += power * e.w(2);
  out[k++] = sum - e.w(0);
  return out;
}

template std::array<Fp, kRangeCheck0Constraints> range_check0_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kRangeCheck0Constraints> range_check0_constraints<Fq>(const GateEnv<Fq>&);
template std::array<Fp, kRangeCheck1Constraints> range_check1_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kRangeCheck1Constraints> range_check1_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
