// The verifier setup for the verify commands.
//
// Where the SRS comes from, fastest first:
//   --cache-dir DIR (or MINA_CACHE_DIR): our own cache of an earlier run (srs-pallas.bin,
//     srs-vesta.bin: uncompressed, checksummed, spot-checked against the generator) and the
//     Lagrange bases computed before (lagrange-pallas-2^K.bin). Missing or damaged entries are
//     rebuilt and rewritten, never trusted.
//   --srs-dir DIR (or MINA_SRS_DIR): proof-systems' published pallas.srs / vesta.srs.
//   otherwise: generated (Blake2b + group map), the trust root itself.
// Without a cache directory the public-input commitments are formed directly (no basis).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>

#include "cli.hpp"
#include "commitment/srs_file.hpp"
#include "files.hpp"
#include "pickles/verify.hpp"

namespace mina::cli {

// Flags every command with a verifier setup accepts.
inline const std::set<std::string> kSetupFlags = {"srs-dir", "cache-dir"};

inline std::set<std::string> with_setup_flags(std::set<std::string> flags) {
  flags.insert(kSetupFlags.begin(), kSetupFlags.end());
  return flags;
}

// Writes through a temporary file and a rename, so a reader sees the old file or the new one,
// never half of one. A cache that cannot be written is only slower next time: reported, not fatal.
inline void write_cache_file(const std::string& path, ByteSpan bytes) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (f) f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!f) {
      std::fprintf(stderr, "warning: cannot write cache file %s\n", tmp.c_str());
      return;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::fprintf(stderr, "warning: cannot write cache file %s: %s\n", path.c_str(), ec.message().c_str());
}

class CliSetup {
 public:
  pickles::VerifierSetup verifier;

  // Writes what this run computed and the cache lacked.
  void save() {
    if (!cache_dir_) return;
    if (!srs_from_cache_) {
      write_cache_file(*cache_dir_ + "/srs-pallas.bin", verifier.export_pallas_cache());
      write_cache_file(*cache_dir_ + "/srs-vesta.bin", verifier.export_vesta_cache());
      srs_from_cache_ = true;
    }
    for (unsigned log2 : verifier.lagrange_domains()) {
      if (lagrange_loaded_.count(log2)) continue;
      auto bytes = verifier.export_lagrange_basis(log2);
      if (bytes) write_cache_file(lagrange_path(log2), *bytes);
      lagrange_loaded_.insert(log2);
    }
  }

  static Result<CliSetup> load(const Args& args) {
    std::optional<std::string> cache_dir = args.flag("cache-dir");
    if (!cache_dir) {
      if (const char* env = std::getenv("MINA_CACHE_DIR")) cache_dir = env;
    }
    if (cache_dir) {
      auto cached = from_cache_dir(*cache_dir);
      if (cached) return cached;
    }
    MINA_TRY(verifier, load_srs(args));
    CliSetup s{std::move(verifier)};
    s.cache_dir_ = cache_dir;
    // A one-shot run with nowhere to keep a basis commits each public input directly (one MSM
    // per proof instead of 40 per domain); with a cache the basis is built once and kept.
    if (!cache_dir) s.verifier.set_lagrange_policy(pickles::VerifierSetup::LagrangePolicy::kDirectUntilBuilt);
    return s;
  }

 private:
  explicit CliSetup(pickles::VerifierSetup v) : verifier(std::move(v)) {}

  std::string lagrange_path(unsigned log2) const {
    return *cache_dir_ + "/lagrange-pallas-2^" + std::to_string(log2) + ".bin";
  }

  static Result<CliSetup> from_cache_dir(const std::string& dir) {
    MINA_TRY(pallas, read_file(dir + "/srs-pallas.bin"));
    MINA_TRY(vesta, read_file(dir + "/srs-vesta.bin"));
    MINA_TRY(verifier, pickles::VerifierSetup::from_cache(pallas, vesta));
    CliSetup s{std::move(verifier)};
    s.cache_dir_ = dir;
    s.srs_from_cache_ = true;
    // Wrap domains are 2^13..2^15 (side-loaded keys) and 2^14 (blockchain SNARK).
    for (unsigned log2 = 13; log2 <= 15; ++log2) {
      auto bytes = read_file(s.lagrange_path(log2));
      if (bytes && s.verifier.import_lagrange_basis(log2, *bytes)) s.lagrange_loaded_.insert(log2);
    }
    return s;
  }

  static Result<pickles::VerifierSetup> load_srs(const Args& args) {
    std::optional<std::string> dir = args.flag("srs-dir");
    if (!dir) {
      if (const char* env = std::getenv("MINA_SRS_DIR")) dir = env;
    }
    if (!dir) return pickles::VerifierSetup::generate();
    MINA_TRY(pallas_bytes, read_file(*dir + "/pallas.srs"));
    MINA_TRY(vesta_bytes, read_file(*dir + "/vesta.srs"));
    MINA_TRY(pallas, srs_from_msgpack<PallasParams>(pallas_bytes, pickles::VerifierSetup::kPallasSrsSize));
    MINA_TRY(vesta, srs_from_msgpack<VestaParams>(vesta_bytes, pickles::VerifierSetup::kVestaSrsSize));
    return pickles::VerifierSetup::from_srs(std::move(pallas), std::move(vesta));
  }

  std::optional<std::string> cache_dir_;
  bool srs_from_cache_ = false;
  std::set<unsigned> lagrange_loaded_;
};

}  // namespace mina::cli
