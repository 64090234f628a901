// The evaluation environment (shifts, zk polynomials, Lagrange atoms), constant_term's wiring of
// selectors, flags and α powers, its typed errors, and ft_eval0 / perm_scalars against an honest
// prover's quotient on a tiny circuit.
#include "kimchi_test_util.hpp"

using namespace mina;
using namespace mina::test::kimchi;
using mina::test::rng;
namespace kc = mina::kimchi;

namespace {

template <class F>
F omega_of(uint32_t log2) {
  F w = F::two_adic_root_of_unity();
  for (uint32_t i = log2; i < 32; ++i) w = w.square();
  return w;
}

template <class F>
pickles::PointEvaluations<F> pe(const F& a, const F& b) {
  return pickles::PointEvaluations<F>{{a}, {b}};
}

// ProofEvaluations whose witness/coefficient columns are the rows, all selectors zero.
template <class F>
pickles::ProofEvaluations<F> evals_of_rows(const Rows<F>& r) {
  pickles::ProofEvaluations<F> e;
  for (size_t i = 0; i < kColumns; ++i) {
    e.w[i] = pe(r.curr[i], r.next[i]);
    e.coefficients[i] = pe(r.coeff[i], random_field<F>());
  }
  e.z = pe(random_field<F>(), random_field<F>());
  for (auto& s : e.s) s = pe(random_field<F>(), random_field<F>());
  for (auto* sel : {&e.generic_selector, &e.poseidon_selector, &e.complete_add_selector, &e.mul_selector,
                    &e.emul_selector, &e.endomul_scalar_selector})
    *sel = pe(F::zero(), random_field<F>());
  return e;
}

}  // namespace

TEST_CASE("kimchi permutation shifts: Fq matches the mainnet wrap verifier index", "[kimchi]") {
  const auto j = mina::test::read_fixture_json("mina/mainnet_blockchain_verifier_index.json");
  const auto& shifts = kc::permutation_shifts<Fq>();
  REQUIRE(j["shift"].size() == kc::kPermuts);
  for (size_t i = 0; i < kc::kPermuts; ++i) {
    std::vector<uint8_t> bytes = j["shift"][i].get<std::vector<uint8_t>>();
    auto expected = Fq::from_bytes_le(bytes);
    REQUIRE(expected.ok());
    INFO("shift " << i);
    CHECK(shifts[i] == *expected);
  }
}

TEMPLATE_TEST_CASE("kimchi permutation shifts: one, then distinct 248-bit non-residues", "[kimchi]", Fp, Fq) {
  using F = TestType;
  const auto& s = kc::permutation_shifts<F>();
  CHECK(s[0] == F::one());
  for (size_t i = 1; i < kc::kPermuts; ++i) {
    CHECK(s[i].legendre() == -1);
    CHECK(s[i].to_int().bit_length() <= 248);
    for (size_t k = 0; k < i; ++k) CHECK(s[i] != s[k]);
  }
}

