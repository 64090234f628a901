// The four walkers over proof_layout.hpp: S-expression reader and writer, bin_prot reader and
// writer. Readers stop at the first error (later calls are no-ops) and report it with the path
// of record fields that led there.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "encoding/base64.hpp"
#include "pickles/decode.hpp"
#include "pickles/proof_layout.hpp"

namespace mina::pickles {
namespace {

using layout_detail::HasLayout;
using layout_detail::VectorKind;
using sexp::Sexp;

// A 128-bit challenge printed without the {inner} record (beta, gamma).
struct PlainChallenge {
  ScalarChallenge* c;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// S-expression reader

class SexpReader {
 public:
  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }

  // Top level: the whole value.
  template <class T>
  void root(const Sexp& s, T& x) { value(s, x); }

  template <class T>
  void field(const char* name, T& x) {
    if (const Sexp* s = lookup(name)) {
      path_.push_back(name);
      value(*s, x);
      path_.pop_back();
    }
  }
  void plain_challenge(const char* name, ScalarChallenge& c) {
    PlainChallenge p{&c};
    field(name, p);
  }
  template <class T>
  void vector(const char* name, std::vector<T>& xs, VectorKind, size_t max) {
    const Sexp* s = lookup(name);
    if (!s) return;
    path_.push_back(name);
    auto items = s->as_list(name);
    if (!items) fail(items.error());
    else if (items->size() > max)
      fail(ErrorCode::kInvalidLength, std::to_string(items->size()) + " elements, at most " + std::to_string(max));
    else {
      xs.assign(items->size(), T{});
      for (size_t i = 0; i < items->size() && !failed(); ++i) value((*items)[i], xs[i]);
    }
    path_.pop_back();
  }
  void unit(const char* name) {
    const Sexp* s = lookup(name);
    if (s && !(s->is_list() && s->list().empty())) fail(ErrorCode::kMalformedSexp, std::string(name) + " must be ()");
  }
  template <class Body>
  void record(const char* name, Body body) {
    const Sexp* s = lookup(name);
    if (!s) return;
    path_.push_back(name);
    in_record(*s, body);
    path_.pop_back();
  }
  void chunked(bool on) { chunked_ = on; }

 private:
  struct Frame {
    const Sexp* record;
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

  const Sexp* lookup(const char* name) {
    if (failed()) return nullptr;
    auto f = frames_.back().record->field(name);
    if (!f) {
      fail(f.error());
      return nullptr;
    }
    ++frames_.back().fields_read;
    return *f;
  }

  template <class Body>
  void in_record(const Sexp& s, Body body) {
    if (failed()) return;
    if (!s.is_list()) return fail(ErrorCode::kMalformedSexp, "record expected, got an atom");
    frames_.push_back(Frame{&s});
    body();
    size_t read = frames_.back().fields_read;
    frames_.pop_back();
    // Every lookup found a distinct name exactly once, so equal counts mean no unknown entries.
    if (!failed() && read != s.list().size())
      fail(ErrorCode::kMalformedSexp, "record has " + std::to_string(s.list().size()) + " entries, expected " +
                                          std::to_string(read));
  }

  template <class T>
    requires HasLayout<SexpReader, T>
  void value(const Sexp& s, T& x) {
    in_record(s, [&] { layout_detail::layout(*this, x); });
  }

  void value(const Sexp& s, bool& b) {
    auto a = s.as_atom("bool");
    if (!a) return fail(a.error());
    if (*a == "true") b = true;
    else if (*a == "false") b = false;
    else fail(ErrorCode::kMalformedSexp, "bool must be true or false");
  }

  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  void value(const Sexp& s, F& x) {
    auto a = s.as_atom("field element");
    if (!a) return fail(a.error());
    auto f = F::parse(*a);
    if (!f) return fail(f.error());
    x = *f;
  }

  // Limb_vector.Constant.Hex64: hex digits, printed as %016Lx.
  void value(const Sexp& s, uint64_t& x) {
    auto a = s.as_atom("64-bit limb");
    if (!a) return fail(a.error());
    if (a->empty() || a->size() > 16) return fail(ErrorCode::kMalformedNumber, "limb must be 1 to 16 hex digits");
    uint64_t v = 0;
    for (char c : *a) {
      int d = hex_value(c);
      if (d < 0) return fail(ErrorCode::kMalformedNumber, "bad hex digit in limb");
      v = (v << 4) | uint64_t(d);
    }
    x = v;
  }

