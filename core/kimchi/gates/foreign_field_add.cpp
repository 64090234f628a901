// kimchi/src/circuits/polynomials/foreign_field_add/circuitgates.rs `ForeignFieldAdd`:
// a ± b = q·f + r over 88-bit limbs, with the low and middle limbs compacted into one 176-bit
// "bottom" limb.
//   coefficients: 0..2 foreign modulus limbs f0 f1 f2, 3 sign s (±1)
//   Curr: 0..2 a0 a1 a2, 3..5 b0 b1 b2, 6 field_overflow q, 7 carry c
//   Next: 0..2 r0 r1 r2
// Constraints: q·(q − s) = 0, c ∈ {−1, 0, 1}, bottom and top limb equations.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kForeignFieldAddConstraints> foreign_field_add_constraints(const GateEnv<F>& e) {
  using gate_util::kLimbBits;
  const F two_to_limb = gate_util::two_pow<F>(kLimbBits);
  const F two_to_2limb = gate_util::two_pow<F>(2 * kLimbBits);
  auto compact = [&](const F& lo, const F& mi) { return lo + mi * two_to_limb; };

  const F &f0 = e.coeff(0), &f1 = e.coeff(1), &f2 = e.coeff(2), &sign = e.coeff(3);
  const F &a0 = e.w(0), &a1 = e.w(1), &a2 = e.w(2);
  const F &b0 = e.w(3), &b1 = e.w(4), &b2 = e.w(5);
  const F &overflow = e.w(6), &carry = e.w(7);
  const F &r0 = e.w_next(0), &r1 = e.w_next(1), &r2 = e.w_next(2);
  const F one = F::one();

  const F result_bot = compact(a0, a1) + sign * compact(b0, b1) - overflow * compact(f0, f1) - carry * two_to_2limb;
  const F result_top = a2 + sign * b2 - overflow * f2 + carry;
  return {
      overflow * (overflow - sign),
      carry * (carry - one) * (carry + one),  // is_carry
      result_bot - compact(r0, r1),
      result_top - r2,
  };
}

template std::array<Fp, kForeignFieldAddConstraints> foreign_field_add_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kForeignFieldAddConstraints> foreign_field_add_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
