#include "encoding/sexp.hpp"

#include <algorithm>

namespace mina::sexp {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// Characters that end an unquoted atom.
bool is_delim(char c) { return is_space(c) || c == '(' || c == ')' || c == '"' || c == ';'; }

Error malformed(size_t pos, const std::string& what) {
  return Error{ErrorCode::kMalformedSexp, what + " at byte " + std::to_string(pos)};
}

class Parser {
 public:
  Parser(std::string_view text, const Limits& limits) : s_(text), limits_(limits) {}

  Result<Sexp> parse_one() {
    skip_space();
    if (pos_ >= s_.size()) return malformed(pos_, "empty input");
    MINA_TRY(v, parse_value(0));
    skip_space();
    if (pos_ != s_.size()) return malformed(pos_, "text after the S-expression");
    return v;
  }

 private:
  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  Result<std::monostate> count_node() {
    if (++nodes_ > limits_.max_nodes)
      return Error{ErrorCode::kLimitExceeded, "more than " + std::to_string(limits_.max_nodes) + " S-expression nodes"};
    return std::monostate{};
  }

  // Called with pos_ on the first character of a value.
  Result<Sexp> parse_value(size_t depth) {
    MINA_TRY(counted, count_node());
    (void)counted;
    char c = s_[pos_];
    if (c == '(') return parse_list(depth);
    if (c == ')') return malformed(pos_, "unbalanced ')'");
    if (c == '"') return parse_quoted();
    if (c == ';') return malformed(pos_, "comments are not accepted");
    return parse_plain();
  }

  Result<Sexp> parse_list(size_t depth) {
    if (depth + 1 > limits_.max_depth)
      return Error{ErrorCode::kLimitExceeded, "S-expression nested deeper than " + std::to_string(limits_.max_depth)};
    size_t open = pos_++;
    std::vector<Sexp> items;
    for (;;) {
      skip_space();
      if (pos_ >= s_.size()) return malformed(open, "unclosed '('");
      if (s_[pos_] == ')') {
        ++pos_;
        return Sexp::make_list(std::move(items));
      }
      MINA_TRY(item, parse_value(depth + 1));
      items.push_back(std::move(item));
    }
  }

  Result<Sexp> parse_plain() {
    size_t start = pos_;
    while (pos_ < s_.size() && !is_delim(s_[pos_])) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      // Printers quote control characters and non-ASCII bytes, so unquoted ones are garbage.
      if (c < 0x21 || c >= 0x7f) return malformed(pos_, "control or non-ASCII byte in an unquoted atom");
      ++pos_;
      if (pos_ - start > limits_.max_atom_bytes)
        return Error{ErrorCode::kLimitExceeded, "atom longer than " + std::to_string(limits_.max_atom_bytes) + " bytes"};
    }
    std::string_view a = s_.substr(start, pos_ - start);
    // Block and expression comments (#| |#, #;) are not accepted either.
    if (a.find("#|") != std::string_view::npos || a.find("|#") != std::string_view::npos ||
        a.find("#;") != std::string_view::npos)
      return malformed(start, "comment markers are not accepted");
    return Sexp::make_atom(std::string(a));
  }

  static int digit(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }
  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // OCaml string-literal escapes, as Sexplib's lexer reads them.
  Result<Sexp> parse_quoted() {
    size_t open = pos_++;
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) return malformed(open, "unterminated quoted atom");
      if (out.size() > limits_.max_atom_bytes)
        return Error{ErrorCode::kLimitExceeded, "atom longer than " + std::to_string(limits_.max_atom_bytes) + " bytes"};
      char c = s_[pos_++];
      if (c == '"') return Sexp::make_atom(std::move(out));
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) return malformed(pos_, "unterminated escape");
      char e = s_[pos_++];
      switch (e) {
        case '\\': out.push_back('\\'); break;
        case '"': out.push_back('"'); break;
        case '\'': out.push_back('\''); break;
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'b': out.push_back('\b'); break;
        case 'r': out.push_back('\r'); break;
        case ' ': out.push_back(' '); break;
        case '\n':
        case '\r': {
          // Line continuation: skip the newline and the next line's leading blanks.
          if (e == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
          while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
          break;
        }
        case 'x': {
          if (pos_ + 2 > s_.size()) return malformed(pos_, "short \\x escape");
          int h = hex_digit(s_[pos_]), l = hex_digit(s_[pos_ + 1]);
          if (h < 0 || l < 0) return malformed(pos_, "bad \\x escape");
          out.push_back(static_cast<char>(h * 16 + l));
          pos_ += 2;
          break;
        }
        default: {
          int d0 = digit(e);
          if (d0 < 0) return malformed(pos_ - 1, std::string("unknown escape \\") + e);
          if (pos_ + 2 > s_.size()) return malformed(pos_, "short decimal escape");
          int d1 = digit(s_[pos_]), d2 = digit(s_[pos_ + 1]);
          if (d1 < 0 || d2 < 0) return malformed(pos_, "decimal escape needs three digits");
          int v = d0 * 100 + d1 * 10 + d2;
          if (v > 255) return malformed(pos_ - 2, "decimal escape above 255");
          out.push_back(static_cast<char>(v));
          pos_ += 2;
        }
      }
    }
  }

  std::string_view s_;
  const Limits& limits_;
  size_t pos_ = 0;
  size_t nodes_ = 0;
};

