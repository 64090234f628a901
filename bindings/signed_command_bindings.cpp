// Signed user commands (core/mina/signed_command*.hpp):
//   verifySignedCommand(jsonText, network) → {valid, kind, reason?, from, to, fee, amount?, nonce,
//     validUntil, memo}
//     jsonText: a signed payment or stake delegation, mina-signer's {signature, publicKey, data}
//     or GraphQL sendPayment/sendDelegation's {input, signature} (or {query, variables});
//     network: "mainnet" | "testnet" | "devnet". Integers come back as decimal strings, the memo
//     as base58 ("E4…"). Malformed input answers {error: {code, message}}.
//   verifyZkappCommandSignatures(jsonText, network) → {valid, reason?, checked, commitment,
//     fullCommitment}
//     jsonText: an o1js zkApp command (`tx.toJSON()`); the fee payer's signature over the full
//     commitment and each signature-authorized account update's (core/mina/zkapp_command.hpp).
//     checked counts the signatures verified; proofs are not checked here. Commitments are
//     decimal strings.
#include <emscripten/bind.h>

#include <string>

#include "encoding/base58.hpp"
#include "js_value.hpp"
#include "mina/signed_command_json.hpp"
#include "mina/zkapp_command.hpp"

namespace mina::bindings {
namespace {

val verify_signed_command_text(std::string json_text, std::string network) {
  return guarded([&] {
    auto net = parse_network_id(network);
    if (!net) return error_value(net.error());
    auto command = decode_signed_command_json(json_text);
    if (!command) return error_value(command.error());
    const SignedCommandPayload& p = command->payload;
    SignedCommandVerdict verdict = verify_signed_command(*command, *net);
    val out = val::object();
    out.set("valid", verdict.valid);
    out.set("kind", std::string(signed_command_kind_name(p.kind)));
    if (!verdict.valid) out.set("reason", verdict.reason);
    out.set("from", encode_public_key(p.fee_payer));
    out.set("to", encode_public_key(p.receiver));
    out.set("fee", std::to_string(p.fee));
    if (p.kind == SignedCommandKind::kPayment) out.set("amount", std::to_string(p.amount));
    out.set("nonce", std::to_string(p.nonce));
    out.set("validUntil", std::to_string(p.valid_until));
    out.set("memo", memo_to_base58(p.memo));
    return out;
  });
}

val verify_zkapp_command_signatures_text(std::string json_text, std::string network) {
  return guarded([&] {
    auto net = parse_network_id(network);
    if (!net) return error_value(net.error());
    auto command = zkapp::decode_zkapp_command_json(json_text, *net);
    if (!command) return error_value(command.error());
    zkapp::ZkappSignatureVerdict verdict = zkapp::verify_zkapp_command_signatures(*command, *net);
    val out = val::object();
    out.set("valid", verdict.valid);
    if (!verdict.valid) out.set("reason", verdict.reason);
    out.set("checked", int(verdict.checked));
    out.set("commitment", command->commitment.to_decimal());
    out.set("fullCommitment", command->full_commitment.to_decimal());
    return out;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(mina_signed_command) {
  emscripten::function("verifySignedCommand", &verify_signed_command_text);
  emscripten::function("verifyZkappCommandSignatures", &verify_zkapp_command_signatures_text);
}

}  // namespace mina::bindings
