// The node machine's sync rules, by replaying events (the port of tests/js/node-machine.test.mjs
// plus the rules that moved from JS to core/node). Verdicts are written by the test; the blocks
// are GraphQL-shaped but reduced to the fields the machine reads.
#include "node/node_test_util.hpp"

using namespace mina::node;
using namespace mina::node::test;

namespace {

Json answer(const std::string& id, double now, Json data) { return {{"type", "answer"}, {"id", id}, {"now", now}, {"data", std::move(data)}}; }
Json verified(const std::string& id, double now, Json verdict) { return {{"type", "verified"}, {"id", id}, {"now", now}, {"verdict", std::move(verdict)}}; }
Json tick(double now) { return {{"type", "tick"}, {"now", now}}; }

Json stored_record(Json window, Json peers = Json::array()) {
  return {{"version", kRecordVersion}, {"network", "mainnet"},
          {"tip", {{"stateHash", "3Nb"}, {"height", 11}, {"block", chain_abc()[1]}}}, {"window", std::move(window)}, {"peers", std::move(peers)}};
}

}  // namespace

TEST_CASE("node machine: bootstrap asks the first ranked peer, verifies, adopts and persists", "[node][machine]") {
  auto [m, actions] = started();
  auto fetch = of(actions, "fetch");
  REQUIRE(fetch.size() == 1);
  CHECK(fetch[0]["request"] == Json{{"kind", "bestChain"}, {"maxLength", 8}});
  CHECK(fetch[0]["peerId"] == "http://a");
  auto v = of(must(m.handle(answer(fetch[0]["id"], 40, {{"networkID", "mina:mainnet"}, {"bestChain", chain_abc()}}))), "verify");
  REQUIRE(v.size() == 1);
  CHECK(v[0]["blocks"] == chain_abc());
  CHECK_FALSE(m.tip());  // nothing adopted before the verdict
  Json out = must(m.handle(verified(v[0]["id"], 2000, verdict_for(chain_abc()))));
  CHECK(emitted(out, "tipChanged") ==
        std::vector<Json>{{{"stateHash", "3Nc"}, {"height", 12}, {"source", "network"}, {"peer", "http://a"}, {"rule", "first"}}});
  auto persist = of(out, "persist");
  REQUIRE(persist.size() == 1);
  CHECK(persist[0]["record"]["version"] == 1);
  CHECK(persist[0]["record"]["tip"]["stateHash"] == "3Nc");
  CHECK(persist[0]["record"]["tip"]["block"] == chain_abc()[2]);
  Json hashes = Json::array();
  for (const Json& w : persist[0]["record"]["window"]) hashes.push_back(w["stateHash"]);
  CHECK(hashes == Json::array({"3Na", "3Nb", "3Nc"}));
  CHECK(m.tip_json()["source"] == "network");
  Json a = peer_of(m, "http://a");
  CHECK(a["status"] == "good");
  CHECK(a["latencyMs"] == 40);  // the answer's latency, not the verification's
}

TEST_CASE("node machine: the same events give the same actions", "[node][machine]") {
  auto run = [] {
    auto [m, actions] = started();
    Json log = Json::array({actions});
    Json a = must(m.handle(answer(of(actions, "fetch")[0]["id"], 5, {{"bestChain", chain_abc()}})));
    log.push_back(a);
    log.push_back(must(m.handle(verified(of(a, "verify")[0]["id"], 9, verdict_for(chain_abc(), false, "proof")))));
    log.push_back(must(m.handle(tick(5000))));
    return log;
  };
  Json first = run();
  CHECK(first == run());
  CHECK(first.size() == 4);
}

TEST_CASE("node machine: a verified chain that fails a check is never adopted and bans its peer", "[node][machine]") {
  Json bad_hash = verdict_for(chain_abc());
  bad_hash["hashes"][0]["stateHash"] = "3Nx";
  Json bad_tip = verdict_for(chain_abc());
  bad_tip["tip"]["stateHash"] = "3Nz";
  Json broken = Json::array({block("3Na", "3N0", 10), block("3Nb", "3Nq", 11), block("3Nc", "3Nb", 12)});
  Json short_hashes = verdict_for(chain_abc());
  short_hashes["hashes"].erase(0);
  struct Case {
    std::string reason;
    Json blocks, verdict;
  };
  std::vector<Case> cases = {
      {"invalid_block:proof", chain_abc(), verdict_for(chain_abc(), false, "proof")},
      {"invalid_block:network", chain_abc(), verdict_for(chain_abc(), false, "network")},
      {"claimed_hash", chain_abc(), bad_hash},
      {"invalid_block:tip_hash", chain_abc(), bad_tip},
      {"invalid_block:hashes", chain_abc(), short_hashes},
      {"broken_chain", broken, verdict_for(broken)},
  };
  for (const Case& c : cases) {
    INFO(c.reason);
    auto [m, actions] = started();
    auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", c.blocks}}))), "verify");
    REQUIRE(v.size() == 1);
    Json out = must(m.handle(verified(v[0]["id"], 2, c.verdict)));
    CHECK_FALSE(m.tip());
    CHECK(of(out, "persist").empty());
    Json a = peer_of(m, "http://a");
    CHECK(a["status"] == "banned");
    CHECK(a["lastError"] == c.reason);
    CHECK(a["bannedUntil"] == 2 + kDefaultBanMs);
    auto next = of(out, "fetch");
    REQUIRE(next.size() == 1);
    CHECK(next[0]["peerId"] == "http://b");
  }
}

