// Account hashing against values Mina's implementations produced:
//  - openmina/openmina ledger/src/account/account.rs tests test_hash_account,
//    test_hash_genesis_winner_account, test_dummy_sideloaded_verification_key and
//    ledger/src/database/database.rs test_hash_empty (commit 50f2232, Apache-2.0; openmina checks
//    its hashes against the OCaml node). Hex strings there are 32-byte little-endian.
//  - ../shared/fixtures/o1js: the on-chain dummy verification key's hash, and vectors.json
//    accountHash, which o1js computed with its own Types.Account.toInput layout (see below).
#include <catch2/catch.hpp>

#include <span>
#include <vector>

#include "encoding/base58.hpp"
#include "hash/poseidon.hpp"
#include "ledger/account_hash.hpp"
#include "ledger/ledger_test_util.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::ledger;
using namespace mina::ledger::test;

namespace {

Account openmina_test_account() {
  Account a = Account::empty();
  a.public_key = pk("B62qnzbXmRNo9q32n4SNu2mpB8e7FYYLH8NmaX6oFCBYjjQ8SbD7uzV");
  a.balance = 10101;
  return a;
}

}  // namespace

TEST_CASE("ledger/account: empty account hash equals openmina's Account::empty().hash()", "[ledger]") {
  CHECK(account_hash(Account::empty()) == fp_hex_le("f3ee39f42a7b2cac196c8eb1c9fe00f853678c920c0c9ce3724c0b7fe911c731"));
}

TEST_CASE("ledger/account: openmina test_hash_account vectors", "[ledger]") {
  Account a = openmina_test_account();
  a.delegate = a.public_key;  // Account::create delegates to itself
  CHECK(account_hash(a) == fp_hex_le("7018596b7a10344908c7582482b1401a3cbdd40212beb428baf629b84ceb7f0b"));

  Account b = openmina_test_account();
  b.token_symbol = "seb";
  b.nonce = 62772;
  CHECK(account_hash(b) == fp_hex_le("8cb53d374b844227d4c63b2dcf198312f8fcb4b60392fee5b165243508d16e32"));

  // Every field matters: a one-unit change anywhere moves the hash.
  Account c = b;
  c.nonce += 1;
  CHECK(account_hash(c) != account_hash(b));
  c = b;
  c.token_symbol = "sec";
  CHECK(account_hash(c) != account_hash(b));
  c = b;
  c.permissions.set_verification_key.txn_version = 2;
  CHECK(account_hash(c) != account_hash(b));
  c = b;
  c.timing = VestingSchedule{0, 0, 0, 1, 0};  // timed with the untimed record's numbers
  CHECK(account_hash(c) != account_hash(b));
}

TEST_CASE("ledger/account: mainnet genesis winner account hashes to openmina's ledger-hash string", "[ledger]") {
  Account a;
  a.public_key = pk("B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg");
  a.balance = 20000001000;
  auto receipt = decode_field_hash("2mzbV7WevxLuchs2dAMY4vQBS6XttnCUF8Hvks4XNBQ5qiSGGBQe", VersionByte::kReceiptChainHash);
  REQUIRE(receipt.ok());
  a.receipt_chain_hash = *receipt;
  a.delegate = a.public_key;
  auto voting = decode_field_hash("3NK2tkzqqK5spR2sZ7tujjqPksL45M3UUrcA4WhCkeiPtnugyE2x", VersionByte::kStateHash);
  REQUIRE(voting.ok());
  a.voting_for = *voting;
  Permissions p;
  p.edit_state = p.send = p.set_delegate = p.set_permissions = AuthRequired::kSignature;
  p.access = p.receive = AuthRequired::kNone;
  p.set_verification_key = {AuthRequired::kSignature, 2};
  a.permissions = p;
  CHECK(encode_field_hash(account_hash(a), VersionByte::kLedgerHash) == "jwnEz6CjzSYowUsvw5gKpuTkRjBY5dEtc6YmQj1U5d2k5KZzTmc");
  // That genesis account carries the empty receipt chain hash.
  CHECK(*receipt == empty_receipt_chain_hash());
}

