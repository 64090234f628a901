// verify-batch MANIFEST.json [--srs-dir DIR] [--cache-dir DIR]
//   MANIFEST = [{"proof": "P.json", "vk": "V.json"[, "maxProofsVerified": 0|1|2]} | {"binprot": "F"}, …]
//   (paths relative to the manifest's directory; "proof"/"vk" as verify-zkapp, "binprot" as
//   verify-zkapp-binprot).
//   -> one line per proof {"index":i,"valid":bool[,"reason":"…"]}, then
//      {"valid":all,"total_ms":…,"proofs":n,"ms":{"verify":…}}; exit 0 if all valid, 1 if any is invalid, 2 on
//      malformed input (nothing verified then: a single {"error":…} line).
// All proofs are verified together (pickles::verify_batch: one kimchi MSM, one accumulator MSM);
// when the batch fails, each proof is verified alone to say which ones are invalid.
#include <array>
#include <chrono>
#include <deque>
#include <random>

#include "cli.hpp"
#include "files.hpp"
#include "pickles/decode.hpp"
#include "pickles/verify.hpp"
#include "setup.hpp"

namespace mina::cli {
namespace {

struct Entry {
  pickles::WrapProof proof;
  pickles::SideLoadedVerificationKey vk;
  std::vector<Fp> app_state;
};

std::string resolve(const std::string& manifest_dir, const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  return manifest_dir + "/" + path;
}

Result<Entry> decode_entry(const nlohmann::json& j, const std::string& dir) {
  if (!j.is_object()) return Error{ErrorCode::kMalformedJson, "entry is not an object"};
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  if (auto bin = str("binprot")) {
    if (j.size() != 1) return Error{ErrorCode::kMalformedJson, "a binprot entry has only \"binprot\""};
    MINA_TRY(bytes, read_file(resolve(dir, *bin)));
    MINA_TRY(input, pickles::decode_verify_zkapp_binprot(bytes));
    return Entry{std::move(input.proof), std::move(input.vk),
                 {input.zkapp_statement.account_update, input.zkapp_statement.calls}};
  }
  auto proof_path = str("proof");
  auto vk_path = str("vk");
  if (!proof_path || !vk_path)
    return Error{ErrorCode::kMalformedJson, "entry needs \"proof\" and \"vk\" (strings) or \"binprot\""};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "proof" && it.key() != "vk" && it.key() != "maxProofsVerified")
      return Error{ErrorCode::kMalformedJson, "unknown entry key \"" + it.key() + "\""};
  }
  MINA_TRY(proof_text, read_text_file(resolve(dir, *proof_path)));
  MINA_TRY(vk_text, read_text_file(resolve(dir, *vk_path)));
  std::string proof_json = proof_text;
  if (auto it = j.find("maxProofsVerified"); it != j.end()) {
    // As verify-zkapp --max-proofs-verified (the zkApp transaction form reads as 2).
    if (!it->is_number_unsigned() || it->get<uint64_t>() > 2)
      return Error{ErrorCode::kInvalidArgument, "maxProofsVerified must be 0, 1 or 2"};
    auto p = nlohmann::json::parse(proof_json, nullptr, false);
    if (p.is_discarded() || !p.is_object()) return Error{ErrorCode::kMalformedJson, "proof is not a JSON object"};
    p["maxProofsVerified"] = it->get<uint64_t>();
    proof_json = p.dump();
  }
  MINA_TRY(proof, pickles::decode_o1js_proof_json(proof_json));
  MINA_TRY(vk, pickles::decode_vk_json(vk_text));
  Entry e{std::move(proof.proof), std::move(vk.vk), std::move(proof.public_input)};
  e.app_state.insert(e.app_state.end(), proof.public_output.begin(), proof.public_output.end());
  return e;
}

std::array<uint8_t, 32> fresh_seed() {
  std::random_device rd;
  std::array<uint8_t, 32> seed{};
  for (size_t i = 0; i < seed.size(); i += 4) {
    uint32_t w = rd();
    for (size_t k = 0; k < 4; ++k) seed[i + k] = uint8_t(w >> (8 * k));
  }
  return seed;
}

Outcome run_verify_batch(const std::vector<std::string>& argv) {
  auto t0 = std::chrono::steady_clock::now();
  auto args = Args::parse(argv, with_setup_flags({}));
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1)
    return fail(ErrorCode::kInvalidArgument, "usage: verify-batch MANIFEST.json [--srs-dir DIR] [--cache-dir DIR]");
  const std::string& manifest_path = args->positionals()[0];
  auto text = read_text_file(manifest_path);
  if (!text) return fail(text.error());
  auto manifest = nlohmann::json::parse(*text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_array())
    return fail(ErrorCode::kMalformedJson, "manifest is not a JSON array");
  if (manifest.empty()) return fail(ErrorCode::kInvalidArgument, "manifest lists no proofs");
  auto slash = manifest_path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "" : manifest_path.substr(0, slash);

  std::deque<Entry> entries;  // stable addresses for the statements' pointers
  for (size_t i = 0; i < manifest.size(); ++i) {
    auto e = decode_entry(manifest[i], dir);
    if (!e) return fail(e.error().code, "manifest entry " + std::to_string(i) + ": " + e.error().message);
    entries.push_back(std::move(*e));
  }
  std::vector<pickles::WrapStatement> statements;
  for (const auto& e : entries) statements.push_back({&e.proof, &e.vk, e.app_state});

  auto cli_setup = CliSetup::load(*args);
  if (!cli_setup) return fail(cli_setup.error());
  pickles::VerifierSetup* setup = &cli_setup->verifier;
  const auto t_verify = std::chrono::steady_clock::now();
  auto seed = fresh_seed();

  std::vector<nlohmann::json> lines;
  bool all_valid = true;
  std::optional<Error> first_error;
  auto batch = pickles::verify_batch(*setup, statements, seed);
  if (batch.ok() && batch->valid) {
    for (size_t i = 0; i < statements.size(); ++i) lines.push_back({{"index", i}, {"valid", true}});
  } else {
    // Attribute blame: each proof alone.
    for (size_t i = 0; i < statements.size(); ++i) {
      auto v = pickles::verify(*setup, statements[i], seed);
      nlohmann::json line = {{"index", i}};
      if (!v.ok()) {
        line["valid"] = false;
        line["error"] = {{"code", error_code_name(v.error().code)}, {"message", v.error().message}};
        if (!first_error) first_error = v.error();
      } else {
        line["valid"] = v->valid;
        if (!v->valid) line["reason"] = v->reason;
      }
      all_valid = all_valid && v.ok() && v->valid;
      lines.push_back(std::move(line));
    }
    // A batch that fails while every proof passes alone would be a verifier bug: never report valid.
    if (all_valid) {
      all_valid = false;
      std::string why = batch.ok() ? batch->reason : batch.error().message;
      lines.back()["note"] = "batch rejected although each proof verified alone: " + why;
    }
  }
  const auto verify_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_verify).count();
  cli_setup->save();
  nlohmann::json out = {{"valid", all_valid},
                        {"total_ms", int64_t(std::chrono::duration<double, std::milli>(
                                                 std::chrono::steady_clock::now() - t0)
                                                 .count())},
                        {"proofs", statements.size()}};
  out["ms"] = {{"verify", int64_t(verify_ms)}};
  int code = all_valid ? kOk : first_error ? kMalformed : kInvalid;
  return {code, out, std::move(lines)};
}

RegisterCommand reg({"verify-batch", "verify-batch MANIFEST.json [--srs-dir DIR] [--cache-dir DIR]", run_verify_batch});

}  // namespace
}  // namespace mina::cli
