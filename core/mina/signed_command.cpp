#include "mina/signed_command.hpp"

#include <algorithm>

#include "encoding/base58.hpp"

namespace mina {
namespace {

constexpr uint8_t kMemoDigestTag = 0x00;
constexpr uint8_t kMemoBytesTag = 0x01;
constexpr size_t kMemoDataBytes = kMemoBytes - 2;
// The pre-Berkeley default token (Token_id.default = 1), still hashed as 64 bits.
constexpr uint64_t kLegacyDefaultToken = 1;

// Signed_command_memo.is_valid.
Result<Memo> checked_memo(ByteSpan bytes) {
  if (bytes.size() != kMemoBytes)
    return Error{ErrorCode::kInvalidLength, "memo must be 34 bytes, got " + std::to_string(bytes.size())};
  Memo m{};
  std::copy(bytes.begin(), bytes.end(), m.begin());
  const size_t length = m[1];
  if (m[0] == kMemoDigestTag) {
    if (length != kMemoDataBytes) return Error{ErrorCode::kInvalidEncoding, "digest memo must have length 32"};
    return m;
  }
  if (m[0] != kMemoBytesTag) return Error{ErrorCode::kInvalidEncoding, "memo tag must be 0x00 or 0x01"};
  if (length > kMemoDataBytes) return Error{ErrorCode::kInvalidLength, "memo length byte exceeds 32"};
  if (!std::all_of(m.begin() + 2 + long(length), m.end(), [](uint8_t b) { return b == 0; }))
    return Error{ErrorCode::kInvalidEncoding, "memo padding must be zero"};
  return m;
}

LegacyInput common_input(const SignedCommandPayload& p) {
  LegacyInput in;
  in.append_uint(p.fee, 64);
  in.append_uint(kLegacyDefaultToken, 64);
  in.append_public_key(p.fee_payer);
  in.append_uint(p.nonce, 32);
  in.append_uint(p.valid_until, 32);
  in.append_bytes_lsb_first(p.memo);
  return in;
}

LegacyInput body_input(const SignedCommandPayload& p) {
  LegacyInput in;
  const unsigned tag = p.kind == SignedCommandKind::kPayment ? 0 : 1;
  for (int i = 2; i >= 0; --i) in.append_bit((tag >> i) & 1);  // Transaction_union_tag, MSB first
  in.append_public_key(p.fee_payer);                             // source
  in.append_public_key(p.receiver);
  in.append_uint(kLegacyDefaultToken, 64);
  in.append_uint(p.kind == SignedCommandKind::kPayment ? p.amount : 0, 64);
  in.append_bit(false);  // token_locked
  return in;
}

}  // namespace

Memo empty_memo() {
  Memo m{};
  m[0] = kMemoBytesTag;
  return m;
}

Result<Memo> memo_from_string(std::string_view text) {
  if (text.size() > kMemoDataBytes)
    return Error{ErrorCode::kInvalidLength, "memo text exceeds 32 bytes (" + std::to_string(text.size()) + ")"};
  Memo m = empty_memo();
  m[1] = uint8_t(text.size());
  std::copy(text.begin(), text.end(), m.begin() + 2);
  return m;
}

Result<Memo> memo_from_base58(std::string_view text) {
  MINA_TRY(payload, base58check_decode(text, kMemoVersionByte));
  return checked_memo(payload);
}

Result<Memo> memo_from_text(std::string_view text) {
  if (text.size() <= kMemoDataBytes) return memo_from_string(text);
  // Too long for text, so only a base58 memo can be meant; a string that is not one is reported
  // as over-long text, a base58 memo with a bad payload by its own error.
  auto payload = base58check_decode(text, kMemoVersionByte);
  if (!payload)
    return Error{ErrorCode::kInvalidLength, "memo text exceeds 32 bytes (" + std::to_string(text.size()) +
                                                ") and is not a base58 memo (" + payload.error().message + ")"};
  return checked_memo(*payload);
}

std::string memo_to_base58(const Memo& memo) { return base58check_encode(kMemoVersionByte, memo); }

const char* signed_command_kind_name(SignedCommandKind kind) {
  return kind == SignedCommandKind::kPayment ? "payment" : "delegation";
}

LegacyInput signed_command_legacy_input(const SignedCommandPayload& payload) {
  LegacyInput in = common_input(payload);
  in.append(body_input(payload));
  return in;
}

SignedCommandVerdict verify_signed_command(const SignedCommand& command, NetworkId network) {
  if (!(command.signer == command.payload.fee_payer)) return {false, "signer is not the fee payer"};
  if (!verify_legacy_signature(command.signature, signed_command_legacy_input(command.payload), command.signer,
                               network))
    return {false, "signature does not verify"};
  return {true, ""};
}

Result<SignedCommand> sign_signed_command(const SignedCommandPayload& payload, const Fq& secret_key,
                                          NetworkId network) {
  if (secret_key.is_zero()) return Error{ErrorCode::kInvalidArgument, "secret key is zero"};
  if (!(public_key_of_secret(secret_key) == payload.fee_payer))
    return Error{ErrorCode::kInvalidArgument, "the secret key is not the fee payer's"};
  MINA_TRY(sig, sign_legacy(signed_command_legacy_input(payload), secret_key, network));
  return SignedCommand{payload, payload.fee_payer, sig};
}

}  // namespace mina
