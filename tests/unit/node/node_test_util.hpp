// Helpers for the node machine's tests: GraphQL-shaped blocks reduced to the fields the machine
// reads, verdicts written by the test (the verifier itself is tested elsewhere), and filters over
// the actions a replay produced.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "node/machine.hpp"

namespace mina::node::test {

inline Json block(const std::string& hash, const std::string& prev, int height, const std::string& ledger = "jxLedger") {
  return {{"stateHash", hash},
          {"protocolState",
           {{"previousStateHash", prev},
            {"consensusState", {{"blockchainLength", std::to_string(height)}}},
            {"blockchainState", {{"stagedLedgerHash", {{"nonSnark", {{"ledgerHash", ledger}}}}}}}}}};
}

// The verdict an honest verifier gives for `blocks`: valid, every hash the claimed one.
inline Json verdict_for(const Json& blocks, bool valid = true, const std::string& reason = "") {
  Json hashes = Json::array();
  for (const Json& b : blocks)
    hashes.push_back({{"stateHash", b["stateHash"]},
                      {"previousStateHash", b["protocolState"]["previousStateHash"]},
                      {"height", std::stoi(b["protocolState"]["consensusState"]["blockchainLength"].get<std::string>())}});
  Json tip = {{"valid", valid}, {"stateHash", blocks.back()["stateHash"]}, {"height", hashes.back()["height"]}};
  if (!reason.empty()) tip["reason"] = reason;
  return {{"tip", tip}, {"hashes", hashes}};
}

inline Json chain_abc() { return Json::array({block("3Na", "3N0", 10), block("3Nb", "3Na", 11), block("3Nc", "3Nb", 12)}); }

inline std::vector<Json> of(const Json& actions, const std::string& type) {
  std::vector<Json> r;
  for (const Json& a : actions)
    if (a["type"] == type) r.push_back(a);
  return r;
}

inline std::vector<Json> emitted(const Json& actions, const std::string& event) {
  std::vector<Json> r;
  for (const Json& a : actions)
    if (a["type"] == "emit" && a["event"] == event) r.push_back(a["data"]);
  return r;
}

inline Json must(Result<Json> r) {
  if (!r.ok()) FAIL("machine refused an event: " << r.error().message);
  return std::move(r).value();
}

inline Json peer_of(const NodeMachine& m, const std::string& id) {
  for (const Json& p : m.peer_list())
    if (p["id"] == id) return p;
  FAIL("no peer " << id);
  return nullptr;
}

// A machine with peers a and b (fanout 1, 1 s request timeout unless overridden), started and
// loaded with `record`; `loaded` holds the actions of the loaded event.
struct Started {
  NodeMachine m;
  Json loaded;
};

inline Started started(Json options = Json::object(), Json record = nullptr) {
  Json o = {{"network", "mainnet"}, {"peers", {"http://a", "http://b"}}, {"fanout", 1}, {"requestTimeoutMs", 1000}};
  for (auto& [k, v] : options.items()) o[k] = v;
  auto m = NodeMachine::create(o);
  if (!m.ok()) FAIL("options refused: " << m.error().message);
  NodeMachine machine = std::move(m).value();
  REQUIRE(must(machine.handle(Json{{"type", "start"}, {"now", 0}})) == Json::array({{{"type", "load"}}}));
  Json loaded = must(machine.handle(Json{{"type", "loaded"}, {"now", 0}, {"record", record}}));
  return {std::move(machine), std::move(loaded)};
}

}  // namespace mina::node::test
