// Verification of batched IPA opening proofs (the "dlog" polynomial commitment of Halo,
// eprint 2019/1021, §3, with BCMS-style batching over polynomials and points), exactly as
// proof-systems `poly-commitment/src/ipa.rs` `SRS::verify`, and Pickles' deferred accumulator
// check (`batch_dlog_accumulator_check`, OpenMina `accumulator_check`).
//
// Per proof, with the Fiat–Shamir sponge the caller hands over (kimchi's fq_sponge after its
// oracles), the verifier
//   absorbs shift_scalar(cip) (absorb_fr), derives U = group_map(challenge_fq()),
//   for each round j absorbs L_j, R_j and squeezes u_j = ScalarChallenge(challenge()).to_field(endo_r),
//   absorbs δ and squeezes c the same way,
//   computes b0 = Σ_k evalscale^k · b(pt_k) and s = b_poly_coefficients(u),
// and checks, for the combined commitment P = Σ polyscale^i C_i (chunks in order),
//   c·(Σ_j (u_j^{-1} L_j + u_j R_j) + P + cip·U) + δ = z1·(sg + b0·U) + z2·H      (IPA)
//   sg = ⟨s, G⟩                                                                    (accumulator)
// All equations of the batch are folded with random combiners ρ (IPA) and ρ' (sg) into one
// multi-scalar multiplication that must be the identity: a wrong proof survives only if the
// combiners are guessed, probability ≈ (#proofs)/|F|.
//
// Randomness: core has no RNG. The caller either passes the combiners (IpaRandomness) or a seed;
// with a seed the combiners are Blake2b-512 of (seed ‖ the whole batch), i.e. derandomised
// Fiat–Shamir style, so even a fixed or empty seed gives combiners an adversary cannot choose
// proofs against (they change with every bit of the proofs).
//
// Result: a value (true = valid, false = the check failed) or a typed Error for input the
// check cannot even be run on (more IPA rounds than the SRS supports, empty SRS, …).
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "commitment/group_map.hpp"
#include "commitment/poly_comm.hpp"
#include "commitment/sponges.hpp"
#include "commitment/srs.hpp"
#include "curve/curve.hpp"

namespace mina {

template <class C>
struct OpeningProof {
  using Scalar = typename C::Scalar;
  std::vector<std::pair<Affine<C>, Affine<C>>> lr;  // one (L, R) per folding round
  Affine<C> delta;
  Scalar z1;
  Scalar z2;
  Affine<C> sg;  // the folded generator ⟨s, G⟩ (challenge-polynomial commitment)
};

template <class C>
struct Evaluation {
  PolyComm<C> commitment;
  // evaluations[j][i]: chunk i at evaluation point j (used by the caller for the cip; the IPA
  // check itself reads only the commitment, as upstream).
  std::vector<std::vector<typename C::Scalar>> evaluations;
};

template <class C>
struct BatchEvaluationProof {
  using Scalar = typename C::Scalar;
  FqSponge<C> sponge;  // copied by the verifier, the caller's state is not advanced
  std::vector<Evaluation<C>> evaluations;
  std::vector<Scalar> evaluation_points;
  Scalar polyscale;
  Scalar evalscale;
  OpeningProof<C> opening;
  Scalar combined_inner_product;
};

// OpeningProof::challenges: the endo-mapped round challenges and their inverses (zero stays
// zero, as ark's batch_inversion). Advances the sponge by the rounds' absorbs and squeezes.
template <class C>
struct Challenges {
  std::vector<typename C::Scalar> chal;
  std::vector<typename C::Scalar> chal_inv;
};
template <class C>
Challenges<C> opening_challenges(const OpeningProof<C>& proof, FqSponge<C>& sponge);

// The batch combiners: proof i is weighted rand_base^i, its sg check sg_rand_base^i.
template <class F>
struct IpaRandomness {
  F rand_base;
  F sg_rand_base;
};

// ⌈log2 n⌉ (o1_utils::math::ceil_log2; 0 for n ≤ 1).
inline unsigned ceil_log2(uint64_t n) {
  unsigned k = 0;
  while (k < 64 && (uint64_t(1) << k) < n) ++k;
  return k;
}

// SRS::verify. The SRS's G's are used up to 2^rounds of each proof; rounds may not exceed
// ⌈log2 |G|⌉ (kLimitExceeded).
template <class C>
Result<bool> srs_verify(const Srs<C>& srs, const GroupMap<C>& group_map,
                        std::span<const BatchEvaluationProof<C>> batch,
                        const IpaRandomness<typename C::Scalar>& randomness);
// Same, combiners derived from Blake2b-512(seed ‖ batch) (see the file comment).
template <class C>
Result<bool> srs_verify(const Srs<C>& srs, const GroupMap<C>& group_map,
                        std::span<const BatchEvaluationProof<C>> batch, ByteSpan seed);
template <class C>
IpaRandomness<typename C::Scalar> derive_ipa_randomness(std::span<const BatchEvaluationProof<C>> batch,
                                                        ByteSpan seed);

// batch_dlog_accumulator_check: chals holds comms.size() consecutive runs of `rounds` endo-mapped
// challenges; checks Σ_j r^j (comm_j − ⟨b_poly_coefficients(chals_j), G⟩) = 0 as one MSM over
// G ‖ comms. Upstream requires |G| = 2^rounds exactly; here 2^rounds ≤ |G| and the first 2^rounds
// G's are used (the same commitment under a longer SRS).
template <class C>
Result<bool> accumulator_check(const Srs<C>& srs, std::span<const Affine<C>> comms,
                               std::span<const typename C::Scalar> chals, const typename C::Scalar& r);
template <class C>
Result<bool> accumulator_check(const Srs<C>& srs, std::span<const Affine<C>> comms,
                               std::span<const typename C::Scalar> chals, ByteSpan seed);

// A scalar from a 64-byte Blake2b-512 digest of (tag ‖ data), reduced mod the field (bias
// < 2^-250). Zero is mapped to one: combiners must not vanish.
template <class F>
F scalar_from_hash(std::string_view tag, ByteSpan data);

#define MINA_IPA_EXTERN(C)                                                                              \
  extern template Challenges<C> opening_challenges<C>(const OpeningProof<C>&, FqSponge<C>&);           \
  extern template Result<bool> srs_verify<C>(const Srs<C>&, const GroupMap<C>&,                        \
                                             std::span<const BatchEvaluationProof<C>>,                 \
                                             const IpaRandomness<typename C::Scalar>&);                \
  extern template Result<bool> srs_verify<C>(const Srs<C>&, const GroupMap<C>&,                        \
                                             std::span<const BatchEvaluationProof<C>>, ByteSpan);      \
  extern template IpaRandomness<typename C::Scalar> derive_ipa_randomness<C>(                          \
      std::span<const BatchEvaluationProof<C>>, ByteSpan);                                             \
  extern template Result<bool> accumulator_check<C>(const Srs<C>&, std::span<const Affine<C>>,         \
                                                    std::span<const typename C::Scalar>,               \
                                                    const typename C::Scalar&);                        \
  extern template Result<bool> accumulator_check<C>(const Srs<C>&, std::span<const Affine<C>>,         \
                                                    std::span<const typename C::Scalar>, ByteSpan);
MINA_IPA_EXTERN(PallasParams)
MINA_IPA_EXTERN(VestaParams)
#undef MINA_IPA_EXTERN
extern template Fp scalar_from_hash<Fp>(std::string_view, ByteSpan);
extern template Fq scalar_from_hash<Fq>(std::string_view, ByteSpan);

}  // namespace mina
