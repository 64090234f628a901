// The *other* Mina group map: snarky's conic-based Shallue-van de Woestijne map (snarky
// group_map/group_map.ml, parameters from Mina crypto_params/gen/gen.ml), which o1js uses for
// Poseidon.hashToGroup (bindings/crypto/elliptic-curve.ts GroupMapPallas). It is NOT the BW19
// map of proof-systems' `groupmap` crate (group_map.hpp, used for the SRS): for the same t the
// two give different points.
//
// For t in Fp, with constants u, u/2, c and the conic point (z0, y0):
//   field_to_conic:  d = (c t y0 + z0) / (c t^2 + 1),  s = 2d,  (z, y) = (z0 - s, y0 - s t)
//   conic_to_s:      v = z / y - u/2                   (u, v, y)
//   candidates:      x1 = v,  x2 = -(u + v),  x3 = u + y^2
// and the point is the first candidate with x^3 + 5 a square. The two divisions can fail for
// a handful of t (o1js throws there); this returns kInvalidPoint instead.
#pragma once

#include <array>

#include "base/error.hpp"
#include "curve/group.hpp"
#include "field/pasta.hpp"

namespace mina {

struct ConicGroupMapPallas {
  // gen.ml's Fp parameters (protocol constants).
  static Fp u() { return Fp::from_u64(2); }
  static Fp u_over_2() { return Fp::from_u64(1); }
  static Fp conic_c() { return Fp::from_u64(3); }
  static const Fp& projection_z();
  static Fp projection_y() { return Fp::one(); }

  static Result<std::array<Fp, 3>> potential_xs(const Fp& t);
  // First candidate on Pallas, y = the field's sqrt (not normalised).
  static Result<PallasAffine> to_group(const Fp& t);
};

}  // namespace mina
