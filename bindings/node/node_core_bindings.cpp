// The light node's core (core/node) for JS: a small WASM module of its own (no verifier), since
// it runs on the page's or Node's main thread. Everything crosses as JSON text, the machine's own
// interface (core/node/event.hpp, machine.hpp):
//   new NodeCore()                 an empty handle; .delete() frees it
//   create(optionsText)            → '{}' | '{"error":{code,message}}'
//   handle(eventText)              → '{"actions":[…]}' | '{"error":{code,message}}'
//   record(), peerList(), tip(), window(), inflight()   → JSON text ('null' tip before one is verified)
//   schedulePoll(ms)               the next tick at or after ms starts a sync round
// Nothing throws into JS: a bad event is a typed error object, and the machine is unchanged.
#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <optional>
#include <string>

#include "node/machine.hpp"

namespace mina::bindings {
namespace {

using node::Json;
using node::NodeMachine;

std::string error_text(const std::string& code, const std::string& message) {
  return Json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

std::string error_text(const Error& e) { return error_text(error_code_name(e.code), e.message); }

// Runs a call, turning exceptions (only an allocation failure is expected) into typed errors.
template <class F>
std::string guarded(F&& f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return error_text("out_of_memory", "the node core ran out of memory");
  } catch (const std::exception& e) {
    return error_text("internal", e.what());
  }
}

class NodeCore {
 public:
  std::string create(const std::string& options_text) {
    return guarded([&] {
      auto options = node::parse_json_text(options_text);
      if (!options) return error_text(options.error());
      auto m = NodeMachine::create(*options);
      if (!m) return error_text(m.error());
      machine_.emplace(std::move(m).value());
      return std::string("{}");
    });
  }

  std::string handle(const std::string& event_text) {
    return guarded([&] {
      if (!machine_) return error_text("invalid_argument", "create the machine first");
      auto actions = machine_->handle_text(event_text);
      if (!actions) return error_text(actions.error());
      return Json{{"actions", std::move(actions).value()}}.dump();
    });
  }

  std::string record() const { return snapshot([](const NodeMachine& m) { return m.record(); }); }
  std::string peer_list() const { return snapshot([](const NodeMachine& m) { return m.peer_list(); }); }
  std::string tip() const { return snapshot([](const NodeMachine& m) { return m.tip_json(); }); }
  std::string window() const { return snapshot([](const NodeMachine& m) { return m.window_json(); }); }
  std::string inflight() const { return snapshot([](const NodeMachine& m) { return m.inflight_json(); }); }
  void schedule_poll(double at) {
    if (machine_) machine_->schedule_poll(at);
  }

 private:
  template <class F>
  std::string snapshot(F&& f) const {
    return guarded([&] { return machine_ ? f(*machine_).dump() : std::string("null"); });
  }

  std::optional<NodeMachine> machine_;
};

}  // namespace
}  // namespace mina::bindings

EMSCRIPTEN_BINDINGS(mina_node_core) {
  using mina::bindings::NodeCore;
  emscripten::class_<NodeCore>("NodeCore")
      .constructor<>()
      .function("create", &NodeCore::create)
      .function("handle", &NodeCore::handle)
      .function("record", &NodeCore::record)
      .function("peerList", &NodeCore::peer_list)
      .function("tip", &NodeCore::tip)
      .function("window", &NodeCore::window)
      .function("inflight", &NodeCore::inflight)
      .function("schedulePoll", &NodeCore::schedule_poll);
}
