#include "commitment/conic_group_map.hpp"

namespace mina {

const Fp& ConicGroupMapPallas::projection_z() {
  static const Fp z = *Fp::parse("12196889842669319921865617096620076994180062626450149327690483414064673774441");
  return z;
}

Result<std::array<Fp, 3>> ConicGroupMapPallas::potential_xs(const Fp& t) {
  const Fp z0 = projection_z(), y0 = projection_y();
  const Fp ct = conic_c() * t;
  auto d2_inv = (ct * t + Fp::one()).inverse();
  if (!d2_inv) return Error{ErrorCode::kInvalidPoint, "conic group map: c t^2 + 1 = 0"};
  const Fp s = ((ct * y0 + z0) * *d2_inv).dbl();
  const Fp cz = z0 - s, cy = y0 - s * t;
  auto cy_inv = cy.inverse();
  if (!cy_inv) return Error{ErrorCode::kInvalidPoint, "conic group map: conic point has y = 0"};
  const Fp v = cz * *cy_inv - u_over_2();
  return std::array<Fp, 3>{v, -(u() + v), u() + cy.square()};
}

Result<PallasAffine> ConicGroupMapPallas::to_group(const Fp& t) {
  MINA_TRY(xs, potential_xs(t));
  for (const Fp& x : xs)
    if (auto y = (x.square() * x + curve_b<PallasParams>()).sqrt()) return PallasAffine::from_xy_unchecked(x, *y);
  return Error{ErrorCode::kInvalidPoint, "conic group map: no candidate x on Pallas"};
}

}  // namespace mina
