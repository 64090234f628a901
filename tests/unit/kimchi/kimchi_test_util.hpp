// Helpers for the kimchi constraint suites: witness rows, the gate environment they give, and the
// "satisfied, then every single-cell perturbation is caught" check.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "curve/curve.hpp"
#include "kimchi/constraints.hpp"
#include "kimchi/gates/gates.hpp"
#include "test_support.hpp"

namespace mina::test::kimchi {

using mina::kimchi::GateEnv;
using mina::kimchi::kColumns;
using BigInt = boost::multiprecision::cpp_int;

template <class F>
F random_field() {
  U256 v;
  for (auto& w : v.w) w = rng()();
  v.w[3] &= (uint64_t(1) << 62) - 1;
  return F::from_int_reduce(v);
}

// The curve a circuit over F does its point arithmetic on: the one whose base field is F.
template <class F>
struct CurveOf;
template <>
struct CurveOf<Fp> {
  using C = PallasParams;
};
template <>
struct CurveOf<Fq> {
  using C = VestaParams;
};

template <class F>
Affine<typename CurveOf<F>::C> random_point() {
  using C = typename CurveOf<F>::C;
  return (Affine<C>::generator() * random_field<typename C::Scalar>()).to_affine();
}

// Any integer (negative too) reduced into F.
template <class F>
F to_field(const BigInt& x) {
  BigInt p = 0;
  for (int i = 3; i >= 0; --i) p = (p << 64) | BigInt(F::kModulus.w[i]);
  BigInt r = x % p;
  if (r < 0) r += p;
  U256 v;
  for (int i = 0; i < 4; ++i) v.w[i] = static_cast<uint64_t>((r >> (64 * i)) & BigInt(~uint64_t(0)));
  return F::from_int_unchecked(v);
}

inline BigInt random_bits(unsigned bits) {
  BigInt r = 0;
  for (unsigned i = 0; i < bits; i += 64) r = (r << 64) | BigInt(rng()());
  return r & ((BigInt(1) << bits) - 1);
}

template <class F>
struct Rows {
  std::array<F, kColumns> curr{}, next{}, coeff{};
};

template <class F>
GateEnv<F> gate_env_of(const Rows<F>& r) {
  GateEnv<F> e;
  e.witness_curr = r.curr;
  e.witness_next = r.next;
  e.coefficients = r.coeff;
  e.endo_coefficient = mina::kimchi::circuit_endo_coefficient<F>();
  e.mds = mina::kimchi::kimchi_mds<F>();
  return e;
}

enum class Kind { kCurr, kNext, kCoeff };
using Cell = std::pair<Kind, size_t>;

inline std::string cell_name(const Cell& c) {
  const char* k = c.first == Kind::kCurr ? "curr" : c.first == Kind::kNext ? "next" : "coeff";
  return std::string(k) + "[" + std::to_string(c.second) + "]";
}

template <class F>
F& cell_ref(Rows<F>& r, const Cell& c) {
  return c.first == Kind::kCurr ? r.curr[c.second] : c.first == Kind::kNext ? r.next[c.second] : r.coeff[c.second];
}

// Every constraint of the gate is zero on the rows; then for every one of the 45 cells, adding 1
// to it makes the α-combination nonzero exactly when the cell is in `constrained`.
template <class F, class Gate>
void check_gate(const Rows<F>& rows, Gate gate, const std::set<Cell>& constrained) {
  const auto c = gate(gate_env_of(rows));
  for (size_t i = 0; i < c.size(); ++i) {
    INFO("constraint " << i);
    CHECK(c[i].is_zero());
  }
  const F alpha = random_field<F>();
  const auto alphas = mina::kimchi::powers_of_alpha(alpha, c.size());
  for (Kind k : {Kind::kCurr, Kind::kNext, Kind::kCoeff}) {
    for (size_t i = 0; i < kColumns; ++i) {
      const Cell cell{k, i};
      Rows<F> perturbed = rows;
      cell_ref(perturbed, cell) += F::one();
      const auto pc = gate(gate_env_of(perturbed));
      const F combined = mina::kimchi::combine_constraints(pc, alphas.data());
      INFO("perturbed " << cell_name(cell));
      CHECK(combined.is_zero() == (constrained.count(cell) == 0));
    }
  }
}

inline std::set<Cell> cells(Kind k, std::initializer_list<size_t> idx) {
  std::set<Cell> s;
  for (size_t i : idx) s.insert({k, i});
  return s;
}
inline std::set<Cell> cell_range(Kind k, size_t lo, size_t hi) {  // [lo, hi]
  std::set<Cell> s;
  for (size_t i = lo; i <= hi; ++i) s.insert({k, i});
  return s;
}
inline std::set<Cell> operator|(std::set<Cell> a, const std::set<Cell>& b) {
  a.insert(b.begin(), b.end());
  return a;
}
inline std::set<Cell> operator-(std::set<Cell> a, const std::set<Cell>& b) {
  for (const auto& c : b) a.erase(c);
  return a;
}

}  // namespace mina::test::kimchi
