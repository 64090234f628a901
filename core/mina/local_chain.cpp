#include "mina/local_chain.hpp"

#include "mina/state_hash.hpp"

namespace mina {
namespace {

// Token_id.default, the MINA token.
Fp default_token() { return Fp::one(); }

Registers genesis_registers(const Fp& ledger) {
  Registers r;
  r.first_pass_ledger = ledger;
  r.second_pass_ledger = ledger;
  r.local_state.ledger = Fp::zero();
  r.local_state.success = true;
  r.local_state.will_succeed = true;
  return r;
}

EpochData genesis_epoch(const LocalGenesis& g) {
  EpochData e;
  e.ledger = {g.ledger_hash, g.total_currency};
  e.seed = Fp::zero();
  e.start_checkpoint = Fp::zero();
  e.lock_checkpoint = Fp::zero();
  e.epoch_length = 1;
  return e;
}

// A VRF output that differs per height (the tie-break hashes it), within the 253 output bits.
VrfOutputTruncated vrf_output_for(uint32_t length) {
  VrfOutputTruncated v{};
  for (int i = 0; i < 4; ++i) v[i] = uint8_t(length >> (8 * i));
  return v;
}

}  // namespace

ProtocolState local_genesis_state(const LocalGenesis& g) {
  ProtocolState s;
  s.previous_state_hash = g.negative_one_hash;
  ProtocolStateBody& b = s.body;
  b.genesis_state_hash = g.negative_one_hash;

  BlockchainState& bs = b.blockchain_state;
  bs.staged_ledger_hash.non_snark.ledger_hash = g.ledger_hash;
  bs.staged_ledger_hash.pending_coinbase_hash = Fp::zero();
  bs.genesis_ledger_hash = g.ledger_hash;
  LedgerProofStatement& st = bs.ledger_proof_statement;
  st.source = genesis_registers(g.ledger_hash);
  st.target = genesis_registers(g.ledger_hash);
  st.connecting_ledger_left = g.ledger_hash;
  st.connecting_ledger_right = g.ledger_hash;
  st.fee_excess = {default_token(), {}, default_token(), {}};
  bs.timestamp = g.timestamp_ms;

  ConsensusState& c = b.consensus_state;
  c.blockchain_length = 1;
  c.epoch_count = 0;
  c.min_window_density = kLocalSlotsPerSubWindow * kLocalSubWindows;
  c.sub_window_densities.assign(kLocalSubWindows, kLocalSlotsPerSubWindow);
  c.last_vrf_output = vrf_output_for(1);
  c.total_currency = g.total_currency;
  c.curr_global_slot_since_hard_fork = {0, kLocalSlotsPerEpoch};
  c.global_slot_since_genesis = 0;
  c.staking_epoch_data = genesis_epoch(g);
  c.next_epoch_data = genesis_epoch(g);
  c.has_ancestor_in_same_checkpoint_window = true;
  c.block_stake_winner = g.producer;
  c.block_creator = g.producer;
  c.coinbase_receiver = g.producer;
  c.supercharge_coinbase = false;

  b.constants = {kLocalK, kLocalSlotsPerEpoch, kLocalSlotsPerSubWindow, kLocalGracePeriodSlots, 0, g.timestamp_ms};
  return s;
}

ProtocolState next_local_state(const ProtocolState& parent, const Fp& ledger_hash, uint64_t total_currency) {
  ProtocolState s = parent;
  const StateHash parent_hash = state_hash(parent);
  s.previous_state_hash = parent_hash;
  // Mina: the genesis block's successors carry its hash; later blocks copy their parent's.
  if (parent.body.consensus_state.blockchain_length == 1) s.body.genesis_state_hash = parent_hash;

  ConsensusState& c = s.body.consensus_state;
  c.blockchain_length += 1;
  c.curr_global_slot_since_hard_fork.slot_number += 1;
  c.global_slot_since_genesis += 1;
  c.total_currency = total_currency;
  c.last_vrf_output = vrf_output_for(c.blockchain_length);

  BlockchainState& bs = s.body.blockchain_state;
  bs.staged_ledger_hash.non_snark.ledger_hash = ledger_hash;
  bs.timestamp = s.body.constants.genesis_state_timestamp + uint64_t(c.global_slot_since_genesis) * kLocalSlotDurationMs;
  return s;
}

}  // namespace mina
