// kimchi/src/circuits/polynomials/complete_add.rs `impl Argument for CompleteAdd`: one complete
// affine addition (x1, y1) + (x2, y2) = (x3, y3) per row, covering doubling (same_x) and the
// point at infinity (inf).
//   columns: 0 x1, 1 y1, 2 x2, 3 y2, 4 x3, 5 y3, 6 inf, 7 same_x, 8 s, 9 inf_z, 10 x21_inv
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kCompleteAddConstraints> complete_add_constraints(const GateEnv<F>& e) {
  const F &x1 = e.w(0), &y1 = e.w(1), &x2 = e.w(2), &y2 = e.w(3), &x3 = e.w(4), &y3 = e.w(5);
  const F &inf = e.w(6), &same_x = e.w(7), &s = e.w(8), &inf_z = e.w(9), &x21_inv = e.w(10);
  const F x21 = x2 - x1;
  const F y21 = y2 - y1;
  const F one = F::one();
  std::array<F, kCompleteAddConstraints> out;
  // zero_check(x21, x21_inv, same_x): x21_inv·x21 − (1 − same_x), same_x·x21
  out[0] = x21_inv * x21 - (one - same_x);
  out[1] = same_x * x21;
  // slope: doubling 2·s·y1 = 3·x1², addition (x2 − x1)·s = y2 − y1
  const F x1_squared = x1 * x1;
  const F dbl_case = s.dbl() * y1 - x1_squared.dbl() - x1_squared;
  const F add_case = x21 * s - y21;
  out[2] = same_x * dbl_case + (one - same_x) * add_case;
  out[3] = x1 + x2 + x3 - s * s;
  out[4] = s * (x1 - x3) - y1 - y3;
  out[5] = y21 * (same_x - inf);
  out[6] = y21 * inf_z - inf;
  return out;
}

template std::array<Fp, kCompleteAddConstraints> complete_add_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kCompleteAddConstraints> complete_add_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
