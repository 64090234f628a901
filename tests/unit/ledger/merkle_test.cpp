// Ledger Merkle hashing against openmina's database tests (ledger/src/database/database.rs,
// commit 50f2232, Apache-2.0: test_hash_empty and test_merkle_path_long, whose depth-4 ledger
// holds Account::empty() with token_id = i at leaves 0..7), and path direction against o1js's
// MerkleTree witness in ../shared/fixtures/o1js/vectors.json (plain Poseidon nodes, same fold).
#include <catch2/catch.hpp>

#include <array>
#include <span>
#include <string>
#include <vector>

#include "hash/poseidon.hpp"
#include "ledger/account_hash.hpp"
#include "ledger/ledger_test_util.hpp"
#include "ledger/merkle.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::ledger;
using namespace mina::ledger::test;

namespace {

// openmina test_merkle_path_long: the sibling hashes of leaves 0..8 (leaf first).
const std::vector<std::array<const char*, 4>> kDepth4Paths = {
    {"f3ee39f42a7b2cac196c8eb1c9fe00f853678c920c0c9ce3724c0b7fe911c731", "19c428e06065374dcdbb9c2773d59c14a4bc5322b821b616f5ad8b95e3fce83c",
     "277bb79d5e2b48e92cf9e3cf169eccf199e66b1b611765bdd190ad914d50f138", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"ea3278ff7f5c0472163846755a94643f9dea2babe2d25848294fd727d83a6630", "19c428e06065374dcdbb9c2773d59c14a4bc5322b821b616f5ad8b95e3fce83c",
     "277bb79d5e2b48e92cf9e3cf169eccf199e66b1b611765bdd190ad914d50f138", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"9c461cf909421302a96f3794f198bae68d14eb542cfdae3c5942d61211cdbc3c", "c9c043aa20b69f061a06bf27e19e6c7a7c2cb94a5022a614ebfb9209cda11527",
     "277bb79d5e2b48e92cf9e3cf169eccf199e66b1b611765bdd190ad914d50f138", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"225381a665a6c436f0750ce907b8077ae3670b17af0acee4a3eb98569692dd10", "c9c043aa20b69f061a06bf27e19e6c7a7c2cb94a5022a614ebfb9209cda11527",
     "277bb79d5e2b48e92cf9e3cf169eccf199e66b1b611765bdd190ad914d50f138", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"6224d72dc65c9b89d5717cb43b9de5a31763192dbe316f46bb0ed2486c46d50a", "16b9cac5d2aa4e87c46520d88df96ddb6da7e2f52e23ec406fce9a06d3654f10",
     "a4c190a90cddf828af5c87b2b9278da29fdf46bab27642c553f281c4cb25ca1f", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"1b1edf8a2bc43639f2dd7fbffc953a5887ca8e2f57afe2474b293e00a0c8fd13", "16b9cac5d2aa4e87c46520d88df96ddb6da7e2f52e23ec406fce9a06d3654f10",
     "a4c190a90cddf828af5c87b2b9278da29fdf46bab27642c553f281c4cb25ca1f", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"bd649e2c20b743b9ecc6235f06016b4aa1263ee7cd6af77afb5358c60ca9143e", "2580091fe2ab125a78a5d8df8c017d1a0f588b871f50a2a34cd383df3d647503",
     "a4c190a90cddf828af5c87b2b9278da29fdf46bab27642c553f281c4cb25ca1f", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"2834b7e93942f095625b96ce9b6b709934bbdd35bc5762f6493db73dd84b242c", "2580091fe2ab125a78a5d8df8c017d1a0f588b871f50a2a34cd383df3d647503",
     "a4c190a90cddf828af5c87b2b9278da29fdf46bab27642c553f281c4cb25ca1f", "63f92c64075ae8ef4d076fc7d6743e758513e7b958a4d7a6cb6744eda019d019"},
    {"f3ee39f42a7b2cac196c8eb1c9fe00f853678c920c0c9ce3724c0b7fe911c731", "64ea581ca7a7aef2b78d04e4a64d0df1da1aa5c2d32a2a34c3c8d50a2c932f07",
     "358495ff9f624ba2ea37d0890b8c14079fb16e3626bed5ff0447ee10ecf5f30f", "c1da0c74de92bf4c1ae893b0f70524a9c6ff4a7ad754e0fc64f5e00548b4cd3d"},
};

std::vector<Fp> depth4_leaves() {
  std::vector<Fp> leaves;
  for (uint64_t i = 0; i < 8; ++i) {
    Account a = Account::empty();
    a.token_id = Fp::from_u64(i);
    leaves.push_back(account_hash(a));
  }
  return leaves;
}

}  // namespace

