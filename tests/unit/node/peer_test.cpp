// The peer model alone: scoring, demotion, bans that run out, the ranking, stored records.
#include <catch2/catch.hpp>

#include "node/peer.hpp"

using namespace mina;
using namespace mina::node;

namespace {

Peer peer(const Json& spec) {
  auto p = make_peer(spec);
  REQUIRE(p.ok());
  return *p;
}

std::vector<std::string> ids(const std::vector<Peer>& peers, double now) {
  std::vector<std::string> r;
  for (const Peer* p : rank_peers(peers, now)) r.push_back(p->id);
  return r;
}

}  // namespace

TEST_CASE("peers: server before webnode, demoted after good, banned left out until the ban ends", "[node][peers]") {
  std::vector<Peer> peers = {peer({{"id", "w"}, {"kind", "webnode"}}), peer("http://s1"), peer("http://s2"), peer("http://s3")};
  CHECK(ids(peers, 0) == std::vector<std::string>{"http://s1", "http://s2", "http://s3", "w"});
  peers[1] = record_failure(record_failure(peers[1], "timeout"), "timeout");
  CHECK(peers[1].status == PeerStatus::kDemoted);
  CHECK(peers[1].score == -10);
  peers[2] = record_lie(peers[2], "invalid_block:proof", 0, 1000);
  CHECK(ids(peers, 10) == std::vector<std::string>{"http://s3", "http://s1", "w"});
  // Once the ban has run out the peer ranks as demoted (score 0 beats s1's two failures).
  CHECK(ids(peers, 1000) == std::vector<std::string>{"http://s3", "http://s2", "http://s1", "w"});
  CHECK(lift_expired_ban(peers[2], 999).status == PeerStatus::kBanned);
  CHECK(lift_expired_ban(peers[2], 1000).status == PeerStatus::kDemoted);
}

TEST_CASE("peers: score, then latency, then id order peers of one kind and status", "[node][peers]") {
  std::vector<Peer> peers = {peer("http://c"), peer("http://b"), peer("http://a")};
  CHECK(ids(peers, 0) == std::vector<std::string>{"http://a", "http://b", "http://c"});
  peers[0] = record_success(peers[0], 300);
  peers[1] = record_success(peers[1], 100);
  CHECK(ids(peers, 0) == std::vector<std::string>{"http://b", "http://c", "http://a"});
  peers[0] = record_success(peers[0], 100);
  CHECK(peers[0].latency_ms == Approx(300 * 0.7 + 100 * 0.3));
  CHECK(ids(peers, 0) == std::vector<std::string>{"http://c", "http://b", "http://a"});
  // A success ends a failure streak: one more failure does not demote.
  Peer p = record_success(record_failure(peer("http://d"), "x"), 5);
  CHECK(record_failure(p, "x").status == PeerStatus::kGood);
  // A ban is not lifted by a failure.
  CHECK(record_failure(record_failure(record_lie(p, "lie", 0, 10), "x"), "x").status == PeerStatus::kBanned);
}

TEST_CASE("peers: records round-trip scores and bans; unknown statuses reset; bad specs refused", "[node][peers]") {
  Peer p = record_lie(record_success(peer("http://a"), 12), "wrong_network", 1000, 500);
  Json rec = Json::parse(peer_record(p).dump());
  CHECK(rec == Json{{"id", "http://a"}, {"url", "http://a"}, {"kind", "server"}, {"status", "banned"}, {"score", 1},
                    {"latencyMs", 12}, {"successes", 1}, {"failures", 0}, {"lies", 1}, {"lastError", "wrong_network"},
                    {"bannedUntil", 1500}});
  Peer back = peer_with_record(peer("http://a"), rec);
  CHECK(peer_record(back) == peer_record(p));
  CHECK(peer_with_record(peer("http://x"), {{"id", "http://x"}, {"status", "trusted-forever"}}).status == PeerStatus::kUnknown);
  // The configured kind and url win over the stored ones.
  Peer w = peer_with_record(peer({{"id", "w"}, {"kind", "webnode"}}), {{"id", "w"}, {"kind", "server"}, {"url", "http://evil"}});
  CHECK(w.kind == PeerKind::kWebnode);
  CHECK_FALSE(w.url);
  for (Json bad : {Json{{"id", "x"}, {"kind", "satellite"}}, Json::object(), Json(3), Json{{"id", ""}}}) {
    auto r = make_peer(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidArgument);
  }
  CHECK(peer({{"url", "http://u"}}).id == "http://u");
  CHECK(peer({{"url", "http://u"}, {"id", "named"}}).id == "named");
}
