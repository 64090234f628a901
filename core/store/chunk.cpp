#include "store/chunk.hpp"

#include <algorithm>

#include "hash/sha256.hpp"

namespace mina::store {

namespace {

void put_le(Bytes& out, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) out.push_back(uint8_t(v >> (8 * i)));
}

uint64_t get_le(ByteSpan in, size_t off, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t(in[off + i]) << (8 * i);
  return v;
}

Result<bool> check_encodable(const Chunk& c) {
  if (c.key.empty() || c.key.size() > kMaxChunkKeyBytes)
    return Error{ErrorCode::kInvalidLength, "chunk key must be 1.." + std::to_string(kMaxChunkKeyBytes) + " bytes"};
  if (c.payload.size() > kMaxChunkPayload)
    return Error{ErrorCode::kLimitExceeded, "chunk payload above " + std::to_string(kMaxChunkPayload) + " bytes"};
  if (!is_known_kind(uint8_t(c.kind))) return Error{ErrorCode::kUnsupported, "unknown chunk kind"};
  return true;
}

}  // namespace

bool is_known_kind(uint8_t kind) {
  return kind >= uint8_t(ChunkKind::kManifest) && kind <= uint8_t(ChunkKind::kPeers);
}

Result<Bytes> encode_chunk(const Chunk& c) {
  MINA_TRY(ok, check_encodable(c));
  (void)ok;
  Bytes out;
  out.reserve(kChunkHeaderBytes + c.key.size() + c.payload.size() + kChecksumBytes);
  out.insert(out.end(), kChunkMagic.begin(), kChunkMagic.end());
  out.push_back(kChunkFormatVersion);
  out.push_back(uint8_t(c.kind));
  out.push_back(uint8_t(c.key.size()));
  out.push_back(0);
  put_le(out, c.generation, 8);
  put_le(out, c.payload.size(), 4);
  out.insert(out.end(), c.key.begin(), c.key.end());
  out.insert(out.end(), c.payload.begin(), c.payload.end());
  const Sha256::Digest digest = sha256(out);
  out.insert(out.end(), digest.begin(), digest.end());
  return out;
}

Result<DecodedChunk> decode_chunk(ByteSpan r) {
  if (r.size() < kChunkHeaderBytes + kChecksumBytes)
    return Error{ErrorCode::kTruncated, "chunk shorter than its header and checksum"};
  if (!std::equal(kChunkMagic.begin(), kChunkMagic.end(), r.begin()))
    return Error{ErrorCode::kInvalidEncoding, "not a chunk record (bad magic)"};
  if (r[4] != kChunkFormatVersion)
    return Error{ErrorCode::kUnsupported, "chunk format version " + std::to_string(r[4])};
  const size_t key_len = r[6];
  const uint64_t payload_len = get_le(r, 16, 4);
  if (payload_len > kMaxChunkPayload) return Error{ErrorCode::kLimitExceeded, "chunk payload length above the limit"};
  const size_t body = kChunkHeaderBytes + key_len + size_t(payload_len);
  if (r.size() < body + kChecksumBytes) return Error{ErrorCode::kTruncated, "chunk record is torn (shorter than declared)"};
  if (r.size() > body + kChecksumBytes) return Error{ErrorCode::kTrailingBytes, "chunk record longer than declared"};
  const Sha256::Digest digest = sha256(r.first(body));
  if (!std::equal(digest.begin(), digest.end(), r.begin() + body))
    return Error{ErrorCode::kBadChecksum, "chunk checksum mismatch (corrupt chunk)"};
  if (r[7] != 0) return Error{ErrorCode::kInvalidEncoding, "chunk reserved byte is not 0"};
  if (!is_known_kind(r[5])) return Error{ErrorCode::kUnsupported, "unknown chunk kind " + std::to_string(r[5])};
  if (key_len == 0) return Error{ErrorCode::kInvalidLength, "chunk key is empty"};
  DecodedChunk d;
  d.chunk.kind = ChunkKind(r[5]);
  d.chunk.key.assign(reinterpret_cast<const char*>(r.data() + kChunkHeaderBytes), key_len);
  d.chunk.generation = get_le(r, 8, 8);
  d.chunk.payload.assign(r.begin() + kChunkHeaderBytes + key_len, r.begin() + body);
  std::copy(digest.begin(), digest.end(), d.checksum.begin());
  return d;
}

}  // namespace mina::store
