// Internal: typed reads from untrusted JSON for the protocol-state decoders. Every failure is a
// typed Error naming the JSON path, so a bad block says which field is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "encoding/keys.hpp"
#include "field/pasta.hpp"
#include "mina/protocol_state.hpp"

namespace mina::json_reader {

using Json = nlohmann::json;

// Parses a whole document (size and nesting bounded; an object at the top).
Result<Json> parse_document(std::string_view text, const char* what);

// A member of an object. kMalformedJson when `j` is not an object or the key is missing.
Result<const Json*> member(const Json& j, std::string_view key, const std::string& path);
// The first present of two spellings (e.g. curr_global_slot_since_hard_fork / curr_global_slot).
Result<const Json*> member_either(const Json& j, std::string_view key, std::string_view alt, const std::string& path);
const Json* optional_member(const Json& j, std::string_view key);

// Integers: decimal strings (Mina's JSON) or JSON unsigned numbers; range-checked.
Result<uint32_t> u32(const Json& j, const std::string& path);
Result<uint64_t> u64(const Json& j, const std::string& path);
Result<bool> boolean(const Json& j, const std::string& path);
Result<std::string_view> string(const Json& j, const std::string& path);

// base58check of [version][0x01][32-byte LE field] ("3N…", "jx…", "2v…", "2n…", "4Q…", "4Y…").
Result<Fp> field_hash(const Json& j, uint8_t version, const std::string& path);
// base58check of [version][32 raw bytes] (staged-ledger aux hashes).
Result<Bytes32> raw_hash(const Json& j, uint8_t version, const std::string& path);
Result<Fp> token_id(const Json& j, const std::string& path);   // "w…"
Result<Fp> field_hex(const Json& j, const std::string& path);  // "0x…" (local state digests)
Result<CompressedPublicKey> public_key(const Json& j, const std::string& path);  // "B62…"
Result<Bytes32> hex32(const Json& j, const std::string& path);  // 64 hex digits
// Base64 (URL-safe as Mina prints VRF outputs; the standard alphabet is accepted too) of 32 bytes.
Result<Bytes32> base64_32(const Json& j, const std::string& path);
// Sgn: ["Pos"] / ["Neg"] (ppx_yojson's variant form) or "Pos" / "Neg".
Result<bool> sgn_is_negative(const Json& j, const std::string& path);

// Mina's base58check version bytes for the hashes a protocol state holds.
namespace version {
inline constexpr uint8_t kLedgerHash = 0x05;
inline constexpr uint8_t kPendingCoinbaseHash = 0x0c;
inline constexpr uint8_t kEpochSeed = 0x0d;
inline constexpr uint8_t kStagedLedgerAuxHash = 0x0e;
inline constexpr uint8_t kPendingCoinbaseAux = 0x0f;
inline constexpr uint8_t kStateHash = 0x10;
inline constexpr uint8_t kStateBodyHash = 0x11;  // no fixture has a non-empty body-hash list
inline constexpr uint8_t kCoinbaseStackData = 0x17;
inline constexpr uint8_t kCoinbaseStackHash = 0x18;
}  // namespace version

// The field of a base58check [version][0x01][32-byte LE] string (shared with the CLI/tests).
Result<Fp> decode_versioned_field(std::string_view text, uint8_t version);

}  // namespace mina::json_reader
