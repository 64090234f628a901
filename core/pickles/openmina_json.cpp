// A fifth walker over proof_layout.hpp: OpenMina's serde JSON (see openmina_json.hpp).
#include "pickles/openmina_json.hpp"

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pickles/json_input.hpp"
#include "pickles/proof_layout.hpp"

namespace mina::pickles {
namespace {

using layout_detail::HasLayout;
using layout_detail::VectorKind;
using nlohmann::json;

// A 128-bit challenge spelled without the {inner} record (beta, gamma).
struct PlainChallenge {
  ScalarChallenge* c;
};

class JsonReader {
 public:
  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }

  template <class T>
  void root(const json& j, T& x) { value(j, x); }

  template <class T>
  void field(const char* name, T& x) {
    if (const json* j = lookup(name)) {
      path_.push_back(name);
      value(*j, x);
      path_.pop_back();
    }
  }
  void plain_challenge(const char* name, ScalarChallenge& c) {
    PlainChallenge p{&c};
    field(name, p);
  }
  // kArrayN: a list of at most `max`; kPadded: a PaddedSeq, exactly `max` (as in bin_prot).
  template <class T>
  void vector(const char* name, std::vector<T>& xs, VectorKind kind, size_t max) {
    const json* j = lookup(name);
    if (!j) return;
    path_.push_back(name);
    if (!j->is_array()) fail(ErrorCode::kMalformedJson, "expected an array");
    else if (kind == VectorKind::kArrayN && j->size() > max)
      fail(ErrorCode::kInvalidLength, std::to_string(j->size()) + " elements, at most " + std::to_string(max));
    else if (kind == VectorKind::kPadded && j->size() != max)
      fail(ErrorCode::kInvalidLength, std::to_string(j->size()) + " elements, expected " + std::to_string(max));
    else {
      xs.assign(j->size(), T{});
      for (size_t i = 0; i < j->size() && !failed(); ++i) value((*j)[i], xs[i]);
    }
    path_.pop_back();
  }
  void unit(const char* name) {
    const json* j = lookup(name);
    if (j && !j->is_null()) fail(ErrorCode::kMalformedJson, std::string(name) + " must be null");
  }
  template <class Body>
  void record(const char* name, Body body) {
    const json* j = lookup(name);
    if (!j) return;
    path_.push_back(name);
    in_record(*j, body);
    path_.pop_back();
  }
  void chunked(bool on) { chunked_ = on; }

 private:
  struct Frame {
    const json* record;
    size_t fields_read = 0;
  };

  void fail(Error e) {
    if (failed()) return;
    std::string where;
    for (const char* p : path_) where += (where.empty() ? "" : ".") + std::string(p);
    if (!where.empty()) e.message = where + ": " + e.message;
    error_ = std::move(e);
  }
  void fail(ErrorCode code, std::string msg) { fail(Error{code, std::move(msg)}); }

  const json* lookup(const char* name) {
    if (failed()) return nullptr;
    const json& rec = *frames_.back().record;
    auto it = rec.find(name);
    if (it == rec.end()) {
      fail(ErrorCode::kMalformedJson, std::string("missing member \"") + name + "\"");
      return nullptr;
    }
    ++frames_.back().fields_read;
    return &*it;
  }

  template <class Body>
  void in_record(const json& j, Body body) {
    if (failed()) return;
    if (!j.is_object()) return fail(ErrorCode::kMalformedJson, "expected an object");
    frames_.push_back(Frame{&j});
    body();
    const size_t read = frames_.back().fields_read;
    frames_.pop_back();
    // JSON object keys are unique, so equal counts mean no unknown members.
    if (!failed() && read != j.size())
      fail(ErrorCode::kMalformedJson,
           "object has " + std::to_string(j.size()) + " members, expected " + std::to_string(read));
  }

  // An array of exactly n elements, or nullptr after failing.
  const json* array_of(const json& j, size_t n, const char* what) {
    if (failed()) return nullptr;
    if (!j.is_array()) {
      fail(ErrorCode::kMalformedJson, std::string(what) + ": expected an array");
      return nullptr;
    }
    if (j.size() != n) {
      fail(ErrorCode::kInvalidLength,
           std::string(what) + ": expected " + std::to_string(n) + " elements, got " + std::to_string(j.size()));
      return nullptr;
    }
    return &j;
  }
  const std::string* string_of(const json& j, const char* what) {
    if (failed()) return nullptr;
    if (!j.is_string()) {
      fail(ErrorCode::kMalformedJson, std::string(what) + ": expected a string");
      return nullptr;
    }
    return j.get_ptr<const std::string*>();
  }

  template <class T>
    requires HasLayout<JsonReader, T>
  void value(const json& j, T& x) {
    in_record(j, [&] { layout_detail::layout(*this, x); });
  }

  void value(const json& j, bool& b) {
    if (failed()) return;
    if (!j.is_boolean()) return fail(ErrorCode::kMalformedJson, "expected true or false");
    b = j.get<bool>();
  }

  // "0x" and exactly 64 hex digits: OpenMina's fixed-width spelling, so each value has one.
  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  void value(const json& j, F& x) {
    const std::string* s = string_of(j, "field element");
    if (!s) return;
    if (s->size() != 66 || (*s)[0] != '0' || (*s)[1] != 'x')
      return fail(ErrorCode::kMalformedNumber, "field element must be 0x and 64 hex digits");
    auto f = F::parse(*s);
    if (!f) return fail(f.error());
    x = *f;
  }

