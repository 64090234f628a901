// The command line: one JSON object per line on stdout (one line per run, except commands that
// report per item first, e.g. verify-batch); exit 0 = ok/valid, 1 = well-formed input
// that is invalid, 2 = malformed input or usage error ({"error":{"code","message"}}).
// The same sources build natively and to WASM (run by js/cli.mjs), so the two agree by construction.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.hpp"

namespace mina::cli {

enum ExitCode { kOk = 0, kInvalid = 1, kMalformed = 2 };

struct Outcome {
  int exit_code;
  nlohmann::json line;
  // Printed, one per line, before `line` (commands with per-item results, e.g. verify-batch).
  std::vector<nlohmann::json> lines_before = {};
};

inline Outcome fail(ErrorCode code, const std::string& message) {
  return {kMalformed, {{"error", {{"code", error_code_name(code)}, {"message", message}}}}};
}
inline Outcome fail(const Error& e) { return fail(e.code, e.message); }

// `--flag value` options (each at most once) followed or interleaved with positionals.
class Args {
 public:
  static Result<Args> parse(const std::vector<std::string>& argv, const std::set<std::string>& value_flags);
  std::optional<std::string> flag(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string> flags_;
  std::vector<std::string> positionals_;
};

struct Command {
  std::string name;
  std::string usage;
  std::function<Outcome(const std::vector<std::string>&)> run;
};

std::vector<Command>& commands();
struct RegisterCommand {
  RegisterCommand(Command c) { commands().push_back(std::move(c)); }
};

// Runs one invocation (argv without the program name); never throws.
Outcome run(const std::vector<std::string>& argv);

}  // namespace mina::cli
