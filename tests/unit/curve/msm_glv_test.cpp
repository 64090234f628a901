// GLV scalar decomposition (glv.hpp) and the fixed-base MsmPrecomputed against the naive sum,
// with the same adversarial inputs as msm_test.cpp plus SRS-prefix calls and several table
// shapes (copies, window widths).
#include <catch2/catch.hpp>

#include "curve/curve.hpp"
#include "curve/glv.hpp"
#include "curve/msm_precomputed.hpp"
#include "curve_test_util.hpp"

using namespace mina;

namespace {

template <class C>
typename C::Scalar half_value(const GlvHalf& h) {
  auto v = C::Scalar::from_int_unchecked(h.mag);
  return h.neg ? -v : v;
}

template <class F>
F pow2(unsigned e) {
  F v = F::one();
  for (unsigned i = 0; i < e; ++i) v = v.dbl();
  return v;
}

template <class C>
void check_decomposition(const typename C::Scalar& k) {
  GlvSplit s = glv_decompose<C>(k.to_int());
  INFO("k = " << k.to_decimal());
  REQUIRE(s.k1.mag.bit_length() <= 127);
  REQUIRE(s.k2.mag.bit_length() <= 127);
  REQUIRE(half_value<C>(s.k1) + half_value<C>(s.k2) * endo_r<C>() == k);
}

template <class C>
void check_glv_curve() {
  using S = typename C::Scalar;
  // The basis really is in the lattice, and its determinant is r.
  using G = GlvConstants<C>;
  const S a1 = S::from_int_unchecked(G::kA1), a2 = S::from_int_unchecked(G::kA2);
  const S b1 = S::from_int_unchecked(G::kB1), b2 = S::from_int_unchecked(G::kB2);
  REQUIRE(a1 - b1 * endo_r<C>() == S::zero());
  REQUIRE(a2 + b2 * endo_r<C>() == S::zero());
  REQUIRE(a1 * b2 + a2 * b1 == S::zero());  // = r as an integer; r = 0 in the field

  std::vector<S> edge = {S::zero(), S::one(), -S::one(), -S::one() - S::one(), endo_r<C>(), -endo_r<C>(),
                         endo_r<C>().square(), pow2<S>(127), pow2<S>(128),
                         pow2<S>(254), -pow2<S>(127)};
  U256 half = S::kModulus;
  half = shr1(half);
  edge.push_back(S::from_int_unchecked(half));
  edge.push_back(S::from_int_unchecked(half) + S::one());
  for (const auto& k : edge) check_decomposition<C>(k);
  for (int i = 0; i < 20000; ++i) check_decomposition<C>(test::random_field<S>());
  // Full-width scalars near r (random_field stops at 2^254).
  for (int i = 0; i < 2000; ++i) check_decomposition<C>(-test::random_field<S>());

  // The point side: [k] P = [k1] P + [k2] phi(P).
  for (int i = 0; i < 4; ++i) {
    auto p = test::random_point<C>();
    auto k = test::random_field<S>();
    GlvSplit s = glv_decompose<C>(k.to_int());
    auto lhs = p * k;
    auto rhs = p * half_value<C>(s.k1) + endo(p) * half_value<C>(s.k2);
    REQUIRE(lhs == rhs);
  }
}

// Random inputs with zero scalars, infinity, repeated points (same bucket), P and -P with one
// scalar, many copies of one point, and the scalar r - 1.
template <class C>
void adversarial(size_t n, std::vector<Affine<C>>& pts, std::vector<typename C::Scalar>& ks) {
  using S = typename C::Scalar;
  pts = test::random_points<C>(n);
  ks.assign(n, S::zero());
  for (auto& k : ks) k = test::random_field<S>();
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
    for (size_t i = 10; i < 16; ++i) pts[i] = pts[3];
    ks[16] = -ks[15];
  }
}

