// Schnorr signatures against mina-signer / o1js / OCaml vectors, both networks.
#include <catch2/catch.hpp>

#include "encoding/base58.hpp"
#include "mina/signature.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {
std::vector<Fp> fields_of(const nlohmann::json& arr) {
  std::vector<Fp> out;
  for (auto& s : arr) out.push_back(*Fp::parse(s.get<std::string>()));
  return out;
}
Fq scalar(const nlohmann::json& s) { return *Fq::parse(s.get<std::string>()); }
NetworkId network(const nlohmann::json& s) { return *parse_network_id(s.get<std::string>()); }
NetworkId other(NetworkId n) { return n == NetworkId::kMainnet ? NetworkId::kTestnet : NetworkId::kMainnet; }
}  // namespace

TEST_CASE("mina/signature: network-specific sign and verify (mina-signer sign/verify)", "[mina][signature][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& cases = v["signFieldsNetwork"]["vectors"];
  REQUIRE(cases.size() >= 2);
  for (auto& c : cases) {
    NetworkId net = network(c["network"]);
    auto msg = fields_of(c["fields"]);
    Fq sk = scalar(c["sk"]);
    auto sig = sign_fields(msg, sk, net);
    REQUIRE(sig.ok());
    CHECK(sig->r.to_decimal() == c["r"].get<std::string>());
    CHECK(sig->s.to_decimal() == c["s"].get<std::string>());
    CHECK(encode_signature(*sig) == c["signatureBase58"].get<std::string>());
    auto pk = decode_public_key(c["publicKey"].get<std::string>());
    REQUIRE(pk.ok());
    CHECK(public_key_of_secret(sk) == *pk);
    CHECK(verify_fields_signature(*sig, msg, *pk, net) == c["verify"].get<bool>());
    CHECK(verify_fields_signature(*sig, msg, *pk, other(net)) == c["verify_other_network"].get<bool>());
  }
}

TEST_CASE("mina/signature: signFields (devnet) and every tampering is rejected", "[mina][signature][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  for (auto& c : v["signFields"]["vectors"]) {
    auto msg = fields_of(c["fields"]);
    auto sig = decode_signature(c["signature"].get<std::string>());
    auto pk = decode_public_key(c["publicKey"].get<std::string>());
    REQUIRE(sig.ok());
    REQUIRE(pk.ok());
    CHECK(sig->r.to_decimal() == c["r"].get<std::string>());
    CHECK(verify_fields_signature(*sig, msg, *pk, NetworkId::kTestnet) == c["verify"].get<bool>());
    // Each component changed by one: message element, r, s, public key parity, message length.
    for (size_t i = 0; i < msg.size(); ++i) {
      auto m = msg;
      m[i] += Fp::one();
      CHECK_FALSE(verify_fields_signature(*sig, m, *pk, NetworkId::kTestnet));
    }
    CHECK_FALSE(verify_fields_signature({sig->r + Fp::one(), sig->s}, msg, *pk, NetworkId::kTestnet));
    CHECK_FALSE(verify_fields_signature({sig->r, sig->s + Fq::one()}, msg, *pk, NetworkId::kTestnet));
    CHECK_FALSE(verify_fields_signature(*sig, msg, {pk->x, !pk->is_odd}, NetworkId::kTestnet));
    auto longer = msg;
    longer.push_back(Fp::zero());
    CHECK_FALSE(verify_fields_signature(*sig, longer, *pk, NetworkId::kTestnet));
    auto resigned = sign_fields(msg, *decode_private_key(c["skBase58"].get<std::string>()), NetworkId::kTestnet);
    CHECK(*resigned == *sig);
  }
}

TEST_CASE("mina/signature: o1js Signature.create and OCaml signFieldElement agree", "[mina][signature][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& o = v["o1jsSignatureCreate"];
  auto sig = sign_fields(fields_of(o["fields"]), scalar(o["sk"]), NetworkId::kTestnet);
  REQUIRE(sig.ok());
  CHECK(sig->r.to_decimal() == o["r"].get<std::string>());
  CHECK(sig->s.to_decimal() == o["s"].get<std::string>());
  for (auto& c : v["ocamlSignFieldElement"]["vectors"]) {
    auto s = sign_fields(fields_of(c["message"]), scalar(c["sk"]), network(c["network"]));
    REQUIRE(s.ok());
    CHECK(encode_signature(*s) == c["ocaml_signature"].get<std::string>());
  }
}

TEST_CASE("mina/signature: public keys from secret keys (o1js keys)", "[mina][signature][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  for (auto& c : v["keys"]["vectors"]) {
    auto pk = public_key_of_secret(scalar(c["sk"]));
    CHECK(encode_public_key(pk) == c["pkBase58"].get<std::string>());
    auto point = public_key_to_point(pk);
    REQUIRE(point.ok());
    CHECK(point->y.to_decimal() == c["y"].get<std::string>());
  }
}

TEST_CASE("mina/signature: malformed keys and networks are typed errors", "[mina][signature]") {
  // x = 0 gives y^2 = 5, a non-residue in Fp: no such point.
  auto p = public_key_to_point({Fp::zero(), false});
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == ErrorCode::kInvalidPoint);
  CHECK_FALSE(verify_fields_signature({Fp::one(), Fq::one()}, {}, {Fp::zero(), false}, NetworkId::kMainnet));
  CHECK(parse_network_id("moonnet").error().code == ErrorCode::kInvalidArgument);
  CHECK(sign_fields({}, Fq::zero(), NetworkId::kMainnet).error().code == ErrorCode::kInvalidArgument);
}