TEST_CASE("ledger/merkle: prefixes are MinaMklTree%03d padded to 20 bytes", "[ledger][merkle]") {
  CHECK(merkle_prefix(0) == "MinaMklTree000******");
  CHECK(merkle_prefix(34) == "MinaMklTree034******");
}

TEST_CASE("ledger/merkle: empty subtree hashes equal openmina's at heights 0, 5, 10, 11", "[ledger][merkle]") {
  CHECK(empty_subtree_hash(0) == fp_hex_le("f3ee39f42a7b2cac196c8eb1c9fe00f853678c920c0c9ce3724c0b7fe911c731"));
  CHECK(empty_subtree_hash(5) == fp_hex_le("d305ebed68f3d4ff16cfc9c6857c274bfbd4a5e83db6fb26e009f75711005524"));
  CHECK(empty_subtree_hash(10) == fp_hex_le("bfae9c6290bcc9cf282889c6b880e4eac236d4e50b22395639731e1465939915"));
  CHECK(empty_subtree_hash(11) == fp_hex_le("def7de4e2f2f13aa638f5671eccf9367ab9d39ae49ed683fca0169b33b31c416"));
  CHECK_THROWS(empty_subtree_hash(kLedgerDepth + 1));
  auto root = subtree_root({}, kLedgerDepth);
  REQUIRE(root.ok());
  CHECK(*root == empty_subtree_hash(kLedgerDepth));
}

TEST_CASE("ledger/merkle: depth-4 ledger paths equal openmina's and verify", "[ledger][merkle]") {
  const std::vector<Fp> leaves = depth4_leaves();
  auto root = subtree_root(leaves, 4);
  REQUIRE(root.ok());
  for (uint64_t i = 0; i < kDepth4Paths.size(); ++i) {
    auto path = subtree_path(leaves, 4, i);
    REQUIRE(path.ok());
    REQUIRE(path->size() == 4);
    for (size_t h = 0; h < 4; ++h) CHECK((*path)[h].sibling == fp_hex_le(kDepth4Paths[i][h]));
    CHECK(path_index(*path) == i);
    const Fp leaf = i < leaves.size() ? leaves[i] : empty_subtree_hash(0);
    auto ok = verify_merkle_path(leaf, *path, *root, 4);
    REQUIRE(ok.ok());
    CHECK(ok->valid);
    // The same path with the wrong leaf, a flipped direction or a wrong sibling is rejected.
    auto bad_leaf = verify_merkle_path(leaf + Fp::one(), *path, *root, 4);
    REQUIRE(bad_leaf.ok());
    CHECK_FALSE(bad_leaf->valid);
    for (size_t h = 0; h < 4; ++h) {
      MerklePath p = *path;
      p[h].side = p[h].side == Side::kLeft ? Side::kRight : Side::kLeft;
      auto r = verify_merkle_path(leaf, p, *root, 4);
      REQUIRE(r.ok());
      // Beside an equal sibling (two empty subtrees) the direction cannot matter.
      if (i < leaves.size()) CHECK_FALSE(r->valid);
      p = *path;
      p[h].sibling += Fp::one();
      r = verify_merkle_path(leaf, p, *root, 4);
      REQUIRE(r.ok());
      CHECK_FALSE(r->valid);
    }
  }
}