TEST_CASE("node machine: an unreadable block is a failure; a wrong networkID is a lie before verification", "[node][machine]") {
  {
    auto [m, actions] = started();
    auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", chain_abc()}}))), "verify");
    must(m.handle(Json{{"type", "verified"}, {"id", v[0]["id"]}, {"now", 2}, {"error", {{"code", "malformed_json"}}}}));
    Json a = peer_of(m, "http://a");
    CHECK(a["lies"] == 0);
    CHECK(a["failures"] == 1);
    CHECK(a["lastError"] == "unreadable_block:malformed_json");
  }
  {
    auto [m, actions] = started();
    Json out = must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"networkID", "mina:devnet"}, {"bestChain", chain_abc()}})));
    CHECK(of(out, "verify").empty());
    CHECK(peer_of(m, "http://a")["status"] == "banned");
    CHECK(peer_of(m, "http://a")["lastError"] == "wrong_network");
  }
  {  // too long, empty, not a list: malformed, a failure only
    for (Json chain : {Json::array(), Json("x"), Json(nullptr)}) {
      auto [m, actions] = started({{"k", 2}});
      Json out = must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", chain}})));
      CHECK(of(out, "verify").empty());
      CHECK(peer_of(m, "http://a")["lastError"] == "malformed");
      CHECK(peer_of(m, "http://a")["status"] == "unknown");
    }
    auto [m, actions] = started({{"k", 2}});
    must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", chain_abc()}})));
    CHECK(peer_of(m, "http://a")["lastError"] == "malformed");
  }
}

TEST_CASE("node machine: a request past its deadline fails on tick; the late answer is ignored", "[node][machine]") {
  auto [m, actions] = started();
  Json f = of(actions, "fetch")[0];
  CHECK(of(must(m.handle(tick(999))), "fetch").empty());
  Json out = must(m.handle(tick(1000)));
  CHECK(peer_of(m, "http://a")["lastError"] == "timeout");
  auto next = of(out, "fetch");
  REQUIRE(next.size() == 1);
  CHECK(next[0]["peerId"] == "http://b");
  CHECK(must(m.handle(answer(f["id"], 1500, {{"bestChain", chain_abc()}}))) == Json::array());
  // Two timeouts in a row demote a peer.
  auto [m2, a2] = started({{"peers", {"http://a"}}, {"pollIntervalMs", 0}});
  must(m2.handle(tick(1000)));
  CHECK(peer_of(m2, "http://a")["status"] == "unknown");
  must(m2.handle(tick(1001)));  // a new round asks a again
  must(m2.handle(tick(2001)));
  CHECK(peer_of(m2, "http://a")["status"] == "demoted");
  CHECK(peer_of(m2, "http://a")["score"] == -10);
}

TEST_CASE("node machine: a verification that never ends expires as its peer's failure", "[node][machine]") {
  auto [m, actions] = started({{"checkTimeoutMs", 5000}});
  auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 10, {{"bestChain", chain_abc()}}))), "verify");
  CHECK(of(must(m.handle(tick(5009))), "fetch").empty());
  Json out = must(m.handle(tick(5010)));
  CHECK(peer_of(m, "http://a")["lastError"] == "unreadable_block:timeout");
  CHECK(peer_of(m, "http://a")["lies"] == 0);
  REQUIRE(of(out, "fetch").size() == 1);
  CHECK(of(out, "fetch")[0]["peerId"] == "http://b");
  CHECK(must(m.handle(verified(v[0]["id"], 6000, verdict_for(chain_abc())))) == Json::array());
  CHECK_FALSE(m.tip());
}

