// GraphQL account decoding and verified reads.
//  - The mainnet genesis winner (openmina test_hash_genesis_winner_account) written as Mina's
//    GraphQL prints it must decode and hash to openmina's ledger-hash string.
//  - Every account in the fixtures' precomputed mainnet blocks (accounts_accessed, Mina's own JSON
//    of Account.t), rewritten in GraphQL form, must decode to the same values; their action
//    states confirm Actions.empty_state_element.
//  - Peers that lie (another balance, another path) get invalid verdicts; malformed answers get
//    typed errors, never a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <vector>
#include <string>

#include <nlohmann/json.hpp>

#include "encoding/base58.hpp"
#include "ledger/account_hash.hpp"
#include "ledger/account_json.hpp"
#include "ledger/ledger_test_util.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::ledger;
using namespace mina::ledger::test;
using nlohmann::json;

namespace {

json genesis_winner_graphql() {
  return json::parse(R"({
    "publicKey": "B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg",
    "tokenId": "wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf",
    "tokenSymbol": "",
    "balance": {"total": "20000001000"},
    "nonce": "0",
    "receiptChainHash": "2mzbV7WevxLuchs2dAMY4vQBS6XttnCUF8Hvks4XNBQ5qiSGGBQe",
    "delegate": "B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg",
    "votingFor": "3NK2tkzqqK5spR2sZ7tujjqPksL45M3UUrcA4WhCkeiPtnugyE2x",
    "timing": {"initialMinimumBalance": null, "cliffTime": null, "cliffAmount": null,
               "vestingPeriod": null, "vestingIncrement": null},
    "permissions": {"editState": "Signature", "access": "None", "send": "Signature", "receive": "None",
                    "setDelegate": "Signature", "setPermissions": "Signature",
                    "setVerificationKey": {"auth": "Signature", "txnVersion": "2"},
                    "setZkappUri": "Signature", "editActionState": "Signature", "setTokenSymbol": "Signature",
                    "incrementNonce": "Signature", "setVotingFor": "Signature", "setTiming": "Signature"},
    "zkappState": null, "verificationKey": null, "actionState": null, "zkappUri": null, "provedState": null,
    "leafHash": "jwnEz6CjzSYowUsvw5gKpuTkRjBY5dEtc6YmQj1U5d2k5KZzTmc"
  })");
}

std::string dec(const std::string& hex_or_dec) { return fp_dec(hex_or_dec).to_decimal(); }

// Mina's Account.t JSON (precomputed blocks) -> the GraphQL account object.
json to_graphql(const json& m, uint64_t index) {
  json g;
  g["publicKey"] = m["public_key"];
  g["tokenId"] = m["token_id"];
  g["tokenSymbol"] = m["token_symbol"];
  g["balance"] = {{"total", m["balance"]}};
  g["nonce"] = m["nonce"];
  g["receiptChainHash"] = m["receipt_chain_hash"];
  g["delegate"] = m["delegate"];
  // Mina's GraphQL prints votingFor with the receipt-chain-hash version byte.
  Fp voting = *decode_field_hash(m["voting_for"].get<std::string>(), VersionByte::kStateHash);
  g["votingFor"] = encode_field_hash(voting, VersionByte::kReceiptChainHash);
  json t = {{"initialMinimumBalance", nullptr}, {"cliffTime", nullptr}, {"cliffAmount", nullptr},
            {"vestingPeriod", nullptr}, {"vestingIncrement", nullptr}};
  if (m["timing"][0] == "Timed") {
    const json& r = m["timing"][1];
    t = {{"initialMinimumBalance", r["initial_minimum_balance"]}, {"cliffTime", r["cliff_time"]},
         {"cliffAmount", r["cliff_amount"]}, {"vestingPeriod", r["vesting_period"]},
         {"vestingIncrement", r["vesting_increment"]}};
  }
  g["timing"] = t;
  const json& p = m["permissions"];
  json perms;
  const std::pair<const char*, const char*> names[] = {
      {"editState", "edit_state"}, {"access", "access"}, {"send", "send"}, {"receive", "receive"},
      {"setDelegate", "set_delegate"}, {"setPermissions", "set_permissions"}, {"setZkappUri", "set_zkapp_uri"},
      {"editActionState", "edit_action_state"}, {"setTokenSymbol", "set_token_symbol"},
      {"incrementNonce", "increment_nonce"}, {"setVotingFor", "set_voting_for"}, {"setTiming", "set_timing"}};
  for (auto [gq, ml] : names) perms[gq] = p[ml][0];
  perms["setVerificationKey"] = {{"auth", p["set_verification_key"][0][0]}, {"txnVersion", p["set_verification_key"][1]}};
  g["permissions"] = perms;
  if (m["zkapp"].is_null()) {
    g["zkappState"] = nullptr;
  } else {
    const json& z = m["zkapp"];
    json state = json::array(), actions = json::array();
    for (const auto& x : z["app_state"]) state.push_back(dec(x.get<std::string>()));
    for (const auto& x : z["action_state"]) actions.push_back(dec(x.get<std::string>()));
    g["zkappState"] = state;
    g["actionState"] = actions;
    g["provedState"] = z["proved_state"];
    g["zkappUri"] = z["zkapp_uri"];
    g["zkappVersion"] = z["zkapp_version"];
    g["lastActionSlot"] = z["last_action_slot"];
    if (z["verification_key"].is_null()) g["verificationKey"] = nullptr;
    else g["verificationKey"] = {{"verificationKey", z["verification_key"]["data"]}, {"hash", dec(z["verification_key"]["hash"].get<std::string>())}};
  }
  g["index"] = index;
  return g;
}

