#include "kimchi/constraints.hpp"

#include <string>

namespace mina::kimchi {
namespace {

template <class F>
using E = pickles::PointEvaluations<F>;

template <class F>
std::optional<Error> check_one(const E<F>& e, const char* name) {
  if (e.zeta.size() != 1 || e.zeta_omega.size() != 1)
    return Error{ErrorCode::kInvalidLength, std::string("kimchi evaluation ") + name + " has " +
                                                std::to_string(e.zeta.size()) + "/" +
                                                std::to_string(e.zeta_omega.size()) +
                                                " chunks at zeta/zeta*omega, expected 1/1 (combine chunks first)"};
  return std::nullopt;
}

template <class F>
std::optional<Error> check_opt(const std::optional<E<F>>& e, bool required, const char* name) {
  if (!e) {
    if (required)
      return Error{ErrorCode::kInvalidLength,
                   std::string("kimchi evaluation ") + name + " is missing but the feature flags require it"};
    return std::nullopt;
  }
  return check_one(*e, name);
}

#define MINA_KIMCHI_TRY_CHECK(expr)        \
  do {                                     \
    if (auto err_ = (expr)) return err_;   \
  } while (0)

const char* const kSortedNames[kLookupSortedColumns] = {"lookup_sorted[0]", "lookup_sorted[1]", "lookup_sorted[2]",
                                                        "lookup_sorted[3]", "lookup_sorted[4]"};

template <class F>
const F& zeta_of(const E<F>& e) { return e.zeta[0]; }
template <class F>
const F& zeta_omega_of(const E<F>& e) { return e.zeta_omega[0]; }

template <class F>
F lookup_part(const pickles::ProofEvaluations<F>& ev, const ConstraintChallenges<F>& chal, const EvaluationEnv<F>& env,
              const LookupFeatures& lf, const F* alpha_pows) {
  LookupCells<F> c;
  const F zero = F::zero();
  auto cur = [&](const std::optional<E<F>>& e) { return e ? zeta_of(*e) : zero; };
  auto nxt = [&](const std::optional<E<F>>& e) { return e ? zeta_omega_of(*e) : zero; };
  c.aggreg_curr = cur(ev.lookup_aggregation);
  c.aggreg_next = nxt(ev.lookup_aggregation);
  c.table_curr = cur(ev.lookup_table);
  c.table_next = nxt(ev.lookup_table);
  for (size_t i = 0; i < kLookupSortedColumns; ++i) {
    c.sorted_curr[i] = cur(ev.lookup_sorted[i]);
    c.sorted_next[i] = nxt(ev.lookup_sorted[i]);
  }
  c.runtime_table_curr = cur(ev.runtime_lookup_table);
  c.runtime_selector_curr = cur(ev.runtime_lookup_table_selector);
  c.xor_selector = cur(ev.xor_lookup_selector);
  c.lookup_selector = cur(ev.lookup_gate_lookup_selector);
  c.range_check_selector = cur(ev.range_check_lookup_selector);
  c.foreign_field_mul_selector = cur(ev.foreign_field_mul_lookup_selector);
  for (size_t i = 0; i < kColumns; ++i) c.witness_curr[i] = zeta_of(ev.w[i]);
  const auto constraints = lookup_constraints(c, LookupAtoms<F>::at_zeta(env), chal, lf);
  F acc = F::zero();
  for (size_t i = 0; i < kLookupConstraints; ++i) acc += alpha_pows[kLookupAlpha0 + i] * constraints[i];
  return acc;
}

template <class F>
PermutationCells<F> permutation_cells(const pickles::ProofEvaluations<F>& ev) {
  PermutationCells<F> c;
  for (size_t i = 0; i < kPermuts; ++i) c.w[i] = zeta_of(ev.w[i]);
  for (size_t i = 0; i + 1 < kPermuts; ++i) c.sigma[i] = zeta_of(ev.s[i]);
  c.z = zeta_of(ev.z);
  c.z_next = zeta_omega_of(ev.z);
  return c;
}

template <class F>
GateSelectors<F> gate_selectors(const pickles::ProofEvaluations<F>& ev) {
  const F zero = F::zero();
  auto opt = [&](const std::optional<E<F>>& e) { return e ? zeta_of(*e) : zero; };
  GateSelectors<F> s;
  s.poseidon = zeta_of(ev.poseidon_selector);
  s.varbasemul = zeta_of(ev.mul_selector);
  s.complete_add = zeta_of(ev.complete_add_selector);
  s.endomul = zeta_of(ev.emul_selector);
  s.endomul_scalar = zeta_of(ev.endomul_scalar_selector);
  s.generic = zeta_of(ev.generic_selector);
  s.range_check0 = opt(ev.range_check0_selector);
  s.range_check1 = opt(ev.range_check1_selector);
  s.foreign_field_add = opt(ev.foreign_field_add_selector);
  s.foreign_field_mul = opt(ev.foreign_field_mul_selector);
  s.xor16 = opt(ev.xor_selector);
  s.rot64 = opt(ev.rot_selector);
  return s;
}

}  // namespace

template <class F>
std::optional<Error> check_evaluations(const pickles::ProofEvaluations<F>& ev, const pickles::FeatureFlags& flags) {
  static const char* const kW[kColumns] = {"w[0]",  "w[1]",  "w[2]",  "w[3]",  "w[4]",  "w[5]",  "w[6]", "w[7]",
                                           "w[8]",  "w[9]",  "w[10]", "w[11]", "w[12]", "w[13]", "w[14]"};
  static const char* const kC[kColumns] = {
      "coefficients[0]",  "coefficients[1]",  "coefficients[2]",  "coefficients[3]",  "coefficients[4]",
      "coefficients[5]",  "coefficients[6]",  "coefficients[7]",  "coefficients[8]",  "coefficients[9]",
      "coefficients[10]", "coefficients[11]", "coefficients[12]", "coefficients[13]", "coefficients[14]"};
  static const char* const kS[kPermuts - 1] = {"s[0]", "s[1]", "s[2]", "s[3]", "s[4]", "s[5]"};
  for (size_t i = 0; i < kColumns; ++i) MINA_KIMCHI_TRY_CHECK(check_one(ev.w[i], kW[i]));
  for (size_t i = 0; i < kColumns; ++i) MINA_KIMCHI_TRY_CHECK(check_one(ev.coefficients[i], kC[i]));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.z, "z"));
  for (size_t i = 0; i + 1 < kPermuts; ++i) MINA_KIMCHI_TRY_CHECK(check_one(ev.s[i], kS[i]));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.generic_selector, "generic_selector"));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.poseidon_selector, "poseidon_selector"));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.complete_add_selector, "complete_add_selector"));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.mul_selector, "mul_selector"));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.emul_selector, "emul_selector"));
  MINA_KIMCHI_TRY_CHECK(check_one(ev.endomul_scalar_selector, "endomul_scalar_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.range_check0_selector, flags.range_check0, "range_check0_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.range_check1_selector, flags.range_check1, "range_check1_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.foreign_field_add_selector, flags.foreign_field_add, "foreign_field_add_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.foreign_field_mul_selector, flags.foreign_field_mul, "foreign_field_mul_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.xor_selector, flags.xor_, "xor_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.rot_selector, flags.rot, "rot_selector"));

  const LookupFeatures lf = lookup_features(flags);
  const bool lookups = lf.any();
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.lookup_aggregation, lookups, "lookup_aggregation"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.lookup_table, lookups, "lookup_table"));
  for (size_t i = 0; i < kLookupSortedColumns; ++i)
    MINA_KIMCHI_TRY_CHECK(check_opt(ev.lookup_sorted[i], lookups && i <= lf.max_per_row(), kSortedNames[i]));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.runtime_lookup_table, lf.uses_runtime_tables(), "runtime_lookup_table"));
  MINA_KIMCHI_TRY_CHECK(
      check_opt(ev.runtime_lookup_table_selector, lf.uses_runtime_tables(), "runtime_lookup_table_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.xor_lookup_selector, lf.xor_, "xor_lookup_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.lookup_gate_lookup_selector, lf.lookup, "lookup_gate_lookup_selector"));
  MINA_KIMCHI_TRY_CHECK(check_opt(ev.range_check_lookup_selector, lf.range_check, "range_check_lookup_selector"));
  MINA_KIMCHI_TRY_CHECK(
      check_opt(ev.foreign_field_mul_lookup_selector, lf.foreign_field_mul, "foreign_field_mul_lookup_selector"));
  return std::nullopt;
}

