// kimchi's lookup argument constraints (kimchi/src/circuits/lookup/constraints.rs
// `constraints`), evaluated at ζ.
//
// Pickles' step verifier evaluates the feature-flagged form of the expression
// (`constraints_expr(None, …)`, with `IfFeature` nodes resolved from Pickles' eight flags by
// plonk_checks.ml `expand_feature_flags`/`get_feature_flag`, OpenMina plonk_checks.rs). That form
// always has 8 constraints at α^24..α^31 and, once the flags are resolved, equals the expression
// kimchi builds for the concrete lookup configuration (kimchi checks this equality under its
// `check_feature_flags` feature). We evaluate the concrete configuration:
//
//   patterns      xor          = xor
//                 lookup       = lookup
//                 range_check  = range_check0 ∨ range_check1 ∨ rot   (Rot64 uses the RC pattern)
//                 foreign_field_mul = foreign_field_mul
//   max_per_row   max over the patterns (4 for xor/range_check/ffmul, 3 for lookup)
//   max_joint_size  max over the patterns (3 xor, 2 lookup, 1 range_check/ffmul)
//   lookups on    any pattern (FeatureFlag::LookupTables); runtime tables only with lookups on.
//
// Constraint order (the index is the power of α above α^24):
//   0  vanishes_on_zero_knowledge_and_previous_rows · (aggreg(ζω)·denominator − aggreg(ζ)·numerator)
//   1  L_0 · (aggreg(ζ) − 1)                                  (UnnormalizedLagrangeBasis row 0)
//   2  L_{−zk_rows−1} · (aggreg(ζ) − 1)                        (the final lookup row)
//   3..6  snake compatibility of sorted[i] and sorted[i+1] for i < max_per_row (L_{final} for
//         even i, L_0 for odd i), zero padding up to 4 entries
//   7  runtime_table(ζ) · runtime_selector(ζ) when runtime tables are on, else 0
#pragma once

#include <array>

#include "kimchi/alphas.hpp"
#include "kimchi/env.hpp"
#include "pickles/proof.hpp"

namespace mina::kimchi {

inline constexpr size_t kMaxLookupsPerRow = 4;
inline constexpr size_t kLookupSortedColumns = kMaxLookupsPerRow + 1;  // max_per_row + 1
inline constexpr int32_t kXorTableId = 0;          // lookup/tables/mod.rs XOR_TABLE_ID
inline constexpr int32_t kRangeCheckTableId = 1;   // RANGE_CHECK_TABLE_ID

// lookup/lookups.rs LookupFeatures/LookupInfo for the circuit Pickles' flags describe.
struct LookupFeatures {
  bool xor_ = false;
  bool lookup = false;
  bool range_check = false;
  bool foreign_field_mul = false;
  bool runtime_tables = false;

  bool any() const { return xor_ || lookup || range_check || foreign_field_mul; }
  size_t max_per_row() const {
    if (xor_ || range_check || foreign_field_mul) return 4;
    return lookup ? 3 : 0;
  }
  unsigned max_joint_size() const {
    if (xor_) return 3;
    if (lookup) return 2;
    return (range_check || foreign_field_mul) ? 1 : 0;
  }
  bool uses_runtime_tables() const { return any() && runtime_tables; }
};

LookupFeatures lookup_features(const pickles::FeatureFlags& flags);

// The cells the lookup constraints read. Selectors, witnesses and the runtime columns are read
// on Curr only; sorted entries beyond max_per_row are ignored.
template <class F>
struct LookupCells {
  F aggreg_curr, aggreg_next;
  F table_curr, table_next;
  std::array<F, kLookupSortedColumns> sorted_curr{}, sorted_next{};
  F runtime_table_curr, runtime_selector_curr;
  F xor_selector, lookup_selector, range_check_selector, foreign_field_mul_selector;
  std::array<F, kColumns> witness_curr{};
};

// The non-column atoms of the lookup expression, separated so that tests can evaluate the
// constraints row by row (at a domain point the Lagrange atoms are not (ζ^n − 1)/(ζ − ω^i)).
template <class F>
struct LookupAtoms {
  F vanishes_on_zero_knowledge_and_previous_rows;
  F lagrange_first;  // UnnormalizedLagrangeBasis(RowOffset{zk_rows: false, offset: 0})
  F lagrange_final;  // UnnormalizedLagrangeBasis(RowOffset{zk_rows: true, offset: −1})

  static LookupAtoms at_zeta(const EvaluationEnv<F>& env);
};

// All 8 constraints (zero when the features have no lookups).
template <class F>
std::array<F, kLookupConstraints> lookup_constraints(const LookupCells<F>& cells, const LookupAtoms<F>& atoms,
                                                     const ConstraintChallenges<F>& chal,
                                                     const LookupFeatures& features);

}  // namespace mina::kimchi
