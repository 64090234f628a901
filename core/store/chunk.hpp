// The persisted chunk record: (kind, key, generation, payload) framed and checksummed.
//
// A light node keeps its state (verified tips, the chain window, ledger chunks, SRS / Lagrange
// caches, peer records) as chunks in a key-value store it does not trust to be intact: a write
// may be torn by a crash and bytes may rot. Each record therefore carries its own identity and a
// SHA-256 over everything before it, so a reader either gets back exactly what was written or a
// typed error, never a silently different chunk. SHA-256 rather than Blake2b because both
// js/storage backends can then check it with the platform's own implementation (node:crypto,
// WebCrypto) and need no WASM for it.
//
// Layout, integers little-endian (js/storage/format.mjs mirrors it byte for byte):
//   off size
//    0   4  magic "MWCK"
//    4   1  format version (kChunkFormatVersion)
//    5   1  kind (ChunkKind)
//    6   1  key length K, 1..255
//    7   1  reserved, 0
//    8   8  generation
//   16   4  payload length P, <= kMaxChunkPayload
//   20   K  key bytes
//   20+K P  payload
//   ..  32  SHA-256 of bytes [0, 20+K+P)
//
// decode_chunk checks, reporting the first failure: fewer bytes than a header and checksum
// (kTruncated); magic (kInvalidEncoding); version (kUnsupported); declared lengths against the
// byte count (kTruncated when short, kTrailingBytes when long, kLimitExceeded when the payload is
// above the limit); the checksum (kBadChecksum); then reserved byte (kInvalidEncoding), kind
// (kUnsupported) and key length 0 (kInvalidLength), which only a buggy writer can produce.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/bytes.hpp"
#include "base/error.hpp"

namespace mina::store {

inline constexpr std::array<uint8_t, 4> kChunkMagic{'M', 'W', 'C', 'K'};
inline constexpr uint8_t kChunkFormatVersion = 1;
inline constexpr size_t kChunkHeaderBytes = 20;
inline constexpr size_t kChecksumBytes = 32;
inline constexpr size_t kMaxChunkKeyBytes = 255;
inline constexpr uint32_t kMaxChunkPayload = 64u << 20;  // the SRS is stored in pieces below this

// What a chunk holds. Values are part of the format: append, never renumber.
enum class ChunkKind : uint8_t {
  kManifest = 1,     // a generation manifest (manifest.hpp)
  kTip = 2,          // the verified best tip
  kChainWindow = 3,  // blocks of the last-k window
  kLedger = 4,       // verified ledger accounts / subtrees
  kSrsCache = 5,     // SRS points (derived-from hash in the payload)
  kLagrangeCache = 6,
  kPeers = 7,        // peer records and scores
};
bool is_known_kind(uint8_t kind);

using Checksum = std::array<uint8_t, kChecksumBytes>;

struct Chunk {
  ChunkKind kind = ChunkKind::kTip;
  std::string key;
  uint64_t generation = 0;
  Bytes payload;
  bool operator==(const Chunk&) const = default;
};

struct DecodedChunk {
  Chunk chunk;
  Checksum checksum;  // the record's trailing SHA-256 (what manifests list)
};

// Errors: empty or over-long key (kInvalidLength), payload above kMaxChunkPayload
// (kLimitExceeded), unknown kind (kUnsupported).
Result<Bytes> encode_chunk(const Chunk& chunk);
Result<DecodedChunk> decode_chunk(ByteSpan record);

}  // namespace mina::store
