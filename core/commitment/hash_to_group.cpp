#include "commitment/hash_to_group.hpp"

#include "commitment/conic_group_map.hpp"
#include "hash/poseidon.hpp"

namespace mina {

Result<PallasAffine> field_to_group_even_y(const Fp& digest) {
  MINA_TRY(p, ConicGroupMapPallas::to_group(digest));
  if (p.y.is_odd()) p.y = -p.y;
  return p;
}

Result<PallasAffine> poseidon_hash_to_group(std::span<const Fp> input) {
  return field_to_group_even_y(poseidon::hash<Fp>(input, poseidon::kKimchi));
}

}  // namespace mina
