// kimchi/src/circuits/polynomials/varbasemul.rs `impl Argument for VarbaseMul`: five bits of a
// variable-base scalar multiplication over two rows, acc ← (acc + (2b − 1)·T) + acc.
//   Curr: 0 xT, 1 yT, 2 x0, 3 y0, 4 n, 5 n', 7..14 (x1, y1) … (x4, y4)
//   Next: 0 x5, 1 y5, 2..6 b0..b4, 7..11 s0..s4
// Constraint 0 is the scalar accumulation n' = 32·n + bits (MSB first); then, per bit, four:
// booleanity, the slope s1, output x (through u² = t²·(xO − xT + s1²)) and output y.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kVarbaseMulConstraints> varbasemul_constraints(const GateEnv<F>& e) {
  // Layout::create
  struct Pt { F x, y; };
  const Pt base{e.w(0), e.w(1)};
  const Pt accs[6] = {{e.w(2), e.w(3)},   {e.w(7), e.w(8)},   {e.w(9), e.w(10)},
                      {e.w(11), e.w(12)}, {e.w(13), e.w(14)}, {e.w_next(0), e.w_next(1)}};
  const F& n_prev = e.w(4);
  const F& n_next = e.w(5);

  std::array<F, kVarbaseMulConstraints> out;
  F acc = n_prev;
  for (size_t i = 0; i < 5; ++i) acc = e.w_next(2 + i) + acc.dbl();
  out[0] = n_next - acc;

  const F one = F::one();
  for (size_t i = 0; i < 5; ++i) {
    const F& b = e.w_next(2 + i);
    const F& s1 = e.w_next(7 + i);
    const Pt& input = accs[i];
    const Pt& output = accs[i + 1];
    // single_bit
    const F b_sign = b.dbl() - one;
    const F s1_squared = s1 * s1;
    const F rx = s1_squared - input.x - base.x;
    const F t = input.x - rx;
    const F u = input.y.dbl() - t * s1;
    out[1 + 4 * i] = gate_util::boolean(b);
    out[2 + 4 * i] = (input.x - base.x) * s1 - (input.y - b_sign * base.y);
    out[3 + 4 * i] = u * u - t * t * (output.x - base.x + s1_squared);
    out[4 + 4 * i] = (output.y + input.y) * t - (input.x - output.x) * u;
  }
  return out;
}

template std::array<Fp, kVarbaseMulConstraints> varbasemul_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kVarbaseMulConstraints> varbasemul_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
