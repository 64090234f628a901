// Field arithmetic: both limb backends against Boost.Multiprecision as the slow reference,
// and the o1js fieldOps / scalarOps vectors.
#include <catch2/catch.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include "field/pasta.hpp"
#include "test_support.hpp"

using namespace mina;
using boost::multiprecision::cpp_int;

namespace {

cpp_int to_big(const U256& v) {
  cpp_int r = 0;
  for (int i = 3; i >= 0; --i) r = (r << 64) | cpp_int(v.w[i]);
  return r;
}
U256 from_big(cpp_int v) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    r.w[i] = static_cast<uint64_t>(v & cpp_int(~uint64_t(0)));
    v >>= 64;
  }
  return r;
}
cpp_int mod_of(const U256& m) { return to_big(m); }

cpp_int powm(cpp_int b, cpp_int e, const cpp_int& m) {
  cpp_int r = 1;
  b %= m;
  while (e > 0) {
    if ((e & 1) != 0) r = r * b % m;
    b = b * b % m;
    e >>= 1;
  }
  return r;
}

template <class F>
F random_element() {
  U256 v;
  for (auto& w : v.w) w = test::rng()();
  v.w[3] &= (uint64_t(1) << 62) - 1;
  return F::from_int_reduce(v);
}

// Edge values that break carry handling: 0, 1, p-1, p-2, values near 2^64 boundaries.
template <class F>
std::vector<F> edge_elements() {
  std::vector<F> out{F::zero(), F::one(), -F::one(), -F::from_u64(2), F::from_u64(~uint64_t(0))};
  U256 hi{0, 0, 0, F::kModulus.w[3] - 1};
  out.push_back(F::from_int_unchecked(hi));
  U256 pm{~uint64_t(0), ~uint64_t(0), 0, 0};
  out.push_back(F::from_int_unchecked(pm));
  return out;
}

template <class F>
void check_against_reference() {
  const cpp_int p = mod_of(F::kModulus);
  auto elems = edge_elements<F>();
  for (int i = 0; i < test::iters(300); ++i) elems.push_back(random_element<F>());
  for (size_t i = 0; i < elems.size(); ++i) {
    const F& a = elems[i];
    const F& b = elems[(i * 7 + 3) % elems.size()];
    cpp_int A = to_big(a.to_int()), Bv = to_big(b.to_int());
    REQUIRE(A < p);
    REQUIRE(to_big((a + b).to_int()) == (A + Bv) % p);
    REQUIRE(to_big((a - b).to_int()) == ((A - Bv) % p + p) % p);
    REQUIRE(to_big((a * b).to_int()) == (A * Bv) % p);
    REQUIRE(to_big(a.square().to_int()) == (A * A) % p);
    REQUIRE(to_big((-a).to_int()) == (p - A) % p);
    if (!a.is_zero()) {
      auto inv = a.inverse();
      REQUIRE(inv.has_value());
      REQUIRE(to_big(inv->to_int()) == powm(A, p - 2, p));
    } else {
      REQUIRE_FALSE(a.inverse().has_value());
    }
    cpp_int e = to_big(b.to_int()) >> 200;
    REQUIRE(to_big(a.pow(from_big(e)).to_int()) == powm(A, e, p));
    // Legendre against Euler's criterion.
    cpp_int euler = powm(A, (p - 1) / 2, p);
    int expect = A == 0 ? 0 : (euler == 1 ? 1 : -1);
    REQUIRE(a.legendre() == expect);
    auto root = a.sqrt();
    REQUIRE(root.has_value() == (expect >= 0));
    if (root) REQUIRE(root->square() == a);
    // Round trip through canonical bytes.
    auto bytes = a.to_bytes_le();
    auto back = F::from_bytes_le(bytes);
    REQUIRE(back.ok());
    REQUIRE(*back == a);
  }
}

}  // namespace