template <class F>
std::optional<Error> validate_feature_flags(const pickles::ProofEvaluations<F>& ev, const pickles::FeatureFlags& f) {
  const bool range_check_lookup = f.range_check0 || f.range_check1 || f.rot;
  const bool lookups_per_row_4 = f.xor_ || range_check_lookup || f.foreign_field_mul;
  const bool lookups_per_row_3 = lookups_per_row_4 || f.lookup;
  struct Rule {
    bool present, flag;
    const char* name;
  };
  const Rule rules[] = {
      {ev.range_check0_selector.has_value(), f.range_check0, "range_check0_selector"},
      {ev.range_check1_selector.has_value(), f.range_check1, "range_check1_selector"},
      {ev.foreign_field_add_selector.has_value(), f.foreign_field_add, "foreign_field_add_selector"},
      {ev.foreign_field_mul_selector.has_value(), f.foreign_field_mul, "foreign_field_mul_selector"},
      {ev.xor_selector.has_value(), f.xor_, "xor_selector"},
      {ev.rot_selector.has_value(), f.rot, "rot_selector"},
      {ev.lookup_aggregation.has_value(), lookups_per_row_3, "lookup_aggregation"},
      {ev.lookup_table.has_value(), lookups_per_row_3, "lookup_table"},
      {ev.lookup_sorted[0].has_value(), lookups_per_row_3, kSortedNames[0]},
      {ev.lookup_sorted[1].has_value(), lookups_per_row_3, kSortedNames[1]},
      {ev.lookup_sorted[2].has_value(), lookups_per_row_3, kSortedNames[2]},
      {ev.lookup_sorted[3].has_value(), lookups_per_row_3, kSortedNames[3]},
      {ev.lookup_sorted[4].has_value(), lookups_per_row_4, kSortedNames[4]},
      {ev.runtime_lookup_table.has_value(), f.runtime_tables, "runtime_lookup_table"},
      {ev.runtime_lookup_table_selector.has_value(), f.runtime_tables, "runtime_lookup_table_selector"},
      {ev.xor_lookup_selector.has_value(), f.xor_, "xor_lookup_selector"},
      {ev.lookup_gate_lookup_selector.has_value(), f.lookup, "lookup_gate_lookup_selector"},
      {ev.range_check_lookup_selector.has_value(), range_check_lookup, "range_check_lookup_selector"},
      {ev.foreign_field_mul_lookup_selector.has_value(), f.foreign_field_mul, "foreign_field_mul_lookup_selector"},
  };
  for (const Rule& r : rules)
    if (r.present != r.flag)
      return Error{ErrorCode::kInvalidLength, std::string("kimchi evaluation ") + r.name +
                                                  (r.present ? " is present but its feature flag is off"
                                                             : " is missing but its feature flag is on")};
  return std::nullopt;
}

