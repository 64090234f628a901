// Value types of Mina's keys and signatures as they appear in encodings. Defined here, beside the
// base58 codecs, so that the signature code and the decoders share one definition.
#pragma once

#include "field/pasta.hpp"

namespace mina {

// Public_key.Compressed: the x coordinate of a Pallas point and the parity of its y.
struct CompressedPublicKey {
  Fp x;
  bool is_odd = false;
  bool operator==(const CompressedPublicKey&) const = default;
};

// Schnorr signature over Pallas: r is the x coordinate of the nonce point (base field), s the
// response (scalar field).
struct Signature {
  Fp r;
  Fq s;
  bool operator==(const Signature&) const = default;
};

}  // namespace mina
