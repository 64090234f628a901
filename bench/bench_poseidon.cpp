// ns per Poseidon permutation (kimchi and legacy, Fp). The reference is the bare multiplication
// count: kimchi does 55 rounds x (3 S-boxes of 2 squarings + 2 products, plus 9 MDS products)
// = 1155 multiplications, so "overhead" near 1 means additions and control flow are negligible.
#include "bench.hpp"
#include "field/pasta.hpp"
#include "hash/poseidon.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

double permute_ns(poseidon::Params p) {
  poseidon::State<Fp> s{Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(3)};
  poseidon::permute(s, p);  // builds the constant tables outside the timed region
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) poseidon::permute(s, p);
    keep(s);
  });
}

double mul_ns() {
  Fp a = Fp::from_u64(0x1234567890abcdefULL).pow(U256{12345}), b = a.square() + Fp::one();
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) a = a * b;
    keep(a);
  });
}

Register r("poseidon", [] {
  constexpr double kKimchiMuls = 55 * (3 * 4 + 9);
  constexpr double kLegacyMuls = 63 * (3 * 3 + 9);  // x^5 is 2 squarings + 1 product
  double mul = mul_ns();
  double kimchi = permute_ns(poseidon::kKimchi);
  double legacy = permute_ns(poseidon::kLegacy);
  report(std::string("{\"bench\":\"poseidon_permutation\",\"platform\":\"") + platform() +
         "\",\"kimchi_ns\":" + std::to_string(kimchi) + ",\"legacy_ns\":" + std::to_string(legacy) +
         ",\"fp_mul_ns\":" + std::to_string(mul) +
         ",\"kimchi_overhead_vs_muls\":" + std::to_string(kimchi / (kKimchiMuls * mul)) +
         ",\"legacy_overhead_vs_muls\":" + std::to_string(legacy / (kLegacyMuls * mul)) + "}");
});
}  // namespace
