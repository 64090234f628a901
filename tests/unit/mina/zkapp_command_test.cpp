// zkApp command commitments and signatures against the o1js fixtures: the proved account
// update's hash is the first public input of its proof (o1js zkapp_update_proof.json), and the
// fee payer's signature (o1js, devnet) verifies over the full commitment we compute.
#include <catch2/catch.hpp>

#include <string>

#include "encoding/base58.hpp"
#include "mina/zkapp_command.hpp"
#include "test_support.hpp"

using namespace mina;
using nlohmann::json;

namespace {

std::string fixture_text(const std::string& rel) {
  auto bytes = test::read_fixture_bytes(rel);
  return std::string(bytes.begin(), bytes.end());
}

zkapp::ZkappCommand decode(const json& j, NetworkId network) {
  auto cmd = zkapp::decode_zkapp_command_json(j.dump(), network);
  if (!cmd) INFO(cmd.error().message);
  REQUIRE(cmd.ok());
  return *cmd;
}

ErrorCode error_of(const json& j) {
  auto cmd = zkapp::decode_zkapp_command_json(j.dump(), NetworkId::kTestnet);
  REQUIRE_FALSE(cmd.ok());
  return cmd.error().code;
}

}  // namespace

TEST_CASE("zkapp_command: the proved account update hashes to its proof's public input", "[mina][zkapp_command][vectors]") {
  auto tx = json::parse(fixture_text("o1js/zkapp_tx.json"));
  auto proof = test::read_fixture_json("o1js/zkapp_update_proof.json");
  const size_t index = proof["accountUpdate_index"].get<size_t>();
  auto cmd = decode(tx, NetworkId::kTestnet);  // o1js LocalBlockchain signs for devnet
  REQUIRE(cmd.account_updates.size() > index);
  CHECK(cmd.account_updates[index].hash.to_decimal() == proof["publicInput"][0].get<std::string>());
  CHECK(proof["publicInput"][1].get<std::string>() == "0");  // no children: the empty forest
  CHECK(cmd.account_updates[index].is_proved);
  // The body prefix is network-specific.
  auto mainnet = decode(tx, NetworkId::kMainnet);
  CHECK(mainnet.account_updates[index].hash != cmd.account_updates[index].hash);
}

// o1js 2.15.0 on the same file: transactionCommitments(ZkappCommand.fromJSON(tx), 'devnet'),
// Memo.hash(Memo.fromBase58(tx.memo)), feePayerHash(feePayer, 'devnet').
TEST_CASE("zkapp_command: commitments equal o1js transactionCommitments", "[mina][zkapp_command][vectors]") {
  auto tx = json::parse(fixture_text("o1js/zkapp_tx.json"));
  auto cmd = decode(tx, NetworkId::kTestnet);
  CHECK(cmd.memo_hash.to_decimal() == "146624400929844538317466382872834899021794596262855408933526545768996436172");
  CHECK(cmd.fee_payer_hash.to_decimal() == "14394834060183457363472705855886121346721333747399554489007279059141261102252");
  CHECK(cmd.commitment.to_decimal() == "14028394909470782292001934422887179872050940234839923387889433758947372185151");
  CHECK(cmd.full_commitment.to_decimal() == "24632830806350775072643523489948688477769844332375366186193802055154057942335");
  // The fixture's fee payer signature was not made over this command: o1js's
  // verifyZkappCommandSignature rejects it on devnet and mainnet, and so do we.
  CHECK(zkapp::verify_zkapp_command_signatures(cmd, NetworkId::kTestnet).reason == "fee payer signature does not verify");
}

