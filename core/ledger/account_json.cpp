#include "ledger/account_json.hpp"

#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "encoding/base58.hpp"
#include "field/u256.hpp"
#include "ledger/account_hash.hpp"

namespace mina::ledger {

namespace {

using nlohmann::json;

Error shape(const std::string& what) { return Error{ErrorCode::kMalformedJson, "account JSON: " + what}; }

// nlohmann recurses per nesting level: bound the depth before parsing (accounts nest 3 deep).
Result<json> parse_bounded(std::string_view text, size_t max_bytes = kMaxAccountJsonBytes) {
  if (text.size() > max_bytes)
    return Error{ErrorCode::kLimitExceeded, "account JSON longer than " + std::to_string(max_bytes) + " bytes"};
  constexpr int kMaxDepth = 16;
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return Error{ErrorCode::kLimitExceeded, "account JSON nested too deeply"};
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorCode::kMalformedJson, "account JSON is not valid JSON"};
  return j;
}

// Null or absent.
bool missing(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null();
}

Result<const json*> member(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return shape(std::string("missing \"") + key + "\"");
  return &*it;
}

Result<std::string> string_value(const json& v, const std::string& what) {
  if (!v.is_string()) return shape(what + " must be a string");
  return v.get<std::string>();
}

Result<std::string> string_member(const json& obj, const char* key) {
  MINA_TRY(v, member(obj, key));
  return string_value(*v, key);
}

// A decimal (string or non-negative JSON integer) no larger than `max`.
Result<uint64_t> uint_value(const json& v, uint64_t max, const std::string& what) {
  if (v.is_number_unsigned()) {
    uint64_t x = v.get<uint64_t>();
    if (x > max) return Error{ErrorCode::kMalformedNumber, what + " out of range"};
    return x;
  }
  if (!v.is_string()) return Error{ErrorCode::kMalformedNumber, what + " must be a decimal string or integer"};
  const std::string s = v.get<std::string>();
  if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos)
    return Error{ErrorCode::kMalformedNumber, what + " is not a decimal integer"};
  MINA_TRY(u, parse_u256(s));
  if (u.w[1] | u.w[2] | u.w[3] || u.w[0] > max) return Error{ErrorCode::kMalformedNumber, what + " out of range"};
  return u.w[0];
}

Result<uint64_t> uint_member(const json& obj, const char* key, uint64_t max) {
  MINA_TRY(v, member(obj, key));
  return uint_value(*v, max, key);
}

constexpr uint64_t kU32 = 0xffffffffULL;
constexpr uint64_t kU64 = ~uint64_t(0);

// Field elements as GraphQL's FieldElem prints them: decimal strings.
Result<Fp> field_value(const json& v, const std::string& what) {
  MINA_TRY(s, string_value(v, what));
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
    return Error{ErrorCode::kMalformedNumber, what + " is not a decimal field element"};
  auto f = Fp::parse(s);
  if (!f.ok()) return Error{f.error().code, what + ": " + f.error().message};
  return *f;
}

template <size_t N>
Result<std::array<Fp, N>> field_array(const json& obj, const char* key) {
  MINA_TRY(v, member(obj, key));
  if (!v->is_array()) return shape(std::string(key) + " must be an array");
  if (v->size() != N)
    return Error{ErrorCode::kInvalidLength, std::string(key) + " has " + std::to_string(v->size()) + " elements, expected " +
                                                std::to_string(N)};
  std::array<Fp, N> out{};
  for (size_t i = 0; i < N; ++i) {
    MINA_TRY(f, field_value((*v)[i], std::string(key) + "[" + std::to_string(i) + "]"));
    out[i] = f;
  }
  return out;
}

Result<CompressedPublicKey> public_key_value(const json& v, const std::string& what) {
  MINA_TRY(s, string_value(v, what));
  auto pk = decode_public_key(s);
  if (!pk.ok()) return Error{pk.error().code, what + ": " + pk.error().message};
  return *pk;
}

Result<Fp> hash_member(const json& obj, const char* key, VersionByte kind) {
  MINA_TRY(s, string_member(obj, key));
  auto h = decode_field_hash(s, kind);
  if (!h.ok()) return Error{h.error().code, std::string(key) + ": " + h.error().message};
  return *h;
}

