#include "mina/network_profile.hpp"

#include "mina/state_hash.hpp"

#include <array>
#include <string>

namespace mina {
namespace {

constexpr std::array<NetworkProfile, 2> kProfiles = {{
    {
        .name = "mainnet",
        .network_id = NetworkId::kMainnet,
        .genesis_state_hash = "3NK4BpDSekaqsG6tx8Nse2zJchRft2JpnbvMiog55WCr5xJZaKeP",
        .fork_state_hash = "3NLRTfY4kZyJtvaP4dFenDcxfoMfT3uEpkWS913KkeXLtziyVd15",
        .genesis_blockchain_length = 359605,
        .genesis_global_slot_since_genesis = 564480,
        .k = 290,
        .slots_per_epoch = 7140,
        .slots_per_sub_window = 7,
        .grace_period_slots = 2160,
        .delta = 0,
        .genesis_state_timestamp = 1717545600000,  // 2024-06-05T00:00:00Z
        .sub_windows_per_window = 11,
        .block_window_duration_ms = 180000,
        .blockchain_verifier_index = "mainnet_blockchain_verifier_index.json",
        .transaction_verifier_index = "mainnet_transaction_verifier_index.json",
    },
    {
        .name = "devnet",
        .network_id = NetworkId::kTestnet,
        .genesis_state_hash = "3NL93SipJfAMNDBRfQ8Uo8LPovC74mnJZfZYB5SK7mTtkL72dsPx",
        .fork_state_hash = "3NKSvjaGSKiQuAt8BP1b1VCpLbJc9RcEFjYCaBYsJJFdrtd6tpaV",
        .genesis_blockchain_length = 296372,
        .genesis_global_slot_since_genesis = 445860,
        .k = 290,
        .slots_per_epoch = 7140,
        .slots_per_sub_window = 7,
        .grace_period_slots = 2160,
        .delta = 0,
        .genesis_state_timestamp = 0,
        .sub_windows_per_window = 11,
        .block_window_duration_ms = 180000,
        .blockchain_verifier_index = "devnet_blockchain_verifier_index.json",
        .transaction_verifier_index = "devnet_transaction_verifier_index.json",
    },
}};

}  // namespace

std::span<const NetworkProfile> network_profiles() { return kProfiles; }

Result<const NetworkProfile*> find_network_profile(std::string_view name) {
  for (const NetworkProfile& p : kProfiles)
    if (name == p.name) return &p;
  return Error{ErrorCode::kInvalidArgument, "unknown network '" + std::string(name) + "' (known: mainnet, devnet)"};
}

SelectionConstants selection_constants(const NetworkProfile& p) {
  SelectionConstants s;
  s.sub_windows_per_window = p.sub_windows_per_window;
  s.slots_per_sub_window = p.slots_per_sub_window;
  s.grace_period_end = p.grace_period_slots + p.slots_per_sub_window * p.sub_windows_per_window;
  return s;
}

std::string network_mismatch(const ProtocolState& s, const NetworkProfile& p, bool check_genesis) {
  auto genesis = parse_state_hash(p.genesis_state_hash);
  if (check_genesis && genesis && s.body.genesis_state_hash != *genesis)
    return "genesis state hash is not " + std::string(p.name) + "'s";
  const ProtocolConstants& c = s.body.constants;
  if (c.k != p.k || c.slots_per_epoch != p.slots_per_epoch || c.slots_per_sub_window != p.slots_per_sub_window ||
      c.delta != p.delta || (c.grace_period_slots && *c.grace_period_slots != p.grace_period_slots) ||
      (p.genesis_state_timestamp && c.genesis_state_timestamp != p.genesis_state_timestamp))
    return "protocol constants are not " + std::string(p.name) + "'s";
  return "";
}

}  // namespace mina
