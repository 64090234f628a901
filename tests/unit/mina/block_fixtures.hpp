// Shared by the mina/ suites: the recorded blocks and fork vectors in ../shared/fixtures/mina,
// with what their file names record (height, state hash, fork-choice outcome).
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mina::test {

inline std::string read_fixture_text(const std::string& rel) {
  auto b = read_fixture_bytes(rel);
  return std::string(b.begin(), b.end());
}

inline std::vector<std::string> fixture_dir(const std::string& rel, const std::string& suffix) {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(fixture_path(rel))) {
    std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(rel + "/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// precomputed/mainnet-HEIGHT-STATEHASH.json
struct PrecomputedName {
  std::string path;
  unsigned height;
  std::string state_hash;
};
inline std::vector<PrecomputedName> precomputed_blocks() {
  std::vector<PrecomputedName> out;
  for (auto& p : fixture_dir("mina/precomputed", ".json")) {
    std::string name = p.substr(p.rfind('/') + 1);
    auto a = name.find('-'), b = name.find('-', a + 1), dot = name.rfind('.');
    out.push_back({p, unsigned(std::stoul(name.substr(a + 1, b - a - 1))), name.substr(b + 1, dot - b - 1)});
  }
  return out;
}

// forks/{short,long}-{take,keep}-RULE-TIPLEN-CNDLEN-TIPHASH-CNDHASH-{tip,cnd}.json
struct ForkCase {
  std::string tip_path, cnd_path;
  bool range_short;
  bool take;
  std::string rule;  // length, vrf, density
  std::string tip_hash, cnd_hash;
};
inline std::vector<ForkCase> fork_cases() {
  std::vector<ForkCase> out;
  for (auto& p : fixture_dir("mina/forks", "-tip.json")) {
    std::string name = p.substr(p.rfind('/') + 1);
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t i = 0; i <= name.size(); ++i)
      if (i == name.size() || name[i] == '-') parts.push_back(name.substr(start, i - start)), start = i + 1;
    ForkCase c;
    c.tip_path = p;
    c.cnd_path = p.substr(0, p.size() - std::string("-tip.json").size()) + "-cnd.json";
    c.range_short = parts[0] == "short";
    c.take = parts[1] == "take";
    c.rule = parts[2];
    c.tip_hash = parts[5];
    c.cnd_hash = parts[6];
    out.push_back(c);
  }
  return out;
}

}  // namespace mina::test
