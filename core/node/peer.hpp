// The peer model: who the node asks, how each peer has behaved, whom it no longer asks. Pure
// values and functions, no clock: callers pass `now` in ms, so the machine stays deterministic.
//
// Two kinds: server (a Mina daemon's GraphQL endpoint, or a server peer speaking the same subset)
// and webnode (another browser). Server peers are asked first: they answer fast and from a full
// node's view of the chain.
//
// Scoring: a peer starts at 0. An answer that checks out earns +1 and updates the latency
// average; a failure (timeout, HTTP error, malformed answer) costs 5, and two in a row demote the
// peer (asked only when no one better is left) until it answers again. A lie (a block whose proof
// does not verify, a claimed hash that is not its state's, another network, a Merkle path that
// misses the verified ledger hash) bans the peer for banMs (default a day): it proved dishonest or
// on another chain, and asking again only wastes verification time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "node/json_value.hpp"

namespace mina::node {

enum class PeerKind { kServer, kWebnode };
enum class PeerStatus { kUnknown, kGood, kDemoted, kBanned };

inline constexpr double kDefaultBanMs = 24.0 * 3600 * 1000;

const char* peer_kind_name(PeerKind k);
const char* peer_status_name(PeerStatus s);

struct Peer {
  std::string id;
  std::optional<std::string> url;
  PeerKind kind = PeerKind::kServer;
  PeerStatus status = PeerStatus::kUnknown;
  double score = 0;
  std::optional<double> latency_ms;
  double successes = 0;
  double failures = 0;
  double consecutive_failures = 0;  // not stored: a restart forgives a streak
  double lies = 0;
  std::optional<std::string> last_error;
  double banned_until = 0;
};

// A peer from the app's description: a URL string (a server peer) or {url, kind, id}.
// kInvalidArgument for an unknown kind or neither id nor url.
Result<Peer> make_peer(const Json& spec);

Peer record_success(Peer p, double latency_ms);
Peer record_failure(Peer p, const std::string& reason);
Peer record_lie(Peer p, const std::string& reason, double now, double ban_ms);
bool is_banned(const Peer& p, double now);
// A ban that has run out: the peer may be asked again, demoted (not trusted more than before).
Peer lift_expired_ban(Peer p, double now);

// The order in which to ask: banned peers left out; server before webnode; not demoted before
// demoted (a ban that ran out counts as demoted); higher score; lower latency; then the id, so
// the order never depends on chance.
std::vector<const Peer*> rank_peers(const std::vector<Peer>& peers, double now);

// What is stored between runs and shown to the app (plain JSON; absent values are left out).
Json peer_record(const Peer& p);
// A stored record's scores and ban laid over `configured` (the app's list decides who is a peer,
// its url and kind). Values of the wrong type and unknown statuses are ignored.
Peer peer_with_record(const Peer& configured, const Json& record);

}  // namespace mina::node