bool needs_quotes(const std::string& a) {
  if (a.empty()) return true;
  for (unsigned char c : a)
    if (c < 0x21 || c >= 0x7f || is_delim(char(c)) || c == '\\') return true;
  return a.find("#|") != std::string::npos || a.find("|#") != std::string::npos ||
         a.find("#;") != std::string::npos;
}

void quote(const std::string& a, std::string& out) {
  out.push_back('"');
  for (unsigned char c : a) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          out.push_back('\\');
          out.push_back(char('0' + c / 100));
          out.push_back(char('0' + c / 10 % 10));
          out.push_back(char('0' + c % 10));
        } else {
          out.push_back(char(c));
        }
    }
  }
  out.push_back('"');
}

void print(const Sexp& s, std::string& out) {
  if (s.is_atom()) {
    if (needs_quotes(s.atom())) quote(s.atom(), out);
    else out += s.atom();
    return;
  }
  out.push_back('(');
  bool prev_plain_atom = false;
  for (const Sexp& x : s.list()) {
    bool plain = x.is_atom() && !needs_quotes(x.atom());
    if (prev_plain_atom && plain) out.push_back(' ');
    print(x, out);
    prev_plain_atom = plain;
  }
  out.push_back(')');
}

}  // namespace

Result<Sexp> parse(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_input_bytes)
    return Error{ErrorCode::kLimitExceeded, "S-expression input of " + std::to_string(text.size()) +
                                                " bytes exceeds " + std::to_string(limits.max_input_bytes)};
  return Parser(text, limits).parse_one();
}

Result<std::string_view> Sexp::as_atom(std::string_view what) const {
  if (!is_atom()) return Error{ErrorCode::kMalformedSexp, std::string(what) + ": expected an atom, got a list"};
  return std::string_view(atom_);
}

Result<std::span<const Sexp>> Sexp::as_list(std::string_view what) const {
  if (!is_list()) return Error{ErrorCode::kMalformedSexp, std::string(what) + ": expected a list, got atom '" + atom_.substr(0, 80) + "'"};
  return std::span<const Sexp>(list_);
}

Result<std::span<const Sexp>> Sexp::as_list(std::string_view what, size_t n) const {
  MINA_TRY(items, as_list(what));
  if (items.size() != n)
    return Error{ErrorCode::kInvalidLength, std::string(what) + ": expected " + std::to_string(n) +
                                                " elements, got " + std::to_string(items.size())};
  return items;
}

namespace {
// (name value) -> name, or nullptr if the element is not a two-element list headed by an atom.
const std::string* record_entry_name(const Sexp& e) {
  if (!e.is_list() || e.list().size() != 2 || !e.list()[0].is_atom()) return nullptr;
  return &e.list()[0].atom();
}
}  // namespace

Result<const Sexp*> Sexp::field(std::string_view name) const {
  if (!is_list()) return Error{ErrorCode::kMalformedSexp, "record expected for field '" + std::string(name) + "'"};
  const Sexp* found = nullptr;
  for (const Sexp& e : list_) {
    const std::string* n = record_entry_name(e);
    if (!n || *n != name) continue;
    if (found) return Error{ErrorCode::kMalformedSexp, "duplicate field '" + std::string(name) + "'"};
    found = &e.list()[1];
  }
  if (!found) return Error{ErrorCode::kMalformedSexp, "missing field '" + std::string(name) + "'"};
  return found;
}

Result<std::monostate> Sexp::expect_fields(std::initializer_list<std::string_view> names) const {
  if (!is_list()) return Error{ErrorCode::kMalformedSexp, "record expected, got an atom"};
  if (list_.size() != names.size())
    return Error{ErrorCode::kMalformedSexp, "record has " + std::to_string(list_.size()) + " fields, expected " +
                                                std::to_string(names.size())};
  for (const Sexp& e : list_) {
    const std::string* n = record_entry_name(e);
    if (!n) return Error{ErrorCode::kMalformedSexp, "record entry is not (name value)"};
    if (std::find(names.begin(), names.end(), std::string_view(*n)) == names.end())
      return Error{ErrorCode::kMalformedSexp, "unknown field '" + n->substr(0, 80) + "'"};
  }
  // Same count and every entry known: a duplicate would leave some name missing.
  for (std::string_view want : names) {
    MINA_TRY(f, field(want));
    (void)f;
  }
  return std::monostate{};
}

std::string Sexp::to_string() const {
  std::string out;
  print(*this, out);
  return out;
}

}  // namespace mina::sexp