Result<AuthRequired> auth_value(const json& v, const std::string& what) {
  MINA_TRY(s, string_value(v, what));
  if (s == "None") return AuthRequired::kNone;
  if (s == "Either") return AuthRequired::kEither;
  if (s == "Proof") return AuthRequired::kProof;
  if (s == "Signature") return AuthRequired::kSignature;
  if (s == "Impossible") return AuthRequired::kImpossible;
  return shape(what + ": unknown authorization \"" + s + "\"");
}

Result<Permissions> permissions_member(const json& obj) {
  MINA_TRY(p, member(obj, "permissions"));
  if (!p->is_object()) return shape("permissions must be an object");
  Permissions out;
  struct Slot {
    const char* name;
    AuthRequired* dst;
  };
  const std::array<Slot, 12> slots{{{"editState", &out.edit_state},
                                    {"access", &out.access},
                                    {"send", &out.send},
                                    {"receive", &out.receive},
                                    {"setDelegate", &out.set_delegate},
                                    {"setPermissions", &out.set_permissions},
                                    {"setZkappUri", &out.set_zkapp_uri},
                                    {"editActionState", &out.edit_action_state},
                                    {"setTokenSymbol", &out.set_token_symbol},
                                    {"incrementNonce", &out.increment_nonce},
                                    {"setVotingFor", &out.set_voting_for},
                                    {"setTiming", &out.set_timing}}};
  for (const Slot& s : slots) {
    MINA_TRY(v, member(*p, s.name));
    MINA_TRY(a, auth_value(*v, std::string("permissions.") + s.name));
    *s.dst = a;
  }
  MINA_TRY(svk, member(*p, "setVerificationKey"));
  if (!svk->is_object()) return shape("permissions.setVerificationKey must be an object");
  MINA_TRY(auth_json, member(*svk, "auth"));
  MINA_TRY(auth, auth_value(*auth_json, "permissions.setVerificationKey.auth"));
  MINA_TRY(version, uint_member(*svk, "txnVersion", kU32));
  out.set_verification_key = {auth, uint32_t(version)};
  return out;
}

Result<Timing> timing_member(const json& obj) {
  MINA_TRY(t, member(obj, "timing"));
  if (!t->is_object()) return shape("timing must be an object");
  static constexpr std::array<const char*, 5> kKeys{"initialMinimumBalance", "cliffTime", "cliffAmount", "vestingPeriod",
                                                    "vestingIncrement"};
  size_t present = 0;
  for (const char* k : kKeys) present += missing(*t, k) ? 0 : 1;
  if (present == 0) return Timing{};
  if (present != kKeys.size()) return shape("timing must have all five fields or none");
  VestingSchedule v;
  MINA_TRY(imb, uint_member(*t, "initialMinimumBalance", kU64));
  MINA_TRY(ct, uint_member(*t, "cliffTime", kU32));
  MINA_TRY(ca, uint_member(*t, "cliffAmount", kU64));
  MINA_TRY(vp, uint_member(*t, "vestingPeriod", kU32));
  MINA_TRY(vi, uint_member(*t, "vestingIncrement", kU64));
  v.initial_minimum_balance = imb;
  v.cliff_time = uint32_t(ct);
  v.cliff_amount = ca;
  v.vesting_period = uint32_t(vp);
  v.vesting_increment = vi;
  return Timing{v};
}

Result<std::optional<CompressedPublicKey>> delegate_member(const json& obj) {
  if (!missing(obj, "delegate")) {
    MINA_TRY(pk, public_key_value(obj["delegate"], "delegate"));
    return std::optional<CompressedPublicKey>(pk);
  }
  if (!missing(obj, "delegateAccount")) {
    const json& d = obj["delegateAccount"];
    if (!d.is_object()) return shape("delegateAccount must be an object");
    MINA_TRY(v, member(d, "publicKey"));
    MINA_TRY(pk, public_key_value(*v, "delegateAccount.publicKey"));
    return std::optional<CompressedPublicKey>(pk);
  }
  return std::optional<CompressedPublicKey>{};
}

Result<Fp> voting_for_member(const json& obj) {
  MINA_TRY(s, string_member(obj, "votingFor"));
  auto as_chain_hash = decode_field_hash(s, VersionByte::kReceiptChainHash);
  if (as_chain_hash.ok()) return *as_chain_hash;
  auto as_state_hash = decode_field_hash(s, VersionByte::kStateHash);
  if (as_state_hash.ok()) return *as_state_hash;
  return Error{as_chain_hash.error().code, "votingFor: " + as_chain_hash.error().message};
}

