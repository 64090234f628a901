#include "node/options.hpp"

#include <cmath>

namespace mina::node {
namespace {

const char* known_network_id(const std::string& network) {
  if (network == "mainnet") return "mina:mainnet";
  if (network == "devnet") return "mina:devnet";
  return nullptr;
}

Error bad(const std::string& message) { return Error{ErrorCode::kInvalidArgument, message}; }

// A non-negative number option; absent or null keeps `into`.
Result<bool> read_ms(const Json& options, const char* key, double& into) {
  const Json* v = member(options, key);
  if (!v || v->is_null()) return false;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < 0)
    return bad(std::string(key) + " must be a non-negative number");
  into = v->get<double>();
  return true;
}

Result<bool> read_count(const Json& options, const char* key, int lo, int hi, int& into) {
  const Json* v = member(options, key);
  if (!v || v->is_null()) return false;
  double d = v->is_number() ? v->get<double>() : NAN;
  if (!(d >= lo && d <= hi) || d != std::floor(d))
    return bad(std::string(key) + " must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  into = static_cast<int>(d);
  return true;
}

Result<bool> read_peers(const Json& options, std::vector<Peer>& into) {
  const Json* list = member(options, "peers");
  if (!list || list->is_null()) return false;
  if (!list->is_array()) return bad("peers must be an array");
  for (const Json& spec : *list) {
    MINA_TRY(peer, make_peer(spec));
    bool replaced = false;
    for (Peer& p : into)
      if (p.id == peer.id) p = peer, replaced = true;
    if (!replaced) into.push_back(std::move(peer));
  }
  return true;
}

}  // namespace

Result<MachineOptions> parse_machine_options(const Json& options) {
  if (!options.is_object()) return bad("machine options must be an object");
  MachineOptions o;
  auto network = string_member(options, "network");
  if (!network || network->empty()) return bad("options.network must be a network name");
  o.network = *network;
  auto explicit_id = string_member(options, "networkId");
  if (const Json* v = member(options, "networkId"); v && !v->is_null() && !explicit_id)
    return bad("networkId must be a string");
  const char* known = known_network_id(o.network);
  if (known && explicit_id && *explicit_id != known)
    return bad("network " + o.network + " has network id " + known + ", not " + *explicit_id);
  if (!known && (!explicit_id || explicit_id->empty()))
    return bad("unknown network " + o.network + " (mainnet, devnet, or give networkId)");
  o.network_id = known ? known : *explicit_id;
  MINA_TRY(p, read_peers(options, o.peers));
  MINA_TRY(k, read_count(options, "k", 1, kMaxWindow, o.k));
  MINA_TRY(f, read_count(options, "fanout", 0, kMaxFanout, o.fanout));
  MINA_TRY(r, read_ms(options, "requestTimeoutMs", o.request_timeout_ms));
  MINA_TRY(c, read_ms(options, "checkTimeoutMs", o.check_timeout_ms));
  MINA_TRY(q, read_ms(options, "pollIntervalMs", o.poll_interval_ms));
  MINA_TRY(b, read_ms(options, "banMs", o.ban_ms));
  (void)p, (void)k, (void)f, (void)r, (void)c, (void)q, (void)b;
  return o;
}

}  // namespace mina::node
