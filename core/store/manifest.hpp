// Generation manifests: which chunks make up one consistent stored state.
//
// Writers never overwrite: generation G's chunks are new records (key, G); the manifest for G is
// written last and lists every chunk of the state (kind, key, the generation that wrote it, size,
// record checksum), so unchanged chunks are shared with older generations by reference. A
// generation is current once its manifest is stored AND every chunk it lists is present with the
// listed checksum. A crash before the manifest leaves the previous generation current; a crash
// (or rot) that damages a listed chunk makes readers fall back to an older complete generation.
//
// The manifest is itself a chunk record (kind kManifest, key "manifest", generation G) whose
// payload is, little-endian:
//   u32 entry count N (<= kMaxManifestEntries)
//   N x { u8 kind, u8 key length K (1..255), K key bytes, u64 generation, u32 payload bytes,
//         32-byte record checksum }
// Entries have distinct keys and generations <= G. js/storage/format.mjs mirrors it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "store/chunk.hpp"

namespace mina::store {

inline constexpr uint32_t kMaxManifestEntries = 1u << 20;
inline constexpr const char* kManifestKey = "manifest";

struct ManifestEntry {
  ChunkKind kind = ChunkKind::kTip;
  std::string key;
  uint64_t generation = 0;
  uint32_t payload_bytes = 0;
  Checksum checksum{};
  bool operator==(const ManifestEntry&) const = default;
};

struct Manifest {
  uint64_t generation = 0;
  std::vector<ManifestEntry> entries;
  bool operator==(const Manifest&) const = default;
};

// The entry that lists a decoded (hence checksum-verified) chunk.
ManifestEntry entry_for(const DecodedChunk& chunk);

// Errors: duplicate keys or an entry newer than the manifest (kInvalidArgument), too many
// entries (kLimitExceeded), bad keys (kInvalidLength), unknown kinds (kUnsupported).
Result<Bytes> encode_manifest(const Manifest& manifest);
// decode_chunk's errors, then: not a manifest chunk (kInvalidArgument), body shorter than its
// counts (kTruncated), longer (kTrailingBytes), and encode_manifest's rules.
Result<Manifest> decode_manifest(ByteSpan record);

struct GenerationChoice {
  std::optional<Manifest> manifest;  // none: nothing complete is stored (start fresh)
  size_t record_index = 0;           // which input record it came from
  std::vector<std::string> skipped;  // why each newer candidate was passed over
};

// Picks the newest generation whose manifest decodes and whose every entry is among
// `available` (chunks the reader found and decoded; equality on all entry fields). Pure: the
// caller does the reading. Ties on generation keep the first record.
GenerationChoice choose_generation(std::span<const ByteSpan> manifest_records, std::span<const ManifestEntry> available);

}  // namespace mina::store
