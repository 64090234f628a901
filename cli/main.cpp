#include <cstdio>

#include "cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto outcome = mina::cli::run(args);
  auto print = [](const nlohmann::json& j) {
    std::string line = j.dump();
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  };
  for (const auto& j : outcome.lines_before) print(j);
  print(outcome.line);
  std::fflush(stdout);
  return outcome.exit_code;
}