TEST_CASE("ledger/account: dummy verification key hash is the o1js on-chain dummy key's hash", "[ledger]") {
  auto vk = mina::test::read_fixture_json("o1js/zkapp_proofsdisabled_onchain_vk.json");
  CHECK(dummy_verification_key_hash() == fp_dec(vk["hash"].get<std::string>()));
  CHECK(dummy_verification_key_hash() == fp_hex_le("d6da18e4091fbcd86843604fb8ff2d9613e76fa16c49b0263a1566a8e7188007"));
}

TEST_CASE("ledger/account: zkApp fields all enter the hash", "[ledger]") {
  Account a = openmina_test_account();
  const Fp without = account_hash(a);
  a.zkapp = ZkappAccount::default_account();
  // Zkapp_account.default is what a missing zkapp hashes as.
  CHECK(account_hash(a) == without);
  std::vector<Fp> seen{without};
  auto distinct = [&](const Account& x) {
    Fp h = account_hash(x);
    for (const Fp& s : seen) CHECK(h != s);
    seen.push_back(h);
  };
  Account b = a;
  b.zkapp->app_state[7] = Fp::from_u64(1);
  distinct(b);
  b = a;
  b.zkapp->action_state[0] = Fp::from_u64(5);
  distinct(b);
  b = a;
  b.zkapp->verification_key = VerificationKeyWithHash{"", dummy_verification_key_hash() + Fp::one()};
  distinct(b);
  b = a;
  b.zkapp->zkapp_uri = "https://x";
  distinct(b);
  b = a;
  b.zkapp->zkapp_uri = std::string("https://x\0", 10);  // trailing NUL must not alias
  distinct(b);
  b = a;
  b.zkapp->proved_state = true;
  distinct(b);
  b = a;
  b.zkapp->last_action_slot = 1;
  distinct(b);
  b = a;
  b.zkapp->zkapp_version = 1;
  distinct(b);
}

// vectors.json accountHash was made with o1js's Types.Account.toInput, which follows record order
// and gives token_symbol, an absent delegate and an absent zkapp no input at all. Rebuilding that
// layout from our per-type inputs and reaching o1js's hashes checks those pieces (public key,
// token id, balance, nonce, receipt chain hash, voting_for, timing, permissions, packing) against
// o1js; the same account hashed Mina's way differs.
TEST_CASE("ledger/account: o1js toInput layout reproduces vectors.json accountHash", "[ledger]") {
  auto v = mina::test::read_fixture_json("o1js/vectors.json")["accountHash"];
  const auto& j = v["accountWithPk7_json"];
  auto o1js_hash = [&](const CompressedPublicKey& key) {
    ChunkedInput in;
    in.append(public_key_input(key));
    auto token = decode_field_hash(j["tokenId"].get<std::string>(), VersionByte::kTokenId);
    REQUIRE(token.ok());
    in.field(*token);
    in.uint(std::stoull(j["balance"].get<std::string>()), 64);
    in.uint(std::stoull(j["nonce"].get<std::string>()), 32);
    in.field(fp_dec(j["receiptChainHash"].get<std::string>()));
    in.field(fp_dec(j["votingFor"].get<std::string>()));
    const auto& t = j["timing"];
    in.boolean(t["isTimed"].get<bool>());
    in.uint(std::stoull(t["initialMinimumBalance"].get<std::string>()), 64);
    in.uint(std::stoull(t["cliffTime"].get<std::string>()), 32);
    in.uint(std::stoull(t["cliffAmount"].get<std::string>()), 64);
    in.uint(std::stoull(t["vestingPeriod"].get<std::string>()), 32);
    in.uint(std::stoull(t["vestingIncrement"].get<std::string>()), 64);
    Permissions none;
    none.edit_state = none.access = none.send = none.receive = none.set_delegate = none.set_permissions =
        none.set_zkapp_uri = none.edit_action_state = none.set_token_symbol = none.increment_nonce =
            none.set_voting_for = none.set_timing = AuthRequired::kNone;
    none.set_verification_key = {AuthRequired::kNone, uint32_t(std::stoul(j["permissions"]["setVerificationKey"]["txnVersion"].get<std::string>()))};
    in.append(permissions_input(none));
    std::vector<Fp> fields = in.pack_to_fields();
    return poseidon::hash_with_prefix<Fp>(poseidon::pad_prefix("MinaAccount"), std::span<const Fp>(fields));
  };
  REQUIRE(j["permissions"]["editState"] == "None");
  CHECK(o1js_hash(pk(j["publicKey"].get<std::string>())) == fp_dec(v["accountWithPk7_hash"].get<std::string>()));
  CHECK(o1js_hash(CompressedPublicKey{Fp::zero(), false}) == fp_dec(v["emptyAccount_hash"].get<std::string>()));
  // o1js's empty receipt chain hash is the kimchi digest of the same salt; Mina's ledger keeps
  // the legacy one.
  CHECK(fp_dec(j["receiptChainHash"].get<std::string>()) ==
        poseidon::salt<Fp>("CodaReceiptEmpty", poseidon::kKimchi)[0]);
  CHECK(fp_dec(j["receiptChainHash"].get<std::string>()) != empty_receipt_chain_hash());
  CHECK(fp_dec(v["emptyAccount_hash"].get<std::string>()) != account_hash(Account::empty()));
}

