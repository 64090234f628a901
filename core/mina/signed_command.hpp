// Signed commands (Mina_base.Signed_command): payments and stake delegations, the user commands
// signed with legacy Schnorr signatures (legacy_signature.hpp).
//
// What is signed is the payload's legacy random-oracle input (Signed_command_payload
// .to_input_legacy; mina-signer sign-legacy.ts), fields and bits in this order:
//   common  fee (64 bits) · fee token = 1 (64 bits) · fee payer (x field, odd bit) ·
//           nonce (32) · valid_until (32) · memo (34 bytes, each least significant bit first)
//   body    tag (3 bits, most significant first: payment 0, stake delegation 1) ·
//           source = fee payer (x, bit) · receiver or new delegate (x, bit) ·
//           token = 1 (64 bits) · amount (64 bits; 0 for delegations) · token_locked = false
// All integers little-endian bit first. The fee and body tokens are the pre-Berkeley fields,
// still part of the signed preimage.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "encoding/keys.hpp"
#include "mina/legacy_signature.hpp"
#include "mina/signature.hpp"

namespace mina {

// Signed_command_memo: [tag][length][32 data bytes]. Tag 0x01 = bytes (length <= 32, the rest
// zero), tag 0x00 = a Blake2b digest (length 32).
inline constexpr size_t kMemoBytes = 34;
using Memo = std::array<uint8_t, kMemoBytes>;
inline constexpr uint8_t kMemoVersionByte = 0x14;  // base58check "E4…"

Result<Memo> memo_from_string(std::string_view text);     // UTF-8, at most 32 bytes
Result<Memo> memo_from_base58(std::string_view text);     // base58check, checked by is_valid's rules
// A memo as users write it: its base58check form when the text is one (that form is over 32
// characters, so it can never be a string memo), else the text itself.
Result<Memo> memo_from_text(std::string_view text);
std::string memo_to_base58(const Memo& memo);
Memo empty_memo();

enum class SignedCommandKind : uint8_t { kPayment, kStakeDelegation };
const char* signed_command_kind_name(SignedCommandKind kind);  // "payment" | "delegation"

// Global slots since genesis; mina-signer's default when absent.
inline constexpr uint32_t kValidUntilMax = 0xffffffffu;

struct SignedCommandPayload {
  // common
  uint64_t fee = 0;
  CompressedPublicKey fee_payer;
  uint32_t nonce = 0;
  uint32_t valid_until = kValidUntilMax;
  Memo memo = empty_memo();
  // body
  SignedCommandKind kind = SignedCommandKind::kPayment;
  CompressedPublicKey receiver;  // the new delegate for stake delegations
  uint64_t amount = 0;           // always 0 for stake delegations
};

struct SignedCommand {
  SignedCommandPayload payload;
  CompressedPublicKey signer;
  Signature signature;
};

LegacyInput signed_command_legacy_input(const SignedCommandPayload& payload);

struct SignedCommandVerdict {
  bool valid = false;
  std::string reason;  // empty when valid
};

// Mina checks the signature against the signer and requires the signer to be the fee payer.
SignedCommandVerdict verify_signed_command(const SignedCommand& command, NetworkId network);

// Deterministic signing for tests and simulated chains (see sign_legacy).
Result<SignedCommand> sign_signed_command(const SignedCommandPayload& payload, const Fq& secret_key,
                                          NetworkId network);

}  // namespace mina
