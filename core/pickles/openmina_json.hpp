// Pickles wrap proofs as OpenMina's serde writes them (mina-p2p-messages
// `PicklesProofProofsVerified2ReprStableV2` through serde_json; e.g. `protocol_state_proof` in
// its `get_best_tip` RPC answer). The shape follows the bin_prot record field by field
// (proof_layout.hpp), with these spellings:
//   field elements     "0x" + 64 hex digits, big-endian
//   u64 limbs          decimal strings ("2857080978588853595")
//   scalar challenges  {"inner": [lo, hi]};  beta / gamma bare [lo, hi]
//   points             [x, y]
//   fixed vectors      arrays of exactly their length (PaddedSeq), lists arrays
//   options            null or the value;  app_state (unit) null
//   proofs_verified    ["N0"] | ["N1"] | ["N2"] (serde's tagged unit variant)
//   domain_log2        a one-character string (an OCaml char: "\u0010" = 16)
//   evaluations        step side [[zeta chunks], [zeta_omega chunks]]; wrap side [zeta, zeta_omega]
// Strict: unknown or missing members are kMalformedJson, lengths kInvalidLength, values
// kMalformedNumber / kNonCanonicalField / kInvalidPoint. The error names the path.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "base/error.hpp"
#include "pickles/proof.hpp"

namespace mina::pickles {

// From an already parsed JSON value (the proof object inside a larger document).
Result<WrapProof> decode_proof_openmina_json_value(const nlohmann::json& j);
// From JSON text holding just the proof object.
Result<WrapProof> decode_proof_openmina_json(std::string_view text);

}  // namespace mina::pickles