TEMPLATE_TEST_CASE("kimchi evaluation env: zk polynomials and Lagrange atoms", "[kimchi]", Fp, Fq) {
  using F = TestType;
  const uint32_t log2 = 4;
  const uint64_t n = 16;
  const F zeta = random_field<F>();
  auto env_r = kc::EvaluationEnv<F>::create(log2, zeta);
  REQUIRE(env_r.ok());
  const auto& env = *env_r;
  const F w = env.omega;
  CHECK(w == omega_of<F>(log2));
  CHECK(w.pow(U256{n}) == F::one());
  CHECK(w.pow(U256{n / 2}) == -F::one());
  const F w_inv = *w.inverse();
  // Pickles scalars_env: zk_polynomial = (ζ − ω^{-1})(ζ − ω^{-2})(ζ − ω^{-3}), vanishes_on_last_4_rows
  // = zk_polynomial·(ζ − ω^{-4}), omega_to_minus_3 = ω^{-3}
  const F zkp = (zeta - w_inv) * (zeta - w_inv.square()) * (zeta - w_inv.square() * w_inv);
  CHECK(env.zkp == zkp);
  CHECK(env.vanishes_on_zero_knowledge_and_previous_rows == zkp * (zeta - w_inv.square().square()));
  CHECK(env.omega_to_minus_zk_rows == w_inv.square() * w_inv);
  CHECK(env.zeta_to_n_minus_1 == zeta.pow(U256{n}) - F::one());
  CHECK(env.zeta_omega == zeta * w);
  CHECK(env.endo_coefficient == kc::circuit_endo_coefficient<F>());
  // l_i(ζ) = Π_{j≠i}(ζ − ω^j)
  for (int32_t i : {0, 1, 5, -1, -4}) {
    F prod = F::one();
    const uint64_t ii = uint64_t((int64_t(i) % int64_t(n) + int64_t(n)) % int64_t(n));
    for (uint64_t j = 0; j < n; ++j)
      if (j != ii) prod *= zeta - w.pow(U256{j});
    INFO("i = " << i);
    CHECK(env.unnormalized_lagrange_basis(kc::RowOffset{false, i}) == prod);
  }
  CHECK(env.unnormalized_lagrange_basis(kc::RowOffset{true, -1}) ==
        env.unnormalized_lagrange_basis(kc::RowOffset{false, -4}));

  // typed errors
  CHECK(!kc::EvaluationEnv<F>::create(log2, w.pow(U256{3})).ok());   // ζ on the domain
  CHECK(!kc::EvaluationEnv<F>::create(log2, zeta, 15).ok());         // zk rows do not fit
  CHECK(!kc::EvaluationEnv<F>::create(log2, zeta, 0).ok());
  CHECK(!kc::EvaluationEnv<F>::create(33, zeta).ok());               // beyond the 2-adicity
}

TEMPLATE_TEST_CASE("kimchi constant_term: selectors pick their gate, flags gate the optional ones", "[kimchi]", Fp,
                   Fq) {
  using F = TestType;
  auto env = *kc::EvaluationEnv<F>::create(10, random_field<F>());
  const kc::ConstraintChallenges<F> chal{random_field<F>(), random_field<F>(), random_field<F>(), F::zero()};
  const auto alphas = kc::powers_of_alpha(chal.alpha);

  // A satisfied generic row: only the generic selector set → 0; any other gate selector → its
  // (nonzero) combination on these rows.
  Rows<F> r;
  for (size_t i = 0; i < kColumns; ++i) {
    r.curr[i] = random_field<F>();
    r.next[i] = random_field<F>();
  }
  r.coeff = {};
  r.coeff[0] = F::one();
  r.coeff[2] = -F::one();
  r.curr[2] = r.curr[0];  // l − o = 0
  r.coeff[5] = F::one();
  r.coeff[6] = F::one();
  r.coeff[7] = -F::one();
  r.curr[5] = r.curr[3] + r.curr[4];  // l + r − o = 0
  auto e = evals_of_rows(r);
  const pickles::FeatureFlags none{};
  e.generic_selector = pe(F::one(), F::zero());
  auto ct = kc::constant_term(e, chal, env, none);
  REQUIRE(ct.ok());
  CHECK(ct->is_zero());

  const auto g = gate_env_of(r);
  const F sel = random_field<F>();
  e.complete_add_selector = pe(sel, F::zero());
  ct = kc::constant_term(e, chal, env, none);
  REQUIRE(ct.ok());
  CHECK(*ct == sel * kc::combine_constraints(kc::complete_add_constraints(g), alphas.data()));
  e.complete_add_selector = pe(F::zero(), F::zero());

  // Optional gate: read only when its flag is on, and then required.
  e.xor_selector = pe(sel, F::zero());
  ct = kc::constant_term(e, chal, env, none);
  REQUIRE(ct.ok());
  CHECK(ct->is_zero());
  // (foreign_field_add is the one optional gate without a lookup pattern; rot would also
  // require the range-check lookup columns.)
  pickles::FeatureFlags ffadd_on{};
  ffadd_on.foreign_field_add = true;
  ct = kc::constant_term(e, chal, env, ffadd_on);
  REQUIRE(!ct.ok());
  CHECK(ct.error().code == ErrorCode::kInvalidLength);
  e.foreign_field_add_selector = pe(sel, F::zero());
  ct = kc::constant_term(e, chal, env, ffadd_on);
  REQUIRE(ct.ok());
  CHECK(*ct == sel * kc::combine_constraints(kc::foreign_field_add_constraints(g), alphas.data()));
  pickles::FeatureFlags ffadd_only{};
  ffadd_only.rot = true;
  e.rot_selector = pe(sel, F::zero());
  CHECK(kc::constant_term(e, chal, env, ffadd_only).error().code == ErrorCode::kInvalidLength);  // lookups
  e.rot_selector.reset();
  CHECK(kc::validate_feature_flags(e, ffadd_on).has_value());  // xor_selector present, flag off
  e.xor_selector.reset();
  CHECK(!kc::validate_feature_flags(e, ffadd_on).has_value());

  // Chunk counts are checked.
  auto bad = e;
  bad.w[3].zeta.push_back(F::one());
  CHECK(kc::constant_term(bad, chal, env, ffadd_on).error().code == ErrorCode::kInvalidLength);
  bad = e;
  bad.s[5].zeta_omega.clear();
  CHECK(kc::ft_eval0(bad, chal, env, none, F::zero()).error().code == ErrorCode::kInvalidLength);
  CHECK(kc::perm_scalars(bad, chal, env).error().code == ErrorCode::kInvalidLength);
}

