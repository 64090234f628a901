// The local test network (js/local): its ledger, its blocks, and the dummy-proof checks a light
// node in `proofs: 'dummy'` mode makes in place of the SNARK.
//
//   new LocalLedger()                     in-memory depth-35 ledger (core/ledger/local_ledger.hpp);
//     .setAccount(accountJson) → {index}  a GraphQL-shaped account (account_json.hpp); replaces
//                                         the account with the same (publicKey, tokenId)
//     .account(publicKey, tokenId) → JSON text of the GraphQL answer with leafHash, merklePath and
//                                         index, or null;   .accountAt(index) likewise
//     .root() → "jx…";  .size();  .delete() when done (embind)
//   localNewAccount(publicKey, tokenId, balance, withZkapp) → GraphQL account JSON text of
//     Account.create (with Zkapp_account.default when withZkapp); tokenId "" = MINA
//   localGenesisBlock(networkId, ledgerHash, totalCurrency, timestampMs, producer)
//   localNextBlock(parentBlockText, ledgerHash, totalCurrency)
//     → {block (precomputed-block JSON text with the dummy proof), stateHash, height}
//   localCheckBlock(blockText, genesisStateHash) → {valid, reason?, stateHash, previousStateHash,
//     height}: the block and its proof must decode (else a typed error); the state hash is
//     computed; the block must belong to the chain whose genesis block hashes to genesisStateHash
//     (an empty genesisStateHash skips only that check). The SNARK is NOT verified: dummy mode.
//   localSelectChain(tipText, candidateText) → {take, rule}: Mina's fork choice with the
//     constants the states carry (a local network has no network profile).
// Amounts are decimal strings (u64 exceeds JS's safe integers).
#include <emscripten/bind.h>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "encoding/base58.hpp"
#include "encoding/base64.hpp"
#include "field/u256.hpp"
#include "hash/blake2b.hpp"
#include "js_value.hpp"
#include "ledger/account_json.hpp"
#include "ledger/local_ledger.hpp"
#include "mina/block_file.hpp"
#include "mina/consensus.hpp"
#include "mina/local_chain.hpp"
#include "mina/protocol_state_json_write.hpp"
#include "mina/state_hash.hpp"
#include "pickles/block_proof.hpp"
#include "pickles/decode.hpp"
#include "pickles/dummy_proof.hpp"