TEST_CASE("ledger/merkle: wrong path lengths are typed errors", "[ledger][merkle]") {
  MerklePath path(3, PathElement{Side::kLeft, Fp::zero()});
  auto r = verify_merkle_path(Fp::zero(), path, Fp::zero(), 4);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidLength);
  r = verify_merkle_path(Fp::zero(), path, Fp::zero());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidLength);
}

TEST_CASE("ledger/merkle: wide query checks a whole subtree with one path", "[ledger][merkle]") {
  const std::vector<Fp> leaves = depth4_leaves();
  auto root = subtree_root(leaves, 4);
  REQUIRE(root.ok());
  // Leaves 4..7 as a height-2 subtree; its path to the root is the top two levels of leaf 4's.
  auto leaf4_path = subtree_path(leaves, 4, 4);
  REQUIRE(leaf4_path.ok());
  SubtreeProof proof;
  proof.first_index = 4;
  proof.height = 2;
  proof.leaves.assign(leaves.begin() + 4, leaves.end());
  proof.path_to_root.assign(leaf4_path->begin() + 2, leaf4_path->end());
  auto ok = verify_subtree(proof, *root, 4);
  REQUIRE(ok.ok());
  CHECK(ok->valid);

  // Any one changed leaf, or a dropped trailing leaf (read as empty), is caught.
  for (size_t i = 0; i < proof.leaves.size(); ++i) {
    SubtreeProof bad = proof;
    bad.leaves[i] += Fp::one();
    auto r = verify_subtree(bad, *root, 4);
    REQUIRE(r.ok());
    CHECK_FALSE(r->valid);
  }
  SubtreeProof shorter = proof;
  shorter.leaves.pop_back();
  auto r = verify_subtree(shorter, *root, 4);
  REQUIRE(r.ok());
  CHECK_FALSE(r->valid);

  // The upper half (leaves 8..15) is all empty: zero leaves prove it.
  auto leaf8_path = subtree_path(leaves, 4, 8);
  REQUIRE(leaf8_path.ok());
  SubtreeProof empty_half{8, 3, {}, MerklePath(leaf8_path->begin() + 3, leaf8_path->end())};
  r = verify_subtree(empty_half, *root, 4);
  REQUIRE(r.ok());
  CHECK(r->valid);

  // Shapes no honest peer sends are errors.
  SubtreeProof misaligned = proof;
  misaligned.first_index = 5;
  CHECK(verify_subtree(misaligned, *root, 4).error().code == ErrorCode::kInvalidArgument);
  SubtreeProof elsewhere = proof;
  elsewhere.first_index = 0;  // aligned, but the path proves position 1
  CHECK(verify_subtree(elsewhere, *root, 4).error().code == ErrorCode::kInvalidArgument);
  SubtreeProof too_many = proof;
  too_many.leaves.push_back(Fp::zero());
  CHECK(verify_subtree(too_many, *root, 4).error().code == ErrorCode::kLimitExceeded);
  SubtreeProof short_path = proof;
  short_path.path_to_root.pop_back();
  CHECK(verify_subtree(short_path, *root, 4).error().code == ErrorCode::kInvalidLength);
}

TEST_CASE("ledger/merkle: path directions match o1js MerkleWitness (vectors.json merkleTree)", "[ledger][merkle]") {
  auto v = mina::test::read_fixture_json("o1js/vectors.json")["merkleTree"];
  auto plain = [](unsigned, const Fp& l, const Fp& r) {
    const std::array<Fp, 2> pair{l, r};
    return poseidon::hash<Fp>(std::span<const Fp>(pair));
  };
  MerklePath path;
  for (const auto& e : v["witnessIndex2"])
    path.push_back({e["isLeft"].get<bool>() ? Side::kLeft : Side::kRight, fp_dec(e["sibling"].get<std::string>())});
  const Fp leaf = fp_dec(v["leavesSetAtIndices0to4"][2].get<std::string>());
  CHECK(fold_path(leaf, path, 0, plain) == fp_dec(v["root"].get<std::string>()));
  CHECK(path_index(path) == 2);
}
