// The ledger Merkle tree: node hashes, empty subtrees, path and subtree (wide query) checks.
//
// Ledger_hash.merge ~height l r = Poseidon (kimchi, Fp) of [l; r] with prefix
// "MinaMklTree%03d" padded with '*' to 20 bytes, where `height` is the height of l and r (leaves
// are height 0, so the children of the root of a depth-35 ledger are height 34). An unused leaf
// is Account.empty's hash; empty subtrees follow by merging equal halves.
//
// A Merkle path lists, from the leaf up, which child the current node is and its sibling's hash.
// Mina's `Left h` (GraphQL {left: h}) means the current node is the LEFT child and h is its right
// sibling; `Right h` ({right: h}) the reverse. Leaf index bit i is 1 exactly when element i is
// Right, so a path also pins down the position it proves.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "field/pasta.hpp"
#include "ledger/account.hpp"

namespace mina::ledger {

// "MinaMklTree003******" for height 3. height must be < 1000 (3 digits).
std::string merkle_prefix(unsigned height);
Fp merge(unsigned height, const Fp& left, const Fp& right);

// Root of a subtree of the given height that holds only empty accounts (height <= kLedgerDepth).
// Heights outside that range are a programming error (std::out_of_range).
Fp empty_subtree_hash(unsigned height);

enum class Side : uint8_t { kLeft, kRight };  // which child the current node is
struct PathElement {
  Side side;
  Fp sibling;
  bool operator==(const PathElement&) const = default;
};
using MerklePath = std::vector<PathElement>;  // leaf first

// Folds a path over `node` (at height `height`) with any node hash merge(height, left, right);
// implied_root is this with Mina's merge. Exposed so other trees (o1js MerkleTree) share the
// direction logic.
template <class Merge>
Fp fold_path(Fp node, std::span<const PathElement> path, unsigned height, Merge&& merge_fn) {
  for (const PathElement& e : path) {
    node = e.side == Side::kLeft ? merge_fn(height, node, e.sibling) : merge_fn(height, e.sibling, node);
    ++height;
  }
  return node;
}

// Mina's implied_root: folds the path over `leaf`, whose height is `leaf_height`.
Fp implied_root(const Fp& leaf, std::span<const PathElement> path, unsigned leaf_height = 0);
// The position the path proves (bit i set when element i is Right). path.size() <= 64.
uint64_t path_index(std::span<const PathElement> path);

// A verdict on well-formed input: invalid means the data does not match the root.
struct MerkleVerdict {
  bool valid = false;
  std::string reason;  // empty when valid
};

// Checks that `leaf_hash` sits in the ledger with root `root`. Errors (not verdicts) when the
// path cannot be a path of this ledger: wrong length (kInvalidLength).
Result<MerkleVerdict> verify_merkle_path(const Fp& leaf_hash, std::span<const PathElement> path, const Fp& root,
                                         unsigned depth = kLedgerDepth);

// ---- wide queries: a whole aligned subtree checked at once ----

// Root of the subtree of `height` whose first leaves are `leaves`; the remaining
// 2^height - leaves.size() leaves are empty accounts. Errors: too many leaves (kLimitExceeded),
// height > kLedgerDepth (kInvalidArgument).
Result<Fp> subtree_root(std::span<const Fp> leaves, unsigned height);

// Sibling path (leaf first, `height` elements) of leaf `index` inside that padded subtree; for
// serving proofs and for tests. Errors as subtree_root, and index >= 2^height (kInvalidArgument).
Result<MerklePath> subtree_path(std::span<const Fp> leaves, unsigned height, uint64_t index);

struct SubtreeProof {
  uint64_t first_index = 0;      // ledger index of leaves[0]; a multiple of 2^height
  unsigned height = 0;           // the subtree covers 2^height ledger positions
  std::vector<Fp> leaves;        // leaf hashes from first_index; the rest are empty accounts
  MerklePath path_to_root;       // from the subtree root up: depth - height elements
};

// Verifies every leaf of the subtree against `root` with one path. Errors on shapes no honest
// peer produces (misaligned first_index, too many leaves, path length != depth - height, path
// position != first_index / 2^height); a verdict when the hashes do not match.
Result<MerkleVerdict> verify_subtree(const SubtreeProof& proof, const Fp& root, unsigned depth = kLedgerDepth);

}  // namespace mina::ledger
