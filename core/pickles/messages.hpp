// The two "messages for the next proof" digests that stand in the wrap statement for data the
// next circuit needs (composition_types.ml Messages_for_next_{wrap,step}_proof; OpenMina
// ledger/src/proofs/public_input/messages.rs).
//
// Both are Poseidon (kimchi parameters) from the zero state over the listed field elements,
// squeezed once, no prefix (OCaml Tock_field_sponge.digest / Tick_field_sponge.digest, OpenMina
// `poseidon::hash::hash_fields`). In the wrap public input each digest is the 256-bit integer of
// the field element (Digest.Constant, four u64 limbs).
#pragma once

#include <span>

#include "base/error.hpp"
#include "field/pasta.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

// Wrap_hack.hash_messages_for_next_wrap_proof: over Fq,
//   pad ++ old_bulletproof_challenges (each vector endo-expanded, 15 Fq) ++ [sg.x, sg.y]
// where pad = (2 − n) copies of Dummy.Ipa.Wrap.challenges_computed in front (Wrap_hack.pad_challenges).
// The vectors are taken as decoded: o1js' Proofs_verified_N form carries n = max_proofs_verified
// of them, bin_prot always 2 (the prover padded with Dummy.Ipa.Wrap.challenges, which expand to
// the same values). kInvalidLength for more than 2, kInvalidPoint for sg at infinity.
Result<Fq> hash_messages_for_next_wrap_proof(const MessagesForNextWrapProof& m);

// Common.hash_messages_for_next_step_proof after Reduced_messages_for_next_proof_over_same_field
// .Step.prepare: over Fp,
//   the 28 wrap-index commitments as (x, y) (Plonk_verification_key_evals order, 56 Fp)
//   ++ app_state
//   ++ for each previous proof i: [sg_i.x, sg_i.y] ++ its 16 step challenges endo-expanded.
// Not padded. kInvalidLength if commitments and challenge vectors differ in number or exceed 2;
// kInvalidPoint for a point at infinity.
Result<Fp> hash_messages_for_next_step_proof(const WrapIndexCommitments& dlog_plonk_index,
                                             std::span<const Fp> app_state, const MessagesForNextStepProof& m);

// The field elements hashed above (exposed for tests and diagnostics).
Result<std::vector<Fq>> messages_for_next_wrap_proof_fields(const MessagesForNextWrapProof& m);
Result<std::vector<Fp>> messages_for_next_step_proof_fields(const WrapIndexCommitments& dlog_plonk_index,
                                                            std::span<const Fp> app_state,
                                                            const MessagesForNextStepProof& m);

// Digest.Constant: the canonical integer of a field element as four u64 limbs, least significant
// first, and back (kNonCanonicalField if the limbs are not below the target modulus).
template <class F>
Digest to_digest(const F& x) {
  U256 v = x.to_int();
  return Digest{v.w[0], v.w[1], v.w[2], v.w[3]};
}
template <class F>
Result<F> digest_to_field(const Digest& d) {
  return F::from_int(U256{d[0], d[1], d[2], d[3]});
}

}  // namespace mina::pickles
