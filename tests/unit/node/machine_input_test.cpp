// The machine's interface refuses what it cannot read, typed, and without changing its state:
// malformed events (the driver's bugs) and bad options. Networks other than mainnet/devnet need
// an explicit networkId, which then decides which peers are on the node's network.
#include <string>

#include "node/node_test_util.hpp"

using namespace mina;
using namespace mina::node;
using namespace mina::node::test;

TEST_CASE("node machine: malformed events are typed errors and change nothing", "[node][machine][input]") {
  auto [m, actions] = started();
  Json fetch = of(actions, "fetch").at(0);
  Json before = m.record();
  struct Case {
    std::string text;
    ErrorCode code;
  };
  std::vector<Case> cases = {
      {"{", ErrorCode::kMalformedJson},
      {"[1,2]", ErrorCode::kInvalidArgument},
      {R"({"now":1})", ErrorCode::kInvalidArgument},
      {R"({"type":"launch","now":1})", ErrorCode::kInvalidArgument},
      {R"({"type":"tick"})", ErrorCode::kInvalidArgument},
      {R"({"type":"tick","now":"soon"})", ErrorCode::kInvalidArgument},
      {R"({"type":"answer","id":7,"now":1})", ErrorCode::kInvalidArgument},
      {R"({"type":"answer","id":"f1","now":1,"error":"boom"})", ErrorCode::kInvalidArgument},
      {R"({"type":"verified","id":"v1","now":1})", ErrorCode::kInvalidArgument},
      {R"({"type":"loaded","now":1,"record":[1]})", ErrorCode::kInvalidArgument},
      {R"({"type":"getAccount","id":"r","now":1})", ErrorCode::kInvalidArgument},
      {std::string(100000, '[') + std::string(100000, ']'), ErrorCode::kLimitExceeded},
  };
  for (const Case& c : cases) {
    INFO(c.text.substr(0, 60));
    auto r = m.handle_text(c.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
  }
  CHECK(m.record() == before);
  // The request the bad events named is still waiting: its real answer is taken.
  auto v = of(must(m.handle({{"type", "answer"}, {"id", fetch["id"]}, {"now", 2}, {"data", {{"bestChain", chain_abc()}}}})), "verify");
  CHECK(v.size() == 1);
}

TEST_CASE("node machine options: networks, networkId, peers and ranges", "[node][machine][input]") {
  auto code = [](Json o) {
    auto r = NodeMachine::create(o);
    return r.ok() ? std::string("ok") : std::string(error_code_name(r.error().code));
  };
  CHECK(code({{"network", "mainnet"}}) == "ok");
  CHECK(code({{"network", "devnet"}, {"networkId", "mina:devnet"}}) == "ok");
  CHECK(code({{"network", "mainnet"}, {"networkId", "mina:devnet"}}) == "invalid_argument");
  CHECK(code({{"network", "local"}}) == "invalid_argument");
  CHECK(code({{"network", "local"}, {"networkId", "mina:local"}}) == "ok");
  CHECK(code({{"network", "local"}, {"networkId", 5}}) == "invalid_argument");
  CHECK(code(Json::array()) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"peers", {{{"id", "x"}, {"kind", "satellite"}}}}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"peers", {Json::object()}}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"peers", "http://a"}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"k", 0}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"k", 1.5}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"k", kMaxWindow + 1}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"requestTimeoutMs", -1}}) == "invalid_argument");
  CHECK(code({{"network", "mainnet"}, {"banMs", nullptr}, {"k", nullptr}}) == "ok");  // null = default
  auto m = NodeMachine::create({{"network", "mainnet"}, {"peers", {"http://a", "http://a"}}});
  REQUIRE(m.ok());
  CHECK(m->peer_list().size() == 1);
}

TEST_CASE("node machine: a local network's peers are judged by its explicit networkId", "[node][machine][input]") {
  auto [m, actions] = started({{"network", "local"}, {"networkId", "mina:local"}});
  auto f = of(actions, "fetch");
  // mina:local is this network: the chain goes to verification.
  CHECK(of(must(m.handle({{"type", "answer"}, {"id", f.at(0)["id"]}, {"now", 1}, {"data", {{"networkID", "mina:local"}, {"bestChain", chain_abc()}}}})), "verify").size() == 1);
  auto [m2, a2] = started({{"network", "local"}, {"networkId", "mina:local"}});
  must(m2.handle({{"type", "answer"}, {"id", of(a2, "fetch").at(0)["id"]}, {"now", 1}, {"data", {{"networkID", "mina:mainnet"}, {"bestChain", chain_abc()}}}}));
  CHECK(peer_of(m2, "http://a")["lastError"] == "wrong_network");
  CHECK(m2.record()["network"] == "local");
}
