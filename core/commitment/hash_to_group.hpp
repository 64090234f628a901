// o1js Poseidon.hashToGroup: the kimchi Poseidon hash of the input, mapped onto Pallas by
// snarky's conic group map (conic_group_map.hpp; not the BW19 map of the SRS), with y replaced
// by -y when odd so the result does not depend on which square root an implementation returns
// (o1js does the same in and out of the circuit).
#pragma once

#include <span>

#include "base/error.hpp"
#include "curve/group.hpp"
#include "field/pasta.hpp"

namespace mina {

// The group-map step alone: the point for an already computed digest.
Result<PallasAffine> field_to_group_even_y(const Fp& digest);

Result<PallasAffine> poseidon_hash_to_group(std::span<const Fp> input);

}  // namespace mina
