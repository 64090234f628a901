// Pickles' dummy IPA values (pickles/dummy.ml `Dummy.Ipa`) and the challenge expansion they go
// through (pickles/common.ml `Ipa.{Wrap,Step}.compute_challenges`).
//
// Where the dummies come from. dummy.ml draws them from Pickles' deterministic random oracle
// (pickles/ro.ml): `Ro.scalar_chal ()` returns the first 128 bits of Blake2s-256("chal_<k>")
// (bits least significant first in each byte, i.e. the digest's first 16 bytes as two
// little-endian u64 limbs), with a counter k that the module initialisation leaves at
//   Dummy.Ipa.Wrap.challenges[i] = chal(15 − i), i < 15  (Tock rounds)
//   Dummy.Ipa.Step.challenges[i] = chal(31 − i), i < 16  (Tick rounds)
// (OpenMina ledger/src/proofs/unfinalized.rs `dummy_ipa_wrap_challenges` /
// `dummy_ipa_step_challenges` reproduce it that way). The limbs below were computed with
// Python's hashlib.blake2s from those labels; tests check them against three independent
// sources: OpenMina's hard-coded `challenges_computed` (public_input/messages.rs
// `dummy_padding`), the dummy challenges o1js pads bin_prot proofs with, and o1js' recorded
// `caml_fq_srs_b_poly_commitment` call.
//
//   Dummy.Ipa.Wrap.sg = compute_sg(Wrap.challenges): the wrap-SRS (Pallas, 2^15) commitment to
//     b_poly(challenges_computed): a Pallas point. OpenMina prover.rs `make_padded_proof_from_p2p`
//     / wrap.rs `dummy_ipa_wrap_sg`; o1js' recorded `fq_b_poly_commitments`.
//   Dummy.Ipa.Step.sg = the step-SRS (Vesta, 2^16) commitment to b_poly(Step.challenges_computed):
//     a Vesta point. OpenMina public_input/messages.rs `dummy_ipa_step_sg`.
#pragma once

#include <array>
#include <span>

#include "curve/curve.hpp"
#include "field/pasta.hpp"
#include "pickles/proof.hpp"

namespace mina::pickles {

// ---- challenge expansion (Ipa.*.compute_challenges; the `is_square` bit of old Pickles is gone)
// Step (tick) challenges live in Fp and use the endomorphism of the curve whose scalar field is
// Fp: Vesta's endo_r (OCaml Endo.Wrap_inner_curve.scalar, OpenMina endos::<Fq>().1).
Fp step_challenge_to_field(const ScalarChallenge& c);
// Wrap (tock) challenges live in Fq: Pallas' endo_r (OCaml Endo.Step_inner_curve.scalar).
Fq wrap_challenge_to_field(const ScalarChallenge& c);

std::array<Fp, 16> compute_step_challenges(const StepChallenges& chals);
std::array<Fq, 15> compute_wrap_challenges(const WrapChallenges& chals);

namespace dummy {

const WrapChallenges& ipa_wrap_challenges();
const std::array<Fq, 15>& ipa_wrap_challenges_computed();
const PallasAffine& ipa_wrap_sg();

const StepChallenges& ipa_step_challenges();
const std::array<Fp, 16>& ipa_step_challenges_computed();
const VestaAffine& ipa_step_sg();

}  // namespace dummy
}  // namespace mina::pickles
