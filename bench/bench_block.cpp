// Warm verification of a mainnet block proof (the blockchain SNARK: run_checks, public input,
// kimchi + IPA over the 2^15 Pallas SRS, step accumulator over the 2^16 Vesta SRS), with the SRS
// loaded from the fixtures and the 2^14 Lagrange basis already computed. Reported as a ratio to
// one zkApp proof verification (OpenMina's verify_zapp input, wrap domain 2^14) measured in the
// same process, so native and WASM figures compare like with like.
#include <fstream>
#include <iterator>
#include <string>

#include "bench.hpp"
#include "commitment/srs_file.hpp"
#include "encoding/base58.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/blockchain_snark.hpp"
#include "pickles/decode.hpp"
#include "pickles/verifier_index_json.hpp"
#include "pickles/verify.hpp"

namespace {
using namespace mina;
using namespace mina::bench;
using namespace mina::pickles;

Bytes read_file(const std::string& rel) {
  std::ifstream f(std::string(MINA_FIXTURES_DIR) + "/" + rel, std::ios::binary);
  return Bytes{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void fail(const std::string& what, const Error& e) {
  report("{\"bench\":\"block\",\"error\":\"" + what + ": " + e.message + "\"}");
}

constexpr const char* kBlock = "mina/precomputed/mainnet-359617-3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc.json";
constexpr const char* kStateHash = "3NL7rFMqYpwuLLbwqy7YrXkgZ1HEActmQ48gWu83kAKXiVzzdGLc";
// N1 zkApp proof, wrap domain 2^14 like the block's.
constexpr const char* kZkapp =
    "mina/verify_zapp_4af39d1e141859c964fe32b4e80537d3bd8c32d75e2754c0b869738006d25251_0.binprot";

Register r("block", [] {
  double t0 = now_ns();
  auto pallas = srs_from_msgpack<PallasParams>(read_file("srs/pallas.srs"), VerifierSetup::kPallasSrsSize);
  if (!pallas.ok()) return fail("pallas.srs", pallas.error());
  auto vesta = srs_from_msgpack<VestaParams>(read_file("srs/vesta.srs"), VerifierSetup::kVestaSrsSize);
  if (!vesta.ok()) return fail("vesta.srs", vesta.error());
  auto setup = VerifierSetup::from_srs(std::move(*pallas), std::move(*vesta));
  if (!setup.ok()) return fail("setup", setup.error());
  const double srs_load_ms = (now_ns() - t0) / 1e6;

  const Bytes index_bytes = read_file("mina/mainnet_blockchain_verifier_index.json");
  t0 = now_ns();
  auto key = decode_blockchain_verifier_index_json(
      std::string_view(reinterpret_cast<const char*>(index_bytes.data()), index_bytes.size()));
  const double index_decode_ms = (now_ns() - t0) / 1e6;
  if (!key.ok()) return fail("index", key.error());

  const Bytes block_bytes = read_file(kBlock);
  t0 = now_ns();
  auto block = decode_block_proof_file(block_bytes);
  const double block_decode_ms = (now_ns() - t0) / 1e6;
  if (!block.ok()) return fail("block", block.error());
  auto hash = decode_field_hash(kStateHash, VersionByte::kStateHash);
  if (!hash.ok()) return fail("state hash", hash.error());

  auto zkapp = decode_verify_zkapp_binprot(read_file(kZkapp));
  if (!zkapp.ok()) return fail("zkapp", zkapp.error());
  const WrapStatement zk_statement{&zkapp->proof, &zkapp->vk, {zkapp->zkapp_statement.account_update, zkapp->zkapp_statement.calls}};

  // First call computes the 2^14 Lagrange basis (shared by both proofs): the cold part.
  t0 = now_ns();
  auto first = verify_blockchain_snark(*setup, *key, *hash, block->proof);
  const double first_ms = (now_ns() - t0) / 1e6;
  if (!first.ok()) return fail("verify", first.error());

  bool block_ok = first->valid, zk_ok = true;
  const double block_ns = ns_per_iter(
      [&](int64_t n) {
        for (int64_t i = 0; i < n; ++i) {
          auto v = verify_blockchain_snark(*setup, *key, *hash, block->proof);
          block_ok = block_ok && v.ok() && v->valid;
        }
      },
      1500);
  const double zk_ns = ns_per_iter(
      [&](int64_t n) {
        for (int64_t i = 0; i < n; ++i) {
          auto v = verify(*setup, zk_statement);
          zk_ok = zk_ok && v.ok() && v->valid;
        }
      },
      1500);
  auto wrong = verify_blockchain_snark(*setup, *key, *hash + Fp::one(), block->proof);
  const bool rejects_wrong_hash = wrong.ok() && !wrong->valid;

  report(std::string("{\"bench\":\"block\",\"platform\":\"") + platform() + "\",\"network\":\"mainnet\",\"block\":\"" +
         kStateHash + "\",\"verify_block_ms\":" + std::to_string(block_ns / 1e6) +
         ",\"verify_zkapp_ms\":" + std::to_string(zk_ns / 1e6) +
         ",\"block_over_zkapp\":" + std::to_string(block_ns / zk_ns) + ",\"valid\":" + (block_ok ? "true" : "false") +
         ",\"zkapp_valid\":" + (zk_ok ? "true" : "false") +
         ",\"rejects_wrong_hash\":" + (rejects_wrong_hash ? "true" : "false") +
         ",\"first_verify_with_lagrange_ms\":" + std::to_string(first_ms) +
         ",\"srs_load_ms\":" + std::to_string(srs_load_ms) + ",\"index_decode_ms\":" + std::to_string(index_decode_ms) +
         ",\"block_decode_ms\":" + std::to_string(block_decode_ms) + "}");
});
}  // namespace