template <class C>
void check_precomputed(size_t n, unsigned copies, unsigned window_bits) {
  std::vector<Affine<C>> pts;
  std::vector<typename C::Scalar> ks;
  adversarial<C>(n, pts, ks);
  MsmPrecomputed<C> pre(pts, copies, window_bits);
  INFO("n = " << n << " copies = " << copies << " c = " << pre.window_bits() << " passes = " << pre.passes());
  auto expected = msm_naive<C>(pts, ks);
  auto got = pre.msm(ks);
  REQUIRE(got.is_on_curve());
  REQUIRE(got == expected);
  REQUIRE(msm<C>(pts, ks) == expected);
  // A prefix of the scalars uses the leading bases.
  if (n >= 2) {
    std::span<const typename C::Scalar> half(ks.data(), n / 2 + 1);
    REQUIRE(pre.msm(half) == msm_naive<C>(std::span<const Affine<C>>(pts).first(half.size()), half));
  }
}

}  // namespace

TEST_CASE("glv decomposition (Pallas)", "[curve][glv]") { check_glv_curve<PallasParams>(); }
TEST_CASE("glv decomposition (Vesta)", "[curve][glv]") { check_glv_curve<VestaParams>(); }

TEST_CASE("msm_precomputed matches the naive sum (Pallas)", "[curve][glv]") {
  for (size_t n : {0, 1, 3, 17, 255, 256, 600, 2000}) check_precomputed<PallasParams>(n, 4, 0);
  for (unsigned copies : {1u, 2u, 3u, 8u, 100u}) check_precomputed<PallasParams>(700, copies, 0);
  for (unsigned c : {2u, 5u, 9u, 16u}) check_precomputed<PallasParams>(400, 2, c);
}

TEST_CASE("msm_precomputed matches the naive sum (Vesta)", "[curve][glv]") {
  for (size_t n : {17, 300, 1500}) check_precomputed<VestaParams>(n, 4, 0);
  check_precomputed<VestaParams>(512, 1, 13);
}

TEST_CASE("msm_precomputed edge cases", "[curve][glv]") {
  auto g = PallasAffine::generator();
  std::vector<PallasAffine> pts(600, g);
  std::vector<Fq> ks(600, Fq::one());
  for (unsigned copies : {1u, 4u}) {
    MsmPrecomputed<PallasParams> same(pts, copies);
    REQUIRE(same.msm(ks) == g * Fq::from_u64(600));
    std::vector<Fq> big(600, -Fq::one());  // r - 1 everywhere: all in the top buckets
    REQUIRE(same.msm(big) == g * (-Fq::from_u64(600)));
    std::vector<Fq> zeros(600);
    REQUIRE(same.msm(zeros).is_identity());
  }
  for (size_t i = 1; i < pts.size(); i += 2) pts[i] = -g;
  MsmPrecomputed<PallasParams> alt(pts);
  REQUIRE(alt.msm(ks).is_identity());
  std::vector<PallasAffine> infs(600);
  MsmPrecomputed<PallasParams> none(infs);
  REQUIRE(none.msm(ks).is_identity());
  // More scalars than bases: the extra ones are ignored.
  std::vector<Fq> more(700, Fq::one());
  REQUIRE(alt.msm(more).is_identity());
}

TEST_CASE("msm sizes up to 2^12, equal scalars (Pallas)", "[curve][glv]") {
  // Every point in one bucket per window, and all windows alike.
  auto pts = test::random_points<PallasParams>(4096);
  std::vector<Fq> ks(4096, -Fq::one());
  REQUIRE(msm(pts, ks) == msm_naive<PallasParams>(pts, ks));
  for (auto& k : ks) k = Fq::from_u64(3);
  REQUIRE(msm(pts, ks) == msm_naive<PallasParams>(pts, ks));
  MsmPrecomputed<PallasParams> pre(pts, 2);
  REQUIRE(pre.msm(ks) == msm_naive<PallasParams>(pts, ks));
  for (size_t n : {257, 511, 1024, 3000}) {
    std::vector<PallasAffine> p;
    std::vector<Fq> k;
    adversarial<PallasParams>(n, p, k);
    REQUIRE(msm(p, k) == msm_naive<PallasParams>(p, k));
  }
}