TEST_CASE("node machine: server peers are asked before webnode peers, whatever the list order", "[node][machine][peers]") {
  Json peers = {{{"id", "w1"}, {"kind", "webnode"}}, "http://s", {{"id", "w0"}, {"kind", "webnode"}}};
  auto [m, actions] = started({{"peers", peers}});
  auto f = of(actions, "fetch");
  REQUIRE(f.size() == 1);
  CHECK(f[0]["peerId"] == "http://s");
  // The server peer lies: the next is a webnode peer, by id.
  auto v = of(must(m.handle(answer(f[0]["id"], 1, {{"networkID", "mina:devnet"}, {"bestChain", chain_abc()}}))), "fetch");
  REQUIRE(v.size() == 1);
  CHECK(v[0]["peerId"] == "w0");
  CHECK(peer_of(m, "w0")["kind"] == "webnode");
}

TEST_CASE("node machine: a stored tip is shown at once; a new chain replaces it only through fork choice", "[node][machine][forkchoice]") {
  Json window = verdict_for(Json::array({chain_abc()[0], chain_abc()[1]}))["hashes"];
  auto [m, actions] = started(Json::object(), stored_record(window));
  CHECK(emitted(actions, "tipChanged") == std::vector<Json>{{{"stateHash", "3Nb"}, {"height", 11}, {"source", "storage"}}});
  CHECK(actions[0]["type"] == "emit");  // before any request
  CHECK(m.tip_json()["source"] == "storage");
  auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", chain_abc()}}))), "verify");
  auto select = of(must(m.handle(verified(v[0]["id"], 2, verdict_for(chain_abc())))), "select");
  CHECK(m.tip()->state_hash == "3Nb");
  REQUIRE(select.size() == 1);
  CHECK(select[0]["tip"] == chain_abc()[1]);
  CHECK(select[0]["candidate"] == chain_abc()[2]);
  Json kept = must(m.handle(Json{{"type", "selected"}, {"id", select[0]["id"]}, {"now", 3}, {"take", false}, {"rule", "short_range_vrf"}}));
  CHECK(emitted(kept, "tipChanged").empty());
  CHECK(emitted(kept, "syncProgress").at(0)["phase"] == "kept");
  CHECK(m.tip()->state_hash == "3Nb");
}

TEST_CASE("node machine: fork choice taken extends the window to k; a record of another network is ignored", "[node][machine][forkchoice]") {
  Json window = verdict_for(Json::array({chain_abc()[0], chain_abc()[1]}))["hashes"];
  auto [m, actions] = started({{"k", 3}}, stored_record(window));
  Json next = Json::array({block("3Nc", "3Nb", 12), block("3Nd", "3Nc", 13)});
  auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", next}}))), "verify");
  auto select = of(must(m.handle(verified(v[0]["id"], 2, verdict_for(next)))), "select");
  REQUIRE(select.size() == 1);
  Json out = must(m.handle(Json{{"type", "selected"}, {"id", select[0]["id"]}, {"now", 3}, {"take", true}, {"rule", "short_range_length"}}));
  CHECK(m.tip()->state_hash == "3Nd");
  Json hashes = Json::array();
  for (const Json& w : m.window()) hashes.push_back(w["stateHash"]);
  CHECK(hashes == Json::array({"3Nb", "3Nc", "3Nd"}));  // joined, cut to k
  CHECK(of(out, "persist").size() == 1);
  CHECK(emitted(out, "tipChanged").at(0)["rule"] == "short_range_length");

  Json other = stored_record(window);
  other["network"] = "devnet";
  auto [m2, a2] = started(Json::object(), other);
  CHECK_FALSE(m2.tip());
  CHECK(emitted(a2, "tipChanged").empty());
}

