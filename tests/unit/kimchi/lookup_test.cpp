// The lookup constraints on a small plookup instance built the way kimchi's prover builds it
// (lookup/constraints.rs `sorted` and `aggregation`): the range-check pattern on a 32-row domain
// (zk_rows = 3, 28 lookup rows) with a toy table, every row checked with the row-wise values of
// the Lagrange and vanishing atoms. All 8 constraints vanish on every row; a tampered sorted
// entry or aggregation value does not.
#include "kimchi_test_util.hpp"

using namespace mina;
using namespace mina::test::kimchi;
using mina::test::rng;
namespace kc = mina::kimchi;

namespace {

template <class F>
struct Instance {
  size_t n = 32, zk = 3;
  F omega;
  std::vector<F> table;                       // combined table column, n rows
  std::vector<std::array<F, kColumns>> wit;   // n rows
  std::vector<F> selector;                    // range-check lookup selector
  std::vector<std::vector<F>> sorted;         // 5 columns × n rows
  std::vector<F> aggreg;                      // n rows
};

template <class F>
Instance<F> build(const kc::ConstraintChallenges<F>& chal) {
  Instance<F> in;
  const size_t n = in.n, lookup_rows = n - in.zk - 1;
  in.omega = F::two_adic_root_of_unity();
  for (int i = 5; i < 32; ++i) in.omega = in.omega.square();
  const F& jc = chal.joint_combiner;
  const F tic = jc;  // joint_combiner^max_joint_size, max_joint_size = 1 for RangeCheck
  auto combined = [&](uint64_t v) { return F::from_u64(v) + tic * F::from_u64(kc::kRangeCheckTableId); };

  // Table: the dummy entry (combined 0), then v = 0..9 in table 1, the last entry repeated so that
  // t[lookup_rows − 1] = t[lookup_rows].
  in.table.assign(n, F::zero());
  for (size_t i = 1; i <= lookup_rows; ++i) in.table[i] = combined(std::min<uint64_t>(i - 1, 9));
  for (size_t i = lookup_rows + 1; i < n; ++i) in.table[i] = random_field<F>();

  in.wit.assign(n, {});
  in.selector.assign(n, F::zero());
  for (auto& row : in.wit)
    for (auto& v : row) v = random_field<F>();
  for (size_t row : {0, 3, 4, 11, 20, 27}) {
    in.selector[row] = F::one();
    for (size_t c = 3; c <= 6; ++c) in.wit[row][c] = F::from_u64(rng()() % 10);
  }

  // sorted: count each table value once plus its queries (dummy 0 for padding), then write the
  // table in order with multiplicities, column after column, and snake.
  std::vector<std::pair<F, size_t>> counts;
  auto count_of = [&](const F& v) -> size_t* {
    for (auto& [k, c] : counts)
      if (k == v) return &c;
    return nullptr;
  };
  for (size_t i = 0; i < lookup_rows; ++i)
    if (!count_of(in.table[i])) counts.push_back({in.table[i], 1});
  for (size_t row = 0; row < lookup_rows; ++row) {
    if (in.selector[row].is_zero()) {
      *count_of(F::zero()) += 4;
      continue;
    }
    for (size_t c = 3; c <= 6; ++c) {
      size_t* cnt = count_of(in.wit[row][c] + tic);
      REQUIRE(cnt);
      ++*cnt;
    }
  }
  const size_t max_per_row = 4;
  std::vector<std::vector<F>> sorted(max_per_row + 1);
  size_t idx = 0;
  for (size_t i = 0; i < lookup_rows; ++i) {
    size_t* cnt = count_of(in.table[i]);
    const size_t t_count = *cnt;
    *cnt = 1;
    for (size_t j = 0; j < t_count; ++j, ++idx) sorted[idx / lookup_rows].push_back(in.table[i]);
  }
  REQUIRE(idx == (max_per_row + 1) * lookup_rows);
  for (size_t i = 0; i < max_per_row; ++i) sorted[i].push_back(sorted[i + 1][0]);
  sorted[max_per_row].push_back(sorted[max_per_row].back());
  for (size_t i = 1; i < sorted.size(); i += 2) std::reverse(sorted[i].begin(), sorted[i].end());
  for (auto& s : sorted)
    while (s.size() < n) s.push_back(random_field<F>());  // zero-knowledge rows
  in.sorted = sorted;

  // aggregation
  const F beta1 = F::one() + chal.beta, gammabeta1 = chal.gamma * beta1;
  F beta1_4 = beta1.square().square();
  in.aggreg.assign(n, F::zero());
  in.aggreg[0] = F::one();
  for (size_t row = 0; row < lookup_rows; ++row) {
    F den = F::one();
    for (size_t i = 0; i <= max_per_row; ++i) {
      const bool even = i % 2 == 0;
      den *= gammabeta1 + sorted[i][even ? row : row + 1] + chal.beta * sorted[i][even ? row + 1 : row];
    }
    F f_chunk = beta1_4;
    if (in.selector[row].is_zero()) {
      f_chunk *= chal.gamma.square().square();
    } else {
      for (size_t c = 3; c <= 6; ++c) f_chunk *= chal.gamma + in.wit[row][c] + tic;
    }
    const F t_chunk = gammabeta1 + in.table[row] + chal.beta * in.table[row + 1];
    in.aggreg[row + 1] = in.aggreg[row] * f_chunk * t_chunk * *den.inverse();
  }
  REQUIRE(in.aggreg[lookup_rows] == F::one());
  for (size_t row = lookup_rows + 1; row < n; ++row) in.aggreg[row] = random_field<F>();
  return in;
}

// All 8 lookup constraints at row j, with the atoms' values at x = ω^j.
template <class F>
std::array<F, kc::kLookupConstraints> constraints_at(const Instance<F>& in, size_t j,
                                                     const kc::ConstraintChallenges<F>& chal,
                                                     const kc::LookupFeatures& lf) {
  const size_t n = in.n, k = (j + 1) % n;
  kc::LookupCells<F> c{};
  c.aggreg_curr = in.aggreg[j];
  c.aggreg_next = in.aggreg[k];
  c.table_curr = in.table[j];
  c.table_next = in.table[k];
  for (size_t i = 0; i < kc::kLookupSortedColumns; ++i) {
    c.sorted_curr[i] = in.sorted[i][j];
    c.sorted_next[i] = in.sorted[i][k];
  }
  c.range_check_selector = in.selector[j];
  c.witness_curr = in.wit[j];
  const F x = in.omega.pow(U256{j});
  kc::LookupAtoms<F> atoms;
  atoms.vanishes_on_zero_knowledge_and_previous_rows = kc::eval_vanishes_on_last_n_rows(in.omega, n, in.zk + 1, x);
  // l_i(ω^j) = [i = j]·n·ω^{−i}
  const size_t final_row = n - in.zk - 1;
  atoms.lagrange_first = j == 0 ? F::from_u64(n) : F::zero();
  atoms.lagrange_final = j == final_row ? F::from_u64(n) * *in.omega.pow(U256{final_row}).inverse() : F::zero();
  return kc::lookup_constraints(c, atoms, chal, lf);
}

}  // namespace

