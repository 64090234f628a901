#include "mina/protocol_state_json.hpp"

#include "mina/json_reader.hpp"

namespace mina {
namespace {

namespace jr = json_reader;
namespace ver = json_reader::version;
using Json = jr::Json;

// Reads member `key` of `j` with `read(value, path)`.
template <class F>
auto get(const Json& j, std::string_view key, const std::string& path, F read) -> decltype(read(j, path)) {
  MINA_TRY(v, jr::member(j, key, path));
  return read(*v, path + "." + std::string(key));
}

auto field_of(uint8_t version) {
  return [version](const Json& v, const std::string& p) { return jr::field_hash(v, version, p); };
}

Result<SignedAmount> signed_amount(const Json& j, const std::string& path) {
  SignedAmount a;
  MINA_TRY(m, get(j, "magnitude", path, jr::u64));
  MINA_TRY(neg, get(j, "sgn", path, jr::sgn_is_negative));
  a.magnitude = m;
  a.is_negative = neg;
  return a;
}

Result<LocalState> local_state(const Json& j, const std::string& path) {
  LocalState s;
  MINA_TRY(stack_frame, get(j, "stack_frame", path, jr::field_hex));
  MINA_TRY(call_stack, get(j, "call_stack", path, jr::field_hex));
  MINA_TRY(tc, get(j, "transaction_commitment", path, jr::field_hex));
  MINA_TRY(ftc, get(j, "full_transaction_commitment", path, jr::field_hex));
  s.stack_frame = stack_frame;
  s.call_stack = call_stack;
  s.transaction_commitment = tc;
  s.full_transaction_commitment = ftc;
  if (const Json* t = jr::optional_member(j, "token_id")) {
    MINA_TRY(token, jr::token_id(*t, path + ".token_id"));
    s.token_id = token;
  }
  MINA_TRY(excess, get(j, "excess", path, signed_amount));
  MINA_TRY(supply, get(j, "supply_increase", path, signed_amount));
  MINA_TRY(ledger, get(j, "ledger", path, field_of(ver::kLedgerHash)));
  MINA_TRY(success, get(j, "success", path, jr::boolean));
  MINA_TRY(index, get(j, "account_update_index", path, jr::u32));
  MINA_TRY(tbl, jr::member(j, "failure_status_tbl", path));
  if (!tbl->is_array()) return Error{ErrorCode::kMalformedJson, path + ".failure_status_tbl: expected an array"};
  MINA_TRY(will_succeed, get(j, "will_succeed", path, jr::boolean));
  s.excess = excess;
  s.supply_increase = supply;
  s.ledger = ledger;
  s.success = success;
  s.account_update_index = index;
  s.will_succeed = will_succeed;
  return s;
}

Result<Registers> registers(const Json& j, const std::string& path) {
  Registers r;
  MINA_TRY(first, get(j, "first_pass_ledger", path, field_of(ver::kLedgerHash)));
  MINA_TRY(second, get(j, "second_pass_ledger", path, field_of(ver::kLedgerHash)));
  MINA_TRY(stack, jr::member(j, "pending_coinbase_stack", path));
  std::string sp = path + ".pending_coinbase_stack";
  MINA_TRY(data, get(*stack, "data", sp, field_of(ver::kCoinbaseStackData)));
  MINA_TRY(state, jr::member(*stack, "state", sp));
  MINA_TRY(init, get(*state, "init", sp + ".state", field_of(ver::kCoinbaseStackHash)));
  MINA_TRY(curr, get(*state, "curr", sp + ".state", field_of(ver::kCoinbaseStackHash)));
  MINA_TRY(local, get(j, "local_state", path, local_state));
  r.first_pass_ledger = first;
  r.second_pass_ledger = second;
  r.pending_coinbase_stack = {data, init, curr};
  r.local_state = local;
  return r;
}

Result<FeeExcess> fee_excess(const Json& j, const std::string& path) {
  if (!j.is_array() || j.size() != 2) return Error{ErrorCode::kMalformedJson, path + ": expected two {token, amount}"};
  MINA_TRY(token_l, get(j[0], "token", path + "[0]", jr::token_id));
  MINA_TRY(amount_l, get(j[0], "amount", path + "[0]", signed_amount));
  MINA_TRY(token_r, get(j[1], "token", path + "[1]", jr::token_id));
  MINA_TRY(amount_r, get(j[1], "amount", path + "[1]", signed_amount));
  return FeeExcess{token_l, amount_l, token_r, amount_r};
}

Result<LedgerProofStatement> statement(const Json& j, const std::string& path) {
  LedgerProofStatement s;
  MINA_TRY(source, get(j, "source", path, registers));
  MINA_TRY(target, get(j, "target", path, registers));
  MINA_TRY(left, get(j, "connecting_ledger_left", path, field_of(ver::kLedgerHash)));
  MINA_TRY(right, get(j, "connecting_ledger_right", path, field_of(ver::kLedgerHash)));
  MINA_TRY(supply, get(j, "supply_increase", path, signed_amount));
  MINA_TRY(fees, get(j, "fee_excess", path, fee_excess));
  // sok_digest is unit here (printed as null).
  if (const Json* sok = jr::optional_member(j, "sok_digest"); sok && !sok->is_null())
    return Error{ErrorCode::kMalformedJson, path + ".sok_digest: must be null in a protocol state"};
  s.source = source;
  s.target = target;
  s.connecting_ledger_left = left;
  s.connecting_ledger_right = right;
  s.supply_increase = supply;
  s.fee_excess = fees;
  return s;
}

Result<BlockchainState> blockchain_state(const Json& j, const std::string& path) {
  BlockchainState b;
  MINA_TRY(slh, jr::member(j, "staged_ledger_hash", path));
  std::string sp = path + ".staged_ledger_hash";
  MINA_TRY(ns, jr::member(*slh, "non_snark", sp));
  std::string np = sp + ".non_snark";
  MINA_TRY(ledger_hash, get(*ns, "ledger_hash", np, field_of(ver::kLedgerHash)));
  MINA_TRY(aux, get(*ns, "aux_hash", np, [](const Json& v, const std::string& p) { return jr::raw_hash(v, ver::kStagedLedgerAuxHash, p); }));
  MINA_TRY(pca, get(*ns, "pending_coinbase_aux", np, [](const Json& v, const std::string& p) { return jr::raw_hash(v, ver::kPendingCoinbaseAux, p); }));
  MINA_TRY(pch, get(*slh, "pending_coinbase_hash", sp, field_of(ver::kPendingCoinbaseHash)));
  MINA_TRY(genesis_ledger, get(j, "genesis_ledger_hash", path, field_of(ver::kLedgerHash)));
  MINA_TRY(stmt, get(j, "ledger_proof_statement", path, statement));
  MINA_TRY(timestamp, get(j, "timestamp", path, jr::u64));
  MINA_TRY(body_reference, get(j, "body_reference", path, jr::hex32));
  b.staged_ledger_hash = {{ledger_hash, aux, pca}, pch};
  b.genesis_ledger_hash = genesis_ledger;
  b.ledger_proof_statement = stmt;
  b.timestamp = timestamp;
  b.body_reference = body_reference;
  return b;
}

Result<EpochData> epoch_data(const Json& j, const std::string& path) {
  EpochData e;
  MINA_TRY(ledger, jr::member(j, "ledger", path));
  MINA_TRY(hash, get(*ledger, "hash", path + ".ledger", field_of(ver::kLedgerHash)));
  MINA_TRY(total, get(*ledger, "total_currency", path + ".ledger", jr::u64));
  MINA_TRY(seed, get(j, "seed", path, field_of(ver::kEpochSeed)));
  MINA_TRY(start, get(j, "start_checkpoint", path, field_of(ver::kStateHash)));
  MINA_TRY(lock, get(j, "lock_checkpoint", path, field_of(ver::kStateHash)));
  MINA_TRY(length, get(j, "epoch_length", path, jr::u32));
  e.ledger = {hash, total};
  e.seed = seed;
  e.start_checkpoint = start;
  e.lock_checkpoint = lock;
  e.epoch_length = length;
  return e;
}

Result<std::vector<uint32_t>> densities(const Json& j, const std::string& path) {
  if (!j.is_array()) return Error{ErrorCode::kMalformedJson, path + ": expected an array"};
  if (j.size() > kMaxSubWindows) return Error{ErrorCode::kLimitExceeded, path + ": too many sub-windows"};
  std::vector<uint32_t> out;
  for (size_t i = 0; i < j.size(); ++i) {
    MINA_TRY(d, jr::u32(j[i], path + "[" + std::to_string(i) + "]"));
    out.push_back(d);
  }
  return out;
}

Result<ConsensusState> consensus_state(const Json& j, const std::string& path) {
  ConsensusState c;
  MINA_TRY(length, get(j, "blockchain_length", path, jr::u32));
  MINA_TRY(epoch_count, get(j, "epoch_count", path, jr::u32));
  MINA_TRY(min_density, get(j, "min_window_density", path, jr::u32));
  MINA_TRY(subs, get(j, "sub_window_densities", path, densities));
  MINA_TRY(vrf, get(j, "last_vrf_output", path, jr::base64_32));
  if (!vrf_output_is_canonical(vrf))
    return Error{ErrorCode::kInvalidEncoding, path + ".last_vrf_output: bits above the 253-bit output are set"};
  MINA_TRY(total, get(j, "total_currency", path, jr::u64));
  MINA_TRY(slot, jr::member_either(j, "curr_global_slot_since_hard_fork", "curr_global_slot", path));
  std::string sp = path + ".curr_global_slot_since_hard_fork";
  MINA_TRY(slot_number, get(*slot, "slot_number", sp, jr::u32));
  MINA_TRY(slots_per_epoch, get(*slot, "slots_per_epoch", sp, jr::u32));
  MINA_TRY(since_genesis, get(j, "global_slot_since_genesis", path, jr::u32));
  MINA_TRY(staking, get(j, "staking_epoch_data", path, epoch_data));
  MINA_TRY(next, get(j, "next_epoch_data", path, epoch_data));
  MINA_TRY(ancestor, get(j, "has_ancestor_in_same_checkpoint_window", path, jr::boolean));
  MINA_TRY(winner, get(j, "block_stake_winner", path, jr::public_key));
  MINA_TRY(creator, get(j, "block_creator", path, jr::public_key));
  MINA_TRY(receiver, get(j, "coinbase_receiver", path, jr::public_key));
  MINA_TRY(supercharge, get(j, "supercharge_coinbase", path, jr::boolean));
  c.blockchain_length = length;
  c.epoch_count = epoch_count;
  c.min_window_density = min_density;
  c.sub_window_densities = std::move(subs);
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

Result<ProtocolConstants> constants(const Json& j, const std::string& path) {
  ProtocolConstants c;
  MINA_TRY(k, get(j, "k", path, jr::u32));
  MINA_TRY(slots_per_epoch, get(j, "slots_per_epoch", path, jr::u32));
  MINA_TRY(slots_per_sub_window, get(j, "slots_per_sub_window", path, jr::u32));
  if (const Json* g = jr::optional_member(j, "grace_period_slots")) {
    MINA_TRY(grace, jr::u32(*g, path + ".grace_period_slots"));
    c.grace_period_slots = grace;
  }
  MINA_TRY(delta, get(j, "delta", path, jr::u32));
  MINA_TRY(timestamp, get(j, "genesis_state_timestamp", path, jr::u64));
  c.k = k;
  c.slots_per_epoch = slots_per_epoch;
  c.slots_per_sub_window = slots_per_sub_window;
  c.delta = delta;
  c.genesis_state_timestamp = timestamp;
  return c;
}

Result<ProtocolStateBody> body(const Json& j, const std::string& path) {
  MINA_TRY(genesis, get(j, "genesis_state_hash", path, field_of(ver::kStateHash)));
  MINA_TRY(bs, get(j, "blockchain_state", path, blockchain_state));
  MINA_TRY(cs, get(j, "consensus_state", path, consensus_state));
  MINA_TRY(cst, get(j, "constants", path, constants));
  return ProtocolStateBody{genesis, std::move(bs), std::move(cs), cst};
}

}  // namespace

Result<ProtocolState> decode_protocol_state_json(const nlohmann::json& j) {
  const std::string path = "protocol_state";
  MINA_TRY(prev, get(j, "previous_state_hash", path, field_of(ver::kStateHash)));
  MINA_TRY(b, get(j, "body", path, body));
  return ProtocolState{prev, std::move(b)};
}

Result<ProtocolState> decode_protocol_state_json(std::string_view text) {
  MINA_TRY(j, json_reader::parse_document(text, "protocol state"));
  return decode_protocol_state_json(j);
}

}  // namespace mina
