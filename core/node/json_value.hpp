// Small helpers for the node core's JSON interface: optional members read without throwing, and
// times written as integers when they are whole (JS numbers print `1500`, not `1500.0`).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace mina::node {

using Json = nlohmann::json;

// The member `key` of an object, or nullptr (not an object, or absent). JS's `x?.key`.
inline const Json* member(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

// A member's value, or JSON null when absent: JS's `x?.key` turned into a comparable value.
inline Json member_or_null(const Json& j, std::string_view key) {
  const Json* m = member(j, key);
  return m ? *m : Json(nullptr);
}

inline std::optional<std::string> string_member(const Json& j, std::string_view key) {
  const Json* m = member(j, key);
  if (!m || !m->is_string()) return std::nullopt;
  return m->get<std::string>();
}

inline std::optional<double> number_member(const Json& j, std::string_view key) {
  const Json* m = member(j, key);
  if (!m || !m->is_number()) return std::nullopt;
  return m->get<double>();
}

// JS's `x ?? fallback` for an error's code: the code when it is a string.
inline std::string code_or(const Json& error, const char* fallback) {
  return string_member(error, "code").value_or(fallback);
}

// JS's truthiness of a JSON value.
inline bool truthy(const Json* j) {
  if (!j || j->is_null()) return false;
  if (j->is_boolean()) return j->get<bool>();
  if (j->is_number()) {
    double d = j->get<double>();
    return d != 0 && !std::isnan(d);
  }
  if (j->is_string()) return !j->get_ref<const std::string&>().empty();
  return true;
}

// A time or latency as JSON: whole numbers as integers.
inline Json number_json(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
    return static_cast<int64_t>(v);
  return v;
}

// Sets `key` only when `value` is present (JS drops `undefined` members from JSON).
inline void set_present(Json& obj, const char* key, const Json& value) {
  if (!value.is_null() && !value.is_discarded()) obj[key] = value;
}

}  // namespace mina::node
