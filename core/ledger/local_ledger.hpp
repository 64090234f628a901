// A ledger held in memory for a local test network: accounts keyed by (public key, token id) at
// dense indices 0, 1, 2, … of a depth-35 Merkle tree whose unused leaves are Account.empty, so
// its root is exactly the ledger hash Mina would compute for the same accounts at the same
// positions (Ledger_hash.merge over account_hash, empty subtrees from empty_subtree_hash).
//
// What it is not: a transaction processor. The local network (js/local) decides what an account
// becomes; this class only stores accounts, hashes them and proves them, and prints an account
// as Mina's GraphQL `account` answer (with leafHash, merklePath and index), in the shape
// account_json.hpp decodes, so a light node verifies it with the same code as any peer's.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "ledger/account.hpp"
#include "ledger/merkle.hpp"

namespace mina::ledger {

// Account.create: a new account as a transaction creates it (no zkApp, untimed, user-default
// permissions, empty receipt chain, delegating to itself when it holds MINA).
Account create_account(const CompressedPublicKey& pk, const Fp& token_id, uint64_t balance);

// The account as GraphQL prints it (no leafHash/merklePath/index; see LocalLedger::account_json).
nlohmann::json account_to_graphql_json(const Account& account);

class LocalLedger {
 public:
  // depth: kLedgerDepth for Mina's ledgers; smaller trees only for tests against other
  // implementations' small ledgers. depth > kLedgerDepth is a programming error (clamped).
  explicit LocalLedger(unsigned depth = kLedgerDepth) : depth_(depth > kLedgerDepth ? kLedgerDepth : depth) {}
  unsigned depth() const { return depth_; }

  // Bounds the local ledger (a test network): 2^16 accounts.
  static constexpr size_t kMaxAccounts = size_t(1) << 16;

  // Stores the account at its key's index (a new key takes the next free index). Errors: the
  // ledger is full (kLimitExceeded: kMaxAccounts or 2^depth).
  Result<uint64_t> set(const Account& account);

  std::optional<uint64_t> index_of(const CompressedPublicKey& pk, const Fp& token_id) const;
  const Account* find(const CompressedPublicKey& pk, const Fp& token_id) const;
  size_t size() const { return accounts_.size(); }
  const Account& at(uint64_t index) const { return accounts_.at(index); }

  // The ledger hash; empty_subtree_hash(depth) for an empty ledger.
  Fp root() const;
  // The path of the account at `index` (leaf first, depth elements). Errors: no account
  // at that index (kInvalidArgument).
  Result<MerklePath> path(uint64_t index) const;
  // The GraphQL answer for the account at `index`, with leafHash (decimal), merklePath and index.
  Result<nlohmann::json> account_json(uint64_t index) const;

 private:
  using Key = std::pair<std::string, std::string>;  // (x decimal + parity, token decimal)
  static Key key_of(const CompressedPublicKey& pk, const Fp& token_id);

  unsigned depth_;
  std::vector<Account> accounts_;
  std::vector<Fp> leaves_;  // account_hash(accounts_[i]), kept in step with accounts_
  std::map<Key, uint64_t> index_;
};

}  // namespace mina::ledger
