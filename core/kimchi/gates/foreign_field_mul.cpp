// kimchi/src/circuits/polynomials/foreign_field_mul/circuitgates.rs `ForeignFieldMul`:
// a·b = q·f + r for a foreign modulus f < 2^259, over 88-bit limbs, with f' = 2^264 − f.
//   coefficients: 0 f2 (high limb of f), 1..3 f'0 f'1 f'2
//   Curr: 0..2 a, 3..5 b, 6 p10, 7..10 carry1 12-bit limbs 0..3, 11..13 carry1 crumbs (bits
//         84, 86, 88), 14 carry1 bit 90
//   Next: 0 r01 (= r0 + 2^88·r1), 1 r2, 2..4 q, 5 q'2 (= q2 + 2^88 − f2 − 1), 6 p110, 7 p111,
//         8..10 carry1 12-bit limbs 4..6, 11 carry0
// Constraints C1..C11 in kimchi's order.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kForeignFieldMulConstraints> foreign_field_mul_constraints(const GateEnv<F>& e) {
  using gate_util::crumb;
  using gate_util::kLimbBits;
  using gate_util::two_pow;
  const F two_to_limb = two_pow<F>(kLimbBits);
  const F two_to_2limb = two_pow<F>(2 * kLimbBits);
  const F two_to_3limb = two_pow<F>(3 * kLimbBits);

  const F a[3] = {e.w(0), e.w(1), e.w(2)};
  const F b[3] = {e.w(3), e.w(4), e.w(5)};
  const F &carry1_crumb0 = e.w(11), &carry1_crumb1 = e.w(12), &carry1_crumb2 = e.w(13), &carry1_bit = e.w(14);
  // compose_carry: 7 twelve-bit limbs, then crumbs at bits 84, 86, 88 and one bit at 90.
  const F carry_parts[11] = {e.w(7), e.w(8), e.w(9), e.w(10), e.w_next(8), e.w_next(9), e.w_next(10),
                             carry1_crumb0, carry1_crumb1, carry1_crumb2, carry1_bit};
  const unsigned carry_shifts[11] = {0, 12, 24, 36, 48, 60, 72, 84, 86, 88, 90};
  F carry1 = F::zero();
  for (size_t i = 0; i < 11; ++i) carry1 += two_pow<F>(carry_shifts[i]) * carry_parts[i];
  const F& carry0 = e.w_next(11);
  const F q[3] = {e.w_next(2), e.w_next(3), e.w_next(4)};
  const F& quotient_hi_bound = e.w_next(5);
  const F remainder[2] = {e.w_next(0), e.w_next(1)};
  const F& product1_lo = e.w(6);
  const F& product1_hi_0 = e.w_next(6);
  const F& product1_hi_1 = e.w_next(7);
  const F& hi_foreign_field_modulus = e.coeff(0);
  const F nf[3] = {e.coeff(1), e.coeff(2), e.coeff(3)};

  // compute_intermediate_products
  const F p0 = a[0] * b[0] + q[0] * nf[0];
  const F p1 = a[0] * b[1] + a[1] * b[0] + q[0] * nf[1] + q[1] * nf[0];
  const F p2 = a[0] * b[2] + a[2] * b[0] + a[1] * b[1] + q[0] * nf[2] + q[2] * nf[0] + q[1] * nf[1];

  // compute_native_modulus_values
  auto native = [&](const F x[3]) { return two_to_2limb * x[2] + two_to_limb * x[1] + x[0]; };
  const F a_n = native(a), b_n = native(b), q_n = native(q), nf_n = native(nf);
  const F r_n = two_to_2limb * remainder[1] + remainder[0];

  const F bound = q[2] + two_to_limb - hi_foreign_field_modulus - F::one();
  const F product1_hi = two_to_limb * product1_hi_1 + product1_hi_0;
  const F product1 = two_to_limb * product1_hi + product1_lo;

  return {
      crumb(product1_hi_1),                                                         // C1
      crumb(carry0),                                                                // C2
      p1 - product1,                                                                // C3
      two_to_2limb * carry0 - (p0 + two_to_limb * product1_lo - remainder[0]),     // C4
      a_n * b_n + q_n * nf_n - r_n - q_n * two_to_3limb,                            // C5
      crumb(carry1_crumb0),                                                         // C6
      crumb(carry1_crumb1),                                                         // C7
      crumb(carry1_crumb2),                                                         // C8
      gate_util::boolean(carry1_bit),                                               // C9
      two_to_limb * carry1 - (p2 + product1_hi + carry0 - remainder[1]),            // C10
      quotient_hi_bound - bound,                                                    // C11
  };
}

template std::array<Fp, kForeignFieldMulConstraints> foreign_field_mul_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kForeignFieldMulConstraints> foreign_field_mul_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
