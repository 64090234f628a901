// S-expression reader: OCaml escapes, Sexplib's machine printing, strictness and limits.
#include <catch2/catch.hpp>

#include <string>

#include "encoding/sexp.hpp"

using namespace mina;
using mina::sexp::Sexp;

namespace {
Sexp atom(std::string a) { return Sexp::make_atom(std::move(a)); }
Sexp list(std::vector<Sexp> xs) { return Sexp::make_list(std::move(xs)); }
ErrorCode code_of(std::string_view text, const sexp::Limits& limits = {}) {
  auto r = sexp::parse(text, limits);
  REQUIRE_FALSE(r.ok());
  return r.error().code;
}
}  // namespace

TEST_CASE("sexp: atoms, lists and whitespace", "[pickles][sexp]") {
  auto r = sexp::parse("  (a (b c) () \"d e\")\n");
  REQUIRE(r.ok());
  CHECK(*r == list({atom("a"), list({atom("b"), atom("c")}), list({}), atom("d e")}));
  CHECK(sexp::parse("x")->atom() == "x");
  // Quoted atoms may touch their neighbours, as Sexplib's machine form prints them.
  auto t = sexp::parse("(domain_log2\"\\t\")");
  REQUIRE(t.ok());
  CHECK(*t == list({atom("domain_log2"), atom("\t")}));
}

TEST_CASE("sexp: OCaml escapes in quoted atoms", "[pickles][sexp]") {
  struct Case {
    const char* text;
    std::string value;
  };
  const Case cases[] = {
      {R"("\000")", std::string(1, '\0')},
      {R"("\255")", std::string(1, '\xff')},
      {R"("\016")", std::string(1, '\x10')},
      {R"("\x41\x7e")", "A~"},
      {R"("\n\t\b\r\ \\\"\'")", "\n\t\b\r \\\"'"},
      {"\"a\\\n    b\"", "ab"},  // line continuation skips the next line's indentation
      {R"("")", ""},
      {"\"(;)\"", "(;)"},
  };
  for (const auto& c : cases) {
    auto r = sexp::parse(c.text);
    INFO(c.text);
    REQUIRE(r.ok());
    REQUIRE(r->is_atom());
    CHECK(r->atom() == c.value);
  }
}

TEST_CASE("sexp: machine printing round-trips and quotes only when needed", "[pickles][sexp]") {
  Sexp s = list({atom("a"), atom("b"), list({atom("x y"), atom("c")}), atom(std::string(1, '\x10')), atom("z"),
                 atom(""), atom("\xff")});
  std::string text = s.to_string();
  CHECK(text == "(a b(\"x y\"c)\"\\016\"z\"\"\"\\255\")");
  auto back = sexp::parse(text);
  REQUIRE(back.ok());
  CHECK(*back == s);
}

TEST_CASE("sexp: malformed input is a typed error", "[pickles][sexp]") {
  for (const char* bad : {"", "   ", "(", ")", "(a))", "(a) b", "a b", "\"abc", "\"\\q\"", "\"\\256\"", "\"\\25\"",
                          "\"\\x4\"", "\"\\xg0\"", "(a ; comment\n)", "#|x|#", "a#;b", "(\x01)", "(caf\xc3\xa9)"}) {
    INFO(bad);
    CHECK(code_of(bad) == ErrorCode::kMalformedSexp);
  }
}

TEST_CASE("sexp: limits on depth, nodes, atom length and input size", "[pickles][sexp]") {
  sexp::Limits limits;
  limits.max_depth = 8;
  CHECK(sexp::parse(std::string(8, '(') + std::string(8, ')'), limits).ok());
  CHECK(code_of(std::string(9, '(') + std::string(9, ')'), limits) == ErrorCode::kLimitExceeded);
  // The default depth limit stops a megabyte of '(' long before the stack is at risk.
  CHECK(code_of(std::string(1 << 20, '(')) == ErrorCode::kLimitExceeded);

  limits = {};
  limits.max_nodes = 4;
  CHECK(sexp::parse("(a b c)", limits).ok());
  CHECK(code_of("(a b c d)", limits) == ErrorCode::kLimitExceeded);

  limits = {};
  limits.max_atom_bytes = 4;
  CHECK(sexp::parse("abcd", limits).ok());
  CHECK(code_of("abcde", limits) == ErrorCode::kLimitExceeded);
  CHECK(code_of("\"abcdef\"", limits) == ErrorCode::kLimitExceeded);

  limits = {};
  limits.max_input_bytes = 3;
  CHECK(code_of("(ab)", limits) == ErrorCode::kLimitExceeded);
}

TEST_CASE("sexp: record field access", "[pickles][sexp]") {
  auto r = sexp::parse("((a 1) (b (x y)) (c ()))");
  REQUIRE(r.ok());
  auto b = r->field("b");
  REQUIRE(b.ok());
  CHECK(**b == list({atom("x"), atom("y")}));
  CHECK(r->field("missing").error().code == ErrorCode::kMalformedSexp);
  CHECK(r->expect_fields({"a", "b", "c"}).ok());
  CHECK(r->expect_fields({"c", "b", "a"}).ok());
  CHECK_FALSE(r->expect_fields({"a", "b"}).ok());
  CHECK_FALSE(r->expect_fields({"a", "b", "d"}).ok());
  auto dup = sexp::parse("((a 1) (a 2) (b 3))");
  REQUIRE(dup.ok());
  CHECK(dup->field("a").error().code == ErrorCode::kMalformedSexp);
  CHECK_FALSE(dup->expect_fields({"a", "b", "c"}).ok());
  CHECK(sexp::parse("x")->field("a").error().code == ErrorCode::kMalformedSexp);
  CHECK(r->as_list("rec", 2).error().code == ErrorCode::kInvalidLength);
  CHECK(r->as_atom("rec").error().code == ErrorCode::kMalformedSexp);
}
