// The local test network's in-memory ledger (core/ledger/local_ledger.hpp).
//  - Against openmina (ledger/src/database/database.rs test_merkle_path_long, commit 50f2232):
//    a depth-4 ledger of Account::empty() with token_id = i at 0..7 gives openmina's sibling
//    hashes (the same vectors merkle_test.cpp checks subtree_path with).
//  - Every account the ledger prints decodes with the GraphQL decoder and passes
//    verify_graphql_account against the ledger's root; a changed balance changes the root and
//    the old answer no longer verifies against it.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "ledger/account_hash.hpp"
#include "ledger/account_json.hpp"
#include "ledger/ledger_test_util.hpp"
#include "ledger/local_ledger.hpp"

using namespace mina;
using namespace mina::ledger;
using namespace mina::ledger::test;

namespace {

// openmina test_merkle_path_long, leaves 0 and 5 (sibling hashes, leaf first, little-endian hex).
const char* kLeaf0Siblings[4] = {"f3ee39f42a7b2cac196c8eb1c9fe00f853678c920c0c9ce3724c0b7fe911c731",
                                 "19c428e06065374dcdbb9c2773d59c14a4bc5322b821b616f5ad8b95e3fce83c",
                                 "277bb79d5e2b48e92cf9e3cf169eccf199e66b1b611765bdd190ad914d50f138",
                                 "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"};
const char* kLeaf5Siblings[4] = {"1b1edf8a2bc43639f2dd7fbffc953a5887ca8e2f57afe2474b293e00a0c8fd13",
                                 "16b9cac5d2aa4e87c46520d88df96ddb6da7e2f52e23ec406fce9a06d3654f10",
                                 "a4c190a90cddf828af5c87b2b9278da29fdf46bab27642c553f281c4cb25ca1f",
                                 "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"};

// Mainnet's genesis block winner (B62qiy32…, as account_json_test) and a second user.
Account user(const char* b58, uint64_t balance) {
  Account a;
  a.public_key = pk(b58);
  a.balance = balance;
  a.receipt_chain_hash = empty_receipt_chain_hash();
  a.delegate = a.public_key;
  return a;
}
constexpr const char* kWinner = "B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg";
constexpr const char* kOther = "B62qiTnmbAPndzushxzXZUQpj1FfxG8KbQd9Vvf3HUqRK1WzrxcP3sH";

MerkleVerdict verify_printed(const LocalLedger& l, uint64_t index, const Fp& root) {
  auto j = l.account_json(index);
  REQUIRE(j.ok());
  auto decoded = decode_graphql_account(j->dump());
  REQUIRE(decoded.ok());
  CHECK(decoded->account == l.at(index));
  CHECK(decoded->index == index);
  auto v = verify_graphql_account(*decoded, root, l.depth());
  REQUIRE(v.ok());
  return *v;
}

}  // namespace

TEST_CASE("ledger/local: an empty ledger's root is the empty depth-35 subtree", "[ledger][local]") {
  LocalLedger l;
  CHECK(l.root() == empty_subtree_hash(kLedgerDepth));
  CHECK(l.size() == 0);
  auto p = l.path(0);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == ErrorCode::kInvalidArgument);
}

TEST_CASE("ledger/local: depth-4 paths equal openmina's", "[ledger][local]") {
  LocalLedger l(4);
  for (uint64_t i = 0; i < 8; ++i) {
    Account a = Account::empty();
    a.token_id = Fp::from_u64(i);
    auto at = l.set(a);
    REQUIRE(at.ok());
    CHECK(*at == i);
  }
  auto p0 = l.path(0), p5 = l.path(5);
  REQUIRE(p0.ok());
  REQUIRE(p5.ok());
  for (size_t h = 0; h < 4; ++h) {
    CHECK((*p0)[h].sibling == fp_hex_le(kLeaf0Siblings[h]));
    CHECK((*p5)[h].sibling == fp_hex_le(kLeaf5Siblings[h]));
  }
  CHECK(path_index(*p5) == 5);
  // A depth-4 tree holds 16 leaves.
  for (uint64_t i = 8; i < 16; ++i) {
    Account a = Account::empty();
    a.token_id = Fp::from_u64(i);
    REQUIRE(l.set(a).ok());
  }
  Account a = Account::empty();
  a.token_id = Fp::from_u64(16);
  auto full = l.set(a);
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().code == ErrorCode::kLimitExceeded);
}

