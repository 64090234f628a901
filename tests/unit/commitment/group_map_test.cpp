// The BW19 group map: parameters, candidate structure, batch/single agreement, and o1js
// Poseidon.hashToGroup vectors. (Bit-exact agreement with proof-systems, root choice included,
// is pinned by srs_test.cpp: every SRS point is a group-map output.) o1js hashToGroup uses the
// other, conic map (conic_group_map.hpp).
#include <catch2/catch.hpp>

#include "commitment/conic_group_map.hpp"
#include "commitment/group_map.hpp"
#include "commitment/hash_to_group.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {

template <class F>
F random_field() {
  U256 v;
  for (auto& w : v.w) w = test::rng()();
  v.w[3] &= 0x3fffffffffffffffULL;
  return F::from_int_reduce(v);
}

template <class C>
void check_params() {
  using F = typename C::Base;
  const auto& m = GroupMap<C>::instance();
  // f(1) = 1 + 5 = 6 != 0, so upstream's search stops at u = 1.
  CHECK(m.u() == F::one());
  CHECK(m.fu() == F::from_u64(6));
  CHECK(m.sqrt_neg_three_u_squared().square() == -F::from_u64(3));
  CHECK(m.inv_three_u_squared() * F::from_u64(3) == F::one());
  CHECK(m.sqrt_neg_three_u_squared_minus_u_over_2().dbl() == m.sqrt_neg_three_u_squared() - m.u());
}

template <class C>
void check_random_points() {
  using F = typename C::Base;
  const auto& m = GroupMap<C>::instance();
  std::vector<F> ts;
  for (int i = 0; i < test::iters(200); ++i) ts.push_back(random_field<F>());
  ts.push_back(F::zero());  // alpha = 0 branch
  ts.push_back(F::one());
  auto batch = m.batch_potential_xs(ts);
  REQUIRE(batch.size() == ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    auto xs = m.potential_xs(ts[i]);
    CHECK(xs == batch[i]);
    // x1 + x2 = -u by construction.
    CHECK(xs[0] + xs[1] == -m.u());
    // The product of the three right-hand sides is a square, which is why one always works.
    CHECK((curve_rhs<C>(xs[0]) * curve_rhs<C>(xs[1]) * curve_rhs<C>(xs[2])).legendre() >= 0);
    auto p = m.to_group(ts[i]);
    REQUIRE(p.ok());
    CHECK(p->is_on_curve());
    CHECK_FALSE(p->infinity);
    // to_group takes the first candidate that works.
    for (const auto& x : xs) {
      if (x == p->x) break;
      CHECK(curve_rhs<C>(x).legendre() < 0);
    }
    // t and -t give the same point (only t^2 enters).
    CHECK(*m.to_group(-ts[i]) == *p);
  }
}

}  // namespace

TEST_CASE("group map parameters (Pallas and Vesta)", "[commitment][group_map]") {
  check_params<PallasParams>();
  check_params<VestaParams>();
  // setup() recomputes the same values as the cached instance.
  CHECK(GroupMap<PallasParams>::setup().sqrt_neg_three_u_squared() ==
        GroupMap<PallasParams>::instance().sqrt_neg_three_u_squared());
}

TEST_CASE("group map outputs are on the curve; batch equals single", "[commitment][group_map]") {
  check_random_points<PallasParams>();
  check_random_points<VestaParams>();
}

TEST_CASE("o1js Poseidon.hashToGroup vectors", "[commitment][group_map][hash_to_group]") {
  auto v = test::read_fixture_json("o1js/vectors.json")["poseidonHashToGroup"]["vectors"];
  REQUIRE(v.size() >= 3);
  for (const auto& c : v) {
    std::vector<Fp> input;
    for (const auto& s : c["input"]) input.push_back(*Fp::parse(s.get<std::string>()));
    INFO(c["input"]);
    auto p = poseidon_hash_to_group(input);
    REQUIRE(p.ok());
    CHECK(p->x == *Fp::parse(c["x"].get<std::string>()));
    CHECK(p->y == *Fp::parse(c["y"].get<std::string>()));
    CHECK_FALSE(p->y.is_odd());
  }
}

TEST_CASE("conic group map (o1js hashToGroup) candidates and degenerate inputs", "[commitment][group_map]") {
  for (int i = 0; i < test::iters(100); ++i) {
    const Fp t = random_field<Fp>();
    auto xs = ConicGroupMapPallas::potential_xs(t);
    REQUIRE(xs.ok());
    CHECK((*xs)[0] + (*xs)[1] == -ConicGroupMapPallas::u());
    // Same reason as for BW19: f(x1) f(x2) f(x3) is a square, so one candidate is on the curve.
    CHECK((curve_rhs<PallasParams>((*xs)[0]) * curve_rhs<PallasParams>((*xs)[1]) *
           curve_rhs<PallasParams>((*xs)[2])).legendre() >= 0);
    auto p = ConicGroupMapPallas::to_group(t);
    REQUIRE(p.ok());
    CHECK(p->is_on_curve());
  }
  // c t^2 + 1 = 0 at t = sqrt(-1/3): a typed error where o1js throws.
  auto t = (-*Fp::from_u64(3).inverse()).sqrt();
  REQUIRE(t.has_value());
  auto r = ConicGroupMapPallas::to_group(*t);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidPoint);
  CHECK(field_to_group_even_y(*t).error().code == ErrorCode::kInvalidPoint);
}
