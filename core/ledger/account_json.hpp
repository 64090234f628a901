// Decoding an account as Mina's GraphQL `account(publicKey, token)` returns it: the account
// object, or a whole response {"data": {"account": {...}}}.
//
// Accepted members (others are ignored):
//   publicKey            B62… (required)
//   tokenId | token      w… base58 token id (required; o1js queries `token`)
//   tokenSymbol          string of at most 6 bytes, or null (= "")
//   balance { total }    uint64 decimal (required)
//   nonce                uint32 decimal (required)
//   receiptChainHash     2m… (required)
//   delegate | delegateAccount { publicKey }   B62… or null
//   votingFor            a state hash; Mina's GraphQL prints it with the receipt-chain version
//                        byte (2m…), other servers as 3N…; both are accepted (required)
//   timing { initialMinimumBalance, cliffTime, cliffAmount, vestingPeriod, vestingIncrement }
//                        all null = untimed, all set = timed (required)
//   permissions          the 13 AccountAuthRequired names, setVerificationKey { auth, txnVersion }
//   zkappState           8 field decimals, or null for an account without a zkApp; when present,
//                        actionState (5 fields), provedState and zkappUri must be too, and
//                        verificationKey { verificationKey (base64), hash } may be null
//   zkappVersion, lastActionSlot   optional uint32s, 0 when absent. Mina's GraphQL does not
//                        serve them: a zkApp whose last_action_slot is not 0 cannot be re-hashed
//                        from Mina's answer alone (the leafHash check then fails); our server
//                        peer adds them.
//   leafHash             field decimal (or jx… ledger-hash base58), optional
//   merklePath           [{left: h} | {right: h}] from the leaf up, optional
//   index                ledger index, optional
// Numbers may be JSON strings or non-negative JSON integers. Errors: kMalformedJson for shape,
// kMalformedNumber / kNonCanonicalField for numbers, base58 codes for keys and hashes,
// kInvalidLength for vector lengths and token symbols, kLimitExceeded for oversized input.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "ledger/account.hpp"
#include "ledger/merkle.hpp"

namespace mina::ledger {

inline constexpr size_t kMaxAccountJsonBytes = 1 << 20;

struct GraphqlAccount {
  Account account;
  std::optional<Fp> leaf_hash;
  std::optional<MerklePath> merkle_path;
  std::optional<uint64_t> index;
};

Result<GraphqlAccount> decode_graphql_account(std::string_view json_text);

// A bare `merklePath` JSON array.
Result<MerklePath> decode_merkle_path(std::string_view json_text);

// A wide query's answer (our server peer's extension; Mina's GraphQL has none):
//   {"firstIndex": n, "height": h, "accounts": [account objects as above, from firstIndex on],
//    "merklePath": [{left|right}] from the subtree root up (depth - h elements)}
// Accounts after the last one given are empty ledger slots. Errors as decode_graphql_account
// (with the account's position in the message), kLimitExceeded above kMaxSubtreeAccounts.
inline constexpr size_t kMaxSubtreeAccounts = 1 << 12;
inline constexpr size_t kMaxSubtreeJsonBytes = 64 << 20;
struct AccountSubtree {
  uint64_t first_index = 0;
  unsigned height = 0;
  std::vector<Account> accounts;
  MerklePath path_to_root;
};
Result<AccountSubtree> decode_account_subtree(std::string_view json_text);
// Hashes every account and checks the whole subtree against `ledger_hash` with its one path.
Result<MerkleVerdict> verify_account_subtree(const AccountSubtree& subtree, const Fp& ledger_hash,
                                             unsigned depth = kLedgerDepth);

// The verified account read: re-hashes the account, requires it to equal leafHash when the peer
// sent one, and checks the Merkle path against `ledger_hash` (a verified tip's ledger). A missing
// merklePath is an error (kInvalidArgument); mismatches are invalid verdicts.
Result<MerkleVerdict> verify_graphql_account(const GraphqlAccount& account, const Fp& ledger_hash,
                                             unsigned depth = kLedgerDepth);

}  // namespace mina::ledger