TEMPLATE_TEST_CASE("kimchi constant_term: lookups use alpha^24..31 and need their columns", "[kimchi]", Fp, Fq) {
  using F = TestType;
  auto env = *kc::EvaluationEnv<F>::create(12, random_field<F>());
  const kc::ConstraintChallenges<F> chal{random_field<F>(), random_field<F>(), random_field<F>(), random_field<F>()};
  Rows<F> r;  // all-zero rows and selectors: the gates contribute nothing
  auto e = evals_of_rows(r);
  pickles::FeatureFlags flags{};
  flags.lookup = true;
  flags.runtime_tables = true;
  auto ct = kc::constant_term(e, chal, env, flags);
  REQUIRE(!ct.ok());  // lookup columns missing
  e.lookup_aggregation = pe(random_field<F>(), random_field<F>());
  e.lookup_table = pe(random_field<F>(), random_field<F>());
  for (size_t i = 0; i < 4; ++i) e.lookup_sorted[i] = pe(random_field<F>(), random_field<F>());
  e.runtime_lookup_table = pe(random_field<F>(), random_field<F>());
  e.runtime_lookup_table_selector = pe(random_field<F>(), random_field<F>());
  e.lookup_gate_lookup_selector = pe(random_field<F>(), random_field<F>());
  ct = kc::constant_term(e, chal, env, flags);
  REQUIRE(ct.ok());
  CHECK(!kc::validate_feature_flags(e, flags).has_value());
  // The same value, assembled from the lookup constraints and α^24.. by hand.
  kc::LookupCells<F> c{};
  c.aggreg_curr = e.lookup_aggregation->zeta[0];
  c.aggreg_next = e.lookup_aggregation->zeta_omega[0];
  c.table_curr = e.lookup_table->zeta[0];
  c.table_next = e.lookup_table->zeta_omega[0];
  for (size_t i = 0; i < 4; ++i) {
    c.sorted_curr[i] = e.lookup_sorted[i]->zeta[0];
    c.sorted_next[i] = e.lookup_sorted[i]->zeta_omega[0];
  }
  c.runtime_table_curr = e.runtime_lookup_table->zeta[0];
  c.runtime_selector_curr = e.runtime_lookup_table_selector->zeta[0];
  c.lookup_selector = e.lookup_gate_lookup_selector->zeta[0];
  const auto lc = kc::lookup_constraints(c, kc::LookupAtoms<F>::at_zeta(env), chal, kc::lookup_features(flags));
  const auto alphas = kc::powers_of_alpha(chal.alpha);
  F expected = F::zero();
  for (size_t i = 0; i < kc::kLookupConstraints; ++i) expected += alphas[kc::kLookupAlpha0 + i] * lc[i];
  CHECK(*ct == expected);
  CHECK(lc[7] == c.runtime_table_curr * c.runtime_selector_curr);
  CHECK(lc[6].is_zero());  // max_per_row = 3 for the lookup pattern alone: compat check 3 is padding
  CHECK(!lc[5].is_zero());
}

