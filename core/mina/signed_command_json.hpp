// Signed payments and stake delegations as JSON, in the two shapes clients produce:
//
//   mina-signer   Client.signPayment / signStakeDelegation output:
//                 {signature, publicKey, data: {to, from, fee, amount?, nonce, memo?, validUntil?}}
//   GraphQL       sendPayment / sendDelegation arguments: {input: {from, to, amount?, fee, nonce,
//                 memo?, validUntil?}, signature}, bare or as a request's {query?, variables}
//
// signature: {field, scalar} (decimal; o1js's {r, s} too), base58 "7m…", or rawSignature — 128
// hex digits, r then s, each 32 bytes little-endian (Signature.Raw / mina-signer rosetta.ts).
// A command with an amount is a payment, one without a stake delegation (`to` = new delegate);
// a GraphQL query naming sendPayment/sendDelegation decides instead, and then must agree.
// Integers are decimal strings or JSON numbers, range-checked (u64 fee/amount, u32
// nonce/validUntil); validUntil defaults to 2^32 − 1 and memo to "" as in mina-signer; memo is
// text (≤ 32 bytes) or a base58 memo "E4…". The signer is publicKey when given, else `from`.
// Every malformed input is a typed Error naming the JSON path.
#pragma once

#include <string_view>

#include "base/error.hpp"
#include "mina/signed_command.hpp"

namespace mina {

inline constexpr size_t kMaxSignedCommandJsonBytes = size_t{64} << 10;

Result<SignedCommand> decode_signed_command_json(std::string_view text);

// Signature.Raw: 128 hex digits (either case), r ‖ s, little-endian, canonical.
Result<Signature> decode_raw_signature(std::string_view hex);

}  // namespace mina
