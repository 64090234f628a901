// ms for one 2^16-point Pallas MSM (the size of a full SRS opening check) against the naive
// double-and-add sum, measured on a subset and scaled up, in the same process.
#include <random>
#include <vector>

#include "bench.hpp"
#include "curve/curve.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

Fq random_scalar(std::mt19937_64& rng) {
  U256 v{rng(), rng(), rng(), rng() & ((uint64_t(1) << 62) - 1)};
  return Fq::from_int_reduce(v);
}

// Random multiples of G: a random walk over a few random steps, then one batch to_affine.
std::vector<PallasAffine> random_points(size_t n, std::mt19937_64& rng) {
  std::vector<PallasAffine> steps;
  for (int i = 0; i < 16; ++i) steps.push_back((PallasAffine::generator() * random_scalar(rng)).to_affine());
  std::vector<PallasProjective> proj(n);
  PallasProjective acc = PallasProjective::generator() * random_scalar(rng);
  for (size_t i = 0; i < n; ++i) {
    acc += steps[rng() % steps.size()];
    proj[i] = acc;
  }
  return batch_to_affine<PallasParams>(proj);
}

Register r("msm", [] {
  constexpr size_t kN = size_t(1) << 16;
  constexpr size_t kNaiveSubset = 512;
  std::mt19937_64 rng(42);
  auto pts = random_points(kN, rng);
  std::vector<Fq> ks(kN);
  for (auto& k : ks) k = random_scalar(rng);

  PallasProjective result;
  double msm_ns = ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) result = msm(pts, ks);
    keep(result);
  }, 1000);

  PallasProjective naive;
  std::span<const PallasAffine> sub_p(pts.data(), kNaiveSubset);
  std::span<const Fq> sub_k(ks.data(), kNaiveSubset);
  double naive_ns = ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) naive = msm_naive<PallasParams>(sub_p, sub_k);
    keep(naive);
  }, 500) * double(kN / kNaiveSubset);

  // A wrong fast answer is worthless: check the subset against the reference.
  bool ok = msm(sub_p, sub_k) == naive;
  report(std::string("{\"bench\":\"msm\",\"platform\":\"") + platform() + "\",\"curve\":\"pallas\",\"points\":" +
         std::to_string(kN) + ",\"ms\":" + std::to_string(msm_ns / 1e6) + ",\"naive_ms_scaled\":" +
         std::to_string(naive_ns / 1e6) + ",\"naive_subset\":" + std::to_string(kNaiveSubset) +
         ",\"speedup_vs_naive\":" + std::to_string(naive_ns / msm_ns) + ",\"subset_matches_naive\":" +
         (ok ? "true" : "false") + "}");
});
}  // namespace