Result<std::optional<ZkappAccount>> zkapp_members(const json& obj) {
  if (missing(obj, "zkappState")) {
    for (const char* k : {"actionState", "verificationKey", "zkappUri", "provedState"})
      if (!missing(obj, k)) return shape(std::string(k) + " without zkappState");
    return std::optional<ZkappAccount>{};
  }
  ZkappAccount z;
  MINA_TRY(state, field_array<kZkappStateLength>(obj, "zkappState"));
  z.app_state = state;
  MINA_TRY(actions, field_array<kActionStateLength>(obj, "actionState"));
  z.action_state = actions;
  MINA_TRY(proved, member(obj, "provedState"));
  if (!proved->is_boolean()) return shape("provedState must be a boolean");
  z.proved_state = proved->get<bool>();
  MINA_TRY(uri, string_member(obj, "zkappUri"));
  z.zkapp_uri = uri;
  if (!missing(obj, "verificationKey")) {
    const json& vk = obj["verificationKey"];
    if (!vk.is_object()) return shape("verificationKey must be an object");
    MINA_TRY(data, string_member(vk, "verificationKey"));
    MINA_TRY(hash_json, member(vk, "hash"));
    MINA_TRY(hash, field_value(*hash_json, "verificationKey.hash"));
    z.verification_key = VerificationKeyWithHash{data, hash};
  }
  if (!missing(obj, "zkappVersion")) {
    MINA_TRY(v, uint_member(obj, "zkappVersion", kU32));
    z.zkapp_version = uint32_t(v);
  }
  if (!missing(obj, "lastActionSlot")) {
    MINA_TRY(v, uint_member(obj, "lastActionSlot", kU32));
    z.last_action_slot = uint32_t(v);
  }
  return std::optional<ZkappAccount>(z);
}

Result<MerklePath> merkle_path_value(const json& v) {
  if (!v.is_array()) return shape("merklePath must be an array");
  if (v.size() > 64) return Error{ErrorCode::kLimitExceeded, "merklePath longer than 64 elements"};
  MerklePath path;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& e = v[i];
    const std::string where = "merklePath[" + std::to_string(i) + "]";
    if (!e.is_object()) return shape(where + " must be an object");
    const bool has_left = !missing(e, "left"), has_right = !missing(e, "right");
    if (has_left == has_right) return shape(where + " must have exactly one of left and right");
    MINA_TRY(h, field_value(e[has_left ? "left" : "right"], where));
    path.push_back({has_left ? Side::kLeft : Side::kRight, h});
  }
  return path;
}

Result<Fp> leaf_hash_value(const json& v) {
  MINA_TRY(s, string_value(v, "leafHash"));
  if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) return field_value(v, "leafHash");
  auto h = decode_field_hash(s, VersionByte::kLedgerHash);
  if (!h.ok()) return Error{h.error().code, "leafHash: " + h.error().message};
  return *h;
}

Result<Account> account_members(const json& obj) {
  Account a;
  MINA_TRY(pk_json, member(obj, "publicKey"));
  MINA_TRY(pk, public_key_value(*pk_json, "publicKey"));
  a.public_key = pk;
  MINA_TRY(token, hash_member(obj, missing(obj, "tokenId") ? "token" : "tokenId", VersionByte::kTokenId));
  a.token_id = token;
  if (!missing(obj, "tokenSymbol")) {
    MINA_TRY(sym, string_member(obj, "tokenSymbol"));
    if (sym.size() > kMaxTokenSymbolBytes)
      return Error{ErrorCode::kInvalidLength, "tokenSymbol longer than 6 bytes"};
    a.token_symbol = sym;
  }
  MINA_TRY(balance, member(obj, "balance"));
  if (!balance->is_object()) return shape("balance must be an object");
  MINA_TRY(total, uint_member(*balance, "total", kU64));
  a.balance = total;
  MINA_TRY(nonce, uint_member(obj, "nonce", kU32));
  a.nonce = uint32_t(nonce);
  MINA_TRY(receipt, hash_member(obj, "receiptChainHash", VersionByte::kReceiptChainHash));
  a.receipt_chain_hash = receipt;
  MINA_TRY(delegate, delegate_member(obj));
  a.delegate = delegate;
  MINA_TRY(voting_for, voting_for_member(obj));
  a.voting_for = voting_for;
  MINA_TRY(timing, timing_member(obj));
  a.timing = timing;
  MINA_TRY(permissions, permissions_member(obj));
  a.permissions = permissions;
  MINA_TRY(zkapp, zkapp_members(obj));
  a.zkapp = zkapp;
  return a;
}

}  // namespace

