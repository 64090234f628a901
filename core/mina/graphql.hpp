// Blocks from a Mina node's GraphQL API: {data: {bestChain: [Block…]}} (oldest first, so the
// last is the tip), {data: {block: Block}}, or a bare Block.
//
// Block = {stateHash, protocolState, …}. protocolState is read in GraphQL's camelCase
// spelling: {previousStateHash, genesisStateHash?, blockchainState, consensusState, constants}
// with every key the camelCase form of the protocol state's OCaml field name (stagedLedgerHash,
// nonSnark, ledgerHash, auxHash, pendingCoinbaseAux, pendingCoinbaseHash, genesisLedgerHash,
// ledgerProofStatement, …, subWindowDensities, lastVrfOutput, currGlobalSlotSinceHardFork,
// stakingEpochData, …, gracePeriodSlots, genesisStateTimestamp). The body fields may also sit
// under "body" as in the snake_case JSON. GraphQL's short names are accepted where Mina's schema
// uses them: coinbaseReceiever (sic), superchargedCoinbase, slotSinceGenesis.
//
// A standard daemon does not return every hashed field (notably subWindowDensities, the ledger
// proof statement and the constants); such an answer is refused with kMalformedJson naming the
// missing field, since no hash can be computed from it. Use protocolState(encoding: BASE64)
// with such nodes: a string protocolState ({data: {protocolState: "…"}}) is read as standard
// base64 of the bin_prot state (protocol_state_binprot.hpp). The stateHash the node claims is
// returned separately and never trusted: callers compare it with state_hash().
#pragma once

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "mina/block_file.hpp"

namespace mina {

bool looks_like_graphql(const nlohmann::json& j);
Result<BlockFile> decode_graphql_block(const nlohmann::json& j);

// The camelCase protocolState object rewritten in the snake_case JSON form (exposed for tests).
Result<nlohmann::json> graphql_protocol_state_to_json(const nlohmann::json& protocol_state);

}  // namespace mina