AuthRequired auth_of(const json& ml) {
  const std::string s = ml[0].get<std::string>();
  if (s == "None") return AuthRequired::kNone;
  if (s == "Either") return AuthRequired::kEither;
  if (s == "Proof") return AuthRequired::kProof;
  if (s == "Signature") return AuthRequired::kSignature;
  REQUIRE(s == "Impossible");
  return AuthRequired::kImpossible;
}

MerklePath empty_path_for_index(uint64_t index) {
  MerklePath path;
  for (unsigned h = 0; h < kLedgerDepth; ++h)
    path.push_back({((index >> h) & 1) ? Side::kRight : Side::kLeft, empty_subtree_hash(h)});
  return path;
}

json path_json(const MerklePath& path) {
  json a = json::array();
  for (const auto& e : path) a.push_back({{e.side == Side::kLeft ? "left" : "right", e.sibling.to_decimal()}});
  return a;
}

}  // namespace

TEST_CASE("ledger/json: genesis winner in GraphQL form hashes to its leafHash", "[ledger][json]") {
  auto a = decode_graphql_account(genesis_winner_graphql().dump());
  REQUIRE(a.ok());
  REQUIRE(a->leaf_hash);
  CHECK(account_hash(a->account) == *a->leaf_hash);
  CHECK(a->account.balance == 20000001000ULL);
  CHECK_FALSE(a->account.timing.has_value());
  CHECK(a->account.permissions.set_verification_key.txn_version == 2);

  // The same leaf in an otherwise empty ledger at index 5: the verified read succeeds against
  // that ledger's root and fails against any other or with a lying balance.
  json g = genesis_winner_graphql();
  const MerklePath path = empty_path_for_index(5);
  g["merklePath"] = path_json(path);
  g["leafHash"] = a->leaf_hash->to_decimal();  // decimal, as FieldElem prints it
  g["index"] = 5;
  const Fp root = implied_root(*a->leaf_hash, path);
  auto decoded = decode_graphql_account(g.dump());
  REQUIRE(decoded.ok());
  CHECK(*decoded->merkle_path == path);
  auto verdict = verify_graphql_account(*decoded, root);
  REQUIRE(verdict.ok());
  CHECK(verdict->valid);
  verdict = verify_graphql_account(*decoded, empty_subtree_hash(kLedgerDepth));
  REQUIRE(verdict.ok());
  CHECK_FALSE(verdict->valid);

  json lie = g;
  lie["balance"]["total"] = "20000001001";
  auto lying = decode_graphql_account(lie.dump());
  REQUIRE(lying.ok());
  verdict = verify_graphql_account(*lying, root);
  REQUIRE(verdict.ok());
  CHECK_FALSE(verdict->valid);  // leafHash no longer matches
  lie.erase("leafHash");
  lying = decode_graphql_account(lie.dump());
  REQUIRE(lying.ok());
  verdict = verify_graphql_account(*lying, root);
  REQUIRE(verdict.ok());
  CHECK_FALSE(verdict->valid);  // and without leafHash the path does not lead to the root

  json moved = g;
  moved["index"] = 4;
  auto m = decode_graphql_account(moved.dump());
  REQUIRE(m.ok());
  verdict = verify_graphql_account(*m, root);
  REQUIRE(verdict.ok());
  CHECK_FALSE(verdict->valid);

  json no_path = genesis_winner_graphql();
  auto np = decode_graphql_account(no_path.dump());
  REQUIRE(np.ok());
  CHECK(verify_graphql_account(*np, root).error().code == ErrorCode::kInvalidArgument);
}

