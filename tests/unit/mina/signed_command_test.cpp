// Signed commands (payments, stake delegations) and legacy signatures against mina-signer's
// vectors (o1js/vectors.json: signPaymentLegacy, signMessageLegacy), plus the JSON decoders.
#include <catch2/catch.hpp>

#include <string>

#include "encoding/base58.hpp"
#include "mina/legacy_signature.hpp"
#include "mina/signed_command.hpp"
#include "mina/signed_command_json.hpp"
#include "test_support.hpp"

using namespace mina;
using nlohmann::json;

namespace {

NetworkId network_of(const json& c) { return *parse_network_id(c["network"].get<std::string>()); }
NetworkId other(NetworkId n) { return n == NetworkId::kMainnet ? NetworkId::kTestnet : NetworkId::kMainnet; }
std::string other_name(const json& c) { return c["network"] == "mainnet" ? "testnet" : "mainnet"; }

Signature signature_of(const json& s) {
  return {*Fp::parse(s["field"].get<std::string>()), *Fq::parse(s["scalar"].get<std::string>())};
}

// The payment section's payload, built field by field from the vector (not through the decoder).
SignedCommandPayload payload_of(const json& p) {
  SignedCommandPayload out;
  out.kind = SignedCommandKind::kPayment;
  out.fee = std::stoull(p["fee"].get<std::string>());
  out.amount = std::stoull(p["amount"].get<std::string>());
  out.nonce = uint32_t(std::stoul(p["nonce"].get<std::string>()));
  out.fee_payer = *decode_public_key(p["from"].get<std::string>());
  out.receiver = *decode_public_key(p["to"].get<std::string>());
  out.memo = *memo_from_string(p.value("memo", ""));
  return out;
}

std::string hex_le(const std::array<uint8_t, 32>& b) { return to_hex(b); }
std::string raw_signature_hex(const Signature& s) { return hex_le(s.r.to_bytes_le()) + hex_le(s.s.to_bytes_le()); }

json mina_signer_json(const json& c) {
  return {{"signature", c["signature"]}, {"publicKey", c["payment"]["from"]}, {"data", c["payment"]}};
}

SignedCommand decode(const json& j) {
  auto cmd = decode_signed_command_json(j.dump());
  INFO(j.dump());
  if (!cmd) INFO(cmd.error().message);
  REQUIRE(cmd.ok());
  return *cmd;
}

ErrorCode error_of(const std::string& text) {
  auto cmd = decode_signed_command_json(text);
  INFO(text);
  REQUIRE_FALSE(cmd.ok());
  return cmd.error().code;
}

}  // namespace

TEST_CASE("signed_command: mina-signer signPayment vectors verify, re-sign identically", "[mina][signed_command][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& cases = v["signPaymentLegacy"]["vectors"];
  REQUIRE(cases.size() >= 4);
  for (auto& c : cases) {
    INFO(c["payment"].dump());
    NetworkId net = network_of(c);
    SignedCommandPayload p = payload_of(c["payment"]);
    Signature sig = signature_of(c["signature"]);
    SignedCommand cmd{p, p.fee_payer, sig};
    CHECK(verify_signed_command(cmd, net).valid == c["verify"].get<bool>());
    CHECK(verify_signed_command(cmd, other(net)).reason == "signature does not verify");
    // Our deterministic legacy signer reproduces mina-signer's (r, s) exactly.
    Fq sk = *decode_private_key(c["skBase58"].get<std::string>());
    auto resigned = sign_signed_command(p, sk, net);
    REQUIRE(resigned.ok());
    CHECK(resigned->signature.r.to_decimal() == c["signature"]["field"].get<std::string>());
    CHECK(resigned->signature.s.to_decimal() == c["signature"]["scalar"].get<std::string>());
  }
}

