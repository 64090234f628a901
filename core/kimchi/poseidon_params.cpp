#include "kimchi/poseidon_params.hpp"

#include "field/u256.hpp"

namespace mina::kimchi {
namespace {

// Same shape poseidon.cpp declares before including the generated table (the .inc refers to
// RawParams<N>, U256 and kWidth unqualified).
inline constexpr size_t kWidth = kSpongeWidth;
template <size_t N>
struct RawParams {
  std::array<std::array<U256, kWidth>, kWidth> mds;
  std::array<std::array<U256, kWidth>, N> round_constants;
};

#include "hash/poseidon_params.inc"

static_assert(kFpKimchi.round_constants.size() == kPoseidonFullRounds);
static_assert(kFqKimchi.round_constants.size() == kPoseidonFullRounds);

template <class F>
struct Converted {
  Mds<F> mds;
  std::array<std::array<F, kSpongeWidth>, kPoseidonFullRounds> round_constants;
};

template <class F>
Converted<F> convert(const RawParams<kPoseidonFullRounds>& raw) {
  Converted<F> c;
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j) c.mds[i][j] = F::from_int_unchecked(raw.mds[i][j]);
  for (size_t r = 0; r < kPoseidonFullRounds; ++r)
    for (size_t j = 0; j < kWidth; ++j) c.round_constants[r][j] = F::from_int_unchecked(raw.round_constants[r][j]);
  return c;
}

template <class F>
const Converted<F>& converted();
template <>
const Converted<Fp>& converted<Fp>() {
  static const Converted<Fp> c = convert<Fp>(kFpKimchi);
  return c;
}
template <>
const Converted<Fq>& converted<Fq>() {
  static const Converted<Fq> c = convert<Fq>(kFqKimchi);
  return c;
}

}  // namespace

template <class F>
const Mds<F>& kimchi_mds() {
  return converted<F>().mds;
}
template <class F>
const std::array<std::array<F, kSpongeWidth>, kPoseidonFullRounds>& kimchi_round_constants() {
  return converted<F>().round_constants;
}

template const Mds<Fp>& kimchi_mds<Fp>();
template const Mds<Fq>& kimchi_mds<Fq>();
template const std::array<std::array<Fp, kSpongeWidth>, kPoseidonFullRounds>& kimchi_round_constants<Fp>();
template const std::array<std::array<Fq, kSpongeWidth>, kPoseidonFullRounds>& kimchi_round_constants<Fq>();

}  // namespace mina::kimchi
