// Commitments to the Lagrange basis polynomials of a radix-2 domain, as proof-systems
// `SRS::lagrange_basis` (poly-commitment/src/ipa.rs) defines them, and a checksummed byte format
// to cache them.
//
// L_i is the polynomial with L_i(ω^j) = [i = j] on the domain of size n; its coefficients are the
// IFFT of the unit vector e_i, i.e. L_i = (1/n)·Σ_j ω^{−ij} X^j, so by linearity
//   comm(L_i) = (1/n)·Σ_j ω^{−ij}·G_j.
// kimchi commits the public input as −Σ_i pub_i·comm(L_i) (+ H as its constant blinder), so a
// verifier needs only the first `public` (= 40 for Pickles wrap proofs) of them.
//
// Two ways to compute them:
//   lagrange_basis_commitments: one n-point MSM per requested L_i (k MSMs; for k = 40, n = 2^14:
//     40 Pippenger runs);
//   lagrange_basis_ifft: upstream's method, one IFFT over the group, giving all n at once for
//     n/2·log2 n full scalar multiplications (2^14: 114,688 of them) — far slower when only a
//     few are needed; kept as the reference for tests.
// Domains larger than the SRS are chunked like upstream: chunk c of L_i uses the coefficients
// j ∈ [c·|G|, (c+1)·|G|) against G_{j − c·|G|}.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "commitment/domain.hpp"
#include "commitment/poly_comm.hpp"
#include "commitment/srs.hpp"

namespace mina {

// The first `count` basis commitments (count ≤ n), each with ⌈n / |G|⌉ chunks.
template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_commitments(const Srs<C>& srs,
                                                            const Radix2Domain<typename C::Scalar>& domain,
                                                            size_t count);

// All n of them by one group IFFT per chunk (SRS::lagrange_basis). Reference / small domains.
template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_ifft(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain);

// Σ_i coeffs[i]·comm(L_i) for i < coeffs.size() without the basis: one n-point MSM per chunk with
// scalars (1/n)·Σ_i coeffs[i]·ω^{−ij} (coeffs.size()·n field multiplications). For a verifier
// with no cached basis this is the public-input commitment at 1/k of the cost of building k
// basis entries; with the cache, the k-point MSM over the basis is cheaper still.
template <class C>
Result<PolyComm<C>> commit_lagrange_combination(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain,
                                                std::span<const typename C::Scalar> coeffs);

// Blake2b-256 over the curve, |G|, H and the generators G_0..G_{min(n,|G|)−1} that the basis of
// a size-n domain depends on: what a cache entry must match.
template <class C>
std::array<uint8_t, 32> srs_identity(const Srs<C>& srs, uint64_t domain_size);

// Byte format (all integers little-endian):
//   "MNLAGRB1" | u8 curve (0 Pallas, 1 Vesta) | u8 log2 n | u32 count | u32 chunks | u64 |G|
//   | 32-byte srs_identity | count·chunks arkworks-compressed points (33 bytes)
//   | Blake2b-256 of everything before.
template <class C>
Bytes lagrange_basis_to_bytes(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain,
                              std::span<const PolyComm<C>> basis);
// Rejects: wrong length (kTruncated / kTrailingBytes), checksum (kBadChecksum), magic or curve
// (kInvalidEncoding), a different SRS or domain than the caller's (kInvalidArgument), ragged or
// invalid points (kInvalidLength / kInvalidPoint). min_count: the caller's requirement.
template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_from_bytes(ByteSpan bytes, const Srs<C>& srs,
                                                           const Radix2Domain<typename C::Scalar>& domain,
                                                           size_t min_count = 0);

#define MINA_LAGRANGE_EXTERN(C, S)                                                                                  \
  extern template Result<std::vector<PolyComm<C>>> lagrange_basis_commitments<C>(const Srs<C>&,                     \
                                                                                 const Radix2Domain<S>&, size_t);   \
  extern template Result<std::vector<PolyComm<C>>> lagrange_basis_ifft<C>(const Srs<C>&, const Radix2Domain<S>&);   \
  extern template Result<PolyComm<C>> commit_lagrange_combination<C>(const Srs<C>&, const Radix2Domain<S>&,            \
                                                                     std::span<const S>);                             \
  extern template std::array<uint8_t, 32> srs_identity<C>(const Srs<C>&, uint64_t);                                 \
  extern template Bytes lagrange_basis_to_bytes<C>(const Srs<C>&, const Radix2Domain<S>&,                           \
                                                   std::span<const PolyComm<C>>);                                   \
  extern template Result<std::vector<PolyComm<C>>> lagrange_basis_from_bytes<C>(ByteSpan, const Srs<C>&,            \
                                                                                const Radix2Domain<S>&, size_t);
MINA_LAGRANGE_EXTERN(PallasParams, Fq)
MINA_LAGRANGE_EXTERN(VestaParams, Fp)
#undef MINA_LAGRANGE_EXTERN

}  // namespace mina