TEST_CASE("node machine: the tip moving during fork choice asks again against the new tip", "[node][machine][forkchoice]") {
  Json window = verdict_for(Json::array({chain_abc()[0], chain_abc()[1]}))["hashes"];
  auto [m, actions] = started({{"fanout", 2}}, stored_record(window));
  auto f = of(actions, "fetch");
  REQUIRE(f.size() == 2);
  Json c1 = Json::array({block("3Nc", "3Nb", 12)});
  Json c2 = Json::array({block("3Ny", "3Nb", 12)});
  auto v1 = of(must(m.handle(answer(f[0]["id"], 1, {{"bestChain", c1}}))), "verify");
  auto v2 = of(must(m.handle(answer(f[1]["id"], 1, {{"bestChain", c2}}))), "verify");
  auto s1 = of(must(m.handle(verified(v1[0]["id"], 2, verdict_for(c1)))), "select");
  auto s2 = of(must(m.handle(verified(v2[0]["id"], 2, verdict_for(c2)))), "select");
  must(m.handle(Json{{"type", "selected"}, {"id", s1[0]["id"]}, {"now", 3}, {"take", true}, {"rule", "r"}}));
  CHECK(m.tip()->state_hash == "3Nc");
  Json out = must(m.handle(Json{{"type", "selected"}, {"id", s2[0]["id"]}, {"now", 4}, {"take", true}, {"rule", "r"}}));
  CHECK(m.tip()->state_hash == "3Nc");  // decided against the old tip: not taken
  auto again = of(out, "select");
  REQUIRE(again.size() == 1);
  CHECK(again[0]["tip"] == c1[0]);
  CHECK(again[0]["candidate"] == c2[0]);
  // A fork choice that fails changes nothing.
  Json failed = must(m.handle(Json{{"type", "selected"}, {"id", again[0]["id"]}, {"now", 5}, {"error", {{"code", "timeout"}}}}));
  CHECK(emitted(failed, "syncProgress").at(0)["phase"] == "select_failed");
  CHECK(m.tip()->state_hash == "3Nc");
}

TEST_CASE("node machine: identical chains share one verification; different chains claiming one hash do not", "[node][machine]") {
  auto [m, actions] = started({{"fanout", 2}});
  auto f = of(actions, "fetch");
  REQUIRE(f.size() == 2);
  auto va = of(must(m.handle(answer(f[0]["id"], 1, {{"bestChain", chain_abc()}}))), "verify");
  auto vb = of(must(m.handle(answer(f[1]["id"], 2, {{"bestChain", chain_abc()}}))), "verify");
  CHECK(va.size() == 1);
  CHECK(vb.empty());
  must(m.handle(verified(va[0]["id"], 3, verdict_for(chain_abc()))));
  CHECK(peer_of(m, "http://b")["status"] == "good");

  auto [m2, a2] = started({{"fanout", 2}});
  auto g = of(a2, "fetch");
  Json forged = chain_abc();
  forged[2]["protocolState"]["consensusState"]["blockchainLength"] = "99";
  CHECK(of(must(m2.handle(answer(g[0]["id"], 1, {{"bestChain", chain_abc()}}))), "verify").size() == 1);
  CHECK(of(must(m2.handle(answer(g[1]["id"], 1, {{"bestChain", forged}}))), "verify").size() == 1);
}

TEST_CASE("node machine: a chain fork choice kept is not verified again; no round while fork choice runs", "[node][machine][forkchoice]") {
  auto [m, actions] = started({{"pollIntervalMs", 100}}, stored_record(Json::array()));
  auto v = of(must(m.handle(answer(of(actions, "fetch")[0]["id"], 1, {{"bestChain", chain_abc()}}))), "verify");
  auto select = of(must(m.handle(verified(v[0]["id"], 2, verdict_for(chain_abc())))), "select");
  CHECK(of(must(m.handle(tick(500))), "fetch").empty());  // fork choice pending
  must(m.handle(Json{{"type", "selected"}, {"id", select[0]["id"]}, {"now", 501}, {"take", false}, {"rule", "short_range_vrf"}}));
  auto again = of(must(m.handle(tick(502))), "fetch");
  REQUIRE(again.size() == 1);
  Json out = must(m.handle(answer(again[0]["id"], 510, {{"bestChain", chain_abc()}})));
  CHECK(of(out, "verify").empty());
  CHECK(m.tip()->state_hash == "3Nb");
}

TEST_CASE("node machine: the kept-chains memo holds 16 chains, then forgets the oldest", "[node][machine][bounds]") {
  Started s = started({{"pollIntervalMs", 0}, {"peers", {"http://a"}}}, stored_record(Json::array()));
  NodeMachine& m = s.m;  // (clang 14 lambdas cannot capture structured bindings)
  Json fetch = of(s.loaded, "fetch")[0];
  auto keep = [&](const Json& chain, double now) {
    auto v = of(must(m.handle(answer(fetch["id"], now, {{"bestChain", chain}}))), "verify");
    if (!v.empty()) {
      auto sel = of(must(m.handle(verified(v[0]["id"], now, verdict_for(chain)))), "select");
      must(m.handle(Json{{"type", "selected"}, {"id", sel.at(0)["id"]}, {"now", now}, {"take", false}, {"rule", "r"}}));
    }
    fetch = of(must(m.handle(tick(now))), "fetch").at(0);
    return !v.empty();
  };
  auto fork = [](int i) { return Json::array({block("3Nf" + std::to_string(i), "3Na", 11)}); };
  for (int i = 0; i < 17; i++) REQUIRE(keep(fork(i), i + 1));
  CHECK(keep(fork(16), 100) == false);  // remembered
  CHECK(keep(fork(0), 101) == true);    // forgotten: verified again
}

