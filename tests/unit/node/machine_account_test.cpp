// Verified account reads through the machine: the account is checked against the verified tip's
// staged ledger hash; a peer whose path misses it is banned and the next one asked.
#include "node/node_test_util.hpp"

using namespace mina::node;
using namespace mina::node::test;

namespace {

// A machine whose verified tip is chain_abc's (staged ledger hash "jxLedger").
NodeMachine synced(Json options = Json::object()) {
  auto [m, actions] = started(options);
  auto v = of(must(m.handle({{"type", "answer"}, {"id", of(actions, "fetch")[0]["id"]}, {"now", 1}, {"data", {{"bestChain", chain_abc()}}}})), "verify");
  must(m.handle({{"type", "verified"}, {"id", v.at(0)["id"]}, {"now", 2}, {"verdict", verdict_for(chain_abc())}}));
  REQUIRE(m.tip());
  return std::move(m);
}

Json get_account(double now) { return {{"type", "getAccount"}, {"id", "r1"}, {"now", now}, {"publicKey", "B62qx"}, {"token", "wTok"}}; }

}  // namespace

TEST_CASE("node machine: no verified tip, no account read", "[node][machine][account]") {
  auto [m, actions] = started();
  Json out = must(m.handle(get_account(5)));
  auto r = emitted(out, "accountResult");
  REQUIRE(r.size() == 1);
  CHECK(r[0]["id"] == "r1");
  CHECK(r[0]["error"]["code"] == "no_tip");
  CHECK(of(out, "fetch").empty());
}

TEST_CASE("node machine: an account is read from the best peer and checked against the tip's ledger hash", "[node][machine][account]") {
  NodeMachine m = synced();
  auto f = of(must(m.handle(get_account(10))), "fetch");
  REQUIRE(f.size() == 1);
  CHECK(f[0]["peerId"] == "http://a");
  CHECK(f[0]["request"] == Json{{"kind", "account"}, {"publicKey", "B62qx"}, {"token", "wTok"}});
  Json account = {{"publicKey", "B62qx"}, {"tokenId", "wTok"}, {"balance", {{"total", "5"}}}};
  auto check = of(must(m.handle({{"type", "answer"}, {"id", f[0]["id"]}, {"now", 25}, {"data", {{"account", account}}}})), "verifyAccount");
  REQUIRE(check.size() == 1);
  CHECK(check[0]["ledgerHash"] == "jxLedger");
  CHECK(check[0]["stateHash"] == "3Nc");
  CHECK(check[0]["account"] == account);
  Json out = must(m.handle({{"type", "accountVerified"}, {"id", check[0]["id"]}, {"now", 30}, {"valid", true}}));
  auto r = emitted(out, "accountResult");
  REQUIRE(r.size() == 1);
  CHECK(r[0] == Json{{"id", "r1"}, {"account", account}, {"ledgerHash", "jxLedger"}, {"stateHash", "3Nc"}, {"peer", "http://a"}});
  CHECK(peer_of(m, "http://a")["successes"] == 2);
}

TEST_CASE("node machine: a path that misses the ledger bans the peer; no peer left is a typed error", "[node][machine][account]") {
  NodeMachine m = synced();
  auto f = of(must(m.handle(get_account(10))), "fetch");
  auto check = of(must(m.handle({{"type", "answer"}, {"id", f.at(0)["id"]}, {"now", 11}, {"data", {{"account", {{"publicKey", "B62qx"}, {"token", "wTok"}, {"x", 1}}}}}})), "verifyAccount");
  Json out = must(m.handle({{"type", "accountVerified"}, {"id", check.at(0)["id"]}, {"now", 12}, {"valid", false}, {"reason", "root"}}));
  CHECK(peer_of(m, "http://a")["status"] == "banned");
  CHECK(peer_of(m, "http://a")["lastError"] == "bad_path:root");
  auto next = of(out, "fetch");
  REQUIRE(next.size() == 1);
  CHECK(next[0]["peerId"] == "http://b");
  // b has no such account: a failure, and nobody is left.
  out = must(m.handle({{"type", "answer"}, {"id", next[0]["id"]}, {"now", 13}, {"data", {{"account", nullptr}}}}));
  CHECK(peer_of(m, "http://b")["lastError"] == "no_account");
  CHECK(peer_of(m, "http://b")["lies"] == 0);
  auto r = emitted(out, "accountResult");
  REQUIRE(r.size() == 1);
  CHECK(r[0]["error"]["code"] == "no_peer");
  CHECK(r[0]["error"]["message"] == "no peer gave a verifiable account (http://a: bad_path:root, http://b: no_account)");
}

TEST_CASE("node machine: an account check that never ends expires as a failure, not a lie", "[node][machine][account]") {
  NodeMachine m = synced({{"checkTimeoutMs", 100}});
  auto f = of(must(m.handle(get_account(10))), "fetch");
  auto check = of(must(m.handle({{"type", "answer"}, {"id", f.at(0)["id"]}, {"now", 11}, {"data", {{"account", {{"publicKey", "B62qx"}, {"token", "wTok"}, {"x", 1}}}}}})), "verifyAccount");
  REQUIRE(check.size() == 1);
  Json out = must(m.handle({{"type", "tick"}, {"now", 111}}));
  CHECK(peer_of(m, "http://a")["lastError"] == "unreadable_account:timeout");
  CHECK(peer_of(m, "http://a")["status"] != "banned");
  CHECK(of(out, "fetch").at(0)["peerId"] == "http://b");
}