  // An OCaml char: one byte, however it was quoted.
  void value(const Sexp& s, uint8_t& x) {
    auto a = s.as_atom("char");
    if (!a) return fail(a.error());
    if (a->size() != 1) return fail(ErrorCode::kMalformedSexp, "char atom must be one byte");
    x = static_cast<uint8_t>((*a)[0]);
  }

  void value(const Sexp& s, ProofsVerified& x) {
    auto a = s.as_atom("proofs_verified");
    if (!a) return fail(a.error());
    if (*a == "N0") x = ProofsVerified::kN0;
    else if (*a == "N1") x = ProofsVerified::kN1;
    else if (*a == "N2") x = ProofsVerified::kN2;
    else fail(ErrorCode::kMalformedSexp, "proofs_verified must be N0, N1 or N2");
  }

  void limbs(const Sexp& s, ScalarChallenge& c) {
    auto items = s.as_list("challenge limbs", 2);
    if (!items) return fail(items.error());
    uint64_t lo = 0, hi = 0;
    value((*items)[0], lo);
    value((*items)[1], hi);
    if (!failed()) c = ScalarChallenge::from_limbs(lo, hi);
  }
  void value(const Sexp& s, PlainChallenge& p) { limbs(s, *p.c); }
  // Scalar_challenge.t = {inner : limbs}.
  void value(const Sexp& s, ScalarChallenge& c) {
    in_record(s, [&] {
      if (const Sexp* inner = lookup("inner")) limbs(*inner, c);
    });
  }

  template <class C>
  void value(const Sexp& s, Affine<C>& p) {
    auto items = s.as_list("point", 2);
    if (!items) return fail(items.error());
    typename C::Base x, y;
    value((*items)[0], x);
    value((*items)[1], y);
    if (failed()) return;
    auto r = Affine<C>::from_xy(x, y);
    if (!r) return fail(r.error());
    p = *r;
  }

  void value(const Sexp& s, PublicInputEvaluations& e) {
    auto items = s.as_list("public_input", 2);
    if (!items) return fail(items.error());
    value((*items)[0], e.zeta);
    value((*items)[1], e.zeta_omega);
  }

  // Step side: (zeta_chunks zeta_omega_chunks), each a list of at most 16 (ArrayN16).
  // Wrap side: (zeta zeta_omega), one value each.
  template <class F>
  void value(const Sexp& s, PointEvaluations<F>& e) {
    auto items = s.as_list("evaluation pair", 2);
    if (!items) return fail(items.error());
    if (!chunked_) {
      e.zeta.assign(1, F{});
      e.zeta_omega.assign(1, F{});
      value((*items)[0], e.zeta[0]);
      value((*items)[1], e.zeta_omega[0]);
      return;
    }
    for (int k = 0; k < 2 && !failed(); ++k) {
      std::vector<F>& out = k == 0 ? e.zeta : e.zeta_omega;
      auto chunks = (*items)[k].as_list("evaluation chunks");
      if (!chunks) return fail(chunks.error());
      if (chunks->size() > 16) return fail(ErrorCode::kInvalidLength, "more than 16 evaluation chunks");
      out.assign(chunks->size(), F{});
      for (size_t i = 0; i < chunks->size(); ++i) value((*chunks)[i], out[i]);
    }
  }

  template <class T, size_t N>
  void value(const Sexp& s, std::array<T, N>& xs) {
    auto items = s.as_list("vector", N);
    if (!items) return fail(items.error());
    for (size_t i = 0; i < N && !failed(); ++i) value((*items)[i], xs[i]);
  }

  template <class T>
  void value(const Sexp& s, std::optional<T>& x) {
    auto items = s.as_list("option");
    if (!items) return fail(items.error());
    if (items->empty()) {
      x.reset();
      return;
    }
    if (items->size() != 1) return fail(ErrorCode::kMalformedSexp, "option must be () or (value)");
    x.emplace();
    value((*items)[0], *x);
  }

  template <class A, class B>
  void value(const Sexp& s, std::pair<A, B>& x) {
    auto items = s.as_list("pair", 2);
    if (!items) return fail(items.error());
    value((*items)[0], x.first);
    value((*items)[1], x.second);
  }

  std::vector<Frame> frames_;
  std::vector<const char*> path_;
  std::optional<Error> error_;
  bool chunked_ = true;
};

// ---------------------------------------------------------------------------------------------
// S-expression writer (Sexplib's machine form as o1js prints proofs)

class SexpWriter {
 public:
  template <class T>
  Sexp root(T& x) { return value(x); }

