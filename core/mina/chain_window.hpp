// A bounded window of recent blocks (at most `capacity`, normally k = 290) with the best tip
// chosen by chain selection, and a verdict for each incoming block:
//
//   extends_best  its parent is the best tip: it becomes the best tip
//   reorg         its parent is in the window but not the tip, and selection prefers it: the
//                 best tip switches to it (a fork that wins)
//   fork          its parent is in the window, selection keeps the current tip
//   behind        its parent is unknown and it is no higher than the lowest block held: too
//                 old to matter
//   duplicate     its state hash is already held
//   unlinked      its parent is unknown and it is above the window's floor (ancestors missing:
//                 the caller fetches them or asks for a transition chain proof)
//   invalid       its parent is known but its length is not the parent's plus one
//
// The first block added becomes the best tip (extends_best). The window only judges linkage
// and selection; verifying a block's proof is the caller's job before add().
#pragma once

#include <cstddef>
#include <map>
#include <optional>

#include "mina/consensus.hpp"
#include "mina/protocol_state.hpp"
#include "mina/state_hash.hpp"

namespace mina {

enum class WindowVerdict : uint8_t { kExtendsBest, kReorg, kFork, kBehind, kDuplicate, kUnlinked, kInvalid };
const char* window_verdict_name(WindowVerdict v);

struct WindowOutcome {
  WindowVerdict verdict;
  StateHash hash;
  std::optional<Selection> selection;  // for reorg / fork
};

class ChainWindow {
 public:
  ChainWindow(size_t capacity, SelectionConstants constants) : capacity_(capacity ? capacity : 1), constants_(constants) {}

  WindowOutcome add(const ProtocolState& state);
  // For callers that already hashed the state (e.g. after verifying its proof).
  WindowOutcome add(const ProtocolState& state, const StateHash& hash);

  size_t size() const { return blocks_.size(); }
  bool contains(const StateHash& h) const { return blocks_.count(key(h)) != 0; }
  std::optional<StateHash> best_hash() const { return best_; }
  const ProtocolState* best() const;
  uint32_t best_length() const;

 private:
  using Key = std::array<uint8_t, 32>;
  static Key key(const StateHash& h) { return h.to_bytes_le(); }
  void insert(const ProtocolState& state, const StateHash& hash);
  void evict();

  size_t capacity_;
  SelectionConstants constants_;
  std::map<Key, ProtocolState> blocks_;
  std::optional<StateHash> best_;
};

}  // namespace mina