TEST_CASE("zkapp_command: signatures over the commitments; every part of them matters", "[mina][zkapp_command]") {
  json tx = json::parse(fixture_text("o1js/zkapp_tx.json"));
  const Fq fee_payer_key = Fq::from_u64(1234567);
  const Fq signer_key = Fq::from_u64(7654321);
  tx["feePayer"]["body"]["publicKey"] = encode_public_key(public_key_of_secret(fee_payer_key));
  // A second, signature-authorized update on the full commitment, and a third on the partial one.
  json signed_update = tx["accountUpdates"][0];
  signed_update["body"]["publicKey"] = encode_public_key(public_key_of_secret(signer_key));
  signed_update["body"]["authorizationKind"] = {{"isSigned", true}, {"isProved", false},
                                                {"verificationKeyHash", "3392518251768960475377392625298437850623664973002200885669375116181514017494"}};
  signed_update["authorization"] = {{"proof", nullptr}, {"signature", nullptr}};
  signed_update["body"]["useFullCommitment"] = true;
  tx["accountUpdates"].push_back(signed_update);
  signed_update["body"]["useFullCommitment"] = false;
  signed_update["body"]["callDepth"] = 1;
  tx["accountUpdates"].push_back(signed_update);
  auto sign_all = [&](json t, NetworkId net) {
    auto cmd = decode(t, net);
    const Fp full[1] = {cmd.full_commitment};
    const Fp partial[1] = {cmd.commitment};
    t["feePayer"]["authorization"] = encode_signature(*sign_fields(full, fee_payer_key, net));
    t["accountUpdates"][1]["authorization"]["signature"] = encode_signature(*sign_fields(full, signer_key, net));
    t["accountUpdates"][2]["authorization"]["signature"] = encode_signature(*sign_fields(partial, signer_key, net));
    return t;
  };
  for (NetworkId net : {NetworkId::kTestnet, NetworkId::kMainnet}) {
    json good = sign_all(tx, net);
    auto verdict = zkapp::verify_zkapp_command_signatures(decode(good, net), net);
    INFO(verdict.reason);
    CHECK(verdict.valid);
    CHECK(verdict.checked == 3);
    NetworkId other = net == NetworkId::kMainnet ? NetworkId::kTestnet : NetworkId::kMainnet;
    CHECK_FALSE(zkapp::verify_zkapp_command_signatures(decode(good, other), other).valid);

    auto rejects = [&](json t, const std::string& reason) {
      auto v = zkapp::verify_zkapp_command_signatures(decode(t, net), net);
      CHECK(v.reason == reason);
    };
    const std::string fee_payer_bad = "fee payer signature does not verify";
    json t = good;
    t["memo"] = memo_to_base58(*memo_from_string("other"));
    rejects(t, fee_payer_bad);
    t = good;
    t["feePayer"]["body"]["fee"] = "1";
    rejects(t, fee_payer_bad);
    t = good;
    t["feePayer"]["body"]["nonce"] = "1";
    rejects(t, fee_payer_bad);
    t = good;
    t["feePayer"]["body"]["validUntil"] = "5";
    rejects(t, fee_payer_bad);
    t = good;
    t["accountUpdates"][0]["body"]["update"]["appState"][0] = "10";
    rejects(t, fee_payer_bad);
    t = good;
    t["accountUpdates"][0]["body"]["preconditions"]["account"]["state"][0] = nullptr;
    rejects(t, fee_payer_bad);
    t = good;
    t["accountUpdates"][0]["body"]["events"] = json::array({json::array({"1"})});
    rejects(t, fee_payer_bad);
    t = good;
    t["accountUpdates"][0]["body"]["balanceChange"]["sgn"] = "Negative";
    rejects(t, fee_payer_bad);
    t = good;
    t["accountUpdates"][2]["body"]["callDepth"] = 0;  // the same updates as another forest
    rejects(t, fee_payer_bad);
    // The account update signatures, each against its own commitment.
    t = good;
    t["accountUpdates"][1]["authorization"]["signature"] = good["accountUpdates"][2]["authorization"]["signature"];
    rejects(t, "account update 1 signature does not verify");
    t = good;
    t["accountUpdates"][2]["authorization"]["signature"] = nullptr;
    rejects(t, "account update 2 is signed by kind but carries no signature");
    t = good;
    t["accountUpdates"][0]["authorization"]["signature"] = good["feePayer"]["authorization"];
    rejects(t, "account update 0 carries a signature but its authorization kind is not signed");
    t = good;
    t["feePayer"]["authorization"] = "";
    rejects(t, "the fee payer is not signed");
  }
}

TEST_CASE("zkapp_command: malformed commands are typed errors", "[mina][zkapp_command]") {
  auto tx = json::parse(fixture_text("o1js/zkapp_tx.json"));
  auto with = [&](const json::json_pointer& at, const json& value) {
    json j = tx;
    j[at] = value;
    return j;
  };
  using P = json::json_pointer;
  CHECK(error_of(json::array()) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/memo"), "hello")) != ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/feePayer/body/fee"), "-1")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/accountUpdates/0/body/callDepth"), 1)) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/accountUpdates/0/body/update/appState"), json::array({"1"}))) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/accountUpdates/0/body/update/permissions"), json::object({{"editState", "Sometimes"}}))) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/accountUpdates/0/body/balanceChange/magnitude"), "18446744073709551616")) == ErrorCode::kMalformedNumber);
  CHECK(error_of(with(P("/accountUpdates/0/body/authorizationKind/isSigned"), true)) == ErrorCode::kMalformedJson);
  CHECK(error_of(with(P("/accountUpdates/0/body/callData"), test::read_fixture_json("o1js/vectors.json")["meta"]["Fp_pallas_base_field_order"])) == ErrorCode::kNonCanonicalField);
  CHECK(error_of(with(P("/accountUpdates/0/authorization/signature"), "7mX0")) == ErrorCode::kInvalidEncoding);
  json no_body = tx;
  no_body["accountUpdates"][0].erase("body");
  CHECK(error_of(no_body) == ErrorCode::kMalformedJson);
}
