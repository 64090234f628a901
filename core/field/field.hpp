// The prime-field interface. One class template over (parameters, limb backend); the backend is
// chosen at compile time (BackendU64 natively, BackendU29 under Emscripten) and all are tested.
//
// Invariant: the stored limbs are the Montgomery form of a value in [0, p).
// Variable time throughout: a verifier's data is public.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "field/backend_u29_impl.hpp"
#include "field/backend_u32_impl.hpp"
#include "field/backend_u64_impl.hpp"
#include "field/u256.hpp"

namespace mina {

template <class P, template <class> class Backend>
class PrimeField {
 public:
  using Params = P;
  using B = Backend<P>;
  using Limbs = typename B::Limbs;
  // Montgomery constants of this backend's own R (2^256 for u64x4/u32x8, 2^261 for u29x9):
  // one(), from_int_unchecked(), to_int() and inverse() are written for any R through K.
  using K = typename B::K;
  static constexpr U256 kModulus = P::kModulus;
  static constexpr unsigned kBits = 255;
  static constexpr unsigned kBytes = 32;

  constexpr PrimeField() : m_{} {}

  static PrimeField zero() { return PrimeField(); }
  static PrimeField one() { return from_raw_limbs(B::from_raw(K::kR)); }
  static PrimeField from_u64(uint64_t v) { return from_int_unchecked(U256{v}); }
  static PrimeField from_i64(int64_t v) {
    return v >= 0 ? from_u64(uint64_t(v)) : -from_u64(uint64_t(0) - uint64_t(v));
  }

  // x must be < p (checked in MINA_VERIFY builds). Use from_int for untrusted values.
  static PrimeField from_int_unchecked(const U256& x) {
    PrimeField r;
    B::mul(r.m_, B::from_raw(x), B::from_raw(K::kR2));
    return r;
  }
  // Rejects x >= p: untrusted encodings must be canonical.
  static Result<PrimeField> from_int(const U256& x) {
    if (x >= kModulus) return Error{ErrorCode::kNonCanonicalField, "value " + mina::to_decimal(x) + " >= " + P::kName + " modulus"};
    return from_int_unchecked(x);
  }
  // Reduces any 256-bit integer mod p (for packing, hashing to field).
  static PrimeField from_int_reduce(U256 x) {
    while (x >= kModulus) sub_to(x, x, kModulus);
    return from_int_unchecked(x);
  }
  // Decimal or 0x-hex text, canonical.
  static Result<PrimeField> parse(std::string_view s) {
    MINA_TRY(v, parse_u256(s));
    return from_int(v);
  }
  // 32 bytes little-endian, canonical.
  static Result<PrimeField> from_bytes_le(ByteSpan bytes) {
    if (bytes.size() != kBytes)
      return Error{ErrorCode::kInvalidLength, std::string(P::kName) + " element needs 32 bytes, got " + std::to_string(bytes.size())};
    return from_int(u256_from_le(bytes));
  }

  U256 to_int() const {
    Limbs r;
    B::mul(r, m_, B::from_raw(U256{1}));
    return B::to_raw(r);
  }
  std::array<uint8_t, 32> to_bytes_le() const {
    U256 v = to_int();
    std::array<uint8_t, 32> out{};
    for (int i = 0; i < 32; ++i) out[i] = uint8_t(v.w[i / 8] >> (8 * (i % 8)));
    return out;
  }
  std::string to_decimal() const { return mina::to_decimal(to_int()); }

  bool is_zero() const { return m_ == Limbs{}; }
  bool is_one() const { return *this == one(); }
  bool operator==(const PrimeField& o) const { return m_ == o.m_; }
  bool operator!=(const PrimeField& o) const { return !(m_ == o.m_); }

  PrimeField operator+(const PrimeField& o) const { PrimeField r; B::add(r.m_, m_, o.m_); return r; }
  PrimeField operator-(const PrimeField& o) const { PrimeField r; B::sub(r.m_, m_, o.m_); return r; }
  PrimeField operator*(const PrimeField& o) const { PrimeField r; B::mul(r.m_, m_, o.m_); return r; }
  PrimeField operator-() const { PrimeField r; B::sub(r.m_, Limbs{}, m_); return r; }
  PrimeField& operator+=(const PrimeField& o) { B::add(m_, m_, o.m_); return *this; }
  PrimeField& operator-=(const PrimeField& o) { B::sub(m_, m_, o.m_); return *this; }
  PrimeField& operator*=(const PrimeField& o) { B::mul(m_, m_, o.m_); return *this; }
  PrimeField square() const { PrimeField r; B::square(r.m_, m_); return r; }
  PrimeField dbl() const { return *this + *this; }

  PrimeField pow(const U256& e) const {
    PrimeField r = one();
    for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
      r = r.square();
      if (e.bit(unsigned(i))) r *= *this;
    }
    return r;
  }

