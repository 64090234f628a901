// Account.digest: the ledger leaf hash, exactly as Mina computes it.
//
// Mina builds each record's input with Poly.Fields.fold ~init:[] consing every field's input
// onto the accumulator and then List.reduce_exn ~f:append WITHOUT reversing, so the inputs are
// concatenated in REVERSE record order (account: zkapp, permissions, timing, voting_for,
// delegate, receipt_chain_hash, nonce, balance, token_symbol, token_id, public_key; zkApp
// account: zkapp_uri, proved_state, last_action_slot, action_state, zkapp_version,
// verification_key, app_state). Nested records (timing, permissions) keep their own order.
// Hashes are Poseidon (kimchi, Fp) from the salted state of a '*'-padded 20-byte prefix:
//   MinaAccount          the account           (account.ml crypto_hash_prefix)
//   MinaZkappAccount     Zkapp_account.digest; an account without a zkApp uses the digest of
//                        Zkapp_account.default
//   MinaZkappUri         the URI's bits (LSB first per byte) plus a final 1 bit
//   MinaSideLoadedVk     the dummy side-loaded key (28 copies of the Pallas generator, N2/N2),
//                        whose hash stands in for a missing verification key
// o1js's Types.Account.toInput is NOT this: it follows record order and drops token_symbol,
// an absent delegate and an absent zkapp (its layout types give them no input), and its
// Account.empty differs from Mina's. Its hashes match Mina's only by accident.
#pragma once

#include <string_view>

#include "ledger/account.hpp"
#include "ledger/random_oracle_input.hpp"

namespace mina::ledger {

// Per-type inputs (exposed for tests that rebuild other layouts from the same pieces).
ChunkedInput public_key_input(const CompressedPublicKey& pk);        // x, then is_odd (1 bit)
ChunkedInput token_symbol_input(std::string_view symbol);            // 48 bits, byte i at bit 8i
ChunkedInput timing_input(const Timing& timing);                     // Timing.to_record order
ChunkedInput auth_required_input(AuthRequired auth);                 // 3 bits
ChunkedInput permissions_input(const Permissions& permissions);      // record order

Fp zkapp_uri_hash(std::string_view uri);
Fp dummy_verification_key_hash();
Fp zkapp_account_digest(const ZkappAccount& zkapp);
ChunkedInput account_input(const Account& account);

// The Merkle leaf of `account` (what GraphQL calls leafHash).
Fp account_hash(const Account& account);

}  // namespace mina::ledger
