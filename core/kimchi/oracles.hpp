// kimchi's Fiat–Shamir for a Pickles wrap proof: proof-systems `kimchi/src/verifier.rs`
// `ProverProof::oracles`, step for step (the `//~` comments in oracles.cpp are kimchi's numbered
// protocol steps), specialised to the wrap circuit (no lookups, no optional gates, one chunk).
//
// Sponges: the Fq-sponge is DefaultFqSponge<PallasParameters> (Poseidon over Fp, absorbs Pallas
// points, squeezes 128-bit challenges usable in Fq); the Fr-sponge DefaultFrSponge<Fq>.
//
// Inputs that kimchi keeps elsewhere:
//   prev_challenges  the proof's RecursionChallenge list (Pickles builds it from the statement:
//                    wrap_verifier.hpp `wrap_prev_challenges`);
//   public_comm      the commitment to the *negated* public-input polynomial, masked with H
//                    (`public_commitment` below; to_batch step "Commit to the negated public
//                    input polynomial");
//   public_input     the 40 Fq elements, for the public evaluations (kimchi recomputes them
//                    because Pickles passes no `public` evaluations).
#pragma once

#include "commitment/domain.hpp"

#include <array>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "base/error.hpp"
#include "commitment/poly_comm.hpp"
#include "commitment/sponges.hpp"
#include "commitment/srs.hpp"
#include "kimchi/verifier_index.hpp"
#include "pickles/proof.hpp"

namespace mina::kimchi {

// kimchi RecursionChallenge: the IPA challenges of a previous proof (endo-expanded) and the
// commitment to its challenge polynomial b (= that proof's sg).
struct RecursionChallenge {
  std::vector<Fq> chals;
  PallasPolyComm comm;
};

// kimchi RandomOracles (joint_combiner is always None for wrap proofs).
struct RandomOracles {
  std::optional<std::pair<ScalarChallenge, Fq>> joint_combiner;
  Fq beta;
  Fq gamma;
  ScalarChallenge alpha_chal;
  Fq alpha;
  Fq zeta;
  Fq v;
  Fq u;
  ScalarChallenge zeta_chal;
  ScalarChallenge v_chal;
  ScalarChallenge u_chal;
};

// kimchi OraclesResult. polys: per recursion challenge its commitment and evaluations
// evals[point][chunk] at [ζ, ζω].
struct OraclesResult {
  FqSponge<PallasParams> fq_sponge;  // after absorbing t_comm and squeezing ζ
  Fq digest;                         // fq_sponge.clone().digest(): "digest_before_evaluations"
  RandomOracles oracles;
  std::vector<Fq> all_alphas;        // α^0 … (alphas.hpp layout)
  std::array<std::vector<Fq>, 2> public_evals;  // [p(ζ)], [p(ζω)] of the negated public polynomial
  pickles::PointEvaluations<Fq> powers_of_eval_points_for_chunks;  // ζ^max_poly_size, (ζω)^max_poly_size
  std::vector<std::pair<PallasPolyComm, std::vector<std::vector<Fq>>>> polys;
  Fq zeta1;  // ζ^n
  Fq ft_eval0;
  Fq combined_inner_product;
  Fp verifier_index_digest;  // what step 1 absorbed (exposed for tests)
};

// to_batch "Commit to the negated public input polynomial": Σ_i (−x_i)·L_i (PolyComm
// multi_scalar_mul over the first `public` basis commitments) masked with blinder 1, i.e. + H.
// lagrange_basis must hold at least public_input.size() single-chunk commitments.
Result<PallasPolyComm> public_commitment(const Srs<PallasParams>& srs, std::span<const PallasPolyComm> lagrange_basis,
                                         std::span<const Fq> public_input);

// The same commitment without the basis: Σ_i (−x_i)·L_i as one n-point MSM whose scalars are
// folded from the Lagrange coefficients (commit_lagrange_combination), masked with H. One MSM
// instead of the 40 a basis costs: what a verifier with no cached basis does for its first proof.
Result<PallasPolyComm> public_commitment_direct(const Srs<PallasParams>& srs, const Radix2Domain<Fq>& domain,
                                                std::span<const Fq> public_input);

// ProverProof::oracles with a precomputed public_comm. Typed errors (never a crash) for shapes
// kimchi rejects or would panic on: wrong number of public inputs or recursion challenges,
// recursion challenge vectors whose length is not log2(max_poly_size), evaluations that are not
// single-chunk, ζ on the domain (kimchi "negligible probability" expects).
Result<OraclesResult> oracles(const WrapVerifierIndex& index, const pickles::KimchiProof& proof,
                              std::span<const RecursionChallenge> prev_challenges, const PallasPolyComm& public_comm,
                              std::span<const Fq> public_input);

// Convenience: public_commitment, then oracles.
Result<OraclesResult> oracles(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                              const pickles::KimchiProof& proof, std::span<const RecursionChallenge> prev_challenges,
                              std::span<const Fq> public_input, std::span<const PallasPolyComm> lagrange_basis);

// Shape checks shared by oracles and to_batch (to_batch steps "check prev_challenges / public
// length" and check_proof_evals_len with chunk size 1; optional evaluations must be absent).
std::optional<Error> check_wrap_shapes(const WrapVerifierIndex& index, const pickles::KimchiProof& proof,
                                       std::span<const RecursionChallenge> prev_challenges,
                                       std::span<const Fq> public_input);

}  // namespace mina::kimchi
