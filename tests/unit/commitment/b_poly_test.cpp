// The challenge polynomial: proof-systems' regression values (commitment.rs tests) and the
// agreement of the product form with its coefficients.
#include <catch2/catch.hpp>

#include "commitment/b_poly.hpp"
#include "commitment/domain.hpp"
#include "curve/curve_test_util.hpp"
#include "field/pasta.hpp"

using namespace mina;

TEST_CASE("b_poly matches proof-systems' regression values", "[commitment][b_poly]") {
  // test_b_poly_regression: chals = 2..16 (15 challenges), zeta = 17, zeta_omega = 19, over Fp.
  std::vector<Fp> chals;
  for (uint64_t i = 2; i <= 16; ++i) chals.push_back(Fp::from_u64(i));
  CHECK(b_poly<Fp>(chals, Fp::from_u64(17)) ==
        *Fp::parse("21115683812642620361045381629886583866877919362491419134086003378733605776328"));
  CHECK(b_poly<Fp>(chals, Fp::from_u64(19)) ==
        *Fp::parse("2298325069360593860729719174291433577456794311517767070156020442825391962511"));
}

TEST_CASE("b_poly_coefficients matches proof-systems' regression values", "[commitment][b_poly]") {
  // test_b_poly_coefficients_regression: chals [2, 3, 5, 7].
  std::vector<Fp> chals{Fp::from_u64(2), Fp::from_u64(3), Fp::from_u64(5), Fp::from_u64(7)};
  auto s = b_poly_coefficients<Fp>(chals);
  const uint64_t want[16] = {1, 7, 5, 35, 3, 21, 15, 105, 2, 14, 10, 70, 6, 42, 30, 210};
  REQUIRE(s.size() == 16);
  for (size_t i = 0; i < 16; ++i) CHECK(s[i] == Fp::from_u64(want[i]));
  CHECK(b_poly_coefficients<Fp>(std::vector<Fp>{}) == std::vector<Fp>{Fp::one()});
  CHECK(b_poly<Fp>(std::vector<Fp>{}, Fp::from_u64(9)) == Fp::one());
}

TEMPLATE_TEST_CASE("b_poly equals its coefficients evaluated", "[commitment][b_poly]", Fp, Fq) {
  using F = TestType;
  for (size_t k : {1u, 2u, 5u, 9u}) {
    std::vector<F> chals(k);
    for (auto& c : chals) c = test::random_field<F>();
    auto s = b_poly_coefficients<F>(chals);
    REQUIRE(s.size() == (size_t(1) << k));
    for (int t = 0; t < 4; ++t) {
      F x = test::random_field<F>();
      CHECK(eval_polynomial<F>(s, x) == b_poly<F>(chals, x));
    }
    // Closed form s_i = Π_{bit j of i} chals[k−1−j].
    size_t i = size_t(test::rng()()) % s.size();
    F p = F::one();
    for (size_t j = 0; j < k; ++j)
      if ((i >> j) & 1) p *= chals[k - 1 - j];
    CHECK(s[i] == p);
  }
}
