#include "node/peer.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace mina::node {
namespace {

constexpr double kFailurePenalty = 5;
constexpr double kDemoteAfterFailures = 2;
constexpr double kLatencyWeight = 0.3;  // weight of the newest sample in the moving average

std::optional<PeerStatus> parse_status(const std::string& s) {
  for (PeerStatus st : {PeerStatus::kUnknown, PeerStatus::kGood, PeerStatus::kDemoted, PeerStatus::kBanned})
    if (s == peer_status_name(st)) return st;
  return std::nullopt;
}

}  // namespace

const char* peer_kind_name(PeerKind k) { return k == PeerKind::kServer ? "server" : "webnode"; }

const char* peer_status_name(PeerStatus s) {
  switch (s) {
    case PeerStatus::kUnknown: return "unknown";
    case PeerStatus::kGood: return "good";
    case PeerStatus::kDemoted: return "demoted";
    case PeerStatus::kBanned: return "banned";
  }
  return "unknown";
}

Result<Peer> make_peer(const Json& spec) {
  Peer p;
  if (spec.is_string()) {
    p.url = spec.get<std::string>();
    p.id = *p.url;
  } else if (spec.is_object()) {
    p.url = string_member(spec, "url");
    if (const Json* kind = member(spec, "kind"); kind && !kind->is_null()) {
      if (*kind == "server") p.kind = PeerKind::kServer;
      else if (*kind == "webnode") p.kind = PeerKind::kWebnode;
      else return Error{ErrorCode::kInvalidArgument, "unknown peer kind " + kind->dump()};
    }
    p.id = string_member(spec, "id").value_or(p.url.value_or(""));
  } else {
    return Error{ErrorCode::kInvalidArgument, "a peer is a url or {url, kind, id}"};
  }
  if (p.id.empty()) return Error{ErrorCode::kInvalidArgument, "a peer needs a url or an id"};
  return p;
}

Peer record_success(Peer p, double latency_ms) {
  p.latency_ms = p.latency_ms ? *p.latency_ms * (1 - kLatencyWeight) + latency_ms * kLatencyWeight : latency_ms;
  p.status = PeerStatus::kGood;
  p.score += 1;
  p.successes += 1;
  p.consecutive_failures = 0;
  return p;
}

Peer record_failure(Peer p, const std::string& reason) {
  p.consecutive_failures += 1;
  if (p.status != PeerStatus::kBanned && p.consecutive_failures >= kDemoteAfterFailures) p.status = PeerStatus::kDemoted;
  p.score -= kFailurePenalty;
  p.failures += 1;
  p.last_error = reason;
  return p;
}

Peer record_lie(Peer p, const std::string& reason, double now, double ban_ms) {
  p.status = PeerStatus::kBanned;
  p.lies += 1;
  p.last_error = reason;
  p.banned_until = now + ban_ms;
  return p;
}

bool is_banned(const Peer& p, double now) { return p.status == PeerStatus::kBanned && now < p.banned_until; }

Peer lift_expired_ban(Peer p, double now) {
  if (p.status != PeerStatus::kBanned || now < p.banned_until) return p;
  p.status = PeerStatus::kDemoted;
  p.consecutive_failures = 0;
  return p;
}

std::vector<const Peer*> rank_peers(const std::vector<Peer>& peers, double now) {
  std::vector<const Peer*> usable;
  for (const Peer& p : peers)
    if (!is_banned(p, now)) usable.push_back(&p);
  auto key = [](const Peer* p) {
    return std::make_tuple(p->kind == PeerKind::kServer ? 0 : 1,
                           p->status == PeerStatus::kDemoted || p->status == PeerStatus::kBanned ? 1 : 0, -p->score,
                           p->latency_ms.value_or(std::numeric_limits<double>::max()), std::cref(p->id));
  };
  std::stable_sort(usable.begin(), usable.end(), [&](const Peer* a, const Peer* b) { return key(a) < key(b); });
  return usable;
}

Json peer_record(const Peer& p) {
  Json r = Json::object();
  r["id"] = p.id;
  if (p.url) r["url"] = *p.url;
  r["kind"] = peer_kind_name(p.kind);
  r["status"] = peer_status_name(p.status);
  r["score"] = number_json(p.score);
  if (p.latency_ms) r["latencyMs"] = number_json(*p.latency_ms);
  r["successes"] = number_json(p.successes);
  r["failures"] = number_json(p.failures);
  r["lies"] = number_json(p.lies);
  if (p.last_error) r["lastError"] = *p.last_error;
  r["bannedUntil"] = number_json(p.banned_until);
  return r;
}

Peer peer_with_record(const Peer& configured, const Json& record) {
  Peer p;  // fresh scores, the configured identity
  p.id = configured.id;
  p.url = configured.url;
  p.kind = configured.kind;
  if (auto s = string_member(record, "status")) p.status = parse_status(*s).value_or(PeerStatus::kUnknown);
  if (auto v = number_member(record, "score")) p.score = *v;
  if (auto v = number_member(record, "latencyMs")) p.latency_ms = *v;
  if (auto v = number_member(record, "successes")) p.successes = *v;
  if (auto v = number_member(record, "failures")) p.failures = *v;
  if (auto v = number_member(record, "lies")) p.lies = *v;
  if (auto v = string_member(record, "lastError")) p.last_error = *v;
  if (auto v = number_member(record, "bannedUntil")) p.banned_until = *v;
  return p;
}

}  // namespace mina::node
