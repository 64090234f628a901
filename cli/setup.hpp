// The verifier setup for the verify commands: the SRS from DIR/pallas.srs and DIR/vesta.srs
// (proof-systems' published files) when --srs-dir or MINA_SRS_DIR is given, generated otherwise
// (slower, the same points).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

#include "cli.hpp"
#include "commitment/srs_file.hpp"
#include "files.hpp"
#include "pickles/verify.hpp"

namespace mina::cli {

inline Result<pickles::VerifierSetup> load_setup(const Args& args) {
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

}  // namespace mina::cli
