// verify-payment [--network mainnet|testnet|devnet] FILE
//   FILE: a signed payment or stake delegation as mina-signer prints it ({signature, publicKey,
//   data}) or as GraphQL sendPayment/sendDelegation arguments ({input, signature} or a request's
//   {query, variables}); see core/mina/signed_command_json.hpp.
//   -> {"valid":bool,"kind":"payment"|"delegation","network",from,to,fee,[amount,]nonce,
//       validUntil,memo(base58)[,"reason"]}; exit 0 valid, 1 invalid, 2 malformed.
// The network defaults to mainnet: a signature is only valid for one network's prefix.
#include <string>
#include <vector>

#include "cli.hpp"
#include "encoding/base58.hpp"
#include "files.hpp"
#include "mina/signed_command_json.hpp"

namespace mina::cli {
namespace {

nlohmann::json describe(const SignedCommandPayload& p) {
  nlohmann::json out = {{"kind", signed_command_kind_name(p.kind)},
                        {"from", encode_public_key(p.fee_payer)},
                        {"to", encode_public_key(p.receiver)},
                        {"fee", std::to_string(p.fee)}};
  if (p.kind == SignedCommandKind::kPayment) out["amount"] = std::to_string(p.amount);
  out["nonce"] = std::to_string(p.nonce);
  out["validUntil"] = std::to_string(p.valid_until);
  out["memo"] = memo_to_base58(p.memo);
  return out;
}

Outcome run_verify_payment(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"network"});
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1)
    return fail(ErrorCode::kInvalidArgument, "usage: verify-payment [--network mainnet|testnet|devnet] FILE");
  const std::string network_name = args->flag("network").value_or("mainnet");
  auto network = parse_network_id(network_name);
  if (!network) return fail(network.error());
  auto bytes = read_file(args->positionals()[0], kMaxSignedCommandJsonBytes);
  if (!bytes) return fail(bytes.error());
  auto command = decode_signed_command_json(std::string(bytes->begin(), bytes->end()));
  if (!command) return fail(command.error());
  SignedCommandVerdict verdict = verify_signed_command(*command, *network);
  nlohmann::json line = {{"valid", verdict.valid}};
  line.update(describe(command->payload));
  line["network"] = network_name;
  if (!verdict.valid) line["reason"] = verdict.reason;
  return {verdict.valid ? kOk : kInvalid, line};
}

RegisterCommand reg({"verify-payment", "verify-payment [--network mainnet|testnet|devnet] FILE", run_verify_payment});

}  // namespace
}  // namespace mina::cli
