// Decoders (and encoders, for round trips) for Pickles wrap proofs and the containers they
// arrive in. All decoders are total: a WrapProof or a typed Error, never a crash, bounded work
// and memory for any input.
//
// Three spellings of one WrapProof:
//   * S-expression (Sexplib machine form): o1js `proof` strings (base64 of it), Mina `.sexp`
//     dumps. Fields are 0x-hex atoms, limbs 16 hex digits, domain_log2 a one-character atom.
//   * bin_prot Pickles.Proof.Proofs_verified_2.Repr.Stable.V2 (= Mina_base.Proof.Stable.V2):
//     blocks, zkApp commands, OpenMina dumps.
// They differ in one place: messages_for_next_wrap_proof.old_bulletproof_challenges is a vector
// of length max_proofs_verified in o1js' Proofs_verified_N sexp, and always 2 in bin_prot and in
// the zkApp transaction form (`Pickles.proofToBase64Transaction`, the `authorization.proof` of a
// zkApp command, which is the N2-shaped Side_loaded.Proof). That is why the transaction form of
// an N0 zkApp proof only "decodes as maxProofsVerified 2" in o1js: 2 vectors where N0 expects 0.
#pragma once

#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "encoding/bin_prot.hpp"
#include "encoding/sexp.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

// ---- S-expression ----
// Any vector counts the wire type allows (wrap old challenges 0..2, step messages 0..2).
Result<WrapProof> decode_proof_sexp(const sexp::Sexp& s);
Result<WrapProof> decode_proof_sexp(std::string_view text);
// The Sexplib tree o1js prints (fields as 0x + 64 uppercase hex digits); .to_string() gives the
// machine form. kInvalidArgument for what the wire cannot express (e.g. more than 2 vectors,
// multi-chunk or optional wrap-side evaluations, points at infinity).
Result<sexp::Sexp> encode_proof_sexp(const WrapProof& p);

// base64 (standard alphabet, padded) of the ASCII S-expression: o1js `proof`, and the zkApp
// transaction `authorization.proof`.
Result<WrapProof> decode_proof_base64(std::string_view text);

// ---- bin_prot Proofs_verified_2.Repr.Stable.V2 ----
// Reads one proof from r (which may continue with other values); wrap old challenges are always 2.
Result<WrapProof> decode_proof_binprot(BinProtReader& r);
// Exactly one proof (kTrailingBytes otherwise).
Result<WrapProof> decode_proof_binprot(ByteSpan bytes);
// Needs exactly 2 wrap old-challenge vectors (kInvalidLength otherwise: pad first), every point
// finite.
Result<Bytes> encode_proof_binprot(const WrapProof& p);

// ---- o1js Proof.toJSON() ----
// {publicInput: [decimal Fp], publicOutput: [decimal Fp], maxProofsVerified: 0|1|2, proof}.
// The proof must carry exactly maxProofsVerified wrap old-challenge vectors, as o1js requires
// (its Proofs_verified_N decoder fails with "Vector: Length mismatch" otherwise).
// Base-branch proofs (and every N0 proof) carry empty challenge vectors; they are kept as
// decoded, the verifier pads (see MessagesForNextWrapProof).
struct O1jsProofJson {
  std::vector<Fp> public_input;
  std::vector<Fp> public_output;
  ProofsVerified max_proofs_verified = ProofsVerified::kN0;
  WrapProof proof;
};
Result<O1jsProofJson> decode_o1js_proof_json(std::string_view json);

// ---- OpenMina's verify_zkapp test inputs (circuit-blobs verify_zapp_*.binprot) ----
// bin_prot record {vk: Verification_key_wire.Stable.V1, zkapp_statement: Zkapp_statement.Stable.V2,
// proof: Proofs_verified_2.Repr.Stable.V2}, nothing after it.
struct VerifyZkappInput {
  SideLoadedVerificationKey vk;
  ZkappStatement zkapp_statement;
  WrapProof proof;
};
Result<VerifyZkappInput> decode_verify_zkapp_binprot(ByteSpan bytes);

}  // namespace mina::pickles
