// The light node's core: a deterministic state machine. It does no I/O and reads no clock:
// handle(event) takes an event (event.hpp, with the time in `now`) and returns the actions the
// driver (js/lightnode/node.mjs) must perform; the driver feeds their outcomes back as events.
// Replaying the same events gives the same actions.
//
// Actions (JSON objects):
//   {type:'load'}                                    read the stored record, answer `loaded`
//   {type:'fetch', id, peerId, request, timeoutMs}   request: {kind:'bestChain', maxLength} |
//                                                    {kind:'account', publicKey, token} |
//                                                    {kind:'accountSubtree', firstIndex, height};
//                                                    → `answer`
//   {type:'verify', id, peerId, blocks}              verify the last block's proof, compute every
//                                                    block's hash; → `verified`
//   {type:'select', id, tip, candidate}              Mina's fork choice; → `selected`
//   {type:'verifyAccount', id, account, ledgerHash, stateHash}   → `accountVerified`
//   {type:'verifyAccountSubtree', id, subtree, ledgerHash, stateHash}   → `accountVerified`
//   {type:'persist', record}                         write record(); → `persisted`
//   {type:'emit', event, data}                       tell the app: tipChanged, peerState,
//                                                    syncProgress, accountResult, storageError
//
// What it guarantees: the tip only ever changes to a block whose proof verified on this node's
// network (the verifier's verdict, with the state hash it computed), whose claimed hash is that
// computed hash, whose window links hash by hash, and only when fork choice prefers it to the
// current tip (or there is none). A tip restored from storage is trusted as far as the store's
// checksums (it was verified before it was written). Any peer whose chain fails those checks is
// banned (peer.hpp).
//
// Memory is bounded: the window holds k entries, the memo of chains fork choice kept 16, and at
// most kMaxAccountReads account reads run at once (more are refused `busy`); the other requests
// are at most fanout fetches and their verifications and one fork choice each.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.hpp"
#include "node/event.hpp"
#include "node/json_value.hpp"
#include "node/options.hpp"
#include "node/peer.hpp"

namespace mina::node {

inline constexpr int kRecordVersion = 1;
inline constexpr size_t kJudgedMemo = 16;
inline constexpr size_t kMaxAccountReads = 32;

struct Tip {
  std::string state_hash;
  Json height;   // a number, or null when unknown
  Json block;    // the GraphQL block (fork choice needs it after a restart)
  std::string source;  // "network" | "storage"
};

class NodeMachine {
 public:
  static Result<NodeMachine> create(const Json& options);

  // Actions for one event (a JSON array). A malformed event changes nothing and is refused.
  Result<Json> handle(const Json& event);
  Result<Json> handle_text(std::string_view event_text);

  const std::optional<Tip>& tip() const { return tip_; }
  const std::vector<Json>& window() const { return window_; }
  const std::vector<Peer>& peers() const { return peers_; }
  const MachineOptions& options() const { return options_; }

  Json tip_json() const;     // {stateHash, height, block, source} or null
  Json window_json() const;  // [{stateHash, previousStateHash, height}] oldest first
  Json peer_list() const;    // peer records, in the app's order
  // Requests waiting for their outcome, in the order sent: [{id, purpose, peerId?, deadline}]
  // (purpose: bestChain, account, verify, select, checkAccount).
  Json inflight_json() const;
  // Moves the next sync round to the first tick at or after `at` (ms): the app's "sync now". A
  // round still starts only when no chain is being fetched, verified or compared.
  void schedule_poll(double at) { next_poll_at_ = at; }
  // What storage keeps: {version, network, tip: {stateHash, height, block} | absent, window, peers}.
  Json record() const;

 private:
  struct Request;
  struct AccountRead;
  using Out = Json;  // the action array being built

  explicit NodeMachine(MachineOptions options);

  void on_start(const Event& e, Out& out);
  void on_loaded(const Event& e, Out& out);
  void on_tick(const Event& e, Out& out);
  void on_answer(const Event& e, Out& out);
  void on_verified(const Event& e, Out& out);
  void on_selected(const Event& e, Out& out);
  void on_get_account(const Event& e, Out& out);
  void on_get_account_subtree(const Event& e, Out& out);
  bool begin_read(const Event& e, Out& out, std::shared_ptr<AccountRead>& read);
  static std::string wrong_answer(const AccountRead& read, const Json& answer);
  void on_account_verified(const Event& e, Out& out);
  void on_persisted(const Event& e, Out& out);

  // Outcomes of requests, shared by their events and by expiry on tick.
  void best_chain_answered(Request req, double now, const Json* error, const Json& data, Out& out);
  void account_answered(Request req, double now, const Json* error, const Json& data, Out& out);
  void chain_verified(Request req, double now, const Json* error, const Json& verdict, Out& out);
  void fork_chosen(Request req, double now, const Json* error, bool take, const Json& rule, Out& out);
  void account_checked(Request req, double now, const Json* error, bool valid, const Json& reason, Out& out);

  void start_round(Out& out, double now);
  bool ask_next(Out& out, double now);
  void ask_account(Out& out, const std::shared_ptr<AccountRead>& read, double now);
  void ask_fork_choice(Out& out, Request req, double now);
  void adopt(Out& out, const Request& req, const Json& rule);
  void remember_kept(const std::string& text);

  Peer* find_peer(const std::string& id);
  void update_peer(Out& out, Peer next);
  void fail(Out& out, const std::string& peer_id, const std::string& reason);
  void lie(Out& out, const std::string& peer_id, const std::string& reason, double now);
  void succeed(Out& out, const std::string& peer_id, double latency_ms);
  void emit(Out& out, const char* event, Json data);
  void progress(Out& out, const char* phase, Json extra = Json::object());
  std::string next_id(char prefix);

  std::optional<Request> take_request(const std::string& id);
  size_t account_reads() const;

  MachineOptions options_;
  std::vector<Peer> peers_;
  std::optional<Tip> tip_;
  std::vector<Json> window_;
  std::vector<std::pair<std::string, std::shared_ptr<Request>>> inflight_;  // in the order sent
  std::optional<std::vector<std::string>> round_;  // peers asked this round
  std::deque<std::string> judged_;  // chains (as text) fork choice kept, oldest first
  double next_poll_at_ = 0;
  bool started_ = false;
  uint64_t next_id_ = 1;
};

}  // namespace mina::node