  template <class T>
  void field(const char* name, T& x) { emit(name, value(x)); }
  void plain_challenge(const char* name, ScalarChallenge& c) { emit(name, limbs(c)); }
  template <class T>
  void vector(const char* name, std::vector<T>& xs, VectorKind, size_t) {
    std::vector<Sexp> items;
    for (auto& x : xs) items.push_back(value(x));
    emit(name, Sexp::make_list(std::move(items)));
  }
  void unit(const char* name) { emit(name, Sexp::make_list({})); }
  template <class Body>
  void record(const char* name, Body body) { emit(name, in_record(body)); }
  void chunked(bool on) { chunked_ = on; }

 private:
  void emit(const char* name, Sexp v) {
    frames_.back().push_back(Sexp::make_list({Sexp::make_atom(name), std::move(v)}));
  }
  template <class Body>
  Sexp in_record(Body body) {
    frames_.emplace_back();
    body();
    Sexp r = Sexp::make_list(std::move(frames_.back()));
    frames_.pop_back();
    return r;
  }

  template <class T>
    requires HasLayout<SexpWriter, T>
  Sexp value(T& x) {
    return in_record([&] { layout_detail::layout(*this, x); });
  }
  Sexp value(bool& b) { return Sexp::make_atom(b ? "true" : "false"); }
  // Kimchi's OCaml bindings print fields as 0x + 64 uppercase hex digits.
  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  Sexp value(F& x) {
    static const char* d = "0123456789ABCDEF";
    auto b = x.to_bytes_le();
    std::string s = "0x";
    for (size_t i = 32; i-- > 0;) {
      s.push_back(d[b[i] >> 4]);
      s.push_back(d[b[i] & 15]);
    }
    return Sexp::make_atom(std::move(s));
  }
  Sexp value(uint64_t& x) {
    static const char* d = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i) s[15 - i] = d[(x >> (4 * i)) & 15];
    return Sexp::make_atom(std::move(s));
  }
  Sexp value(uint8_t& x) { return Sexp::make_atom(std::string(1, char(x))); }
  Sexp value(ProofsVerified& x) { return Sexp::make_atom("N" + std::to_string(int(x))); }
  Sexp limbs(const ScalarChallenge& c) {
    uint64_t lo = c.lo(), hi = c.hi();
    return Sexp::make_list({value(lo), value(hi)});
  }
  Sexp value(ScalarChallenge& c) {
    return Sexp::make_list({Sexp::make_list({Sexp::make_atom("inner"), limbs(c)})});
  }
  template <class C>
  Sexp value(Affine<C>& p) { return Sexp::make_list({value(p.x), value(p.y)}); }
  Sexp value(PublicInputEvaluations& e) { return Sexp::make_list({value(e.zeta), value(e.zeta_omega)}); }
  template <class F>
  Sexp value(PointEvaluations<F>& e) {
    if (!chunked_) {
      // Wrap-side evaluations are single values; encode_* validated the sizes.
      return Sexp::make_list({value(e.zeta.at(0)), value(e.zeta_omega.at(0))});
    }
    std::vector<Sexp> z, zw;
    for (auto& x : e.zeta) z.push_back(value(x));
    for (auto& x : e.zeta_omega) zw.push_back(value(x));
    return Sexp::make_list({Sexp::make_list(std::move(z)), Sexp::make_list(std::move(zw))});
  }
  template <class T, size_t N>
  Sexp value(std::array<T, N>& xs) {
    std::vector<Sexp> items;
    for (auto& x : xs) items.push_back(value(x));
    return Sexp::make_list(std::move(items));
  }
  template <class T>
  Sexp value(std::optional<T>& x) {
    if (!x) return Sexp::make_list({});
    return Sexp::make_list({value(*x)});
  }
  template <class A, class B>
  Sexp value(std::pair<A, B>& x) { return Sexp::make_list({value(x.first), value(x.second)}); }

  std::vector<std::vector<Sexp>> frames_{1};
  bool chunked_ = true;
};

// ---------------------------------------------------------------------------------------------
// bin_prot reader

class BinReader {
 public:
  explicit BinReader(BinProtReader& r) : r_(r) {}
  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }

  template <class T>
  void root(T& x) { value(x); }

