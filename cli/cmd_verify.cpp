// verify-zkapp --proof PROOF.json --vk VK.json [--max-proofs-verified N] [--srs-dir DIR] [--cache-dir DIR]
// verify-zkapp-binprot FILE [--srs-dir DIR] [--cache-dir DIR]
//   -> {"valid":bool[,"reason":"…"],"ms":{"setup":…,"verify":…}}, exit 1 when invalid.
//
// Where the SRS and Lagrange bases come from: see setup.hpp.
#include <algorithm>
#include <chrono>

#include "cli.hpp"
#include "files.hpp"
#include "pickles/decode.hpp"
#include "pickles/verify.hpp"
#include "setup.hpp"

namespace mina::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

Outcome run_statement(const Args& args, const pickles::WrapStatement& statement) {
  auto t0 = std::chrono::steady_clock::now();
  auto setup = CliSetup::load(args);
  if (!setup) return fail(setup.error());
  double setup_ms = ms_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  auto verdict = pickles::verify(setup->verifier, statement);
  if (!verdict) return fail(verdict.error());
  const double first_ms = ms_since(t1);
  setup->save();
  nlohmann::json out = {{"valid", verdict->valid}};
  if (!verdict->valid) out["reason"] = verdict->reason;
  out["ms"] = {{"setup", int64_t(setup_ms)}, {"verify", int64_t(first_ms)}};
  // --repeat N (benchmarks): verify N more times in this process; the fastest is the warm figure
  // (lazily built tables and caches are in place after the first run). Verdicts must not change.
  if (auto repeat = args.flag("repeat")) {
    int n = 0;
    try {
      n = std::stoi(*repeat);
    } catch (...) {
      n = -1;
    }
    if (n < 1 || n > 1000) return fail(ErrorCode::kInvalidArgument, "--repeat must be 1..1000");
    double best = 1e300;
    for (int i = 0; i < n; ++i) {
      auto t = std::chrono::steady_clock::now();
      auto again = pickles::verify(setup->verifier, statement);
      best = std::min(best, ms_since(t));
      if (!again || again->valid != verdict->valid)
        return fail(ErrorCode::kInvalidArgument, "verdict changed on a repeated verification");
    }
    out["ms"]["verify_warm"] = int64_t(best);
  }
  return {verdict->valid ? kOk : kInvalid, out};
}

Outcome run_verify_zkapp(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, with_setup_flags({"proof", "vk", "max-proofs-verified", "repeat"}));
  if (!args) return fail(args.error());
  auto proof_path = args->flag("proof");
  auto vk_path = args->flag("vk");
  if (!proof_path || !vk_path || !args->positionals().empty())
    return fail(ErrorCode::kInvalidArgument, "usage: verify-zkapp --proof PROOF.json --vk VK.json [--max-proofs-verified N]");
  auto proof_text = read_text_file(*proof_path);
  if (!proof_text) return fail(proof_text.error());
  auto vk_text = read_text_file(*vk_path);
  if (!vk_text) return fail(vk_text.error());

  // The zkApp transaction form of a proof always carries two challenge vectors: it is read as
  // maxProofsVerified 2 whatever the JSON says.
  std::string proof_json = *proof_text;
  if (auto mpv = args->flag("max-proofs-verified")) {
    if (*mpv != "0" && *mpv != "1" && *mpv != "2")
      return fail(ErrorCode::kInvalidArgument, "--max-proofs-verified must be 0, 1 or 2");
    auto j = nlohmann::json::parse(proof_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail(ErrorCode::kMalformedJson, "proof is not a JSON object");
    j["maxProofsVerified"] = std::stoi(*mpv);
    proof_json = j.dump();
  }
  auto proof = pickles::decode_o1js_proof_json(proof_json);
  if (!proof) return fail(proof.error());
  auto vk = pickles::decode_vk_json(*vk_text);
  if (!vk) return fail(vk.error());

  pickles::WrapStatement st{&proof->proof, &vk->vk, proof->public_input};
  st.app_state.insert(st.app_state.end(), proof->public_output.begin(), proof->public_output.end());
  return run_statement(*args, st);
}

Outcome run_verify_zkapp_binprot(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, with_setup_flags({"repeat"}));
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1) return fail(ErrorCode::kInvalidArgument, "usage: verify-zkapp-binprot FILE");
  auto bytes = read_file(args->positionals()[0]);
  if (!bytes) return fail(bytes.error());
  auto input = pickles::decode_verify_zkapp_binprot(*bytes);
  if (!input) return fail(input.error());
  pickles::WrapStatement st{&input->proof, &input->vk,
                            {input->zkapp_statement.account_update, input->zkapp_statement.calls}};
  return run_statement(*args, st);
}

RegisterCommand reg1({"verify-zkapp", "verify-zkapp --proof PROOF.json --vk VK.json [--max-proofs-verified N] [--srs-dir DIR] [--cache-dir DIR]",
                      run_verify_zkapp});
RegisterCommand reg2({"verify-zkapp-binprot", "verify-zkapp-binprot FILE [--srs-dir DIR] [--cache-dir DIR]", run_verify_zkapp_binprot});

}  // namespace
}  // namespace mina::cli
