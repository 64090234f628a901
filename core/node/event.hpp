// The machine's input, checked before it touches any state. An event is a JSON object:
//   {type:'start', now}                               {type:'getAccount', id, now, publicKey, token?}
//   {type:'loaded', now, record|null}                 {type:'accountVerified', id, now, valid, reason?, error?}
//   {type:'tick', now}                                {type:'persisted', now, error?}
//   {type:'answer', id, now, data | error}            {type:'getAccountSubtree', id, now, firstIndex, height}
//   {type:'verified', id, now, verdict | error}
//   {type:'selected', id, now, take, rule | error}   (take and valid are read as JS truthiness)
// `now` is the driver's clock in ms (the machine reads no clock). `error` is {code, message}.
// A malformed event is the driver's bug, not a peer's: it is refused whole with kInvalidArgument
// (kMalformedJson / kLimitExceeded for text that is not JSON or nests too deep), and the machine's
// state is left as it was.
#pragma once

#include <string>
#include <string_view>

#include "base/error.hpp"
#include "node/json_value.hpp"

namespace mina::node {

enum class EventType { kStart, kLoaded, kTick, kAnswer, kVerified, kSelected, kGetAccount, kAccountVerified, kPersisted,
                       kGetAccountSubtree };

// A wide read covers 2^height ledger slots (core/ledger kMaxSubtreeAccounts = 2^12) of Mina's
// depth-35 ledger.
inline constexpr int kMaxSubtreeHeight = 12;
inline constexpr int kLedgerDepth = 35;

struct Event {
  EventType type;
  double now;
  std::string id;       // answer, verified, selected, getAccount, accountVerified
  const Json* error;    // the event's error object, or nullptr
  const Json* body;     // the whole event (payload members are read from it)
};

inline constexpr size_t kMaxEventBytes = 64u << 20;
inline constexpr int kMaxJsonDepth = 256;

// Parses event (or options) text: kMalformedJson, or kLimitExceeded above the size/depth bounds
// (nlohmann's parser recurses, so depth is checked before it runs).
Result<Json> parse_json_text(std::string_view text);

// Checks `j`'s shape for its type; the Event points into `j`, which must outlive it.
Result<Event> read_event(const Json& j);

}  // namespace mina::node
