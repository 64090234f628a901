// The one verifier setup of this WASM instance. The package runs one instance per worker, so
// this is "the worker's setup": made once (generated or loaded), then shared by every request.
#pragma once

#include <optional>

#include "pickles/verify.hpp"

namespace mina::bindings {

inline std::optional<pickles::VerifierSetup>& worker_setup() {
  static std::optional<pickles::VerifierSetup> setup;
  return setup;
}

}  // namespace mina::bindings
