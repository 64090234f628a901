// The Pasta fields. Fp is the Pallas base field (= Vesta scalar field, the step circuit field);
// Fq is the Pallas scalar field (= Vesta base field, the wrap circuit field). Curve-relative
// aliases live in curve/ so the Fp/Fq role swap between the two curves is spelled out once.
#pragma once

#include "field/field.hpp"

namespace mina {

struct FpParams {
  static constexpr const char* kName = "Fp";
  static constexpr U256 kModulus{0x992d30ed00000001ULL, 0x224698fc094cf91bULL, 0x0000000000000000ULL,
                                 0x4000000000000000ULL};
  static constexpr uint64_t kGenerator = 5;
  static constexpr unsigned kTwoAdicity = 32;
};

struct FqParams {
  static constexpr const char* kName = "Fq";
  static constexpr U256 kModulus{0x8c46eb2100000001ULL, 0x224698fc0994a8ddULL, 0x0000000000000000ULL,
                                 0x4000000000000000ULL};
  static constexpr uint64_t kGenerator = 5;
  static constexpr unsigned kTwoAdicity = 32;
};

// WebAssembly: nine 29-bit limbs (no 64x64->128 multiply there; see backend_u29_impl.hpp).
// MINA_FIELD_U32 (anywhere) / MINA_FIELD_U29 (natively) force a backend, for comparisons.
#if defined(MINA_FIELD_U32)
template <class P> using DefaultBackend = BackendU32<P>;
#elif defined(__EMSCRIPTEN__) || defined(MINA_FIELD_U29)
template <class P> using DefaultBackend = BackendU29<P>;
#else
template <class P> using DefaultBackend = BackendU64<P>;
#endif

using Fp = PrimeField<FpParams, DefaultBackend>;
using Fq = PrimeField<FqParams, DefaultBackend>;

}  // namespace mina
