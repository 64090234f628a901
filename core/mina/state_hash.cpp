#include "mina/state_hash.hpp"

#include <array>

#include "encoding/base58.hpp"
#include "hash/poseidon.hpp"
#include "hash/sha256.hpp"

namespace mina {
namespace {

void append_signed(RandomOracleInput& in, const SignedAmount& a) {
  in.append_u64(a.magnitude);
  in.append_bool(!a.is_negative);  // Sgn.to_input: true for Pos
}

void append_public_key(RandomOracleInput& in, const CompressedPublicKey& pk) {
  in.append_field(pk.x);
  in.append_bool(pk.is_odd);
}

void append_constants(RandomOracleInput& in, const ProtocolConstants& c) {
  in.append_u32(c.k);
  in.append_u32(c.delta);
  in.append_u32(c.slots_per_epoch);
  in.append_u32(c.slots_per_sub_window);
  if (c.grace_period_slots) in.append_u32(*c.grace_period_slots);
  in.append_u64(c.genesis_state_timestamp);
}

void append_local_state(RandomOracleInput& in, const LocalState& s) {
  in.append_field(s.stack_frame);
  in.append_field(s.call_stack);
  in.append_field(s.transaction_commitment);
  in.append_field(s.full_transaction_commitment);
  if (s.token_id) in.append_field(*s.token_id);
  append_signed(in, s.excess);
  append_signed(in, s.supply_increase);
  in.append_field(s.ledger);
  in.append_u32(s.account_update_index);
  in.append_bool(s.success);
  in.append_bool(s.will_succeed);
}

void append_registers(RandomOracleInput& in, const Registers& r) {
  in.append_field(r.first_pass_ledger);
  in.append_field(r.second_pass_ledger);
  in.append_field(r.pending_coinbase_stack.data);
  in.append_field(r.pending_coinbase_stack.state_init);
  in.append_field(r.pending_coinbase_stack.state_curr);
  append_local_state(in, r.local_state);
}

void append_statement(RandomOracleInput& in, const LedgerProofStatement& s) {
  append_registers(in, s.source);
  append_registers(in, s.target);
  in.append_field(s.connecting_ledger_left);
  in.append_field(s.connecting_ledger_right);
  append_signed(in, s.supply_increase);
  in.append_field(s.fee_excess.fee_token_l);
  append_signed(in, s.fee_excess.fee_excess_l);
  in.append_field(s.fee_excess.fee_token_r);
  append_signed(in, s.fee_excess.fee_excess_r);
  // sok_digest is unit in the blockchain state: nothing to hash.
}

void append_blockchain_state(RandomOracleInput& in, const BlockchainState& b) {
  in.append_bytes(non_snark_digest(b.staged_ledger_hash.non_snark));
  in.append_field(b.staged_ledger_hash.pending_coinbase_hash);
  in.append_field(b.genesis_ledger_hash);
  append_statement(in, b.ledger_proof_statement);
  in.append_u64(b.timestamp);
  in.append_bytes(b.body_reference);
}

void append_epoch_data(RandomOracleInput& in, const EpochData& e) {
  in.append_field(e.seed);
  in.append_field(e.start_checkpoint);
  in.append_u32(e.epoch_length);
  in.append_field(e.ledger.hash);
  in.append_u64(e.ledger.total_currency);
  in.append_field(e.lock_checkpoint);
}

void append_consensus_state(RandomOracleInput& in, const ConsensusState& c) {
  in.append_u32(c.blockchain_length);
  in.append_u32(c.epoch_count);
  in.append_u32(c.min_window_density);
  for (uint32_t d : c.sub_window_densities) in.append_u32(d);
  in.append_bits(c.last_vrf_output, kVrfOutputBits);
  in.append_u64(c.total_currency);
  in.append_u32(c.curr_global_slot_since_hard_fork.slot_number);
  in.append_u32(c.curr_global_slot_since_hard_fork.slots_per_epoch);
  in.append_u32(c.global_slot_since_genesis);
  in.append_bool(c.has_ancestor_in_same_checkpoint_window);
  in.append_bool(c.supercharge_coinbase);
  append_epoch_data(in, c.staking_epoch_data);
  append_epoch_data(in, c.next_epoch_data);
  append_public_key(in, c.block_stake_winner);
  append_public_key(in, c.block_creator);
  append_public_key(in, c.coinbase_receiver);
}

}  // namespace

Bytes32 non_snark_digest(const NonSnarkStagedLedgerHash& h) {
  auto le = h.ledger_hash.to_bytes_le();
  std::array<uint8_t, 32> be{};
  for (size_t i = 0; i < 32; ++i) be[i] = le[31 - i];
  Sha256 sha;
  sha.update(be).update(h.aux_hash).update(h.pending_coinbase_aux);
  return sha.finalize();
}

RandomOracleInput body_to_input(const ProtocolStateBody& body) {
  RandomOracleInput in;
  append_constants(in, body.constants);
  in.append_field(body.genesis_state_hash);
  append_blockchain_state(in, body.blockchain_state);
  append_consensus_state(in, body.consensus_state);
  return in;
}

StateBodyHash body_hash(const ProtocolStateBody& body) {
  auto fields = body_to_input(body).pack_to_fields();
  return poseidon::hash_with_prefix<Fp>(poseidon::pad_prefix(kProtocolStateBodyPrefix), fields);
}

StateHash state_hash_of_parts(const StateHash& previous_state_hash, const StateBodyHash& body) {
  const Fp parts[2] = {previous_state_hash, body};
  return poseidon::hash_with_prefix<Fp>(poseidon::pad_prefix(kProtocolStatePrefix), parts);
}

StateHash state_hash(const ProtocolState& state) {
  return state_hash_of_parts(state.previous_state_hash, body_hash(state.body));
}

std::string state_hash_base58(const StateHash& h) { return encode_field_hash(h, VersionByte::kStateHash); }

Result<StateHash> parse_state_hash(std::string_view base58) { return decode_field_hash(base58, VersionByte::kStateHash); }

bool state_hash_less(const StateHash& a, const StateHash& b) { return a.to_int() < b.to_int(); }

}  // namespace mina
