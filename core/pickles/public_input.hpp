// The wrap proof's public input: the 40 Fq elements Pickles hands to kimchi
// (common.ml `tock_unpadded_public_input_of_statement` of the prepared statement built in
// verify.ml; OpenMina public_input/prepared_statement.rs `to_public_input`).
//
// Layout (composition_types.ml Wrap.Statement.In_circuit.to_data / spec):
//    0..4   combined_inner_product, b, zeta_to_srs_length, zeta_to_domain_size, perm
//           (Fp values, Shifted_value.Type1; the Fp integer of the shifted value as an Fq)
//    5..6   beta, gamma              (128-bit challenges as integers)
//    7..9   alpha, zeta, xi          (128-bit scalar challenges, raw, not endo-expanded)
//   10..12  sponge_digest_before_evaluations, messages_for_next_wrap_proof digest,
//           messages_for_next_step_proof digest (256-bit integers)
//   13..28  the step proof's 16 bulletproof prechallenges (raw 128-bit)
//   29      branch_data = domain_log2·4 + proofs_verified mask (N0 0b00, N1 0b10, N2 0b11)
//   30..37  feature flags range_check0, range_check1, foreign_field_add, foreign_field_mul, xor,
//           rot, lookup, runtime_tables (0/1)
//   38..39  the Opt joint_combiner: is-present flag, then the raw prechallenge (0 if absent)
#pragma once

#include <span>
#include <vector>

#include "base/error.hpp"
#include "field/pasta.hpp"
#include "pickles/deferred.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

inline constexpr size_t kWrapPublicInputSize = 40;

// Types.Wrap.Statement.In_circuit with both message parts hashed (verify.ml prepared_statement).
struct PreparedStatement {
  ExpandedDeferredValues deferred_values;
  Digest sponge_digest_before_evaluations{};
  Digest messages_for_next_wrap_proof{};
  Digest messages_for_next_step_proof{};
};

// verify.ml steps 1–5: expand_deferred, then both message digests (the step one over the key's
// commitments and app_state).
Result<PreparedStatement> prepare_statement(const WrapProof& proof, const SideLoadedVerificationKey& vk,
                                            std::span<const Fp> app_state);

// The same with the wrap index's commitments given directly (the blockchain / transaction SNARK
// verifier index instead of a side-loaded key).
Result<PreparedStatement> prepare_statement(const WrapProof& proof, const WrapIndexCommitments& dlog_plonk_index,
                                            std::span<const Fp> app_state);

// tock_unpadded_public_input_of_statement.
std::vector<Fq> to_public_input(const PreparedStatement& s);

// Both. app_state is the statement as field elements: for an o1js ZkProgram
// publicInput ++ publicOutput, for a zkApp [account_update, calls], for the blockchain SNARK the
// protocol state hash.
Result<std::vector<Fq>> wrap_public_input(const WrapProof& proof, const SideLoadedVerificationKey& vk,
                                          std::span<const Fp> app_state);

Result<std::vector<Fq>> wrap_public_input(const WrapProof& proof, const WrapIndexCommitments& dlog_plonk_index,
                                          std::span<const Fp> app_state);

// Fp → Fq by integer (always canonical: p < q).
Fq fp_to_fq(const Fp& x);

// Pickles_base.Proofs_verified.to_mask packed (branch_data.ml): N0 0b00, N1 0b10, N2 0b11.
uint64_t branch_data_to_field_value(const BranchData& b);

}  // namespace mina::pickles