TEST_CASE("signed_command: every tampered payload field and the signature are rejected", "[mina][signed_command][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  for (auto& c : v["signPaymentLegacy"]["vectors"]) {
    NetworkId net = network_of(c);
    const SignedCommandPayload p = payload_of(c["payment"]);
    const Signature sig = signature_of(c["signature"]);
    auto rejects = [&](const SignedCommandPayload& q, const char* what) {
      INFO(what);
      CHECK_FALSE(verify_signed_command({q, q.fee_payer, sig}, net).valid);
    };
    auto q = p; q.fee += 1; rejects(q, "fee");
    q = p; q.amount += 1; rejects(q, "amount");
    q = p; q.nonce += 1; rejects(q, "nonce");
    q = p; q.valid_until -= 1; rejects(q, "validUntil");
    q = p; q.receiver.is_odd = !q.receiver.is_odd; rejects(q, "receiver parity");
    q = p; q.receiver = q.fee_payer; rejects(q, "receiver");
    q = p; q.memo = *memo_from_string("tampered"); rejects(q, "memo");
    q = p; q.kind = SignedCommandKind::kStakeDelegation; rejects(q, "kind");
    CHECK_FALSE(verify_signed_command({p, p.fee_payer, {sig.r + Fp::one(), sig.s}}, net).valid);
    CHECK_FALSE(verify_signed_command({p, p.fee_payer, {sig.r, sig.s + Fq::one()}}, net).valid);
    // Signed by the fee payer but presented with another signer: Mina requires them equal.
    CHECK(verify_signed_command({p, p.receiver, sig}, net).reason == "signer is not the fee payer");
  }
}

TEST_CASE("signed_command: stake delegations sign and verify; amount is not part of them", "[mina][signed_command]") {
  Fq sk = Fq::from_u64(123456789);
  SignedCommandPayload p;
  p.kind = SignedCommandKind::kStakeDelegation;
  p.fee_payer = public_key_of_secret(sk);
  p.receiver = public_key_of_secret(Fq::from_u64(42));
  p.fee = 10000000;
  p.nonce = 7;
  for (NetworkId net : {NetworkId::kMainnet, NetworkId::kTestnet}) {
    auto cmd = sign_signed_command(p, sk, net);
    REQUIRE(cmd.ok());
    CHECK(verify_signed_command(*cmd, net).valid);
    CHECK_FALSE(verify_signed_command(*cmd, other(net)).valid);
    auto as_payment = *cmd;
    as_payment.payload.kind = SignedCommandKind::kPayment;
    CHECK_FALSE(verify_signed_command(as_payment, net).valid);
  }
  CHECK_FALSE(sign_signed_command(p, Fq::from_u64(5), NetworkId::kMainnet).ok());  // not the fee payer's key
  CHECK_FALSE(sign_signed_command(p, Fq::zero(), NetworkId::kMainnet).ok());
}

TEST_CASE("legacy signature: mina-signer signMessage vectors", "[mina][signed_command][vectors]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  auto& cases = v["signMessageLegacy"]["vectors"];
  REQUIRE(cases.size() >= 4);
  for (auto& c : cases) {
    NetworkId net = network_of(c);
    std::string msg = c["message"].get<std::string>();
    auto pk = *decode_public_key(c["publicKey"].get<std::string>());
    Signature sig = signature_of(c["signature"]);
    CHECK(verify_legacy_signature(sig, legacy_string_input(msg), pk, net) == c["verify"].get<bool>());
    CHECK_FALSE(verify_legacy_signature(sig, legacy_string_input(msg + "!"), pk, net));
    CHECK_FALSE(verify_legacy_signature(sig, legacy_string_input(msg), pk, other(net)));
    auto resigned = sign_legacy(legacy_string_input(msg), *decode_private_key(c["skBase58"].get<std::string>()), net);
    REQUIRE(resigned.ok());
    CHECK(*resigned == sig);
  }
}