TEMPLATE_TEST_CASE("field: arithmetic matches Boost.Multiprecision", "[field]",
                   (PrimeField<FpParams, BackendU64>), (PrimeField<FqParams, BackendU64>),
                   (PrimeField<FpParams, BackendU32>), (PrimeField<FqParams, BackendU32>),
                   (PrimeField<FpParams, BackendU29>), (PrimeField<FqParams, BackendU29>)) {
  check_against_reference<TestType>();
}

// add/sub of the u29x9 backend pick the correction from the top limbs and fall back to an exact
// path only when those are within one of the modulus' (sum) or equal (difference): aim at exactly
// those boundaries, and at sums/differences landing just around 0 and p, for every backend.
TEMPLATE_TEST_CASE("field: add/sub around the modulus and around limb boundaries", "[field]",
                   (PrimeField<FpParams, BackendU64>), (PrimeField<FqParams, BackendU64>),
                   (PrimeField<FpParams, BackendU32>), (PrimeField<FqParams, BackendU32>),
                   (PrimeField<FpParams, BackendU29>), (PrimeField<FqParams, BackendU29>)) {
  using F = TestType;
  const cpp_int p = mod_of(F::kModulus);
  std::vector<F> base = edge_elements<F>();
  for (int i = 0; i < test::iters(40); ++i) base.push_back(random_element<F>());
  // Values whose top 29-bit limb (bits 232..260) is near half or all of the modulus' top limb.
  const cpp_int top = p >> 232;
  const cpp_int two232 = cpp_int(1) << 232;
  const std::vector<cpp_int> tops{top / 2 - 1, top / 2, top / 2 + 1, top - 1, top};
  const std::vector<cpp_int> lows{0, 1, two232 - 1, two232 / 2, p % two232};
  for (const cpp_int& k : tops) {
    for (const cpp_int& low : lows) {
      cpp_int v = (k << 232) + low;
      if (v < p) base.push_back(F::from_int_unchecked(from_big(v)));
    }
  }
  std::vector<F> deltas{F::zero(), F::one(), -F::one(), F::from_u64(2), -F::from_u64(2), F::from_u64(1u << 29)};
  for (const F& a : base) {
    cpp_int A = to_big(a.to_int());
    for (const F& d : deltas) {
      // b = -a + d (a + b = d, i.e. sums near p) and b = a + d (differences near 0).
      for (const F& b : {-a + d, a + d, a, -a}) {
        cpp_int Bv = to_big(b.to_int());
        REQUIRE(to_big((a + b).to_int()) == (A + Bv) % p);
        REQUIRE(to_big((a - b).to_int()) == ((A - Bv) % p + p) % p);
        REQUIRE(to_big((b - a).to_int()) == ((Bv - A) % p + p) % p);
        REQUIRE((a + b) - b == a);
      }
    }
    for (const F& b : base) {
      cpp_int Bv = to_big(b.to_int());
      REQUIRE(to_big((a + b).to_int()) == (A + Bv) % p);
      REQUIRE(to_big((a - b).to_int()) == ((A - Bv) % p + p) % p);
      REQUIRE(to_big((a * b).to_int()) == (A * Bv) % p);
    }
  }
}

TEMPLATE_TEST_CASE("field: batch inverse equals single inverses, zeros kept", "[field]", Fp, Fq) {
  std::vector<TestType> xs;
  for (int i = 0; i < 37; ++i) xs.push_back(i % 5 == 0 ? TestType::zero() : random_element<TestType>());
  auto ys = xs;
  TestType::batch_inverse(ys);
  for (size_t i = 0; i < xs.size(); ++i) {
    if (xs[i].is_zero()) REQUIRE(ys[i].is_zero());
    else REQUIRE(ys[i] == *xs[i].inverse());
  }
}

