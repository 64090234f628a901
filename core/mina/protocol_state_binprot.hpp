// bin_prot Mina_state.Protocol_state.Value.Stable.V2 (what GraphQL's protocolState(encoding:
// BASE64) returns, what blocks carry on the wire), and the block-prover inputs that hold one.
//
// Layout (records field by field, in declaration order): hashes are 32-byte LE fields; aux
// hashes, the VRF output and body_reference are bin_prot strings (length byte 0x20 + 32 bytes);
// lengths/slots/counters are bin_prot int32 and amounts/timestamps int64 (same bits as the
// unsigned value); the Since_hard_fork / Since_genesis / Sgn variants are one tag byte; public
// keys are {x: field, is_odd: bool}; sok_digest is unit. failure_status_tbl must be empty
// (kUnsupported otherwise: it is never non-empty in a block's protocol state).
#pragma once

#include "base/bytes.hpp"
#include "base/error.hpp"
#include "encoding/bin_prot.hpp"
#include "mina/protocol_state.hpp"

namespace mina {

// Reads one protocol state from r (which may continue).
Result<ProtocolState> read_protocol_state_binprot(BinProtReader& r);
// Exactly one protocol state (kTrailingBytes otherwise).
Result<ProtocolState> decode_protocol_state_binprot(ByteSpan bytes);

// A block-prover input (block_input-*.bin): an 8-byte little-endian length header (bin_dump's),
// then {chain: {state, proof}, next_state, …}. chain.state is read in place; next_state follows
// the proof and is found, without decoding the proof, as the first protocol state after
// chain.state whose genesis_state_hash is chain.state's genesis hash or chain.state's own hash,
// and whose length is one more.
// kUnsupported when the header does not match the size (not a block input).
struct BlockInput {
  ProtocolState chain_state;
  ProtocolState next_state;
  // Where chain.proof (bin_prot Proofs_verified_2, the proof of chain_state) starts in the bytes.
  size_t chain_proof_offset = 0;
};
Result<BlockInput> decode_block_input(ByteSpan bytes);

}  // namespace mina
