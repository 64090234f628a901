// kimchi's Fiat–Shamir sponges, step for step as proof-systems `poseidon/src/sponge.rs`
// (DefaultFqSponge) and `kimchi/src/plonk_sponge.rs` (DefaultFrSponge), on top of the kimchi
// Poseidon ArithmeticSponge (hash/poseidon.hpp).
//
// FqSponge<C> runs Poseidon over the *base* field of curve C (it absorbs points and can coin
// base-field elements for the group map), but most challenges it produces are scalar-field
// elements: a squeezed base element is cut into 64-bit limbs and only its two low limbs are kept
// (`HIGH_ENTROPY_LIMBS = 2`), giving 128-bit challenges that fit either field. The limbs of one
// squeeze are buffered in `last_squeezed` and handed out on later requests; every absorb (and
// every base-field squeeze) empties the buffer. With the only request size kimchi uses (2 limbs
// = one challenge) each challenge therefore costs exactly one squeeze of the underlying sponge.
//
// FrSponge<F> runs Poseidon over the scalar field with the same limb buffer for its 128-bit
// challenges; its digest is a plain squeeze.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "curve/curve.hpp"
#include "hash/poseidon.hpp"

namespace mina {

// Number of 64-bit limbs in a scalar challenge (proof-systems CHALLENGE_LENGTH_IN_LIMBS).
inline constexpr size_t kChallengeLengthInLimbs = 2;
// Limbs of a squeezed element that are kept (HIGH_ENTROPY_LIMBS).
inline constexpr size_t kHighEntropyLimbs = 2;

namespace sponge_detail {
// pack(): little-endian limbs (at most four) into an integer.
inline U256 pack(std::span<const uint64_t> limbs) {
  U256 r;
  for (size_t i = 0; i < limbs.size() && i < 4; ++i) r.w[i] = limbs[i];
  return r;
}

// squeeze_limbs of both sponges: serve from the buffer when it holds enough, else squeeze one
// element, append its two low limbs to what is left, and retry (upstream's recursion).
template <class F>
std::vector<uint64_t> squeeze_limbs(poseidon::Sponge<F>& sponge, std::vector<uint64_t>& last_squeezed,
                                    size_t num_limbs) {
  while (last_squeezed.size() < num_limbs) {
    U256 x = sponge.squeeze().to_int();
    for (size_t i = 0; i < kHighEntropyLimbs; ++i) last_squeezed.push_back(x.w[i]);
  }
  std::vector<uint64_t> out(last_squeezed.begin(), last_squeezed.begin() + std::ptrdiff_t(num_limbs));
  last_squeezed.erase(last_squeezed.begin(), last_squeezed.begin() + std::ptrdiff_t(num_limbs));
  return out;
}
}  // namespace sponge_detail

template <class C>
class FqSponge {
 public:
  using Base = typename C::Base;
  using Scalar = typename C::Scalar;

  FqSponge() : sponge_(poseidon::kKimchi) {}

  // Points as (x, y); the point at infinity as the fake point (0, 0).
  void absorb_g(std::span<const Affine<C>> points) {
    last_squeezed_.clear();
    for (const auto& p : points) {
      if (p.infinity) {
        sponge_.absorb(Base::zero());
        sponge_.absorb(Base::zero());
      } else {
        sponge_.absorb(p.x);
        sponge_.absorb(p.y);
      }
    }
  }
  void absorb_g(const Affine<C>& p) { absorb_g(std::span<const Affine<C>>(&p, 1)); }

  void absorb_fq(std::span<const Base> xs) {
    last_squeezed_.clear();
    for (const auto& x : xs) sponge_.absorb(x);
  }
  void absorb_fq(const Base& x) { absorb_fq(std::span<const Base>(&x, 1)); }

  // A scalar as base-field elements. If the scalar modulus is below the base modulus (Vesta:
  // Fp < Fq) the integer is absorbed as is; otherwise (Pallas: Fq > Fp) it may not fit, so its
  // high bits (x >> 1, < 2^254) and then its low bit are absorbed as two elements.
  void absorb_fr(std::span<const Scalar> xs) {
    last_squeezed_.clear();
    for (const auto& s : xs) {
      U256 v = s.to_int();
      if (Scalar::kModulus < Base::kModulus) {
        sponge_.absorb(Base::from_int_unchecked(v));
      } else {
        sponge_.absorb(Base::from_int_unchecked(shr1(v)));
        sponge_.absorb(v.is_odd() ? Base::one() : Base::zero());
      }
    }
  }
  void absorb_fr(const Scalar& x) { absorb_fr(std::span<const Scalar>(&x, 1)); }

