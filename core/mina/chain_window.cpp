#include "mina/chain_window.hpp"

#include <limits>

namespace mina {

const char* window_verdict_name(WindowVerdict v) {
  switch (v) {
    case WindowVerdict::kExtendsBest: return "extends_best";
    case WindowVerdict::kReorg: return "reorg";
    case WindowVerdict::kFork: return "fork";
    case WindowVerdict::kBehind: return "behind";
    case WindowVerdict::kDuplicate: return "duplicate";
    case WindowVerdict::kUnlinked: return "unlinked";
    case WindowVerdict::kInvalid: return "invalid";
  }
  return "unknown";
}

const ProtocolState* ChainWindow::best() const {
  if (!best_) return nullptr;
  auto it = blocks_.find(key(*best_));
  return it == blocks_.end() ? nullptr : &it->second;
}

uint32_t ChainWindow::best_length() const {
  const ProtocolState* b = best();
  return b ? b->body.consensus_state.blockchain_length : 0;
}

WindowOutcome ChainWindow::add(const ProtocolState& state) { return add(state, state_hash(state)); }

WindowOutcome ChainWindow::add(const ProtocolState& state, const StateHash& hash) {
  if (contains(hash)) return {WindowVerdict::kDuplicate, hash, std::nullopt};
  const uint32_t length = state.body.consensus_state.blockchain_length;
  if (!best_) {
    best_ = hash;
    insert(state, hash);
    return {WindowVerdict::kExtendsBest, hash, std::nullopt};
  }
  auto parent = blocks_.find(key(state.previous_state_hash));
  if (parent == blocks_.end()) {
    uint32_t floor = std::numeric_limits<uint32_t>::max();
    for (const auto& [k, s] : blocks_) floor = std::min(floor, s.body.consensus_state.blockchain_length);
    return {length <= floor ? WindowVerdict::kBehind : WindowVerdict::kUnlinked, hash, std::nullopt};
  }
  if (length != parent->second.body.consensus_state.blockchain_length + 1)
    return {WindowVerdict::kInvalid, hash, std::nullopt};
  if (state.previous_state_hash == *best_) {
    best_ = hash;
    insert(state, hash);
    return {WindowVerdict::kExtendsBest, hash, std::nullopt};
  }
  const ProtocolState& tip = *best();
  Selection s = select_chain(constants_, {tip.body.consensus_state, *best_}, {state.body.consensus_state, hash});
  if (s.take) best_ = hash;
  insert(state, hash);
  return {s.take ? WindowVerdict::kReorg : WindowVerdict::kFork, hash, s};
}

void ChainWindow::insert(const ProtocolState& state, const StateHash& hash) {
  blocks_.emplace(key(hash), state);
  evict();
}

// Drops the lowest blocks (never the best tip) until the window fits.
void ChainWindow::evict() {
  while (blocks_.size() > capacity_) {
    auto lowest = blocks_.end();
    for (auto it = blocks_.begin(); it != blocks_.end(); ++it) {
      if (best_ && it->first == key(*best_)) continue;
      if (lowest == blocks_.end() ||
          it->second.body.consensus_state.blockchain_length < lowest->second.body.consensus_state.blockchain_length)
        lowest = it;
    }
    if (lowest == blocks_.end()) return;
    blocks_.erase(lowest);
  }
}

}  // namespace mina
