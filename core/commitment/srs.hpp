// The URS ("SRS" in proof-systems) of the Pasta IPA commitment: generators G_0..G_{n-1} and the
// blinding point H, derived deterministically exactly as proof-systems `SRS::create(depth)`
// (poly-commitment/src/ipa.rs):
//
//   G_i = point_of_random_bytes(Blake2b512(u32_be(i)))
//   H   = point_of_random_bytes(Blake2b512("srs_misc" || u32_be(0)))
//   point_of_random_bytes(d): bits[8k + j] = bit j of d[k] for k < 31 (248 bits), read
//     big-endian (bits[0] most significant) as an integer t < 2^248 < p, then the BW19 group
//     map (group_map.hpp) of t, with its square-root choice for y. Cofactor 1: no clearing.
//
// Generation is by index range so a caller can derive only the points it needs (a 2^15-point
// verifier SRS without the other half), or split the work. Cost per point: one Blake2b block,
// a share of one batched inversion, and up to three square roots.
#pragma once

#include <cstdint>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "curve/group.hpp"
#include "curve/params.hpp"

namespace mina {

template <class C>
struct Srs {
  std::vector<Affine<C>> g;
  Affine<C> h;
};

// Number of digest bytes packed into the field element (proof-systems' N = 31).
inline constexpr size_t kSrsRandomBytes = 31;

// The integer packing of point_of_random_bytes (needs >= 31 bytes; 32-byte-or-longer digests
// are the only callers, a shorter span is a programming error: std::invalid_argument).
template <class F>
F srs_field_of_random_bytes(ByteSpan digest);

// point_of_random_bytes. Errors only if the group map failed (impossible for valid constants).
template <class C>
Result<Affine<C>> srs_point_of_random_bytes(ByteSpan digest);

// G_begin .. G_{begin+count-1}. Indices are u32 upstream; a range past 2^32 is kInvalidArgument.
template <class C>
Result<std::vector<Affine<C>>> srs_generate_g(uint64_t begin, uint64_t count);
template <class C>
Result<Affine<C>> srs_generate_h();
// SRS::create(depth).
template <class C>
Result<Srs<C>> srs_create(uint64_t depth);

}  // namespace mina
