#include "ledger/account_hash.hpp"

#include <span>
#include <vector>

#include "curve/group.hpp"
#include "hash/poseidon.hpp"

namespace mina::ledger {

namespace {

Fp hash_input(const poseidon::State<Fp>& salted, const ChunkedInput& input) {
  std::vector<Fp> fields = input.pack_to_fields();
  return poseidon::update<Fp>(salted, std::span<const Fp>(fields))[0];
}

// Salted states of the prefixes hashed per account, computed once.
struct Salts {
  poseidon::State<Fp> account, zkapp_account, zkapp_uri, side_loaded_vk;
};
const Salts& salts() {
  static const Salts s{poseidon::salt<Fp>(poseidon::pad_prefix("MinaAccount")),
                       poseidon::salt<Fp>(poseidon::pad_prefix("MinaZkappAccount")),
                       poseidon::salt<Fp>(poseidon::pad_prefix("MinaZkappUri")),
                       poseidon::salt<Fp>(poseidon::pad_prefix("MinaSideLoadedVk"))};
  return s;
}

// Random_oracle.salt s |> digest: the first lane of the state after absorbing the prefix alone.
Fp salt_digest(std::string_view prefix, poseidon::Params params) {
  return poseidon::salt<Fp>(prefix, params)[0];
}

// Auth_required.Encoding: (constant, signature_necessary, signature_sufficient).
struct AuthBits {
  bool constant, signature_necessary, signature_sufficient;
};

AuthBits encode(AuthRequired auth) {
  switch (auth) {
    case AuthRequired::kNone: return {true, false, true};
    case AuthRequired::kEither: return {false, false, true};
    case AuthRequired::kProof: return {false, false, false};
    case AuthRequired::kSignature: return {false, true, true};
    case AuthRequired::kImpossible: return {true, true, false};
  }
  return {true, true, false};  // unreachable for valid enumerators: the strictest setting
}

}  // namespace

// Both phrases are salted as is (Random_oracle.salt on the raw string, i.e. zero-padded), not
// through Hash_prefix.create's '*' padding.
Fp empty_receipt_chain_hash() {
  static const Fp h = salt_digest("CodaReceiptEmpty", poseidon::kLegacy);
  return h;
}

Fp empty_action_state() {
  static const Fp h = salt_digest("MinaZkappActionStateEmptyElt", poseidon::kKimchi);
  return h;
}

ZkappAccount ZkappAccount::default_account() {
  ZkappAccount z;
  z.action_state.fill(empty_action_state());
  return z;
}

Account Account::empty() {
  Account a;
  a.public_key = CompressedPublicKey{Fp::zero(), false};
  a.receipt_chain_hash = empty_receipt_chain_hash();
  return a;
}

ChunkedInput public_key_input(const CompressedPublicKey& pk) {
  ChunkedInput in;
  in.field(pk.x);
  in.boolean(pk.is_odd);
  return in;
}

ChunkedInput token_symbol_input(std::string_view symbol) {
  // Bytes past the sixth cannot occur in a decoded account (the decoder rejects them); they
  // would not fit the 48-bit chunk, so they are ignored rather than corrupting the packing.
  uint64_t v = 0;
  for (size_t i = 0; i < symbol.size() && i < kMaxTokenSymbolBytes; ++i)
    v |= uint64_t(uint8_t(symbol[i])) << (8 * i);
  ChunkedInput in;
  in.uint(v, 48);
  return in;
}

ChunkedInput timing_input(const Timing& timing) {
  // Timing.to_record: an untimed account reads as vesting_period 1 (never a zero divisor).
  VestingSchedule r = timing.value_or(VestingSchedule{0, 0, 0, 1, 0});
  ChunkedInput in;
  in.boolean(timing.has_value());
  in.uint(r.initial_minimum_balance, 64);
  in.uint(r.cliff_time, 32);
  in.uint(r.cliff_amount, 64);
  in.uint(r.vesting_period, 32);
  in.uint(r.vesting_increment, 64);
  return in;
}

ChunkedInput auth_required_input(AuthRequired auth) {
  AuthBits b = encode(auth);
  ChunkedInput in;
  in.boolean(b.constant);
  in.boolean(b.signature_necessary);
  in.boolean(b.signature_sufficient);
  return in;
}

ChunkedInput permissions_input(const Permissions& p) {
  ChunkedInput in;
  for (AuthRequired a : {p.edit_state, p.access, p.send, p.receive, p.set_delegate, p.set_permissions})
    in.append(auth_required_input(a));
  in.append(auth_required_input(p.set_verification_key.auth));
  in.uint(p.set_verification_key.txn_version, 32);
  for (AuthRequired a : {p.set_zkapp_uri, p.edit_action_state, p.set_token_symbol, p.increment_nonce,
                         p.set_voting_for, p.set_timing})
    in.append(auth_required_input(a));
  return in;
}

Fp zkapp_uri_hash(std::string_view uri) {
  ChunkedInput in;
  for (char c : uri)
    for (int j = 0; j < 8; ++j) in.boolean((uint8_t(c) >> j) & 1);
  in.boolean(true);  // so that trailing NUL bytes do not alias a shorter URI
  return hash_input(salts().zkapp_uri, in);
}

namespace {

// Side_loaded_verification_key.dummy: every commitment is the Pallas generator (1, y).
Fp compute_dummy_verification_key_hash() {
  const PallasAffine g = PallasAffine::generator();
  ChunkedInput in;
  constexpr int kCommitments = 7 + 15 + 6;  // sigma, coefficients, six selector commitments
  for (int i = 0; i < kCommitments; ++i) {
    in.field(g.x);
    in.field(g.y);
  }
  // One-hot max_proofs_verified = N2, then one-hot actual_wrap_domain_size = N2.
  for (int k = 0; k < 2; ++k) {
    in.boolean(false);
    in.boolean(false);
    in.boolean(true);
  }
  return hash_input(salts().side_loaded_vk, in);
}

}  // namespace

Fp dummy_verification_key_hash() {
  static const Fp h = compute_dummy_verification_key_hash();
  return h;
}

Fp zkapp_account_digest(const ZkappAccount& z) {
  ChunkedInput in;
  in.field(zkapp_uri_hash(z.zkapp_uri));
  in.boolean(z.proved_state);
  in.uint(z.last_action_slot, 32);
  for (const Fp& a : z.action_state) in.field(a);
  in.uint(z.zkapp_version, 32);
  in.field(z.verification_key ? z.verification_key->hash : dummy_verification_key_hash());
  for (const Fp& s : z.app_state) in.field(s);
  return hash_input(salts().zkapp_account, in);
}

ChunkedInput account_input(const Account& a) {
  ChunkedInput in;
  static const Fp default_zkapp_digest = zkapp_account_digest(ZkappAccount::default_account());
  in.field(a.zkapp ? zkapp_account_digest(*a.zkapp) : default_zkapp_digest);
  in.append(permissions_input(a.permissions));
  in.append(timing_input(a.timing));
  in.field(a.voting_for);
  in.append(public_key_input(a.delegate.value_or(CompressedPublicKey{Fp::zero(), false})));
  in.field(a.receipt_chain_hash);
  in.uint(a.nonce, 32);
  in.uint(a.balance, 64);
  in.append(token_symbol_input(a.token_symbol));
  in.field(a.token_id);
  in.append(public_key_input(a.public_key));
  return in;
}

Fp account_hash(const Account& account) { return hash_input(salts().account, account_input(account)); }

}  // namespace mina::ledger
