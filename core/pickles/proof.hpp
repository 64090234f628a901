// The Pickles wrap proof as it travels (Pickles.Proof.Proofs_verified_2.Repr.Stable.V2 in
// bin_prot, Proofs_verified_N in o1js' S-expression), as typed values. Names follow Pickles
// (composition_types.ml, plonk_types.ml, wrap_wire_proof.ml) and kimchi.
//
// Which field and curve each part lives on. Fp = Pallas base field = step ("tick") circuit field,
// Fq = Pallas scalar field = wrap ("tock") circuit field.
//   * The proof itself (KimchiProof) is a kimchi proof for the wrap circuit: scalars (evaluations,
//     ft_eval1, z1, z2) in Fq, commitments on Pallas (coordinates in Fp).
//   * statement.proof_state describes the *step* proof that was wrapped: its deferred values
//     (challenges squeezed by the step verifier inside the wrap circuit) and
//     messages_for_next_wrap_proof.challenge_polynomial_commitment = the step proof's IPA
//     accumulator `sg`, a point on **Vesta** (coordinates in Fq). Checked on every fixture: that
//     point is on Vesta, all other commitments are on Pallas.
//   * statement.messages_for_next_step_proof carries the accumulators of the previous *wrap*
//     proofs (Pallas points) for the next step circuit.
//   * prev_evals are the step proof's evaluations, in Fp.
// 128-bit challenges are two u64 limbs, least significant first (Pickles' Limb_vector order; the
// wire keeps them as `inner` = [L0; L1]). Confirmed by the whole verifier accepting real proofs,
// not by the decoders: both wire forms carry the limbs in the same order, so a swap would be
// invisible here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "curve/curve.hpp"
#include "field/pasta.hpp"

