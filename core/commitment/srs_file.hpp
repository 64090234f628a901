// Loading proof-systems' serialized SRS (srs/pallas.srs, srs/vesta.srs): rmp-serde MessagePack
// of `SRS { g: Vec<G>, h: G }` with each point as a 33-byte arkworks-compressed bin
// (curve/compress.hpp). The struct is accepted as a 2-element array (what proof-systems
// writes) or as a map with exactly the keys "g" and "h".
//
// Strict: wrong container or byte-string types and trailing bytes -> kInvalidEncoding,
// truncation or a point of the wrong size -> kInvalidLength, a point that does not decompress
// or is the point at infinity -> kInvalidPoint.
#pragma once

#include <cstddef>
#include <limits>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "commitment/srs.hpp"

namespace mina {

// Decompresses only the first max_g generators (each costs a square root); the rest are still
// checked for structure (type, size) but not for curve membership, and are not returned.
template <class C>
Result<Srs<C>> srs_from_msgpack(ByteSpan bytes, size_t max_g = std::numeric_limits<size_t>::max());

}  // namespace mina
