// kimchi's Fq/Fr sponges against hand-driven poseidon::Sponge computations (the limb buffer, the
// absorb_fr split, digests), proof-systems' empty-sponge regression challenges and its
// point-at-infinity test, and shift_scalar's defining equations.
#include <catch2/catch.hpp>

#include "commitment/sponges.hpp"
#include "curve/curve_test_util.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {
template <class F>
U256 low128(const F& x) {
  U256 v = x.to_int();
  return U256{v.w[0], v.w[1]};
}
}  // namespace

TEST_CASE("FqSponge: empty-sponge challenges match proof-systems regressions", "[commitment][sponges]") {
  // poseidon/tests/poseidon_tests.rs test_regression_challenge_empty_{pallas,vesta}_kimchi
  // (from_hex reads the bytes little-endian).
  auto hex16 = [](const auto& x) {
    auto b = x.to_bytes_le();
    for (size_t i = 16; i < 32; ++i) REQUIRE(b[i] == 0);
    return to_hex(ByteSpan(b.data(), 16));
  };
  FqSponge<PallasParams> p;
  CHECK(hex16(p.challenge()) == "a8eb9ee0f30046308abbfa5d20af73c8");
  FqSponge<VestaParams> v;
  CHECK(hex16(v.challenge()) == "c1e504c0184cce70a605d2f942d579c5");
}

TEMPLATE_TEST_CASE("FqSponge: limb buffer semantics", "[commitment][sponges]", PallasParams, VestaParams) {
  using C = TestType;
  using Base = typename C::Base;
  using Scalar = typename C::Scalar;
  Base a = test::random_field<Base>(), b = test::random_field<Base>(), c = test::random_field<Base>();
  std::vector<Base> in{a, b, c};

  FqSponge<C> s;
  poseidon::Sponge<Base> ref(poseidon::kKimchi);
  s.absorb_fq(in);
  ref.absorb(std::span<const Base>(in));

  // One challenge = the low two limbs of one squeeze; the next challenge squeezes again.
  Base x1 = ref.squeeze();
  CHECK(s.challenge() == Scalar::from_int_unchecked(low128(x1)));
  CHECK(s.last_squeezed().empty());
  Base x2 = ref.squeeze();
  ScalarChallenge pc = s.prechallenge();
  CHECK(pc.lo() == x2.to_int().w[0]);
  CHECK(pc.hi() == x2.to_int().w[1]);

  // Odd requests: leftovers are served first, new limbs are appended behind them.
  Base x3 = ref.squeeze();
  auto l1 = s.squeeze_limbs(1);
  CHECK(l1 == std::vector<uint64_t>{x3.to_int().w[0]});
  CHECK(s.last_squeezed() == std::vector<uint64_t>{x3.to_int().w[1]});
  auto state_before = s.sponge().state();
  auto offset_before = s.sponge().offset();
  Base x4 = ref.squeeze();
  auto l2 = s.squeeze_limbs(2);
  CHECK(l2 == std::vector<uint64_t>{x3.to_int().w[1], x4.to_int().w[0]});
  CHECK(s.last_squeezed() == std::vector<uint64_t>{x4.to_int().w[1]});
  CHECK((s.sponge().state() != state_before || s.sponge().offset() != offset_before));
  // Served from the buffer alone: the sponge does not move.
  state_before = s.sponge().state();
  offset_before = s.sponge().offset();
  CHECK(s.squeeze_limbs(1) == std::vector<uint64_t>{x4.to_int().w[1]});
  CHECK(s.sponge().state() == state_before);
  CHECK(s.sponge().offset() == offset_before);

  // challenge_fq squeezes directly and empties the buffer.
  s.squeeze_limbs(1);
  ref.squeeze();
  CHECK(s.last_squeezed().size() == 1);
  CHECK(s.challenge_fq() == ref.squeeze());
  CHECK(s.last_squeezed().empty());

  // Any absorb empties the buffer.
  s.squeeze_limbs(1);
  ref.squeeze();
  REQUIRE(s.last_squeezed().size() == 1);
  s.absorb_fq(a);
  ref.absorb(a);
  CHECK(s.last_squeezed().empty());
  CHECK(s.challenge() == Scalar::from_int_unchecked(low128(ref.squeeze())));

  // digest: a squeezed base element read in the scalar field; does not advance the sponge.
  auto before = s.sponge().state();
  poseidon::Sponge<Base> ref2 = ref;
  U256 dv = ref2.squeeze().to_int();
  Scalar want = dv >= Scalar::kModulus ? Scalar::zero() : Scalar::from_int_unchecked(dv);
  CHECK(s.digest() == want);
  CHECK(s.sponge().state() == before);
  ref2 = ref;
  CHECK(s.digest_fq() == ref2.squeeze());
}

