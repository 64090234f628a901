// zkApp commands (Mina_base.Zkapp_command) in o1js's JSON form (`tx.toJSON()`): the transaction
// commitments and the signatures over them.
//
// Hashes follow o1js's account-update hashing (mina-signer sign-zkapp-command.ts, the generated
// AccountUpdate layout), all kimchi Poseidon over Fp:
//   account update   hash_{body prefix}(pack_to_fields(body input)); the body input walks the
//                    layout in order: whole fields in one list, bits in another (Chunked input);
//                    an absent option contributes a 0 flag and its empty value, an absent
//                    interval the full range. Body prefixes: MainnetZkappBody / TestnetZkappBody.
//   call forest      stack = hash_{MinaAcctUpdateCons}(hash_{MinaAcctUpdateNode}(update, calls),
//                    stack) over the trees from last to first, empty = 0; callDepth builds trees.
//   memo             hash_{MinaZkappMemo}(legacy 254-bit packing of the memo's 272 bits).
//   fee payer        the hash of the account update the fee payer stands for (fee as a negative
//                    balance change, nonce and validUntil as preconditions, full commitment).
//   commitment       the call forest's hash; full commitment = hash_{MinaAcctUpdateCons}(memo,
//                    fee payer, commitment).
// The fee payer signs the full commitment; an account update with authorizationKind.isSigned
// signs the full commitment when useFullCommitment, else the commitment (field-message
// Schnorr, signature.hpp). Proofs are not checked here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "encoding/keys.hpp"
#include "field/pasta.hpp"
#include "mina/signature.hpp"
#include "mina/signed_command.hpp"

namespace mina::zkapp {

inline constexpr size_t kMaxZkappCommandJsonBytes = size_t{16} << 20;
inline constexpr size_t kMaxAccountUpdates = 1024;
inline constexpr size_t kMaxEventFields = 16384;  // per account update, events and actions each

struct AccountUpdateSummary {
  CompressedPublicKey public_key;
  Fp hash;
  unsigned call_depth = 0;
  bool is_signed = false;
  bool is_proved = false;
  bool use_full_commitment = false;
  std::optional<Signature> signature;  // authorization.signature
};

struct ZkappCommand {
  CompressedPublicKey fee_payer;
  std::optional<Signature> fee_payer_signature;  // absent when the authorization is empty
  Memo memo{};
  std::vector<AccountUpdateSummary> account_updates;
  Fp memo_hash, fee_payer_hash, commitment, full_commitment;
};

// Decodes and hashes (hashes depend on the network through the body prefix).
Result<ZkappCommand> decode_zkapp_command_json(std::string_view text, NetworkId network);

Fp zkapp_memo_hash(const Memo& memo);

struct ZkappSignatureVerdict {
  bool valid = false;
  std::string reason;  // empty when valid
  size_t checked = 0;  // signatures verified (fee payer included)
};

ZkappSignatureVerdict verify_zkapp_command_signatures(const ZkappCommand& command, NetworkId network);

}  // namespace mina::zkapp