TEST_CASE("ledger/json: every account of the precomputed mainnet blocks decodes to its values", "[ledger][json]") {
  size_t accounts = 0, zkapps = 0, timed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(mina::test::fixture_path("mina/precomputed"))) {
    json block = mina::test::read_fixture_json("mina/precomputed/" + entry.path().filename().string());
    const json& data = block.contains("data") ? block["data"] : block;
    if (!data.contains("accounts_accessed")) continue;
    for (const auto& [index_json, m] : data["accounts_accessed"].items()) {
      (void)index_json;
      const uint64_t index = m[0].get<uint64_t>();
      const json& ml = m[1];
      auto a = decode_graphql_account(to_graphql(ml, index).dump());
      REQUIRE(a.ok());
      const Account& acc = a->account;
      ++accounts;
      CHECK(acc.public_key == pk(ml["public_key"].get<std::string>()));
      CHECK(acc.balance == std::stoull(ml["balance"].get<std::string>()));
      CHECK(acc.nonce == std::stoul(ml["nonce"].get<std::string>()));
      CHECK(acc.token_symbol == ml["token_symbol"].get<std::string>());
      CHECK(acc.voting_for == *decode_field_hash(ml["voting_for"].get<std::string>(), VersionByte::kStateHash));
      CHECK(acc.permissions.send == auth_of(ml["permissions"]["send"]));
      CHECK(acc.permissions.set_verification_key.auth == auth_of(ml["permissions"]["set_verification_key"][0]));
      CHECK(acc.permissions.set_verification_key.txn_version ==
            std::stoul(ml["permissions"]["set_verification_key"][1].get<std::string>()));
      CHECK(a->index == index);
      if (acc.timing) {
        ++timed;
        CHECK(acc.timing->cliff_time == std::stoul(ml["timing"][1]["cliff_time"].get<std::string>()));
        CHECK(acc.timing->vesting_increment == std::stoull(ml["timing"][1]["vesting_increment"].get<std::string>()));
      }
      REQUIRE(acc.zkapp.has_value() == !ml["zkapp"].is_null());
      if (acc.zkapp) {
        ++zkapps;
        const json& z = ml["zkapp"];
        for (size_t i = 0; i < kZkappStateLength; ++i) CHECK(acc.zkapp->app_state[i] == fp_dec(z["app_state"][i].get<std::string>()));
        CHECK(acc.zkapp->zkapp_uri == z["zkapp_uri"].get<std::string>());
        if (!z["verification_key"].is_null())
          CHECK(acc.zkapp->verification_key->hash == fp_dec(z["verification_key"]["hash"].get<std::string>()));
        // Real action states hold Actions.empty_state_element until actions are dispatched.
        CHECK(acc.zkapp->action_state[4] == empty_action_state());
      }
      // Hashing is total on every real account, and the account is a different leaf than empty.
      CHECK(account_hash(acc) != empty_subtree_hash(0));
    }
  }
  CHECK(accounts > 500);
  CHECK(zkapps > 5);
  CHECK(timed > 20);
}

TEST_CASE("ledger/json: malformed answers are typed errors", "[ledger][json]") {
  const json good = genesis_winner_graphql();
  REQUIRE(decode_graphql_account(good.dump()).ok());
  struct Case {
    const char* what;
    std::function<void(json&)> mutate;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"no publicKey", [](json& j) { j.erase("publicKey"); }, ErrorCode::kMalformedJson},
      {"bad publicKey", [](json& j) { j["publicKey"] = "B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgh"; }, ErrorCode::kBadChecksum},
      {"balance as string", [](json& j) { j["balance"] = "1"; }, ErrorCode::kMalformedJson},
      {"balance > u64", [](json& j) { j["balance"]["total"] = "18446744073709551616"; }, ErrorCode::kMalformedNumber},
      {"negative nonce", [](json& j) { j["nonce"] = "-1"; }, ErrorCode::kMalformedNumber},
      {"nonce > u32", [](json& j) { j["nonce"] = 4294967296ULL; }, ErrorCode::kMalformedNumber},
      {"long symbol", [](json& j) { j["tokenSymbol"] = "ABCDEFG"; }, ErrorCode::kInvalidLength},
      {"receipt as ledger hash", [](json& j) { j["receiptChainHash"] = j["leafHash"]; }, ErrorCode::kWrongVersionByte},
      {"half timed", [](json& j) { j["timing"]["cliffTime"] = "5"; }, ErrorCode::kMalformedJson},
      {"bad auth", [](json& j) { j["permissions"]["send"] = "Both"; }, ErrorCode::kMalformedJson},
      {"no permissions", [](json& j) { j["permissions"] = nullptr; }, ErrorCode::kMalformedJson},
      {"actions without state", [](json& j) { j["actionState"] = json::array(); }, ErrorCode::kMalformedJson},
      {"short state", [](json& j) { j["zkappState"] = json::array({"0"}); j["actionState"] = json::array(); j["provedState"] = false; j["zkappUri"] = ""; }, ErrorCode::kInvalidLength},
      {"state >= p", [](json& j) {
         j["zkappState"] = json::array();
         for (int i = 0; i < 8; ++i) j["zkappState"].push_back("28948022309329048855892746252171976963363056481941560715954676764349967630337");
         j["actionState"] = json::array({"0", "0", "0", "0", "0"}); j["provedState"] = false; j["zkappUri"] = ""; }, ErrorCode::kNonCanonicalField},
      {"path both sides", [](json& j) { j["merklePath"] = json::array({{{"left", "1"}, {"right", "2"}}}); }, ErrorCode::kMalformedJson},
      {"path hex", [](json& j) { j["merklePath"] = json::array({{{"left", "0x1"}}}); }, ErrorCode::kMalformedNumber},
      {"leafHash junk", [](json& j) { j["leafHash"] = "jxO0O0lIjxO0O0lI"; }, ErrorCode::kInvalidEncoding},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    json j = good;
    c.mutate(j);
    auto r = decode_graphql_account(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
  }
  // A whole GraphQL response is unwrapped; an account that was not found is an error.
  auto wrapped = decode_graphql_account(json{{"data", {{"account", good}}}}.dump());
  REQUIRE(wrapped.ok());
  CHECK(wrapped->account == decode_graphql_account(good.dump())->account);
  CHECK(decode_graphql_account(R"({"data":{"account":null}})").error().code == ErrorCode::kMalformedJson);
  CHECK(decode_graphql_account("[1,2]").error().code == ErrorCode::kMalformedJson);
  CHECK(decode_graphql_account("{\"a\":").error().code == ErrorCode::kMalformedJson);
  CHECK(decode_graphql_account(std::string(100, '[')).error().code == ErrorCode::kLimitExceeded);
  CHECK(decode_graphql_account(std::string(kMaxAccountJsonBytes + 1, ' ')).error().code == ErrorCode::kLimitExceeded);
  // Every truncation of a valid answer is an error, not a crash.
  const std::string text = good.dump();
  for (size_t n = 0; n < text.size(); n += 7) CHECK_FALSE(decode_graphql_account(text.substr(0, n)).ok());
}

