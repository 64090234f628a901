// kimchi/src/circuits/polynomials/endosclmul.rs `impl Argument for EndosclMul`: four scalar bits
// of the endomorphism-optimised scalar multiplication per row, two updates A ← (A + Q) + A with
// Q ∈ {±T, ±φ(T)} selected by a bit pair (φ(x, y) = (endo·x, y), endo = EndoCoefficient).
//   Curr: 0 xT, 1 yT, 4 xP, 5 yP, 6 n, 7 xR, 8 yR, 9 s1, 10 s3, 11..14 b1..b4
//   Next: 4 xS, 5 yS, 6 n'
//
// The DEPLOYED gate: 11 constraints. proof-systems 64129ce4eb ("kimchi: update endosclmul gate",
// 2026-02, present at 136c1df) appends a 12th, (xp − xr)·(xr − xs)·inv − 1 with inv in column 2,
// at α^11. Mina / o1js provers (every Pickles proof in existence) predate it and leave column 2
// empty, so the verifier must not add that term: the recorded wrap proofs are only accepted
// without it (found by core/kimchi/oracles.cpp against o1js-recorded IPA prechallenges).
#include "kimchi/gates/gates.hpp"

namespace mina::kimchi {

template <class F>
std::array<F, kEndoMulConstraints> endomul_constraints(const GateEnv<F>& e) {
  const F &b1 = e.w(11), &b2 = e.w(12), &b3 = e.w(13), &b4 = e.w(14);
  const F &xt = e.w(0), &yt = e.w(1);
  const F &xs = e.w_next(4), &ys = e.w_next(5);
  const F &xp = e.w(4), &yp = e.w(5);
  const F &xr = e.w(7), &yr = e.w(8);
  const F &s1 = e.w(9), &s3 = e.w(10);
  const F one = F::one();

  const F endo_minus_1 = e.endo_coefficient - one;
  const F xq1 = (one + b1 * endo_minus_1) * xt;
  const F xq2 = (one + b3 * endo_minus_1) * xt;
  const F yq1 = (b2.dbl() - one) * yt;
  const F yq2 = (b4.dbl() - one) * yt;
  const F s1_squared = s1.square();
  const F s3_squared = s3.square();

  // n' = 16·n + 8·b1 + 4·b2 + 2·b3 + b4
  const F& n = e.w(6);
  const F& n_next = e.w_next(6);
  const F n_constraint = (((n.dbl() + b1).dbl() + b2).dbl() + b3).dbl() + b4 - n_next;

  const F xp_xr = xp - xr;
  const F xr_xs = xr - xs;
  const F ys_yr = ys + yr;
  const F yr_yp = yr + yp;

  return {
      gate_util::boolean(b1),
      gate_util::boolean(b2),
      gate_util::boolean(b3),
      gate_util::boolean(b4),
      // (xq1 − xp)·s1 = yq1 − yp
      (xq1 - xp) * s1 - (yq1 - yp),
      // (2·xp − s1² + xq1)·((xp − xr)·s1 + yr + yp) = (xp − xr)·2·yp
      (xp.dbl() - s1_squared + xq1) * (xp_xr * s1 + yr_yp) - yp.dbl() * xp_xr,
      // (yr + yp)² = (xp − xr)²·(s1² − xq1 + xr)
      yr_yp.square() - xp_xr.square() * (s1_squared - xq1 + xr),
      // (xq2 − xr)·s3 = yq2 − yr
      (xq2 - xr) * s3 - (yq2 - yr),
      // (2·xr − s3² + xq2)·((xr − xs)·s3 + ys + yr) = (xr − xs)·2·yr
      (xr.dbl() - s3_squared + xq2) * (xr_xs * s3 + ys_yr) - yr.dbl() * xr_xs,
      // (ys + yr)² = (xr − xs)²·(s3² − xq2 + xs)
      ys_yr.square() - xr_xs.square() * (s3_squared - xq2 + xs),
      n_constraint,
  };
}

template std::array<Fp, kEndoMulConstraints> endomul_constraints<Fp>(const GateEnv<Fp>&);
template std::array<Fq, kEndoMulConstraints> endomul_constraints<Fq>(const GateEnv<Fq>&);

}  // namespace mina::kimchi