Result<GraphqlAccount> decode_graphql_account(std::string_view json_text) {
  MINA_TRY(parsed, parse_bounded(json_text));
  if (!parsed.is_object()) return shape("must be an object");
  // A whole GraphQL response {"data": {"account": {...}}} is unwrapped.
  const bool envelope = parsed.contains("data") && !parsed.contains("publicKey");
  if (envelope && !(parsed["data"].is_object() && parsed["data"].contains("account") && parsed["data"]["account"].is_object()))
    return shape("response has no data.account object (account not found?)");
  const json& j = envelope ? parsed["data"]["account"] : parsed;
  GraphqlAccount out;
  MINA_TRY(account, account_members(j));
  out.account = std::move(account);
  if (!missing(j, "leafHash")) {
    MINA_TRY(leaf, leaf_hash_value(j["leafHash"]));
    out.leaf_hash = leaf;
  }
  if (!missing(j, "merklePath")) {
    MINA_TRY(path, merkle_path_value(j["merklePath"]));
    out.merkle_path = std::move(path);
  }
  if (!missing(j, "index")) {
    MINA_TRY(index, uint_value(j["index"], kU64, "index"));
    out.index = index;
  }
  return out;
}

Result<MerklePath> decode_merkle_path(std::string_view json_text) {
  MINA_TRY(j, parse_bounded(json_text));
  return merkle_path_value(j);
}

Result<AccountSubtree> decode_account_subtree(std::string_view json_text) {
  MINA_TRY(j, parse_bounded(json_text, kMaxSubtreeJsonBytes));
  if (!j.is_object()) return shape("subtree answer must be an object");
  AccountSubtree out;
  MINA_TRY(first, uint_member(j, "firstIndex", kU64));
  MINA_TRY(height, uint_member(j, "height", kLedgerDepth));
  out.first_index = first;
  out.height = unsigned(height);
  MINA_TRY(accounts, member(j, "accounts"));
  if (!accounts->is_array()) return shape("accounts must be an array");
  if (accounts->size() > kMaxSubtreeAccounts)
    return Error{ErrorCode::kLimitExceeded, "more than " + std::to_string(kMaxSubtreeAccounts) + " accounts"};
  for (size_t i = 0; i < accounts->size(); ++i) {
    const json& a = (*accounts)[i];
    if (!a.is_object()) return shape("accounts[" + std::to_string(i) + "] must be an object");
    auto acc = account_members(a);
    if (!acc.ok()) return Error{acc.error().code, "accounts[" + std::to_string(i) + "]: " + acc.error().message};
    out.accounts.push_back(std::move(*acc));
  }
  MINA_TRY(path_json, member(j, "merklePath"));
  MINA_TRY(path, merkle_path_value(*path_json));
  out.path_to_root = std::move(path);
  return out;
}

Result<MerkleVerdict> verify_account_subtree(const AccountSubtree& s, const Fp& ledger_hash, unsigned depth) {
  SubtreeProof proof;
  proof.first_index = s.first_index;
  proof.height = s.height;
  proof.path_to_root = s.path_to_root;
  proof.leaves.reserve(s.accounts.size());
  for (const Account& a : s.accounts) proof.leaves.push_back(account_hash(a));
  return verify_subtree(proof, ledger_hash, depth);
}

Result<MerkleVerdict> verify_graphql_account(const GraphqlAccount& a, const Fp& ledger_hash, unsigned depth) {
  if (!a.merkle_path) return Error{ErrorCode::kInvalidArgument, "account has no merklePath to verify"};
  const Fp leaf = account_hash(a.account);
  if (a.leaf_hash && *a.leaf_hash != leaf) return MerkleVerdict{false, "leafHash is not the hash of the account"};
  if (a.index && a.merkle_path->size() <= 64 && path_index(*a.merkle_path) != *a.index)
    return MerkleVerdict{false, "merklePath proves another ledger index than index"};
  return verify_merkle_path(leaf, *a.merkle_path, ledger_hash, depth);
}

}  // namespace mina::ledger
