#include "ledger/local_ledger.hpp"

#include <array>

#include "encoding/base58.hpp"
#include "ledger/account_hash.hpp"

namespace mina::ledger {
namespace {

using nlohmann::json;

const char* auth_name(AuthRequired a) {
  switch (a) {
    case AuthRequired::kNone: return "None";
    case AuthRequired::kEither: return "Either";
    case AuthRequired::kProof: return "Proof";
    case AuthRequired::kSignature: return "Signature";
    case AuthRequired::kImpossible: return "Impossible";
  }
  return "Impossible";
}

json permissions_json(const Permissions& p) {
  return json{{"editState", auth_name(p.edit_state)},
              {"access", auth_name(p.access)},
              {"send", auth_name(p.send)},
              {"receive", auth_name(p.receive)},
              {"setDelegate", auth_name(p.set_delegate)},
              {"setPermissions", auth_name(p.set_permissions)},
              {"setVerificationKey",
               {{"auth", auth_name(p.set_verification_key.auth)},
                {"txnVersion", std::to_string(p.set_verification_key.txn_version)}}},
              {"setZkappUri", auth_name(p.set_zkapp_uri)},
              {"editActionState", auth_name(p.edit_action_state)},
              {"setTokenSymbol", auth_name(p.set_token_symbol)},
              {"incrementNonce", auth_name(p.increment_nonce)},
              {"setVotingFor", auth_name(p.set_voting_for)},
              {"setTiming", auth_name(p.set_timing)}};
}

// GraphQL prints an untimed account's timing as five nulls.
json timing_json(const Timing& t) {
  if (!t)
    return json{{"initialMinimumBalance", nullptr}, {"cliffTime", nullptr}, {"cliffAmount", nullptr},
                {"vestingPeriod", nullptr}, {"vestingIncrement", nullptr}};
  return json{{"initialMinimumBalance", std::to_string(t->initial_minimum_balance)},
              {"cliffTime", std::to_string(t->cliff_time)},
              {"cliffAmount", std::to_string(t->cliff_amount)},
              {"vestingPeriod", std::to_string(t->vesting_period)},
              {"vestingIncrement", std::to_string(t->vesting_increment)}};
}

template <size_t N>
json field_array_json(const std::array<Fp, N>& xs) {
  json out = json::array();
  for (const Fp& x : xs) out.push_back(x.to_decimal());
  return out;
}

json merkle_path_json(const MerklePath& path) {
  json out = json::array();
  for (const PathElement& e : path)
    out.push_back(json{{e.side == Side::kLeft ? "left" : "right", e.sibling.to_decimal()}});
  return out;
}

}  // namespace

Account create_account(const CompressedPublicKey& pk, const Fp& token_id, uint64_t balance) {
  Account a;
  a.public_key = pk;
  a.token_id = token_id;
  a.balance = balance;
  a.receipt_chain_hash = empty_receipt_chain_hash();
  if (token_id == Fp::one()) a.delegate = pk;
  a.voting_for = Fp::zero();  // State_hash.dummy
  a.permissions = Permissions::user_default();
  return a;
}

json account_to_graphql_json(const Account& a) {
  json j{{"publicKey", encode_public_key(a.public_key)},
         {"tokenId", encode_field_hash(a.token_id, VersionByte::kTokenId)},
         {"tokenSymbol", a.token_symbol},
         {"balance", {{"total", std::to_string(a.balance)}}},
         {"nonce", std::to_string(a.nonce)},
         {"receiptChainHash", encode_field_hash(a.receipt_chain_hash, VersionByte::kReceiptChainHash)},
         {"delegate", a.delegate ? json(encode_public_key(*a.delegate)) : json(nullptr)},
         // Mina's GraphQL prints voting_for with the receipt-chain version byte (account_json.hpp).
         {"votingFor", encode_field_hash(a.voting_for, VersionByte::kReceiptChainHash)},
         {"timing", timing_json(a.timing)},
         {"permissions", permissions_json(a.permissions)}};
  if (!a.zkapp) {
    for (const char* k : {"zkappState", "actionState", "provedState", "zkappUri", "verificationKey"}) j[k] = nullptr;
    return j;
  }
  const ZkappAccount& z = *a.zkapp;
  j["zkappState"] = field_array_json(z.app_state);
  j["actionState"] = field_array_json(z.action_state);
  j["provedState"] = z.proved_state;
  j["zkappUri"] = z.zkapp_uri;
  j["verificationKey"] = z.verification_key
                             ? json{{"verificationKey", z.verification_key->data}, {"hash", z.verification_key->hash.to_decimal()}}
                             : json(nullptr);
  // Not in Mina's schema but hashed: without them a zkApp account could not be re-hashed.
  j["zkappVersion"] = std::to_string(z.zkapp_version);
  j["lastActionSlot"] = std::to_string(z.last_action_slot);
  return j;
}

LocalLedger::Key LocalLedger::key_of(const CompressedPublicKey& pk, const Fp& token_id) {
  return {pk.x.to_decimal() + (pk.is_odd ? "1" : "0"), token_id.to_decimal()};
}

Result<uint64_t> LocalLedger::set(const Account& account) {
  const Key key = key_of(account.public_key, account.token_id);
  if (auto it = index_.find(key); it != index_.end()) {
    accounts_[it->second] = account;
    leaves_[it->second] = account_hash(account);
    return it->second;
  }
  if (accounts_.size() >= kMaxAccounts || accounts_.size() >= (uint64_t(1) << depth_))
    return Error{ErrorCode::kLimitExceeded, "local ledger holds at most " + std::to_string(kMaxAccounts) + " accounts"};
  const uint64_t index = accounts_.size();
  accounts_.push_back(account);
  leaves_.push_back(account_hash(account));
  index_.emplace(key, index);
  return index;
}

std::optional<uint64_t> LocalLedger::index_of(const CompressedPublicKey& pk, const Fp& token_id) const {
  auto it = index_.find(key_of(pk, token_id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const Account* LocalLedger::find(const CompressedPublicKey& pk, const Fp& token_id) const {
  auto i = index_of(pk, token_id);
  return i ? &accounts_[*i] : nullptr;
}

Fp LocalLedger::root() const {
  // set() keeps the leaves within 2^depth, so subtree_root cannot fail here.
  return *subtree_root(leaves_, depth_);
}

Result<MerklePath> LocalLedger::path(uint64_t index) const {
  if (index >= accounts_.size())
    return Error{ErrorCode::kInvalidArgument, "no account at ledger index " + std::to_string(index)};
  return subtree_path(leaves_, depth_, index);
}

Result<json> LocalLedger::account_json(uint64_t index) const {
  MINA_TRY(p, path(index));
  json j = account_to_graphql_json(accounts_[index]);
  j["leafHash"] = leaves_[index].to_decimal();
  j["merklePath"] = merkle_path_json(p);
  j["index"] = std::to_string(index);
  return j;
}

}  // namespace mina::ledger
