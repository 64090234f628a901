// poseidon [--prefix STR] [--field fp|fq] [--params kimchi|legacy] X...  ->  {"hash":"<decimal>"}
#include <vector>

#include "cli.hpp"
#include "field/pasta.hpp"
#include "hash/poseidon.hpp"

namespace mina::cli {
namespace {

template <class F>
Outcome hash_elements(const Args& args, poseidon::Params params) {
  std::vector<F> xs;
  for (auto& s : args.positionals()) {
    auto x = F::parse(s);
    if (!x) return fail(x.error());
    xs.push_back(*x);
  }
  auto prefix = args.flag("prefix");
  F h;
  if (prefix) {
    if (prefix->size() > 20) return fail(ErrorCode::kInvalidArgument, "--prefix is at most 20 characters");
    h = poseidon::hash_with_prefix<F>(*prefix, xs, params);
  } else {
    h = poseidon::hash<F>(xs, params);
  }
  return {kOk, {{"hash", h.to_decimal()}}};
}

Outcome run_poseidon(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"prefix", "field", "params"});
  if (!args) return fail(args.error());
  std::string field = args->flag("field").value_or("fp");
  std::string params_name = args->flag("params").value_or("kimchi");
  poseidon::Params params;
  if (params_name == "kimchi") params = poseidon::Params::kKimchi;
  else if (params_name == "legacy") params = poseidon::Params::kLegacy;
  else return fail(ErrorCode::kInvalidArgument, "--params must be kimchi or legacy");
  if (field == "fp") return hash_elements<Fp>(*args, params);
  if (field == "fq") return hash_elements<Fq>(*args, params);
  return fail(ErrorCode::kInvalidArgument, "--field must be fp or fq");
}

RegisterCommand reg({"poseidon", "poseidon [--prefix STR] [--field fp|fq] [--params kimchi|legacy] X...", run_poseidon});

}  // namespace
}  // namespace mina::cli
