// Where a Mina block's protocol-state proof (the blockchain SNARK, a Pickles wrap proof
// Proofs_verified_2) travels, and how to get it out:
//   * precomputed-block JSON (Mina's `Precomputed_block`, archive dumps, mina-indexer):
//     {"version": 3, "data": {…, "protocol_state_proof": "<base64url of bin_prot>"}} or the
//     pre-fork layout without the version wrapper; the base64 uses the URI-safe alphabet
//     (`Proof.Stable.Latest` to_yojson);
//   * OpenMina JSON: a block header {protocol_state, protocol_state_proof: {…serde…}, …}, a block
//     {header, body}, or its `get_best_tip` answer {"BestTipWithProof": {"best_tip": block, …}};
//   * bare bin_prot Proofs_verified_2.Repr (e.g. Mina's dummy blockchain proof).
// Decoding extracts the proof and, for the JSON forms, the protocol state it is about (as JSON,
// for whoever computes its hash); it does not verify anything.
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "pickles/proof.hpp"

namespace mina::pickles {

enum class BlockProofSource {
  kPrecomputedBlock,  // Mina precomputed-block JSON
  kOpenMinaJson,      // OpenMina header / block / BestTipWithProof JSON
  kBinProt,           // a bare bin_prot proof
};

const char* block_proof_source_name(BlockProofSource s);

struct BlockProofFile {
  BlockProofSource source = BlockProofSource::kBinProt;
  WrapProof proof;
  // The `protocol_state` object beside the proof, re-serialized (compact JSON); empty for a bare
  // proof. Its hash is the blockchain SNARK's app state.
  std::string protocol_state_json;
};

// Files larger than this are refused (kLimitExceeded); the largest real blocks are a few MB.
inline constexpr size_t kMaxBlockFileBytes = size_t(64) << 20;

// Any of the forms above, told apart by content ('{' starts JSON, anything else is bin_prot).
// Errors: kMalformedJson (not JSON, or no proof where one belongs — the mina-indexer fixtures with
// stripped proofs give this), kInvalidEncoding (base64), the bin_prot / JSON proof decoders'
// codes, kLimitExceeded.
Result<BlockProofFile> decode_block_proof_file(ByteSpan bytes);

// `protocol_state_proof` of a precomputed block: base64url (padding optional) of bin_prot.
Result<WrapProof> decode_proof_base64url_binprot(std::string_view text);

}  // namespace mina::pickles
