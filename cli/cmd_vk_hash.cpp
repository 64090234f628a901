// vk-hash VK.json  ->  {"hash":"<decimal>"}
// VK.json is o1js' VerificationKey JSON {data, hash}; the hash printed is computed from `data`
// (Mina's side-loaded VK digest, what o1js puts in `hash`), not copied from the file.
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli.hpp"
#include "pickles/verification_key.hpp"

namespace mina::cli {
namespace {

// A VerificationKey JSON is ~2.5 KB; reading stops well above that so a wrong path (a device, a
// huge file) cannot exhaust memory.
constexpr size_t kMaxVkFileBytes = size_t{1} << 20;

Result<std::string> read_small_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Error{ErrorCode::kInvalidArgument, "cannot read " + path};
  std::string text;
  char buf[4096];
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    text.append(buf, size_t(f.gcount()));
    if (text.size() > kMaxVkFileBytes) return Error{ErrorCode::kLimitExceeded, path + " is larger than 1 MiB"};
  }
  if (f.bad()) return Error{ErrorCode::kInvalidArgument, "cannot read " + path};
  return text;
}

Outcome run_vk_hash(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {});
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1) return fail(ErrorCode::kInvalidArgument, "usage: vk-hash VK.json");
  auto text = read_small_file(args->positionals()[0]);
  if (!text) return fail(text.error());
  auto vk = pickles::decode_vk_json(*text);
  if (!vk) return fail(vk.error());
  return {kOk, {{"hash", pickles::vk_hash(vk->vk).to_decimal()}}};
}

RegisterCommand reg({"vk-hash", "vk-hash VK.json", run_vk_hash});

}  // namespace
}  // namespace mina::cli
