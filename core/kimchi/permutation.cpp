#include "kimchi/permutation.hpp"

namespace mina::kimchi {

template <class F>
F perm_scalars(const PermutationCells<F>& c, const F& beta, const F& gamma, const F& alpha_pow21, const F& zkp) {
  // permutation.rs ConstraintSystem::perm_scalars (the zip with sigma stops after 6 columns).
  F res = c.z_next * beta * alpha_pow21 * zkp;
  for (size_t i = 0; i + 1 < kPermuts; ++i) res *= gamma + beta * c.sigma[i] + c.w[i];
  return -res;
}

template <class F>
F permutation_ft_eval0(const PermutationCells<F>& c, const ConstraintChallenges<F>& chal, const F* alpha_pows,
                       const EvaluationEnv<F>& env) {
  const F& beta = chal.beta;
  const F& gamma = chal.gamma;
  const F& zeta = env.zeta;
  const F& alpha0 = alpha_pows[kPermutationAlpha0];
  const F& alpha1 = alpha_pows[kPermutationAlpha0 + 1];
  const F& alpha2 = alpha_pows[kPermutationAlpha0 + 2];
  const F& zkp = env.zkp;
  const F one = F::one();

  // verifier.rs `oracles`, "Compute the evaluation of ft(ζ)", in the same order.
  F ft = (c.w[kPermuts - 1] + gamma) * c.z_next * alpha0 * zkp;
  for (size_t i = 0; i + 1 < kPermuts; ++i) ft *= beta * c.sigma[i] + c.w[i] + gamma;

  F shifted = alpha0 * zkp * c.z;
  for (size_t i = 0; i < kPermuts; ++i) shifted *= gamma + beta * zeta * env.shifts[i] + c.w[i];
  ft -= shifted;

  const F& w_zk = env.omega_to_minus_zk_rows;  // verifier index `w()` = ω^{n−zk_rows}
  const F numerator = (env.zeta_to_n_minus_1 * alpha1 * (zeta - w_zk) + env.zeta_to_n_minus_1 * alpha2 * (zeta - one)) *
                      (one - c.z);
  // EvaluationEnv::create rejected ζ on the domain, so both factors are nonzero.
  const F denominator = (zeta - w_zk) * (zeta - one);
  ft += numerator * *denominator.inverse();
  return ft;
}

template Fp perm_scalars<Fp>(const PermutationCells<Fp>&, const Fp&, const Fp&, const Fp&, const Fp&);
template Fq perm_scalars<Fq>(const PermutationCells<Fq>&, const Fq&, const Fq&, const Fq&, const Fq&);
template Fp permutation_ft_eval0<Fp>(const PermutationCells<Fp>&, const ConstraintChallenges<Fp>&, const Fp*,
                                     const EvaluationEnv<Fp>&);
template Fq permutation_ft_eval0<Fq>(const PermutationCells<Fq>&, const ConstraintChallenges<Fq>&, const Fq*,
                                     const EvaluationEnv<Fq>&);

}  // namespace mina::kimchi
