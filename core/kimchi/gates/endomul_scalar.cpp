// kimchi/src/circuits/polynomials/endomul_scalar.rs `impl Argument for EndomulScalar`: eight
// iterations of Algorithm 2 of the Halo paper per row, turning a scalar challenge's crumbs into
// the (a, b) with effective scalar a·endo + b.
//   Curr: 0 n0, 1 n8, 2 a0, 3 b0, 4 a8, 5 b8, 6..13 x0..x7 (crumbs, MSB first)
// c_func(x) = 2/3·x³ − 5/2·x² + 11/6·x, d_func(x) = c_func(x) + (−x² + 3x − 1), both evaluated
// by Horner from the lowest coefficient as kimchi's `polynomial` does; constraints:
// n8 = 4-adic accumulation of the crumbs, a8 = 2-adic accumulation of c_func, same for b8 and
// d_func, then crumb(x_i) for each of the 8 crumbs written as x·(x³ − 6x² + 11x − 6).
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {
namespace {

template <class F, size_t N>
F polynomial(const std::array<F, N>& coeffs, const F& x) {
  F acc = F::zero();
  for (size_t i = N; i-- > 0;) acc = acc * x + coeffs[i];
  return acc;
}

template <class F>
struct Coeffs {
  std::array<F, 4> c;             // c_func
  std::array<F, 4> crumb_over_x;  // (x − 1)(x − 2)(x − 3)
  std::array<F, 3> d_minus_c;
};

template <class F>
const Coeffs<F>& coeffs() {
  static const Coeffs<F> k = [] {
    const F two = F::from_u64(2), three = F::from_u64(3), six = F::from_u64(6);
    Coeffs<F> r;
    r.c = {F::zero(), F::from_u64(11) * *six.inverse(), -(F::from_u64(5) * *two.inverse()), two * *three.inverse()};
    r.crumb_over_x = {-six, F::from_u64(11), -six, F::one()};
    r.d_minus_c = {-F::one(), three, -F::one()};
    return r;
  }();
  return k;
}

}  // namespace

template <class F>
std::array<F, kEndoMulScalarConstraints> endomul_scalar_constraints(const GateEnv<F>& e) {
  const Coeffs<F>& k = coeffs<F>();
  const F &n0 = e.w(0), &n8 = e.w(1), &a0 = e.w(2), &b0 = e.w(3), &a8 = e.w(4), &b8 = e.w(5);
  F n_acc = n0, a_acc = a0, b_acc = b0;
  std::array<F, kEndoMulScalarConstraints> out;
  for (size_t i = 0; i < 8; ++i) {
    const F& x = e.w(6 + i);
    const F c = polynomial(k.c, x);
    const F d = c + polynomial(k.d_minus_c, x);
    n_acc = n_acc.dbl().dbl() + x;
    a_acc = a_acc.dbl() + c;
    b_acc = b_acc.dbl() + d;
    out[3 + i] = polynomial(k.crumb_over_x, x) * x;
  }
  out[0] = n_acc - n8;
  out[1] = a_acc - a8;
  out[2] = b_acc - b8;
  return out;
}

template std::array<Fp, kEndoMulScalarConstraints> endomul_scalar_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kEndoMulScalarConstraints> endomul_scalar_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
