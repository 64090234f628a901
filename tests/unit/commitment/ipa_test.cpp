// SRS::verify and the accumulator check on proofs made by the test prover (ipa_prover.hpp, a
// transcription of proof-systems SRS::open): honest proofs verify alone and batched, on Pallas and
// Vesta, chunked and not, with a power-of-two SRS and upstream's zero-padded odd-sized one; every
// single-field mutation is rejected; malformed input is a typed error.
#include <catch2/catch.hpp>

#include <functional>

#include "commitment/b_poly.hpp"
#include "commitment/domain.hpp"
#include "commitment/ipa.hpp"
#include "commitment/srs_file.hpp"
#include "curve/curve_test_util.hpp"
#include "ipa_prover.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {

template <class C>
const Srs<C>& small_srs() {
  // Pallas: the first 64 points of proof-systems' serialized SRS; Vesta: SRS::create(64).
  static const Srs<C> srs = [] {
    if constexpr (std::is_same_v<C, PallasParams>) {
      auto bytes = test::read_fixture_bytes("srs/pallas.srs");
      auto r = srs_from_msgpack<C>(bytes, 64);
      REQUIRE(r.ok());
      return std::move(r).value();
    } else {
      return *srs_create<C>(64);
    }
  }();
  return srs;
}

template <class C>
typename C::Scalar rnd() {
  return test::random_field<typename C::Scalar>();
}

template <class C>
std::function<typename C::Scalar()> rand_fn() {
  return [] { return rnd<C>(); };
}

// A sponge in some mid-protocol state, as kimchi hands it over after its oracles.
template <class C>
FqSponge<C> some_sponge() {
  FqSponge<C> s;
  s.absorb_g(test::random_point<C>());
  s.absorb_fq(test::random_field<typename C::Base>());
  (void)s.challenge();
  return s;
}

template <class C>
std::vector<typename C::Scalar> zeta_points(const Srs<C>& srs) {
  using S = typename C::Scalar;
  S zeta = rnd<C>();
  S omega = Radix2Domain<S>::create(srs.g.size())->group_gen;
  return {zeta, zeta * omega};
}

template <class C>
bool verifies(const Srs<C>& srs, const std::vector<BatchEvaluationProof<C>>& batch) {
  auto r = srs_verify<C>(srs, GroupMap<C>::instance(), batch, as_bytes("test seed"));
  REQUIRE(r.ok());
  auto r2 = srs_verify<C>(srs, GroupMap<C>::instance(), batch, IpaRandomness<typename C::Scalar>{rnd<C>(), rnd<C>()});
  REQUIRE(r2.ok());
  CHECK(*r == *r2);
  return *r;
}

template <class C>
BatchEvaluationProof<C> honest(const Srs<C>& srs) {
  const size_t n = srs.g.size();
  // A full-size polynomial, a short one, a two-chunk one (degree ≥ |G|), and a one-point-longer one.
  return test::make_batch_proof<C>(srs, {n, 10, n + 5, 1}, zeta_points(srs), some_sponge<C>(), rand_fn<C>());
}

}  // namespace

TEMPLATE_TEST_CASE("IPA: honest proofs verify, singly and batched", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = small_srs<C>();
  auto p = honest(srs);
  CHECK(p.opening.lr.size() == 6);
  CHECK(p.evaluations[2].commitment.len() == 2);
  CHECK(verifies<C>(srs, {p}));

  // The prover's sg is the commitment to the challenge polynomial.
  FqSponge<C> sp = p.sponge;
  sp.absorb_fr(shift_scalar<C>(p.combined_inner_product));
  (void)sp.challenge_fq();
  auto ch = opening_challenges<C>(p.opening, sp);
  auto s = b_poly_coefficients<S>(ch.chal);
  CHECK(msm<C>(srs.g, s).to_affine() == p.opening.sg);
  for (size_t j = 0; j < ch.chal.size(); ++j) CHECK(ch.chal[j] * ch.chal_inv[j] == S::one());

  // Batched: three proofs with different sponges, point sets and polynomial counts.
  std::vector<BatchEvaluationProof<C>> batch{
      p, test::make_batch_proof<C>(srs, {3}, {rnd<C>()}, some_sponge<C>(), rand_fn<C>()),
      test::make_batch_proof<C>(srs, {64, 64, 2}, {rnd<C>(), rnd<C>(), rnd<C>()}, some_sponge<C>(), rand_fn<C>())};
  CHECK(verifies<C>(srs, batch));
  // One bad proof spoils the batch, wherever it sits.
  for (size_t i = 0; i < batch.size(); ++i) {
    auto bad = batch;
    bad[i].opening.z1 += S::one();
    CHECK_FALSE(verifies<C>(srs, bad));
  }
  // The empty batch is vacuously valid.
  CHECK(verifies<C>(srs, {}));
}

