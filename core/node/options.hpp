// The machine's options, read from the JSON the app gives createNodeMachine:
//   {network, networkId?, peers: [url | {url, kind, id}], k, fanout, requestTimeoutMs,
//    checkTimeoutMs, pollIntervalMs, banMs}
// Absent (or null) values take the defaults below. mainnet and devnet know their network id
// (what a peer's `networkID` must say); any other network name needs an explicit networkId.
#pragma once

#include <string>
#include <vector>

#include "base/error.hpp"
#include "node/json_value.hpp"
#include "node/peer.hpp"

namespace mina::node {

struct MachineOptions {
  std::string network;
  std::string network_id;
  std::vector<Peer> peers;   // in the app's order; a repeated id keeps its first place, last spec
  int k = 8;                 // blocks kept in the window (and asked for in bestChain)
  int fanout = 2;            // peers asked at once in a sync round
  double request_timeout_ms = 10'000;
  // Local work (verification, fork choice, account checks) gets longer: a block verifies in ~3 s,
  // but a worker may first need its setup. Past it the check counts as its peer's failure (a block
  // that cannot be verified in time is as useless as no answer) and the next peer is asked.
  double check_timeout_ms = 180'000;
  double poll_interval_ms = 30'000;
  double ban_ms = kDefaultBanMs;
};

inline constexpr int kMaxWindow = 290;  // Mina's k: no chain answer is longer
inline constexpr int kMaxFanout = 64;

// kInvalidArgument for an unknown network without networkId, a bad peer, or a value out of range.
Result<MachineOptions> parse_machine_options(const Json& options);

}  // namespace mina::node
