#include "mina/json_reader.hpp"

#include <limits>

#include "encoding/base58.hpp"
#include "encoding/base64.hpp"

namespace mina::json_reader {
namespace {

Error bad(const std::string& path, const std::string& what) {
  return Error{ErrorCode::kMalformedJson, path + ": " + what};
}

// Prefixes a decoder's error with the JSON path, keeping its code.
Error at(const std::string& path, const Error& e) { return Error{e.code, path + ": " + e.message}; }

Result<uint64_t> unsigned_value(const Json& j, uint64_t max, const std::string& path) {
  if (j.is_number_integer()) {
    if (!j.is_number_unsigned() && j.get<int64_t>() < 0) return Error{ErrorCode::kMalformedNumber, path + ": negative"};
    uint64_t v = j.is_number_unsigned() ? j.get<uint64_t>() : uint64_t(j.get<int64_t>());
    if (v > max) return Error{ErrorCode::kMalformedNumber, path + ": out of range"};
    return v;
  }
  if (!j.is_string()) return bad(path, "expected a decimal string");
  const std::string& s = j.get_ref<const std::string&>();
  if (s.empty() || s.size() > 20) return Error{ErrorCode::kMalformedNumber, path + ": not a decimal integer"};
  if (s.size() > 1 && s[0] == '0') return Error{ErrorCode::kMalformedNumber, path + ": leading zero"};
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return Error{ErrorCode::kMalformedNumber, path + ": not a decimal integer"};
    unsigned d = unsigned(c - '0');
    if (v > (max - d) / 10) return Error{ErrorCode::kMalformedNumber, path + ": out of range"};
    v = v * 10 + d;
  }
  return v;
}

}  // namespace

Result<Json> parse_document(std::string_view text, const char* what) {
  // Blocks with their staged-ledger diffs reach a few MB and nest 25 deep (zkApp commands).
  // Bounding the depth before nlohmann sees the text keeps its recursion shallow.
  constexpr size_t kMaxBytes = size_t{64} << 20;
  constexpr int kMaxDepth = 64;
  if (text.size() > kMaxBytes) return Error{ErrorCode::kLimitExceeded, std::string(what) + " is larger than 64 MiB"};
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return Error{ErrorCode::kLimitExceeded, std::string(what) + " nests too deeply"};
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorCode::kMalformedJson, std::string(what) + " is not valid JSON"};
  if (!j.is_object()) return Error{ErrorCode::kMalformedJson, std::string(what) + " must be a JSON object"};
  return j;
}

Result<const Json*> member(const Json& j, std::string_view key, const std::string& path) {
  if (!j.is_object()) return bad(path, "expected an object");
  auto it = j.find(key);
  if (it == j.end()) return bad(path, "missing \"" + std::string(key) + "\"");
  return &*it;
}

Result<const Json*> member_either(const Json& j, std::string_view key, std::string_view alt, const std::string& path) {
  if (const Json* v = optional_member(j, key)) return v;
  if (const Json* v = optional_member(j, alt)) return v;
  return bad(path, "missing \"" + std::string(key) + "\"");
}

const Json* optional_member(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

Result<uint32_t> u32(const Json& j, const std::string& path) {
  MINA_TRY(v, unsigned_value(j, std::numeric_limits<uint32_t>::max(), path));
  return uint32_t(v);
}

Result<uint64_t> u64(const Json& j, const std::string& path) {
  return unsigned_value(j, std::numeric_limits<uint64_t>::max(), path);
}

Result<bool> boolean(const Json& j, const std::string& path) {
  if (!j.is_boolean()) return bad(path, "expected true or false");
  return j.get<bool>();
}

Result<std::string_view> string(const Json& j, const std::string& path) {
  if (!j.is_string()) return bad(path, "expected a string");
  return std::string_view(j.get_ref<const std::string&>());
}

Result<Fp> decode_versioned_field(std::string_view text, uint8_t version) {
  MINA_TRY(payload, base58check_decode(text, version));
  if (payload.size() != 33) return Error{ErrorCode::kInvalidLength, "hash payload must be 33 bytes"};
  if (payload[0] != 0x01) return Error{ErrorCode::kWrongVersionByte, "hash payload must start with version tag 0x01"};
  return Fp::from_bytes_le(ByteSpan(payload).subspan(1));
}

Result<Fp> field_hash(const Json& j, uint8_t version, const std::string& path) {
  MINA_TRY(s, string(j, path));
  auto f = decode_versioned_field(s, version);
  if (!f) return at(path, f.error());
  return *f;
}

Result<Bytes32> raw_hash(const Json& j, uint8_t version, const std::string& path) {
  MINA_TRY(s, string(j, path));
  auto payload = base58check_decode(s, version);
  if (!payload) return at(path, payload.error());
  if (payload->size() != 32) return Error{ErrorCode::kInvalidLength, path + ": hash payload must be 32 bytes"};
  Bytes32 out{};
  std::copy(payload->begin(), payload->end(), out.begin());
  return out;
}

Result<Fp> token_id(const Json& j, const std::string& path) {
  MINA_TRY(s, string(j, path));
  auto f = decode_field_hash(s, VersionByte::kTokenId);
  if (!f) return at(path, f.error());
  return *f;
}

Result<Fp> field_hex(const Json& j, const std::string& path) {
  MINA_TRY(s, string(j, path));
  if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
    return Error{ErrorCode::kMalformedNumber, path + ": expected 0x-prefixed hex"};
  auto f = Fp::parse(s);
  if (!f) return at(path, f.error());
  return *f;
}

Result<CompressedPublicKey> public_key(const Json& j, const std::string& path) {
  MINA_TRY(s, string(j, path));
  auto pk = decode_public_key(s);
  if (!pk) return at(path, pk.error());
  return *pk;
}

Result<Bytes32> hex32(const Json& j, const std::string& path) {
  MINA_TRY(s, string(j, path));
  if (s.size() != 64) return Error{ErrorCode::kInvalidLength, path + ": expected 64 hex digits"};
  Bytes32 out{};
  for (size_t i = 0; i < 64; ++i) {
    char c = s[i];
    int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (v < 0) return Error{ErrorCode::kInvalidEncoding, path + ": not hex"};
    out[i / 2] = uint8_t(out[i / 2] << 4 | v);
  }
  return out;
}

Result<Bytes32> base64_32(const Json& j, const std::string& path) {
  MINA_TRY(s, string(j, path));
  bool url = s.find_first_of("-_") != std::string_view::npos;
  auto bytes = base64_decode(s, url ? Base64Alphabet::kUrlSafe : Base64Alphabet::kStandard, Base64Padding::kOptional);
  if (!bytes && !url) bytes = base64_decode(s, Base64Alphabet::kUrlSafe, Base64Padding::kOptional);
  if (!bytes) return at(path, bytes.error());
  if (bytes->size() != 32) return Error{ErrorCode::kInvalidLength, path + ": expected 32 bytes"};
  Bytes32 out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

Result<bool> sgn_is_negative(const Json& j, const std::string& path) {
  const Json* tag = &j;
  if (j.is_array()) {
    if (j.size() != 1) return bad(path, "expected [\"Pos\"] or [\"Neg\"]");
    tag = &j[0];
  }
  MINA_TRY(s, string(*tag, path));
  if (s == "Pos") return false;
  if (s == "Neg") return true;
  return bad(path, "expected Pos or Neg");
}

}  // namespace mina::json_reader
