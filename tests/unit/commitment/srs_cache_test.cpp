// The uncompressed SRS cache: round trip, every rejection class (truncation, trailing bytes,
// checksum, magic, curve, non-canonical and off-curve coordinates under a recomputed checksum)
// and the spot check that binds a well-formed cache to the generated SRS.
#include <catch2/catch.hpp>

#include "commitment/srs.hpp"
#include "commitment/srs_cache.hpp"
#include "hash/blake2b.hpp"

using namespace mina;

namespace {

template <class C>
const Srs<C>& srs32() {
  static const Srs<C> s = *srs_create<C>(32);
  return s;
}

// Replaces the trailing checksum so that a deliberately malformed body gets past it.
void reseal(Bytes& b) {
  Bytes sum = blake2b(ByteSpan(b.data(), b.size() - 32), 32);
  std::copy(sum.begin(), sum.end(), b.end() - 32);
}

constexpr size_t kHeader = 16, kPoint = 64;

}  // namespace

TEMPLATE_TEST_CASE("SRS cache round-trips and passes the spot check", "[commitment][srs_cache]", PallasParams,
                   VestaParams) {
  using C = TestType;
  const auto& srs = srs32<C>();
  Bytes b = srs_cache_to_bytes(srs);
  CHECK(b.size() == kHeader + 33 * kPoint + 32);
  auto back = srs_cache_from_bytes<C>(b, 32);
  REQUIRE(back.ok());
  REQUIRE(back->g.size() == srs.g.size());
  for (size_t i = 0; i < srs.g.size(); ++i) {
    CHECK(back->g[i].x == srs.g[i].x);
    CHECK(back->g[i].y == srs.g[i].y);
  }
  CHECK(back->h.x == srs.h.x);
  CHECK(srs_cache_spot_check(*back, 32).ok());
  // More points than needed is fine; fewer is not.
  auto short_of = srs_cache_from_bytes<C>(b, 33);
  REQUIRE_FALSE(short_of.ok());
  CHECK(short_of.error().code == ErrorCode::kInvalidLength);
}

TEMPLATE_TEST_CASE("SRS cache rejects damaged bytes with typed errors", "[commitment][srs_cache]", PallasParams,
                   VestaParams) {
  using C = TestType;
  const Bytes good = srs_cache_to_bytes(srs32<C>());

  SECTION("every truncation") {
    for (size_t n = 0; n < good.size(); n += (n < 100 ? 1 : 97)) {
      auto r = srs_cache_from_bytes<C>(ByteSpan(good.data(), n));
      REQUIRE_FALSE(r.ok());
      CHECK((r.error().code == ErrorCode::kTruncated || r.error().code == ErrorCode::kBadChecksum));
    }
  }
  SECTION("trailing bytes") {
    Bytes b = good;
    b.push_back(0);
    auto r = srs_cache_from_bytes<C>(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kTrailingBytes);
  }
  SECTION("any flipped byte") {
    for (size_t i = 0; i < good.size(); i += 7) {
      Bytes b = good;
      b[i] ^= 0x10;
      auto r = srs_cache_from_bytes<C>(b);
      INFO("byte " << i);
      REQUIRE_FALSE(r.ok());
      // Magic and curve are read first, a flip in the count changes the expected length.
      CHECK((r.error().code == ErrorCode::kBadChecksum || r.error().code == ErrorCode::kInvalidEncoding || r.error().code == ErrorCode::kTruncated ||
             r.error().code == ErrorCode::kTrailingBytes));
    }
  }
  SECTION("magic and curve, resealed") {
    Bytes b = good;
    b[0] = 'X';
    reseal(b);
    CHECK(srs_cache_from_bytes<C>(b).error().code == ErrorCode::kInvalidEncoding);
    using Other = std::conditional_t<std::is_same_v<C, PallasParams>, VestaParams, PallasParams>;
    CHECK(srs_cache_from_bytes<Other>(good).error().code == ErrorCode::kInvalidEncoding);
  }
  SECTION("off-curve point, resealed") {
    Bytes b = good;
    b[kHeader + 5 * kPoint + 40] ^= 1;  // y of G_4
    reseal(b);
    auto r = srs_cache_from_bytes<C>(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidPoint);
    CHECK(r.error().message.find("G_4") != std::string::npos);
  }
  SECTION("non-canonical coordinate, resealed") {
    Bytes b = good;
    std::fill(b.begin() + kHeader + 2 * kPoint, b.begin() + kHeader + 2 * kPoint + 32, 0xff);  // x of G_1
    reseal(b);
    CHECK(srs_cache_from_bytes<C>(b).error().code == ErrorCode::kNonCanonicalField);
  }
  SECTION("the identity cannot be smuggled in as (0, 0)") {
    Bytes b = good;
    std::fill(b.begin() + kHeader + kPoint, b.begin() + kHeader + 2 * kPoint, 0);  // G_0
    reseal(b);
    CHECK(srs_cache_from_bytes<C>(b).error().code == ErrorCode::kInvalidPoint);
  }
}

TEMPLATE_TEST_CASE("SRS cache spot check refuses a well-formed cache of other points", "[commitment][srs_cache]",
                   PallasParams, VestaParams) {
  using C = TestType;
  Srs<C> other = srs32<C>();
  SECTION("two generators swapped") {
    std::swap(other.g.front(), other.g.back());
  }
  SECTION("H replaced by G_0") {
    other.h = other.g[0];
  }
  auto loaded = srs_cache_from_bytes<C>(srs_cache_to_bytes(other));
  REQUIRE(loaded.ok());  // the format is fine...
  auto r = srs_cache_spot_check(*loaded, 2);
  REQUIRE_FALSE(r.ok());  // ...the points are not the SRS
  CHECK(r.error().code == ErrorCode::kInvalidArgument);
}
