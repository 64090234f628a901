// ns per Fp multiplication for every limb backend against Boost.Multiprecision's cpp_int
// multiply-and-reduce as the reference, in two shapes:
//   latency:    one dependent chain a = a * b (what Poseidon / exponentiation see);
//   throughput: four independent chains interleaved, ns per multiplication (what MSM bucket
//               additions see: many unrelated multiplies the CPU can overlap).
// Squaring is reported too (latency). The line's "ns" is the default backend's latency.
#include <boost/multiprecision/cpp_int.hpp>

#include "bench.hpp"
#include "field/pasta.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

template <class F>
F seed(uint64_t k) {
  return F::from_u64(0x1234567890abcdefULL + k).pow(U256{12345});
}

template <class F>
double mul_latency_ns() {
  F a = seed<F>(0), b = a.square() + F::one();
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) a = a * b;
    keep(a);
  });
}

template <class F>
double mul_throughput_ns() {
  F a0 = seed<F>(0), a1 = seed<F>(1), a2 = seed<F>(2), a3 = seed<F>(3), b = a0.square() + F::one();
  return ns_per_iter([&](int64_t n) {
           for (int64_t i = 0; i < n; ++i) {
             a0 = a0 * b;
             a1 = a1 * b;
             a2 = a2 * b;
             a3 = a3 * b;
           }
           keep(a0);
           keep(a1);
           keep(a2);
           keep(a3);
         }) /
         4;
}

template <class F>
double square_latency_ns() {
  F a = seed<F>(0);
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) a = a.square();
    keep(a);
  });
}

double boost_mul_ns() {
  using boost::multiprecision::cpp_int;
  cpp_int p = 1;
  p <<= 254;
  p += cpp_int("0x224698fc094cf91b992d30ed00000001");
  cpp_int a = p / 3, b = p / 5;
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) a = a * b % p;
    keep(a);
  });
}

template <template <class> class Backend>
std::string backend_json(double ref) {
  using F = PrimeField<FpParams, Backend>;
  double lat = mul_latency_ns<F>(), thr = mul_throughput_ns<F>(), sq = square_latency_ns<F>();
  return std::string("{\"backend\":\"") + F::B::kName + "\",\"mul_ns\":" + std::to_string(lat) +
         ",\"mul_throughput_ns\":" + std::to_string(thr) + ",\"square_ns\":" + std::to_string(sq) +
         ",\"speedup_vs_boost\":" + std::to_string(ref / lat) + "}";
}

Register r("field_mul", [] {
  double ref = boost_mul_ns();
  double ours = mul_latency_ns<Fp>();
  std::string all = backend_json<BackendU64>(ref) + "," + backend_json<BackendU32>(ref) + "," +
                    backend_json<BackendU29>(ref);
  report(std::string("{\"bench\":\"fp_mul\",\"platform\":\"") + platform() + "\",\"backend\":\"" + Fp::B::kName +
         "\",\"ns\":" + std::to_string(ours) + ",\"boost_ns\":" + std::to_string(ref) +
         ",\"speedup_vs_boost\":" + std::to_string(ref / ours) + ",\"backends\":[" + all + "]}");
});
}  // namespace
