#include "node/machine.hpp"

#include <algorithm>
#include <exception>

#include "node/chain_check.hpp"

namespace mina::node {
namespace {

enum class Purpose { kBestChain, kAccount, kVerify, kSelect, kCheckAccount };

struct Asker {
  std::string peer_id;
  double latency_ms;
};

Json timeout_error() { return Json{{"code", "timeout"}}; }

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A window entry from a verifier hash: only the three linking fields.
Json window_entry(const Json& hash) {
  Json w = Json::object();
  for (const char* key : {"stateHash", "previousStateHash", "height"})
    if (const Json* v = member(hash, key)) w[key] = *v;
  return w;
}

}  // namespace

// The MINA token's id: what an account read without a token asks for.
constexpr const char* kMinaTokenId = "wSHV2S4qX9jFsLjQo8r1BsMLH2ZRKsZx6EJd1sbozGPieEC4Jf";

struct NodeMachine::AccountRead {
  std::string id;
  Json public_key;
  Json token;
  // A wide read: the aligned subtree of 2^height slots from first_index (public_key unused).
  bool subtree = false;
  Json first_index;
  Json height;
  std::string ledger_hash;
  std::string state_hash;
  std::vector<std::string> asked;
  std::vector<std::string> reasons;
};

struct NodeMachine::Request {
  Purpose purpose = Purpose::kBestChain;
  std::string peer_id;
  double sent_at = 0;
  double deadline = 0;
  double latency_ms = 0;
  // verify and select: the chain as sent (`text` is its identity) and who else sent it
  Json blocks;
  std::string text;
  Json claimed_tip;
  std::vector<Asker> also_from;
  // select: the verified candidate and the tip it is compared with
  std::string candidate_hash;
  Json candidate_height;
  std::vector<Json> candidate_window;
  std::string tip_state_hash;
  // account and checkAccount
  std::shared_ptr<AccountRead> read;
  Json account;

