#include "commitment/srs_file.hpp"

#include <algorithm>
#include <string>

#include "commitment/msgpack_reader.hpp"
#include "curve/compress.hpp"

namespace mina {
namespace {

template <class C>
Result<Affine<C>> read_point(MsgpackReader& r, bool decode) {
  MINA_TRY(bin, r.read_bin());
  if (bin.size() != kCompressedPointBytes)
    return Error{ErrorCode::kInvalidLength, "srs: point is " + std::to_string(bin.size()) + " bytes, expected 33"};
  if (!decode) return Affine<C>::identity();
  MINA_TRY(p, decompress<C>(bin));
  // A generator or blinder at infinity would make commitments meaningless.
  if (p.infinity) return Error{ErrorCode::kInvalidPoint, "srs: point at infinity"};
  return p;
}

template <class C>
Result<std::vector<Affine<C>>> read_g(MsgpackReader& r, size_t max_g) {
  MINA_TRY(n, r.read_array_header());
  // Each element takes at least 35 bytes, so a forged count cannot make us reserve memory the
  // input could not fill.
  if (size_t(n) > r.remaining() / (2 + kCompressedPointBytes))
    return Error{ErrorCode::kInvalidLength, "srs: " + std::to_string(n) + " points cannot fit in the remaining bytes"};
  std::vector<Affine<C>> g;
  g.reserve(std::min(size_t(n), max_g));
  for (uint32_t i = 0; i < n; ++i) {
    const bool decode = i < max_g;
    MINA_TRY(p, read_point<C>(r, decode));
    if (decode) g.push_back(p);
  }
  return g;
}

// The struct as a map: exactly "g" and "h", each once, in either order.
template <class C>
Result<Srs<C>> read_as_map(MsgpackReader& r, uint32_t entries, size_t max_g) {
  if (entries != 2) return Error{ErrorCode::kInvalidEncoding, "srs: map must have exactly the keys g and h"};
  Srs<C> srs;
  bool have_g = false, have_h = false;
  for (int i = 0; i < 2; ++i) {
    MINA_TRY(key, r.read_str());
    if (key == "g" && !have_g) {
      MINA_TRY(g, read_g<C>(r, max_g));
      srs.g = std::move(g);
      have_g = true;
    } else if (key == "h" && !have_h) {
      MINA_TRY(h, read_point<C>(r, true));
      srs.h = h;
      have_h = true;
    } else {
      return Error{ErrorCode::kInvalidEncoding, "srs: unexpected or repeated key '" + std::string(key) + "'"};
    }
  }
  return srs;
}

template <class C>
Result<Srs<C>> read_srs(MsgpackReader& r, size_t max_g) {
  if (r.remaining() == 0) return Error{ErrorCode::kInvalidLength, "srs: empty input"};
  // Peek at the container type: rmp-serde writes structs as arrays unless asked for maps.
  if (r.next_is_map()) {
    MINA_TRY(entries, r.read_map_header());
    return read_as_map<C>(r, entries, max_g);
  }
  MINA_TRY(fields, r.read_array_header());
  if (fields != 2) return Error{ErrorCode::kInvalidEncoding, "srs: struct must have 2 fields, has " + std::to_string(fields)};
  MINA_TRY(g, read_g<C>(r, max_g));
  MINA_TRY(h, read_point<C>(r, true));
  return Srs<C>{std::move(g), h};
}

}  // namespace

template <class C>
Result<Srs<C>> srs_from_msgpack(ByteSpan bytes, size_t max_g) {
  MsgpackReader r(bytes);
  MINA_TRY(srs, read_srs<C>(r, max_g));
  if (!r.at_end())
    return Error{ErrorCode::kInvalidEncoding, "srs: " + std::to_string(r.remaining()) + " trailing bytes"};
  return srs;
}

template Result<Srs<PallasParams>> srs_from_msgpack<PallasParams>(ByteSpan, size_t);
template Result<Srs<VestaParams>> srs_from_msgpack<VestaParams>(ByteSpan, size_t);

}  // namespace mina
