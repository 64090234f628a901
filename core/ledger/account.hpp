// Mina_base.Account.Stable.V2: a ledger leaf, with the field types Mina hashes.
//
// Field order follows the OCaml record (public_key, token_id, token_symbol, balance, nonce,
// receipt_chain_hash, delegate, voting_for, timing, permissions, zkapp); account_hash.hpp hashes it
// exactly as Account.digest does. Integers have their protocol widths (Balance/Amount 64 bits,
// Nonce and global slots 32 bits, Txn_version 32 bits).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "encoding/keys.hpp"
#include "field/pasta.hpp"

namespace mina::ledger {

// Mainnet and devnet ledgers since the Berkeley upgrade.
inline constexpr unsigned kLedgerDepth = 35;
// Mina_numbers.Txn_version.current for protocol 3.x (Permissions.user_default carries it).
inline constexpr uint32_t kTxnVersionCurrent = 3;
inline constexpr size_t kZkappStateLength = 8;   // Zkapp_state.Max_state_size
inline constexpr size_t kActionStateLength = 5;  // the last five action-state hashes
inline constexpr size_t kMaxTokenSymbolBytes = 6;  // Account.Token_symbol.max_length

// Permissions.Auth_required.t (Both exists only in legacy accounts and is not representable).
enum class AuthRequired : uint8_t { kNone, kEither, kProof, kSignature, kImpossible };

struct SetVerificationKeyPermission {
  AuthRequired auth = AuthRequired::kSignature;
  uint32_t txn_version = kTxnVersionCurrent;
  bool operator==(const SetVerificationKeyPermission&) const = default;
};

// Permissions.Poly.t, in record order.
struct Permissions {
  AuthRequired edit_state = AuthRequired::kSignature;
  AuthRequired access = AuthRequired::kNone;
  AuthRequired send = AuthRequired::kSignature;
  AuthRequired receive = AuthRequired::kNone;
  AuthRequired set_delegate = AuthRequired::kSignature;
  AuthRequired set_permissions = AuthRequired::kSignature;
  SetVerificationKeyPermission set_verification_key;
  AuthRequired set_zkapp_uri = AuthRequired::kSignature;
  AuthRequired edit_action_state = AuthRequired::kSignature;
  AuthRequired set_token_symbol = AuthRequired::kSignature;
  AuthRequired increment_nonce = AuthRequired::kSignature;
  AuthRequired set_voting_for = AuthRequired::kSignature;
  AuthRequired set_timing = AuthRequired::kSignature;

  // Permissions.user_default: what every non-zkApp account has (the member defaults above).
  static Permissions user_default() { return {}; }
  bool operator==(const Permissions&) const = default;
};

// Account_timing.Timed; an untimed account has no vesting schedule (std::nullopt).
struct VestingSchedule {
  uint64_t initial_minimum_balance = 0;
  uint32_t cliff_time = 0;        // global slot since genesis
  uint64_t cliff_amount = 0;
  uint32_t vesting_period = 0;    // global slot span
  uint64_t vesting_increment = 0;
  bool operator==(const VestingSchedule&) const = default;
};
using Timing = std::optional<VestingSchedule>;

// Verification_key_wire: the base64 side-loaded key as GraphQL carries it, and its hash. Only the
// hash enters the account hash; that the data hashes to it is the zkApp verifier's concern.
struct VerificationKeyWithHash {
  std::string data;
  Fp hash;
  bool operator==(const VerificationKeyWithHash&) const = default;
};

// Zkapp_account.Poly.t, in record order.
struct ZkappAccount {
  std::array<Fp, kZkappStateLength> app_state{};
  std::optional<VerificationKeyWithHash> verification_key;
  uint32_t zkapp_version = 0;
  std::array<Fp, kActionStateLength> action_state{};
  uint32_t last_action_slot = 0;
  bool proved_state = false;
  std::string zkapp_uri;

  // Zkapp_account.default: zero state, no key, every action state the empty element.
  static ZkappAccount default_account();
  bool operator==(const ZkappAccount&) const = default;
};

struct Account {
  CompressedPublicKey public_key;
  Fp token_id = Fp::one();  // Token_id.default (MINA)
  std::string token_symbol;  // at most 6 bytes
  uint64_t balance = 0;
  uint32_t nonce = 0;
  Fp receipt_chain_hash;
  std::optional<CompressedPublicKey> delegate;
  Fp voting_for;  // a state hash; State_hash.dummy = 0
  Timing timing;
  Permissions permissions;
  std::optional<ZkappAccount> zkapp;

  // Account.empty: the leaf every unused ledger slot holds.
  static Account empty();
  bool operator==(const Account&) const = default;
};

// Receipt.Chain_hash.empty: the LEGACY-Poseidon digest of the salt "CodaReceiptEmpty" (kept from
// the pre-Berkeley ledger; o1js's ReceiptChainHash.empty is the kimchi digest, another value).
Fp empty_receipt_chain_hash();
// Zkapp_account.Actions.empty_state_element: the digest of the salt "MinaZkappActionStateEmptyElt".
Fp empty_action_state();

}  // namespace mina::ledger
