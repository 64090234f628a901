// Base64: RFC 4648 section 10 vectors, both alphabets, padding policies and strict rejection.
#include <catch2/catch.hpp>

#include <string>

#include "encoding/base64.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {
std::string str(const Bytes& b) { return std::string(b.begin(), b.end()); }
}  // namespace

TEST_CASE("base64 RFC 4648 vectors", "[encoding][base64]") {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (auto [plain, encoded] : vectors) {
    INFO(plain);
    CHECK(base64_encode(as_bytes(plain)) == encoded);
    auto d = base64_decode(encoded);
    REQUIRE(d.ok());
    CHECK(str(*d) == plain);
  }
}

TEST_CASE("base64 URL-safe alphabet and unpadded forms", "[encoding][base64]") {
  const Bytes b = {0xfb, 0xff, 0xfe};
  CHECK(base64_encode(b) == "+//+");
  CHECK(base64_encode(b, Base64Alphabet::kUrlSafe) == "-__-");
  CHECK(*base64_decode("-__-", Base64Alphabet::kUrlSafe) == b);
  CHECK(base64_decode("-__-").error().code == ErrorCode::kInvalidEncoding);
  CHECK(base64_decode("+//+", Base64Alphabet::kUrlSafe).error().code == ErrorCode::kInvalidEncoding);

  CHECK(base64_encode(as_bytes("fo"), Base64Alphabet::kUrlSafe, false) == "Zm8");
  CHECK(str(*base64_decode("Zm8", Base64Alphabet::kUrlSafe, Base64Padding::kForbidden)) == "fo");
  CHECK(str(*base64_decode("Zm8", Base64Alphabet::kStandard, Base64Padding::kOptional)) == "fo");
  CHECK(str(*base64_decode("Zm8=", Base64Alphabet::kStandard, Base64Padding::kOptional)) == "fo");
  CHECK(base64_decode("Zm8=", Base64Alphabet::kUrlSafe, Base64Padding::kForbidden).error().code ==
        ErrorCode::kInvalidEncoding);
}

TEST_CASE("base64 rejects malformed input", "[encoding][base64]") {
  const char* bad[] = {
      "Zg",        // padding required by default
      "Zg=",       // one '=' short
      "Zg===",     // too much padding
      "Zm8==",     // padding beyond the group
      "Z===",      // dangling single character
      "Zm9vY",     // dangling single character, unpadded
      "Zh==",      // non-zero trailing bits (h = 33 leaves bits 0001)
      "Zm9=",      // non-zero trailing bits (9 = 61 leaves bits 01)
      "Zm 8=",     // whitespace
      "Zm8=\n",    // trailing newline
      "Z=g=",      // '=' in the middle
      "=Zg=",      // leading '='
      "Zm\x80=",   // high byte
      "====",
  };
  for (const char* s : bad) {
    INFO(s);
    auto r = base64_decode(s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidEncoding);
  }
  // NUL inside the view is data, not a terminator.
  CHECK_FALSE(base64_decode(std::string_view("Zg\0=", 4)).ok());
}

TEST_CASE("base64 round-trips random bytes of every small length", "[encoding][base64]") {
  auto& rng = test::rng();
  for (size_t len = 0; len < 70; ++len) {
    Bytes b(len);
    for (auto& x : b) x = uint8_t(rng());
    for (auto alpha : {Base64Alphabet::kStandard, Base64Alphabet::kUrlSafe}) {
      auto padded = base64_decode(base64_encode(b, alpha), alpha);
      REQUIRE(padded.ok());
      CHECK(*padded == b);
      auto bare = base64_decode(base64_encode(b, alpha, false), alpha, Base64Padding::kForbidden);
      REQUIRE(bare.ok());
      CHECK(*bare == b);
    }
  }
}

TEST_CASE("base64 decodes the o1js verification-key fixture", "[encoding][base64]") {
  auto vk = test::read_fixture_json("o1js/square0_vk.json");
  auto bytes = base64_decode(vk["data"].get<std::string>());
  REQUIRE(bytes.ok());
  CHECK(bytes->size() == 1796);
  CHECK(base64_encode(*bytes) == vk["data"].get<std::string>());
}
