// Mina's legacy Schnorr signatures: the pre-Berkeley hashing that user commands (payments, stake
// delegations) and signed strings still use (mina-signer signLegacy/verifyLegacy, OCaml
// Schnorr.Legacy).
//
// Differences from the field-message signatures in signature.hpp:
//   - the message is a Random_oracle_input.Legacy: whole field elements plus a flat bit string;
//     pack_to_fields keeps the fields and cuts the bits into 254-bit chunks, each read
//     least-significant bit first (Field.fromBits);
//   - the challenge is Poseidon with the legacy parameters (x^5, 63 rounds) over
//     pack(msg ∪ {fields: pk.x, pk.y, r}), with the same network prefixes as signature.hpp;
//   - the nonce is Blake2b over the bits of msg ∪ {fields: pk.x, pk.y; bits: sk, network byte}.
// Verification is otherwise the same: R = s·G − e·PK finite, even y, R.x = r.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "encoding/keys.hpp"
#include "field/pasta.hpp"
#include "mina/signature.hpp"

namespace mina {

// Random_oracle_input.Legacy. Appending concatenates the fields and the bits separately, so a
// field's position never depends on the bits before it.
struct LegacyInput {
  std::vector<Fp> fields;
  std::vector<bool> bits;

  void append(const LegacyInput& other);
  void append_field(const Fp& x) { fields.push_back(x); }
  void append_bit(bool b) { bits.push_back(b); }
  // The low `width` bits of v, least significant first (UInt32/UInt64.toBits).
  void append_uint(uint64_t v, unsigned width);
  // Each byte least significant bit first (Fold_lib string bits, Memo.toBits).
  void append_bytes_lsb_first(ByteSpan bytes);
  // Public_key.Compressed: x as a field, the parity as one bit.
  void append_public_key(const CompressedPublicKey& pk);

  // Random_oracle.Legacy.pack_input: fields, then the bits in 254-bit little-endian chunks.
  std::vector<Fp> pack_to_fields() const;
};

// mina-signer signString: the UTF-8 bytes of the string, each byte most significant bit first.
LegacyInput legacy_string_input(std::string_view message);

bool verify_legacy_signature(const Signature& sig, const LegacyInput& message, const CompressedPublicKey& pk,
                             NetworkId network);

// Deterministic legacy signing, for tests and simulated chains only (not constant time).
Result<Signature> sign_legacy(const LegacyInput& message, const Fq& secret_key, NetworkId network);

}  // namespace mina