TEST_CASE("signed_command json: mina-signer and GraphQL shapes decode to the vector's command", "[mina][signed_command][json]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  for (auto& c : v["signPaymentLegacy"]["vectors"]) {
    NetworkId net = network_of(c);
    const SignedCommandPayload expected = payload_of(c["payment"]);
    const Signature sig = signature_of(c["signature"]);
    json signer_form = mina_signer_json(c);
    json graphql_form = {{"input", c["payment"]}, {"signature", {{"rawSignature", raw_signature_hex(sig)}}}};
    json request_form = {{"query", "mutation($input: SendPaymentInput!, $signature: SignatureInput) { sendPayment(input: $input, signature: $signature) { payment { hash } } }"},
                         {"variables", {{"input", c["payment"]}, {"signature", c["signature"]}}}};
    json base58_form = signer_form;
    base58_form["signature"] = encode_signature(sig);
    json numbers_form = signer_form;  // JSON numbers instead of decimal strings, explicit defaults
    numbers_form["data"]["fee"] = expected.fee;
    numbers_form["data"]["amount"] = expected.amount;
    numbers_form["data"]["nonce"] = expected.nonce;
    numbers_form["data"]["validUntil"] = 4294967295u;
    json memo58_form = signer_form;
    memo58_form["data"]["memo"] = memo_to_base58(expected.memo);
    for (const json& form : {signer_form, graphql_form, request_form, base58_form, numbers_form, memo58_form}) {
      SignedCommand cmd = decode(form);
      CHECK(cmd.payload.kind == SignedCommandKind::kPayment);
      CHECK(cmd.payload.fee == expected.fee);
      CHECK(cmd.payload.amount == expected.amount);
      CHECK(cmd.payload.nonce == expected.nonce);
      CHECK(cmd.payload.valid_until == kValidUntilMax);
      CHECK(cmd.payload.memo == expected.memo);
      CHECK(cmd.payload.fee_payer == expected.fee_payer);
      CHECK(cmd.payload.receiver == expected.receiver);
      CHECK(cmd.signature == sig);
      CHECK(verify_signed_command(cmd, net).valid);
    }
    // Decoded tampering: each JSON field changed is rejected by the verifier.
    for (const char* field : {"fee", "amount", "nonce"}) {
      json t = signer_form;
      t["data"][field] = std::to_string(std::stoull(t["data"][field].get<std::string>()) + 1);
      CHECK_FALSE(verify_signed_command(decode(t), net).valid);
    }
    json t = signer_form;
    t["data"]["validUntil"] = "100";
    CHECK_FALSE(verify_signed_command(decode(t), net).valid);
    t = signer_form;
    t["data"]["memo"] = "x";
    CHECK_FALSE(verify_signed_command(decode(t), net).valid);
    t = signer_form;
    t["data"]["to"] = c["payment"]["from"];
    CHECK_FALSE(verify_signed_command(decode(t), net).valid);
    t = signer_form;
    t["publicKey"] = c["payment"]["to"];
    CHECK(verify_signed_command(decode(t), net).reason == "signer is not the fee payer");
    // A request naming sendDelegation makes it a delegation, which then must not carry an amount.
    json d = request_form;
    d["query"] = "mutation { sendDelegation(input: $input, signature: $signature) { delegation { hash } } }";
    CHECK(error_of(d.dump()) == ErrorCode::kMalformedJson);
    d["variables"]["input"].erase("amount");
    SignedCommand del = decode(d);
    CHECK(del.payload.kind == SignedCommandKind::kStakeDelegation);
    CHECK_FALSE(verify_signed_command(del, net).valid);
  }
}

