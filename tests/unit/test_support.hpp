// Shared helpers for the Catch2 suites: fixture loading and a seeded RNG.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mina::test {

inline std::string fixture_path(const std::string& rel) {
  const char* env = std::getenv("MINA_FIXTURES_DIR");
  return std::string(env ? env : MINA_FIXTURES_DIR) + "/" + rel;
}

inline std::vector<uint8_t> read_fixture_bytes(const std::string& rel) {
  std::ifstream f(fixture_path(rel), std::ios::binary);
  if (!f) throw std::runtime_error("missing fixture " + rel);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

inline nlohmann::json read_fixture_json(const std::string& rel) {
  auto bytes = read_fixture_bytes(rel);
  return nlohmann::json::parse(bytes.begin(), bytes.end());
}

// Randomized tests print nothing on success; the seed is fixed unless MINA_TEST_SEED is set,
// and MINA_TEST_ITERS scales iteration counts.
inline std::mt19937_64& rng() {
  static std::mt19937_64 r([] {
    const char* s = std::getenv("MINA_TEST_SEED");
    return s ? std::strtoull(s, nullptr, 10) : 0x5eed1234ULL;
  }());
  return r;
}
inline int iters(int base) {
  const char* s = std::getenv("MINA_TEST_ITERS");
  return s ? base * std::atoi(s) : base;
}

}  // namespace mina::test
