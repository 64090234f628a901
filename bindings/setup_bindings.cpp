// Setup management: where this instance's SRS comes from and the Lagrange bases per wrap domain.
//   setupGenerate()                      the SRS generated as proof-systems does (the trust root)
//   setupFromSrs(pallas, vesta)          proof-systems' published pallas.srs / vesta.srs bytes
//   setupFromCache(pallas, vesta)        our own fast cache of an earlier setup (spot-checked)
//   exportSrsCache()                     {pallas, vesta} cache bytes of the current setup
//   prepareLagrange(log2)                compute (or keep) the wrap domain's 40 commitments
//                                        (until then the domain's proofs commit directly)
//   exportLagrange(log2) / importLagrange(log2, bytes)
//   setupInfo()                          {ready, lagrangeDomains, memoryBytes}
#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include "commitment/srs_file.hpp"
#include "elapsed.hpp"
#include "js_value.hpp"
#include "worker_setup.hpp"

namespace mina::bindings {
namespace {

// A domain without a basis in memory is committed to directly (one MSM per proof) so a first
// verification answers fast; the package builds the basis explicitly (prepareLagrange) once a
// domain proves to be in regular use.
val setup_done(Result<pickles::VerifierSetup> setup, const Stopwatch& clock) {
  if (!setup) return error_value(setup.error());
  setup->set_lagrange_policy(pickles::VerifierSetup::LagrangePolicy::kDirectUntilBuilt);
  worker_setup() = std::move(*setup);
  val out = val::object();
  out.set("ms", clock.ms());
  return out;
}

val no_setup() { return error_value("no_setup", "the verifier setup has not been made yet"); }

val setup_generate() {
  return guarded([] {
    Stopwatch clock;
    return setup_done(pickles::VerifierSetup::generate(), clock);
  });
}

val setup_from_srs(val pallas_js, val vesta_js) {
  return guarded([&] {
    Stopwatch clock;
    Bytes pallas_bytes = bytes_from_js(pallas_js);
    Bytes vesta_bytes = bytes_from_js(vesta_js);
    auto pallas = srs_from_msgpack<PallasParams>(pallas_bytes, pickles::VerifierSetup::kPallasSrsSize);
    if (!pallas) return error_value(pallas.error());
    auto vesta = srs_from_msgpack<VestaParams>(vesta_bytes, pickles::VerifierSetup::kVestaSrsSize);
    if (!vesta) return error_value(vesta.error());
    return setup_done(pickles::VerifierSetup::from_srs(std::move(*pallas), std::move(*vesta)), clock);
  });
}

val setup_from_cache(val pallas_js, val vesta_js) {
  return guarded([&] {
    Stopwatch clock;
    Bytes pallas = bytes_from_js(pallas_js);
    Bytes vesta = bytes_from_js(vesta_js);
    return setup_done(pickles::VerifierSetup::from_cache(pallas, vesta), clock);
  });
}

val export_srs_cache() {
  return guarded([] {
    if (!worker_setup()) return no_setup();
    val out = val::object();
    out.set("pallas", bytes_to_js(worker_setup()->export_pallas_cache()));
    out.set("vesta", bytes_to_js(worker_setup()->export_vesta_cache()));
    return out;
  });
}

val prepare_lagrange(unsigned log2) {
  return guarded([&] {
    if (!worker_setup()) return no_setup();
    Stopwatch clock;
    auto basis = worker_setup()->lagrange_basis(log2);
    if (!basis) return error_value(basis.error());
    val out = val::object();
    out.set("ms", clock.ms());
    return out;
  });
}

val export_lagrange(unsigned log2) {
  return guarded([&] {
    if (!worker_setup()) return no_setup();
    auto bytes = worker_setup()->export_lagrange_basis(log2);
    if (!bytes) return error_value(bytes.error());
    val out = val::object();
    out.set("bytes", bytes_to_js(*bytes));
    return out;
  });
}

val import_lagrange(unsigned log2, val bytes_js) {
  return guarded([&] {
    if (!worker_setup()) return no_setup();
    Bytes bytes = bytes_from_js(bytes_js);
    auto ok = worker_setup()->import_lagrange_basis(log2, bytes);
    if (!ok) return error_value(ok.error());
    return val::object();
  });
}

val setup_info() {
  val out = val::object();
  out.set("ready", worker_setup().has_value());
  val domains = val::array();
  if (worker_setup()) {
    for (unsigned log2 : worker_setup()->lagrange_domains()) domains.call<void>("push", log2);
  }
  out.set("lagrangeDomains", domains);
  out.set("memoryBytes", double(emscripten_get_heap_size()));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_setup) {
  emscripten::function("setupGenerate", &setup_generate);
  emscripten::function("setupFromSrs", &setup_from_srs);
  emscripten::function("setupFromCache", &setup_from_cache);
  emscripten::function("exportSrsCache", &export_srs_cache);
  emscripten::function("prepareLagrange", &prepare_lagrange);
  emscripten::function("exportLagrange", &export_lagrange);
  emscripten::function("importLagrange", &import_lagrange);
  emscripten::function("setupInfo", &setup_info);
}

}  // namespace mina::bindings