  template <class T>
  void field(const char* name, T& x) {
    if (failed()) return;
    path_.push_back(name);
    value(x);
    path_.pop_back();
  }
  void plain_challenge(const char* name, ScalarChallenge& c) { field(name, c); }
  template <class T>
  void vector(const char* name, std::vector<T>& xs, VectorKind kind, size_t max) {
    if (failed()) return;
    path_.push_back(name);
    if (kind == VectorKind::kArrayN) {
      // `max` is a small constant, so the bound alone keeps this allocation small.
      auto n = r_.read_length(max);
      if (!n) fail(n.error());
      else {
        xs.assign(*n, T{});
        for (auto& x : xs) value(x);
      }
    } else {
      xs.assign(max, T{});
      for (auto& x : xs) value(x);
      padding_unit();
    }
    path_.pop_back();
  }
  void unit(const char*) {
    if (failed()) return;
    auto u = r_.read_unit();
    if (!u) fail(u.error());
  }
  template <class Body>
  void record(const char* name, Body body) {
    if (failed()) return;
    path_.push_back(name);
    body();
    path_.pop_back();
  }
  void chunked(bool on) { chunked_ = on; }

 private:
  void fail(Error e) {
    if (failed()) return;
    std::string where;
    for (const char* p : path_) where += (where.empty() ? "" : ".") + std::string(p);
    if (!where.empty()) e.message = where + ": " + e.message;
    error_ = std::move(e);
  }
  template <class T>
  void take(Result<T> r, T& out) {
    if (!r) fail(r.error());
    else out = std::move(*r);
  }
  // The `[]` that ends a fixed-length Pickles vector on the wire.
  void padding_unit() {
    if (failed()) return;
    auto u = r_.read_unit();
    if (!u) fail(u.error());
  }

  template <class T>
    requires HasLayout<BinReader, T>
  void value(T& x) {
    if (!failed()) layout_detail::layout(*this, x);
  }
  void value(bool& b) {
    if (!failed()) take(r_.read_bool(), b);
  }
  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  void value(F& x) {
    if (!failed()) take(r_.read_field<F>(), x);
  }
  void value(uint64_t& x) {
    if (!failed()) take(r_.read_u64_as_int64(), x);
  }
  void value(uint8_t& x) {
    if (!failed()) take(r_.read_u8(), x);
  }
  void value(ProofsVerified& x) {
    if (failed()) return;
    auto t = r_.read_variant_index(3, "Proofs_verified");
    if (!t) return fail(t.error());
    x = static_cast<ProofsVerified>(*t);
  }
  // Limbs are PaddedSeq<u64, 2>; the {inner} record is transparent in bin_prot.
  void value(ScalarChallenge& c) {
    uint64_t lo = 0, hi = 0;
    value(lo);
    value(hi);
    padding_unit();
    if (!failed()) c = ScalarChallenge::from_limbs(lo, hi);
  }
  template <class C>
  void value(Affine<C>& p) {
    if (!failed()) take(r_.read_point<C>(), p);
  }
  void value(PublicInputEvaluations& e) {
    value(e.zeta);
    value(e.zeta_omega);
  }
  template <class F>
  void value(PointEvaluations<F>& e) {
    if (!chunked_) {
      e.zeta.assign(1, F{});
      e.zeta_omega.assign(1, F{});
      value(e.zeta[0]);
      value(e.zeta_omega[0]);
      return;
    }
    for (std::vector<F>* out : {&e.zeta, &e.zeta_omega}) {
      if (failed()) return;
      auto n = r_.read_length(16, 32);
      if (!n) return fail(n.error());
      out->assign(*n, F{});
      for (auto& x : *out) value(x);
    }
  }
  template <class T, size_t N>
  void value(std::array<T, N>& xs) {
    for (auto& x : xs) value(x);
    padding_unit();
  }
  template <class T>
  void value(std::optional<T>& x) {
    if (failed()) return;
    auto tag = r_.read_option_tag();
    if (!tag) return fail(tag.error());
    if (!*tag) {
      x.reset();
      return;
    }
    x.emplace();
    value(*x);
  }
  template <class A, class B>
  void value(std::pair<A, B>& x) {
    value(x.first);
    value(x.second);
  }

