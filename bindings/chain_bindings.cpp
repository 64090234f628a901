// Fork choice and verified account reads (core/mina consensus, core/ledger):
//   selectChain(tipText, candidateText, network) → {take, rule}
//     tip and candidate: JSON of any block shape block_file.hpp recognises; Mina's fork choice
//     (short/long range, length, window density, VRF and state-hash tie-breaks) on the hashes we
//     compute from them.
//   verifyAccount(accountText, ledgerHash, depth) → {valid, reason?}
//     accountText: a GraphQL `account` answer with leafHash and merklePath; ledgerHash: base58
//     "jx…" or decimal; depth < 0 means the ledger's (35).
//   verifyAccountSubtree(subtreeText, ledgerHash, depth) → {valid, reason?, accounts}
//     a wide query's answer (ledger/account_json.hpp: {firstIndex, height, accounts,
//     merklePath}): every account re-hashed and the whole subtree checked with its one path.
#include <emscripten/bind.h>

#include <string>

#include "encoding/base58.hpp"
#include "js_value.hpp"
#include "ledger/account_json.hpp"
#include "mina/block_file.hpp"
#include "mina/consensus.hpp"
#include "mina/network_profile.hpp"
#include "mina/state_hash.hpp"

namespace mina::bindings {
namespace {

val select_chain_text(std::string tip_text, std::string candidate_text, std::string network) {
  return guarded([&] {
    auto profile = find_network_profile(network);
    if (!profile) return error_value(profile.error());
    auto tip = decode_block_json(tip_text);
    if (!tip) return error_value(tip.error());
    auto candidate = decode_block_json(candidate_text);
    if (!candidate) return error_value(candidate.error());
    const ProtocolState& a = tip->protocol_state;
    const ProtocolState& b = candidate->protocol_state;
    Selection s = select_chain(selection_constants(**profile), {a.body.consensus_state, state_hash(a)},
                               {b.body.consensus_state, state_hash(b)});
    val out = val::object();
    out.set("take", s.take);
    out.set("rule", selection_rule_name(s));
    return out;
  });
}

Result<Fp> parse_ledger_hash(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) return Fp::parse(text);
  return decode_field_hash(text, VersionByte::kLedgerHash);
}

// The ledger a path is checked against: its root and depth (< 0 means Mina's 35).
struct LedgerArgs {
  Fp root;
  unsigned depth;
};
Result<LedgerArgs> ledger_args(const std::string& ledger_hash, int depth) {
  if (depth > int(ledger::kLedgerDepth))
    return Error{ErrorCode::kInvalidArgument, "depth must be 0.." + std::to_string(ledger::kLedgerDepth)};
  MINA_TRY(root, parse_ledger_hash(ledger_hash));
  return LedgerArgs{root, depth < 0 ? ledger::kLedgerDepth : unsigned(depth)};
}

val merkle_verdict_value(const ledger::MerkleVerdict& verdict) {
  val out = val::object();
  out.set("valid", verdict.valid);
  if (!verdict.valid) out.set("reason", verdict.reason);
  return out;
}

val verify_account_text(std::string account_text, std::string ledger_hash, int depth) {
  return guarded([&] {
    auto ledger = ledger_args(ledger_hash, depth);
    if (!ledger) return error_value(ledger.error());
    auto account = ledger::decode_graphql_account(account_text);
    if (!account) return error_value(account.error());
    auto verdict = ledger::verify_graphql_account(*account, ledger->root, ledger->depth);
    if (!verdict) return error_value(verdict.error());
    return merkle_verdict_value(*verdict);
  });
}

val verify_account_subtree_text(std::string subtree_text, std::string ledger_hash, int depth) {
  return guarded([&] {
    auto ledger = ledger_args(ledger_hash, depth);
    if (!ledger) return error_value(ledger.error());
    auto subtree = ledger::decode_account_subtree(subtree_text);
    if (!subtree) return error_value(subtree.error());
    auto verdict = ledger::verify_account_subtree(*subtree, ledger->root, ledger->depth);
    if (!verdict) return error_value(verdict.error());
    val out = merkle_verdict_value(*verdict);
    out.set("accounts", double(subtree->accounts.size()));
    return out;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_chain) {
  emscripten::function("verifyAccountSubtree", &verify_account_subtree_text);
  emscripten::function("selectChain", &select_chain_text);
  emscripten::function("verifyAccount", &verify_account_text);
}

}  // namespace mina::bindings