namespace mina::bindings {
namespace {

Result<uint64_t> parse_u64(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
    return Error{ErrorCode::kMalformedNumber, std::string(what) + " must be a decimal string"};
  MINA_TRY(u, parse_u256(text));
  if (u.w[1] | u.w[2] | u.w[3]) return Error{ErrorCode::kMalformedNumber, std::string(what) + " exceeds 64 bits"};
  return u.w[0];
}

Result<Fp> parse_ledger_hash(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) return Fp::parse(text);
  return decode_field_hash(text, VersionByte::kLedgerHash);
}

Result<Fp> parse_token(const std::string& text) {
  if (text.empty()) return Fp::one();  // the MINA token
  return decode_field_hash(text, VersionByte::kTokenId);
}

// The "negative one" hash the genesis block links to: one per network id, so two local networks
// with the same ledger still have different genesis blocks.
Fp negative_one_hash(const std::string& network_id) {
  Bytes d = blake2b_256(ByteSpan(reinterpret_cast<const uint8_t*>(network_id.data()), network_id.size()));
  d[31] &= 0x3f;  // below the Pallas modulus
  return *Fp::from_bytes_le(d);
}

// The block the local network serves: a precomputed block with the dummy proof.
Result<val> block_value(const ProtocolState& state) {
  static const std::string proof = [] {
    auto bytes = pickles::encode_proof_binprot(pickles::dummy_wrap_proof());
    return bytes ? base64_encode(ByteSpan(*bytes), Base64Alphabet::kUrlSafe, false) : std::string();
  }();
  if (proof.empty()) return Error{ErrorCode::kInvalidArgument, "the dummy proof did not encode"};
  nlohmann::json block{{"version", 3},
                       {"data", {{"protocol_state", encode_protocol_state_json(state)}, {"protocol_state_proof", proof}}}};
  val out = val::object();
  out.set("block", block.dump());
  out.set("stateHash", state_hash_base58(state_hash(state)));
  out.set("height", state.body.consensus_state.blockchain_length);
  return out;
}

val local_genesis_block(std::string network_id, std::string ledger_hash, std::string total_currency, std::string timestamp_ms,
                        std::string producer) {
  return guarded([&] {
    LocalGenesis g;
    auto root = parse_ledger_hash(ledger_hash);
    if (!root) return error_value(root.error());
    auto total = parse_u64(total_currency, "totalCurrency");
    if (!total) return error_value(total.error());
    auto ts = parse_u64(timestamp_ms, "timestampMs");
    if (!ts) return error_value(ts.error());
    auto pk = decode_public_key(producer);
    if (!pk) return error_value(pk.error());
    g.ledger_hash = *root;
    g.total_currency = *total;
    g.timestamp_ms = *ts;
    g.producer = *pk;
    g.negative_one_hash = negative_one_hash(network_id);
    auto out = block_value(local_genesis_state(g));
    return out ? *out : error_value(out.error());
  });
}

val local_next_block(std::string parent_text, std::string ledger_hash, std::string total_currency) {
  return guarded([&] {
    auto parent = decode_block_json(parent_text);
    if (!parent) return error_value(parent.error());
    auto root = parse_ledger_hash(ledger_hash);
    if (!root) return error_value(root.error());
    auto total = parse_u64(total_currency, "totalCurrency");
    if (!total) return error_value(total.error());
    auto out = block_value(next_local_state(parent->protocol_state, *root, *total));
    return out ? *out : error_value(out.error());
  });
}

val local_check_block(std::string block_text, std::string genesis_state_hash) {
  return guarded([&] {
    auto file = decode_block_json(block_text);
    if (!file) return error_value(file.error());
    // Structure: the proof must be there and decode as a block proof, even though it is not
    // verified in dummy mode.
    auto bytes = ByteSpan(reinterpret_cast<const uint8_t*>(block_text.data()), block_text.size());
    auto proof = pickles::decode_block_proof_file(bytes);
    if (!proof) return error_value(proof.error());
    const ProtocolState& s = file->protocol_state;
    const StateHash h = state_hash(s);
    val out = val::object();
    out.set("stateHash", state_hash_base58(h));
    out.set("previousStateHash", state_hash_base58(s.previous_state_hash));
    out.set("height", s.body.consensus_state.blockchain_length);
    std::string reason;
    if (!genesis_state_hash.empty()) {
      auto genesis = parse_state_hash(genesis_state_hash);
      if (!genesis) return error_value(genesis.error());
      const bool is_genesis = s.body.consensus_state.blockchain_length == 1;
      if (is_genesis ? h != *genesis : s.body.genesis_state_hash != *genesis) reason = "genesis";
    }
    out.set("valid", reason.empty());
    if (!reason.empty()) out.set("reason", reason);
    return out;
  });
}

val local_select_chain(std::string tip_text, std::string candidate_text) {
  return guarded([&] {
    auto tip = decode_block_json(tip_text);
    if (!tip) return error_value(tip.error());
    auto candidate = decode_block_json(candidate_text);
    if (!candidate) return error_value(candidate.error());
    Selection s = select_chain(tip->protocol_state, candidate->protocol_state);
    val out = val::object();
    out.set("take", s.take);
    out.set("rule", selection_rule_name(s));
    return out;
  });
}

val local_new_account(std::string public_key, std::string token_id, std::string balance, bool with_zkapp) {
  return guarded([&] {
    auto pk = decode_public_key(public_key);
    if (!pk) return error_value(pk.error());
    auto token = parse_token(token_id);
    if (!token) return error_value(token.error());
    auto amount = parse_u64(balance, "balance");
    if (!amount) return error_value(amount.error());
    ledger::Account a = ledger::create_account(*pk, *token, *amount);
    if (with_zkapp) a.zkapp = ledger::ZkappAccount::default_account();
    return val(ledger::account_to_graphql_json(a).dump());
  });
}

// The embind face of ledger::LocalLedger: JSON text in and out, errors as {error}.
class LocalLedgerBinding {
 public:
  val set_account(std::string account_json) {
    return guarded([&] {
      auto a = ledger::decode_graphql_account(account_json);
      if (!a) return error_value(a.error());
      auto index = ledger_.set(a->account);
      if (!index) return error_value(index.error());
      val out = val::object();
      out.set("index", double(*index));
      return out;
    });
  }
  val account(std::string public_key, std::string token_id) {
    return guarded([&] {
      auto pk = decode_public_key(public_key);
      if (!pk) return error_value(pk.error());
      auto token = parse_token(token_id);
      if (!token) return error_value(token.error());
      auto index = ledger_.index_of(*pk, *token);
      if (!index) return val::null();
      return printed(*index);
    });
  }
  val account_at(double index) {
    return guarded([&] {
      if (!(index >= 0) || index >= double(ledger_.size())) return val::null();
      return printed(uint64_t(index));
    });
  }
  std::string root() const { return encode_field_hash(ledger_.root(), VersionByte::kLedgerHash); }
  double size() const { return double(ledger_.size()); }

 private:
  val printed(uint64_t index) const {
    auto j = ledger_.account_json(index);
    if (!j) return error_value(j.error());
    return val(j->dump());
  }
  ledger::LocalLedger ledger_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(mina_local) {
  emscripten::class_<LocalLedgerBinding>("LocalLedger")
      .constructor<>()
      .function("setAccount", &LocalLedgerBinding::set_account)
      .function("account", &LocalLedgerBinding::account)
      .function("accountAt", &LocalLedgerBinding::account_at)
      .function("root", &LocalLedgerBinding::root)
      .function("size", &LocalLedgerBinding::size);
  emscripten::function("localNewAccount", &local_new_account);
  emscripten::function("localGenesisBlock", &local_genesis_block);
  emscripten::function("localNextBlock", &local_next_block);
  emscripten::function("localCheckBlock", &local_check_block);
  emscripten::function("localSelectChain", &local_select_chain);
}

}  // namespace mina::bindings