  BinProtReader& r_;
  std::vector<const char*> path_;
  std::optional<Error> error_;
  bool chunked_ = true;
};

// ---------------------------------------------------------------------------------------------
// bin_prot writer (inputs validated by encode_proof_binprot first)

class BinWriter {
 public:
  template <class T>
  void root(T& x) { value(x); }
  template <class T>
  void field(const char*, T& x) { value(x); }
  void plain_challenge(const char*, ScalarChallenge& c) { value(c); }
  template <class T>
  void vector(const char*, std::vector<T>& xs, VectorKind kind, size_t) {
    if (kind == VectorKind::kArrayN) w_.write_nat0(xs.size());
    for (auto& x : xs) value(x);
    if (kind == VectorKind::kPadded) w_.write_unit();
  }
  void unit(const char*) { w_.write_unit(); }
  template <class Body>
  void record(const char*, Body body) { body(); }
  void chunked(bool on) { chunked_ = on; }
  Bytes take() { return w_.take(); }

 private:
  template <class T>
    requires HasLayout<BinWriter, T>
  void value(T& x) { layout_detail::layout(*this, x); }
  void value(bool& b) { w_.write_bool(b); }
  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  void value(F& x) { w_.write_field(x); }
  void value(uint64_t& x) { w_.write_u64_as_int64(x); }
  void value(uint8_t& x) { w_.write_u8(x); }
  void value(ProofsVerified& x) { w_.write_u8(uint8_t(x)); }
  void value(ScalarChallenge& c) {
    w_.write_u64_as_int64(c.lo());
    w_.write_u64_as_int64(c.hi());
    w_.write_unit();
  }
  template <class C>
  void value(Affine<C>& p) { w_.write_point(p); }
  void value(PublicInputEvaluations& e) {
    value(e.zeta);
    value(e.zeta_omega);
  }
  template <class F>
  void value(PointEvaluations<F>& e) {
    if (!chunked_) {
      value(e.zeta.at(0));
      value(e.zeta_omega.at(0));
      return;
    }
    w_.write_nat0(e.zeta.size());
    for (auto& x : e.zeta) value(x);
    w_.write_nat0(e.zeta_omega.size());
    for (auto& x : e.zeta_omega) value(x);
  }
  template <class T, size_t N>
  void value(std::array<T, N>& xs) {
    for (auto& x : xs) value(x);
    w_.write_unit();
  }
  template <class T>
  void value(std::optional<T>& x) {
    w_.write_u8(x ? 1 : 0);
    if (x) value(*x);
  }
  template <class A, class B>
  void value(std::pair<A, B>& x) {
    value(x.first);
    value(x.second);
  }

  BinProtWriter w_;
  bool chunked_ = true;
};

// What the writers cannot express: they are given only proofs that pass this.
Result<std::monostate> check_encodable(const WrapProof& p, bool for_binprot) {
  auto bad = [](const std::string& m) { return Error{ErrorCode::kInvalidArgument, "cannot encode proof: " + m}; };
  const auto& wrap = p.statement.proof_state.messages_for_next_wrap_proof;
  if (for_binprot && wrap.old_bulletproof_challenges.size() != 2)
    return Error{ErrorCode::kInvalidLength, "bin_prot Proofs_verified_2 needs 2 wrap challenge vectors, got " +
                                                std::to_string(wrap.old_bulletproof_challenges.size())};
  if (wrap.old_bulletproof_challenges.size() > 2) return bad("more than 2 wrap challenge vectors");
  const auto& step = p.statement.messages_for_next_step_proof;
  if (step.challenge_polynomial_commitments.size() > 2 || step.old_bulletproof_challenges.size() > 2)
    return bad("more than 2 step messages");
  if (p.proof.opening.lr.size() > 16) return bad("more than 16 IPA rounds");
  // Points: the wire pair form has no infinity.
  bool inf = wrap.challenge_polynomial_commitment.infinity || p.proof.z_comm.infinity ||
             p.proof.opening.delta.infinity || p.proof.opening.sg.infinity;
  for (auto& c : step.challenge_polynomial_commitments) inf |= c.infinity;
  for (auto& c : p.proof.w_comm) inf |= c.infinity;
  for (auto& c : p.proof.t_comm) inf |= c.infinity;
  for (auto& lr : p.proof.opening.lr) inf |= lr.first.infinity || lr.second.infinity;
  if (inf) return bad("point at infinity");
  // Evaluations: wrap side single-valued without optional columns; step side at most 16 chunks.
  bool ok = true;
  auto wrap_eval = [&](const PointEvaluations<Fq>& e) { ok &= e.zeta.size() == 1 && e.zeta_omega.size() == 1; };
  auto step_eval = [&](const PointEvaluations<Fp>& e) { ok &= e.zeta.size() <= 16 && e.zeta_omega.size() <= 16; };
  auto walk = [](const auto& ev, auto&& f, auto&& opt) {
    for (auto& e : ev.w) f(e);
    for (auto& e : ev.coefficients) f(e);
    f(ev.z);
    for (auto& e : ev.s) f(e);
    for (auto* e : {&ev.generic_selector, &ev.poseidon_selector, &ev.complete_add_selector, &ev.mul_selector,
                    &ev.emul_selector, &ev.endomul_scalar_selector})
      f(*e);
    for (auto* o : {&ev.range_check0_selector, &ev.range_check1_selector, &ev.foreign_field_add_selector,
                    &ev.foreign_field_mul_selector, &ev.xor_selector, &ev.rot_selector, &ev.lookup_aggregation,
                    &ev.lookup_table, &ev.runtime_lookup_table, &ev.runtime_lookup_table_selector,
                    &ev.xor_lookup_selector, &ev.lookup_gate_lookup_selector, &ev.range_check_lookup_selector,
                    &ev.foreign_field_mul_lookup_selector})
      opt(*o);
    for (auto& o : ev.lookup_sorted) opt(o);
  };
  walk(p.proof.evals, wrap_eval, [&](const auto& o) { ok &= !o.has_value(); });
  if (!ok) return bad("wrap evaluations must be single values without optional columns");
  walk(p.prev_evals.evals, step_eval, [&](const auto& o) { if (o) step_eval(*o); });
  if (!ok) return bad("more than 16 evaluation chunks");
  return std::monostate{};
}

}  // namespace

