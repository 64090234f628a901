#include "pickles/run_checks.hpp"

#include "pickles/deferred.hpp"

namespace mina::pickles {
namespace {

using E = PointEvaluations<Fp>;

unsigned count(ProofsVerified n) { return unsigned(n); }

bool enable_if(const std::optional<E>& x, bool flag) { return x.has_value() == flag; }

bool single_chunk(const E& e) { return e.zeta.size() <= 1 && e.zeta_omega.size() <= 1; }

}  // namespace

const char* run_check_name(RunCheck c) {
  switch (c) {
    case RunCheck::kMultipleChunks: return "multiple_chunks";
    case RunCheck::kFeatureFlagsMismatch: return "feature_flags_mismatch";
    case RunCheck::kStepDomainTooLarge: return "step_domain_too_large";
    case RunCheck::kWrapDomainOutOfRange: return "wrap_domain_out_of_range";
    case RunCheck::kStepMessagesCount: return "step_messages_count";
    case RunCheck::kWrapMessagesCount: return "wrap_messages_count";
    case RunCheck::kJointCombinerMismatch: return "joint_combiner_mismatch";
  }
  return "unknown";
}

bool uses_lookup(const FeatureFlags& f) {
  return f.range_check0 || f.range_check1 || f.foreign_field_mul || f.xor_ || f.rot || f.lookup;
}

bool validate_feature_flags(const FeatureFlags& f, const ProofEvaluations<Fp>& e) {
  const bool range_check_lookup = f.range_check0 || f.range_check1 || f.rot;
  const bool lookups_per_row_4 = f.xor_ || range_check_lookup || f.foreign_field_mul;
  const bool lookups_per_row_3 = lookups_per_row_4 || f.lookup;
  const bool lookups_per_row_2 = lookups_per_row_3;
  bool ok = enable_if(e.range_check0_selector, f.range_check0) &&
            enable_if(e.range_check1_selector, f.range_check1) &&
            enable_if(e.foreign_field_add_selector, f.foreign_field_add) &&
            enable_if(e.foreign_field_mul_selector, f.foreign_field_mul) &&
            enable_if(e.xor_selector, f.xor_) && enable_if(e.rot_selector, f.rot) &&
            enable_if(e.lookup_aggregation, lookups_per_row_2) && enable_if(e.lookup_table, lookups_per_row_2);
  // NB (plonk_types.ml): lookups_per_row + 1 sorted columns, due to the lookup table.
  for (size_t i = 0; i < e.lookup_sorted.size(); ++i) {
    const bool flag = i <= 2 ? lookups_per_row_2 : i == 3 ? lookups_per_row_3 : lookups_per_row_4;
    ok = ok && enable_if(e.lookup_sorted[i], flag);
  }
  return ok && enable_if(e.runtime_lookup_table, f.runtime_tables) &&
         enable_if(e.runtime_lookup_table_selector, f.runtime_tables) &&
         enable_if(e.xor_lookup_selector, f.xor_) && enable_if(e.lookup_gate_lookup_selector, f.lookup) &&
         enable_if(e.range_check_lookup_selector, range_check_lookup) &&
         enable_if(e.foreign_field_mul_lookup_selector, f.foreign_field_mul);
}

std::vector<RunCheckFailure> run_checks(const WrapProof& proof, unsigned wrap_domain_log2,
                                        ProofsVerified max_proofs_verified) {
  std::vector<RunCheckFailure> out;
  auto check = [&](bool cond, RunCheck c, std::string msg) {
    if (!cond) out.push_back({c, std::move(msg)});
  };
  const auto& ev = proof.prev_evals.evals;
  const auto& dv = proof.statement.proof_state.deferred_values;

  // a. non_chunking: every column (present optional ones included) has ≤ 1 chunk.
  {
    bool ok = true;
    auto col = [&](const E& e) { ok = ok && single_chunk(e); };
    auto opt = [&](const std::optional<E>& e) {
      if (e) col(*e);
    };
    for (const auto& x : ev.w) col(x);
    for (const auto& x : ev.coefficients) col(x);
    col(ev.z);
    for (const auto& x : ev.s) col(x);
    for (const E* x : {&ev.generic_selector, &ev.poseidon_selector, &ev.complete_add_selector, &ev.mul_selector,
                       &ev.emul_selector, &ev.endomul_scalar_selector})
      col(*x);
    for (const auto* x : {&ev.range_check0_selector, &ev.range_check1_selector, &ev.foreign_field_add_selector,
                          &ev.foreign_field_mul_selector, &ev.xor_selector, &ev.rot_selector, &ev.lookup_aggregation,
                          &ev.lookup_table, &ev.runtime_lookup_table, &ev.runtime_lookup_table_selector,
                          &ev.xor_lookup_selector, &ev.lookup_gate_lookup_selector, &ev.range_check_lookup_selector,
                          &ev.foreign_field_mul_lookup_selector})
      opt(*x);
    for (const auto& x : ev.lookup_sorted) opt(x);
    check(ok, RunCheck::kMultipleChunks, "prev_evals: only single chunks are supported");
  }

  // b. validate_feature_flags.
  check(validate_feature_flags(dv.plonk.feature_flags, ev), RunCheck::kFeatureFlagsMismatch,
        "prev_evals: optional evaluations do not match the feature flags");

  // c. step domain small enough.
  check(dv.branch_data.domain_log2 <= kTickRounds, RunCheck::kStepDomainTooLarge,
        "step domain 2^" + std::to_string(dv.branch_data.domain_log2) + " > 2^16");

  // d. wrap domain within the possible ones (Wrap_verifier.all_possible_domains: 2^13..2^15).
  check(wrap_domain_log2 >= 13 && wrap_domain_log2 <= 15, RunCheck::kWrapDomainOutOfRange,
        "wrap domain 2^" + std::to_string(wrap_domain_log2) + " outside 2^13..2^15");

  // e. vector counts.
  {
    const auto& step = proof.statement.messages_for_next_step_proof;
    const size_t n = step.old_bulletproof_challenges.size();
    const unsigned branch = count(dv.branch_data.proofs_verified);
    check(step.challenge_polynomial_commitments.size() == n && n == branch && n <= count(max_proofs_verified),
          RunCheck::kStepMessagesCount,
          "messages_for_next_step_proof: " + std::to_string(step.challenge_polynomial_commitments.size()) +
              " commitments, " + std::to_string(n) + " challenge vectors, branch verifies " + std::to_string(branch) +
              ", key allows " + std::to_string(count(max_proofs_verified)));
    const size_t w = proof.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.size();
    check(w == count(max_proofs_verified) || w == 2, RunCheck::kWrapMessagesCount,
          "messages_for_next_wrap_proof: " + std::to_string(w) + " challenge vectors for max_proofs_verified " +
              std::to_string(count(max_proofs_verified)));
  }

  // f. joint_combiner iff lookups.
  check(dv.plonk.joint_combiner.has_value() == uses_lookup(dv.plonk.feature_flags), RunCheck::kJointCombinerMismatch,
        "joint_combiner presence does not match the lookup feature flags");
  return out;
}

std::vector<RunCheckFailure> run_checks(const WrapProof& proof, const SideLoadedVerificationKey& vk) {
  return run_checks(proof, vk.wrap_domain_log2(), vk.max_proofs_verified);
}

std::optional<Error> run_checks_error(const std::vector<RunCheckFailure>& failures) {
  if (failures.empty()) return std::nullopt;
  const auto& f = failures.front();
  const bool domain = f.check == RunCheck::kStepDomainTooLarge || f.check == RunCheck::kWrapDomainOutOfRange;
  return Error{domain ? ErrorCode::kLimitExceeded : ErrorCode::kInvalidLength,
               std::string("run_checks ") + run_check_name(f.check) + ": " + f.message};
}

}  // namespace mina::pickles