TEST_CASE("node machine: account reads at once are bounded", "[node][machine][account][bounds]") {
  NodeMachine m = synced();
  size_t busy = 0;
  for (size_t i = 0; i < kMaxAccountReads + 3; i++) {
    Json out = must(m.handle({{"type", "getAccount"}, {"id", "r" + std::to_string(i)}, {"now", 10}, {"publicKey", "B62qx"}}));
    for (const Json& r : emitted(out, "accountResult"))
      if (r["error"]["code"] == "busy") busy++;
  }
  CHECK(busy == 3);
}

TEST_CASE("node machine: an account of another key or token, though its path may check, is a lie", "[node][machine][account]") {
  for (const Json& answer : {Json{{"publicKey", "B62qOther"}, {"tokenId", "wTok"}}, Json{{"publicKey", "B62qx"}, {"tokenId", "wOther"}},
                             Json{{"publicKey", "B62qx"}}}) {
    NodeMachine m = synced();
    auto f = of(must(m.handle(get_account(10))), "fetch");
    Json out = must(m.handle({{"type", "answer"}, {"id", f.at(0)["id"]}, {"now", 11}, {"data", {{"account", answer}}}}));
    CHECK(of(out, "verifyAccount").empty());
    CHECK(peer_of(m, "http://a")["status"] == "banned");
    CHECK(peer_of(m, "http://a")["lastError"] == "wrong_account");
    REQUIRE(of(out, "fetch").size() == 1);
    CHECK(of(out, "fetch")[0]["peerId"] == "http://b");
  }
  // Without a token the read asks for MINA's, and only an account of MINA's token answers it.
  NodeMachine m = synced();
  auto f = of(must(m.handle({{"type", "getAccount"}, {"id", "r2"}, {"now", 10}, {"publicKey", "B62qx"}})), "fetch");
  Json mina = {{"publicKey", "B62qx"}, {"tokenId", "wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf"}};
  CHECK(of(must(m.handle({{"type", "answer"}, {"id", f.at(0)["id"]}, {"now", 11}, {"data", {{"account", mina}}}})), "verifyAccount").size() == 1);
}

TEST_CASE("node machine: a wide read fetches one subtree and checks it at once against the tip's ledger", "[node][machine][account][subtree]") {
  NodeMachine m = synced();
  Json ask = {{"type", "getAccountSubtree"}, {"id", "w1"}, {"now", 10}, {"firstIndex", 8}, {"height", 3}};
  auto f = of(must(m.handle(ask)), "fetch");
  REQUIRE(f.size() == 1);
  CHECK(f[0]["request"] == Json{{"kind", "accountSubtree"}, {"firstIndex", 8}, {"height", 3}});
  Json subtree = {{"firstIndex", 8}, {"height", 3}, {"accounts", Json::array()}, {"merklePath", Json::array()}};
  auto check = of(must(m.handle({{"type", "answer"}, {"id", f[0]["id"]}, {"now", 12}, {"data", {{"accountSubtree", subtree}}}})), "verifyAccountSubtree");
  REQUIRE(check.size() == 1);
  CHECK(check[0]["subtree"] == subtree);
  CHECK(check[0]["ledgerHash"] == "jxLedger");
  Json out = must(m.handle({{"type", "accountVerified"}, {"id", check[0]["id"]}, {"now", 13}, {"valid", true}}));
  auto r = emitted(out, "accountResult");
  REQUIRE(r.size() == 1);
  CHECK(r[0] == Json{{"id", "w1"}, {"subtree", subtree}, {"ledgerHash", "jxLedger"}, {"stateHash", "3Nc"}, {"peer", "http://a"}});

  // Another subtree than the one asked is a lie (its own path could well check).
  auto f2 = of(must(m.handle({{"type", "getAccountSubtree"}, {"id", "w2"}, {"now", 20}, {"firstIndex", 0}, {"height", 3}})), "fetch");
  Json out2 = must(m.handle({{"type", "answer"}, {"id", f2.at(0)["id"]}, {"now", 21}, {"data", {{"accountSubtree", subtree}}}}));
  CHECK(of(out2, "verifyAccountSubtree").empty());
  CHECK(peer_of(m, "http://a")["lastError"] == "wrong_subtree");
  CHECK(of(out2, "fetch").at(0)["peerId"] == "http://b");
}

TEST_CASE("node machine: malformed wide reads are refused and change nothing", "[node][machine][account][subtree]") {
  NodeMachine m = synced();
  for (const Json& bad : {Json{{"firstIndex", 4}, {"height", 3}}, Json{{"firstIndex", 0}, {"height", 13}}, Json{{"firstIndex", -8}, {"height", 3}},
                          Json{{"firstIndex", 0.5}, {"height", 0}}, Json{{"firstIndex", "0"}, {"height", 1}}, Json{{"height", 1}},
                          Json{{"firstIndex", 34359738368.0}, {"height", 0}}}) {
    Json e = bad;
    e["type"] = "getAccountSubtree";
    e["id"] = "w";
    e["now"] = 10;
    auto r = m.handle(e);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == mina::ErrorCode::kInvalidArgument);
  }
  CHECK(m.inflight_json().empty());
}
