// The kimchi verifier for Pickles wrap proofs: proof-systems `kimchi/src/verifier.rs`
// `to_batch` + `batch_verify`, ending in the IPA batch check `SRS::verify`
// (commitment/ipa.hpp srs_verify) on the Pallas SRS (max_poly_size = 2^15 points).
//
// What this does not do (Pickles' side of verification, elsewhere): build the 40 public inputs
// from the statement (recomputing the step proof's deferred values), run_checks, and the Vesta
// accumulator check of the statement's step `sg`. This file only answers "is this kimchi proof
// valid for this index, these recursion challenges and these public inputs".
//
// Results: Result<bool>: false = the proof is wrong (the final MSM is not the identity); an Error
// for inputs the verifier cannot even run on (wrong counts, multi-chunk evaluations, ζ on the
// domain, …). Callers that only need accept/reject treat an Error as reject.
#pragma once

#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "commitment/group_map.hpp"
#include "commitment/ipa.hpp"
#include "commitment/srs.hpp"
#include "kimchi/oracles.hpp"
#include "kimchi/verifier_index.hpp"
#include "pickles/proof.hpp"

namespace mina::kimchi {

// Pickles' kimchi recursion challenges for a wrap proof (OCaml verify.ml: Vector.map2 over the
// step message's challenge_polynomial_commitments, front-extended with Dummy.Ipa.Wrap.sg to the
// length of messages_for_next_wrap_proof.old_bulletproof_challenges, then Wrap_hack.pad_accumulator
// to 2 with (Dummy.Ipa.Wrap.challenges_computed, Dummy.Ipa.Wrap.sg) in front; OpenMina
// make_padded_proof_from_p2p). chals are endo-expanded with Pallas' endo_r (Ipa.Wrap.compute_challenges).
// kInvalidLength if there are more than 2 challenge vectors or more commitments than vectors.
Result<std::vector<RecursionChallenge>> wrap_prev_challenges(const pickles::Statement& statement);

// poly-commitment OpeningProof from Pickles' bulletproof.
OpeningProof<PallasParams> to_opening_proof(const pickles::OpeningProof& p);

// to_batch: shape checks, public commitment, oracles, f_comm / ft_comm, and the list of
// evaluations for the IPA (recursion, public, ft, z, generic, poseidon, complete_add,
// var_base_mul, endo_mul, endo_mul_scalar, witness 0..14, coefficients 0..14, sigma 0..5).
// lagrange_basis: at least `public` (40) single-chunk commitments of the index's domain, unless
// public_comm (public_commitment_direct of this public input) is given instead.
Result<BatchEvaluationProof<PallasParams>> to_batch(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                                                    std::span<const PallasPolyComm> lagrange_basis,
                                                    const pickles::KimchiProof& proof,
                                                    std::span<const RecursionChallenge> prev_challenges,
                                                    std::span<const Fq> public_input,
                                                    const PallasPolyComm* public_comm = nullptr);

// One proof. randomness: the IPA combiners (rand_base, sg_rand_base), see ipa.hpp; or a seed
// from which they are derived with Blake2b over the whole batch.
Result<bool> verify_wrap(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                         std::span<const PallasPolyComm> lagrange_basis, const pickles::KimchiProof& proof,
                         std::span<const RecursionChallenge> prev_challenges, std::span<const Fq> public_input,
                         const IpaRandomness<Fq>& randomness);
Result<bool> verify_wrap(const WrapVerifierIndex& index, const Srs<PallasParams>& srs,
                         std::span<const PallasPolyComm> lagrange_basis, const pickles::KimchiProof& proof,
                         std::span<const RecursionChallenge> prev_challenges, std::span<const Fq> public_input,
                         ByteSpan seed = {});

// batch_verify: one BatchEvaluationProof per proof, one MSM for all. Each entry brings its own
// index and Lagrange basis (wrap domains differ between keys); all share the SRS.
struct WrapVerifyInput {
  const WrapVerifierIndex* index;
  std::span<const PallasPolyComm> lagrange_basis;
  const pickles::KimchiProof* proof;
  std::span<const RecursionChallenge> prev_challenges;
  std::span<const Fq> public_input;
  const PallasPolyComm* public_comm = nullptr;  // instead of lagrange_basis when set
};
// An empty batch is valid (kimchi: "the proof validates trivially"). The first Error of any
// entry is returned as is.
Result<bool> batch_verify_wrap(const Srs<PallasParams>& srs, std::span<const WrapVerifyInput> proofs,
                               ByteSpan seed = {});

}  // namespace mina::kimchi
