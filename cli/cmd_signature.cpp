// verify-signature --network mainnet|testnet|devnet --pubkey B62... --signature <base58> X...
//   -> {"valid":true|false}, exit 1 when the signature does not verify.
#include <vector>

#include "cli.hpp"
#include "encoding/base58.hpp"
#include "field/pasta.hpp"
#include "mina/signature.hpp"

namespace mina::cli {
namespace {

Outcome run_verify_signature(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"network", "pubkey", "signature"});
  if (!args) return fail(args.error());
  auto network_name = args->flag("network");
  auto pubkey = args->flag("pubkey");
  auto signature = args->flag("signature");
  if (!network_name || !pubkey || !signature)
    return fail(ErrorCode::kInvalidArgument, "--network, --pubkey and --signature are required");
  auto network = parse_network_id(*network_name);
  if (!network) return fail(network.error());
  auto pk = decode_public_key(*pubkey);
  if (!pk) return fail(pk.error());
  auto sig = decode_signature(*signature);
  if (!sig) return fail(sig.error());
  std::vector<Fp> message;
  for (auto& s : args->positionals()) {
    auto x = Fp::parse(s);
    if (!x) return fail(x.error());
    message.push_back(*x);
  }
  bool valid = verify_fields_signature(*sig, message, *pk, *network);
  return {valid ? kOk : kInvalid, {{"valid", valid}}};
}

RegisterCommand reg({"verify-signature",
                     "verify-signature --network mainnet|testnet|devnet --pubkey B62... --signature SIG X...",
                     run_verify_signature});

}  // namespace
}  // namespace mina::cli
