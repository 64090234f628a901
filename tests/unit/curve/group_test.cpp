// Group law, scalar multiplication and point validation on Pallas and Vesta, with the o1js
// pallasGroup (generator.scale(k)) and keys (pk = sk * G) vectors as ground truth.
#include <catch2/catch.hpp>

#include "curve/curve.hpp"
#include "curve_test_util.hpp"

using namespace mina;

namespace {

U256 u256(const std::string& s) { return *parse_u256(s); }

template <class C>
void check_group_laws() {
  using P = Projective<C>;
  using S = typename C::Scalar;
  for (int it = 0; it < test::iters(10); ++it) {
    auto a = test::random_point<C>(), b = test::random_point<C>(), c = test::random_point<C>();
    P pa = a.to_projective(), pb = b.to_projective(), pc = c.to_projective();
    // Non-trivial Z coordinates so that the projective formulas are really exercised.
    P qa = pa.dbl() + pa, qb = pb.dbl() - pb;
    REQUIRE(qa.is_on_curve());
    REQUIRE(qb == pb);
    REQUIRE((pa + pb) + pc == pa + (pb + pc));
    REQUIRE(pa + pb == pb + pa);
    REQUIRE(qa + qb == (pa + pa + pa) + pb);
    REQUIRE(pa.dbl() == pa + pa);
    REQUIRE(pa.dbl() == pa + a);          // mixed addition of a point to itself
    REQUIRE(qb + b == pb.dbl());          // same, with Z != 1
    REQUIRE((pa - pa).is_identity());
    REQUIRE((qb - b).is_identity());      // mixed P + (-P)
    REQUIRE(P::identity() + a == pa);
    REQUIRE(pa + P::identity() == pa);
    REQUIRE((pa + pb).to_affine() == (pb + b + a - b).to_affine());
    REQUIRE((pa + pb).to_affine().is_on_curve());

    S k = test::random_field<S>(), l = test::random_field<S>();
    REQUIRE(a * k + a * l == a * (k + l));
    REQUIRE((a * k) * l == a * (k * l));
    REQUIRE(pa * k + pb * k == (pa + pb) * k);
    REQUIRE((a * S::zero()).is_identity());
    REQUIRE(a * S::one() == pa);
    REQUIRE(a * (-S::one()) == -pa);
    // The group order is the scalar modulus: [r] P = O, [r - 1] P = -P.
    REQUIRE(a.mul(S::kModulus).is_identity());
    U256 rm1 = S::kModulus;
    rm1.w[0] -= 1;
    REQUIRE(a.mul(rm1) == -pa);
  }
}

template <class C>
void check_batch_to_affine() {
  std::vector<Projective<C>> ps;
  ps.push_back(Projective<C>::identity());
  for (int i = 0; i < 20; ++i) ps.push_back(test::random_point<C>().to_projective().dbl() + Affine<C>::generator());
  ps.push_back(Projective<C>::identity());
  auto as = batch_to_affine<C>(ps);
  REQUIRE(as.size() == ps.size());
  for (size_t i = 0; i < ps.size(); ++i) {
    REQUIRE(as[i] == ps[i].to_affine());
    REQUIRE(as[i].is_on_curve());
  }
  REQUIRE(as.front().infinity);
  REQUIRE(batch_to_affine<C>(std::span<const Projective<C>>{}).empty());
}

template <class C>
void check_validation() {
  using A = Affine<C>;
  using B = typename C::Base;
  auto g = A::generator();
  REQUIRE(g.is_on_curve());
  REQUIRE(g.is_in_group());
  REQUIRE(A::from_xy(g.x, g.y).ok());
  auto off = A::from_xy(g.x, g.y + B::one());
  REQUIRE_FALSE(off.ok());
  REQUIRE(off.error().code == ErrorCode::kInvalidPoint);
  REQUIRE(A::from_xy(g.x + B::one(), g.y).error().code == ErrorCode::kInvalidPoint);
  REQUIRE(A::from_xy(B::zero(), B::zero()).error().code == ErrorCode::kInvalidPoint);
  REQUIRE(A::from_ints(g.x.to_int(), g.y.to_int()).ok());
  // y + p encodes the same residue but is not canonical.
  U256 y_plus_p;
  add_to(y_plus_p, g.y.to_int(), B::kModulus);
  REQUIRE(A::from_ints(g.x.to_int(), y_plus_p).error().code == ErrorCode::kNonCanonicalField);
  REQUIRE(A::from_ints(B::kModulus, g.y.to_int()).error().code == ErrorCode::kNonCanonicalField);

  std::vector<uint8_t> xy(64);
  auto xb = g.x.to_bytes_le(), yb = g.y.to_bytes_le();
  std::copy(xb.begin(), xb.end(), xy.begin());
  std::copy(yb.begin(), yb.end(), xy.begin() + 32);
  REQUIRE(*A::from_xy_bytes_le(xy) == g);
  REQUIRE(A::from_xy_bytes_le(ByteSpan(xy).first(63)).error().code == ErrorCode::kInvalidLength);
  xy[40] ^= 1;
  REQUIRE(A::from_xy_bytes_le(xy).error().code == ErrorCode::kInvalidPoint);
  std::fill(xy.begin() + 32, xy.end(), 0xff);
  REQUIRE(A::from_xy_bytes_le(xy).error().code == ErrorCode::kNonCanonicalField);
}

}  // namespace