// A tiny circuit (n = 16, zk_rows = 3): two public-input generic rows, random copy constraints
// over the first 7 columns, z built as kimchi's prover builds it (perm_aggreg, random values in
// rows n−2 and n−1). The constraint numerator vanishes on the domain, and the verifier's
// ft_eval0 equals perm_scalars·σ_6(ζ) − N(ζ), i.e. ft(ζ) for the honest quotient t = N/Z_H.
TEMPLATE_TEST_CASE("kimchi ft_eval0 and perm_scalars agree with an honest prover on a tiny circuit", "[kimchi]", Fp,
                   Fq) {
  using F = TestType;
  const uint32_t log2 = 4;
  const size_t n = 16, zk = 3, used_rows = n - zk - 1;  // rows 0..n−4 carry the circuit
  const F w = omega_of<F>(log2);
  const auto& shifts = kc::permutation_shifts<F>();
  const F beta = random_field<F>(), gamma = random_field<F>(), alpha = random_field<F>();

  // Copy constraints: a random permutation of the used cells of columns 0..6, made of cycles.
  std::vector<std::pair<size_t, size_t>> cellv;  // (col, row)
  for (size_t c = 0; c < kc::kPermuts; ++c)
    for (size_t row = 0; row < used_rows; ++row) cellv.push_back({c, row});
  std::vector<size_t> perm(cellv.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  for (size_t i = perm.size(); i-- > 1;) std::swap(perm[i], perm[rng()() % (i + 1)]);
  // cycles of length ≤ 3 along the shuffled order
  std::vector<size_t> next_of(cellv.size());
  for (size_t i = 0; i < perm.size(); i += 3) {
    const size_t len = std::min<size_t>(3, perm.size() - i);
    for (size_t k = 0; k < len; ++k) next_of[perm[i + k]] = perm[i + (k + 1) % len];
  }
  std::vector<std::vector<F>> wit(kColumns, std::vector<F>(n)), sigma(kc::kPermuts, std::vector<F>(n));
  for (auto& col : wit)
    for (auto& v : col) v = random_field<F>();
  for (size_t i = 0; i < perm.size(); i += 3) {  // one value per cycle
    const F v = random_field<F>();
    for (size_t k = 0; k < std::min<size_t>(3, perm.size() - i); ++k) {
      auto [c, row] = cellv[perm[i + k]];
      wit[c][row] = v;
    }
  }
  for (size_t c = 0; c < kc::kPermuts; ++c)
    for (size_t row = 0; row < n; ++row) sigma[c][row] = shifts[c] * w.pow(U256{row});  // identity
  for (size_t i = 0; i < cellv.size(); ++i) {
    auto [c, row] = cellv[i];
    auto [c2, row2] = cellv[next_of[i]];
    sigma[c][row] = shifts[c2] * w.pow(U256{row2});
  }
  // Public input rows 0, 1: generic gate w0·1 + p = 0 with p = −Σ pub_i L_i.
  const size_t npub = 2;
  std::vector<F> generic_sel(n, F::zero()), coeff0(n, F::zero());
  std::vector<F> pub(npub);
  for (size_t i = 0; i < npub; ++i) {
    generic_sel[i] = F::one();
    coeff0[i] = F::one();
    pub[i] = wit[0][i];
  }
  // z as perm_aggreg: z0 = 1, z_{j+1} = z_j·Π(w + β·k·ω^j + γ)/Π(w + β·σ + γ), rows n−2, n−1 random.
  std::vector<F> z(n);
  z[0] = F::one();
  for (size_t j = 0; j + 1 < n; ++j) {
    if (j == n - zk || j == n - zk + 1) {
      z[j + 1] = random_field<F>();
      continue;
    }
    F num = F::one(), den = F::one();
    for (size_t c = 0; c < kc::kPermuts; ++c) {
      num *= wit[c][j] + beta * shifts[c] * w.pow(U256{j}) + gamma;
      den *= wit[c][j] + beta * sigma[c][j] + gamma;
    }
    z[j + 1] = z[j] * num * *den.inverse();
  }
  REQUIRE(z[n - zk] == F::one());

  // The permutation numerator vanishes on the whole domain (this pins the zk-row conventions).
  for (size_t j = 0; j < n; ++j) {
    const F x = w.pow(U256{j});
    F lhs = z[j], rhs = z[(j + 1) % n];
    for (size_t c = 0; c < kc::kPermuts; ++c) {
      lhs *= wit[c][j] + beta * shifts[c] * x + gamma;
      rhs *= wit[c][j] + beta * sigma[c][j] + gamma;
    }
    INFO("row " << j);
    CHECK((kc::eval_permutation_vanishing_polynomial(w, n, zk, x) * (lhs - rhs)).is_zero());
  }

  // Evaluate every column at ζ and ζω: f(x) = (x^n − 1)/n · Σ_i f_i·ω^i/(x − ω^i).
  const F zeta = random_field<F>();
  auto env = *kc::EvaluationEnv<F>::create(log2, zeta, zk);
  auto interp = [&](const std::vector<F>& vals, const F& x) {
    const F zh = x.pow(U256{n}) - F::one();
    F acc = F::zero();
    for (size_t i = 0; i < n; ++i)
      if (!vals[i].is_zero()) acc += vals[i] * w.pow(U256{i}) * *(x - w.pow(U256{i})).inverse();
    return acc * zh * *F::from_u64(n).inverse();
  };
  const F zw = env.zeta_omega;
  pickles::ProofEvaluations<F> e;
  for (size_t c = 0; c < kColumns; ++c) {
    e.w[c] = pe(interp(wit[c], zeta), interp(wit[c], zw));
    e.coefficients[c] = pe(c == 0 ? interp(coeff0, zeta) : F::zero(), c == 0 ? interp(coeff0, zw) : F::zero());
  }
  for (size_t c = 0; c + 1 < kc::kPermuts; ++c) e.s[c] = pe(interp(sigma[c], zeta), interp(sigma[c], zw));
  e.z = pe(interp(z, zeta), interp(z, zw));
  e.generic_selector = pe(interp(generic_sel, zeta), interp(generic_sel, zw));
  for (auto* sel : {&e.poseidon_selector, &e.complete_add_selector, &e.mul_selector, &e.emul_selector,
                    &e.endomul_scalar_selector})
    *sel = pe(F::zero(), F::zero());
  std::vector<F> neg_pub(n, F::zero());
  for (size_t i = 0; i < npub; ++i) neg_pub[i] = -pub[i];
  const F p_zeta = interp(neg_pub, zeta);
  const F sigma6 = interp(sigma[6], zeta);

  // N(ζ) written the prover's way (t·Z_H): gates + public + permutation + boundary·Z_H.
  const auto a = kc::powers_of_alpha(alpha);
  const F one = F::one();
  const F zh = env.zeta_to_n_minus_1;
  const F gates = e.generic_selector.zeta[0] * e.coefficients[0].zeta[0] * e.w[0].zeta[0];
  F lhs = e.z.zeta[0], rhs = e.z.zeta_omega[0];
  for (size_t c = 0; c < kc::kPermuts; ++c) {
    lhs *= e.w[c].zeta[0] + beta * shifts[c] * zeta + gamma;
    rhs *= e.w[c].zeta[0] + beta * (c < 6 ? e.s[c].zeta[0] : sigma6) + gamma;
  }
  const F perm_part = a[21] * env.zkp * (lhs - rhs);
  const F bnd = a[22] * (e.z.zeta[0] - one) * *(zeta - one).inverse() +
                a[23] * (e.z.zeta[0] - one) * *(zeta - w.pow(U256{n - zk})).inverse();
  const F numerator = gates + p_zeta + perm_part + zh * bnd;

  const kc::ConstraintChallenges<F> chal{alpha, beta, gamma, F::zero()};
  auto ft0 = kc::ft_eval0(e, chal, env, pickles::FeatureFlags{}, p_zeta);
  auto ps = kc::perm_scalars(e, chal, env);
  REQUIRE(ft0.ok());
  REQUIRE(ps.ok());
  CHECK(*ft0 == *ps * sigma6 - numerator);
  // and a wrong public evaluation is seen
  CHECK(*kc::ft_eval0(e, chal, env, pickles::FeatureFlags{}, p_zeta + one) != *ps * sigma6 - numerator);
}
