// A fast-loading cache of an SRS this verifier generated (or checked) earlier.
//
// The published .srs files store points compressed: loading one costs a square root per point
// (1–5 s for the 2^15 + 2^16 points a verifier needs). The cache stores affine coordinates as
// they are, so loading is a copy plus the curve equation per point (a few ms), while a torn or
// corrupted file is still caught by its checksum and no off-curve point can enter.
//
// What the cache cannot tell by itself is whether its points are *the* SRS; the caller binds it
// to the trust root with srs_cache_spot_check (regenerates a few generators and compares).
//
// Byte format (integers little-endian):
//   "MNSRSC01" | u8 curve (0 Pallas, 1 Vesta) | 3 zero bytes | u32 count
//   | H as x ‖ y (32-byte canonical little-endian each) | count × (x ‖ y)
//   | Blake2b-256 of everything before.
#pragma once

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "commitment/srs.hpp"

namespace mina {

template <class C>
Bytes srs_cache_to_bytes(const Srs<C>& srs);

// Rejects: short or long input (kTruncated / kTrailingBytes), checksum (kBadChecksum), magic or
// curve (kInvalidEncoding), fewer than min_count points (kInvalidLength), non-canonical
// coordinates (kNonCanonicalField), points off the curve or at infinity (kInvalidPoint).
template <class C>
Result<Srs<C>> srs_cache_from_bytes(ByteSpan bytes, size_t min_count = 0);

// Regenerates H and `samples` generators spread over the whole range (first and last included)
// and compares: a cache of some other point set fails with kInvalidArgument.
template <class C>
Result<bool> srs_cache_spot_check(const Srs<C>& srs, size_t samples = 8);

#define MINA_SRS_CACHE_EXTERN(C)                                                    \
  extern template Bytes srs_cache_to_bytes<C>(const Srs<C>&);                        \
  extern template Result<Srs<C>> srs_cache_from_bytes<C>(ByteSpan, size_t);          \
  extern template Result<bool> srs_cache_spot_check<C>(const Srs<C>&, size_t);
MINA_SRS_CACHE_EXTERN(PallasParams)
MINA_SRS_CACHE_EXTERN(VestaParams)
#undef MINA_SRS_CACHE_EXTERN

}  // namespace mina