TEST_CASE("ledger/local: every printed account verifies against the root; a new balance moves it", "[ledger][local]") {
  LocalLedger l;
  REQUIRE(*l.set(user(kWinner, 1000)) == 0);
  REQUIRE(*l.set(user(kOther, 5)) == 1);
  Account token_account = user(kOther, 7);
  token_account.token_id = Fp::from_u64(42);
  token_account.zkapp = ZkappAccount::default_account();
  token_account.zkapp->app_state[3] = Fp::from_u64(99);
  token_account.zkapp->last_action_slot = 4;
  token_account.zkapp->zkapp_uri = "https://x";
  REQUIRE(*l.set(token_account) == 2);
  CHECK(l.index_of(pk(kOther), Fp::from_u64(42)) == 2u);
  CHECK_FALSE(l.index_of(pk(kWinner), Fp::from_u64(42)).has_value());

  // One account alone: its path is all empty siblings, so the root is implied_root of its leaf.
  LocalLedger one;
  REQUIRE(one.set(user(kWinner, 1000)).ok());
  MerklePath empties;
  for (unsigned h = 0; h < kLedgerDepth; ++h) empties.push_back({Side::kLeft, empty_subtree_hash(h)});
  CHECK(one.root() == implied_root(account_hash(user(kWinner, 1000)), empties));

  const Fp root = l.root();
  CHECK(root != empty_subtree_hash(kLedgerDepth));
  for (uint64_t i = 0; i < l.size(); ++i) CHECK(verify_printed(l, i, root).valid);

  // A changed balance: same index, another root; the old root no longer matches any new answer.
  auto old = l.account_json(1);
  REQUIRE(old.ok());
  REQUIRE(*l.set(user(kOther, 6)) == 1);
  const Fp moved = l.root();
  CHECK(moved != root);
  for (uint64_t i = 0; i < l.size(); ++i) {
    CHECK(verify_printed(l, i, moved).valid);
    CHECK_FALSE(verify_printed(l, i, root).valid);
  }
  auto stale = decode_graphql_account(old->dump());
  REQUIRE(stale.ok());
  CHECK_FALSE(verify_graphql_account(*stale, moved)->valid);

  // A printed answer with a lying balance is caught by the leaf hash.
  nlohmann::json lie = *l.account_json(0);
  lie["balance"]["total"] = "1001";
  auto lying = decode_graphql_account(lie.dump());
  REQUIRE(lying.ok());
  CHECK_FALSE(verify_graphql_account(*lying, moved)->valid);
}

TEST_CASE("ledger/local: a created account is Mina's Account.create", "[ledger][local]") {
  const Account a = create_account(pk(kWinner), Fp::one(), 5);
  CHECK(a.delegate == pk(kWinner));
  CHECK(a.receipt_chain_hash == empty_receipt_chain_hash());
  CHECK(a.permissions == Permissions::user_default());
  CHECK_FALSE(a.zkapp.has_value());
  CHECK_FALSE(create_account(pk(kWinner), Fp::from_u64(9), 5).delegate.has_value());
  // It prints and decodes to itself, and its hash is not the empty leaf's.
  LocalLedger l;
  REQUIRE(l.set(a).ok());
  auto j = l.account_json(0);
  REQUIRE(j.ok());
  CHECK(decode_graphql_account(j->dump())->account == a);
  CHECK(account_hash(a) != empty_subtree_hash(0));
}
