#include "ledger/merkle.hpp"

#include <array>
#include <cstdio>
#include <stdexcept>

#include "hash/poseidon.hpp"
#include "ledger/account_hash.hpp"

namespace mina::ledger {

namespace {

const std::array<Fp, kLedgerDepth + 1>& empty_hashes() {
  static const std::array<Fp, kLedgerDepth + 1> table = [] {
    std::array<Fp, kLedgerDepth + 1> t{};
    t[0] = account_hash(Account::empty());
    for (unsigned h = 0; h < kLedgerDepth; ++h) t[h + 1] = merge(h, t[h], t[h]);
    return t;
  }();
  return table;
}

}  // namespace

std::string merkle_prefix(unsigned height) {
  if (height > 999) throw std::out_of_range("merkle_prefix: height above 999");
  char digits[4];
  std::snprintf(digits, sizeof digits, "%03u", height);
  return poseidon::pad_prefix(std::string("MinaMklTree") + digits);
}

namespace {

// The salted sponge state per height (Random_oracle.salt of each prefix), computed once: a merge
// is then one permutation instead of two.
const std::array<poseidon::State<Fp>, kLedgerDepth + 1>& merkle_salts() {
  static const std::array<poseidon::State<Fp>, kLedgerDepth + 1> table = [] {
    std::array<poseidon::State<Fp>, kLedgerDepth + 1> t{};
    for (unsigned h = 0; h <= kLedgerDepth; ++h) t[h] = poseidon::salt<Fp>(merkle_prefix(h));
    return t;
  }();
  return table;
}

}  // namespace

Fp merge(unsigned height, const Fp& left, const Fp& right) {
  const std::array<Fp, 2> pair{left, right};
  if (height > kLedgerDepth)  // not a ledger height: no cached salt
    return poseidon::hash_with_prefix<Fp>(merkle_prefix(height), std::span<const Fp>(pair));
  return poseidon::update<Fp>(merkle_salts()[height], std::span<const Fp>(pair))[0];
}

Fp empty_subtree_hash(unsigned height) {
  if (height > kLedgerDepth) throw std::out_of_range("empty_subtree_hash: height above the ledger depth");
  return empty_hashes()[height];
}

Fp implied_root(const Fp& leaf, std::span<const PathElement> path, unsigned leaf_height) {
  return fold_path(leaf, path, leaf_height, [](unsigned h, const Fp& l, const Fp& r) { return merge(h, l, r); });
}

uint64_t path_index(std::span<const PathElement> path) {
  uint64_t index = 0;
  for (size_t i = 0; i < path.size() && i < 64; ++i)
    if (path[i].side == Side::kRight) index |= uint64_t(1) << i;
  return index;
}

Result<MerkleVerdict> verify_merkle_path(const Fp& leaf_hash, std::span<const PathElement> path, const Fp& root,
                                         unsigned depth) {
  if (path.size() != depth)
    return Error{ErrorCode::kInvalidLength, "Merkle path has " + std::to_string(path.size()) +
                                                " elements, the ledger depth is " + std::to_string(depth)};
  if (implied_root(leaf_hash, path) != root)
    return MerkleVerdict{false, "Merkle path does not lead to the ledger hash"};
  return MerkleVerdict{true, ""};
}

namespace {

Result<bool> check_subtree_shape(size_t n_leaves, unsigned height) {
  if (height > kLedgerDepth)
    return Error{ErrorCode::kInvalidArgument, "subtree height " + std::to_string(height) + " above the ledger depth"};
  if (n_leaves > (uint64_t(1) << height))  // height <= 35 here, so the shift is defined
    return Error{ErrorCode::kLimitExceeded, std::to_string(n_leaves) + " leaves do not fit a subtree of height " +
                                                std::to_string(height)};
  return true;
}

// One level up: pairs of nodes at `h`, the missing right-hand nodes being empty subtrees.
std::vector<Fp> parent_level(const std::vector<Fp>& level, unsigned h) {
  std::vector<Fp> up;
  up.reserve((level.size() + 1) / 2);
  for (size_t i = 0; i < level.size(); i += 2)
    up.push_back(merge(h, level[i], i + 1 < level.size() ? level[i + 1] : empty_subtree_hash(h)));
  return up;
}

}  // namespace

Result<Fp> subtree_root(std::span<const Fp> leaves, unsigned height) {
  MINA_TRY(shape_ok, check_subtree_shape(leaves.size(), height));
  (void)shape_ok;
  if (leaves.empty()) return empty_subtree_hash(height);
  std::vector<Fp> level(leaves.begin(), leaves.end());
  for (unsigned h = 0; h < height; ++h) level = parent_level(level, h);
  return level[0];
}

Result<MerklePath> subtree_path(std::span<const Fp> leaves, unsigned height, uint64_t index) {
  MINA_TRY(shape_ok, check_subtree_shape(leaves.size(), height));
  (void)shape_ok;
  if (index >= (uint64_t(1) << height))
    return Error{ErrorCode::kInvalidArgument, "leaf index outside the subtree"};
  MerklePath path;
  std::vector<Fp> level(leaves.begin(), leaves.end());
  uint64_t pos = index;
  for (unsigned h = 0; h < height; ++h) {
    const uint64_t sibling = pos ^ 1;
    const Fp s = sibling < level.size() ? level[sibling] : empty_subtree_hash(h);
    path.push_back({(pos & 1) ? Side::kRight : Side::kLeft, s});
    if (!level.empty()) level = parent_level(level, h);
    pos >>= 1;
  }
  return path;
}

Result<MerkleVerdict> verify_subtree(const SubtreeProof& proof, const Fp& root, unsigned depth) {
  if (depth > kLedgerDepth || proof.height > depth)
    return Error{ErrorCode::kInvalidArgument, "subtree height above the ledger depth"};
  if (proof.path_to_root.size() != depth - proof.height)
    return Error{ErrorCode::kInvalidLength, "subtree path has " + std::to_string(proof.path_to_root.size()) +
                                                " elements, expected " + std::to_string(depth - proof.height)};
  const uint64_t span = proof.height >= 64 ? 0 : uint64_t(1) << proof.height;
  if (span == 0 || proof.first_index % span != 0)
    return Error{ErrorCode::kInvalidArgument, "subtree first index is not aligned to its height"};
  if (path_index(proof.path_to_root) != proof.first_index / span)
    return Error{ErrorCode::kInvalidArgument, "subtree path proves another position than first_index"};
  MINA_TRY(sub_root, subtree_root(proof.leaves, proof.height));
  if (implied_root(sub_root, proof.path_to_root, proof.height) != root)
    return MerkleVerdict{false, "subtree does not lead to the ledger hash"};
  return MerkleVerdict{true, ""};
}

}  // namespace mina::ledger