  // Multiplicative inverse; zero has none.
  std::optional<PrimeField> inverse() const {
    if (is_zero()) return std::nullopt;
    // Binary extended Euclid on the raw Montgomery integer A = aR gives A^{-1} = a^{-1}R^{-1};
    // one Montgomery multiplication by R^3 turns that into a^{-1}R, the Montgomery form of a^{-1}.
    U256 u = B::to_raw(m_), v = kModulus, x1{1}, x2{0};
    const U256 one_int{1};
    while (u != one_int && v != one_int) {
      while (!u.is_odd()) { u = shr1(u); x1 = half_mod(x1); }
      while (!v.is_odd()) { v = shr1(v); x2 = half_mod(x2); }
      if (u >= v) { sub_to(u, u, v); x1 = sub_mod(x1, x2); }
      else { sub_to(v, v, u); x2 = sub_mod(x2, x1); }
    }
    PrimeField r;
    B::mul(r.m_, B::from_raw(u == one_int ? x1 : x2), B::from_raw(K::kR3));
    return r;
  }

  // Inverts every nonzero element in place (Montgomery's trick: one inversion for all);
  // zeros stay zero.
  static void batch_inverse(std::span<PrimeField> xs) {
    std::vector<PrimeField> prefix(xs.size());
    PrimeField acc = one();
    for (size_t i = 0; i < xs.size(); ++i) {
      prefix[i] = acc;
      if (!xs[i].is_zero()) acc *= xs[i];
    }
    PrimeField inv = *acc.inverse();
    for (size_t i = xs.size(); i-- > 0;) {
      if (xs[i].is_zero()) continue;
      PrimeField next = inv * xs[i];
      xs[i] = inv * prefix[i];
      inv = next;
    }
  }

  // Legendre symbol: 0 for zero, 1 for a nonzero square, -1 otherwise.
  int legendre() const {
    if (is_zero()) return 0;
    return pow(p_minus_1_over_2()).is_one() ? 1 : -1;
  }

  // Square root exactly as arkworks' Tonelli-Shanks returns it (eprint 2012/685, algorithm 5),
  // so that group-map and hash-to-curve outputs match proof-systems bit for bit.
  std::optional<PrimeField> sqrt() const {
    if (is_zero()) return zero();
    const auto& c = sqrt_constants();
    PrimeField z = c.nonresidue_to_trace;
    PrimeField w = pow(c.trace_minus_one_div_two);
    PrimeField x = w * *this;
    PrimeField b = x * w;
    unsigned v = P::kTwoAdicity;
    while (!b.is_one()) {
      unsigned k = 0;
      PrimeField b2k = b;
      while (!b2k.is_one()) {
        b2k = b2k.square();
        ++k;
        if (k >= P::kTwoAdicity) return std::nullopt;  // b is not a 2^s-th root of unity: non-residue
      }
      unsigned j = v - k;
      w = z;
      for (unsigned i = 1; i < j; ++i) w = w.square();
      z = w.square();
      b *= z;
      x *= w;
      v = k;
    }
    if (x.square() != *this) return std::nullopt;
    return x;
  }

  // The two-adic root of unity of order 2^kTwoAdicity (generator^trace).
  static PrimeField two_adic_root_of_unity() { return sqrt_constants().nonresidue_to_trace; }

  // Parity of the canonical integer (arkworks/Mina "is odd").
  bool is_odd() const { return to_int().is_odd(); }

  const Limbs& limbs() const { return m_; }

  static U256 u256_from_le(ByteSpan bytes) {
    U256 v;
    for (size_t i = 0; i < bytes.size() && i < 32; ++i) v.w[i / 8] |= uint64_t(bytes[i]) << (8 * (i % 8));
    return v;
  }

 private:
  static PrimeField from_raw_limbs(const Limbs& l) { PrimeField r; r.m_ = l; return r; }

  static U256 half_mod(const U256& x) {
    if (!x.is_odd()) return shr1(x);
    U256 s;
    uint64_t carry = add_to(s, x, kModulus);
    return shr1(s, carry);
  }
  static U256 sub_mod(const U256& a, const U256& b) {
    U256 r;
    if (sub_to(r, a, b)) add_to(r, r, kModulus);
    return r;
  }
  static U256 p_minus_1_over_2() { return shr1(U256{kModulus.w[0] - 1, kModulus.w[1], kModulus.w[2], kModulus.w[3]}); }

  struct SqrtConstants {
    U256 trace_minus_one_div_two;   // (t - 1) / 2 where p - 1 = 2^s * t
    PrimeField nonresidue_to_trace; // g^t for the multiplicative generator g
  };
  static const SqrtConstants& sqrt_constants() {
    static const SqrtConstants c = [] {
      U256 pm1{kModulus.w[0] - 1, kModulus.w[1], kModulus.w[2], kModulus.w[3]};
      U256 t = shr(pm1, P::kTwoAdicity);
      U256 tm1 = t;
      sub_to(tm1, tm1, U256{1});
      return SqrtConstants{shr1(tm1), from_u64(P::kGenerator).pow(t)};
    }();
    return c;
  }

  Limbs m_;
};

}  // namespace mina
