// Chunk records and generation manifests: round trips, every torn / flipped / extended record
// rejected with a typed error, and generation choice with fallback.
#include <catch2/catch.hpp>

#include <span>
#include <string>
#include <vector>

#include "store/chunk.hpp"
#include "store/manifest.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::store;

namespace {

Chunk sample(ChunkKind kind, std::string key, uint64_t generation, size_t payload_bytes) {
  Chunk c{kind, std::move(key), generation, {}};
  for (size_t i = 0; i < payload_bytes; ++i) c.payload.push_back(uint8_t(mina::test::rng()()));
  return c;
}

Bytes encode(const Chunk& c) {
  auto r = encode_chunk(c);
  REQUIRE(r.ok());
  return *r;
}

DecodedChunk decode(const Bytes& b) {
  auto r = decode_chunk(b);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("store/chunk: round trip keeps kind, key, generation and payload", "[store]") {
  for (const Chunk& c : {sample(ChunkKind::kTip, "tip", 1, 0), sample(ChunkKind::kLedger, std::string(255, 'k'), ~uint64_t(0), 1000),
                         sample(ChunkKind::kPeers, "p", 0, 1)}) {
    const Bytes b = encode(c);
    CHECK(b.size() == kChunkHeaderBytes + c.key.size() + c.payload.size() + kChecksumBytes);
    const DecodedChunk d = decode(b);
    CHECK(d.chunk == c);
    CHECK(std::equal(d.checksum.begin(), d.checksum.end(), b.end() - kChecksumBytes));
  }
}

TEST_CASE("store/chunk: encoder refuses what the format cannot hold", "[store]") {
  CHECK(encode_chunk(Chunk{ChunkKind::kTip, "", 1, {}}).error().code == ErrorCode::kInvalidLength);
  CHECK(encode_chunk(Chunk{ChunkKind::kTip, std::string(256, 'k'), 1, {}}).error().code == ErrorCode::kInvalidLength);
  CHECK(encode_chunk(Chunk{ChunkKind(0), "k", 1, {}}).error().code == ErrorCode::kUnsupported);
  CHECK(encode_chunk(Chunk{ChunkKind(200), "k", 1, {}}).error().code == ErrorCode::kUnsupported);
  CHECK(encode_chunk(Chunk{ChunkKind::kSrsCache, "k", 1, Bytes(kMaxChunkPayload + 1)}).error().code == ErrorCode::kLimitExceeded);
}

TEST_CASE("store/chunk: every bit flip, truncation and extension is detected", "[store]") {
  const Bytes good = encode(sample(ChunkKind::kChainWindow, "window/359606", 42, 97));
  for (size_t i = 0; i < good.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes b = good;
      b[i] ^= uint8_t(1 << bit);
      auto r = decode_chunk(b);
      INFO("byte " << i << " bit " << bit);
      REQUIRE_FALSE(r.ok());
    }
  }
  for (size_t n = 0; n < good.size(); ++n) {
    auto r = decode_chunk(ByteSpan(good).first(n));
    REQUIRE_FALSE(r.ok());
    // A torn write (a prefix) reads as truncated, whatever header bytes survived.
    CHECK(r.error().code == ErrorCode::kTruncated);
  }
  Bytes longer = good;
  longer.push_back(0);
  CHECK(decode_chunk(longer).error().code == ErrorCode::kTrailingBytes);
}

TEST_CASE("store/chunk: header checks report their own codes", "[store]") {
  const Bytes good = encode(sample(ChunkKind::kTip, "tip", 3, 10));
  Bytes b = good;
  b[0] = 'X';
  CHECK(decode_chunk(b).error().code == ErrorCode::kInvalidEncoding);
  b = good;
  b[4] = 2;
  CHECK(decode_chunk(b).error().code == ErrorCode::kUnsupported);
  b = good;
  b[good.size() - 1] ^= 1;
  CHECK(decode_chunk(b).error().code == ErrorCode::kBadChecksum);
  b = good;
  b[20] ^= 1;  // the key
  CHECK(decode_chunk(b).error().code == ErrorCode::kBadChecksum);
  b = good;
  b[19] = 0x10;  // payload length above the limit
  CHECK(decode_chunk(b).error().code == ErrorCode::kLimitExceeded);
}

namespace {

struct Generation {
  Manifest manifest;
  std::vector<Bytes> records;  // the chunks it wrote
  Bytes manifest_record;
};

// A generation that rewrites `rewritten` keys and reuses the rest from `previous`.
Generation write_generation(uint64_t g, const Manifest* previous, const std::vector<std::string>& rewritten) {
  Generation out;
  out.manifest.generation = g;
  if (previous)
    for (const ManifestEntry& e : previous->entries)
      if (std::find(rewritten.begin(), rewritten.end(), e.key) == rewritten.end()) out.manifest.entries.push_back(e);
  for (const std::string& key : rewritten) {
    out.records.push_back(encode(sample(ChunkKind::kLedger, key, g, 40)));
    out.manifest.entries.push_back(entry_for(decode(out.records.back())));
  }
  auto m = encode_manifest(out.manifest);
  REQUIRE(m.ok());
  out.manifest_record = *m;
  return out;
}

std::vector<ManifestEntry> entries_of(const std::vector<const std::vector<Bytes>*>& chunk_sets) {
  std::vector<ManifestEntry> out;
  for (const auto* set : chunk_sets)
    for (const Bytes& b : *set) {
      auto d = decode_chunk(b);
      if (d.ok()) out.push_back(entry_for(*d));
    }
  return out;
}

}  // namespace

TEST_CASE("store/manifest: round trip and malformed manifests", "[store]") {
  Generation g1 = write_generation(1, nullptr, {"a", "b", "c"});
  auto m = decode_manifest(g1.manifest_record);
  REQUIRE(m.ok());
  CHECK(*m == g1.manifest);
  CHECK(decode_manifest(g1.records[0]).error().code == ErrorCode::kInvalidArgument);  // a chunk, not a manifest

  Manifest dup = g1.manifest;
  dup.entries.push_back(dup.entries[0]);
  CHECK(encode_manifest(dup).error().code == ErrorCode::kInvalidArgument);
  Manifest newer = g1.manifest;
  newer.entries[0].generation = 2;
  CHECK(encode_manifest(newer).error().code == ErrorCode::kInvalidArgument);

  // Bodies that lie about their count, well framed and checksummed: typed errors.
  auto body_chunk = [](Bytes body) { return encode(Chunk{ChunkKind::kManifest, kManifestKey, 1, std::move(body)}); };
  CHECK(decode_manifest(body_chunk({1, 0, 0, 0})).error().code == ErrorCode::kTruncated);
  CHECK(decode_manifest(body_chunk({0, 0, 0, 0, 9})).error().code == ErrorCode::kTrailingBytes);
  CHECK(decode_manifest(body_chunk({0, 0, 0, 0x80})).error().code == ErrorCode::kLimitExceeded);
  CHECK(decode_manifest(body_chunk({})).error().code == ErrorCode::kTruncated);
  for (size_t n = 0; n < g1.manifest_record.size(); n += 5) CHECK_FALSE(decode_manifest(ByteSpan(g1.manifest_record).first(n)).ok());
}

TEST_CASE("store/manifest: the newest complete generation wins, else the previous", "[store]") {
  Generation g1 = write_generation(1, nullptr, {"tip", "window", "ledger/0"});
  Generation g2 = write_generation(2, &g1.manifest, {"tip", "ledger/1"});
  const std::vector<ByteSpan> both{g1.manifest_record, g2.manifest_record};

  SECTION("complete: generation 2, reusing generation 1's window") {
    auto all = entries_of({&g1.records, &g2.records});
    GenerationChoice c = choose_generation(both, all);
    REQUIRE(c.manifest);
    CHECK(c.manifest->generation == 2);
    CHECK(c.record_index == 1);
    CHECK(c.skipped.empty());
  }
  SECTION("crash before generation 2's manifest: its chunks are ignored") {
    auto all = entries_of({&g1.records, &g2.records});
    const std::vector<ByteSpan> only_g1{g1.manifest_record};
    GenerationChoice c = choose_generation(only_g1, all);
    REQUIRE(c.manifest);
    CHECK(c.manifest->generation == 1);
  }
  SECTION("a generation-2 chunk lost or corrupted: fall back to 1") {
    std::vector<Bytes> damaged = g2.records;
    damaged[1][30] ^= 0x40;  // rot inside ledger/1's payload: it no longer decodes
    auto avail = entries_of({&g1.records, &damaged});
    GenerationChoice c = choose_generation(both, avail);
    REQUIRE(c.manifest);
    CHECK(c.manifest->generation == 1);
    REQUIRE(c.skipped.size() == 1);
    CHECK(c.skipped[0].find("ledger/1") != std::string::npos);
  }
  SECTION("a shared chunk lost: neither generation is complete") {
    std::vector<Bytes> g1_without_window{g1.records[0], g1.records[2]};
    auto avail = entries_of({&g1_without_window, &g2.records});
    GenerationChoice c = choose_generation(both, avail);
    CHECK_FALSE(c.manifest);
    CHECK(c.skipped.size() == 2);
  }
  SECTION("a torn newest manifest is skipped") {
    auto all = entries_of({&g1.records, &g2.records});
    const Bytes torn(g2.manifest_record.begin(), g2.manifest_record.end() - 3);
    const std::vector<ByteSpan> records{torn, g1.manifest_record};
    GenerationChoice c = choose_generation(records, all);
    REQUIRE(c.manifest);
    CHECK(c.manifest->generation == 1);
    CHECK(c.record_index == 1);
  }
  SECTION("a chunk with the right key but another checksum does not count") {
    std::vector<Bytes> swapped = g2.records;
    swapped[0] = encode(sample(ChunkKind::kLedger, "tip", 2, 40));  // same key and generation, other bytes
    auto avail = entries_of({&g1.records, &swapped});
    GenerationChoice c = choose_generation(both, avail);
    REQUIRE(c.manifest);
    CHECK(c.manifest->generation == 1);
  }
  SECTION("nothing stored") {
    GenerationChoice c = choose_generation({}, {});
    CHECK_FALSE(c.manifest);
  }
}