TEST_CASE("node machine: a ban runs out on tick and the peer comes back demoted", "[node][machine][peers]") {
  auto [m, actions] = started({{"peers", {"http://x"}}, {"banMs", 100}});
  must(m.handle(answer(of(actions, "fetch")[0]["id"], 0, {{"networkID", "mina:devnet"}})));
  CHECK(peer_of(m, "http://x")["status"] == "banned");
  CHECK(emitted(must(m.handle(tick(50))), "peerState").empty());
  CHECK(peer_of(m, "http://x")["status"] == "banned");
  Json out = must(m.handle(tick(100)));
  CHECK(emitted(out, "peerState").size() == 1);
  CHECK(peer_of(m, "http://x")["status"] == "demoted");
}

TEST_CASE("node machine: persist then loaded restores tip, window, scores and bans", "[node][machine][storage]") {
  auto [m, actions] = started({{"fanout", 2}});
  auto f = of(actions, "fetch");
  // b lies, a gives a chain that verifies.
  must(m.handle(answer(f[1]["id"], 1, {{"networkID", "mina:devnet"}})));
  auto v = of(must(m.handle(answer(f[0]["id"], 30, {{"bestChain", chain_abc()}}))), "verify");
  Json out = must(m.handle(verified(v[0]["id"], 40, verdict_for(chain_abc()))));
  Json record = of(out, "persist").at(0)["record"];
  CHECK(record == m.record());
  // Through text, as storage keeps it.
  Json restored = Json::parse(record.dump());
  auto [m2, a2] = started({{"fanout", 2}}, restored);
  CHECK(emitted(a2, "tipChanged") == std::vector<Json>{{{"stateHash", "3Nc"}, {"height", 12}, {"source", "storage"}}});
  CHECK(m2.tip()->block == chain_abc()[2]);
  CHECK(m2.window_json() == m.window_json());
  CHECK(peer_of(m2, "http://a") == peer_of(m, "http://a"));
  CHECK(peer_of(m2, "http://b")["status"] == "banned");
  auto asked = of(a2, "fetch");
  REQUIRE(asked.size() == 1);  // b still banned
  CHECK(asked[0]["peerId"] == "http://a");
  // A record of another version is ignored.
  restored["version"] = 2;
  auto [m3, a3] = started(Json::object(), restored);
  CHECK_FALSE(m3.tip());
  // A failed write is reported to the app.
  Json err = must(m2.handle(Json{{"type", "persisted"}, {"now", 50}, {"error", {{"code", "quota_exceeded"}, {"message", "full"}}}}));
  CHECK(emitted(err, "storageError") == std::vector<Json>{{{"code", "quota_exceeded"}, {"message", "full"}}});
  CHECK(must(m2.handle(Json{{"type", "persisted"}, {"now", 51}})) == Json::array());
}

TEST_CASE("node machine: inflight lists what waits; schedule_poll starts the next round early", "[node][machine]") {
  auto [m, actions] = started({{"pollIntervalMs", 60000}});
  Json f = of(actions, "fetch").at(0);
  CHECK(m.inflight_json() == Json::array({{{"id", f["id"]}, {"purpose", "bestChain"}, {"peerId", "http://a"}, {"deadline", 1000}}}));
  must(m.handle(answer(f["id"], 5, {{"bestChain", chain_abc()}})));
  CHECK(m.inflight_json().at(0)["purpose"] == "verify");
  CHECK(of(must(m.handle(tick(10))), "fetch").empty());
  m.schedule_poll(0);
  CHECK(of(must(m.handle(tick(11))), "fetch").empty());  // a verification is still running
  must(m.handle(verified(m.inflight_json().at(0)["id"], 12, verdict_for(chain_abc()))));
  CHECK(m.inflight_json().empty());
  auto round = of(must(m.handle(tick(13))), "fetch");  // the held-back round starts now
  REQUIRE(round.size() == 1);
  must(m.handle(answer(round[0]["id"], 14, {{"bestChain", chain_abc()}})));  // agrees with the tip
  CHECK(of(must(m.handle(tick(15))), "fetch").empty());  // next poll at 13 + 60000
  m.schedule_poll(16);
  CHECK(of(must(m.handle(tick(15.5))), "fetch").empty());
  CHECK(of(must(m.handle(tick(16))), "fetch").size() == 1);
}
