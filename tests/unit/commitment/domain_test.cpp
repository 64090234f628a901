// Radix-2 domains against the serialized ark-poly domain inside the mainnet verifier indexes, and
// the FFT against the naive DFT.
#include <catch2/catch.hpp>

#include "commitment/domain.hpp"
#include "curve/curve_test_util.hpp"
#include "field/pasta.hpp"
#include "test_support.hpp"

using namespace mina;

TEST_CASE("radix-2 domain matches the verifier index's serialized 2^14 Fq domain", "[commitment][domain]") {
  // mainnet_blockchain_verifier_index.json "domain": ark-serialize of Radix2EvaluationDomain<Fq>
  // (size u64, log_size u32, size_as_field_element, size_inv, group_gen, group_gen_inv,
  // generator_inv), decoded by hand.
  auto j = test::read_fixture_json("mina/mainnet_blockchain_verifier_index.json");
  std::vector<uint8_t> b = j["domain"].get<std::vector<uint8_t>>();
  REQUIRE(b.size() == 172);
  auto le64 = [&](size_t off, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t(b[off + i]) << (8 * i);
    return v;
  };
  auto fq = [&](size_t k) { return *Fq::from_bytes_le(ByteSpan(b.data() + 12 + 32 * k, 32)); };
  auto d = Radix2Domain<Fq>::create(le64(0, 8));
  REQUIRE(d.ok());
  CHECK(d->size == 16384);
  CHECK(d->log_size == le64(8, 4));
  CHECK(d->size_as_field_element == fq(0));
  CHECK(d->size_inv == fq(1));
  CHECK(d->group_gen == fq(2));
  CHECK(d->group_gen_inv == fq(3));
  CHECK(d->group_gen == *Fq::parse("0x1e5587687024253bb079b38d9c5371594958e496c605d3bd898b34d068afbee7"));
}

TEMPLATE_TEST_CASE("radix-2 domain structure", "[commitment][domain]", Fp, Fq) {
  using F = TestType;
  for (uint32_t log : {0u, 1u, 3u, 10u, 20u, 32u}) {
    auto d = Radix2Domain<F>::create_log(log);
    REQUIRE(d.ok());
    F w = d->group_gen;
    for (uint32_t i = 0; i < log; ++i) {
      if (i + 1 == log) CHECK(w == -F::one());  // primitive: ω^{n/2} = −1
      w = w.square();
    }
    CHECK(w == F::one());
    CHECK(d->group_gen * d->group_gen_inv == F::one());
    CHECK(d->size_as_field_element * d->size_inv == F::one());
  }
  CHECK(Radix2Domain<F>::create(1000)->size == 1024);
  CHECK(Radix2Domain<F>::create(1024)->log_size == 10);
  CHECK(Radix2Domain<F>::create(1)->size == 1);
  CHECK(Radix2Domain<F>::create(0).error().code == ErrorCode::kInvalidArgument);
  CHECK(Radix2Domain<F>::create_log(33).error().code == ErrorCode::kLimitExceeded);
  CHECK(Radix2Domain<F>::create((uint64_t(1) << 32) + 1).error().code == ErrorCode::kLimitExceeded);

  auto d = *Radix2Domain<F>::create_log(4);
  auto els = d.elements();
  REQUIRE(els.size() == 16);
  for (size_t i = 0; i < els.size(); ++i) {
    CHECK(els[i] == d.element(i));
    CHECK(d.evaluate_vanishing(els[i]).is_zero());
  }
  F x = test::random_field<F>();
  CHECK(d.evaluate_vanishing(x) == x.pow(U256{16}) - F::one());
}

TEMPLATE_TEST_CASE("fft equals the naive DFT and ifft inverts it", "[commitment][domain]", Fp, Fq) {
  using F = TestType;
  for (uint32_t log : {0u, 1u, 2u, 3u, 6u}) {
    auto d = *Radix2Domain<F>::create_log(log);
    std::vector<F> coeffs(d.size);
    for (auto& c : coeffs) c = test::random_field<F>();
    std::vector<F> evals = coeffs;
    REQUIRE(fft_in_place<F>(d, evals).ok());
    for (uint64_t i = 0; i < d.size; ++i) CHECK(evals[i] == eval_polynomial<F>(coeffs, d.element(i)));
    REQUIRE(ifft_in_place<F>(d, evals).ok());
    CHECK(evals == coeffs);
  }
  auto d = *Radix2Domain<F>::create_log(3);
  std::vector<F> wrong(7);
  CHECK(fft_in_place<F>(d, wrong).error().code == ErrorCode::kInvalidLength);
  CHECK(ifft_in_place<F>(d, wrong).error().code == ErrorCode::kInvalidLength);
}
