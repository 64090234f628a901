// Shape checks Pickles runs beside the kimchi verification (OpenMina verification.rs
// `run_checks` + `validate_feature_flags`; OCaml verify.ml wrap-domain check and the typed
// vector lengths of Proof.t / Plonk_types.Evals.validate_feature_flags).
//
//   a. prev_evals use at most one chunk per column ("only uses single chunks"; OpenMina allows
//      0 or 1 — the same rule here);
//   b. each optional prev_eval is present iff its feature flag (or the derived lookup flag) is
//      on, with lookup_sorted[0..2] iff lookups_per_row_2, [3] iff lookups_per_row_3, [4] iff
//      lookups_per_row_4 where range_check_lookup = rc0 ∨ rc1 ∨ rot,
//      lookups_per_row_4 = xor ∨ range_check_lookup ∨ ffmul, lookups_per_row_3 = lpr4 ∨ lookup,
//      lookups_per_row_2 = lpr3;
//   c. branch_data.domain_log2 ≤ 16 (Tick rounds);
//   d. wrap domain log2 (from the key) in [13, 15];
//   e. vector counts (fixed by OCaml's types, implicit in OpenMina): messages_for_next_step_proof
//      has as many commitments as challenge vectors, equal to branch_data.proofs_verified and at
//      most the key's max_proofs_verified; messages_for_next_wrap_proof carries either
//      max_proofs_verified vectors (o1js Proofs_verified_N) or 2 (bin_prot, padded);
//   f. joint_combiner is present iff the flags use lookups (the public input's Opt flag is
//      joint_combiner's presence in OCaml and the flag-derived `uses_lookup` in OpenMina; this
//      makes both the same).
#pragma once

#include <string>
#include <vector>

#include "base/error.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

enum class RunCheck {
  kMultipleChunks,           // a
  kFeatureFlagsMismatch,     // b
  kStepDomainTooLarge,       // c
  kWrapDomainOutOfRange,     // d
  kStepMessagesCount,        // e
  kWrapMessagesCount,        // e
  kJointCombinerMismatch,    // f
};

const char* run_check_name(RunCheck c);

struct RunCheckFailure {
  RunCheck check;
  std::string message;
};

// Every failed check, in the order above; empty = all passed.
std::vector<RunCheckFailure> run_checks(const WrapProof& proof, const SideLoadedVerificationKey& vk);
// The wrap domain from a kimchi verifier index instead of a side-loaded key (blockchain SNARK).
std::vector<RunCheckFailure> run_checks(const WrapProof& proof, unsigned wrap_domain_log2,
                                        ProofsVerified max_proofs_verified);

// The first failure as a typed Error (kInvalidLength for shape and count violations,
// kLimitExceeded for domain sizes), or nullopt.
std::optional<Error> run_checks_error(const std::vector<RunCheckFailure>& failures);

// b. alone (Plonk_types.Evals.validate_feature_flags): true iff consistent.
bool validate_feature_flags(const FeatureFlags& flags, const ProofEvaluations<Fp>& evals);

// The flag-derived lookup usage (composition_types.ml; OpenMina prepared_statement.rs).
bool uses_lookup(const FeatureFlags& f);

}  // namespace mina::pickles
