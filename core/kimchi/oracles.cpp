#include "kimchi/oracles.hpp"

#include "commitment/lagrange.hpp"

#include <string>

#include "commitment/b_poly.hpp"
#include "commitment/ipa.hpp"
#include "kimchi/alphas.hpp"
#include "kimchi/constraints.hpp"
#include "kimchi/env.hpp"

namespace mina::kimchi {
namespace {

using E = pickles::PointEvaluations<Fq>;

void absorb_commitment(FqSponge<PallasParams>& sponge, const PallasPolyComm& comm) {
  sponge.absorb_g(std::span<const PallasAffine>(comm.chunks));
}

// plonk_sponge.rs absorb_evaluations order (no optional evaluations in a wrap proof):
// z, generic, poseidon, complete_add, mul, emul, endomul_scalar, w[0..15], coefficients[0..15],
// s[0..6].
std::vector<const E*> absorption_sequence(const pickles::ProofEvaluations<Fq>& e) {
  std::vector<const E*> points = {&e.z,           &e.generic_selector, &e.poseidon_selector,
                                  &e.complete_add_selector, &e.mul_selector, &e.emul_selector,
                                  &e.endomul_scalar_selector};
  for (const auto& w : e.w) points.push_back(&w);
  for (const auto& c : e.coefficients) points.push_back(&c);
  for (const auto& s : e.s) points.push_back(&s);
  return points;
}

bool has_optional(const pickles::ProofEvaluations<Fq>& e) {
  bool any = e.range_check0_selector || e.range_check1_selector || e.foreign_field_add_selector ||
             e.foreign_field_mul_selector || e.xor_selector || e.rot_selector || e.lookup_aggregation ||
             e.lookup_table || e.runtime_lookup_table || e.runtime_lookup_table_selector || e.xor_lookup_selector ||
             e.lookup_gate_lookup_selector || e.range_check_lookup_selector || e.foreign_field_mul_lookup_selector;
  for (const auto& s : e.lookup_sorted) any = any || s.has_value();
  return any;
}

// RecursionChallenge::evals for b_len = 2^chals.len() = max_poly_size (checked by the caller):
// one chunk per point, b(pt).
std::vector<std::vector<Fq>> recursion_evals(const RecursionChallenge& c, const std::array<Fq, 2>& points) {
  std::vector<std::vector<Fq>> out;
  for (const auto& pt : points) out.push_back({b_poly<Fq>(c.chals, pt)});
  return out;
}

}  // namespace

std::optional<Error> check_wrap_shapes(const WrapVerifierIndex& index, const pickles::KimchiProof& proof,
                                       std::span<const RecursionChallenge> prev_challenges,
                                       std::span<const Fq> public_input) {
  if (prev_challenges.size() != index.prev_challenges)
    return Error{ErrorCode::kInvalidLength, "kimchi: " + std::to_string(prev_challenges.size()) +
                                                " recursion challenges, the index expects " +
                                                std::to_string(index.prev_challenges)};
  if (public_input.size() != index.public_)
    return Error{ErrorCode::kInvalidLength, "kimchi: " + std::to_string(public_input.size()) +
                                                " public inputs, the index expects " + std::to_string(index.public_)};
  if (index.domain.size > index.max_poly_size)
    return Error{ErrorCode::kUnsupported, "kimchi: chunked wrap domains (n > max_poly_size) are not supported"};
  // RecursionChallenge::evals would give a second chunk for 2^len ≠ max_poly_size, which a
  // one-point commitment cannot match; Pickles' wrap challenges always have log2(max_poly_size).
  const size_t rounds = ceil_log2(index.max_poly_size);
  for (size_t i = 0; i < prev_challenges.size(); ++i) {
    if (prev_challenges[i].chals.size() != rounds)
      return Error{ErrorCode::kInvalidLength, "kimchi: recursion challenge " + std::to_string(i) + " has " +
                                                  std::to_string(prev_challenges[i].chals.size()) +
                                                  " challenges, expected " + std::to_string(rounds)};
    if (prev_challenges[i].comm.len() != 1)
      return Error{ErrorCode::kInvalidLength, "kimchi: recursion challenge " + std::to_string(i) +
                                                  " commitment must have one chunk"};
  }
  //~ 1. Check the length of evaluations inside the proof (check_proof_evals_len, chunk size 1).
  for (const E* p : absorption_sequence(proof.evals)) {
    if (p->zeta.size() != 1 || p->zeta_omega.size() != 1)
      return Error{ErrorCode::kInvalidLength, "kimchi: wrap proof evaluations must have exactly one chunk"};
  }
  if (has_optional(proof.evals))
    return Error{ErrorCode::kInvalidArgument, "kimchi: wrap proof carries optional (lookup / custom gate) evaluations"};
  return std::nullopt;
}

Result<PallasPolyComm> public_commitment(const Srs<PallasParams>& srs, std::span<const PallasPolyComm> lagrange_basis,
                                         std::span<const Fq> public_input) {
  if (lagrange_basis.size() < public_input.size())
    return Error{ErrorCode::kInvalidLength, "public commitment: " + std::to_string(lagrange_basis.size()) +
                                                " Lagrange commitments for " + std::to_string(public_input.size()) +
                                                " public inputs"};
  if (public_input.empty()) return PallasPolyComm{{srs.h}};  // blinding_commitment, chunk size 1
  std::vector<const PallasPolyComm*> com;
  std::vector<Fq> elm;
  for (size_t i = 0; i < public_input.size(); ++i) {
    if (lagrange_basis[i].len() != 1)
      return Error{ErrorCode::kInvalidLength, "public commitment: Lagrange commitments must have one chunk"};
    com.push_back(&lagrange_basis[i]);
    elm.push_back(-public_input[i]);
  }
  MINA_TRY(comm, poly_comm_multi_scalar_mul<PallasParams>(com, elm));
  const std::vector<Fq> blinders(comm.len(), Fq::one());
  return mask_custom<PallasParams>(srs, comm, blinders);
}

Result<PallasPolyComm> public_commitment_direct(const Srs<PallasParams>& srs, const Radix2Domain<Fq>& domain,
                                                std::span<const Fq> public_input) {
  if (public_input.empty()) return PallasPolyComm{{srs.h}};
  std::vector<Fq> negated(public_input.begin(), public_input.end());
  for (auto& x : negated) x = -x;
  MINA_TRY(comm, commit_lagrange_combination<PallasParams>(srs, domain, negated));
  const std::vector<Fq> blinders(comm.len(), Fq::one());
  return mask_custom<PallasParams>(srs, comm, blinders);
}

Result<OraclesResult> oracles(const WrapVerifierIndex& index, const pickles::KimchiProof& proof,
                              std::span<const RecursionChallenge> prev_challenges, const PallasPolyComm& public_comm,
                              std::span<const Fq> public_input) {
  if (auto err = check_wrap_shapes(index, proof, prev_challenges, public_input)) return *err;
  const uint64_t n = index.domain.size;
  const Fq& endo_r = mina::endo_r<PallasParams>();

  //~
  //~ #### Fiat-Shamir argument
  //~
  //~ 1. Setup the Fq-Sponge.
  OraclesResult res;
  FqSponge<PallasParams> fq_sponge;

  //~ 1. Absorb the digest of the VerifierIndex.
  res.verifier_index_digest = index.digest();
  fq_sponge.absorb_fq(res.verifier_index_digest);

  //~ 1. Absorb the commitments of the previous challenges with the Fq-sponge.
  for (const auto& rc : prev_challenges) absorb_commitment(fq_sponge, rc.comm);

  //~ 1. Absorb the commitment of the public input polynomial with the Fq-Sponge.
  absorb_commitment(fq_sponge, public_comm);

  //~ 1. Absorb the commitments to the registers / witness columns with the Fq-Sponge.
  fq_sponge.absorb_g(std::span<const PallasAffine>(proof.w_comm));

  //~ 1. If lookup is used: (never for wrap circuits: no runtime commitment, no joint combiner,
  //~    no sorted commitments).

  //~ 1. Sample the first permutation challenge $\beta$ with the Fq-Sponge.
  RandomOracles& o = res.oracles;
  o.beta = fq_sponge.challenge();
  //~ 1. Sample the second permutation challenge $\gamma$ with the Fq-Sponge.
  o.gamma = fq_sponge.challenge();

  //~ 1. If using lookup, absorb the commitment to the aggregation lookup polynomial. (no)
  //~ 1. Absorb the commitment to the permutation trace with the Fq-Sponge.
  fq_sponge.absorb_g(proof.z_comm);

  //~ 1. Sample the quotient challenge $\alpha'$ with the Fq-Sponge.
  o.alpha_chal = fq_sponge.prechallenge();
  //~ 1. Derive $\alpha$ from $\alpha'$ using the endomorphism.
  o.alpha = o.alpha_chal.to_field(endo_r);

  //~ 1. Enforce that the length of the $t$ commitment is of size 7 (by type: 7 chunks, chunk
  //~    size 1).
  //~ 1. Absorb the commitment to the quotient polynomial $t$ into the argument.
  fq_sponge.absorb_g(std::span<const PallasAffine>(proof.t_comm));

  //~ 1. Sample $\zeta'$ with the Fq-Sponge.
  o.zeta_chal = fq_sponge.prechallenge();
  //~ 1. Derive $\zeta$ from $\zeta'$ using the endomorphism.
  o.zeta = o.zeta_chal.to_field(endo_r);
  const Fq zeta = o.zeta;

  //~ 1. Setup the Fr-Sponge.
  res.digest = fq_sponge.digest();
  FrSponge<Fq> fr_sponge;
  //~ 1. Squeeze the Fq-sponge and absorb the result with the Fr-Sponge.
  fr_sponge.absorb(res.digest);

  //~ 1. Absorb the previous recursion challenges.
  Fq prev_challenge_digest;
  {
    FrSponge<Fq> s;
    for (const auto& rc : prev_challenges) s.absorb_multiple(rc.chals);
    prev_challenge_digest = s.digest();
  }
  fr_sponge.absorb(prev_challenge_digest);

  // prepare some often used values. The environment rejects ζ on the domain (every
  // denominator below is then nonzero).
  MINA_TRY(env, EvaluationEnv<Fq>::create(index.domain.log_size, zeta, index.zk_rows));
  env.shifts = index.shift;
  env.endo_coefficient = index.endo;
  res.zeta1 = env.zeta_to_n_minus_1 + Fq::one();
  const Fq zetaw = zeta * index.domain.group_gen;
  const std::array<Fq, 2> evaluation_points = {zeta, zetaw};
  res.powers_of_eval_points_for_chunks.zeta = {zeta.pow(U256{index.max_poly_size})};
  res.powers_of_eval_points_for_chunks.zeta_omega = {zetaw.pow(U256{index.max_poly_size})};

  //~ 1. Compute evaluations for the previous recursion challenges.
  for (const auto& rc : prev_challenges) res.polys.emplace_back(rc.comm, recursion_evals(rc, evaluation_points));

  // retrieve ranges for the powers of alphas
  res.all_alphas = powers_of_alpha(o.alpha);

  //~ 1. Evaluate the negated public polynomial (if present) at $\zeta$ and $\zeta\omega$.
  //~    p(x) = (x^n − 1)/n · Σ_i (−pub_i)·ω^i/(x − ω^i)
  {
    const size_t k = public_input.size();
    if (k == 0) {
      res.public_evals = {std::vector<Fq>{Fq::zero()}, std::vector<Fq>{Fq::zero()}};
    } else {
      std::vector<Fq> w = Radix2Domain<Fq>::powers(index.domain.group_gen, k);
      std::vector<Fq> zeta_minus_x(2 * k);
      for (size_t i = 0; i < k; ++i) {
        zeta_minus_x[i] = zeta - w[i];
        zeta_minus_x[k + i] = zetaw - w[i];
      }
      Fq::batch_inverse(zeta_minus_x);
      Fq s0 = Fq::zero(), s1 = Fq::zero();
      for (size_t i = 0; i < k; ++i) {
        s0 += -zeta_minus_x[i] * public_input[i] * w[i];
        s1 += -zeta_minus_x[k + i] * public_input[i] * w[i];
      }
      const Fq p0 = s0 * (res.zeta1 - Fq::one()) * index.domain.size_inv;
      const Fq p1 = s1 * index.domain.size_inv * (zetaw.pow(U256{n}) - Fq::one());
      res.public_evals = {std::vector<Fq>{p0}, std::vector<Fq>{p1}};
    }
  }

  //~ 1. Absorb the unique evaluation of ft: $ft(\zeta\omega)$.
  fr_sponge.absorb(proof.ft_eval1);

  //~ 1. Absorb all the polynomial evaluations in $\zeta$ and $\zeta\omega$:
  //~~ * the public polynomial
  //~~ * z
  //~~ * generic selector
  //~~ * poseidon selector
  //~~ * the 15 register/witness
  //~~ * 6 sigmas evaluations (the last one is not evaluated)
  fr_sponge.absorb_multiple(res.public_evals[0]);
  fr_sponge.absorb_multiple(res.public_evals[1]);
  for (const E* p : absorption_sequence(proof.evals)) {
    fr_sponge.absorb_multiple(p->zeta);
    fr_sponge.absorb_multiple(p->zeta_omega);
  }

  //~ 1. Sample the "polyscale" $v'$ with the Fr-Sponge.
  o.v_chal = fr_sponge.challenge();
  //~ 1. Derive $v$ from $v'$ using the endomorphism.
  o.v = o.v_chal.to_field(endo_r);
  //~ 1. Sample the "evalscale" $u'$ with the Fr-Sponge.
  o.u_chal = fr_sponge.challenge();
  //~ 1. Derive $u$ from $u'$ using the endomorphism.
  o.u = o.u_chal.to_field(endo_r);

  //~ 1. Create a list of all polynomials that have an evaluation proof.
  //~    (evals.combine(powers_of_eval_points_for_chunks) is the identity for one chunk.)

  //~ 1. Compute the evaluation of $ft(\zeta)$: permutation and boundary terms, minus the public
  //~    evaluation (eval_polynomial of one chunk = p(ζ)), minus the linearization's constant term.
  const ConstraintChallenges<Fq> chal{o.alpha, o.beta, o.gamma, Fq::zero()};
  MINA_TRY(ft0, ft_eval0<Fq>(proof.evals, chal, env, pickles::FeatureFlags{}, res.public_evals[0][0]));
  res.ft_eval0 = ft0;

  //~ 1. combined_inner_product over: recursion challenges, public, ft, z, the six selectors,
  //~    witness 0..14, coefficients 0..14, sigma 0..5.
  std::vector<std::vector<std::vector<Fq>>> es;
  for (const auto& [comm, e] : res.polys) es.push_back(e);
  es.push_back({res.public_evals[0], res.public_evals[1]});
  es.push_back({{res.ft_eval0}, {proof.ft_eval1}});
  for (const E* p : absorption_sequence(proof.evals)) es.push_back({p->zeta, p->zeta_omega});
  MINA_TRY(cip, combined_inner_product<Fq>(o.v, o.u, es));
  res.combined_inner_product = cip;

  res.fq_sponge = fq_sponge;
  return res;
}

Result<OraclesResult> oracles(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                              const pickles::KimchiProof& proof, std::span<const RecursionChallenge> prev_challenges,
                              std::span<const Fq> public_input, std::span<const PallasPolyComm> lagrange_basis) {
  if (auto err = check_wrap_shapes(index, proof, prev_challenges, public_input)) return *err;
  MINA_TRY(public_comm, public_commitment(srs, lagrange_basis, public_input));
  return oracles(index, proof, prev_challenges, public_comm, public_input);
}

}  // namespace mina::kimchi
