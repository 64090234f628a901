#include "kimchi/env.hpp"

#include <algorithm>
#include <string>

#include "curve/endo.hpp"
#include "curve/params.hpp"
#include "hash/blake2b.hpp"

namespace mina::kimchi {
namespace {

// permutation.rs `Shifts::sample`: bump the counter, hash its big-endian bytes, keep 31 bytes.
template <class F>
F sample_shift(uint32_t& counter) {
  for (;;) {
    ++counter;
    const uint8_t be[4] = {uint8_t(counter >> 24), uint8_t(counter >> 16), uint8_t(counter >> 8), uint8_t(counter)};
    Bytes h = blake2b_512(ByteSpan(be, 4));
    U256 v;
    for (size_t i = 0; i < 31; ++i) v.w[i / 8] |= uint64_t(h[i]) << (8 * (i % 8));
    F shift = F::from_int_unchecked(v);  // < 2^248 < modulus
    // The domain-membership test upstream can never fire for a non-residue (see env.hpp).
    if (shift.legendre() == -1) return shift;
  }
}

template <class F>
std::array<F, kPermuts> compute_shifts() {
  std::array<F, kPermuts> shifts{};
  shifts[0] = F::one();
  uint32_t counter = 7;
  for (size_t idx = 1; idx < kPermuts; ++idx) {
    F shift = sample_shift<F>(counter);
    while (std::find(shifts.begin(), shifts.begin() + idx, shift) != shifts.begin() + idx)
      shift = sample_shift<F>(counter);
    shifts[idx] = shift;
  }
  return shifts;
}

template <class F>
F domain_generator(uint32_t log2) {
  F w = F::two_adic_root_of_unity();
  for (uint32_t i = log2; i < F::Params::kTwoAdicity; ++i) w = w.square();
  return w;
}

}  // namespace

template <class F>
const std::array<F, kPermuts>& permutation_shifts() {
  static const std::array<F, kPermuts> shifts = compute_shifts<F>();
  return shifts;
}

template <>
const Fp& circuit_endo_coefficient<Fp>() {
  return endo_q<PallasParams>();
}
template <>
const Fq& circuit_endo_coefficient<Fq>() {
  return endo_q<VestaParams>();
}

template <class F>
F eval_vanishes_on_last_n_rows(const F& omega, uint64_t n, uint64_t i, const F& x) {
  if (i == 0) return F::one();
  F term = omega.pow(U256{n - i});
  F acc = x - term;
  for (uint64_t k = 0; k + 1 < i; ++k) {
    term *= omega;
    acc *= x - term;
  }
  return acc;
}

template <class F>
F eval_permutation_vanishing_polynomial(const F& omega, uint64_t n, uint64_t zk_rows, const F& x) {
  const F term = omega.pow(U256{n - zk_rows});
  return (x - term) * (x - term * omega) * (x - omega.pow(U256{n - 1}));
}

template <class F>
Result<EvaluationEnv<F>> EvaluationEnv<F>::create(uint32_t domain_log2, const F& zeta, uint64_t zk_rows) {
  if (domain_log2 > F::Params::kTwoAdicity)
    return Error{ErrorCode::kInvalidArgument, "kimchi domain 2^" + std::to_string(domain_log2) + " exceeds the " +
                                                  F::Params::kName + " two-adicity"};
  EvaluationEnv e;
  e.domain_log2 = domain_log2;
  e.n = uint64_t(1) << domain_log2;
  if (zk_rows == 0 || zk_rows + 1 >= e.n)
    return Error{ErrorCode::kInvalidArgument, "zk_rows " + std::to_string(zk_rows) + " does not fit a domain of " +
                                                  std::to_string(e.n) + " rows"};
  e.zk_rows = zk_rows;
  e.zeta = zeta;
  e.omega = domain_generator<F>(domain_log2);
  e.shifts = permutation_shifts<F>();
  e.endo_coefficient = circuit_endo_coefficient<F>();
  e.mds = kimchi_mds<F>();

  e.zeta_omega = zeta * e.omega;
  F zeta_n = zeta;
  for (uint32_t i = 0; i < domain_log2; ++i) zeta_n = zeta_n.square();
  e.zeta_to_n_minus_1 = zeta_n - F::one();
  // ζ^n = 1 exactly when ζ is a domain element: every Lagrange/boundary denominator below is
  // (ζ − ω^i) for some i, so this one test covers them all.
  if (e.zeta_to_n_minus_1.is_zero())
    return Error{ErrorCode::kInvalidArgument, "zeta lies on the evaluation domain"};
  e.omega_to_minus_zk_rows = e.omega.pow(U256{e.n - zk_rows});
  e.zkp = eval_permutation_vanishing_polynomial(e.omega, e.n, zk_rows, zeta);
  e.vanishes_on_zero_knowledge_and_previous_rows = eval_vanishes_on_last_n_rows(e.omega, e.n, zk_rows + 1, zeta);
  return e;
}

template <class F>
F EvaluationEnv<F>::omega_pow(int64_t i) const {
  // ω has order n, so ω^i = ω^(i mod n) for negative i as well.
  const int64_t nn = int64_t(n);
  int64_t r = i % nn;
  if (r < 0) r += nn;
  return omega.pow(U256{uint64_t(r)});
}

template <class F>
F EvaluationEnv<F>::unnormalized_lagrange_basis(RowOffset row) const {
  const int64_t i = row.zk_rows ? -int64_t(zk_rows) + row.offset : int64_t(row.offset);
  return zeta_to_n_minus_1 * *(zeta - omega_pow(i)).inverse();
}

#define MINA_KIMCHI_ENV_INSTANTIATE(F)                                                     \
  template const std::array<F, kPermuts>& permutation_shifts<F>();                        \
  template F eval_vanishes_on_last_n_rows<F>(const F&, uint64_t, uint64_t, const F&);     \
  template F eval_permutation_vanishing_polynomial<F>(const F&, uint64_t, uint64_t, const F&); \
  template struct EvaluationEnv<F>;
MINA_KIMCHI_ENV_INSTANTIATE(Fp)
MINA_KIMCHI_ENV_INSTANTIATE(Fq)
#undef MINA_KIMCHI_ENV_INSTANTIATE

}  // namespace mina::kimchi
