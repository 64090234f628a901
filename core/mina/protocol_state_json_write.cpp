#include "mina/protocol_state_json_write.hpp"

#include <string>

#include "encoding/base58.hpp"
#include "encoding/base64.hpp"
#include "field/u256.hpp"
#include "mina/json_reader.hpp"

namespace mina {
namespace {

namespace ver = json_reader::version;
using Json = nlohmann::json;

// Field-valued hashes travel as base58check of a 0x01 tag + 32 little-endian bytes.
std::string versioned_field(const Fp& x, uint8_t version) {
  Bytes payload{0x01};
  const auto le = x.to_bytes_le();
  payload.insert(payload.end(), le.begin(), le.end());
  return base58check_encode(version, ByteSpan(payload));
}

std::string raw_hash(const Bytes32& bytes, uint8_t version) { return base58check_encode(version, ByteSpan(bytes)); }

std::string hex32(const Bytes32& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

std::string u(uint64_t x) { return std::to_string(x); }
std::string token(const Fp& x) { return encode_field_hash(x, VersionByte::kTokenId); }
Json signed_amount(const SignedAmount& a) { return Json{{"magnitude", u(a.magnitude)}, {"sgn", Json::array({a.is_negative ? "Neg" : "Pos"})}}; }

Json local_state(const LocalState& s) {
  Json j{{"stack_frame", to_hex(s.stack_frame.to_int())},
         {"call_stack", to_hex(s.call_stack.to_int())},
         {"transaction_commitment", to_hex(s.transaction_commitment.to_int())},
         {"full_transaction_commitment", to_hex(s.full_transaction_commitment.to_int())}};
  if (s.token_id) j["token_id"] = token(*s.token_id);
  j["excess"] = signed_amount(s.excess);
  j["supply_increase"] = signed_amount(s.supply_increase);
  j["ledger"] = versioned_field(s.ledger, ver::kLedgerHash);
  j["success"] = s.success;
  j["account_update_index"] = u(s.account_update_index);
  j["failure_status_tbl"] = Json::array();
  j["will_succeed"] = s.will_succeed;
  return j;
}

Json registers(const Registers& r) {
  return Json{{"first_pass_ledger", versioned_field(r.first_pass_ledger, ver::kLedgerHash)},
              {"second_pass_ledger", versioned_field(r.second_pass_ledger, ver::kLedgerHash)},
              {"pending_coinbase_stack",
               {{"data", versioned_field(r.pending_coinbase_stack.data, ver::kCoinbaseStackData)},
                {"state",
                 {{"init", versioned_field(r.pending_coinbase_stack.state_init, ver::kCoinbaseStackHash)},
                  {"curr", versioned_field(r.pending_coinbase_stack.state_curr, ver::kCoinbaseStackHash)}}}}},
              {"local_state", local_state(r.local_state)}};
}

Json blockchain_state(const BlockchainState& b) {
  const LedgerProofStatement& s = b.ledger_proof_statement;
  Json statement{{"source", registers(s.source)},
                 {"target", registers(s.target)},
                 {"connecting_ledger_left", versioned_field(s.connecting_ledger_left, ver::kLedgerHash)},
                 {"connecting_ledger_right", versioned_field(s.connecting_ledger_right, ver::kLedgerHash)},
                 {"supply_increase", signed_amount(s.supply_increase)},
                 {"fee_excess",
                  Json::array({Json{{"token", token(s.fee_excess.fee_token_l)}, {"amount", signed_amount(s.fee_excess.fee_excess_l)}},
                               Json{{"token", token(s.fee_excess.fee_token_r)}, {"amount", signed_amount(s.fee_excess.fee_excess_r)}}})},
                 {"sok_digest", nullptr}};
  const NonSnarkStagedLedgerHash& ns = b.staged_ledger_hash.non_snark;
  return Json{{"staged_ledger_hash",
               {{"non_snark",
                 {{"ledger_hash", versioned_field(ns.ledger_hash, ver::kLedgerHash)},
                  {"aux_hash", raw_hash(ns.aux_hash, ver::kStagedLedgerAuxHash)},
                  {"pending_coinbase_aux", raw_hash(ns.pending_coinbase_aux, ver::kPendingCoinbaseAux)}}},
                {"pending_coinbase_hash", versioned_field(b.staged_ledger_hash.pending_coinbase_hash, ver::kPendingCoinbaseHash)}}},
              {"genesis_ledger_hash", versioned_field(b.genesis_ledger_hash, ver::kLedgerHash)},
              {"ledger_proof_statement", statement},
              {"timestamp", u(b.timestamp)},
              {"body_reference", hex32(b.body_reference)}};
}

Json epoch_data(const EpochData& e) {
  return Json{{"ledger", {{"hash", versioned_field(e.ledger.hash, ver::kLedgerHash)}, {"total_currency", u(e.ledger.total_currency)}}},
              {"seed", versioned_field(e.seed, ver::kEpochSeed)},
              {"start_checkpoint", versioned_field(e.start_checkpoint, ver::kStateHash)},
              {"lock_checkpoint", versioned_field(e.lock_checkpoint, ver::kStateHash)},
              {"epoch_length", u(e.epoch_length)}};
}

Json consensus_state(const ConsensusState& c) {
  Json densities = Json::array();
  for (uint32_t d : c.sub_window_densities) densities.push_back(u(d));
  return Json{{"blockchain_length", u(c.blockchain_length)},
              {"epoch_count", u(c.epoch_count)},
              {"min_window_density", u(c.min_window_density)},
              {"sub_window_densities", densities},
              {"last_vrf_output", base64_encode(ByteSpan(c.last_vrf_output), Base64Alphabet::kUrlSafe, true)},
              {"total_currency", u(c.total_currency)},
              {"curr_global_slot_since_hard_fork",
               {{"slot_number", u(c.curr_global_slot_since_hard_fork.slot_number)},
                {"slots_per_epoch", u(c.curr_global_slot_since_hard_fork.slots_per_epoch)}}},
              {"global_slot_since_genesis", u(c.global_slot_since_genesis)},
              {"staking_epoch_data", epoch_data(c.staking_epoch_data)},
              {"next_epoch_data", epoch_data(c.next_epoch_data)},
              {"has_ancestor_in_same_checkpoint_window", c.has_ancestor_in_same_checkpoint_window},
              {"block_stake_winner", encode_public_key(c.block_stake_winner)},
              {"block_creator", encode_public_key(c.block_creator)},
              {"coinbase_receiver", encode_public_key(c.coinbase_receiver)},
              {"supercharge_coinbase", c.supercharge_coinbase}};
}

Json constants(const ProtocolConstants& c) {
  Json j{{"k", u(c.k)}, {"slots_per_epoch", u(c.slots_per_epoch)}, {"slots_per_sub_window", u(c.slots_per_sub_window)}};
  if (c.grace_period_slots) j["grace_period_slots"] = u(*c.grace_period_slots);
  j["delta"] = u(c.delta);
  j["genesis_state_timestamp"] = u(c.genesis_state_timestamp);
  return j;
}

}  // namespace

Json encode_protocol_state_json(const ProtocolState& s) {
  return Json{{"previous_state_hash", versioned_field(s.previous_state_hash, ver::kStateHash)},
              {"body",
               {{"genesis_state_hash", versioned_field(s.body.genesis_state_hash, ver::kStateHash)},
                {"blockchain_state", blockchain_state(s.body.blockchain_state)},
                {"consensus_state", consensus_state(s.body.consensus_state)},
                {"constants", constants(s.body.constants)}}}};
}

}  // namespace mina
