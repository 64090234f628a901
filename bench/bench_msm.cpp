// MSM timings for the verifier's sizes: one JSON line per case (2^16 and 2^15 Pallas, 2^16 Vesta,
// plain msm() and the fixed-base MsmPrecomputed), each the minimum of several runs, with the
// naive double-and-add sum measured on a subset and scaled up in the same process, the load
// average at the start, and whether the subset result matches the naive one.
// Environment: MSM_RUNS (default 5), MSM_CASES=plain|pre, MSM_COPIES (default 4), MSM_FORCE_C.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "bench.hpp"
#include "curve/curve.hpp"
#include "curve/msm_buckets.hpp"
#include "curve/msm_precomputed.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

template <class F>
F random_scalar(std::mt19937_64& rng) {
  U256 v{rng(), rng(), rng(), rng() & ((uint64_t(1) << 62) - 1)};
  return F::from_int_reduce(v);
}

// Random multiples of G: a random walk over a few random steps, then one batch to_affine.
template <class C>
std::vector<Affine<C>> random_points(size_t n, std::mt19937_64& rng) {
  using S = typename C::Scalar;
  std::vector<Affine<C>> steps;
  for (int i = 0; i < 16; ++i) steps.push_back((Affine<C>::generator() * random_scalar<S>(rng)).to_affine());
  std::vector<Projective<C>> proj(n);
  Projective<C> acc = Projective<C>::generator() * random_scalar<S>(rng);
  for (size_t i = 0; i < n; ++i) {
    acc += steps[rng() % steps.size()];
    proj[i] = acc;
  }
  return batch_to_affine<C>(proj);
}

// Emscripten's getenv sees its own default environment, not Node's: ask Node.
const char* env(const char* name) {
#ifdef __EMSCRIPTEN__
  static std::string value;
  value = emscripten_run_script_string((std::string("process.env.") + name + " || ''").c_str());
  return value.empty() ? nullptr : value.c_str();
#else
  return std::getenv(name);
#endif
}

std::string load_average() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  if (!f) return "null";
  double a = 0;
  int ok = std::fscanf(f, "%lf", &a);
  std::fclose(f);
  return ok == 1 ? std::to_string(a) : "null";
}

int runs() {
  const char* r = env("MSM_RUNS");
  return r ? std::max(1, std::atoi(r)) : 5;
}

// Minimum over runs of one call, in ms.
template <class F>
double min_ms(F&& fn) {
  double best = 1e300;
  for (int r = 0; r < runs(); ++r) {
    double t0 = now_ns();
    fn();
    best = std::min(best, (now_ns() - t0) / 1e6);
  }
  return best;
}

template <class C>
void run_case(const char* curve, int log_n, bool precomputed, unsigned copies) {
  using S = typename C::Scalar;
  const size_t n = size_t(1) << log_n;
  constexpr size_t kNaiveSubset = 256;
  std::mt19937_64 rng(42 + uint64_t(log_n));
  auto pts = random_points<C>(n, rng);
  std::vector<S> ks(n);
  for (auto& k : ks) k = random_scalar<S>(rng);
  const std::string load = load_average();

  Projective<C> result;
  double build_ms = 0, ms = 0;
  size_t mem = 0;
  unsigned c = 0;
  bool ok = true;
  std::span<const Affine<C>> sub_p(pts.data(), kNaiveSubset);
  std::span<const S> sub_k(ks.data(), kNaiveSubset);
  Projective<C> naive;
  double naive_ms = min_ms([&] { naive = msm_naive<C>(sub_p, sub_k); keep(naive); }) * double(n / kNaiveSubset);
  if (precomputed) {
    double t0 = now_ns();
    MsmPrecomputed<C> pre(pts, copies);
    build_ms = (now_ns() - t0) / 1e6;
    mem = pre.memory_bytes();
    c = pre.window_bits();
    ms = min_ms([&] { result = pre.msm(ks); keep(result); });
    // The same table on the subset: full scalars beyond it set to zero.
    std::vector<S> zk(ks);
    std::fill(zk.begin() + kNaiveSubset, zk.end(), S::zero());
    ok = pre.msm(zk) == naive && result == msm<C>(pts, ks);
  } else {
    ms = min_ms([&] { result = msm<C>(pts, ks); keep(result); });
    ok = msm<C>(sub_p, sub_k) == naive;
  }
  std::string line = std::string("{\"bench\":\"msm\",\"platform\":\"") + platform() + "\",\"curve\":\"" + curve +
                     "\",\"points\":" + std::to_string(int64_t(n)) + ",\"variant\":\"" +
                     (precomputed ? "precomputed" : "plain") + "\",\"ms\":" + std::to_string(ms) +
                     ",\"runs\":" + std::to_string(runs()) + ",\"naive_ms_scaled\":" + std::to_string(naive_ms) +
                     ",\"speedup_vs_naive\":" + std::to_string(naive_ms / ms);
  if (precomputed)
    line += ",\"copies\":" + std::to_string(copies) + ",\"window_bits\":" + std::to_string(c) +
            ",\"table_mb\":" + std::to_string(double(mem) / 1048576.0) + ",\"build_ms\":" + std::to_string(build_ms);
  line += ",\"load\":" + load + ",\"matches_naive\":" + (ok ? "true" : "false") + "}";
  report(line);
}

Register r("msm", [] {
  const char* only = env("MSM_CASES");  // e.g. "plain" or "pre"
  std::string sel = only ? only : "";
  // MSM_FORCE_C=13 overrides the window width of both paths (for sweeps).
  if (const char* fc = env("MSM_FORCE_C")) msm_detail::force_window_bits = unsigned(std::atoi(fc));
  if (sel.empty() || sel == "plain") {
    run_case<PallasParams>("pallas", 16, false, 0);
    run_case<PallasParams>("pallas", 15, false, 0);
    run_case<VestaParams>("vesta", 16, false, 0);
  }
  if (sel.empty() || sel == "pre") {
    const char* cp = env("MSM_COPIES");
    unsigned copies = cp ? unsigned(std::atoi(cp)) : 4;
    run_case<PallasParams>("pallas", 16, true, copies);
    run_case<PallasParams>("pallas", 15, true, copies);
    run_case<VestaParams>("vesta", 16, true, copies);
  }
});

}  // namespace
