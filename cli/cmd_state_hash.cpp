// state-hash FILE  ->  {"stateHash":"3N…","height":N}
// FILE is any block or protocol state the core decodes (block_file.hpp): a precomputed block,
// OpenMina's best tip, a protocol-state JSON, a GraphQL answer, bin_prot. The hash is computed
// from the decoded state, never copied from the file; when a GraphQL answer claims a different
// stateHash the claim is printed too and the exit status is 1.
#include <string>
#include <vector>

#include "cli.hpp"
#include "files.hpp"
#include "mina/block_file.hpp"
#include "mina/state_hash.hpp"

namespace mina::cli {
namespace {

Outcome run_state_hash(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {});
  if (!args) return fail(args.error());
  if (args->positionals().size() != 1) return fail(ErrorCode::kInvalidArgument, "usage: state-hash FILE");
  auto bytes = read_file(args->positionals()[0]);
  if (!bytes) return fail(bytes.error());
  auto block = decode_block_file(*bytes);
  if (!block) return fail(block.error());
  const StateHash h = state_hash(block->protocol_state);
  nlohmann::json line = {{"stateHash", state_hash_base58(h)},
                         {"height", block->protocol_state.body.consensus_state.blockchain_length}};
  if (block->claimed_state_hash && *block->claimed_state_hash != h) {
    line["claimedStateHash"] = state_hash_base58(*block->claimed_state_hash);
    return {kInvalid, line};
  }
  return {kOk, line};
}

RegisterCommand reg({"state-hash", "state-hash FILE", run_state_hash});

}  // namespace
}  // namespace mina::cli