template <class F>
GateEnv<F> gate_env(const pickles::ProofEvaluations<F>& ev, const EvaluationEnv<F>& env) {
  GateEnv<F> g;
  for (size_t i = 0; i < kColumns; ++i) {
    g.witness_curr[i] = zeta_of(ev.w[i]);
    g.witness_next[i] = zeta_omega_of(ev.w[i]);
    g.coefficients[i] = zeta_of(ev.coefficients[i]);
  }
  g.endo_coefficient = env.endo_coefficient;
  g.mds = env.mds;
  return g;
}

template <class F>
F gates_constant_term(const GateEnv<F>& g, const GateSelectors<F>& sel, const F* a, const pickles::FeatureFlags& flags) {
  // linearization.rs `constraints_expr` order; every gate starts at α^0.
  F acc = sel.poseidon * combine_constraints(poseidon_constraints(g), a);
  acc += sel.varbasemul * combine_constraints(varbasemul_constraints(g), a);
  acc += sel.complete_add * combine_constraints(complete_add_constraints(g), a);
  acc += sel.endomul * combine_constraints(endomul_constraints(g), a);
  acc += sel.endomul_scalar * combine_constraints(endomul_scalar_constraints(g), a);
  if (flags.range_check0) acc += sel.range_check0 * combine_constraints(range_check0_constraints(g), a);
  if (flags.range_check1) acc += sel.range_check1 * combine_constraints(range_check1_constraints(g), a);
  if (flags.foreign_field_add)
    acc += sel.foreign_field_add * combine_constraints(foreign_field_add_constraints(g), a);
  if (flags.foreign_field_mul)
    acc += sel.foreign_field_mul * combine_constraints(foreign_field_mul_constraints(g), a);
  if (flags.xor_) acc += sel.xor16 * combine_constraints(xor16_constraints(g), a);
  if (flags.rot) acc += sel.rot64 * combine_constraints(rot64_constraints(g), a);
  acc += sel.generic * combine_constraints(generic_constraints(g), a);
  return acc;
}

