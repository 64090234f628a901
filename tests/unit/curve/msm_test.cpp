// MSM against the one-at-a-time sum, across the small, Jacobian-bucket and batch-affine paths,
// with the inputs that break naive affine bucket additions (repeats, P and -P, infinity, zeros).
#include <catch2/catch.hpp>

#include "curve/curve.hpp"
#include "curve_test_util.hpp"

using namespace mina;

namespace {

template <class C>
void check_size(size_t n, bool short_scalars) {
  using S = typename C::Scalar;
  auto pts = test::random_points<C>(n);
  std::vector<S> ks(n);
  for (auto& k : ks) {
    k = test::random_field<S>();
    if (short_scalars) k = S::from_int_unchecked(U256{k.to_int().w[0], k.to_int().w[1]});
  }
  // Adversarial structure, where n allows: zero scalars, infinity, repeated points landing in
  // one bucket (same scalar), P and -P with the same scalar, and the largest scalar r - 1.
  if (n >= 3) {
    ks[0] = S::zero();
    pts[1] = Affine<C>::identity();
    ks[2] = -S::one();
  }
  if (n >= 17) {
    pts[5] = pts[4];
    ks[5] = ks[4];
    pts[7] = -pts[6];
    ks[7] = ks[6];
    pts[9] = pts[8];
    ks[9] = ks[8] + S::one();
    for (size_t i = 10; i < 16; ++i) pts[i] = pts[3];  // many copies of one point
  }
  INFO("n = " << n << (short_scalars ? " (128-bit scalars)" : ""));
  auto expected = msm_naive<C>(pts, ks);
  auto got = msm<C>(pts, ks);
  REQUIRE(got.is_on_curve());
  REQUIRE(got == expected);
}

}  // namespace

TEST_CASE("msm matches the naive sum (Pallas)", "[curve]") {
  for (size_t n : {0, 1, 2, 3, 17, 255, 1000, 4097}) check_size<PallasParams>(n, false);
  for (size_t n : {5, 300}) check_size<PallasParams>(n, true);
}

TEST_CASE("msm matches the naive sum (Vesta)", "[curve]") {
  for (size_t n : {3, 40, 600}) check_size<VestaParams>(n, false);
}

TEST_CASE("msm edge cases", "[curve]") {
  auto g = PallasAffine::generator();
  std::vector<PallasAffine> pts(600, g);
  std::vector<Fq> ks(600, Fq::one());
  // 600 copies of G with scalar 1: every addition in the batch is a doubling of equal points.
  REQUIRE(msm(pts, ks) == g * Fq::from_u64(600));
  // Alternating G, -G: everything cancels.
  for (size_t i = 1; i < pts.size(); i += 2) pts[i] = -g;
  REQUIRE(msm(pts, ks).is_identity());
  // All scalars zero, or all points at infinity.
  std::vector<Fq> zeros(600);
  REQUIRE(msm(pts, zeros).is_identity());
  std::vector<PallasAffine> infs(600);
  REQUIRE(msm(infs, ks).is_identity());
  // Mismatched lengths use the common prefix.
  std::vector<Fq> two(2, Fq::one());
  REQUIRE(msm(std::span<const PallasAffine>(pts), std::span<const Fq>(two)).is_identity());
  REQUIRE(msm(std::span<const PallasAffine>(pts).first(1), std::span<const Fq>(two)) == g.to_projective());
}
