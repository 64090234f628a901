// account-hash ACCOUNT.json                          ->  {"hash":"<decimal>","ledgerHash":"jx…"}
// verify-account --ledger-hash HASH [--depth N] ACCOUNT.json  ->  {"valid":bool[,"reason"]}
// ACCOUNT.json is a GraphQL `account(publicKey, token)` answer (the object or the whole response);
// verify-account needs its merklePath (and checks leafHash / index when present). HASH is the
// ledger hash to check against, base58 (jx…) or decimal. Exit 0 valid, 1 invalid, 2 malformed.
#include <string>
#include <vector>

#include "cli.hpp"
#include "encoding/base58.hpp"
#include "files.hpp"
#include "ledger/account_hash.hpp"
#include "ledger/account_json.hpp"

namespace mina::cli {
namespace {

Result<ledger::GraphqlAccount> load_account(const std::string& path) {
  MINA_TRY(bytes, read_file(path, ledger::kMaxAccountJsonBytes));
  return ledger::decode_graphql_account(std::string(bytes.begin(), bytes.end()));
}

Result<Fp> parse_ledger_hash(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) return Fp::parse(text);
  return decode_field_hash(text, VersionByte::kLedgerHash);
}

Outcome run_account_hash(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {});
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1) return fail(ErrorCode::kInvalidArgument, "usage: account-hash ACCOUNT.json");
  auto account = load_account(args->positionals()[0]);
  if (!account) return fail(account.error());
  const Fp h = ledger::account_hash(account->account);
  return {kOk, {{"hash", h.to_decimal()}, {"ledgerHash", encode_field_hash(h, VersionByte::kLedgerHash)}}};
}

Outcome run_verify_account(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"ledger-hash", "depth"});
  if (!args) return fail(args.error());
  const auto root_text = args->flag("ledger-hash");
  if (args->positionals().size() != 1 || !root_text)
    return fail(ErrorCode::kInvalidArgument, "usage: verify-account --ledger-hash HASH [--depth N] ACCOUNT.json");
  auto root = parse_ledger_hash(*root_text);
  if (!root) return fail(root.error());
  unsigned depth = ledger::kLedgerDepth;
  if (auto d = args->flag("depth")) {
    if (d->empty() || d->size() > 2 || d->find_first_not_of("0123456789") != std::string::npos || std::stoul(*d) > ledger::kLedgerDepth)
      return fail(ErrorCode::kInvalidArgument, "--depth must be 0.." + std::to_string(ledger::kLedgerDepth));
    depth = unsigned(std::stoul(*d));
  }
  auto account = load_account(args->positionals()[0]);
  if (!account) return fail(account.error());
  auto verdict = ledger::verify_graphql_account(*account, *root, depth);
  if (!verdict) return fail(verdict.error());
  if (!verdict->valid) return {kInvalid, {{"valid", false}, {"reason", verdict->reason}}};
  return {kOk, {{"valid", true}}};
}

RegisterCommand reg_hash({"account-hash", "account-hash ACCOUNT.json", run_account_hash});
RegisterCommand reg_verify({"verify-account", "verify-account --ledger-hash HASH [--depth N] ACCOUNT.json", run_verify_account});

}  // namespace
}  // namespace mina::cli
