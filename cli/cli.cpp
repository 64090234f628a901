#include "cli.hpp"

#include <exception>

namespace mina::cli {

Result<Args> Args::parse(const std::vector<std::string>& argv, const std::set<std::string>& value_flags) {
  Args a;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (s.size() > 2 && s.rfind("--", 0) == 0) {
      std::string name = s.substr(2);
      if (!value_flags.count(name)) return Error{ErrorCode::kInvalidArgument, "unknown option --" + name};
      if (i + 1 >= argv.size()) return Error{ErrorCode::kInvalidArgument, "option --" + name + " needs a value"};
      if (a.flags_.count(name)) return Error{ErrorCode::kInvalidArgument, "option --" + name + " given twice"};
      a.flags_[name] = argv[++i];
    } else {
      a.positionals_.push_back(s);
    }
  }
  return a;
}

std::optional<std::string> Args::flag(const std::string& name) const {
  auto it = flags_.find(name);
  if (it == flags_.end()) return std::nullopt;
  return it->second;
}

std::vector<Command>& commands() {
  static std::vector<Command> c;
  return c;
}

namespace {
Outcome usage(const std::string& why) {
  std::string text = why + ". Commands:";
  for (auto& c : commands()) text += " | " + c.usage;
  return fail(ErrorCode::kInvalidArgument, text);
}
}  // namespace

Outcome run(const std::vector<std::string>& argv) {
  if (argv.empty()) return usage("missing command");
  for (auto& c : commands()) {
    if (c.name != argv[0]) continue;
    try {
      return c.run(std::vector<std::string>(argv.begin() + 1, argv.end()));
    } catch (const std::bad_alloc&) {
      return fail(ErrorCode::kUnsupported, "out of memory");
    } catch (const std::exception& e) {
      // Decoders return typed errors; reaching here is a bug, reported rather than crashing.
      return {kMalformed, {{"error", {{"code", "internal"}, {"message", e.what()}}}}};
    }
  }
  return usage("unknown command '" + argv[0] + "'");
}

}  // namespace mina::cli
