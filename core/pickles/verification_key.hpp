// Side-loaded verification keys (Mina_base.Verification_key_wire.Stable.V1 =
// Pickles.Side_loaded.Verification_key): what a zkApp account stores and o1js' `vk.data` encodes.
//
// bin_prot layout, 1796 bytes: max_proofs_verified (1 byte, N0..N2), actual_wrap_domain_size
// (1 byte, N0..N2 -> wrap domain 2^13 / 2^14 / 2^15), then the wrap circuit's commitments
// (Plonk_verification_key_evals): sigma_comm[7] + unit, coefficients_comm[15] + unit,
// generic, psm, complete_add, mul, emul, endomul_scalar; each point x || y, 32-byte little-endian
// Fp, on Pallas.
#pragma once

#include <array>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "curve/curve.hpp"
#include "encoding/bin_prot.hpp"
#include "field/pasta.hpp"
#include "pickles/proof.hpp"

namespace mina::pickles {

// Plonk_verification_key_evals: commitments to the wrap circuit's fixed polynomials.
struct WrapIndexCommitments {
  std::array<PallasAffine, 7> sigma_comm;
  std::array<PallasAffine, 15> coefficients_comm;
  PallasAffine generic_comm;
  PallasAffine psm_comm;
  PallasAffine complete_add_comm;
  PallasAffine mul_comm;
  PallasAffine emul_comm;
  PallasAffine endomul_scalar_comm;
  bool operator==(const WrapIndexCommitments&) const = default;
};

struct SideLoadedVerificationKey {
  ProofsVerified max_proofs_verified = ProofsVerified::kN0;
  ProofsVerified actual_wrap_domain_size = ProofsVerified::kN0;  // wrap domain 2^(13 + value)
  WrapIndexCommitments wrap_index;
  bool operator==(const SideLoadedVerificationKey&) const = default;

  unsigned wrap_domain_log2() const { return 13u + unsigned(actual_wrap_domain_size); }
};

inline constexpr size_t kSideLoadedVkBytes = 1796;

// From a reader positioned at the key (inside a larger value); does not require the end.
Result<SideLoadedVerificationKey> read_side_loaded_vk(BinProtReader& r);
// Exactly one key: kTruncated / kTrailingBytes if the length is off, kMalformedBinProt for bad
// tags, kNonCanonicalField / kInvalidPoint for bad coordinates.
Result<SideLoadedVerificationKey> decode_side_loaded_vk(ByteSpan bytes);
void write_side_loaded_vk(BinProtWriter& w, const SideLoadedVerificationKey& vk);
Bytes encode_side_loaded_vk(const SideLoadedVerificationKey& vk);

// The 28 commitments in Plonk_verification_key_evals order (sigma, coefficients, generic, psm,
// complete_add, mul, emul, endomul_scalar): the order of the vk hash, the step-message hash and
// kimchi's index digest.
std::array<PallasAffine, 28> commitments_in_order(const WrapIndexCommitments& c);

// o1js `vk.hash` / Mina's Verification_key_wire digest: Poseidon (kimchi, Fp) with prefix
// "MinaSideLoadedVk" over Side_loaded_verification_key.to_input packed into fields: the 56
// coordinates as field elements, then one field packing the bits
// onehot3(max_proofs_verified) || onehot3(actual_wrap_domain_size) MSB-first
// (Random_oracle_input.Chunked.pack_to_fields: acc = 2 acc + bit; one-hot index i set for Ni).
Fp vk_hash(const SideLoadedVerificationKey& vk);

// o1js VerificationKey JSON {"data": base64 bin_prot, "hash": decimal}. The hash is returned as
// given; callers compare it with vk_hash() (decode does not, so a caller can report which one
// is wrong).
struct VerificationKeyJson {
  SideLoadedVerificationKey vk;
  Fp hash;
};
Result<VerificationKeyJson> decode_vk_json(std::string_view json);
// `data` alone (base64, standard alphabet, padded).
Result<SideLoadedVerificationKey> decode_vk_base64(std::string_view data);

}  // namespace mina::pickles
