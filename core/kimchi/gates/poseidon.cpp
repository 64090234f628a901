// kimchi/src/circuits/polynomials/poseidon.rs `impl Argument for Poseidon`: five full rounds per
// row. The six states of a row live in the column triples given by STATE_ORDER = [0, 2, 3, 4, 1]
// (`round_to_cols(i)` = columns 3·STATE_ORDER[i] .. +3), the sixth in the next row's columns
// 0..2. ROUND_EQUATIONS: state k+1 = MDS·sbox(state k) + round constants, with the 3 constants of
// round k in coefficients 3k..3k+2; S-box x^7 (PlonkSpongeConstantsKimchi::PERM_SBOX). The
// constraint for target column j is `target_j − (rc + Σ_c mds[j][c]·sboxed_c)`, in round-major
// order (15 constraints).
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {
namespace {
constexpr size_t kStateOrder[5] = {0, 2, 3, 4, 1};
constexpr size_t kRoundsPerRow = 5;

template <class F>
F sbox(const F& x) {
  F x2 = x.square();
  return x2.square() * x2 * x;
}
}  // namespace

template <class F>
std::array<F, kPoseidonConstraints> poseidon_constraints(const GateEnv<F>& e) {
  std::array<F, kPoseidonConstraints> out;
  size_t idx = 0;
  for (size_t round = 0; round < kRoundsPerRow; ++round) {
    const size_t src = 3 * kStateOrder[round];
    const F sboxed[3] = {sbox(e.w(src)), sbox(e.w(src + 1)), sbox(e.w(src + 2))};
    const bool last = round + 1 == kRoundsPerRow;
    const size_t dst = last ? 0 : 3 * kStateOrder[round + 1];
    for (size_t j = 0; j < 3; ++j) {
      const F& target = last ? e.w_next(dst + j) : e.w(dst + j);
      F acc = e.coeff(idx);
      for (size_t c = 0; c < 3; ++c) acc += e.mds[j][c] * sboxed[c];
      out[idx++] = target - acc;
    }
  }
  return out;
}

template std::array<Fp, kPoseidonConstraints> poseidon_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kPoseidonConstraints> poseidon_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
