// Points of a Pasta curve: affine (the interchange form: encodings, MSM inputs) and Jacobian
// projective (X/Z^2, Y/Z^3: the arithmetic form, no inversions).
//
// Subgroup checks: both Pasta curves have prime order (cofactor 1), so every point that satisfies
// the curve equation is in the prime-order group. Validating an untrusted point therefore means
// "canonical coordinates + on the curve", nothing more; from_xy and decompress do exactly that.
//
// Variable time throughout: the verifier only handles public data.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "curve/params.hpp"

namespace mina {

template <class C> struct Projective;

template <class C>
const typename C::Base& curve_b() {
  static const typename C::Base b = C::Base::from_u64(C::kB);
  return b;
}

template <class C>
struct Affine {
  using Params = C;
  using Base = typename C::Base;
  using Scalar = typename C::Scalar;

  Base x{};
  Base y{};
  bool infinity = true;

  static Affine identity() { return Affine{}; }
  static Affine generator() {
    static const Affine g{Base::from_int_unchecked(C::kGeneratorX), Base::from_int_unchecked(C::kGeneratorY), false};
    return g;
  }
  // For coordinates that are already known to be on the curve (our own arithmetic).
  static Affine from_xy_unchecked(const Base& x, const Base& y) { return Affine{x, y, false}; }

  // Untrusted coordinates: on the curve is all that is needed (prime order, see above).
  static Result<Affine> from_xy(const Base& x, const Base& y) {
    Affine p{x, y, false};
    if (!p.is_on_curve())
      return Error{ErrorCode::kInvalidPoint, std::string("point is not on ") + C::kName};
    return p;
  }
  // Untrusted integers: non-canonical coordinates are rejected before the curve check so that
  // every point has exactly one accepted encoding.
  static Result<Affine> from_ints(const U256& x, const U256& y) {
    MINA_TRY(fx, Base::from_int(x));
    MINA_TRY(fy, Base::from_int(y));
    return from_xy(fx, fy);
  }
  // x || y, each 32 bytes little-endian (the Pickles verification-key layout). There is no way
  // to spell the point at infinity in this form.
  static Result<Affine> from_xy_bytes_le(ByteSpan bytes) {
    if (bytes.size() != 64)
      return Error{ErrorCode::kInvalidLength, std::string(C::kName) + " x||y needs 64 bytes, got " + std::to_string(bytes.size())};
    MINA_TRY(fx, Base::from_bytes_le(bytes.subspan(0, 32)));
    MINA_TRY(fy, Base::from_bytes_le(bytes.subspan(32, 32)));
    return from_xy(fx, fy);
  }

  bool is_identity() const { return infinity; }
  bool is_on_curve() const {
    if (infinity) return true;
    return y.square() == x.square() * x + curve_b<C>();
  }
  // Prime order: the curve equation is the whole membership test.
  bool is_in_group() const { return is_on_curve(); }

  Affine operator-() const { return infinity ? *this : Affine{x, -y, false}; }
  bool operator==(const Affine& o) const {
    if (infinity || o.infinity) return infinity == o.infinity;
    return x == o.x && y == o.y;
  }
  bool operator!=(const Affine& o) const { return !(*this == o); }

  Projective<C> to_projective() const;
  Projective<C> mul(const U256& k) const;
  Projective<C> operator*(const Scalar& k) const { return mul(k.to_int()); }
};

template <class C>
struct Projective {
  using Params = C;
  using Base = typename C::Base;
  using Scalar = typename C::Scalar;
  using AffinePoint = Affine<C>;

  // Jacobian coordinates; Z = 0 is the identity.
  Base x = Base::one();
  Base y = Base::one();
  Base z{};

  static Projective identity() { return Projective{}; }
  static Projective generator() { return Affine<C>::generator().to_projective(); }

  bool is_identity() const { return z.is_zero(); }
  bool is_on_curve() const {
    if (is_identity()) return true;
    Base z2 = z.square();
    Base z6 = z2.square() * z2;
    return y.square() == x.square() * x + curve_b<C>() * z6;
  }

  Projective operator-() const { return Projective{x, -y, z}; }

  // dbl-2009-l (a = 0): 2M + 5S.
  Projective dbl() const {
    if (is_identity()) return *this;
    Base a = x.square();
    Base b = y.square();
    Base c = b.square();
    Base d = ((x + b).square() - a - c).dbl();
    Base e = a.dbl() + a;
    Base f = e.square();
    Projective r;
    r.x = f - d.dbl();
    Base c8 = c.dbl().dbl().dbl();
    r.y = e * (d - r.x) - c8;
    r.z = (y * z).dbl();
    return r;
  }

