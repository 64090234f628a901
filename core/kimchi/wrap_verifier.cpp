#include "kimchi/wrap_verifier.hpp"

#include <string>

#include "kimchi/constraints.hpp"
#include "kimchi/env.hpp"
#include "pickles/dummy.hpp"

namespace mina::kimchi {

Result<std::vector<RecursionChallenge>> wrap_prev_challenges(const pickles::Statement& statement) {
  const auto& olds = statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges;
  const auto& comms = statement.messages_for_next_step_proof.challenge_polynomial_commitments;
  if (olds.size() > kWrapPrevChallenges)
    return Error{ErrorCode::kInvalidLength, "wrap proof: " + std::to_string(olds.size()) +
                                                " old bulletproof challenge vectors (at most 2)"};
  if (comms.size() > olds.size())
    return Error{ErrorCode::kInvalidLength, "wrap proof: " + std::to_string(comms.size()) +
                                                " challenge polynomial commitments for " +
                                                std::to_string(olds.size()) + " old challenge vectors"};
  const PallasAffine& dummy_sg = pickles::dummy::ipa_wrap_sg();
  const auto& dummy_chals = pickles::dummy::ipa_wrap_challenges_computed();
  std::vector<RecursionChallenge> out;
  // Wrap_hack.pad_accumulator: (2 − n) dummies in front.
  for (size_t i = olds.size(); i < kWrapPrevChallenges; ++i)
    out.push_back(RecursionChallenge{std::vector<Fq>(dummy_chals.begin(), dummy_chals.end()), PallasPolyComm{{dummy_sg}}});
  // Vector.map2 of the commitments (front-extended with Dummy.Ipa.Wrap.sg) and the vectors.
  const size_t missing = olds.size() - comms.size();
  for (size_t i = 0; i < olds.size(); ++i) {
    const auto chals = pickles::compute_wrap_challenges(olds[i]);
    const PallasAffine& comm = i < missing ? dummy_sg : comms[i - missing];
    out.push_back(RecursionChallenge{std::vector<Fq>(chals.begin(), chals.end()), PallasPolyComm{{comm}}});
  }
  return out;
}

OpeningProof<PallasParams> to_opening_proof(const pickles::OpeningProof& p) {
  OpeningProof<PallasParams> o;
  o.lr = p.lr;
  o.delta = p.delta;
  o.z1 = p.z1;
  o.z2 = p.z2;
  o.sg = p.sg;
  return o;
}

Result<BatchEvaluationProof<PallasParams>> to_batch(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                                                    std::span<const PallasPolyComm> lagrange_basis,
                                                    const pickles::KimchiProof& proof,
                                                    std::span<const RecursionChallenge> prev_challenges,
                                                    std::span<const Fq> public_input,
                                                    const PallasPolyComm* precomputed_public_comm) {
  //~
  //~ #### Partial verification
  //~
  //~ For every proof we want to verify, we defer the proof opening to the very end.
  //~ Essentially, this steps verifies that $f(\zeta) = t(\zeta) * Z_H(\zeta)$.
  if (srs.g.size() < index.max_poly_size)
    return Error{ErrorCode::kInvalidArgument, "kimchi: SRS has " + std::to_string(srs.g.size()) +
                                                  " points, the index needs " + std::to_string(index.max_poly_size)};
  if (proof.opening.lr.size() != ceil_log2(index.max_poly_size))
    return Error{ErrorCode::kInvalidLength, "kimchi: opening proof has " + std::to_string(proof.opening.lr.size()) +
                                                " rounds, expected " + std::to_string(ceil_log2(index.max_poly_size))};
  //~ 1. Check the length of prev_challenges, public input and evaluations inside the proof.
  if (auto err = check_wrap_shapes(index, proof, prev_challenges, public_input)) return *err;

  //~ 1. Commit to the negated public input polynomial.
  PallasPolyComm public_comm;
  if (precomputed_public_comm) {
    public_comm = *precomputed_public_comm;
  } else {
    MINA_TRY(computed, public_commitment(srs, lagrange_basis, public_input));
    public_comm = std::move(computed);
  }

  //~ 1. Run the [Fiat-Shamir argument](#fiat-shamir-argument).
  MINA_TRY(orc, oracles(index, proof, prev_challenges, public_comm, public_input));
  const RandomOracles& o = orc.oracles;

  //~ 1. Combine the chunked polynomials' evaluations (one chunk: nothing to do).
  const auto& evals = proof.evals;

  //~ 1. Compute the commitment to the linearized polynomial $f$.
  //~    The permutation is written manually: σ_6's commitment times perm_scalars. Every other
  //~    column the constraints read is evaluated, so linearization.index_terms is empty.
  MINA_TRY(env, EvaluationEnv<Fq>::create(index.domain.log_size, o.zeta, index.zk_rows));
  env.shifts = index.shift;
  env.endo_coefficient = index.endo;
  const ConstraintChallenges<Fq> chal{o.alpha, o.beta, o.gamma, Fq::zero()};
  MINA_TRY(perm_scalar, perm_scalars<Fq>(evals, chal, env));
  const PallasPolyComm* f_commitments[] = {&index.sigma_comm[kPermuts - 1]};
  const Fq f_scalars[] = {perm_scalar};
  MINA_TRY(f_comm, poly_comm_multi_scalar_mul<PallasParams>(f_commitments, f_scalars));

  //~ 1. Compute the (chunked) commitment of $ft$ (Maller's optimization).
  const Fq zeta_to_srs_len = o.zeta.pow(U256{index.max_poly_size});
  const PallasPolyComm chunked_f_comm = f_comm.chunk_commitment(zeta_to_srs_len);
  const PallasPolyComm t_comm{std::vector<PallasAffine>(proof.t_comm.begin(), proof.t_comm.end())};
  const PallasPolyComm chunked_t_comm = t_comm.chunk_commitment(zeta_to_srs_len);
  const PallasPolyComm ft_comm = chunked_f_comm - chunked_t_comm.scale(orc.zeta1 - Fq::one());

  //~ 1. List the polynomial commitments, and their associated evaluations,
  //~    that are associated to the aggregated evaluation proof in the proof:
  BatchEvaluationProof<PallasParams> batch;
  auto push = [&](const PallasPolyComm& c, const pickles::PointEvaluations<Fq>& e) {
    batch.evaluations.push_back(Evaluation<PallasParams>{c, {e.zeta, e.zeta_omega}});
  };
  auto one = [](const PallasAffine& p) { return PallasPolyComm{{p}}; };
  //~~ * recursion
  for (auto& [comm, e] : orc.polys) batch.evaluations.push_back(Evaluation<PallasParams>{comm, e});
  //~~ * public input commitment
  batch.evaluations.push_back(Evaluation<PallasParams>{public_comm, {orc.public_evals[0], orc.public_evals[1]}});
  //~~ * ft commitment (chunks of it)
  batch.evaluations.push_back(Evaluation<PallasParams>{ft_comm, {{orc.ft_eval0}, {proof.ft_eval1}}});
  //~~ * permutation commitment
  push(one(proof.z_comm), evals.z);
  //~~ * index commitments that use the coefficients
  push(index.generic_comm, evals.generic_selector);
  push(index.psm_comm, evals.poseidon_selector);
  push(index.complete_add_comm, evals.complete_add_selector);
  push(index.mul_comm, evals.mul_selector);
  push(index.emul_comm, evals.emul_selector);
  push(index.endomul_scalar_comm, evals.endomul_scalar_selector);
  //~~ * witness commitments
  for (size_t i = 0; i < kColumns; ++i) push(one(proof.w_comm[i]), evals.w[i]);
  //~~ * coefficient commitments
  for (size_t i = 0; i < kColumns; ++i) push(index.coefficients_comm[i], evals.coefficients[i]);
  //~~ * sigma commitments
  for (size_t i = 0; i + 1 < kPermuts; ++i) push(index.sigma_comm[i], evals.s[i]);
  //~~ * optional gate commitments, lookup commitments: none in wrap circuits.

  // prepare for the opening proof verification
  batch.sponge = orc.fq_sponge;
  batch.evaluation_points = {o.zeta, o.zeta * index.domain.group_gen};
  batch.polyscale = o.v;
  batch.evalscale = o.u;
  batch.opening = to_opening_proof(proof.opening);
  batch.combined_inner_product = orc.combined_inner_product;
  return batch;
}

Result<bool> verify_wrap(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                         std::span<const PallasPolyComm> lagrange_basis, const pickles::KimchiProof& proof,
                         std::span<const RecursionChallenge> prev_challenges, std::span<const Fq> public_input,
                         const IpaRandomness<Fq>& randomness) {
  MINA_TRY(batch, to_batch(index, srs, lagrange_basis, proof, prev_challenges, public_input));
  return srs_verify<PallasParams>(srs, GroupMap<PallasParams>::instance(),
                                  std::span<const BatchEvaluationProof<PallasParams>>(&batch, 1), randomness);
}

Result<bool> verify_wrap(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                         std::span<const PallasPolyComm> lagrange_basis, const pickles::KimchiProof& proof,
                         std::span<const RecursionChallenge> prev_challenges, std::span<const Fq> public_input,
                         ByteSpan seed) {
  const WrapVerifyInput in{&index, lagrange_basis, &proof, prev_challenges, public_input};
  return batch_verify_wrap(srs, std::span<const WrapVerifyInput>(&in, 1), seed);
}

Result<bool> batch_verify_wrap(const Srs<PallasParams>& srs, std::span<const WrapVerifyInput> proofs, ByteSpan seed) {
  //~ 1. If there's no proof to verify, the proof validates trivially.
  if (proofs.empty()) return true;
  //~ 1. Ensure that all the proof's verifier index have a URS of the same length (one SRS here).
  //~ 1. Validate each proof separately following the partial verification steps.
  std::vector<BatchEvaluationProof<PallasParams>> batch;
  batch.reserve(proofs.size());
  for (const auto& p : proofs) {
    if (!p.index || !p.proof) return Error{ErrorCode::kInvalidArgument, "batch_verify_wrap: null index or proof"};
    MINA_TRY(b, to_batch(*p.index, srs, p.lagrange_basis, *p.proof, p.prev_challenges, p.public_input, p.public_comm));
    batch.push_back(std::move(b));
  }
  //~ 1. Use the PolyCom.verify to verify the partially evaluated proofs.
  return srs_verify<PallasParams>(srs, GroupMap<PallasParams>::instance(), batch, seed);
}

}  // namespace mina::kimchi
