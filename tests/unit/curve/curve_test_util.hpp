// Random scalars and points for the curve suites (seeded through test::rng()).
#pragma once

#include <vector>

#include "curve/curve.hpp"
#include "test_support.hpp"

namespace mina::test {

template <class F>
F random_field() {
  U256 v;
  for (auto& w : v.w) w = rng()();
  v.w[3] &= (uint64_t(1) << 62) - 1;
  return F::from_int_reduce(v);
}

template <class C>
Affine<C> random_point() {
  return (Affine<C>::generator() * random_field<typename C::Scalar>()).to_affine();
}

// Many distinct points cheaply: a random walk over a few random steps (each point is still an
// unknown multiple of the generator), converted with one shared inversion.
template <class C>
std::vector<Affine<C>> random_points(size_t n) {
  std::vector<Affine<C>> steps;
  for (int i = 0; i < 8; ++i) steps.push_back(random_point<C>());
  std::vector<Projective<C>> proj(n);
  Projective<C> acc = random_point<C>().to_projective();
  for (size_t i = 0; i < n; ++i) {
    acc += steps[rng()() % steps.size()];
    proj[i] = acc;
  }
  return batch_to_affine<C>(proj);
}

}  // namespace mina::test
