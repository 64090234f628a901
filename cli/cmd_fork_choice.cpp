// fork-choice --network mainnet|devnet TIP CANDIDATE  ->  {"take":bool,"rule":"…"}
// TIP and CANDIDATE are block or protocol-state files (as state-hash reads them). take = the
// node should switch to the candidate; rule names the deciding comparison
// (short_range_length, short_range_vrf, short_range_state_hash, long_range_density, …).
// Both state hashes are computed here (they are the last tie-break).
#include <string>
#include <vector>

#include "cli.hpp"
#include "files.hpp"
#include "mina/block_file.hpp"
#include "mina/consensus.hpp"
#include "mina/network_profile.hpp"

namespace mina::cli {
namespace {

Result<ProtocolState> load_state(const std::string& path) {
  MINA_TRY(bytes, read_file(path));
  MINA_TRY(block, decode_block_file(bytes));
  return block.protocol_state;
}

Outcome run_fork_choice(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"network"});
  if (!args) return fail(args.error());
  auto network = args->flag("network");
  if (!network || args->positionals().size() != 2)
    return fail(ErrorCode::kInvalidArgument, "usage: fork-choice --network mainnet|devnet TIP CANDIDATE");
  auto profile = find_network_profile(*network);
  if (!profile) return fail(profile.error());
  auto tip = load_state(args->positionals()[0]);
  if (!tip) return fail(tip.error());
  auto candidate = load_state(args->positionals()[1]);
  if (!candidate) return fail(candidate.error());
  Selection s = select_chain(selection_constants(**profile), {tip->body.consensus_state, state_hash(*tip)},
                             {candidate->body.consensus_state, state_hash(*candidate)});
  return {kOk, {{"take", s.take}, {"rule", selection_rule_name(s)}}};
}

RegisterCommand reg({"fork-choice", "fork-choice --network mainnet|devnet TIP CANDIDATE", run_fork_choice});

}  // namespace
}  // namespace mina::cli
