#include "mina/protocol_state_binprot.hpp"

#include <algorithm>

#include "mina/state_hash.hpp"

namespace mina {
namespace {

using R = BinProtReader;

Result<uint32_t> read_u32(R& r) {
  MINA_TRY(v, r.read_int());
  // Mina writes its uint32 values through Int32 (same bits), so the top ones arrive negative.
  if (v < INT32_MIN || v > int64_t(UINT32_MAX)) return Error{ErrorCode::kMalformedBinProt, "uint32 out of range"};
  return uint32_t(v);
}

Result<Bytes32> read_string32(R& r, const char* what) {
  MINA_TRY(s, r.read_string(32));
  if (s.size() != 32) return Error{ErrorCode::kInvalidLength, std::string(what) + " must be 32 bytes"};
  Bytes32 out{};
  std::copy(s.begin(), s.end(), out.begin());
  return out;
}

// One-constructor variants (Since_hard_fork, Since_genesis) still carry their tag byte.
Result<uint32_t> read_tagged_u32(R& r, const char* type_name) {
  MINA_TRY(tag, r.read_variant_index(1, type_name));
  (void)tag;
  return read_u32(r);
}

Result<SignedAmount> read_signed(R& r) {
  MINA_TRY(m, r.read_u64_as_int64());
  MINA_TRY(sgn, r.read_variant_index(2, "Sgn"));
  return SignedAmount{m, sgn == 1};
}

Result<CompressedPublicKey> read_public_key(R& r) {
  MINA_TRY(x, r.read_field<Fp>());
  MINA_TRY(odd, r.read_bool());
  return CompressedPublicKey{x, odd};
}

Result<LocalState> read_local_state(R& r) {
  LocalState s;
  MINA_TRY(stack_frame, r.read_field<Fp>());
  MINA_TRY(call_stack, r.read_field<Fp>());
  MINA_TRY(tc, r.read_field<Fp>());
  MINA_TRY(ftc, r.read_field<Fp>());
  MINA_TRY(excess, read_signed(r));
  MINA_TRY(supply, read_signed(r));
  MINA_TRY(ledger, r.read_field<Fp>());
  MINA_TRY(success, r.read_bool());
  MINA_TRY(index, read_u32(r));
  MINA_TRY(failures, r.read_length(0));
  (void)failures;  // read_length(0) refuses any non-empty table
  MINA_TRY(will_succeed, r.read_bool());
  s.stack_frame = stack_frame;
  s.call_stack = call_stack;
  s.transaction_commitment = tc;
  s.full_transaction_commitment = ftc;
  s.excess = excess;
  s.supply_increase = supply;
  s.ledger = ledger;
  s.success = success;
  s.account_update_index = index;
  s.will_succeed = will_succeed;
  return s;
}

Result<Registers> read_registers(R& r) {
  MINA_TRY(first, r.read_field<Fp>());
  MINA_TRY(second, r.read_field<Fp>());
  MINA_TRY(data, r.read_field<Fp>());
  MINA_TRY(init, r.read_field<Fp>());
  MINA_TRY(curr, r.read_field<Fp>());
  MINA_TRY(local, read_local_state(r));
  return Registers{first, second, {data, init, curr}, local};
}

Result<LedgerProofStatement> read_statement(R& r) {
  LedgerProofStatement s;
  MINA_TRY(source, read_registers(r));
  MINA_TRY(target, read_registers(r));
  MINA_TRY(left, r.read_field<Fp>());
  MINA_TRY(right, r.read_field<Fp>());
  MINA_TRY(supply, read_signed(r));
  MINA_TRY(token_l, r.read_field<Fp>());
  MINA_TRY(excess_l, read_signed(r));
  MINA_TRY(token_r, r.read_field<Fp>());
  MINA_TRY(excess_r, read_signed(r));
  MINA_TRY(sok, r.read_unit());
  (void)sok;
  s.source = source;
  s.target = target;
  s.connecting_ledger_left = left;
  s.connecting_ledger_right = right;
  s.supply_increase = supply;
  s.fee_excess = {token_l, excess_l, token_r, excess_r};
  return s;
}

Result<BlockchainState> read_blockchain_state(R& r) {
  BlockchainState b;
  MINA_TRY(ledger_hash, r.read_field<Fp>());
  MINA_TRY(aux, read_string32(r, "aux_hash"));
  MINA_TRY(pca, read_string32(r, "pending_coinbase_aux"));
  MINA_TRY(pch, r.read_field<Fp>());
  MINA_TRY(genesis_ledger, r.read_field<Fp>());
  MINA_TRY(stmt, read_statement(r));
  MINA_TRY(timestamp, r.read_u64_as_int64());
  MINA_TRY(body_reference, read_string32(r, "body_reference"));
  b.staged_ledger_hash = {{ledger_hash, aux, pca}, pch};
  b.genesis_ledger_hash = genesis_ledger;
  b.ledger_proof_statement = stmt;
  b.timestamp = timestamp;
  b.body_reference = body_reference;
  return b;
}

Result<EpochData> read_epoch_data(R& r) {
  MINA_TRY(hash, r.read_field<Fp>());
  MINA_TRY(total, r.read_u64_as_int64());
  MINA_TRY(seed, r.read_field<Fp>());
  MINA_TRY(start, r.read_field<Fp>());
  MINA_TRY(lock, r.read_field<Fp>());
  MINA_TRY(length, read_u32(r));
  return EpochData{{hash, total}, seed, start, lock, length};
}

Result<ConsensusState> read_consensus_state(R& r) {
  ConsensusState c;
  MINA_TRY(length, read_u32(r));
  MINA_TRY(epoch_count, read_u32(r));
  MINA_TRY(min_density, read_u32(r));
  MINA_TRY(n, r.read_length(kMaxSubWindows));
  for (size_t i = 0; i < n; ++i) {
    MINA_TRY(d, read_u32(r));
    c.sub_window_densities.push_back(d);
  }
  MINA_TRY(vrf, read_string32(r, "last_vrf_output"));
  if (!vrf_output_is_canonical(vrf)) return Error{ErrorCode::kInvalidEncoding, "last_vrf_output: bits above the 253-bit output are set"};
  MINA_TRY(total, r.read_u64_as_int64());
  MINA_TRY(slot_number, read_tagged_u32(r, "Global_slot_since_hard_fork"));
  MINA_TRY(slots_per_epoch, read_u32(r));
  MINA_TRY(since_genesis, read_tagged_u32(r, "Global_slot_since_genesis"));
  MINA_TRY(staking, read_epoch_data(r));
  MINA_TRY(next, read_epoch_data(r));
  MINA_TRY(ancestor, r.read_bool());
  MINA_TRY(winner, read_public_key(r));
  MINA_TRY(creator, read_public_key(r));
  MINA_TRY(receiver, read_public_key(r));
  MINA_TRY(supercharge, r.read_bool());
  c.blockchain_length = length;
  c.epoch_count = epoch_count;
  c.min_window_density = min_density;
  c.last_vrf_output = vrf;
  c.total_currency = total;
  c.curr_global_slot_since_hard_fork = {slot_number, slots_per_epoch};
  c.global_slot_since_genesis = since_genesis;
  c.staking_epoch_data = staking;
  c.next_epoch_data = next;
  c.has_ancestor_in_same_checkpoint_window = ancestor;
  c.block_stake_winner = winner;
  c.block_creator = creator;
  c.coinbase_receiver = receiver;
  c.supercharge_coinbase = supercharge;
  return c;
}

Result<ProtocolConstants> read_constants(R& r) {
  ProtocolConstants c;
  MINA_TRY(k, read_u32(r));
  MINA_TRY(slots_per_epoch, read_u32(r));
  MINA_TRY(slots_per_sub_window, read_u32(r));
  MINA_TRY(grace, read_u32(r));
  MINA_TRY(delta, read_u32(r));
  MINA_TRY(timestamp, r.read_u64_as_int64());
  c.k = k;
  c.slots_per_epoch = slots_per_epoch;
  c.slots_per_sub_window = slots_per_sub_window;
  c.grace_period_slots = grace;
  c.delta = delta;
  c.genesis_state_timestamp = timestamp;
  return c;
}

}  // namespace

Result<ProtocolState> read_protocol_state_binprot(BinProtReader& r) {
  MINA_TRY(prev, r.read_field<Fp>());
  MINA_TRY(genesis, r.read_field<Fp>());
  MINA_TRY(bs, read_blockchain_state(r));
  MINA_TRY(cs, read_consensus_state(r));
  MINA_TRY(constants, read_constants(r));
  return ProtocolState{prev, ProtocolStateBody{genesis, std::move(bs), std::move(cs), constants}};
}

Result<ProtocolState> decode_protocol_state_binprot(ByteSpan bytes) {
  BinProtReader r(bytes);
  MINA_TRY(s, read_protocol_state_binprot(r));
  MINA_TRY(end, r.expect_end());
  (void)end;
  return s;
}

Result<BlockInput> decode_block_input(ByteSpan bytes) {
  constexpr size_t kHeader = 8;
  if (bytes.size() < kHeader) return Error{ErrorCode::kUnsupported, "not a block input: no size header"};
  uint64_t size = 0;
  for (size_t i = 0; i < kHeader; ++i) size |= uint64_t(bytes[i]) << (8 * i);
  if (size != bytes.size() - kHeader) return Error{ErrorCode::kUnsupported, "not a block input: size header does not match"};
  BinProtReader r(bytes.subspan(kHeader));
  MINA_TRY(chain_state, read_protocol_state_binprot(r));
  const size_t chain_proof_offset = kHeader + r.offset();
  // next_state = {previous_state_hash, body = {genesis_state_hash, …}}. Its genesis_state_hash is
  // chain.state's, or chain.state's own hash when next_state starts a chain from it (the genesis
  // input records a zero genesis_state_hash; the devnet test chains also restart from a state).
  const StateHash chain_hash = state_hash(chain_state);
  const size_t from = kHeader + r.offset() + 32;
  for (const Fp& genesis : {chain_state.body.genesis_state_hash, chain_hash}) {
    const auto needle = genesis.to_bytes_le();
    auto it = bytes.begin() + std::ptrdiff_t(std::min(from, bytes.size()));
    while ((it = std::search(it, bytes.end(), needle.begin(), needle.end())) != bytes.end()) {
      BinProtReader at(bytes.subspan(size_t(it - bytes.begin()) - 32));
      if (auto next = read_protocol_state_binprot(at);
          next.ok() && next->body.consensus_state.blockchain_length == chain_state.body.consensus_state.blockchain_length + 1)
        return BlockInput{std::move(chain_state), std::move(next).value(), chain_proof_offset};
      ++it;
    }
  }
  return Error{ErrorCode::kMalformedBinProt, "block input: no next_state descending from chain.state"};
}

}  // namespace mina
