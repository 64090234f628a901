// Chunk records across languages (hidden; tests/js/storage.test.mjs drives it). With
// MINA_STORE_INTEROP_DIR set, this writes records made by the C++ core plus cpp.json describing
// them, and checks every record js/storage/format.mjs wrote there (js.json) decodes to what JS
// says it holds, and that JS's corrupt records fail with the codes JS reports.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "store/chunk.hpp"
#include "store/manifest.hpp"

using namespace mina;
using namespace mina::store;
using nlohmann::json;

namespace {

// Emscripten's getenv sees its own default environment, not Node's: ask Node.
std::string interop_dir() {
#ifdef __EMSCRIPTEN__
  return emscripten_run_script_string("process.env.MINA_STORE_INTEROP_DIR || ''");
#else
  const char* env = std::getenv("MINA_STORE_INTEROP_DIR");
  return env ? env : "";
#endif
}

std::string hex(ByteSpan b) { return to_hex(b); }

Bytes unhex(const std::string& h) {
  Bytes out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(uint8_t(std::stoul(h.substr(i, 2), nullptr, 16)));
  return out;
}

Bytes read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, ByteSpan bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  REQUIRE(f.good());
}

json entry_json(const ManifestEntry& e) {
  return {{"kind", int(e.kind)}, {"key", e.key}, {"generation", std::to_string(e.generation)},
          {"payloadBytes", e.payload_bytes}, {"checksum", hex(e.checksum)}};
}

}  // namespace

TEST_CASE("store/interop: C++ and JS records decode on both sides", "[.store-interop]") {
  const std::string dir = interop_dir();
  REQUIRE_FALSE(dir.empty());

  // Write: a few chunks (edge sizes, a u64 generation above 2^53, a UTF-8 key), their manifest,
  // and corrupt copies with the code decode_chunk gives.
  json out = {{"chunks", json::array()}, {"corrupt", json::array()}};
  Manifest manifest{0xfedcba9876543210ULL, {}};
  const std::vector<Chunk> chunks = {
      {ChunkKind::kTip, "tip", 7, {1, 2, 3}},
      {ChunkKind::kLedger, "ledger/subtree-\xc3\xa9", 0xfedcba9876543210ULL, Bytes(1000, 0xab)},
      {ChunkKind::kPeers, std::string(255, 'p'), 0, {}},
  };
  for (size_t i = 0; i < chunks.size(); ++i) {
    auto rec = encode_chunk(chunks[i]);
    REQUIRE(rec.ok());
    const std::string file = "cpp-" + std::to_string(i) + ".chunk";
    write_file(dir + "/" + file, *rec);
    auto d = decode_chunk(*rec);
    REQUIRE(d.ok());
    out["chunks"].push_back({{"file", file}, {"kind", int(chunks[i].kind)}, {"key", chunks[i].key},
                             {"generation", std::to_string(chunks[i].generation)}, {"payload", hex(chunks[i].payload)},
                             {"checksum", hex(d->checksum)}});
    manifest.entries.push_back(entry_for(*d));
    Bytes flipped = *rec;
    flipped[flipped.size() / 2] ^= 0x01;
    const std::string bad = "cpp-" + std::to_string(i) + "-flipped.chunk";
    write_file(dir + "/" + bad, flipped);
    out["corrupt"].push_back({{"file", bad}, {"code", error_code_name(decode_chunk(flipped).error().code)}});
    Bytes torn(rec->begin(), rec->end() - 1);
    const std::string torn_file = "cpp-" + std::to_string(i) + "-torn.chunk";
    write_file(dir + "/" + torn_file, torn);
    out["corrupt"].push_back({{"file", torn_file}, {"code", error_code_name(decode_chunk(torn).error().code)}});
  }
  auto mrec = encode_manifest(manifest);
  REQUIRE(mrec.ok());
  write_file(dir + "/cpp-manifest.chunk", *mrec);
  json entries = json::array();
  for (const auto& e : manifest.entries) entries.push_back(entry_json(e));
  out["manifest"] = {{"file", "cpp-manifest.chunk"}, {"generation", std::to_string(manifest.generation)}, {"entries", entries}};
  std::ofstream(dir + "/cpp.json") << out.dump(1);

  // Read what JS wrote, if it did.
  std::ifstream js_file(dir + "/js.json");
  if (!js_file) return;
  const json js = json::parse(js_file);
  for (const auto& c : js["chunks"]) {
    INFO(c["file"].get<std::string>());
    auto d = decode_chunk(read_file(dir + "/" + c["file"].get<std::string>()));
    REQUIRE(d.ok());
    CHECK(int(d->chunk.kind) == c["kind"].get<int>());
    CHECK(d->chunk.key == c["key"].get<std::string>());
    CHECK(std::to_string(d->chunk.generation) == c["generation"].get<std::string>());
    CHECK(d->chunk.payload == unhex(c["payload"].get<std::string>()));
    CHECK(hex(d->checksum) == c["checksum"].get<std::string>());
  }
  for (const auto& c : js["corrupt"]) {
    INFO(c["file"].get<std::string>());
    auto d = decode_chunk(read_file(dir + "/" + c["file"].get<std::string>()));
    REQUIRE_FALSE(d.ok());
    CHECK(error_code_name(d.error().code) == c["code"].get<std::string>());
  }
  auto m = decode_manifest(read_file(dir + "/" + js["manifest"]["file"].get<std::string>()));
  REQUIRE(m.ok());
  CHECK(std::to_string(m->generation) == js["manifest"]["generation"].get<std::string>());
  REQUIRE(m->entries.size() == js["manifest"]["entries"].size());
  for (size_t i = 0; i < m->entries.size(); ++i) CHECK(entry_json(m->entries[i]) == js["manifest"]["entries"][i]);
}
