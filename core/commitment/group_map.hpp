// Mina's group map: a deterministic map from the base field onto the points of a Pasta curve
// (Shallue-van de Woestijne as simplified for a = 0 by Wahby-Boneh, "BW19"), exactly as
// o1-labs/proof-systems `groupmap` (BWParameters) computes it, so that SRS points and
// hash-to-group outputs agree bit for bit:
//
//   setup:  u = the first of 1, 2, 3, ... with f(u) = u^3 + b != 0, fu = f(u);
//           sqrt(-3u^2) via the field's (arkworks) sqrt, (sqrt(-3u^2) - u) / 2, 1 / (3u^2).
//   potential_xs(t): alpha = 1 / (t^2 (t^2 + fu))  (0 when t^2 (t^2 + fu) = 0)
//           x1 = (sqrt(-3u^2) - u)/2 - t^4 alpha sqrt(-3u^2)
//           x2 = -u - x1
//           x3 = u - (t^2 + fu)^3 alpha / (3u^2)
//   to_group(t): the first x_i whose f(x_i) is a square, with y = sqrt(f(x_i)) (arkworks root).
//
// f(x1) f(x2) f(x3) is always a square, so one of the three works; to_group still returns a
// Result rather than trusting that. The root choice for y matters for SRS points (they are
// stored compressed with the sign); o1js hashToGroup normalises y to even afterwards.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "base/error.hpp"
#include "curve/group.hpp"
#include "curve/params.hpp"

namespace mina {

template <class C>
class GroupMap {
 public:
  using F = typename C::Base;
  using Xs = std::array<F, 3>;

  // Recomputes the parameters (a few field operations and one sqrt); prefer instance().
  static GroupMap setup();
  // The parameters, computed once (thread-safe static initialisation).
  static const GroupMap& instance();

  Xs potential_xs(const F& t) const;
  // The same for many t with one shared field inversion (proof-systems batch_to_group_x).
  std::vector<Xs> batch_potential_xs(std::span<const F> ts) const;
  // First of the candidates that is on the curve, with upstream's y.
  Result<Affine<C>> first_on_curve(const Xs& xs) const;
  Result<Affine<C>> to_group(const F& t) const { return first_on_curve(potential_xs(t)); }

  const F& u() const { return u_; }
  const F& fu() const { return fu_; }
  const F& sqrt_neg_three_u_squared() const { return sqrt_neg_three_u_squared_; }
  const F& sqrt_neg_three_u_squared_minus_u_over_2() const { return sqrt_neg_three_u_squared_minus_u_over_2_; }
  const F& inv_three_u_squared() const { return inv_three_u_squared_; }

 private:
  Xs potential_xs_helper(const F& t2, const F& alpha) const;

  F u_, fu_, sqrt_neg_three_u_squared_minus_u_over_2_, sqrt_neg_three_u_squared_, inv_three_u_squared_;
};

// The right-hand side x^3 + b of the curve equation (a = 0 on Pasta).
template <class C>
typename C::Base curve_rhs(const typename C::Base& x) {
  return x.square() * x + curve_b<C>();
}

// proof-systems groupmap::get_y: sqrt(x^3 + b) if it exists (arkworks root).
template <class C>
std::optional<typename C::Base> group_map_get_y(const typename C::Base& x) {
  return curve_rhs<C>(x).sqrt();
}

extern template class GroupMap<PallasParams>;
extern template class GroupMap<VestaParams>;

}  // namespace mina
