#include "commitment/group_map.hpp"

#include <stdexcept>

namespace mina {

template <class C>
GroupMap<C> GroupMap<C>::setup() {
  GroupMap m;
  // u: the first of 1, 2, 3, ... with f(u) != 0. On Pasta that is u = 1 (f(1) = 6); the search
  // is kept to mirror upstream's find_first exactly.
  F u = F::one();
  while (curve_rhs<C>(u).is_zero()) u += F::one();
  m.u_ = u;
  m.fu_ = curve_rhs<C>(u);
  const F two = F::from_u64(2), three = F::from_u64(3);
  const F three_u_squared = u.square() * three;
  // These exist for the Pasta fields (p = 1 mod 3 makes -3 a square); a failure would mean
  // wrong field constants, a programming error.
  auto inv = three_u_squared.inverse();
  auto root = (-three_u_squared).sqrt();
  auto two_inv = two.inverse();
  if (!inv || !root || !two_inv) throw std::logic_error("group map setup: field constants are wrong");
  m.inv_three_u_squared_ = *inv;
  m.sqrt_neg_three_u_squared_ = *root;
  m.sqrt_neg_three_u_squared_minus_u_over_2_ = (*root - u) * *two_inv;
  return m;
}

template <class C>
const GroupMap<C>& GroupMap<C>::instance() {
  static const GroupMap m = setup();
  return m;
}

template <class C>
typename GroupMap<C>::Xs GroupMap<C>::potential_xs_helper(const F& t2, const F& alpha) const {
  const F x1 = sqrt_neg_three_u_squared_minus_u_over_2_ - t2.square() * alpha * sqrt_neg_three_u_squared_;
  const F x2 = -u_ - x1;
  const F t2_plus_fu = t2 + fu_;
  const F t2_inv = alpha * t2_plus_fu;  // = 1 / t^2 (upstream's name)
  const F x3 = u_ - t2_plus_fu.square() * t2_inv * inv_three_u_squared_;
  return {x1, x2, x3};
}

template <class C>
typename GroupMap<C>::Xs GroupMap<C>::potential_xs(const F& t) const {
  const F t2 = t.square();
  const F alpha_inv = (t2 + fu_) * t2;
  // Upstream maps the non-invertible case (t = 0 or t^2 = -fu) to alpha = 0.
  const F alpha = alpha_inv.inverse().value_or(F::zero());
  return potential_xs_helper(t2, alpha);
}

template <class C>
std::vector<typename GroupMap<C>::Xs> GroupMap<C>::batch_potential_xs(std::span<const F> ts) const {
  std::vector<F> t2s(ts.size()), alphas(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    t2s[i] = ts[i].square();
    alphas[i] = (t2s[i] + fu_) * t2s[i];
  }
  F::batch_inverse(alphas);  // zeros stay zero, matching potential_xs
  std::vector<Xs> out;
  out.reserve(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) out.push_back(potential_xs_helper(t2s[i], alphas[i]));
  return out;
}

template <class C>
Result<Affine<C>> GroupMap<C>::first_on_curve(const Xs& xs) const {
  for (const F& x : xs)
    if (auto y = group_map_get_y<C>(x)) return Affine<C>::from_xy_unchecked(x, *y);
  return Error{ErrorCode::kInvalidPoint, std::string("group map: no candidate x on ") + C::kName};
}

template class GroupMap<PallasParams>;
template class GroupMap<VestaParams>;

}  // namespace mina
