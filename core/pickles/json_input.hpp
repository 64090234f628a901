// Internal: parsing untrusted JSON documents for the Pickles decoders without exceptions and
// with bounded size and nesting (nlohmann's recursive descent into values and its recursive
// destructor must not meet a million '[').
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/error.hpp"

namespace mina::pickles::json_input {

inline Result<nlohmann::json> parse_object(std::string_view text, size_t max_bytes, const char* what) {
  if (text.size() > max_bytes)
    return Error{ErrorCode::kLimitExceeded, std::string(what) + " JSON longer than " + std::to_string(max_bytes) + " bytes"};
  // Nesting depth outside strings; the documents we read nest 2 deep.
  constexpr int kMaxDepth = 16;
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return Error{ErrorCode::kLimitExceeded, std::string(what) + " JSON nested too deeply"};
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorCode::kMalformedJson, std::string(what) + " is not valid JSON"};
  if (!j.is_object()) return Error{ErrorCode::kMalformedJson, std::string(what) + " JSON must be an object"};
  return j;
}

// A required string member.
inline Result<std::string> string_member(const nlohmann::json& j, const char* key, const char* what) {
  auto it = j.find(key);
  if (it == j.end()) return Error{ErrorCode::kMalformedJson, std::string(what) + ": missing \"" + key + "\""};
  if (!it->is_string()) return Error{ErrorCode::kMalformedJson, std::string(what) + ": \"" + key + "\" must be a string"};
  return it->get<std::string>();
}

}  // namespace mina::pickles::json_input
