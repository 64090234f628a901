// Internal: the field-by-field layout of a wrap proof, written once and walked by every codec
// (S-expression reader/writer, bin_prot reader/writer), so the wire forms cannot drift apart.
// Field order is the OCaml record order, which is the bin_prot order and Sexplib's print order.
//
// A visitor V provides:
//   field(name, x)                      a record field of any supported type
//   plain_challenge(name, c)            a 128-bit challenge without the {inner} wrapper (beta, gamma)
//   vector(name, xs, kind, max)         a variable-length vector (see VectorKind)
//   unit(name)                          a unit field (app_state)
//   record(name, body)                  an anonymous nested record
//   chunked(bool)                       how PointEvaluations travel (see below)
#pragma once

#include "pickles/proof.hpp"

namespace mina::pickles::layout_detail {

enum class VectorKind {
  kArrayN,   // bin_prot Nat0 length + elements, length <= max (OpenMina ArrayN16, OCaml lists)
  kPadded,   // bin_prot exactly max elements + unit (a fixed Pickles vector); sexp 0..max
};

template <class V>
void layout(V& v, FeatureFlags& x) {
  v.field("range_check0", x.range_check0);
  v.field("range_check1", x.range_check1);
  v.field("foreign_field_add", x.foreign_field_add);
  v.field("foreign_field_mul", x.foreign_field_mul);
  v.field("xor", x.xor_);
  v.field("rot", x.rot);
  v.field("lookup", x.lookup);
  v.field("runtime_tables", x.runtime_tables);
}

template <class V>
void layout(V& v, Plonk& x) {
  v.field("alpha", x.alpha);
  v.plain_challenge("beta", x.beta);
  v.plain_challenge("gamma", x.gamma);
  v.field("zeta", x.zeta);
  v.field("joint_combiner", x.joint_combiner);
  v.field("feature_flags", x.feature_flags);
}

template <class V>
void layout(V& v, BulletproofChallenge& x) {
  v.field("prechallenge", x.prechallenge);
}

template <class V>
void layout(V& v, BranchData& x) {
  v.field("proofs_verified", x.proofs_verified);
  v.field("domain_log2", x.domain_log2);  // uint8_t travels as an OCaml char
}

template <class V>
void layout(V& v, DeferredValues& x) {
  v.field("plonk", x.plonk);
  v.field("bulletproof_challenges", x.bulletproof_challenges);
  v.field("branch_data", x.branch_data);
}

template <class V>
void layout(V& v, MessagesForNextWrapProof& x) {
  v.field("challenge_polynomial_commitment", x.challenge_polynomial_commitment);
  v.vector("old_bulletproof_challenges", x.old_bulletproof_challenges, VectorKind::kPadded, 2);
}

template <class V>
void layout(V& v, ProofState& x) {
  v.field("deferred_values", x.deferred_values);
  v.field("sponge_digest_before_evaluations", x.sponge_digest_before_evaluations);
  v.field("messages_for_next_wrap_proof", x.messages_for_next_wrap_proof);
}

// The wire type is an unbounded list; a step branch verifies at most 2 proofs (Pickles' max
// width), so more is malformed and the bound keeps decoding cheap.
template <class V>
void layout(V& v, MessagesForNextStepProof& x) {
  v.unit("app_state");
  v.vector("challenge_polynomial_commitments", x.challenge_polynomial_commitments, VectorKind::kArrayN, 2);
  v.vector("old_bulletproof_challenges", x.old_bulletproof_challenges, VectorKind::kArrayN, 2);
}

template <class V>
void layout(V& v, Statement& x) {
  v.field("proof_state", x.proof_state);
  v.field("messages_for_next_step_proof", x.messages_for_next_step_proof);
}

// Step-side evaluations (Plonk_types.Evals, chunked, with the optional columns) and the wrap
// proof's own (Wrap_wire_proof.Evaluations: one value per point, the ten fixed columns only)
// share ProofEvaluations; `step_side` picks the wire shape.
template <class V, class F>
void layout_evals(V& v, ProofEvaluations<F>& x, bool step_side) {
  v.chunked(step_side);
  v.field("w", x.w);
  v.field("coefficients", x.coefficients);
  v.field("z", x.z);
  v.field("s", x.s);
  v.field("generic_selector", x.generic_selector);
  v.field("poseidon_selector", x.poseidon_selector);
  v.field("complete_add_selector", x.complete_add_selector);
  v.field("mul_selector", x.mul_selector);
  v.field("emul_selector", x.emul_selector);
  v.field("endomul_scalar_selector", x.endomul_scalar_selector);
  if (step_side) {
    v.field("range_check0_selector", x.range_check0_selector);
    v.field("range_check1_selector", x.range_check1_selector);
    v.field("foreign_field_add_selector", x.foreign_field_add_selector);
    v.field("foreign_field_mul_selector", x.foreign_field_mul_selector);
    v.field("xor_selector", x.xor_selector);
    v.field("rot_selector", x.rot_selector);
    v.field("lookup_aggregation", x.lookup_aggregation);
    v.field("lookup_table", x.lookup_table);
    v.field("lookup_sorted", x.lookup_sorted);
    v.field("runtime_lookup_table", x.runtime_lookup_table);
    v.field("runtime_lookup_table_selector", x.runtime_lookup_table_selector);
    v.field("xor_lookup_selector", x.xor_lookup_selector);
    v.field("lookup_gate_lookup_selector", x.lookup_gate_lookup_selector);
    v.field("range_check_lookup_selector", x.range_check_lookup_selector);
    v.field("foreign_field_mul_lookup_selector", x.foreign_field_mul_lookup_selector);
  }
}

// Proof.Proofs_verified_2.Repr prev_evals = {evals = {public_input; evals}; ft_eval1}.
template <class V>
void layout(V& v, PrevEvals& x) {
  v.record("evals", [&] {
    v.field("public_input", x.public_input);
    v.record("evals", [&] { layout_evals(v, x.evals, true); });
  });
  v.field("ft_eval1", x.ft_eval1);
}

// Wrap_wire_proof = {commitments; evaluations; ft_eval1; bulletproof}.
template <class V>
void layout(V& v, KimchiProof& x) {
  v.record("commitments", [&] {
    v.field("w_comm", x.w_comm);
    v.field("z_comm", x.z_comm);
    v.field("t_comm", x.t_comm);
  });
  v.record("evaluations", [&] { layout_evals(v, x.evals, false); });
  v.field("ft_eval1", x.ft_eval1);
  v.record("bulletproof", [&] {
    // The wrap IPA has 15 rounds; the wire type bounds lr by 16 (ArrayN16), the verifier checks 15.
    v.vector("lr", x.opening.lr, VectorKind::kArrayN, 16);
    v.field("z_1", x.opening.z1);
    v.field("z_2", x.opening.z2);
    v.field("delta", x.opening.delta);
    v.field("challenge_polynomial_commitment", x.opening.sg);
  });
}

template <class V>
void layout(V& v, WrapProof& x) {
  v.field("statement", x.statement);
  v.field("prev_evals", x.prev_evals);
  v.field("proof", x.proof);
}

// Types with a layout() are records; everything else is a leaf or a container.
template <class V, class T>
concept HasLayout = requires(V& v, T& x) { layout(v, x); };

}  // namespace mina::pickles::layout_detail
