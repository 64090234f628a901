#include "kimchi/lookup.hpp"

namespace mina::kimchi {

LookupFeatures lookup_features(const pickles::FeatureFlags& flags) {
  LookupFeatures f;
  f.xor_ = flags.xor_;
  f.lookup = flags.lookup;
  f.range_check = flags.range_check0 || flags.range_check1 || flags.rot;
  f.foreign_field_mul = flags.foreign_field_mul;
  f.runtime_tables = flags.runtime_tables;
  return f;
}

template <class F>
LookupAtoms<F> LookupAtoms<F>::at_zeta(const EvaluationEnv<F>& env) {
  LookupAtoms a;
  a.vanishes_on_zero_knowledge_and_previous_rows = env.vanishes_on_zero_knowledge_and_previous_rows;
  a.lagrange_first = env.unnormalized_lagrange_basis(RowOffset{false, 0});
  a.lagrange_final = env.unnormalized_lagrange_basis(RowOffset{true, -1});
  return a;
}

template <class F>
std::array<F, kLookupConstraints> lookup_constraints(const LookupCells<F>& c, const LookupAtoms<F>& atoms,
                                                     const ConstraintChallenges<F>& chal,
                                                     const LookupFeatures& features) {
  std::array<F, kLookupConstraints> out{};
  if (!features.any()) return out;
  const size_t max_per_row = features.max_per_row();
  const F one = F::one();
  const F& beta = chal.beta;
  const F& gamma = chal.gamma;
  const F& jc = chal.joint_combiner;
  const auto& w = c.witness_curr;

  // table_id_combiner = joint_combiner^max_joint_size
  F table_id_combiner = one;
  for (unsigned i = 0; i < features.max_joint_size(); ++i) table_id_combiner *= jc;
  const F gammabeta1 = gamma * (beta + one);

  // (1 + β)^max_per_row
  F beta1_per_row = one;
  for (size_t i = 0; i < max_per_row; ++i) beta1_per_row *= beta + one;
  // The dummy lookup (no entries, table 0) combines to 0, so each padding factor is γ + 0.
  auto padding = [&](size_t spec_len) {
    F r = beta1_per_row;
    for (size_t i = spec_len; i < max_per_row; ++i) r *= gamma;
    return r;
  };
  // combine_table_entry: Σ_k jc^k·entry_k + table_id_combiner·table_id
  auto single = [&](const F& value, int32_t table_id) {
    return gamma + value + table_id_combiner * F::from_i64(table_id);
  };

  F lookup_indicator = F::zero();
  F f_chunk = F::zero();
  if (features.xor_) {
    // LookupPattern::Xor: (left, right, output) in columns (3+i, 7+i, 11+i), table XOR_TABLE_ID
    F term = padding(4);
    for (size_t i = 0; i < 4; ++i)
      term *= single(w[3 + i] + jc * w[7 + i] + jc * jc * w[11 + i], kXorTableId);
    lookup_indicator += c.xor_selector;
    f_chunk += c.xor_selector * term;
  }
  if (features.lookup) {
    // LookupPattern::Lookup: (index, value) in columns (2i+1, 2i+2), table id in column 0
    F term = padding(3);
    for (size_t i = 0; i < 3; ++i) term *= gamma + w[2 * i + 1] + jc * w[2 * i + 2] + table_id_combiner * w[0];
    lookup_indicator += c.lookup_selector;
    f_chunk += c.lookup_selector * term;
  }
  if (features.range_check) {
    // LookupPattern::RangeCheck: columns 3..6 in the range-check table
    F term = padding(4);
    for (size_t col = 3; col <= 6; ++col) term *= single(w[col], kRangeCheckTableId);
    lookup_indicator += c.range_check_selector;
    f_chunk += c.range_check_selector * term;
  }
  if (features.foreign_field_mul) {
    // LookupPattern::ForeignFieldMul: columns 7..10 in the range-check table
    F term = padding(4);
    for (size_t col = 7; col <= 10; ++col) term *= single(w[col], kRangeCheckTableId);
    lookup_indicator += c.foreign_field_mul_selector;
    f_chunk += c.foreign_field_mul_selector * term;
  }
  // Rows without lookups contribute dummy queries.
  f_chunk += (one - lookup_indicator) * padding(0);

  const F t_chunk = gammabeta1 + c.table_curr + beta * c.table_next;
  const F numerator = f_chunk * t_chunk;

  // The sorted columns snake: even i read (Curr, Next), odd i (Next, Curr).
  F denominator = one;
  for (size_t i = 0; i <= max_per_row; ++i) {
    const bool even = i % 2 == 0;
    const F& s1 = even ? c.sorted_curr[i] : c.sorted_next[i];
    const F& s2 = even ? c.sorted_next[i] : c.sorted_curr[i];
    denominator *= gammabeta1 + s1 + beta * s2;
  }

  const F aggreg_equation = c.aggreg_next * denominator - c.aggreg_curr * numerator;
  out[0] = atoms.vanishes_on_zero_knowledge_and_previous_rows * aggreg_equation;
  out[1] = atoms.lagrange_first * (c.aggreg_curr - one);
  out[2] = atoms.lagrange_final * (c.aggreg_curr - one);
  for (size_t i = 0; i < max_per_row; ++i) {
    const F& l = i % 2 == 0 ? atoms.lagrange_final : atoms.lagrange_first;
    out[3 + i] = l * (c.sorted_curr[i] - c.sorted_curr[i + 1]);
  }
  // lookup/runtime_tables.rs `constraints`: runtime_table · runtime_selector = 0
  if (features.uses_runtime_tables()) out[7] = c.runtime_table_curr * c.runtime_selector_curr;
  return out;
}

template struct LookupAtoms<Fp>;
template struct LookupAtoms<Fq>;
template std::array<Fp, kLookupConstraints> lookup_constraints<Fp>(const LookupCells<Fp>&, const LookupAtoms<Fp>&,
                                                                   const ConstraintChallenges<Fp>&,
                                                                   const LookupFeatures&);
template std::array<Fq, kLookupConstraints> lookup_constraints<Fq>(const LookupCells<Fq>&, const LookupAtoms<Fq>&,
                                                                   const ConstraintChallenges<Fq>&,
                                                                   const LookupFeatures&);

}  // namespace mina::kimchi