TEST_CASE("Pallas and Vesta group laws", "[curve]") {
  check_group_laws<PallasParams>();
  check_group_laws<VestaParams>();
}

TEST_CASE("batch to_affine shares one inversion and keeps identities", "[curve]") {
  check_batch_to_affine<PallasParams>();
  check_batch_to_affine<VestaParams>();
}

TEST_CASE("point validation returns typed errors", "[curve]") {
  check_validation<PallasParams>();
  check_validation<VestaParams>();
}

TEST_CASE("generators match proof-systems", "[curve]") {
  REQUIRE(PallasAffine::generator().y.to_decimal() ==
          "12418654782883325593414442427049395787963493412651469444558597405572177144507");
  REQUIRE(VestaAffine::generator().y.to_decimal() ==
          "11426906929455361843568202299992114520848200991084027513389447476559454104162");
  REQUIRE(PallasAffine::generator().x.is_one());
  REQUIRE(VestaAffine::generator().x.is_one());
  REQUIRE(PallasProjective::generator().is_on_curve());
  REQUIRE(VestaProjective::generator().is_on_curve());
}

TEST_CASE("o1js pallasGroup: generator.scale(k)", "[curve]") {
  auto v = test::read_fixture_json("o1js/vectors.json")["pallasGroup"];
  auto g = PallasAffine::generator();
  REQUIRE(g.x.to_decimal() == v["generator"]["x"].get<std::string>());
  REQUIRE(g.y.to_decimal() == v["generator"]["y"].get<std::string>());
  REQUIRE(v["vectors"].size() > 3);
  for (const auto& t : v["vectors"]) {
    auto k = u256(t["k"].get<std::string>());
    auto by_int = g.mul(k).to_affine();
    auto by_scalar = (g * *Fq::from_int(k)).to_affine();
    INFO("k = " << t["k"].get<std::string>());
    REQUIRE(by_int == by_scalar);
    REQUIRE(by_int.x.to_decimal() == t["x"].get<std::string>());
    REQUIRE(by_int.y.to_decimal() == t["y"].get<std::string>());
  }
}

TEST_CASE("o1js keys: public key = sk * G", "[curve]") {
  auto v = test::read_fixture_json("o1js/vectors.json")["keys"]["vectors"];
  REQUIRE(v.size() > 2);
  for (const auto& t : v) {
    auto sk = Fq::parse(t["sk"].get<std::string>());
    REQUIRE(sk.ok());
    auto pk = (PallasAffine::generator() * *sk).to_affine();
    INFO("sk = " << t["sk"].get<std::string>());
    REQUIRE(pk.x.to_decimal() == t["x"].get<std::string>());
    REQUIRE(pk.y.is_odd() == t["isOdd"].get<bool>());
    if (t.contains("y")) REQUIRE(pk.y.to_decimal() == t["y"].get<std::string>());
  }
}
