#include "node/event.hpp"

#include <algorithm>
#include <cmath>

namespace mina::node {
namespace {

Error bad(const std::string& message) { return Error{ErrorCode::kInvalidArgument, message}; }

// The deepest nesting of arrays/objects in JSON text (brackets inside strings do not count).
int json_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') i++;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      depth--;
    }
  }
  return deepest;
}

struct TypeName {
  const char* name;
  EventType type;
  bool has_id;
};
constexpr TypeName kTypes[] = {
    {"start", EventType::kStart, false},          {"loaded", EventType::kLoaded, false},
    {"tick", EventType::kTick, false},            {"answer", EventType::kAnswer, true},
    {"verified", EventType::kVerified, true},     {"selected", EventType::kSelected, true},
    {"getAccount", EventType::kGetAccount, true}, {"accountVerified", EventType::kAccountVerified, true},
    {"persisted", EventType::kPersisted, false},  {"getAccountSubtree", EventType::kGetAccountSubtree, true},
};

bool is_integer(const Json* v) { return v && v->is_number() && std::floor(v->get<double>()) == v->get<double>(); }

// Per type: the members the machine reads must have the types it reads them as.
Result<bool> check_payload(const Event& e, const Json& j) {
  const std::string what = std::string("event ") + j["type"].get<std::string>();
  switch (e.type) {
    case EventType::kLoaded:
      if (const Json* r = member(j, "record"); r && !r->is_null() && !r->is_object())
        return bad(what + ": record must be an object or null");
      break;
    case EventType::kVerified:
      if (!e.error && !(member(j, "verdict") && member(j, "verdict")->is_object()))
        return bad(what + ": needs a verdict object or an error");
      break;
    case EventType::kGetAccount:
      if (!string_member(j, "publicKey")) return bad(what + ": publicKey must be a string");
      break;
    case EventType::kGetAccountSubtree: {
      const Json* first = member(j, "firstIndex");
      const Json* height = member(j, "height");
      if (!is_integer(height) || height->get<double>() < 0 || height->get<double>() > kMaxSubtreeHeight)
        return bad(what + ": height must be an integer in 0.." + std::to_string(kMaxSubtreeHeight));
      if (!is_integer(first) || first->get<double>() < 0 || first->get<double>() >= std::ldexp(1.0, kLedgerDepth))
        return bad(what + ": firstIndex must be a ledger index");
      if (std::fmod(first->get<double>(), std::ldexp(1.0, height->get<int>())) != 0)
        return bad(what + ": firstIndex must be a multiple of 2^height");
      break;
    }
    default:
      break;
  }
  return true;
}

}  // namespace

Result<Json> parse_json_text(std::string_view text) {
  if (text.size() > kMaxEventBytes) return Error{ErrorCode::kLimitExceeded, "event text above 64 MiB"};
  if (json_depth(text) > kMaxJsonDepth) return Error{ErrorCode::kLimitExceeded, "JSON nested deeper than 256"};
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorCode::kMalformedJson, "not JSON"};
  return j;
}

Result<Event> read_event(const Json& j) {
  if (!j.is_object()) return bad("an event must be an object");
  auto type = string_member(j, "type");
  if (!type) return bad("an event needs a type");
  const TypeName* t = nullptr;
  for (const TypeName& c : kTypes)
    if (*type == c.name) t = &c;
  if (!t) return bad("unknown event " + *type);
  auto now = number_member(j, "now");
  if (!now || !std::isfinite(*now)) return bad("event " + *type + " needs a finite number `now`");
  Event e{t->type, *now, "", nullptr, &j};
  if (t->has_id) {
    auto id = string_member(j, "id");
    if (!id) return bad("event " + *type + " needs a string id");
    e.id = *id;
  }
  if (const Json* err = member(j, "error"); err && !err->is_null()) {
    if (!err->is_object()) return bad("event " + *type + ": error must be {code, message}");
    e.error = err;
  }
  MINA_TRY(ok, check_payload(e, j));
  (void)ok;
  return e;
}

}  // namespace mina::node
