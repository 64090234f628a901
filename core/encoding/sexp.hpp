// S-expressions as OCaml's Sexplib prints them (Pickles proofs in o1js `proof` strings, Mina's
// `.sexp` dumps). The reader is strict and bounded: exactly one expression (surrounding
// whitespace allowed), no comments (no Mina printer emits them, and accepting them would give one
// value many spellings), quoted atoms with OCaml escapes, and limits on input size, nesting depth,
// node count and atom length so that hostile input cannot exhaust the stack or the heap.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace mina::sexp {

struct Limits {
  size_t max_input_bytes = size_t{8} << 20;  // a proof is ~25 KB, a block-prover input ~70 KB
  size_t max_depth = 64;                     // a proof nests ~15 deep
  size_t max_nodes = size_t{1} << 20;        // bounds memory at ~40 bytes per node
  size_t max_atom_bytes = 4096;              // the longest real atom is a 66-char field element
};

class Sexp {
 public:
  static Sexp make_atom(std::string a) {
    Sexp s;
    s.is_list_ = false;
    s.atom_ = std::move(a);
    return s;
  }
  static Sexp make_list(std::vector<Sexp> items) {
    Sexp s;
    s.is_list_ = true;
    s.list_ = std::move(items);
    return s;
  }

  bool is_atom() const { return !is_list_; }
  bool is_list() const { return is_list_; }
  // Unchecked views: only valid for the matching kind (empty otherwise).
  const std::string& atom() const { return atom_; }
  const std::vector<Sexp>& list() const { return list_; }

  // Checked views for decoders: kMalformedSexp naming `what` when the kind is wrong.
  Result<std::string_view> as_atom(std::string_view what) const;
  Result<std::span<const Sexp>> as_list(std::string_view what) const;
  // A list of exactly n elements.
  Result<std::span<const Sexp>> as_list(std::string_view what, size_t n) const;

  // Records print as ((name1 value1) (name2 value2) ...). field() finds the value of `name`;
  // missing or repeated names are errors.
  Result<const Sexp*> field(std::string_view name) const;
  // The record has exactly these field names, in any order, each once (OCaml's of_sexp rejects
  // unknown and duplicate fields too).
  Result<std::monostate> expect_fields(std::initializer_list<std::string_view> names) const;

  // Sexplib's machine form (no whitespace except between adjacent atoms), atoms quoted only when
  // needed, with OCaml escapes. Used for tests and error messages.
  std::string to_string() const;

  bool operator==(const Sexp& o) const = default;

 private:
  bool is_list_ = true;
  std::string atom_;
  std::vector<Sexp> list_;
};

// Errors: kMalformedSexp (syntax, bad escape, several expressions), kLimitExceeded (limits).
Result<Sexp> parse(std::string_view text, const Limits& limits = {});

}  // namespace mina::sexp