TEST_CASE("signed_command json: malformed input is a typed error", "[mina][signed_command][json]") {
  auto v = test::read_fixture_json("o1js/vectors.json");
  const json& c = v["signPaymentLegacy"]["vectors"][1];
  const json good = mina_signer_json(c);
  REQUIRE(decode_signed_command_json(good.dump()).ok());
  auto with = [&](const json::json_pointer& at, const json& value) {
    json j = good;
    j[at] = value;
    return j.dump();
  };
  auto without = [&](const json::json_pointer& at) {
    json j = good;
    j[at.parent_pointer()].erase(at.back());
    return j.dump();
  };
  const std::string p = v["meta"]["Fp_pallas_base_field_order"].get<std::string>();
  const std::string q = v["meta"]["Fq_pallas_scalar_field_order"].get<std::string>();
  using P = json::json_pointer;
  CHECK(error_of("") == ErrorCode::kMalformedJson);
  CHECK(error_of("{\"data\":") == ErrorCode::kMalformedJson);
  CHECK(error_of("[1,2]") == ErrorCode::kMalformedJson);
  CHECK(error_of("{}") == ErrorCode::kMalformedJson);
  CHECK(error_of(std::string(70000, ' ')) == ErrorCode::kLimitExceeded);
  CHECK(error_of(std::string(100, '[')) == ErrorCode::kLimitExceeded);
  CHECK(error_of(without(P("/data/fee"))) == ErrorCode::kMalformedJson);
  CHECK(error_of(without(P("/data/nonce"))) == ErrorCode::kMalformedJson);
  CHECK(error_of(without(P("/data/from"))) == ErrorCode::kMalformedJson);
  CHECK(error_of(without(P("/signature"))) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/data/amount"), "18446744073709551616")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/amount"), "-1")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/amount"), -1)) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/amount"), 1.5)) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/data/amount"), "1e9")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/fee"), "0x10")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/nonce"), "4294967296")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/validUntil"), "4294967296")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/data/memo"), std::string(33, 'm'))) == ErrorCode::kInvalidLength);
  CHECK(error_of(with(P("/data/memo"), 7)) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/data/to"), "B62qI0l")) == ErrorCode::kInvalidEncoding);
  std::string from = c["payment"]["from"].get<std::string>();
  CHECK(error_of(with(P("/data/from"), from.substr(0, from.size() - 1))) != ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/signature/field"), p)) == ErrorCode::kNonCanonicalField);
  CHECK(error_of(with(P("/signature/scalar"), q)) == ErrorCode::kNonCanonicalField);
  CHECK(error_of(with(P("/signature/scalar"), "12a")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/signature"), "7mX0")) == ErrorCode::kInvalidEncoding);
  CHECK(error_of(with(P("/signature"), std::string(128, 'f'))) == ErrorCode::kNonCanonicalField);
  CHECK(error_of(with(P("/signature"), json::object({{"rawSignature", std::string(126, '0')}}))) == ErrorCode::kInvalidLength);
  CHECK(error_of(with(P("/signature"), json::object({{"rawSignature", std::string(127, '0') + "g"}}))) == ErrorCode::kInvalidEncoding);
  CHECK(error_of(with(P("/signature"), 5)) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/publicKey"), 5)) == ErrorCode::kMalformedJson);

  // Off-curve public keys: x with no y on Pallas, found by trying small x in order.
  std::string off_curve;
  for (uint64_t x = 1; off_curve.empty(); ++x)
    if (!(Fp::from_u64(x).square() * Fp::from_u64(x) + Fp::from_u64(5)).sqrt())
      off_curve = base58check_encode(uint8_t(VersionByte::kPublicKey),
                                     [&] { Bytes b{1, 1}; auto le = Fp::from_u64(x).to_bytes_le(); b.insert(b.end(), le.begin(), le.end()); b.push_back(0); return b; }());
  CHECK(error_of(with(P("/data/to"), off_curve)) == ErrorCode::kInvalidPoint);
  CHECK(error_of(with(P("/publicKey"), off_curve)) == ErrorCode::kInvalidPoint);
}

TEST_CASE("signed_command memo: text, base58 and Signed_command_memo.is_valid", "[mina][signed_command]") {
  auto m = memo_from_string("test memo");
  REQUIRE(m.ok());
  CHECK((*m)[0] == 0x01);
  CHECK((*m)[1] == 9);
  std::string b58 = memo_to_base58(*m);
  CHECK(b58.substr(0, 2) == "E4");
  CHECK(*memo_from_text(b58) == *m);
  CHECK(*memo_from_text("test memo") == *m);
  CHECK(memo_from_string(std::string(32, 'x')).ok());
  CHECK(memo_from_string(std::string(33, 'x')).error().code == ErrorCode::kInvalidLength);
  // Digest memos (tag 0) must say length 32; byte memos need zero padding and length <= 32.
  Memo digest{};
  digest[1] = 32;
  CHECK(memo_from_base58(memo_to_base58(digest)).ok());
  digest[1] = 31;
  CHECK(memo_from_base58(memo_to_base58(digest)).error().code == ErrorCode::kInvalidEncoding);
  Memo bad = *m;
  bad[20] = 1;
  CHECK(memo_from_base58(memo_to_base58(bad)).error().code == ErrorCode::kInvalidEncoding);
  bad = *m;
  bad[1] = 33;
  CHECK(memo_from_base58(memo_to_base58(bad)).error().code == ErrorCode::kInvalidLength);
  bad = *m;
  bad[0] = 2;
  CHECK(memo_from_base58(memo_to_base58(bad)).error().code == ErrorCode::kInvalidEncoding);
  CHECK(memo_from_base58(base58check_encode(kMemoVersionByte, Bytes(33, 0))).error().code == ErrorCode::kInvalidLength);
  CHECK(memo_from_base58(base58check_encode(0x15, *m)).error().code == ErrorCode::kWrongVersionByte);
}