namespace mina::pickles {

// Pickles_base.Proofs_verified: how many proofs a branch verifies (and, for verification keys,
// the max over branches; the wrap domain size uses the same three-valued type).
enum class ProofsVerified : uint8_t { kN0 = 0, kN1 = 1, kN2 = 2 };

// Bulletproof_challenge.t: an IPA round challenge before endo-expansion.
struct BulletproofChallenge {
  ScalarChallenge prechallenge;
  bool operator==(const BulletproofChallenge&) const = default;
};

// Plonk_types.Features: which optional kimchi gates the step circuit uses.
struct FeatureFlags {
  bool range_check0 = false;
  bool range_check1 = false;
  bool foreign_field_add = false;
  bool foreign_field_mul = false;
  bool xor_ = false;  // `xor` is a C++ keyword
  bool rot = false;
  bool lookup = false;
  bool runtime_tables = false;
  bool operator==(const FeatureFlags&) const = default;
};

// Deferred_values.Plonk.Minimal. alpha, zeta, joint_combiner are scalar challenges (used through
// ScalarChallenge::to_field with the endomorphism); beta and gamma are plain 128-bit challenges
// (used as the integer lo + 2^64 hi). Both kinds are stored as ScalarChallenge limbs.
struct Plonk {
  ScalarChallenge alpha;
  ScalarChallenge beta;
  ScalarChallenge gamma;
  ScalarChallenge zeta;
  std::optional<ScalarChallenge> joint_combiner;  // present iff the step circuit uses lookups
  FeatureFlags feature_flags;
  bool operator==(const Plonk&) const = default;
};

// Branch_data: the wrapped step proof's branch. domain_log2 travels as one char (byte).
struct BranchData {
  ProofsVerified proofs_verified = ProofsVerified::kN0;
  uint8_t domain_log2 = 0;
  bool operator==(const BranchData&) const = default;
};

// The wire form keeps only what cannot be recomputed: combined_inner_product, b and xi are
// recomputed by the verifier (OCaml verify.ml, OpenMina expand_deferred).
struct DeferredValues {
  Plonk plonk;
  std::array<BulletproofChallenge, 16> bulletproof_challenges;  // the step proof's 16 IPA rounds
  BranchData branch_data;
  bool operator==(const DeferredValues&) const = default;
};

// Composition_types.Digest.Constant: four u64 limbs, least significant first.
using Digest = std::array<uint64_t, 4>;

// Wrap challenge vectors have 15 entries (the wrap IPA over a 2^15 SRS).
using WrapChallenges = std::array<BulletproofChallenge, 15>;
// Step challenge vectors have 16 entries (the step IPA over a 2^16 SRS).
using StepChallenges = std::array<BulletproofChallenge, 16>;

struct MessagesForNextWrapProof {
  VestaAffine challenge_polynomial_commitment;  // the step proof's sg (Vesta, Fq coordinates)
  // One vector per proof the *next* wrap verifies. Kept as decoded:
  //   o1js `proof` (Proofs_verified_N): exactly max_proofs_verified (0..2) vectors;
  //   bin_prot Proofs_verified_2 and the zkApp transaction form: always 2 (front-padded by the
  //   prover with Dummy.Ipa.Wrap.challenges).
  // The verifier pads to 2 in front with Dummy.Ipa.Wrap.challenges_computed before hashing
  // (Wrap_hack.hash_messages_for_next_wrap_proof) and, for kimchi's prev_challenges, pairs each
  // with a commitment, padding with Dummy.Ipa.Wrap.sg (OpenMina make_padded_proof_from_p2p).
  std::vector<WrapChallenges> old_bulletproof_challenges;
  bool operator==(const MessagesForNextWrapProof&) const = default;
};

struct ProofState {
  DeferredValues deferred_values;
  Digest sponge_digest_before_evaluations{};
  MessagesForNextWrapProof messages_for_next_wrap_proof;
  bool operator==(const ProofState&) const = default;
};

// Reduced_messages_for_next_proof_over_same_field.Step with app_state = unit on the wire (the
// verifier supplies the app state: the statement / protocol state hash). One entry per proof the
// wrapped step branch verified (0..2); base branches carry none. Not padded on the wire nor by
// the verifier's step-message hash (it hashes exactly these).
struct MessagesForNextStepProof {
  std::vector<PallasAffine> challenge_polynomial_commitments;  // previous wrap proofs' sg
  std::vector<StepChallenges> old_bulletproof_challenges;
  bool operator==(const MessagesForNextStepProof&) const = default;
};

struct Statement {
  ProofState proof_state;
  MessagesForNextStepProof messages_for_next_step_proof;
  bool operator==(const Statement&) const = default;
};

// kimchi PointEvaluations<Vec<F>>: one value per chunk at zeta and at zeta*omega. Pickles proofs
// use one chunk; the step-side prev_evals allow up to 16 on the wire (ArrayN16), the wrap proof's
// own evaluations exactly one.
template <class F>
struct PointEvaluations {
  std::vector<F> zeta;
  std::vector<F> zeta_omega;
  bool operator==(const PointEvaluations&) const = default;
};

// kimchi ProofEvaluations (without `public`, which Pickles carries separately).
template <class F>
struct ProofEvaluations {
  using E = PointEvaluations<F>;
  std::array<E, 15> w;
  std::array<E, 15> coefficients;
  E z;
  std::array<E, 6> s;
  E generic_selector;
  E poseidon_selector;
  E complete_add_selector;
  E mul_selector;
  E emul_selector;
  E endomul_scalar_selector;
  // Present iff the matching feature is on (the verifier checks that; decoding keeps them as is).
  // The wrap proof's own evaluations never have them.
  std::optional<E> range_check0_selector;
  std::optional<E> range_check1_selector;
  std::optional<E> foreign_field_add_selector;
  std::optional<E> foreign_field_mul_selector;
  std::optional<E> xor_selector;
  std::optional<E> rot_selector;
  std::optional<E> lookup_aggregation;
  std::optional<E> lookup_table;
  std::array<std::optional<E>, 5> lookup_sorted;
  std::optional<E> runtime_lookup_table;
  std::optional<E> runtime_lookup_table_selector;
  std::optional<E> xor_lookup_selector;
  std::optional<E> lookup_gate_lookup_selector;
  std::optional<E> range_check_lookup_selector;
  std::optional<E> foreign_field_mul_lookup_selector;
  bool operator==(const ProofEvaluations&) const = default;
};

// Plonk_types.All_evals for the step proof (Fp).
struct PublicInputEvaluations {
  Fp zeta;
  Fp zeta_omega;
  bool operator==(const PublicInputEvaluations&) const = default;
};
struct PrevEvals {
  PublicInputEvaluations public_input;
  ProofEvaluations<Fp> evals;
  Fp ft_eval1;
  bool operator==(const PrevEvals&) const = default;
};

// poly-commitment OpeningProof (Pickles' `bulletproof`).
struct OpeningProof {
  std::vector<std::pair<PallasAffine, PallasAffine>> lr;  // (L_i, R_i); 15 rounds in practice
  PallasAffine delta;
  Fq z1;
  Fq z2;
  PallasAffine sg;  // challenge_polynomial_commitment of this wrap proof
  bool operator==(const OpeningProof&) const = default;
};

// Wrap_wire_proof: kimchi ProverProof without the parts Pickles recomputes (prev_challenges come
// from the statement, public evaluations are recomputed).
struct KimchiProof {
  std::array<PallasAffine, 15> w_comm;
  PallasAffine z_comm;
  std::array<PallasAffine, 7> t_comm;
  ProofEvaluations<Fq> evals;  // single chunk, no optional columns
  Fq ft_eval1;
  OpeningProof opening;
  bool operator==(const KimchiProof&) const = default;
};

struct WrapProof {
  Statement statement;
  PrevEvals prev_evals;
  KimchiProof proof;
  bool operator==(const WrapProof&) const = default;
};

// Mina_base.Zkapp_statement: the app state a zkApp proof is about.
struct ZkappStatement {
  Fp account_update;
  Fp calls;
  bool operator==(const ZkappStatement&) const = default;
};

}  // namespace mina::pickles
