// base58 / base58check against Bitcoin Core's base58_encode_decode vectors, and Mina's typed
// encodings against o1js (vectors.json: fieldBase58, keys, signFields) in both directions, plus
// each failure class of the decoders.
#include <catch2/catch.hpp>

#include <string>

#include "curve/group.hpp"
#include "encoding/base58.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {

Bytes from_hex(std::string_view h) {
  Bytes out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(uint8_t(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
  return out;
}

const nlohmann::json& vectors() {
  static const auto v = test::read_fixture_json("o1js/vectors.json");
  return v;
}

Fp fp(const nlohmann::json& j) { return *Fp::parse(j.get<std::string>()); }
Fq fq(const nlohmann::json& j) { return *Fq::parse(j.get<std::string>()); }

template <class T>
ErrorCode code_of(const Result<T>& r) {
  REQUIRE_FALSE(r.ok());
  return r.error().code;
}

}  // namespace

TEST_CASE("base58 Bitcoin Core vectors", "[encoding][base58]") {
  const std::pair<const char*, const char*> cases[] = {
      {"", ""},
      {"61", "2g"},
      {"626262", "a3gV"},
      {"636363", "aPEr"},
      {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
      {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
      {"516b6fcd0f", "ABnLTmg"},
      {"bf4f89001e670274dd", "3SEo3LWLoPntC"},
      {"572e4794", "3EFU7m"},
      {"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
      {"10c8511e", "Rt5zm"},
      {"00000000000000000000", "1111111111"},
  };
  for (auto [hex, text] : cases) {
    INFO(hex);
    Bytes b = from_hex(hex);
    CHECK(base58_encode(b) == text);
    auto d = base58_decode(text);
    REQUIRE(d.ok());
    CHECK(*d == b);
  }
}

TEST_CASE("base58 rejects characters outside the alphabet and over-long input", "[encoding][base58]") {
  for (const char* s : {"0", "O", "I", "l", "2g ", "+", "2g\n", "\xc3\xa9"}) {
    INFO(s);
    CHECK(code_of(base58_decode(s)) == ErrorCode::kInvalidEncoding);
  }
  CHECK(code_of(base58_decode(std::string(kMaxBase58Chars + 1, '2'))) == ErrorCode::kInvalidLength);
  CHECK(base58_decode(std::string(kMaxBase58Chars, 'z')).ok());
}

TEST_CASE("base58 round-trips random bytes with leading zeros", "[encoding][base58]") {
  auto& rng = test::rng();
  for (int it = 0; it < test::iters(200); ++it) {
    Bytes b(rng() % 80);
    for (auto& x : b) x = uint8_t(rng());
    for (size_t i = 0; i < b.size() && i < rng() % 4; ++i) b[i] = 0;
    auto d = base58_decode(base58_encode(b));
    REQUIRE(d.ok());
    CHECK(*d == b);
  }
}

TEST_CASE("base58check errors: checksum, version, length", "[encoding][base58]") {
  const Bytes payload = {1, 2, 3};
  std::string s = base58check_encode(0x42, payload);
  CHECK(*base58check_decode(s, 0x42) == payload);
  CHECK(code_of(base58check_decode(s, 0x43)) == ErrorCode::kWrongVersionByte);
  CHECK(code_of(base58check_decode("", 0x42)) == ErrorCode::kInvalidLength);
  CHECK(code_of(base58check_decode("2g", 0x42)) == ErrorCode::kInvalidLength);
  Bytes raw = *base58_decode(s);
  raw[2] ^= 1;
  CHECK(code_of(base58check_decode(base58_encode(raw), 0x42)) == ErrorCode::kBadChecksum);
}

TEST_CASE("Mina field hashes match o1js in both directions", "[encoding][base58]") {
  const auto& sec = vectors()["fieldBase58"];
  const std::pair<const char*, VersionByte> kinds[] = {
      {"ledgerHash", VersionByte::kLedgerHash}, {"stateHash", VersionByte::kStateHash},
      {"epochSeed", VersionByte::kEpochSeed},   {"receiptChainHash", VersionByte::kReceiptChainHash},
      {"tokenId", VersionByte::kTokenId},
  };
  CHECK(sec["versionBytes"]["tokenIdKey"] == 0x1c);
  CHECK(sec["versionBytes"]["publicKey"] == 0xcb);
  for (const auto& v : sec["vectors"]) {
    const Fp x = fp(v["field"]);
    for (auto [name, kind] : kinds) {
      INFO(name << " of " << v["field"]);
      const std::string text = v[name].get<std::string>();
      CHECK(encode_field_hash(x, kind) == text);
      auto d = decode_field_hash(text, kind);
      REQUIRE(d.ok());
      CHECK(*d == x);
    }
  }
}

TEST_CASE("Mina keys match o1js in both directions", "[encoding][base58]") {
  for (const auto& v : vectors()["keys"]["vectors"]) {
    INFO("sk " << v["sk"]);
    const Fq sk = fq(v["sk"]);
    CHECK(encode_private_key(sk) == v["skBase58"].get<std::string>());
    auto dsk = decode_private_key(v["skBase58"].get<std::string>());
    REQUIRE(dsk.ok());
    CHECK(*dsk == sk);

    const CompressedPublicKey pk{fp(v["x"]), v["isOdd"].get<bool>()};
    CHECK(encode_public_key(pk) == v["pkBase58"].get<std::string>());
    auto dpk = decode_public_key(v["pkBase58"].get<std::string>());
    REQUIRE(dpk.ok());
    CHECK(*dpk == pk);
    // The key really is sk * G with that parity.
    auto point = (PallasAffine::generator() * sk).to_affine();
    CHECK(point.x == pk.x);
    CHECK(point.y.is_odd() == pk.is_odd);
  }
}

TEST_CASE("Mina signatures match o1js in both directions", "[encoding][base58]") {
  for (const auto& v : vectors()["signFields"]["vectors"]) {
    INFO(v["signature"]);
    const Signature sig{fp(v["r"]), fq(v["s"])};
    CHECK(encode_signature(sig) == v["signature"].get<std::string>());
    auto d = decode_signature(v["signature"].get<std::string>());
    REQUIRE(d.ok());
    CHECK(*d == sig);
    auto pk = decode_public_key(v["publicKey"].get<std::string>());
    CHECK(pk.ok());
  }
}

TEST_CASE("Mina base58 decoders classify tampered strings", "[encoding][base58]") {
  const auto& fv = vectors()["fieldBase58"]["vectors"][3];
  const std::string state = fv["stateHash"].get<std::string>();
  const std::string pk = vectors()["keys"]["vectors"][2]["pkBase58"].get<std::string>();
  const std::string sig = vectors()["signFields"]["vectors"][0]["signature"].get<std::string>();

  SECTION("a flipped character breaks the checksum") {
    for (size_t i = 0; i < state.size(); ++i) {
      std::string t = state;
      t[i] = t[i] == 'z' ? 'y' : 'z';
      INFO("position " << i);
      auto r = decode_field_hash(t, VersionByte::kStateHash);
      REQUIRE_FALSE(r.ok());
      // Position 0 can also change the decoded length or version byte.
      CHECK((r.error().code == ErrorCode::kBadChecksum || r.error().code == ErrorCode::kInvalidLength));
    }
    std::string t = pk;
    t[20] = t[20] == '2' ? '3' : '2';
    CHECK(code_of(decode_public_key(t)) == ErrorCode::kBadChecksum);
  }
  SECTION("a foreign character is an encoding error") {
    std::string t = sig;
    t[10] = '0';
    CHECK(code_of(decode_signature(t)) == ErrorCode::kInvalidEncoding);
  }
  SECTION("the right string for the wrong kind") {
    CHECK(code_of(decode_field_hash(state, VersionByte::kLedgerHash)) == ErrorCode::kWrongVersionByte);
    CHECK(code_of(decode_public_key(state)) == ErrorCode::kWrongVersionByte);
    CHECK(code_of(decode_signature(pk)) == ErrorCode::kWrongVersionByte);
    CHECK(code_of(decode_private_key(sig)) == ErrorCode::kWrongVersionByte);
  }
  SECTION("truncation") {
    for (size_t n : {size_t(0), size_t(1), size_t(5), state.size() - 1}) {
      auto r = decode_field_hash(state.substr(0, n), VersionByte::kStateHash);
      REQUIRE_FALSE(r.ok());
      CHECK((r.error().code == ErrorCode::kBadChecksum || r.error().code == ErrorCode::kInvalidLength));
    }
  }
  SECTION("well-formed base58check with a wrong payload length") {
    Bytes p(33, 1);
    CHECK(code_of(decode_field_hash(base58check_encode(0x10, ByteSpan(p).subspan(0, 32)), VersionByte::kStateHash)) ==
          ErrorCode::kInvalidLength);
    CHECK(code_of(decode_field_hash(base58check_encode(0x1c, p), VersionByte::kTokenId)) == ErrorCode::kInvalidLength);
    CHECK(code_of(decode_signature(base58check_encode(0x9a, p))) == ErrorCode::kInvalidLength);
  }
  SECTION("wrong bin_prot version tag") {
    Bytes p(33, 0);
    p[0] = 2;
    CHECK(code_of(decode_field_hash(base58check_encode(0x10, p), VersionByte::kStateHash)) ==
          ErrorCode::kWrongVersionByte);
    Bytes k(35, 0);
    k[0] = 1;  // outer tag right, inner Field tag wrong
    CHECK(code_of(decode_public_key(base58check_encode(0xcb, k))) == ErrorCode::kWrongVersionByte);
  }
  SECTION("non-canonical field elements") {
    Bytes p(33, 0xff);
    p[0] = 1;
    CHECK(code_of(decode_field_hash(base58check_encode(0x05, p), VersionByte::kLedgerHash)) ==
          ErrorCode::kNonCanonicalField);
    CHECK(code_of(decode_private_key(base58check_encode(0x5a, p))) == ErrorCode::kNonCanonicalField);
    Bytes s(65, 0);
    s[0] = 1;
    for (size_t i = 33; i < 65; ++i) s[i] = 0xff;  // r = 0 fine, s >= q
    CHECK(code_of(decode_signature(base58check_encode(0x9a, s))) == ErrorCode::kNonCanonicalField);
    // The modulus itself is the smallest non-canonical value.
    Bytes m = {1};
    auto q = Fq::kModulus;
    for (int i = 0; i < 32; ++i) m.push_back(uint8_t(q.w[i / 8] >> (8 * (i % 8))));
    CHECK(code_of(decode_private_key(base58check_encode(0x5a, m))) == ErrorCode::kNonCanonicalField);
  }
  SECTION("public key: bool byte and curve membership") {
    auto good = *base58check_decode(pk, 0xcb);
    good[34] = 2;
    CHECK(code_of(decode_public_key(base58check_encode(0xcb, good))) == ErrorCode::kInvalidEncoding);
    // Smallest x with x^3 + 5 a non-residue.
    uint64_t bad_x = 0;
    while ((Fp::from_u64(bad_x).pow(U256{3}) + Fp::from_u64(5)).legendre() >= 0) ++bad_x;
    CHECK(code_of(decode_public_key(encode_public_key({Fp::from_u64(bad_x), false}))) == ErrorCode::kInvalidPoint);
  }
}
