// ns per Fp multiplication (default backend and, natively, the u32 backend too) against
// Boost.Multiprecision's cpp_int multiply-and-reduce as the reference.
#include <boost/multiprecision/cpp_int.hpp>

#include "bench.hpp"
#include "field/pasta.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

template <class F>
double fp_mul_ns() {
  F a = F::from_u64(0x1234567890abcdefULL).pow(U256{12345}), b = a.square() + F::one();
  return ns_per_iter([&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) a = a * b;
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

Register r("field_mul", [] {
  double ref = boost_mul_ns();
  double ours = fp_mul_ns<Fp>();
  std::string extra;
#if !defined(__EMSCRIPTEN__)
  double u32 = fp_mul_ns<PrimeField<FpParams, BackendU32>>();
  extra = ",\"u32_backend_ns\":" + std::to_string(u32);
#endif
  report(std::string("{\"bench\":\"fp_mul\",\"platform\":\"") + platform() + "\",\"backend\":\"" + Fp::B::kName +
         "\",\"ns\":" + std::to_string(ours) + ",\"boost_ns\":" + std::to_string(ref) +
         ",\"speedup_vs_boost\":" + std::to_string(ref / ours) + extra + "}");
});
}  // namespace