TEMPLATE_TEST_CASE("FqSponge: absorb_g and absorb_fr encodings", "[commitment][sponges]", PallasParams, VestaParams) {
  using C = TestType;
  using Base = typename C::Base;
  using Scalar = typename C::Scalar;

  // Point at infinity = (0, 0): the state stays all-zero (upstream test_poseidon_*_absorb_point_to_infinity).
  FqSponge<C> inf;
  inf.absorb_g(Affine<C>::identity());
  CHECK(inf.sponge().state() == poseidon::State<Base>{});
  CHECK(inf.sponge().offset() == 2);

  auto pt = test::random_point<C>();
  FqSponge<C> s;
  poseidon::Sponge<Base> ref(poseidon::kKimchi);
  s.absorb_g(pt);
  ref.absorb(pt.x);
  ref.absorb(pt.y);
  CHECK(s.sponge().state() == ref.state());

  Scalar x = test::random_field<Scalar>();
  // A value with the top bit pattern that only fits the larger field, for the split case.
  Scalar big = -Scalar::one();
  for (const Scalar& v : {x, big, Scalar::zero(), Scalar::one()}) {
    s.absorb_fr(v);
    U256 iv = v.to_int();
    if (Scalar::kModulus < Base::kModulus) {
      ref.absorb(Base::from_int_unchecked(iv));
    } else {
      ref.absorb(Base::from_int_unchecked(shr1(iv)));
      ref.absorb(iv.is_odd() ? Base::one() : Base::zero());
    }
    CHECK(s.sponge().state() == ref.state());
    CHECK(s.sponge().offset() == ref.offset());
  }
  // Pallas's scalar field is the larger one: two base elements per scalar.
  if constexpr (std::is_same_v<C, PallasParams>) CHECK(!(Scalar::kModulus < Base::kModulus));
  else CHECK(Scalar::kModulus < Base::kModulus);
}

TEMPLATE_TEST_CASE("squeeze_challenge is the endo-mapped prechallenge", "[commitment][sponges]", PallasParams,
                   VestaParams) {
  using C = TestType;
  FqSponge<C> a, b;
  auto pt = test::random_point<C>();
  a.absorb_g(pt);
  b.absorb_g(pt);
  auto pre = squeeze_prechallenge(a);
  CHECK(squeeze_challenge<C>(endo_r<C>(), b) == pre.template to_field<typename C::Scalar>(endo_r<C>()));
}

TEMPLATE_TEST_CASE("FrSponge: absorb, challenge limbs, digest", "[commitment][sponges]", Fp, Fq) {
  using F = TestType;
  F a = test::random_field<F>(), b = test::random_field<F>();
  FrSponge<F> s;
  poseidon::Sponge<F> ref(poseidon::kKimchi);
  s.absorb(a);
  std::vector<F> ab{a, b};
  s.absorb_multiple(ab);
  ref.absorb(a);
  ref.absorb(std::span<const F>(ab));
  F x = ref.squeeze();
  ScalarChallenge c = s.challenge();
  CHECK(c.to_int() == low128(x));
  CHECK(s.squeeze_limbs(1) == std::vector<uint64_t>{ref.squeeze().to_int().w[0]});
  s.absorb(b);
  ref.absorb(b);
  CHECK(s.last_squeezed().empty());
  poseidon::Sponge<F> ref2 = ref;
  CHECK(s.digest() == ref2.squeeze());
  CHECK(s.challenge().to_int() == low128(ref.squeeze()));
}

TEMPLATE_TEST_CASE("shift_scalar inverts the circuit's scalar shift", "[commitment][sponges]", PallasParams,
                   VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  S two_255 = S::from_u64(2).pow(U256{255});
  for (int i = 0; i < 4; ++i) {
    S x = test::random_field<S>();
    S y = shift_scalar<C>(x);
    if (S::kModulus < C::Base::kModulus) CHECK(y.dbl() + two_255 + S::one() == x);  // Vesta: 2y + 2^255 + 1
    else CHECK(y + two_255 == x);                                                     // Pallas: y + 2^255
  }
}
