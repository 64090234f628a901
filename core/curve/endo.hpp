// The GLV endomorphism as kimchi/Pickles use it, and 128-bit scalar challenges.
//
// phi(x, y) = (endo_q * x, y) equals [endo_r] P on both Pasta curves. Pickles squeezes 128-bit
// "scalar challenges" from the sponge and never uses them directly as scalars: the effective
// scalar is ScalarChallenge::to_field(endo_r) = a * endo_r + b, where (a, b) come from the
// challenge bits in pairs. The circuit's EndoMul gate computes [to_field(c)] P with endo_mul
// below, so both must agree bit for bit.
#pragma once

#include <array>
#include <cstdint>

#include "base/error.hpp"
#include "curve/group.hpp"

namespace mina {

template <class C>
const typename C::Base& endo_q() {
  static const typename C::Base v = C::Base::from_int_unchecked(C::kEndoQ);
  return v;
}
template <class C>
const typename C::Scalar& endo_r() {
  static const typename C::Scalar v = C::Scalar::from_int_unchecked(C::kEndoR);
  return v;
}

// phi: one base-field multiplication instead of a full scalar multiplication by endo_r.
template <class C>
Affine<C> endo(const Affine<C>& p) {
  if (p.infinity) return p;
  return Affine<C>::from_xy_unchecked(endo_q<C>() * p.x, p.y);
}

// Two 64-bit limbs, least significant first (the order of kimchi's squeezed limbs).
class ScalarChallenge {
 public:
  static constexpr unsigned kLengthInBits = 128;

  ScalarChallenge() = default;
  static ScalarChallenge from_limbs(uint64_t lo, uint64_t hi) { return ScalarChallenge(lo, hi); }
  // Untrusted integers: a challenge is 128 bits by construction, anything wider is malformed.
  static Result<ScalarChallenge> from_int(const U256& v) {
    if (v.w[2] != 0 || v.w[3] != 0)
      return Error{ErrorCode::kNonCanonicalField, "scalar challenge wider than 128 bits"};
    return ScalarChallenge(v.w[0], v.w[1]);
  }
  // kimchi's ScalarChallenge::new(F) keeps the whole element but to_field reads only its low
  // 128 bits; keeping only those bits here gives the same to_field.
  template <class F>
  static ScalarChallenge from_field_low_bits(const F& f) {
    U256 v = f.to_int();
    return ScalarChallenge(v.w[0], v.w[1]);
  }

  uint64_t lo() const { return limbs_[0]; }
  uint64_t hi() const { return limbs_[1]; }
  U256 to_int() const { return U256{limbs_[0], limbs_[1]}; }
  template <class F>
  F inner() const { return F::from_int_unchecked(to_int()); }
  bool bit(unsigned i) const { return i < 128 && ((limbs_[i / 64] >> (i % 64)) & 1); }

  // kimchi `to_field_with_length`: a = b = 2, then for each bit pair from the top:
  // double both, and add +-1 (sign from the low bit of the pair) to a (high bit set) or b.
  template <class F>
  F to_field_with_length(unsigned length_in_bits, const F& endo_coeff) const {
    F a = F::from_u64(2), b = F::from_u64(2);
    const F one = F::one();
    for (int i = int(length_in_bits / 2) - 1; i >= 0; --i) {
      a = a.dbl();
      b = b.dbl();
      bool positive = bit(2 * unsigned(i));
      F& target = bit(2 * unsigned(i) + 1) ? a : b;
      target = positive ? target + one : target - one;
    }
    return a * endo_coeff + b;
  }
  template <class F>
  F to_field(const F& endo_coeff) const { return to_field_with_length(kLengthInBits, endo_coeff); }

  bool operator==(const ScalarChallenge&) const = default;

 private:
  ScalarChallenge(uint64_t lo, uint64_t hi) : limbs_{lo, hi} {}
  std::array<uint64_t, 2> limbs_{};
};

// The point side of to_field, as kimchi's EndoMul gate computes it: start from 2 (phi(T) + T),
// then per bit pair (from the top) acc = (acc + Q) + acc with Q = +-T or +-phi(T).
// Result: [c.to_field(endo_r<C>())] T.
template <class C>
Projective<C> endo_mul(const Affine<C>& t, const ScalarChallenge& c,
                       unsigned length_in_bits = ScalarChallenge::kLengthInBits) {
  if (t.infinity) return Projective<C>::identity();
  const Affine<C> phi_t = endo(t);
  const Affine<C> neg_t = -t, neg_phi_t = -phi_t;
  Projective<C> acc = phi_t.to_projective().add_mixed(t).dbl();
  for (int i = int(length_in_bits / 2) - 1; i >= 0; --i) {
    bool positive = c.bit(2 * unsigned(i));
    bool use_phi = c.bit(2 * unsigned(i) + 1);
    const Affine<C>& q = use_phi ? (positive ? phi_t : neg_phi_t) : (positive ? t : neg_t);
    acc = acc.add_mixed(q) + acc;
  }
  return acc;
}

}  // namespace mina