TEMPLATE_TEST_CASE("field: canonical decoding rejects values >= p", "[field]", Fp, Fq) {
  U256 p = TestType::kModulus;
  auto bad = TestType::from_int(p);
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.error().code == ErrorCode::kNonCanonicalField);
  U256 pm1 = p;
  sub_to(pm1, pm1, U256{1});
  REQUIRE(TestType::from_int(pm1).ok());
  std::array<uint8_t, 32> all_ff;
  all_ff.fill(0xff);
  REQUIRE(TestType::from_bytes_le(all_ff).error().code == ErrorCode::kNonCanonicalField);
  std::array<uint8_t, 31> short_bytes{};
  REQUIRE(TestType::from_bytes_le(short_bytes).error().code == ErrorCode::kInvalidLength);
  REQUIRE(TestType::parse("12a").error().code == ErrorCode::kMalformedNumber);
  REQUIRE(TestType::parse("").error().code == ErrorCode::kMalformedNumber);
  REQUIRE(TestType::parse("-1").error().code == ErrorCode::kMalformedNumber);
  REQUIRE(TestType::parse(to_decimal(p)).error().code == ErrorCode::kNonCanonicalField);
  REQUIRE(TestType::parse("0x" + std::string(65, 'f')).error().code == ErrorCode::kMalformedNumber);
}

TEST_CASE("field: sqrt follows arkworks Tonelli-Shanks (two-adic root of unity)", "[field]") {
  // g^t has order exactly 2^32.
  Fp w = Fp::two_adic_root_of_unity();
  Fp x = w;
  for (int i = 0; i < 31; ++i) x = x.square();
  REQUIRE(x == -Fp::one());
  REQUIRE(x.square().is_one());
}

namespace {
template <class F>
F parse_or_fail(const nlohmann::json& j) {
  auto r = F::parse(j.get<std::string>());
  REQUIRE(r.ok());
  return *r;
}
}  // namespace

TEST_CASE("field: o1js fieldOps vectors (Fp)", "[field][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& cases = v["fieldOps"]["vectors"];
  REQUIRE(cases.size() > 0);
  for (auto& c : cases) {
    Fp a = parse_or_fail<Fp>(c["a"]), b = parse_or_fail<Fp>(c["b"]);
    CHECK((a + b).to_decimal() == c["add"].get<std::string>());
    CHECK((a - b).to_decimal() == c["sub"].get<std::string>());
    CHECK((a * b).to_decimal() == c["mul"].get<std::string>());
    CHECK(a.square().to_decimal() == c["square"].get<std::string>());
    CHECK((-a).to_decimal() == c["neg"].get<std::string>());
    if (c["inv_a"].is_null()) CHECK_FALSE(a.inverse().has_value());
    else CHECK(a.inverse()->to_decimal() == c["inv_a"].get<std::string>());
    if (!c["div"].is_null() && b.inverse()) CHECK((a * *b.inverse()).to_decimal() == c["div"].get<std::string>());
    auto r = a.sqrt();
    if (c["sqrt_a"].is_null()) {
      CHECK_FALSE(r.has_value());
    } else {
      REQUIRE(r.has_value());
      // o1js may return either root; ours must be one of the two and square back.
      std::string want = c["sqrt_a"].get<std::string>();
      CHECK((r->to_decimal() == want || (-*r).to_decimal() == want));
    }
  }
}

TEST_CASE("field: o1js scalarOps vectors (Fq)", "[field][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& cases = v["scalarOps"]["vectors"];
  REQUIRE(cases.size() > 0);
  for (auto& c : cases) {
    Fq a = parse_or_fail<Fq>(c["a"]), b = parse_or_fail<Fq>(c["b"]);
    CHECK((a + b).to_decimal() == c["add"].get<std::string>());
    CHECK((a - b).to_decimal() == c["sub"].get<std::string>());
    CHECK((a * b).to_decimal() == c["mul"].get<std::string>());
    CHECK((-a).to_decimal() == c["neg"].get<std::string>());
    if (!c["div"].is_null() && b.inverse()) CHECK((a * *b.inverse()).to_decimal() == c["div"].get<std::string>());
  }
}
