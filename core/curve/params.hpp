// The Pasta curves: y^2 = x^3 + 5, a = 0, cofactor 1, each curve's scalar field is the other's
// base field. Constants are protocol facts (o1-labs/proof-systems `curves/src/pasta`, and
// `poly-commitment` `endos::<G>()` for the endomorphism pair).
#pragma once

#include "field/pasta.hpp"

namespace mina {

struct PallasParams {
  using Base = Fp;
  using Scalar = Fq;
  static constexpr const char* kName = "Pallas";
  static constexpr uint64_t kB = 5;
  static constexpr U256 kGeneratorX{1};
  static constexpr U256 kGeneratorY{0x19cf7a23caed2abbULL, 0x8f655bd4333d4771ULL, 0x53dfa9f06378ee54ULL,
                                    0x1b74b5a30a12937cULL};
  // endo_q: the cube root of unity in Fp that kimchi uses for phi(x, y) = (endo_q * x, y);
  // endo_r: the cube root of unity in Fq with phi(P) = [endo_r] P. kimchi derives them as
  // 5^((p-1)/3) and squares the scalar one when needed; endo_test.cpp re-derives both.
  static constexpr U256 kEndoQ{0x7b7fd22f0201b547ULL, 0x05270d29d19fc7d2ULL, 0xd3552a23a8554e50ULL,
                               0x2d33357cb532458eULL};
  static constexpr U256 kEndoR{0x619d1840af55f1b1ULL, 0x1259527ec1d4752eULL, 0xaee24b27e308f0a6ULL,
                               0x397e65a7d7c1ad71ULL};
};

struct VestaParams {
  using Base = Fq;
  using Scalar = Fp;
  static constexpr const char* kName = "Vesta";
  static constexpr uint64_t kB = 5;
  static constexpr U256 kGeneratorX{1};
  static constexpr U256 kGeneratorY{0x4e4389b9b0276a62ULL, 0xacce3a7f298ba20cULL, 0x13b64e3aae89754cULL,
                                    0x1943666ea922ae6bULL};
  static constexpr U256 kEndoQ{0x2aa9d2e050aa0e4fULL, 0x0fed467d47c033afULL, 0x511db4d81cf70f5aULL,
                               0x06819a58283e528eULL};
  static constexpr U256 kEndoR{0x1dad5ebdfdfe4ab9ULL, 0x1d1f8bd237ad3149ULL, 0x2caad5dc57aab1b0ULL,
                               0x12ccca834acdba71ULL};
};

}  // namespace mina
