#include "mina/zkapp_command.hpp"

#include <limits>
#include <span>

#include "encoding/base58.hpp"
#include "hash/poseidon.hpp"
#include "ledger/account.hpp"
#include "ledger/account_hash.hpp"
#include "ledger/random_oracle_input.hpp"
#include "mina/json_reader.hpp"
#include "mina/legacy_signature.hpp"

namespace mina::zkapp {
namespace {

using json_reader::Json;
using ledger::ChunkedInput;

// ---- prefixes (Hash_prefix; o1js bindings/crypto/constants) ----
constexpr const char* kEventPrefix = "MinaZkappEvent******";
constexpr const char* kEventsPrefix = "MinaZkappEvents*****";
constexpr const char* kActionsPrefix = "MinaZkappSeqEvents**";
constexpr const char* kConsPrefix = "MinaAcctUpdateCons**";
constexpr const char* kNodePrefix = "MinaAcctUpdateNode**";
constexpr const char* kMemoPrefix = "MinaZkappMemo*******";
constexpr const char* kUriPrefix = "MinaZkappUri********";
// Salted without '*' padding: the digest of the state after absorbing the phrase alone.
constexpr const char* kEventsEmpty = "MinaZkappEventsEmpty";
constexpr const char* kActionsEmpty = "MinaZkappActionsEmpty";
// Pickles' dummy verification key hash: what authorizationKind carries when nothing is proved.
constexpr const char* kDummyVkHash = "3392518251768960475377392625298437850623664973002200885669375116181514017494";
constexpr uint32_t kTxnVersion = 3;  // protocolVersions.txnVersion, the empty setVerificationKey version

const char* body_prefix(NetworkId network) {
  return network == NetworkId::kMainnet ? "MainnetZkappBody****" : "TestnetZkappBody****";
}

Fp hash_with(const char* prefix, std::span<const Fp> input) { return poseidon::hash_with_prefix<Fp>(prefix, input); }
Fp hash_pair(const char* prefix, const Fp& a, const Fp& b) {
  const Fp in[2] = {a, b};
  return hash_with(prefix, in);
}
Fp empty_digest(const char* phrase) { return poseidon::salt<Fp>(phrase)[0]; }

const Fp& dummy_vk_hash() {
  static const Fp h = *Fp::parse(kDummyVkHash);
  return h;
}

Error at(const std::string& path, const Error& e) { return Error{e.code, path + ": " + e.message}; }
Error malformed(const std::string& path, const std::string& what) {
  return Error{ErrorCode::kMalformedJson, path + ": " + what};
}

// ---- leaves ----

Result<const Json*> key(const Json& obj, const char* name, const std::string& path) {
  return json_reader::member(obj, name, path);
}

Result<Fp> field(const Json& j, const std::string& path) {
  MINA_TRY(s, json_reader::string(j, path));
  auto f = Fp::parse(s);
  if (!f) return at(path, f.error());
  return *f;
}

Result<ChunkedInput> field_input(const Json& j, const std::string& path) {
  MINA_TRY(f, field(j, path));
  ChunkedInput in;
  in.field(f);
  return in;
}

Result<ChunkedInput> bool_input(const Json& j, const std::string& path) {
  MINA_TRY(b, json_reader::boolean(j, path));
  ChunkedInput in;
  in.boolean(b);
  return in;
}

Result<ChunkedInput> public_key_input(const Json& j, const std::string& path) {
  MINA_TRY(pk, json_reader::public_key(j, path));
  return ledger::public_key_input(pk);
}

Result<ChunkedInput> uint_input(const Json& j, unsigned bits, const std::string& path) {
  ChunkedInput in;
  if (bits == 32) {
    MINA_TRY(v, json_reader::u32(j, path));
    in.uint(v, 32);
  } else {
    MINA_TRY(v, json_reader::u64(j, path));
    in.uint(v, 64);
  }
  return in;
}

Result<ledger::AuthRequired> auth_required(const Json& j, const std::string& path) {
  MINA_TRY(s, json_reader::string(j, path));
  if (s == "None") return ledger::AuthRequired::kNone;
  if (s == "Either") return ledger::AuthRequired::kEither;
  if (s == "Proof") return ledger::AuthRequired::kProof;
  if (s == "Signature") return ledger::AuthRequired::kSignature;
  if (s == "Impossible") return ledger::AuthRequired::kImpossible;
  return malformed(path, "expected None, Either, Proof, Signature or Impossible");
}

// ---- options: the flag bit first among the packed items, then the value (or its empty) ----

template <class Reader, class Empty>
Result<ChunkedInput> flagged(const Json& j, const std::string& path, Reader read, Empty empty) {
  ChunkedInput in;
  in.boolean(!j.is_null());
  if (j.is_null()) {
    in.append(empty());
    return in;
  }
  MINA_TRY(value, read(j, path));
  in.append(value);
  return in;
}

ChunkedInput zero_field() {
  ChunkedInput in;
  in.field(Fp::zero());
  return in;
}

Result<ChunkedInput> flagged_field(const Json& j, const std::string& path, Fp empty = Fp::zero()) {
  return flagged(j, path, field_input, [&] {
    ChunkedInput in;
    in.field(empty);
    return in;
  });
}

// closedInterval: {lower, upper}; absent = the type's full range.
Result<ChunkedInput> interval(const Json& j, unsigned bits, const std::string& path) {
  ChunkedInput in;
  in.boolean(!j.is_null());
  if (j.is_null()) {
    in.uint(0, bits);
    in.uint(bits == 32 ? std::numeric_limits<uint32_t>::max() : std::numeric_limits<uint64_t>::max(), bits);
    return in;
  }
  MINA_TRY(lower, key(j, "lower", path));
  MINA_TRY(upper, key(j, "upper", path));
  MINA_TRY(lo, uint_input(*lower, bits, path + ".lower"));
  MINA_TRY(hi, uint_input(*upper, bits, path + ".upper"));
  in.append(lo);
  in.append(hi);
  return in;
}

Result<ChunkedInput> flagged_fields8(const Json& j, const std::string& path) {
  if (!j.is_array() || j.size() != 8) return malformed(path, "expected 8 entries");
  ChunkedInput in;
  for (size_t i = 0; i < 8; ++i) {
    MINA_TRY(e, flagged_field(j[i], path + "[" + std::to_string(i) + "]"));
    in.append(e);
  }
  return in;
}

Result<ChunkedInput> flagged_public_key(const Json& j, const std::string& path) {
  return flagged(j, path, public_key_input, [] { return ledger::public_key_input({Fp::zero(), false}); });
}

Result<ChunkedInput> flagged_bool(const Json& j, const std::string& path) {
  return flagged(j, path, bool_input, [] {
    ChunkedInput in;
    in.boolean(false);
    return in;
  });
}

// ---- events and actions: a list of field lists, hashed from the last to the first ----

Result<Fp> events_hash(const Json& j, const char* list_prefix, const char* empty_phrase, const std::string& path) {
  if (!j.is_array()) return malformed(path, "expected an array of field arrays");
  size_t total = 0;
  for (const Json& e : j) total += e.is_array() ? e.size() : 0;
  if (total > kMaxEventFields) return Error{ErrorCode::kLimitExceeded, path + ": too many fields"};
  Fp acc = empty_digest(empty_phrase);
  for (size_t i = j.size(); i-- > 0;) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    if (!j[i].is_array()) return malformed(p, "expected an array of fields");
    std::vector<Fp> event;
    for (size_t k = 0; k < j[i].size(); ++k) {
      MINA_TRY(f, field(j[i][k], p + "[" + std::to_string(k) + "]"));
      event.push_back(f);
    }
    acc = hash_pair(list_prefix, acc, hash_with(kEventPrefix, event));
  }
  return acc;
}

// ---- update ----

Result<ChunkedInput> verification_key_value(const Json& j, const std::string& path) {
  MINA_TRY(hash, key(j, "hash", path));
  return field_input(*hash, path + ".hash");
}

Result<ChunkedInput> permissions_value(const Json& j, const std::string& path) {
  static const char* const kBefore[] = {"editState", "access", "send", "receive", "setDelegate", "setPermissions"};
  static const char* const kAfter[] = {"setZkappUri", "editActionState", "setTokenSymbol", "incrementNonce",
                                       "setVotingFor", "setTiming"};
  ChunkedInput in;
  for (const char* name : kBefore) {
    MINA_TRY(v, key(j, name, path));
    MINA_TRY(a, auth_required(*v, path + "." + name));
    in.append(ledger::auth_required_input(a));
  }
  MINA_TRY(svk, key(j, "setVerificationKey", path));
  MINA_TRY(auth, key(*svk, "auth", path + ".setVerificationKey"));
  MINA_TRY(a, auth_required(*auth, path + ".setVerificationKey.auth"));
  in.append(ledger::auth_required_input(a));
  MINA_TRY(version, key(*svk, "txnVersion", path + ".setVerificationKey"));
  MINA_TRY(v, uint_input(*version, 32, path + ".setVerificationKey.txnVersion"));
  in.append(v);
  for (const char* name : kAfter) {
    MINA_TRY(x, key(j, name, path));
    MINA_TRY(b, auth_required(*x, path + "." + name));
    in.append(ledger::auth_required_input(b));
  }
  return in;
}

ChunkedInput empty_permissions() {
  ChunkedInput in;
  for (int i = 0; i < 6; ++i) in.append(ledger::auth_required_input(ledger::AuthRequired::kNone));
  in.append(ledger::auth_required_input(ledger::AuthRequired::kNone));
  in.uint(kTxnVersion, 32);
  for (int i = 0; i < 6; ++i) in.append(ledger::auth_required_input(ledger::AuthRequired::kNone));
  return in;
}

Result<ChunkedInput> zkapp_uri_value(const Json& j, const std::string& path) {
  MINA_TRY(s, json_reader::string(j, path));
  ChunkedInput in;
  in.field(ledger::zkapp_uri_hash(s));
  return in;
}

ChunkedInput empty_zkapp_uri() {
  const Fp zeros[2] = {Fp::zero(), Fp::zero()};
  ChunkedInput in;
  in.field(hash_with(kUriPrefix, zeros));
  return in;
}

Result<ChunkedInput> token_symbol_value(const Json& j, const std::string& path) {
  MINA_TRY(s, json_reader::string(j, path));
  if (s.size() > ledger::kMaxTokenSymbolBytes) return Error{ErrorCode::kInvalidLength, path + ": token symbol exceeds 6 bytes"};
  return ledger::token_symbol_input(s);
}

Result<ChunkedInput> timing_value(const Json& j, const std::string& path) {
  static const std::pair<const char*, unsigned> kFields[] = {{"initialMinimumBalance", 64}, {"cliffTime", 32},
                                                            {"cliffAmount", 64},           {"vestingPeriod", 32},
                                                            {"vestingIncrement", 64}};
  ChunkedInput in;
  for (auto [name, bits] : kFields) {
    MINA_TRY(v, key(j, name, path));
    MINA_TRY(x, uint_input(*v, bits, path + "." + name));
    in.append(x);
  }
  return in;
}

ChunkedInput empty_timing() {
  ChunkedInput in;
  for (unsigned bits : {64u, 32u, 64u, 32u, 64u}) in.uint(0, bits);
  return in;
}

Result<ChunkedInput> state_hash_value(const Json& j, const std::string& path) {
  MINA_TRY(h, json_reader::field_hash(j, uint8_t(VersionByte::kStateHash), path));
  ChunkedInput in;
  in.field(h);
  return in;
}

Result<ChunkedInput> update_input(const Json& u, const std::string& path) {
  ChunkedInput in;
  MINA_TRY(app_state, key(u, "appState", path));
  MINA_TRY(a, flagged_fields8(*app_state, path + ".appState"));
  in.append(a);
  MINA_TRY(delegate, key(u, "delegate", path));
  MINA_TRY(d, flagged_public_key(*delegate, path + ".delegate"));
  in.append(d);
  MINA_TRY(vk, key(u, "verificationKey", path));
  MINA_TRY(v, flagged(*vk, path + ".verificationKey", verification_key_value, zero_field));
  in.append(v);
  MINA_TRY(perms, key(u, "permissions", path));
  MINA_TRY(p, flagged(*perms, path + ".permissions", permissions_value, empty_permissions));
  in.append(p);
  MINA_TRY(uri, key(u, "zkappUri", path));
  MINA_TRY(z, flagged(*uri, path + ".zkappUri", zkapp_uri_value, empty_zkapp_uri));
  in.append(z);
  MINA_TRY(symbol, key(u, "tokenSymbol", path));
  MINA_TRY(s, flagged(*symbol, path + ".tokenSymbol", token_symbol_value, [] { return ledger::token_symbol_input(""); }));
  in.append(s);
  MINA_TRY(timing, key(u, "timing", path));
  MINA_TRY(t, flagged(*timing, path + ".timing", timing_value, empty_timing));
  in.append(t);
  MINA_TRY(voting, key(u, "votingFor", path));
  MINA_TRY(vf, flagged(*voting, path + ".votingFor", state_hash_value, zero_field));
  in.append(vf);
  return in;
}

// ---- preconditions ----

Result<ChunkedInput> epoch_data_input(const Json& e, const std::string& path) {
  ChunkedInput in;
  MINA_TRY(ledger_json, key(e, "ledger", path));
  MINA_TRY(hash, key(*ledger_json, "hash", path + ".ledger"));
  MINA_TRY(h, flagged_field(*hash, path + ".ledger.hash"));
  in.append(h);
  MINA_TRY(currency, key(*ledger_json, "totalCurrency", path + ".ledger"));
  MINA_TRY(c, interval(*currency, 64, path + ".ledger.totalCurrency"));
  in.append(c);
  for (const char* name : {"seed", "startCheckpoint", "lockCheckpoint"}) {
    MINA_TRY(v, key(e, name, path));
    MINA_TRY(f, flagged_field(*v, path + "." + name));
    in.append(f);
  }
  MINA_TRY(length, key(e, "epochLength", path));
  MINA_TRY(l, interval(*length, 32, path + ".epochLength"));
  in.append(l);
  return in;
}

Result<ChunkedInput> network_input(const Json& n, const std::string& path) {
  ChunkedInput in;
  MINA_TRY(ledger_hash, key(n, "snarkedLedgerHash", path));
  MINA_TRY(h, flagged_field(*ledger_hash, path + ".snarkedLedgerHash"));
  in.append(h);
  static const std::pair<const char*, unsigned> kRanges[] = {
      {"blockchainLength", 32}, {"minWindowDensity", 32}, {"totalCurrency", 64}, {"globalSlotSinceGenesis", 32}};
  for (auto [name, bits] : kRanges) {
    MINA_TRY(v, key(n, name, path));
    MINA_TRY(r, interval(*v, bits, path + "." + name));
    in.append(r);
  }
  for (const char* name : {"stakingEpochData", "nextEpochData"}) {
    MINA_TRY(v, key(n, name, path));
    MINA_TRY(e, epoch_data_input(*v, path + "." + name));
    in.append(e);
  }
  return in;
}

Result<ChunkedInput> account_precondition_input(const Json& a, const std::string& path) {
  ChunkedInput in;
  MINA_TRY(balance, key(a, "balance", path));
  MINA_TRY(b, interval(*balance, 64, path + ".balance"));
  in.append(b);
  MINA_TRY(nonce, key(a, "nonce", path));
  MINA_TRY(n, interval(*nonce, 32, path + ".nonce"));
  in.append(n);
  MINA_TRY(receipt, key(a, "receiptChainHash", path));
  MINA_TRY(r, flagged_field(*receipt, path + ".receiptChainHash"));
  in.append(r);
  MINA_TRY(delegate, key(a, "delegate", path));
  MINA_TRY(d, flagged_public_key(*delegate, path + ".delegate"));
  in.append(d);
  MINA_TRY(state, key(a, "state", path));
  MINA_TRY(s, flagged_fields8(*state, path + ".state"));
  in.append(s);
  MINA_TRY(action_state, key(a, "actionState", path));
  MINA_TRY(as, flagged_field(*action_state, path + ".actionState", ledger::empty_action_state()));
  in.append(as);
  for (const char* name : {"provedState", "isNew"}) {
    MINA_TRY(v, key(a, name, path));
    MINA_TRY(f, flagged_bool(*v, path + "." + name));
    in.append(f);
  }
  return in;
}

// ---- the body ----

struct BodyFacts {
  CompressedPublicKey public_key;
  unsigned call_depth = 0;
  bool is_signed = false, is_proved = false, use_full_commitment = false;
};

Result<ChunkedInput> body_input(const Json& b, const std::string& path, BodyFacts& facts) {
  if (!b.is_object()) return malformed(path, "expected an object");
  ChunkedInput in;
  MINA_TRY(pk_json, key(b, "publicKey", path));
  MINA_TRY(pk, json_reader::public_key(*pk_json, path + ".publicKey"));
  facts.public_key = pk;
  in.append(ledger::public_key_input(pk));
  MINA_TRY(token_json, key(b, "tokenId", path));
  MINA_TRY(token, json_reader::token_id(*token_json, path + ".tokenId"));
  in.field(token);
  MINA_TRY(update, key(b, "update", path));
  MINA_TRY(u, update_input(*update, path + ".update"));
  in.append(u);
  MINA_TRY(balance_change, key(b, "balanceChange", path));
  MINA_TRY(magnitude, key(*balance_change, "magnitude", path + ".balanceChange"));
  MINA_TRY(m, uint_input(*magnitude, 64, path + ".balanceChange.magnitude"));
  in.append(m);
  MINA_TRY(sgn_json, key(*balance_change, "sgn", path + ".balanceChange"));
  MINA_TRY(sgn, json_reader::string(*sgn_json, path + ".balanceChange.sgn"));
  if (sgn != "Positive" && sgn != "Negative") return malformed(path + ".balanceChange.sgn", "expected Positive or Negative");
  in.boolean(sgn == "Positive");
  MINA_TRY(increment, key(b, "incrementNonce", path));
  MINA_TRY(inc, bool_input(*increment, path + ".incrementNonce"));
  in.append(inc);
  MINA_TRY(events, key(b, "events", path));
  MINA_TRY(ev, events_hash(*events, kEventsPrefix, kEventsEmpty, path + ".events"));
  in.field(ev);
  MINA_TRY(actions, key(b, "actions", path));
  MINA_TRY(ac, events_hash(*actions, kActionsPrefix, kActionsEmpty, path + ".actions"));
  in.field(ac);
  MINA_TRY(call_data, key(b, "callData", path));
  MINA_TRY(cd, field_input(*call_data, path + ".callData"));
  in.append(cd);
  // callDepth shapes the forest but is not hashed.
  MINA_TRY(depth_json, key(b, "callDepth", path));
  MINA_TRY(depth, json_reader::u32(*depth_json, path + ".callDepth"));
  facts.call_depth = depth;
  MINA_TRY(pre, key(b, "preconditions", path));
  MINA_TRY(network, key(*pre, "network", path + ".preconditions"));
  MINA_TRY(n, network_input(*network, path + ".preconditions.network"));
  in.append(n);
  MINA_TRY(account, key(*pre, "account", path + ".preconditions"));
  MINA_TRY(a, account_precondition_input(*account, path + ".preconditions.account"));
  in.append(a);
  MINA_TRY(valid_while, key(*pre, "validWhile", path + ".preconditions"));
  MINA_TRY(vw, interval(*valid_while, 32, path + ".preconditions.validWhile"));
  in.append(vw);
  MINA_TRY(full_json, key(b, "useFullCommitment", path));
  MINA_TRY(full, json_reader::boolean(*full_json, path + ".useFullCommitment"));
  facts.use_full_commitment = full;
  in.boolean(full);
  MINA_TRY(fee_json, key(b, "implicitAccountCreationFee", path));
  MINA_TRY(fee, bool_input(*fee_json, path + ".implicitAccountCreationFee"));
  in.append(fee);
  MINA_TRY(may_use, key(b, "mayUseToken", path));
  for (const char* name : {"parentsOwnToken", "inheritFromParent"}) {
    MINA_TRY(v, key(*may_use, name, path + ".mayUseToken"));
    MINA_TRY(x, bool_input(*v, path + ".mayUseToken." + name));
    in.append(x);
  }
  MINA_TRY(kind, key(b, "authorizationKind", path));
  MINA_TRY(signed_json, key(*kind, "isSigned", path + ".authorizationKind"));
  MINA_TRY(is_signed, json_reader::boolean(*signed_json, path + ".authorizationKind.isSigned"));
  MINA_TRY(proved_json, key(*kind, "isProved", path + ".authorizationKind"));
  MINA_TRY(is_proved, json_reader::boolean(*proved_json, path + ".authorizationKind.isProved"));
  MINA_TRY(vk_json, key(*kind, "verificationKeyHash", path + ".authorizationKind"));
  MINA_TRY(vk_hash, field(*vk_json, path + ".authorizationKind.verificationKeyHash"));
  if (is_signed && is_proved) return malformed(path + ".authorizationKind", "isSigned and isProved are exclusive");
  if (!is_proved && !(vk_hash == dummy_vk_hash()))
    return malformed(path + ".authorizationKind", "without isProved the verification key hash must be the dummy's");
  facts.is_signed = is_signed;
  facts.is_proved = is_proved;
  in.boolean(is_signed);
  in.boolean(is_proved);
  in.field(vk_hash);
  return in;
}

Fp body_hash(const ChunkedInput& in, NetworkId network) {
  std::vector<Fp> fields = in.pack_to_fields();
  return hash_with(body_prefix(network), fields);
}

// The account update a fee payer stands for (mina-signer accountUpdateFromFeePayer), as o1js
// JSON so that it is hashed by the same reader.
Json fee_payer_as_account_update(const Json& fee_payer_body) {
  const Json none = nullptr;
  Json fields8 = Json::array({none, none, none, none, none, none, none, none});
  Json epoch = {{"ledger", {{"hash", none}, {"totalCurrency", none}}},
                {"seed", none}, {"startCheckpoint", none}, {"lockCheckpoint", none}, {"epochLength", none}};
  // publicKey, fee and nonce are checked present by the caller; validUntil may be absent.
  const Json* valid_until_json = json_reader::optional_member(fee_payer_body, "validUntil");
  const Json valid_until = valid_until_json && !valid_until_json->is_null() ? *valid_until_json : Json("4294967295");
  const Json& nonce = fee_payer_body.at("nonce");
  return {
      {"publicKey", fee_payer_body.at("publicKey")},
      {"tokenId", encode_field_hash(Fp::one(), VersionByte::kTokenId)},
      {"update", {{"appState", fields8}, {"delegate", none}, {"verificationKey", none}, {"permissions", none},
                  {"zkappUri", none}, {"tokenSymbol", none}, {"timing", none}, {"votingFor", none}}},
      {"balanceChange", {{"magnitude", fee_payer_body.at("fee")}, {"sgn", "Negative"}}},
      {"incrementNonce", true},
      {"events", Json::array()},
      {"actions", Json::array()},
      {"callData", "0"},
      {"callDepth", 0},
      {"preconditions",
       {{"network",
         {{"snarkedLedgerHash", none}, {"blockchainLength", none}, {"minWindowDensity", none},
          {"totalCurrency", none},
          {"globalSlotSinceGenesis", {{"lower", "0"}, {"upper", valid_until}}},
          {"stakingEpochData", epoch}, {"nextEpochData", epoch}}},
        {"account",
         {{"balance", none}, {"nonce", {{"lower", nonce}, {"upper", nonce}}}, {"receiptChainHash", none},
          {"delegate", none}, {"state", fields8}, {"actionState", none}, {"provedState", none}, {"isNew", none}}},
        {"validWhile", none}}},
      {"useFullCommitment", true},
      {"implicitAccountCreationFee", true},
      {"mayUseToken", {{"parentsOwnToken", false}, {"inheritFromParent", false}}},
      {"authorizationKind", {{"isSigned", true}, {"isProved", false}, {"verificationKeyHash", kDummyVkHash}}},
  };
}

Result<std::optional<Signature>> optional_signature(const Json* j, const std::string& path) {
  if (!j || j->is_null()) return std::optional<Signature>{};
  MINA_TRY(s, json_reader::string(*j, path));
  if (s.empty()) return std::optional<Signature>{};
  auto sig = decode_signature(s);
  if (!sig) return at(path, sig.error());
  return std::optional<Signature>{*sig};
}

// isCallDepthValid + accountUpdatesToCallForest + callForestHash over the flat list: the trees
// at depth d start at each update of depth d, their children follow with depth d + 1.
Fp forest_hash(const std::vector<AccountUpdateSummary>& updates, size_t& pos, unsigned depth) {
  std::vector<std::pair<Fp, Fp>> trees;  // (update hash, calls hash), first to last
  while (pos < updates.size() && updates[pos].call_depth >= depth) {
    const Fp update = updates[pos++].hash;
    const Fp calls = forest_hash(updates, pos, depth + 1);
    trees.emplace_back(update, calls);
  }
  Fp stack = Fp::zero();
  for (size_t i = trees.size(); i-- > 0;)
    stack = hash_pair(kConsPrefix, hash_pair(kNodePrefix, trees[i].first, trees[i].second), stack);
  return stack;
}

}  // namespace