  // Limbs from the buffer (see the file comment); exposed for tests of the buffer semantics.
  std::vector<uint64_t> squeeze_limbs(size_t num_limbs) {
    return sponge_detail::squeeze_limbs(sponge_, last_squeezed_, num_limbs);
  }

  // A base-field element straight from the sponge (empties the limb buffer).
  Base squeeze_field() {
    last_squeezed_.clear();
    return sponge_.squeeze();
  }
  Base challenge_fq() { return squeeze_field(); }

  // 128-bit challenge: two limbs packed into a scalar-field element (always < both moduli).
  Scalar challenge() {
    auto limbs = squeeze_limbs(kChallengeLengthInLimbs);
    return Scalar::from_int_unchecked(sponge_detail::pack(limbs));
  }
  // The same limbs as a ScalarChallenge (proof-systems squeeze_prechallenge).
  ScalarChallenge prechallenge() {
    auto limbs = squeeze_limbs(kChallengeLengthInLimbs);
    return ScalarChallenge::from_limbs(limbs[0], limbs[1]);
  }

  // Upstream consumes the sponge; here the state is copied. A squeezed base element read as a
  // scalar-field integer, or 0 if it is not below the scalar modulus (possible only for Vesta).
  Scalar digest() const {
    FqSponge copy = *this;
    U256 v = copy.squeeze_field().to_int();
    if (v >= Scalar::kModulus) return Scalar::zero();
    return Scalar::from_int_unchecked(v);
  }
  Base digest_fq() const {
    FqSponge copy = *this;
    return copy.squeeze_field();
  }

  const poseidon::Sponge<Base>& sponge() const { return sponge_; }
  const std::vector<uint64_t>& last_squeezed() const { return last_squeezed_; }

 private:
  poseidon::Sponge<Base> sponge_;
  std::vector<uint64_t> last_squeezed_;
};

// proof-systems squeeze_prechallenge / squeeze_challenge (endo-mapped to the scalar field).
template <class C>
ScalarChallenge squeeze_prechallenge(FqSponge<C>& sponge) {
  return sponge.prechallenge();
}
template <class C>
typename C::Scalar squeeze_challenge(const typename C::Scalar& endo_r_coeff, FqSponge<C>& sponge) {
  return sponge.prechallenge().to_field(endo_r_coeff);
}

template <class F>
class FrSponge {
 public:
  FrSponge() : sponge_(poseidon::kKimchi) {}

  void absorb(const F& x) {
    last_squeezed_.clear();
    sponge_.absorb(x);
  }
  void absorb_multiple(std::span<const F> xs) {
    last_squeezed_.clear();
    sponge_.absorb(xs);
  }

  std::vector<uint64_t> squeeze_limbs(size_t num_limbs) {
    return sponge_detail::squeeze_limbs(sponge_, last_squeezed_, num_limbs);
  }
  // kimchi FrSponge::challenge: ScalarChallenge::new(squeeze(2 limbs)).
  ScalarChallenge challenge() {
    auto limbs = squeeze_limbs(kChallengeLengthInLimbs);
    return ScalarChallenge::from_limbs(limbs[0], limbs[1]);
  }
  // A plain squeeze of the underlying sponge (the limb buffer is not consulted), on a copy.
  F digest() const {
    poseidon::Sponge<F> copy = sponge_;
    return copy.squeeze();
  }

  const poseidon::Sponge<F>& sponge() const { return sponge_; }
  const std::vector<uint64_t>& last_squeezed() const { return last_squeezed_; }

 private:
  poseidon::Sponge<F> sponge_;
  std::vector<uint64_t> last_squeezed_;
};

// proof-systems `shift_scalar` (commitment.rs): the inverse of the in-circuit scalar-multiplication
// shift, applied to the combined inner product before it is absorbed. With 2^255 = 2^MODULUS_BIT_SIZE:
//   scalar modulus < base modulus (Vesta): (x − (2^255 + 1)) / 2
//   otherwise (Pallas):                     x − 2^255
template <class C>
typename C::Scalar shift_scalar(const typename C::Scalar& x) {
  using S = typename C::Scalar;
  static const S two_pow = S::from_u64(2).pow(U256{255});
  if (S::kModulus < C::Base::kModulus) {
    static const S inv_two = *S::from_u64(2).inverse();
    return (x - (two_pow + S::one())) * inv_two;
  }
  return x - two_pow;
}

}  // namespace mina
