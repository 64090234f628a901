// kimchi/src/circuits/polynomials/generic.rs `impl Argument for Generic`: two generic gates per
// row, each coeff_l·l + coeff_r·r + coeff_o·o + coeff_m·l·r + coeff_c, on witness columns 0..2
// with coefficients 0..4 and on columns 3..5 with coefficients 5..9.
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kGenericConstraints> generic_constraints(const GateEnv<F>& e) {
  std::array<F, kGenericConstraints> out;
  for (size_t g = 0; g < 2; ++g) {
    const size_t c = 5 * g, r = 3 * g;
    const F& left = e.w(r);
    const F& right = e.w(r + 1);
    const F& output = e.w(r + 2);
    out[g] = e.coeff(c) * left + e.coeff(c + 1) * right + e.coeff(c + 2) * output + e.coeff(c + 3) * left * right +
             e.coeff(c + 4);
  }
  return out;
}

template std::array<Fp, kGenericConstraints> generic_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kGenericConstraints> generic_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