Fp zkapp_memo_hash(const Memo& memo) {
  LegacyInput in;
  in.append_bytes_lsb_first(memo);
  std::vector<Fp> packed = in.pack_to_fields();
  return hash_with(kMemoPrefix, packed);
}

Result<ZkappCommand> decode_zkapp_command_json(std::string_view text, NetworkId network) {
  if (text.size() > kMaxZkappCommandJsonBytes) return Error{ErrorCode::kLimitExceeded, "zkApp command JSON is larger than 16 MiB"};
  MINA_TRY(doc, json_reader::parse_document(text, "zkApp command"));
  ZkappCommand out;

  MINA_TRY(fee_payer, key(doc, "feePayer", "$"));
  MINA_TRY(fp_body, key(*fee_payer, "body", "feePayer"));
  if (!fp_body->is_object()) return malformed("feePayer.body", "expected an object");
  for (const char* name : {"publicKey", "fee", "nonce"}) {
    MINA_TRY(present, key(*fp_body, name, "feePayer.body"));
    (void)present;
  }
  Json fp_update = fee_payer_as_account_update(*fp_body);
  BodyFacts fp_facts;
  MINA_TRY(fp_input, body_input(fp_update, "feePayer.body", fp_facts));
  out.fee_payer = fp_facts.public_key;
  out.fee_payer_hash = body_hash(fp_input, network);
  MINA_TRY(fp_sig, optional_signature(json_reader::optional_member(*fee_payer, "authorization"), "feePayer.authorization"));
  out.fee_payer_signature = fp_sig;

  MINA_TRY(updates, key(doc, "accountUpdates", "$"));
  if (!updates->is_array()) return malformed("accountUpdates", "expected an array");
  if (updates->size() > kMaxAccountUpdates) return Error{ErrorCode::kLimitExceeded, "more than 1024 account updates"};
  for (size_t i = 0; i < updates->size(); ++i) {
    const std::string path = "accountUpdates[" + std::to_string(i) + "]";
    const Json& u = (*updates)[i];
    MINA_TRY(body, key(u, "body", path));
    BodyFacts facts;
    MINA_TRY(input, body_input(*body, path + ".body", facts));
    AccountUpdateSummary s;
    s.public_key = facts.public_key;
    s.hash = body_hash(input, network);
    s.call_depth = facts.call_depth;
    s.is_signed = facts.is_signed;
    s.is_proved = facts.is_proved;
    s.use_full_commitment = facts.use_full_commitment;
    const Json* auth = json_reader::optional_member(u, "authorization");
    MINA_TRY(sig, optional_signature(auth ? json_reader::optional_member(*auth, "signature") : nullptr,
                                     path + ".authorization.signature"));
    s.signature = sig;
    // isCallDepthValid: the first update at depth 0, each next one at most one level deeper.
    const unsigned previous = i == 0 ? 0 : out.account_updates.back().call_depth;
    if ((i == 0 && s.call_depth != 0) || s.call_depth > previous + 1)
      return malformed(path + ".body.callDepth", "invalid call depth");
    out.account_updates.push_back(s);
  }

  MINA_TRY(memo_json, key(doc, "memo", "$"));
  MINA_TRY(memo_text, json_reader::string(*memo_json, "memo"));
  auto memo = memo_from_base58(memo_text);
  if (!memo) return at("memo", memo.error());
  out.memo = *memo;

  size_t pos = 0;
  out.commitment = forest_hash(out.account_updates, pos, 0);
  out.memo_hash = zkapp_memo_hash(out.memo);
  const Fp full[3] = {out.memo_hash, out.fee_payer_hash, out.commitment};
  out.full_commitment = hash_with(kConsPrefix, full);
  return out;
}

ZkappSignatureVerdict verify_zkapp_command_signatures(const ZkappCommand& command, NetworkId network) {
  ZkappSignatureVerdict v;
  if (!command.fee_payer_signature) return {false, "the fee payer is not signed", 0};
  const Fp full[1] = {command.full_commitment};
  if (!verify_fields_signature(*command.fee_payer_signature, full, command.fee_payer, network))
    return {false, "fee payer signature does not verify", 0};
  v.checked = 1;
  for (size_t i = 0; i < command.account_updates.size(); ++i) {
    const AccountUpdateSummary& u = command.account_updates[i];
    const std::string name = "account update " + std::to_string(i);
    if (!u.is_signed) {
      if (u.signature) return {false, name + " carries a signature but its authorization kind is not signed", v.checked};
      continue;
    }
    if (!u.signature) return {false, name + " is signed by kind but carries no signature", v.checked};
    const Fp used[1] = {u.use_full_commitment ? command.full_commitment : command.commitment};
    if (!verify_fields_signature(*u.signature, used, u.public_key, network))
      return {false, name + " signature does not verify", v.checked};
    ++v.checked;
  }
  v.valid = true;
  return v;
}

}  // namespace mina::zkapp