TEMPLATE_TEST_CASE("kimchi lookup constraints vanish on an honest range-check plookup", "[kimchi]", Fp, Fq) {
  using F = TestType;
  const kc::ConstraintChallenges<F> chal{random_field<F>(), random_field<F>(), random_field<F>(), random_field<F>()};
  pickles::FeatureFlags flags{};
  flags.range_check0 = true;
  const auto lf = kc::lookup_features(flags);
  REQUIRE(lf.max_per_row() == 4);
  REQUIRE(lf.max_joint_size() == 1);

  Instance<F> in = build<F>(chal);
  for (size_t j = 0; j < in.n; ++j) {
    const auto c = constraints_at(in, j, chal, lf);
    for (size_t i = 0; i < c.size(); ++i) {
      INFO("row " << j << " constraint " << i);
      CHECK(c[i].is_zero());
    }
  }

  auto any_row_fails = [&](const Instance<F>& bad) {
    for (size_t j = 0; j < bad.n; ++j)
      for (const F& v : constraints_at(bad, j, chal, lf))
        if (!v.is_zero()) return true;
    return false;
  };
  // A query outside the table (the aggregation can no longer be honest: keep the old one).
  Instance<F> bad = in;
  bad.wit[11][4] = F::from_u64(10);
  CHECK(any_row_fails(bad));
  for (size_t col = 0; col < kc::kLookupSortedColumns; ++col) {
    bad = in;
    bad.sorted[col][7] += F::one();
    INFO("sorted column " << col);
    CHECK(any_row_fails(bad));
  }
  bad = in;
  bad.aggreg[0] += F::one();  // the initial value must be 1
  CHECK(any_row_fails(bad));
  bad = in;
  bad.table[5] += F::one();
  CHECK(any_row_fails(bad));
}