  // madd-2007-bl: 7M + 4S; equal x falls back to doubling or the identity.
  Projective add_mixed(const Affine<C>& q) const {
    if (q.infinity) return *this;
    if (is_identity()) return q.to_projective();
    Base z1z1 = z.square();
    Base u2 = q.x * z1z1;
    Base s2 = q.y * z * z1z1;
    Base h = u2 - x;
    Base r = (s2 - y).dbl();
    if (h.is_zero()) return r.is_zero() ? dbl() : identity();
    Base hh = h.square();
    Base i = hh.dbl().dbl();
    Base j = h * i;
    Base v = x * i;
    Projective out;
    out.x = r.square() - j - v.dbl();
    out.y = r * (v - out.x) - (y * j).dbl();
    out.z = (z + h).square() - z1z1 - hh;
    return out;
  }

  // add-2007-bl: 11M + 5S.
  Projective add(const Projective& q) const {
    if (q.is_identity()) return *this;
    if (is_identity()) return q;
    Base z1z1 = z.square();
    Base z2z2 = q.z.square();
    Base u1 = x * z2z2;
    Base u2 = q.x * z1z1;
    Base s1 = y * q.z * z2z2;
    Base s2 = q.y * z * z1z1;
    Base h = u2 - u1;
    Base r = (s2 - s1).dbl();
    if (h.is_zero()) return r.is_zero() ? dbl() : identity();
    Base i = h.dbl().square();
    Base j = h * i;
    Base v = u1 * i;
    Projective out;
    out.x = r.square() - j - v.dbl();
    out.y = r * (v - out.x) - (s1 * j).dbl();
    out.z = ((z + q.z).square() - z1z1 - z2z2) * h;
    return out;
  }

  Projective operator+(const Projective& q) const { return add(q); }
  Projective operator+(const Affine<C>& q) const { return add_mixed(q); }
  Projective operator-(const Projective& q) const { return add(-q); }
  Projective operator-(const Affine<C>& q) const { return add_mixed(-q); }
  Projective& operator+=(const Projective& q) { return *this = add(q); }
  Projective& operator+=(const Affine<C>& q) { return *this = add_mixed(q); }
  Projective& operator-=(const Projective& q) { return *this = add(-q); }
  Projective& operator-=(const Affine<C>& q) { return *this = add_mixed(-q); }

  // Same point, different Z: compare X1 Z2^2 = X2 Z1^2 and Y1 Z2^3 = Y2 Z1^3.
  bool operator==(const Projective& q) const {
    if (is_identity() || q.is_identity()) return is_identity() == q.is_identity();
    Base z1z1 = z.square(), z2z2 = q.z.square();
    if (x * z2z2 != q.x * z1z1) return false;
    return y * z2z2 * q.z == q.y * z1z1 * z;
  }
  bool operator!=(const Projective& q) const { return !(*this == q); }
  bool operator==(const Affine<C>& q) const { return *this == q.to_projective(); }

  Affine<C> to_affine() const {
    if (is_identity()) return Affine<C>::identity();
    return from_z_inverse(*z.inverse());
  }
  // Given 1/Z, the affine point; used by batch_to_affine to share one inversion.
  Affine<C> from_z_inverse(const Base& zinv) const {
    Base zinv2 = zinv.square();
    return Affine<C>::from_xy_unchecked(x * zinv2, y * zinv2 * zinv);
  }

  // Left-to-right double-and-add: the simple reference path (msm is the fast one).
  Projective mul(const U256& k) const {
    if (is_identity()) return *this;
    return to_affine().mul(k);
  }
  Projective operator*(const Scalar& k) const { return mul(k.to_int()); }
};

template <class C>
Projective<C> Affine<C>::to_projective() const {
  if (infinity) return Projective<C>::identity();
  return Projective<C>{x, y, Base::one()};
}

template <class C>
Projective<C> Affine<C>::mul(const U256& k) const {
  Projective<C> acc;
  if (infinity) return acc;
  for (int i = int(k.bit_length()) - 1; i >= 0; --i) {
    acc = acc.dbl();
    if (k.bit(unsigned(i))) acc = acc.add_mixed(*this);
  }
  return acc;
}

// One field inversion for the whole batch (Montgomery's trick over the Z coordinates).
template <class C>
std::vector<Affine<C>> batch_to_affine(std::span<const Projective<C>> points) {
  using Base = typename C::Base;
  std::vector<Base> zs(points.size());
  for (size_t i = 0; i < points.size(); ++i) zs[i] = points[i].z;
  Base::batch_inverse(zs);  // identities keep z = 0 and are handled below
  std::vector<Affine<C>> out(points.size());
  for (size_t i = 0; i < points.size(); ++i)
    out[i] = points[i].is_identity() ? Affine<C>::identity() : points[i].from_z_inverse(zs[i]);
  return out;
}

using PallasAffine = Affine<PallasParams>;
using PallasProjective = Projective<PallasParams>;
using VestaAffine = Affine<VestaParams>;
using VestaProjective = Projective<VestaParams>;

}  // namespace mina
