#include "store/manifest.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace mina::store {

namespace {

void put_le(Bytes& out, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) out.push_back(uint8_t(v >> (8 * i)));
}

// A bounds-checked little-endian reader over the manifest body.
class Reader {
 public:
  explicit Reader(ByteSpan b) : b_(b) {}
  bool take(size_t n, ByteSpan& out) {
    if (b_.size() - pos_ < n) return false;
    out = b_.subspan(pos_, n);
    pos_ += n;
    return true;
  }
  bool le(size_t n, uint64_t& v) {
    ByteSpan s;
    if (!take(n, s)) return false;
    v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t(s[i]) << (8 * i);
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  ByteSpan b_;
  size_t pos_ = 0;
};

Result<bool> check_entries(const Manifest& m) {
  if (m.entries.size() > kMaxManifestEntries) return Error{ErrorCode::kLimitExceeded, "manifest has too many entries"};
  std::set<std::string> keys;
  for (const ManifestEntry& e : m.entries) {
    if (e.key.empty() || e.key.size() > kMaxChunkKeyBytes) return Error{ErrorCode::kInvalidLength, "manifest entry key length"};
    if (!is_known_kind(uint8_t(e.kind))) return Error{ErrorCode::kUnsupported, "manifest entry of unknown kind"};
    if (e.generation > m.generation)
      return Error{ErrorCode::kInvalidArgument, "manifest entry \"" + e.key + "\" is newer than the manifest"};
    if (!keys.insert(e.key).second) return Error{ErrorCode::kInvalidArgument, "manifest lists \"" + e.key + "\" twice"};
  }
  return true;
}

Error truncated() { return Error{ErrorCode::kTruncated, "manifest body ends early"}; }

Result<ManifestEntry> read_entry(Reader& rd) {
  ManifestEntry e;
  uint64_t kind = 0, key_len = 0, generation = 0, size = 0;
  ByteSpan key, checksum;
  if (!rd.le(1, kind) || !rd.le(1, key_len) || !rd.take(key_len, key) || !rd.le(8, generation) || !rd.le(4, size) ||
      !rd.take(kChecksumBytes, checksum))
    return truncated();
  if (!is_known_kind(uint8_t(kind))) return Error{ErrorCode::kUnsupported, "manifest entry of unknown kind"};
  e.kind = ChunkKind(kind);
  e.key.assign(key.begin(), key.end());
  e.generation = generation;
  e.payload_bytes = uint32_t(size);
  std::copy(checksum.begin(), checksum.end(), e.checksum.begin());
  return e;
}

}  // namespace

ManifestEntry entry_for(const DecodedChunk& d) {
  return ManifestEntry{d.chunk.kind, d.chunk.key, d.chunk.generation, uint32_t(d.chunk.payload.size()), d.checksum};
}

Result<Bytes> encode_manifest(const Manifest& m) {
  MINA_TRY(ok, check_entries(m));
  (void)ok;
  Bytes body;
  put_le(body, m.entries.size(), 4);
  for (const ManifestEntry& e : m.entries) {
    body.push_back(uint8_t(e.kind));
    body.push_back(uint8_t(e.key.size()));
    body.insert(body.end(), e.key.begin(), e.key.end());
    put_le(body, e.generation, 8);
    put_le(body, e.payload_bytes, 4);
    body.insert(body.end(), e.checksum.begin(), e.checksum.end());
  }
  return encode_chunk(Chunk{ChunkKind::kManifest, kManifestKey, m.generation, std::move(body)});
}

Result<Manifest> decode_manifest(ByteSpan record) {
  MINA_TRY(d, decode_chunk(record));
  if (d.chunk.kind != ChunkKind::kManifest || d.chunk.key != kManifestKey)
    return Error{ErrorCode::kInvalidArgument, "chunk is not a manifest"};
  Reader rd(d.chunk.payload);
  uint64_t count = 0;
  if (!rd.le(4, count)) return truncated();
  if (count > kMaxManifestEntries) return Error{ErrorCode::kLimitExceeded, "manifest has too many entries"};
  Manifest m;
  m.generation = d.chunk.generation;
  for (uint64_t i = 0; i < count; ++i) {
    MINA_TRY(e, read_entry(rd));
    m.entries.push_back(std::move(e));
  }
  if (!rd.done()) return Error{ErrorCode::kTrailingBytes, "manifest body continues after its entries"};
  MINA_TRY(ok, check_entries(m));
  (void)ok;
  return m;
}

GenerationChoice choose_generation(std::span<const ByteSpan> records, std::span<const ManifestEntry> available) {
  struct Candidate {
    Manifest manifest;
    size_t index;
  };
  GenerationChoice choice;
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < records.size(); ++i) {
    auto m = decode_manifest(records[i]);
    if (m.ok()) candidates.push_back({std::move(*m), i});
    else choice.skipped.push_back("manifest record " + std::to_string(i) + ": " + m.error().message);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.manifest.generation > b.manifest.generation; });
  // (key, generation) -> what was found, so large manifests check in O(n log n).
  std::map<std::pair<std::string, uint64_t>, const ManifestEntry*> found;
  for (const ManifestEntry& a : available) found.emplace(std::make_pair(a.key, a.generation), &a);
  for (Candidate& c : candidates) {
    auto missing = std::find_if(c.manifest.entries.begin(), c.manifest.entries.end(), [&](const ManifestEntry& e) {
      auto it = found.find({e.key, e.generation});
      return it == found.end() || !(*it->second == e);
    });
    if (missing == c.manifest.entries.end()) {
      choice.manifest = std::move(c.manifest);
      choice.record_index = c.index;
      return choice;
    }
    choice.skipped.push_back("generation " + std::to_string(c.manifest.generation) + ": chunk \"" + missing->key + "\"@" +
                             std::to_string(missing->generation) + " missing or different");
  }
  return choice;
}

}  // namespace mina::store
