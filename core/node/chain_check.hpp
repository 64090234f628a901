// What the machine reads from blocks it otherwise treats as opaque JSON (Mina's GraphQL spelling,
// js/peers/block_form.mjs), and the checks a verified chain must still pass before it may become
// the tip.
#pragma once

#include <optional>
#include <string>

#include "node/json_value.hpp"

namespace mina::node {

// The fields read before verification decides anything (scheduling only): the claimed state
// hash and height (consensusState.blockchainLength, or blockHeight).
struct BlockSummary {
  std::optional<std::string> state_hash;
  std::optional<int64_t> height;
};
BlockSummary block_summary(const Json& block);

// The ledger hash account reads are checked against: the tip's staged ledger hash
// (protocolState.blockchainState.stagedLedgerHash.nonSnark.ledgerHash), the ledger after the
// tip's transactions, which is what a daemon's `account` query reads.
std::optional<std::string> staged_ledger_hash(const Json& block);

// Why a chain the verifier looked at must be refused (a lie of the peer that sent it), or
// nullopt. `verdict` is {tip: {valid, reason, stateHash, height}, hashes: [{stateHash,
// previousStateHash, height}]}, every hash computed by the verifier, in the order of `blocks`.
// Reasons: invalid_block:<verifier reason>, invalid_block:hashes, invalid_block:tip_hash,
// claimed_hash (a block's claimed hash is not its computed one), broken_chain (a block's
// previous hash is not the computed hash of the block before it).
std::optional<std::string> chain_lie(const Json& blocks, const Json& verdict);

}  // namespace mina::node