TEMPLATE_TEST_CASE("IPA: zero-padded SRS of non-power-of-two size", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  Srs<C> srs = small_srs<C>();
  srs.g.resize(48);  // upstream pads G with points at infinity up to 64
  auto p = test::make_batch_proof<C>(srs, {48, 20}, zeta_points(small_srs<C>()), some_sponge<C>(), rand_fn<C>());
  CHECK(p.opening.lr.size() == 6);
  CHECK(verifies<C>(srs, {p}));
  p.opening.z2 += C::Scalar::one();
  CHECK_FALSE(verifies<C>(srs, {p}));
}

TEMPLATE_TEST_CASE("IPA: every single-field mutation is rejected", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = small_srs<C>();
  const auto good = honest(srs);
  REQUIRE(verifies<C>(srs, {good}));
  const Affine<C> other = test::random_point<C>();

  std::vector<std::pair<const char*, std::function<void(BatchEvaluationProof<C>&)>>> mutations{
      {"L_0", [&](auto& p) { p.opening.lr[0].first = other; }},
      {"L_last", [&](auto& p) { p.opening.lr.back().first = other; }},
      {"R_2", [&](auto& p) { p.opening.lr[2].second = other; }},
      {"L/R swapped", [&](auto& p) { std::swap(p.opening.lr[1].first, p.opening.lr[1].second); }},
      {"round dropped", [&](auto& p) { p.opening.lr.pop_back(); }},
      {"delta", [&](auto& p) { p.opening.delta = other; }},
      {"delta infinity", [&](auto& p) { p.opening.delta = Affine<C>::identity(); }},
      {"z1", [&](auto& p) { p.opening.z1 += S::one(); }},
      {"z2", [&](auto& p) { p.opening.z2 += S::one(); }},
      {"sg", [&](auto& p) { p.opening.sg = other; }},
      {"sg negated", [&](auto& p) { p.opening.sg = -p.opening.sg; }},
      {"commitment chunk", [&](auto& p) { p.evaluations[1].commitment.chunks[0] = other; }},
      {"second chunk", [&](auto& p) { p.evaluations[2].commitment.chunks[1] = other; }},
      {"commitments reordered", [&](auto& p) { std::swap(p.evaluations[0], p.evaluations[1]); }},
      {"commitment dropped", [&](auto& p) { p.evaluations.pop_back(); }},
      {"polyscale", [&](auto& p) { p.polyscale += S::one(); }},
      {"evalscale", [&](auto& p) { p.evalscale += S::one(); }},
      {"evaluation point", [&](auto& p) { p.evaluation_points[1] += S::one(); }},
      {"cip", [&](auto& p) { p.combined_inner_product += S::one(); }},
      {"sponge state", [&](auto& p) { p.sponge.absorb_fq(C::Base::one()); }},
      // The IPA check reads the commitments and the cip; an evaluation enters through the cip
      // the caller recomputes (kimchi's to_batch), so mutate one and recompute.
      {"evaluation (cip recomputed)",
       [&](auto& p) {
         p.evaluations[0].evaluations[1][0] += S::one();
         std::vector<std::vector<std::vector<S>>> es;
         for (const auto& e : p.evaluations) es.push_back(e.evaluations);
         p.combined_inner_product = *combined_inner_product<S>(p.polyscale, p.evalscale, es);
       }},
  };
  for (auto& [name, mutate] : mutations) {
    INFO(C::kName << " mutation: " << name);
    auto bad = good;
    mutate(bad);
    CHECK_FALSE(verifies<C>(srs, {bad}));
  }
}

