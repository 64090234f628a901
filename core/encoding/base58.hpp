// Base58 (Bitcoin alphabet), base58check, and Mina's typed base58check encodings.
//
// Layer 1, base58: big-endian base-58 digits, each leading zero byte spelled as '1'.
// Layer 2, base58check: version byte || payload || first 4 bytes of SHA-256(SHA-256(version ||
//   payload)). Mina's version bytes make each kind recognisable by its first letters.
// Layer 3, Mina's payloads (bin_prot; verified against o1js base58.ts / curve-bigint.ts and
//   proof-systems signer/src/pubkey.rs):
//     field hashes    [version][0x01 bin_prot version tag][32-byte LE field]  (token id: no tag)
//     public key      [0xcb][0x01 Public_key tag][0x01 Field tag][x: 32 LE][is_odd: 0x00|0x01]
//     private key     [0x5a][0x01][scalar: 32 LE Fq]
//     signature       [0x9a][0x01][r: 32 LE Fp][s: 32 LE Fq]
//
// Decoders check, in this order, and report the first failure:
//   alphabet -> kInvalidEncoding, checksum -> kBadChecksum, version byte -> kWrongVersionByte,
//   payload length -> kInvalidLength, bin_prot version tag -> kWrongVersionByte,
//   field value >= modulus -> kNonCanonicalField, bool byte not 0/1 -> kInvalidEncoding,
//   public key x not on Pallas -> kInvalidPoint.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "encoding/keys.hpp"
#include "field/pasta.hpp"

namespace mina {

// ---- base58 ----

// Input longer than this is rejected with kInvalidLength before any work: decoding is quadratic
// and no Mina string comes close (signatures are 96 characters).
inline constexpr size_t kMaxBase58Chars = 1024;

std::string base58_encode(ByteSpan bytes);
Result<Bytes> base58_decode(std::string_view text);

// ---- base58check ----

std::string base58check_encode(uint8_t version, ByteSpan payload);
// Returns the payload (without version byte and checksum).
Result<Bytes> base58check_decode(std::string_view text, uint8_t expected_version);

// ---- Mina ----

enum class VersionByte : uint8_t {
  kLedgerHash = 0x05,        // "jx..." / "jw..."
  kReceiptChainHash = 0x0c,  // "2m..."
  kEpochSeed = 0x0d,         // "2v..."
  kStateHash = 0x10,         // "3N..."
  kTokenId = 0x1c,           // "w..."   (token_id_key; no bin_prot version tag)
  kPrivateKey = 0x5a,        // "EK..."
  kSignature = 0x9a,         // "7m..."
  kPublicKey = 0xcb,         // "B62..."
};

// Field-valued hashes: kLedgerHash, kReceiptChainHash, kEpochSeed, kStateHash, kTokenId.
// Passing another version byte is a programming error (std::invalid_argument).
std::string encode_field_hash(const Fp& value, VersionByte kind);
Result<Fp> decode_field_hash(std::string_view text, VersionByte kind);

std::string encode_public_key(const CompressedPublicKey& pk);
Result<CompressedPublicKey> decode_public_key(std::string_view text);

std::string encode_private_key(const Fq& sk);
Result<Fq> decode_private_key(std::string_view text);

std::string encode_signature(const Signature& sig);
Result<Signature> decode_signature(std::string_view text);

}  // namespace mina
