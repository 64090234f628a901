#include <cstdio>
#include <cstring>

#include "bench.hpp"

namespace mina::bench {
const char* platform() {
#if defined(__EMSCRIPTEN__)
  return "wasm";
#else
  return "native";
#endif
}
void report(const std::string& line) {
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}
}  // namespace mina::bench

int main(int argc, char** argv) {
  const char* filter = argc > 1 ? argv[1] : "";
  for (auto& c : mina::bench::registry()) {
    if (std::strstr(c.name.c_str(), filter)) c.run();
  }
  return 0;
}
