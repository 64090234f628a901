// The kimchi Poseidon parameters (MDS matrix and the 55 rows of round constants) as field
// elements, for the Poseidon gate: its constraints read the MDS matrix as the expression constant
// `Mds { row, col }` (kimchi/src/circuits/expr.rs ConstantTerm::Mds, filled from
// `G::sponge_params().mds` in verifier.rs) and its round constants live in the coefficient columns.
//
// The tables are the same generated file core/hash/poseidon.cpp uses (hash/poseidon_params.inc,
// proof-systems 136c1df poseidon/src/pasta/f{p,q}_kimchi.rs); hash/ keeps its copy private, so this
// header exposes a second, read-only view instead of changing hash/.
#pragma once

#include <array>
#include <cstddef>

#include "field/pasta.hpp"

namespace mina::kimchi {

inline constexpr size_t kSpongeWidth = 3;
inline constexpr size_t kPoseidonFullRounds = 55;

template <class F>
using Mds = std::array<std::array<F, kSpongeWidth>, kSpongeWidth>;

// Defined for F = Fp (step circuit, Vesta sponge params) and F = Fq (wrap circuit, Pallas).
template <class F>
const Mds<F>& kimchi_mds();

template <class F>
const std::array<std::array<F, kSpongeWidth>, kPoseidonFullRounds>& kimchi_round_constants();

}  // namespace mina::kimchi