  // Decimal u64 without sign or leading zeros.
  void value(const json& j, uint64_t& x) {
    const std::string* s = string_of(j, "64-bit limb");
    if (!s) return;
    if (s->empty() || s->size() > 20 || ((*s)[0] == '0' && s->size() > 1))
      return fail(ErrorCode::kMalformedNumber, "limb must be a canonical decimal u64");
    uint64_t v = 0;
    for (char c : *s) {
      if (c < '0' || c > '9') return fail(ErrorCode::kMalformedNumber, "bad decimal digit in limb");
      const uint64_t d = uint64_t(c - '0');
      if (v > (UINT64_MAX - d) / 10) return fail(ErrorCode::kMalformedNumber, "limb exceeds 64 bits");
      v = v * 10 + d;
    }
    x = v;
  }

  // An OCaml char: a one-character string holding one byte (serde writes it as a char, so any
  // byte above 0x7f would be a two-byte UTF-8 sequence; domain_log2 never is).
  void value(const json& j, uint8_t& x) {
    const std::string* s = string_of(j, "char");
    if (!s) return;
    if (s->size() != 1 || uint8_t((*s)[0]) >= 0x80) return fail(ErrorCode::kMalformedJson, "char must be one ASCII character");
    x = uint8_t((*s)[0]);
  }

  void value(const json& j, ProofsVerified& x) {
    const json* a = array_of(j, 1, "proofs_verified");
    if (!a) return;
    const std::string* s = string_of((*a)[0], "proofs_verified");
    if (!s) return;
    if (*s == "N0") x = ProofsVerified::kN0;
    else if (*s == "N1") x = ProofsVerified::kN1;
    else if (*s == "N2") x = ProofsVerified::kN2;
    else fail(ErrorCode::kMalformedJson, "proofs_verified must be [\"N0\"], [\"N1\"] or [\"N2\"]");
  }

  void limbs(const json& j, ScalarChallenge& c) {
    const json* a = array_of(j, 2, "challenge limbs");
    if (!a) return;
    uint64_t lo = 0, hi = 0;
    value((*a)[0], lo);
    value((*a)[1], hi);
    if (!failed()) c = ScalarChallenge::from_limbs(lo, hi);
  }
  void value(const json& j, PlainChallenge& p) { limbs(j, *p.c); }
  void value(const json& j, ScalarChallenge& c) {
    in_record(j, [&] {
      if (const json* inner = lookup("inner")) limbs(*inner, c);
    });
  }

  template <class C>
  void value(const json& j, Affine<C>& p) {
    const json* a = array_of(j, 2, "point");
    if (!a) return;
    typename C::Base x, y;
    value((*a)[0], x);
    value((*a)[1], y);
    if (failed()) return;
    auto r = Affine<C>::from_xy(x, y);
    if (!r) return fail(r.error());
    p = *r;
  }

  void value(const json& j, PublicInputEvaluations& e) {
    const json* a = array_of(j, 2, "public_input");
    if (!a) return;
    value((*a)[0], e.zeta);
    value((*a)[1], e.zeta_omega);
  }

  template <class F>
  void value(const json& j, PointEvaluations<F>& e) {
    const json* a = array_of(j, 2, "evaluation pair");
    if (!a) return;
    if (!chunked_) {
      e.zeta.assign(1, F{});
      e.zeta_omega.assign(1, F{});
      value((*a)[0], e.zeta[0]);
      value((*a)[1], e.zeta_omega[0]);
      return;
    }
    for (int k = 0; k < 2 && !failed(); ++k) {
      std::vector<F>& out = k == 0 ? e.zeta : e.zeta_omega;
      const json& chunks = (*a)[k];
      if (!chunks.is_array()) return fail(ErrorCode::kMalformedJson, "evaluation chunks: expected an array");
      if (chunks.size() > 16) return fail(ErrorCode::kInvalidLength, "more than 16 evaluation chunks");
      out.assign(chunks.size(), F{});
      for (size_t i = 0; i < chunks.size(); ++i) value(chunks[i], out[i]);
    }
  }

  template <class T, size_t N>
  void value(const json& j, std::array<T, N>& xs) {
    const json* a = array_of(j, N, "vector");
    if (!a) return;
    for (size_t i = 0; i < N && !failed(); ++i) value((*a)[i], xs[i]);
  }

  template <class T>
  void value(const json& j, std::optional<T>& x) {
    if (failed()) return;
    if (j.is_null()) {
      x.reset();
      return;
    }
    x.emplace();
    value(j, *x);
  }

  template <class A, class B>
  void value(const json& j, std::pair<A, B>& x) {
    const json* a = array_of(j, 2, "pair");
    if (!a) return;
    value((*a)[0], x.first);
    value((*a)[1], x.second);
  }

  std::vector<Frame> frames_;
  std::vector<const char*> path_;
  std::optional<Error> error_;
  bool chunked_ = true;
};

// A proof is ~60 KB of JSON; anything far above is not one.
constexpr size_t kMaxProofJsonBytes = size_t(1) << 20;

}  // namespace

Result<WrapProof> decode_proof_openmina_json_value(const json& j) {
  WrapProof p;
  JsonReader r;
  r.root(j, p);
  if (r.failed()) return r.error();
  return p;
}

Result<WrapProof> decode_proof_openmina_json(std::string_view text) {
  MINA_TRY(j, json_input::parse_object(text, kMaxProofJsonBytes, "proof"));
  return decode_proof_openmina_json_value(j);
}

}  // namespace mina::pickles
