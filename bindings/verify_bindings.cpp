// Verification and key digests:
//   vkInfo(vkJson)                           {hash (computed), hashMatches, maxProofsVerified, wrapDomainLog2}
//   verifyZkapp(proofJson, vkJson, mpv, seed) {valid, reason, ms: {decode, verify}}
//   verifyBatch([{proof, vk, maxProofsVerified}], seed)
//                                            {valid, reason, ms}; a decode failure answers
//                                            {error: {code, message, index}} naming the entry
// mpv < 0 means "as the proof JSON says". `seed` (32 random bytes from the caller) feeds the
// batch combiners (pickles/verify.hpp).
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "elapsed.hpp"
#include "js_value.hpp"
#include "pickles/decode.hpp"
#include "worker_setup.hpp"
#include "zkapp_input.hpp"

namespace mina::bindings {
namespace {

std::optional<int> mpv_arg(int mpv) { return mpv < 0 ? std::nullopt : std::optional<int>(mpv); }

val verdict_value(const pickles::Verdict& v, double decode_ms, double verify_ms) {
  val out = val::object();
  out.set("valid", v.valid);
  out.set("reason", v.reason);
  val ms = val::object();
  ms.set("decode", decode_ms);
  ms.set("verify", verify_ms);
  out.set("ms", ms);
  return out;
}

val vk_info(std::string vk_json) {
  return guarded([&] {
    auto vk = pickles::decode_vk_json(vk_json);
    if (!vk) return error_value(vk.error());
    Fp hash = pickles::vk_hash(vk->vk);
    val out = val::object();
    out.set("hash", hash.to_decimal());
    out.set("hashMatches", hash == vk->hash);
    out.set("maxProofsVerified", int(vk->vk.max_proofs_verified));
    out.set("wrapDomainLog2", vk->vk.wrap_domain_log2());
    return out;
  });
}

val verify_zkapp(std::string proof_json, std::string vk_json, int mpv, val seed_js) {
  return guarded([&] {
    if (!worker_setup()) return error_value("no_setup", "the verifier setup has not been made yet");
    Stopwatch decode_clock;
    auto input = decode_zkapp_input(proof_json, vk_json, mpv_arg(mpv));
    if (!input) return error_value(input.error());
    double decode_ms = decode_clock.ms();
    Bytes seed = bytes_from_js(seed_js);
    Stopwatch verify_clock;
    auto verdict = pickles::verify(*worker_setup(), input->statement(), seed);
    if (!verdict) return error_value(verdict.error());
    return verdict_value(*verdict, decode_ms, verify_clock.ms());
  });
}

val verify_batch(val items, val seed_js) {
  return guarded([&] {
    if (!worker_setup()) return error_value("no_setup", "the verifier setup has not been made yet");
    Stopwatch decode_clock;
    const unsigned n = items["length"].as<unsigned>();
    std::vector<ZkappInput> inputs;
    inputs.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
      val item = items[i];
      auto input = decode_zkapp_input(item["proof"].as<std::string>(), item["vk"].as<std::string>(),
                                      mpv_arg(item["maxProofsVerified"].as<int>()));
      if (!input) {
        val err = error_value(input.error());
        err["error"].set("index", i);
        return err;
      }
      inputs.push_back(std::move(*input));
    }
    std::vector<pickles::WrapStatement> statements;
    for (const auto& in : inputs) statements.push_back(in.statement());
    double decode_ms = decode_clock.ms();
    Bytes seed = bytes_from_js(seed_js);
    Stopwatch verify_clock;
    auto verdict = pickles::verify_batch(*worker_setup(), statements, seed);
    if (!verdict) return error_value(verdict.error());
    return verdict_value(*verdict, decode_ms, verify_clock.ms());
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_verify) {
  emscripten::function("vkInfo", &vk_info);
  emscripten::function("verifyZkapp", &verify_zkapp);
  emscripten::function("verifyBatch", &verify_batch);
}

}  // namespace mina::bindings
