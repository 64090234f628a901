// Side-loaded verification keys: o1js vk.data / vk.hash, Mina's trivial key, the keys inside the
// verify_zkapp inputs; round trips, truncation, tampering.
#include <catch2/catch.hpp>

#include <string>

#include "encoding/base64.hpp"
#include "pickles/decode.hpp"
#include "pickles/verification_key.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;

namespace {
std::string read_text(const std::string& rel) {
  auto b = test::read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}
}  // namespace

TEST_CASE("vk: o1js keys decode, re-encode and hash to vk.hash", "[pickles][vk]") {
  struct Case {
    const char* file;
    ProofsVerified mpv;
    unsigned wrap_domain_log2;
  };
  const Case cases[] = {
      {"o1js/square0_vk.json", ProofsVerified::kN0, 13},
      {"o1js/square1_vk.json", ProofsVerified::kN1, 14},
      {"o1js/zkapp_vk.json", ProofsVerified::kN0, 13},
      {"o1js/zkapp_proofsdisabled_onchain_vk.json", ProofsVerified::kN2, 15},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::string json = read_text(c.file);
    auto r = decode_vk_json(json);
    REQUIRE(r.ok());
    CHECK(vk_hash(r->vk) == r->hash);
    CHECK(r->vk.max_proofs_verified == c.mpv);
    CHECK(r->vk.wrap_domain_log2() == c.wrap_domain_log2);
    auto j = nlohmann::json::parse(json);
    auto bytes = base64_decode(j["data"].get<std::string>());
    REQUIRE(bytes.ok());
    CHECK(bytes->size() == kSideLoadedVkBytes);
    CHECK(encode_side_loaded_vk(r->vk) == *bytes);
  }
  // The proofs-disabled key is 28 copies of the Pallas generator.
  auto d = decode_vk_json(read_text("o1js/zkapp_proofsdisabled_onchain_vk.json"));
  REQUIRE(d.ok());
  for (const auto& p : commitments_in_order(d->vk.wrap_index)) CHECK(p == PallasAffine::generator());
}

TEST_CASE("vk: Mina's trivial key and the keys in verify_zkapp inputs", "[pickles][vk]") {
  Bytes trivial = test::read_fixture_bytes("mina/trivial_vk.bin");
  auto t = decode_side_loaded_vk(trivial);
  REQUIRE(t.ok());
  CHECK(encode_side_loaded_vk(*t) == trivial);
  for (const char* f : {"mina/verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot",
                        "mina/verify_zapp_9db7255327f342f75d27b5c0f646988ee68c6338f6e26c4dc549675f811b4152_0.binprot"}) {
    Bytes bytes = test::read_fixture_bytes(f);
    auto vk = decode_side_loaded_vk(ByteSpan(bytes).subspan(0, kSideLoadedVkBytes));
    REQUIRE(vk.ok());
    CHECK(encode_side_loaded_vk(*vk) == Bytes(bytes.begin(), bytes.begin() + kSideLoadedVkBytes));
  }
}

TEST_CASE("vk: every truncation and any extra byte are typed errors", "[pickles][vk][robustness]") {
  auto j = test::read_fixture_json("o1js/square1_vk.json");
  Bytes bytes = *base64_decode(j["data"].get<std::string>());
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto r = decode_side_loaded_vk(ByteSpan(bytes).subspan(0, n));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kTruncated);
  }
  Bytes longer = bytes;
  longer.push_back(0);
  CHECK(decode_side_loaded_vk(longer).error().code == ErrorCode::kTrailingBytes);
}

TEST_CASE("vk: tampering is a typed error or a different key", "[pickles][vk][robustness]") {
  auto j = test::read_fixture_json("o1js/square1_vk.json");
  Bytes bytes = *base64_decode(j["data"].get<std::string>());
  auto original = decode_side_loaded_vk(bytes);
  REQUIRE(original.ok());
  auto code_after = [&](size_t i, uint8_t v) {
    Bytes m = bytes;
    m[i] = v;
    auto r = decode_side_loaded_vk(m);
    return r.ok() ? std::string("ok") : std::string(error_code_name(r.error().code));
  };
  CHECK(code_after(0, 3) == "malformed_bin_prot");             // max_proofs_verified N3
  CHECK(code_after(1, 0xff) == "malformed_bin_prot");          // wrap domain
  CHECK(code_after(2 + 7 * 64, 1) == "malformed_bin_prot");    // sigma vector terminator
  CHECK(code_after(3 + 22 * 64, 1) == "malformed_bin_prot");   // coefficients terminator
  CHECK(code_after(2 + 40, bytes[2 + 40] ^ 0x01) == "invalid_point");
  CHECK(code_after(2 + 31, 0xff) == "non_canonical_field");
  // Changing max_proofs_verified gives a valid, different key with a different hash.
  Bytes m = bytes;
  m[0] = 2;
  auto other = decode_side_loaded_vk(m);
  REQUIRE(other.ok());
  CHECK_FALSE(*other == *original);
  CHECK(vk_hash(*other) != vk_hash(*original));

  // Every single-bit flip: an error, or a different key that re-encodes to the mutant.
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit : {0, 7}) {
      Bytes f = bytes;
      f[i] ^= uint8_t(1u << bit);
      auto r = decode_side_loaded_vk(f);
      if (r.ok()) {
        CHECK_FALSE(*r == *original);
        CHECK(encode_side_loaded_vk(*r) == f);
      }
    }
  }
}

TEST_CASE("vk JSON: garbage is a typed error", "[pickles][vk][robustness]") {
  auto j = test::read_fixture_json("o1js/square0_vk.json");
  auto with = [&](const char* key, nlohmann::json v) {
    nlohmann::json k = j;
    k[key] = std::move(v);
    return k.dump();
  };
  std::string data = j["data"].get<std::string>();
  Bytes longer = *base64_decode(data);
  longer.push_back(0);
  const std::pair<std::string, const char*> cases[] = {
      {"", "malformed_json"},
      {"{\"data\":", "malformed_json"},
      {"\"x\"", "malformed_json"},
      {"{}", "malformed_json"},
      {with("data", 1), "malformed_json"},
      {with("hash", 1), "malformed_json"},
      {with("hash", "12x"), "malformed_number"},
      {with("data", "AAAA"), "truncated"},
      {with("data", "A"), "invalid_encoding"},
      {with("data", base64_encode(longer)), "trailing_bytes"},
      {with("data", std::string(20000, 'A')), "invalid_length"},
      {std::string(5000, '{'), "limit_exceeded"},
  };
  for (const auto& [text, code] : cases) {
    INFO(text.substr(0, 120));
    auto r = decode_vk_json(text);
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(error_code_name(r.error().code)) == code);
  }
}