template <class F>
Result<F> constant_term(const pickles::ProofEvaluations<F>& ev, const ConstraintChallenges<F>& chal,
                        const EvaluationEnv<F>& env, const pickles::FeatureFlags& flags) {
  if (auto err = check_evaluations(ev, flags)) return *err;
  const std::vector<F> alpha_pows = powers_of_alpha(chal.alpha);
  const GateEnv<F> g = gate_env(ev, env);
  F acc = gates_constant_term(g, gate_selectors(ev), alpha_pows.data(), flags);
  const LookupFeatures lf = lookup_features(flags);
  if (lf.any()) acc += lookup_part(ev, chal, env, lf, alpha_pows.data());
  return acc;
}

template <class F>
Result<F> ft_eval0(const pickles::ProofEvaluations<F>& ev, const ConstraintChallenges<F>& chal,
                   const EvaluationEnv<F>& env, const pickles::FeatureFlags& flags, const F& public_eval) {
  MINA_TRY(ct, constant_term(ev, chal, env, flags));
  const std::vector<F> alpha_pows = powers_of_alpha(chal.alpha);
  F ft = permutation_ft_eval0(permutation_cells(ev), chal, alpha_pows.data(), env);
  // verifier.rs: ft_eval0 −= public(ζ) before the shifted product, then += boundary, −= constant
  // term; the order does not change the sum.
  return ft - public_eval - ct;
}

template <class F>
Result<F> perm_scalars(const pickles::ProofEvaluations<F>& ev, const ConstraintChallenges<F>& chal,
                       const EvaluationEnv<F>& env) {
  // Reads only w, s and z; the flags do not matter for the shape check of those.
  if (auto err = check_evaluations(ev, pickles::FeatureFlags{})) return *err;
  const F alpha21 = powers_of_alpha(chal.alpha, kPermutationAlpha0 + 1)[kPermutationAlpha0];
  return perm_scalars(permutation_cells(ev), chal.beta, chal.gamma, alpha21, env.zkp);
}

#define MINA_KIMCHI_CONSTRAINTS_INSTANTIATE(F)                                                                  \
  template std::optional<Error> check_evaluations<F>(const pickles::ProofEvaluations<F>&,                      \
                                                     const pickles::FeatureFlags&);                            \
  template std::optional<Error> validate_feature_flags<F>(const pickles::ProofEvaluations<F>&,                 \
                                                          const pickles::FeatureFlags&);                       \
  template GateEnv<F> gate_env<F>(const pickles::ProofEvaluations<F>&, const EvaluationEnv<F>&);               \
  template F gates_constant_term<F>(const GateEnv<F>&, const GateSelectors<F>&, const F*,                      \
                                    const pickles::FeatureFlags&);                                             \
  template Result<F> constant_term<F>(const pickles::ProofEvaluations<F>&, const ConstraintChallenges<F>&,     \
                                      const EvaluationEnv<F>&, const pickles::FeatureFlags&);                  \
  template Result<F> ft_eval0<F>(const pickles::ProofEvaluations<F>&, const ConstraintChallenges<F>&,          \
                                 const EvaluationEnv<F>&, const pickles::FeatureFlags&, const F&);             \
  template Result<F> perm_scalars<F>(const pickles::ProofEvaluations<F>&, const ConstraintChallenges<F>&,      \
                                     const EvaluationEnv<F>&);
MINA_KIMCHI_CONSTRAINTS_INSTANTIATE(Fp)
MINA_KIMCHI_CONSTRAINTS_INSTANTIATE(Fq)
#undef MINA_KIMCHI_CONSTRAINTS_INSTANTIATE

}  // namespace mina::kimchi