// Mina's own OCaml Permissions.to_input and Timing_info.to_input, run through o1js 2.15.0's
// js_of_ocaml bindings (node_modules/o1js/dist/node/bindings.js):
//   T = await Test(); T.hashInputFromJson.packInput(T.hashInputFromJson.permissions(JSON.stringify(
//     {editState:'Proof', access:'Either', send:'Impossible', receive:'None', setDelegate:'Signature',
//      setPermissions:'Impossible', setVerificationKey:{auth:'Proof', txnVersion:'3'}, setZkappUri:'Either',
//      editActionState:'Proof', setTokenSymbol:'Signature', incrementNonce:'None', setVotingFor:'Impossible',
//      setTiming:'Proof'})))                       -> [67716123997143598960]
//   ...packInput(T.hashInputFromJson.timing(JSON.stringify({initialMinimumBalance:'66000000000000',
//      cliffTime:'172800', cliffAmount:'16500000000000', vestingPeriod:'1', vestingIncrement:'95486111'})))
//                                                  -> [22458636216781938602273350573032446452644394618060801, 95486111]
// (the timing of real mainnet timed accounts; an update's Timing_info is the account record without
// its is_timed bit). Together they pin every AuthRequired encoding and the timing widths and order.
TEST_CASE("ledger/account: permissions and timing inputs equal Mina's OCaml (via o1js bindings)", "[ledger]") {
  using A = AuthRequired;
  Permissions p;
  p.edit_state = A::kProof;
  p.access = A::kEither;
  p.send = A::kImpossible;
  p.receive = A::kNone;
  p.set_delegate = A::kSignature;
  p.set_permissions = A::kImpossible;
  p.set_verification_key = {A::kProof, 3};
  p.set_zkapp_uri = A::kEither;
  p.edit_action_state = A::kProof;
  p.set_token_symbol = A::kSignature;
  p.increment_nonce = A::kNone;
  p.set_voting_for = A::kImpossible;
  p.set_timing = A::kProof;
  const std::vector<Fp> perm = permissions_input(p).pack_to_fields();
  REQUIRE(perm.size() == 1);
  CHECK(perm[0] == fp_dec("67716123997143598960"));

  const ChunkedInput t = timing_input(VestingSchedule{66000000000000ULL, 172800, 16500000000000ULL, 1, 95486111});
  REQUIRE(t.packeds().size() == 6);
  CHECK(t.packeds()[0].bits == 1);  // is_timed
  CHECK(t.packeds()[0].value == Fp::one());
  ChunkedInput info;
  for (size_t i = 1; i < t.packeds().size(); ++i) info.packed(t.packeds()[i].value, t.packeds()[i].bits);
  const std::vector<Fp> packed = info.pack_to_fields();
  REQUIRE(packed.size() == 2);
  CHECK(packed[0] == fp_dec("22458636216781938602273350573032446452644394618060801"));
  CHECK(packed[1] == fp_dec("95486111"));
}

// Zkapp_account.hash_zkapp_uri through the same bindings: the zkappUri field of an account
// update's hash input (T.hashInputFromJson.update with only zkappUri set) for the URI of a real
// mainnet zkApp (slot 230396 in the fixtures' precomputed blocks).
TEST_CASE("ledger/account: zkApp URI hash equals Mina's OCaml (via o1js bindings)", "[ledger]") {
  CHECK(zkapp_uri_hash("https://telegram.punkpoll.com/channels") ==
        fp_dec("16507926221082944995833777890067654018532014204152817170571729173693701672677"));
}