  const Json& candidate_block() const { return blocks.back(); }
};

NodeMachine::NodeMachine(MachineOptions options) : options_(std::move(options)), peers_(options_.peers) {}

Result<NodeMachine> NodeMachine::create(const Json& options) {
  MINA_TRY(parsed, parse_machine_options(options));
  return NodeMachine(std::move(parsed));
}

Result<Json> NodeMachine::handle_text(std::string_view event_text) {
  MINA_TRY(event, parse_json_text(event_text));
  return handle(event);
}

Result<Json> NodeMachine::handle(const Json& event_json) {
  MINA_TRY(e, read_event(event_json));
  Out out = Json::array();
  try {
    switch (e.type) {
      case EventType::kStart: on_start(e, out); break;
      case EventType::kLoaded: on_loaded(e, out); break;
      case EventType::kTick: on_tick(e, out); break;
      case EventType::kAnswer: on_answer(e, out); break;
      case EventType::kVerified: on_verified(e, out); break;
      case EventType::kSelected: on_selected(e, out); break;
      case EventType::kGetAccount: on_get_account(e, out); break;
      case EventType::kAccountVerified: on_account_verified(e, out); break;
      case EventType::kPersisted: on_persisted(e, out); break;
      case EventType::kGetAccountSubtree: on_get_account_subtree(e, out); break;
    }
  } catch (const std::exception& ex) {
    // read_event checked every member the handlers read as a given type; reaching here is a bug.
    return Error{ErrorCode::kMalformedJson, std::string("event could not be applied: ") + ex.what()};
  }
  return out;
}

// ---- snapshots ----

Json NodeMachine::tip_json() const {
  if (!tip_) return nullptr;
  Json t = {{"stateHash", tip_->state_hash}, {"block", tip_->block}, {"source", tip_->source}};
  set_present(t, "height", tip_->height);
  return t;
}

Json NodeMachine::window_json() const { return Json(window_); }

Json NodeMachine::peer_list() const {
  Json list = Json::array();
  for (const Peer& p : peers_) list.push_back(peer_record(p));
  return list;
}

Json NodeMachine::inflight_json() const {
  static constexpr const char* kNames[] = {"bestChain", "account", "verify", "select", "checkAccount"};
  Json list = Json::array();
  for (const auto& [id, req] : inflight_) {
    Json r = {{"id", id}, {"purpose", kNames[static_cast<int>(req->purpose)]}, {"deadline", number_json(req->deadline)}};
    if (req->purpose != Purpose::kSelect) r["peerId"] = req->peer_id;
    list.push_back(std::move(r));
  }
  return list;
}

Json NodeMachine::record() const {
  Json r = {{"version", kRecordVersion}, {"network", options_.network}, {"window", window_json()}, {"peers", peer_list()}};
  if (tip_) {
    Json t = {{"stateHash", tip_->state_hash}, {"block", tip_->block}};
    set_present(t, "height", tip_->height);
    r["tip"] = std::move(t);
  }
  return r;
}

// ---- small pieces ----

std::string NodeMachine::next_id(char prefix) {
  std::string id(1, prefix);
  id += std::to_string(next_id_++);
  return id;
}

void NodeMachine::emit(Out& out, const char* event, Json data) {
  out.push_back({{"type", "emit"}, {"event", event}, {"data", std::move(data)}});
}

void NodeMachine::progress(Out& out, const char* phase, Json extra) {
  Json data = {{"phase", phase}, {"inflight", inflight_.size()}};
  data["tip"] = tip_ ? Json{{"stateHash", tip_->state_hash}} : Json(nullptr);
  if (tip_) set_present(data["tip"], "height", tip_->height);
  for (auto& [k, v] : extra.items()) data[k] = v;
  emit(out, "syncProgress", std::move(data));
}

Peer* NodeMachine::find_peer(const std::string& id) {
  for (Peer& p : peers_)
    if (p.id == id) return &p;
  return nullptr;
}

void NodeMachine::update_peer(Out& out, Peer next) {
  Peer* p = find_peer(next.id);
  if (!p) return;
  *p = std::move(next);
  emit(out, "peerState", peer_record(*p));
}

void NodeMachine::fail(Out& out, const std::string& peer_id, const std::string& reason) {
  if (Peer* p = find_peer(peer_id)) update_peer(out, record_failure(*p, reason));
}

void NodeMachine::lie(Out& out, const std::string& peer_id, const std::string& reason, double now) {
  if (Peer* p = find_peer(peer_id)) update_peer(out, record_lie(*p, reason, now, options_.ban_ms));
}

void NodeMachine::succeed(Out& out, const std::string& peer_id, double latency_ms) {
  if (Peer* p = find_peer(peer_id)) update_peer(out, record_success(*p, std::max(0.0, latency_ms)));
}

std::optional<NodeMachine::Request> NodeMachine::take_request(const std::string& id) {
  for (auto it = inflight_.begin(); it != inflight_.end(); ++it)
    if (it->first == id) {
      Request req = std::move(*it->second);
      inflight_.erase(it);
      return req;
    }
  return std::nullopt;
}

size_t NodeMachine::account_reads() const {
  return std::count_if(inflight_.begin(), inflight_.end(), [](const auto& r) {
    return r.second->purpose == Purpose::kAccount || r.second->purpose == Purpose::kCheckAccount;
  });
}

// ---- sync rounds: ask the best-ranked peers for their best chain ----

void NodeMachine::start_round(Out& out, double now) {
  round_.emplace();
  next_poll_at_ = now + options_.poll_interval_ms;
  for (int i = 0; i < options_.fanout; i++)
    if (!ask_next(out, now)) break;
  if (round_->empty()) progress(out, "no_peers");
  else progress(out, "asking", {{"peers", *round_}});
}

// Asks the best usable peer not yet asked this round; false when none is left.
bool NodeMachine::ask_next(Out& out, double now) {
  if (!round_) return false;
  const Peer* peer = nullptr;
  for (const Peer* p : rank_peers(peers_, now))
    if (!contains(*round_, p->id)) {
      peer = p;
      break;
    }
  if (!peer) return false;
  round_->push_back(peer->id);
  std::string id = next_id('f');
  auto req = std::make_shared<Request>();
  req->purpose = Purpose::kBestChain;
  req->peer_id = peer->id;
  req->sent_at = now;
  req->deadline = now + options_.request_timeout_ms;
  inflight_.emplace_back(id, req);
  out.push_back({{"type", "fetch"}, {"id", id}, {"peerId", peer->id},
                 {"request", {{"kind", "bestChain"}, {"maxLength", options_.k}}},
                 {"timeoutMs", number_json(options_.request_timeout_ms)}});
  return true;
}

// ---- best-chain answers ----

void NodeMachine::best_chain_answered(Request req, double now, const Json* error, const Json& data, Out& out) {
  if (error) {
    fail(out, req.peer_id, code_or(*error, "error"));
    ask_next(out, now);
    return;
  }
  if (const Json* id = member(data, "networkID"); id && *id != options_.network_id) {
    lie(out, req.peer_id, "wrong_network", now);
    ask_next(out, now);
    return;
  }
  const Json* blocks = member(data, "bestChain");
  if (!blocks || !blocks->is_array() || blocks->empty() || blocks->size() > static_cast<size_t>(options_.k)) {
    fail(out, req.peer_id, "malformed");
    ask_next(out, now);
    return;
  }
  BlockSummary claimed = block_summary(blocks->back());
  if (tip_ && claimed.state_hash == tip_->state_hash) {
    succeed(out, req.peer_id, now - req.sent_at);  // agrees with what we verified
    return;
  }
  // A chain fork choice already kept is not verified again each poll.
  std::string text = blocks->dump();
  if (std::find(judged_.begin(), judged_.end(), text) != judged_.end()) {
    succeed(out, req.peer_id, now - req.sent_at);
    return;
  }
  // The very same chain under verification for another peer shares that verdict. Only identical
  // answers share: a liar may claim an honest peer's hash for a different state.
  for (auto& [id, other] : inflight_)
    if (other->purpose == Purpose::kVerify && other->text == text) {
      other->also_from.push_back({req.peer_id, now - req.sent_at});
      return;
    }
  std::string id = next_id('v');
  auto v = std::make_shared<Request>();
  v->purpose = Purpose::kVerify;
  v->peer_id = req.peer_id;
  v->latency_ms = now - req.sent_at;
  v->blocks = *blocks;
  v->text = std::move(text);
  v->claimed_tip = claimed.state_hash ? Json(*claimed.state_hash) : Json(nullptr);
  v->deadline = now + options_.check_timeout_ms;
  inflight_.emplace_back(id, v);
  out.push_back({{"type", "verify"}, {"id", id}, {"peerId", req.peer_id}, {"blocks", *blocks}});
  Json extra = {{"peer", req.peer_id}};
  set_present(extra, "stateHash", v->claimed_tip);
  if (claimed.height) extra["height"] = *claimed.height;
  progress(out, "verifying", std::move(extra));
}

void NodeMachine::chain_verified(Request req, double now, const Json* error, const Json& verdict, Out& out) {
  std::vector<Asker> askers{{req.peer_id, req.latency_ms}};
  askers.insert(askers.end(), req.also_from.begin(), req.also_from.end());
  if (error) {
    // The verifier could not read the block: malformed (or our verifier broke), not proven a lie.
    for (const Asker& a : askers) fail(out, a.peer_id, "unreadable_block:" + code_or(*error, "error"));
    for (size_t i = 0; i < askers.size(); i++) ask_next(out, now);
    return;
  }
  if (auto why = chain_lie(req.blocks, verdict)) {
    for (const Asker& a : askers) lie(out, a.peer_id, *why, now);
    for (size_t i = 0; i < askers.size(); i++) ask_next(out, now);
    Json extra = {{"reason", *why}};
    set_present(extra, "stateHash", req.claimed_tip);
    progress(out, "rejected", std::move(extra));
    return;
  }
  for (const Asker& a : askers) succeed(out, a.peer_id, a.latency_ms);
  const Json& tip = verdict["tip"];
  const Json& hashes = verdict["hashes"];
  req.candidate_hash = tip["stateHash"].get<std::string>();
  Json height = member_or_null(tip, "height");
  req.candidate_height = height.is_null() ? member_or_null(hashes.back(), "height") : height;
  req.candidate_window.clear();
  for (const Json& h : hashes) req.candidate_window.push_back(window_entry(h));
  if (!tip_) {
    adopt(out, req, "first");
    return;
  }
  if (req.candidate_hash == tip_->state_hash) return;
  ask_fork_choice(out, std::move(req), now);
}

void NodeMachine::ask_fork_choice(Out& out, Request req, double now) {
  std::string id = next_id('s');
  req.purpose = Purpose::kSelect;
  req.tip_state_hash = tip_->state_hash;
  req.deadline = now + options_.check_timeout_ms;
  out.push_back({{"type", "select"}, {"id", id}, {"tip", tip_->block}, {"candidate", req.candidate_block()}});
  inflight_.emplace_back(id, std::make_shared<Request>(std::move(req)));
}

void NodeMachine::fork_chosen(Request req, double now, const Json* error, bool take, const Json& rule, Out& out) {
  if (error) {
    Json extra = {{"stateHash", req.candidate_hash}};
    set_present(extra, "reason", member_or_null(*error, "code"));
    progress(out, "select_failed", std::move(extra));
    return;
  }
  // The tip may have moved while fork choice ran: then ask again against the new tip.
  if (tip_ && req.tip_state_hash != tip_->state_hash) {
    if (req.candidate_hash == tip_->state_hash) return;
    ask_fork_choice(out, std::move(req), now);
    return;
  }
  if (take) {
    adopt(out, req, rule);
    return;
  }
  remember_kept(req.text);
  Json extra = {{"stateHash", req.candidate_hash}};
  set_present(extra, "rule", rule);
  progress(out, "kept", std::move(extra));
}

void NodeMachine::adopt(Out& out, const Request& req, const Json& rule) {
  // The window continues the old one when the new chain extends it.
  std::vector<Json> window = req.candidate_window;
  const Json joint = member_or_null(window.front(), "previousStateHash");
  if (!joint.is_null()) {
    auto at = std::find_if(window_.begin(), window_.end(), [&](const Json& w) { return member_or_null(w, "stateHash") == joint; });
    if (at != window_.end()) window.insert(window.begin(), window_.begin(), at + 1);
  }
  size_t k = static_cast<size_t>(options_.k);
  if (window.size() > k) window.erase(window.begin(), window.end() - k);
  window_ = std::move(window);
  tip_ = Tip{req.candidate_hash, req.candidate_height, req.candidate_block(), "network"};
  Json changed = {{"stateHash", tip_->state_hash}, {"source", "network"}, {"peer", req.peer_id}};
  set_present(changed, "height", tip_->height);
  set_present(changed, "rule", rule);
  emit(out, "tipChanged", std::move(changed));
  out.push_back({{"type", "persist"}, {"record", record()}});
  progress(out, "synced");
}

void NodeMachine::remember_kept(const std::string& text) {
  if (std::find(judged_.begin(), judged_.end(), text) != judged_.end()) return;
  judged_.push_back(text);
  if (judged_.size() > kJudgedMemo) judged_.pop_front();
}

// ---- verified account reads ----

void NodeMachine::ask_account(Out& out, const std::shared_ptr<AccountRead>& read, double now) {
  const Peer* peer = nullptr;
  for (const Peer* p : rank_peers(peers_, now))
    if (!contains(read->asked, p->id)) {
      peer = p;
      break;
    }
  if (!peer) {
    std::string reasons;
    for (const std::string& r : read->reasons) reasons += (reasons.empty() ? "" : ", ") + r;
    emit(out, "accountResult",
         {{"id", read->id},
          {"error", {{"code", "no_peer"}, {"message", "no peer gave a verifiable account (" + (reasons.empty() ? std::string("none asked") : reasons) + ")"}}}});
    return;
  }
  read->asked.push_back(peer->id);
  std::string id = next_id('a');
  auto req = std::make_shared<Request>();
  req->purpose = Purpose::kAccount;
  req->peer_id = peer->id;
  req->sent_at = now;
  req->deadline = now + options_.request_timeout_ms;
  req->read = read;
  inflight_.emplace_back(id, req);
  Json request = read->subtree ? Json{{"kind", "accountSubtree"}, {"firstIndex", read->first_index}, {"height", read->height}}
                              : Json{{"kind", "account"}, {"publicKey", read->public_key}};
  if (!read->subtree) set_present(request, "token", read->token);
  out.push_back({{"type", "fetch"}, {"id", id}, {"peerId", peer->id}, {"request", std::move(request)},
                 {"timeoutMs", number_json(options_.request_timeout_ms)}});
}

// Why an answer whose hashes may well check is still not the answer to `read`, or "": a path
// only proves that an account (or subtree) is in the ledger, not that it is the one asked for.
std::string NodeMachine::wrong_answer(const AccountRead& read, const Json& answer) {
  if (read.subtree) {
    const Json* first = member(answer, "firstIndex");
    const Json* height = member(answer, "height");
    if (!first || !height || !first->is_number() || !height->is_number() ||
        first->get<double>() != read.first_index.get<double>() || height->get<double>() != read.height.get<double>())
      return "wrong_subtree";
    return "";
  }
  const Json* pk = member(answer, "publicKey");
  if (!pk || *pk != read.public_key) return "wrong_account";
  const Json* token = member(answer, "tokenId");
  if (!token) token = member(answer, "token");
  const Json asked = read.token.is_string() ? read.token : Json(kMinaTokenId);
  if (!token || *token != asked) return "wrong_account";
  return "";
}

void NodeMachine::account_answered(Request req, double now, const Json* error, const Json& data, Out& out) {
  const Json* account = member(data, req.read->subtree ? "accountSubtree" : "account");
  if (error || !truthy(account) || !(account->is_object() || account->is_array())) {
    std::string reason = error && string_member(*error, "code") ? *string_member(*error, "code")
                         : account && account->is_null()         ? "no_account"
                                                                 : "malformed";
    fail(out, req.peer_id, reason);
    req.read->reasons.push_back(req.peer_id + ": " + reason);
    ask_account(out, req.read, now);
    return;
  }
  if (std::string why = wrong_answer(*req.read, *account); !why.empty()) {
    lie(out, req.peer_id, why, now);
    req.read->reasons.push_back(req.peer_id + ": " + why);
    ask_account(out, req.read, now);
    return;
  }
  std::string id = next_id('c');
  auto check = std::make_shared<Request>();
  check->purpose = Purpose::kCheckAccount;
  check->peer_id = req.peer_id;
  check->latency_ms = now - req.sent_at;
  check->read = req.read;
  check->account = *account;
  check->deadline = now + options_.check_timeout_ms;
  inflight_.emplace_back(id, check);
  out.push_back({{"type", req.read->subtree ? "verifyAccountSubtree" : "verifyAccount"}, {"id", id},
                 {req.read->subtree ? "subtree" : "account", *account},
                 {"ledgerHash", req.read->ledger_hash}, {"stateHash", req.read->state_hash}});
}

void NodeMachine::account_checked(Request req, double now, const Json* error, bool valid, const Json& reason, Out& out) {
  const AccountRead& read = *req.read;
  if (valid) {
    succeed(out, req.peer_id, req.latency_ms);
    emit(out, "accountResult", {{"id", read.id}, {read.subtree ? "subtree" : "account", req.account},
                                {"ledgerHash", read.ledger_hash}, {"stateHash", read.state_hash}, {"peer", req.peer_id}});
    return;
  }
  std::string why = error ? "unreadable_account:" + code_or(*error, "error")
                          : "bad_path:" + (reason.is_string() ? reason.get<std::string>() : reason.is_null() ? "invalid" : reason.dump());
  // An account the checker could not read is a failure; a path that misses the ledger is a lie.
  if (error) fail(out, req.peer_id, why);
  else lie(out, req.peer_id, why, now);
  req.read->reasons.push_back(req.peer_id + ": " + why);
  ask_account(out, req.read, now);
}

// ---- events ----

void NodeMachine::on_start(const Event&, Out& out) {
  started_ = true;
  out.push_back({{"type", "load"}});
}

void NodeMachine::on_loaded(const Event& e, Out& out) {
  const Json r = member_or_null(*e.body, "record");
  const Json tip = member_or_null(r, "tip");
  auto state_hash = string_member(tip, "stateHash");
  if (member_or_null(r, "version") == kRecordVersion && member_or_null(r, "network") == options_.network && state_hash &&
      !state_hash->empty()) {
    tip_ = Tip{*state_hash, member_or_null(tip, "height"), member_or_null(tip, "block"), "storage"};
    window_.clear();
    if (const Json* w = member(r, "window"); w && w->is_array()) {
      size_t k = static_cast<size_t>(options_.k);
      size_t from = w->size() > k ? w->size() - k : 0;
      window_.assign(w->begin() + from, w->end());
    }
    // Stored scores and bans carry over for the peers still configured; the app's list decides
    // who is a peer.
    if (const Json* stored = member(r, "peers"); stored && stored->is_array())
      for (const Json& rec : *stored)
        if (auto id = string_member(rec, "id"))
          if (Peer* cur = find_peer(*id)) *cur = peer_with_record(*cur, rec);
    Json changed = {{"stateHash", tip_->state_hash}, {"source", "storage"}};
    set_present(changed, "height", tip_->height);
    emit(out, "tipChanged", std::move(changed));
  }
  start_round(out, e.now);
}

void NodeMachine::on_tick(const Event& e, Out& out) {
  const double now = e.now;
  for (const Peer& p : peers_)
    if (p.status == PeerStatus::kBanned && now >= p.banned_until) update_peer(out, lift_expired_ban(p, now));
  // Requests past their deadline are failures of their peer (the driver's own timeout should have
  // fired first; this is the machine's guarantee that nothing waits forever).
  std::vector<std::string> expired;
  for (const auto& [id, req] : inflight_)
    if (now >= req->deadline) expired.push_back(id);
  const Json timeout = timeout_error();
  for (const std::string& id : expired) {
    auto req = take_request(id);
    if (!req) continue;
    switch (req->purpose) {
      case Purpose::kBestChain: best_chain_answered(std::move(*req), now, &timeout, nullptr, out); break;
      case Purpose::kAccount: account_answered(std::move(*req), now, &timeout, nullptr, out); break;
      case Purpose::kVerify: chain_verified(std::move(*req), now, &timeout, nullptr, out); break;
      case Purpose::kSelect: fork_chosen(std::move(*req), now, &timeout, false, nullptr, out); break;
      case Purpose::kCheckAccount: account_checked(std::move(*req), now, &timeout, false, nullptr, out); break;
    }
  }
  bool syncing = std::any_of(inflight_.begin(), inflight_.end(), [](const auto& r) {
    return r.second->purpose == Purpose::kBestChain || r.second->purpose == Purpose::kVerify ||
           r.second->purpose == Purpose::kSelect;
  });
  if (started_ && now >= next_poll_at_ && !syncing) start_round(out, now);
}

void NodeMachine::on_answer(const Event& e, Out& out) {
  auto it = std::find_if(inflight_.begin(), inflight_.end(), [&](const auto& r) { return r.first == e.id; });
  // A late answer to a request already timed out or retried, or an id that is not a fetch.
  if (it == inflight_.end() || (it->second->purpose != Purpose::kBestChain && it->second->purpose != Purpose::kAccount))
    return;
  Request req = *take_request(e.id);
  const Json data = member_or_null(*e.body, "data");
  if (req.purpose == Purpose::kBestChain) best_chain_answered(std::move(req), e.now, e.error, data, out);
  else account_answered(std::move(req), e.now, e.error, data, out);
}

void NodeMachine::on_verified(const Event& e, Out& out) {
  auto it = std::find_if(inflight_.begin(), inflight_.end(), [&](const auto& r) { return r.first == e.id; });
  if (it == inflight_.end() || it->second->purpose != Purpose::kVerify) return;
  Request req = *take_request(e.id);
  chain_verified(std::move(req), e.now, e.error, member_or_null(*e.body, "verdict"), out);
}

void NodeMachine::on_selected(const Event& e, Out& out) {
  auto it = std::find_if(inflight_.begin(), inflight_.end(), [&](const auto& r) { return r.first == e.id; });
  if (it == inflight_.end() || it->second->purpose != Purpose::kSelect) return;
  Request req = *take_request(e.id);
  fork_chosen(std::move(req), e.now, e.error, truthy(member(*e.body, "take")), member_or_null(*e.body, "rule"), out);
}

// A read against the verified tip's staged ledger hash, or false (refused: no tip, too many).
bool NodeMachine::begin_read(const Event& e, Out& out, std::shared_ptr<AccountRead>& read) {
  auto ledger_hash = tip_ ? staged_ledger_hash(tip_->block) : std::nullopt;
  if (!ledger_hash) {
    emit(out, "accountResult", {{"id", e.id}, {"error", {{"code", "no_tip"}, {"message", "no verified tip yet"}}}});
    return false;
  }
  if (account_reads() >= kMaxAccountReads) {
    emit(out, "accountResult", {{"id", e.id}, {"error", {{"code", "busy"}, {"message", "too many account reads at once"}}}});
    return false;
  }
  read = std::make_shared<AccountRead>();
  read->id = e.id;
  read->ledger_hash = *ledger_hash;
  read->state_hash = tip_->state_hash;
  return true;
}

void NodeMachine::on_get_account(const Event& e, Out& out) {
  std::shared_ptr<AccountRead> read;
  if (!begin_read(e, out, read)) return;
  read->public_key = (*e.body)["publicKey"];
  read->token = member_or_null(*e.body, "token");
  ask_account(out, read, e.now);
}

void NodeMachine::on_get_account_subtree(const Event& e, Out& out) {
  std::shared_ptr<AccountRead> read;
  if (!begin_read(e, out, read)) return;
  read->subtree = true;
  read->first_index = (*e.body)["firstIndex"];
  read->height = (*e.body)["height"];
  ask_account(out, read, e.now);
}

void NodeMachine::on_account_verified(const Event& e, Out& out) {
  auto it = std::find_if(inflight_.begin(), inflight_.end(), [&](const auto& r) { return r.first == e.id; });
  if (it == inflight_.end() || it->second->purpose != Purpose::kCheckAccount) return;
  Request req = *take_request(e.id);
  account_checked(std::move(req), e.now, e.error, truthy(member(*e.body, "valid")), member_or_null(*e.body, "reason"), out);
}

void NodeMachine::on_persisted(const Event& e, Out& out) {
  if (!e.error) return;
  Json data = {{"code", code_or(*e.error, "io_error")}};
  set_present(data, "message", member_or_null(*e.error, "message"));
  emit(out, "storageError", std::move(data));
}

}  // namespace mina::node