TEST_CASE("ledger/json: a wide query of real accounts verifies at once; any lie is caught", "[ledger][json]") {
  // The first precomputed block that accessed at least 32 accounts.
  json accessed;
  for (const auto& entry : std::filesystem::directory_iterator(mina::test::fixture_path("mina/precomputed"))) {
    json block = mina::test::read_fixture_json("mina/precomputed/" + entry.path().filename().string());
    const json& data = block.contains("data") ? block["data"] : block;
    if (data.contains("accounts_accessed") && data["accounts_accessed"].size() >= 32) {
      accessed = data["accounts_accessed"];
      break;
    }
  }
  REQUIRE(accessed.size() >= 32);
  // 32 real accounts as ledger slots 64..95 (a height-5 subtree) of an otherwise empty ledger.
  json answer = {{"firstIndex", 64}, {"height", 5}, {"accounts", json::array()}};
  std::vector<Fp> leaves;
  for (size_t i = 0; i < 32; ++i) {
    answer["accounts"].push_back(to_graphql(accessed[i][1], 64 + i));
    leaves.push_back(account_hash(decode_graphql_account(answer["accounts"].back().dump())->account));
  }
  MerklePath up;
  for (unsigned h = 5; h < kLedgerDepth; ++h) up.push_back({((64 >> 5) >> (h - 5)) & 1 ? Side::kRight : Side::kLeft, empty_subtree_hash(h)});
  answer["merklePath"] = path_json(up);
  const Fp root = implied_root(*subtree_root(leaves, 5), up, 5);

  auto subtree = decode_account_subtree(answer.dump());
  REQUIRE(subtree.ok());
  REQUIRE(subtree->accounts.size() == 32);
  auto verdict = verify_account_subtree(*subtree, root);
  REQUIRE(verdict.ok());
  CHECK(verdict->valid);

  AccountSubtree lie = *subtree;
  lie.accounts[17].balance += 1;
  CHECK_FALSE(verify_account_subtree(lie, root)->valid);
  lie = *subtree;
  std::swap(lie.accounts[3], lie.accounts[4]);
  CHECK_FALSE(verify_account_subtree(lie, root)->valid);
  lie = *subtree;
  lie.accounts.pop_back();  // hiding the last account: its slot reads as empty
  CHECK_FALSE(verify_account_subtree(lie, root)->valid);
  lie = *subtree;
  lie.first_index = 96;  // aligned, but the path proves slot 64
  CHECK(verify_account_subtree(lie, root).error().code == ErrorCode::kInvalidArgument);

  json bad = answer;
  bad["accounts"][5]["nonce"] = "x";
  auto r = decode_account_subtree(bad.dump());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kMalformedNumber);
  CHECK(r.error().message.find("accounts[5]") != std::string::npos);
  bad = answer;
  bad["height"] = 36;
  CHECK(decode_account_subtree(bad.dump()).error().code == ErrorCode::kMalformedNumber);
}