Result<WrapProof> decode_proof_sexp(const Sexp& s) {
  WrapProof p;
  SexpReader r;
  r.root(s, p);
  if (r.failed()) return r.error();
  return p;
}

Result<WrapProof> decode_proof_sexp(std::string_view text) {
  MINA_TRY(s, sexp::parse(text));
  return decode_proof_sexp(s);
}

Result<Sexp> encode_proof_sexp(const WrapProof& p) {
  MINA_TRY(ok, check_encodable(p, false));
  (void)ok;
  WrapProof copy = p;  // the walkers take mutable references; a proof is ~20 KB
  SexpWriter w;
  return w.root(copy);
}

Result<WrapProof> decode_proof_base64(std::string_view text) {
  // A proof's sexp is ~25 KB; the sexp reader's input limit applies after decoding, this one
  // keeps a hostile string from costing a large allocation first.
  constexpr size_t kMaxBase64 = size_t{12} << 20;
  if (text.size() > kMaxBase64) return Error{ErrorCode::kLimitExceeded, "base64 proof longer than 12 MiB"};
  MINA_TRY(bytes, base64_decode(text));
  for (uint8_t b : bytes)
    if (b >= 0x80) return Error{ErrorCode::kMalformedSexp, "proof S-expression is not ASCII"};
  return decode_proof_sexp(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

Result<WrapProof> decode_proof_binprot(BinProtReader& r) {
  WrapProof p;
  BinReader br(r);
  br.root(p);
  if (br.failed()) return br.error();
  return p;
}

Result<WrapProof> decode_proof_binprot(ByteSpan bytes) {
  BinProtReader r(bytes);
  MINA_TRY(p, decode_proof_binprot(r));
  MINA_TRY(end, r.expect_end());
  (void)end;
  return p;
}

Result<Bytes> encode_proof_binprot(const WrapProof& p) {
  MINA_TRY(ok, check_encodable(p, true));
  (void)ok;
  WrapProof copy = p;
  BinWriter w;
  w.root(copy);
  return w.take();
}

Result<VerifyZkappInput> decode_verify_zkapp_binprot(ByteSpan bytes) {
  BinProtReader r(bytes);
  VerifyZkappInput in;
  MINA_TRY(vk, read_side_loaded_vk(r));
  in.vk = std::move(vk);
  MINA_TRY(account_update, r.read_field<Fp>());
  MINA_TRY(calls, r.read_field<Fp>());
  in.zkapp_statement = ZkappStatement{account_update, calls};
  MINA_TRY(proof, decode_proof_binprot(r));
  in.proof = std::move(proof);
  MINA_TRY(end, r.expect_end());
  (void)end;
  return in;
}

}  // namespace mina::pickles