TEMPLATE_TEST_CASE("IPA: malformed input is a typed error", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  const auto& srs = small_srs<C>();
  auto p = honest(srs);
  const auto& gm = GroupMap<C>::instance();
  auto too_many = p;
  too_many.opening.lr.push_back(too_many.opening.lr[0]);
  std::vector<BatchEvaluationProof<C>> b{too_many};
  auto r = srs_verify<C>(srs, gm, b, ByteSpan{});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kLimitExceeded);
  Srs<C> empty;
  std::vector<BatchEvaluationProof<C>> b2{p};
  CHECK(srs_verify<C>(empty, gm, b2, ByteSpan{}).error().code == ErrorCode::kInvalidArgument);
  // Fewer rounds than the SRS allows is accepted, as upstream: a 6-round proof only involves
  // G_0..G_63, so it stays valid against a 65-point SRS (7 rounds allowed) ...
  Srs<C> bigger = small_srs<C>();
  bigger.g.push_back(test::random_point<C>());
  auto rb = srs_verify<C>(bigger, gm, b2, ByteSpan{});
  REQUIRE(rb.ok());
  CHECK(*rb);
  // ... but not against one whose first 64 generators differ.
  Srs<C> other = small_srs<C>();
  other.g[63] = test::random_point<C>();
  auto ro = srs_verify<C>(other, gm, b2, ByteSpan{});
  REQUIRE(ro.ok());
  CHECK_FALSE(*ro);
}

TEMPLATE_TEST_CASE("IPA: derived combiners depend on seed and proof", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  const auto& srs = small_srs<C>();
  std::vector<BatchEvaluationProof<C>> b{honest(srs)};
  auto r1 = derive_ipa_randomness<C>(b, as_bytes("a"));
  auto r2 = derive_ipa_randomness<C>(b, as_bytes("b"));
  auto r1b = derive_ipa_randomness<C>(b, as_bytes("a"));
  CHECK(r1.rand_base == r1b.rand_base);
  CHECK(r1.rand_base != r2.rand_base);
  CHECK(r1.rand_base != r1.sg_rand_base);
  b[0].opening.z2 += C::Scalar::one();
  CHECK(derive_ipa_randomness<C>(b, as_bytes("a")).rand_base != r1.rand_base);
}

TEMPLATE_TEST_CASE("accumulator_check", "[commitment][ipa]", PallasParams, VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = small_srs<C>();  // 64 = 2^6 generators, 6 rounds
  std::vector<Affine<C>> comms;
  std::vector<S> chals;
  for (int j = 0; j < 3; ++j) {
    std::vector<S> c(6);
    for (auto& x : c) x = rnd<C>();
    comms.push_back(msm<C>(srs.g, b_poly_coefficients<S>(c)).to_affine());
    chals.insert(chals.end(), c.begin(), c.end());
  }
  // sg of an honest opening proof against its own challenges.
  auto p = honest(srs);
  FqSponge<C> sp = p.sponge;
  sp.absorb_fr(shift_scalar<C>(p.combined_inner_product));
  (void)sp.challenge_fq();
  auto ch = opening_challenges<C>(p.opening, sp);
  comms.push_back(p.opening.sg);
  chals.insert(chals.end(), ch.chal.begin(), ch.chal.end());

  auto ok = [&](const std::vector<Affine<C>>& cs, const std::vector<S>& xs) {
    auto r = accumulator_check<C>(srs, cs, xs, as_bytes("seed"));
    REQUIRE(r.ok());
    auto r2 = accumulator_check<C>(srs, cs, xs, rnd<C>());
    REQUIRE(r2.ok());
    CHECK(*r == *r2);
    return *r;
  };
  CHECK(ok(comms, chals));
  CHECK(ok(std::vector<Affine<C>>{comms[1]}, std::vector<S>(chals.begin() + 6, chals.begin() + 12)));
  for (size_t j = 0; j < comms.size(); ++j) {
    auto bad = comms;
    bad[j] = test::random_point<C>();
    CHECK_FALSE(ok(bad, chals));
    auto badc = chals;
    badc[j * 6 + 2] += S::one();
    CHECK_FALSE(ok(comms, badc));
  }
  auto swapped = comms;
  std::swap(swapped[0], swapped[1]);
  CHECK_FALSE(ok(swapped, chals));

  // Shapes.
  CHECK(accumulator_check<C>(srs, std::span<const Affine<C>>{}, std::span<const S>{}, ByteSpan{}).value());
  CHECK(accumulator_check<C>(srs, std::span<const Affine<C>>{}, chals, ByteSpan{}).error().code == ErrorCode::kInvalidLength);
  CHECK(accumulator_check<C>(srs, comms, std::vector<S>(chals.begin(), chals.end() - 1), ByteSpan{}).error().code ==
        ErrorCode::kInvalidLength);
  const std::vector<Affine<C>> one_comm{comms[0]};
  CHECK(accumulator_check<C>(srs, one_comm, std::vector<S>(7, S::one()), ByteSpan{}).error().code ==
        ErrorCode::kLimitExceeded);
  CHECK(accumulator_check<C>(srs, one_comm, std::vector<S>{}, ByteSpan{}).error().code ==
        ErrorCode::kInvalidLength);
}
