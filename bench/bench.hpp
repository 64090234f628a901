// Minimal benchmark registry: each bench/*.cpp registers cases; main runs them (all, or those
// whose name contains argv[1]) and prints one JSON object per line. Figures are ratios against a
// reference run in the same process, never pass/fail limits.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mina::bench {

struct Case {
  std::string name;
  std::function<void()> run;  // prints its own JSON line(s) via report()
};

inline std::vector<Case>& registry() {
  static std::vector<Case> r;
  return r;
}

struct Register {
  Register(std::string name, std::function<void()> fn) { registry().push_back({std::move(name), std::move(fn)}); }
};

inline double now_ns() {
  return double(std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch()).count());
}

// Runs fn(iterations) with growing counts until it takes >= min_ms; returns ns per iteration.
template <class F>
double ns_per_iter(F&& fn, double min_ms = 200) {
  for (int64_t n = 1;; n *= 2) {
    double t0 = now_ns();
    fn(n);
    double dt = now_ns() - t0;
    if (dt >= min_ms * 1e6 || n >= (int64_t(1) << 40)) return dt / double(n);
  }
}

const char* platform();  // "native" or "wasm"
void report(const std::string& json_line);

// Keeps the optimizer from discarding a computed value.
template <class T>
inline void keep(const T& v) {
  asm volatile("" : : "r"(&v) : "memory");
}

}  // namespace mina::bench
