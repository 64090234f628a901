// The kimchi verifier index of a Mina wrap circuit as OpenMina checks it in
// (ledger/src/proofs/data/{mainnet,devnet}_{blockchain,transaction}_verifier_index.json, the
// serde form of proof-systems' `VerifierIndex<Pallas>`), turned into the key our verifier uses.
//
// Two serde layouts are in use, and either spelling is accepted field by field:
//   * newer (devnet files): `domain` and each `shift` a hex string of the ark-serialized bytes,
//     commitments `{"elems": ["<66 hex: compressed Pallas point>"]}`, `"zk_rows": 3`;
//   * older (mainnet files, kimchi before zk_rows was configurable): `domain` and `shift` byte
//     arrays, commitments `{"unshifted": [[33 bytes]], "shifted": null}`, no `zk_rows` (it was
//     the constant 3 then).
// `domain` is ark-poly 0.3's Radix2EvaluationDomain<Fq>: size u64, log_size u32, then
// size_as_field_element, size_inv, group_gen, group_gen_inv, generator_inv (32-byte LE each).
//
// A wrap index carries nothing but its commitments that the circuit shape does not already fix
// (kimchi/verifier_index.hpp). So instead of trusting the JSON's other fields, each is checked to
// be exactly what the verifier assumes — domain 2^13..2^15 with the standard generator,
// max_poly_size 2^15, public 40, prev_challenges 2, zk_rows 3, shifts = Shifts::new, no optional
// gates, no lookups — and anything else is refused (kUnsupported), never silently ignored.
#pragma once

#include <string_view>

#include "base/error.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

// Limits for untrusted index documents (the real ones are under 6 KB).
inline constexpr size_t kMaxVerifierIndexJsonBytes = size_t(1) << 20;

// Any Pickles wrap verifier index of the supported shape, as the key the verifier uses:
// max_proofs_verified N2 (wrap circuits of the blockchain and transaction SNARKs verify two
// proofs; it only bounds the step-message vectors in run_checks) and actual_wrap_domain_size from
// the index's domain (2^13 → N0, 2^14 → N1, 2^15 → N2).
// Errors: kMalformedJson (not JSON, wrong member types, missing members), kInvalidLength (byte
// or element counts), kNonCanonicalField, kInvalidPoint (off-curve x, bad flags, infinity),
// kInvalidArgument (a domain inconsistent with itself), kUnsupported (a shape we do not verify:
// other sizes, lookups, optional gates, multi-chunk commitments, unknown members).
Result<SideLoadedVerificationKey> decode_wrap_verifier_index_json(std::string_view json);

// The blockchain SNARK's wrap key: a wrap index with domain 2^14 (Mina's blockchain SNARK, both
// networks). A distinct type so a zkApp key cannot be passed by mistake.
struct BlockchainVerifierKey {
  SideLoadedVerificationKey vk;
  bool operator==(const BlockchainVerifierKey&) const = default;
};

inline constexpr unsigned kBlockchainWrapDomainLog2 = 14;

// decode_wrap_verifier_index_json plus the domain check (kUnsupported for another domain).
Result<BlockchainVerifierKey> decode_blockchain_verifier_index_json(std::string_view json);

}  // namespace mina::pickles
