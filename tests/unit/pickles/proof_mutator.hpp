// Shared by the Pickles verifier suites: single-leaf mutations of a WrapProof, enumerated by a
// visitor over proof_layout.hpp so that nothing the wire carries is missed, and the one
// VerifierSetup (SRS from the shared fixtures) per test binary.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "commitment/srs_file.hpp"
#include "pickles/proof_layout.hpp"
#include "pickles/verify.hpp"
#include "test_support.hpp"

namespace mina::pickles::test_mutation {

// One setup per test binary: SRS from the shared fixtures, Lagrange bases cached inside.
inline VerifierSetup& shared_setup() {
  static VerifierSetup s = [] {
    auto pb = test::read_fixture_bytes("srs/pallas.srs");
    auto vb = test::read_fixture_bytes("srs/vesta.srs");
    auto p = srs_from_msgpack<PallasParams>(pb, VerifierSetup::kPallasSrsSize);
    if (!p.ok()) throw std::runtime_error("pallas.srs: " + p.error().message);
    auto v = srs_from_msgpack<VestaParams>(vb, VerifierSetup::kVestaSrsSize);
    if (!v.ok()) throw std::runtime_error("vesta.srs: " + v.error().message);
    auto r = VerifierSetup::from_srs(std::move(*p), std::move(*v));
    if (!r.ok()) throw std::runtime_error("setup: " + r.error().message);
    return std::move(*r);
  }();
  return s;
}

// Walks a WrapProof as the codecs do; counts leaves and changes leaf number `target` (if any).
// With `names` set, records each leaf's path instead of (or as well as) mutating.
class Mutator {
 public:
  explicit Mutator(size_t target, std::vector<std::string>* names = nullptr) : target_(target), names_(names) {}
  void walk(WrapProof& p) { layout_detail::layout(*this, p); }
  size_t count() const { return n_; }
  bool mutated() const { return mutated_; }

  template <class T>
  void field(const char* name, T& x) {
    Scope s(*this, std::string(".") + name);
    value(x);
  }
  void plain_challenge(const char* name, ScalarChallenge& c) {
    Scope s(*this, std::string(".") + name);
    value(c);
  }
  template <class T>
  void vector(const char* name, std::vector<T>& xs, layout_detail::VectorKind, size_t) {
    Scope s(*this, std::string(".") + name);
    indexed(xs);
  }
  void unit(const char*) {}
  template <class Body>
  void record(const char* name, Body body) {
    Scope s(*this, std::string(".") + name);
    body();
  }
  void chunked(bool) {}

 private:
  struct Scope {
    Scope(Mutator& m, const std::string& part) : m_(m), len_(m.path_.size()) { m.path_ += part; }
    ~Scope() { m_.path_.resize(len_); }
    Mutator& m_;
    size_t len_;
  };

  // Advances the leaf counter; true for the leaf to mutate.
  bool hit() {
    if (names_) names_->push_back(path_);
    bool h = n_++ == target_;
    if (h) mutated_ = true;
    return h;
  }
  template <class Xs>
  void indexed(Xs& xs) {
    for (size_t i = 0; i < xs.size(); ++i) {
      Scope s(*this, std::string("[") + std::to_string(i) + std::string("]"));
      value(xs[i]);
    }
  }

  template <class T>
    requires layout_detail::HasLayout<Mutator, T>
  void value(T& x) { layout_detail::layout(*this, x); }
  void value(bool& b) {
    if (hit()) b = !b;
  }
  template <class F>
    requires std::is_same_v<F, Fp> || std::is_same_v<F, Fq>
  void value(F& x) {
    if (hit()) x += F::one();
  }
  void value(uint64_t& x) {  // digest limbs
    if (hit()) x ^= 1;
  }
  void value(uint8_t& x) {  // domain_log2
    if (hit()) x = uint8_t(x + 1);
  }
  void value(ProofsVerified& x) {
    if (hit()) x = ProofsVerified((uint8_t(x) + 1) % 3);
  }
  void value(ScalarChallenge& c) {
    // Flip one bit, a different one for each challenge, so both limbs and high bits get hit.
    unsigned bit = unsigned((n_ * 37) % 128);
    if (hit()) {
      uint64_t lo = c.lo(), hi = c.hi();
      (bit < 64 ? lo : hi) ^= uint64_t(1) << (bit % 64);
      c = ScalarChallenge::from_limbs(lo, hi);
    }
  }
  template <class C>
  void value(Affine<C>& p) {  // another valid point
    if (hit()) p = (p.to_projective() + Affine<C>::generator()).to_affine();
  }
  void value(PublicInputEvaluations& e) {
    field("zeta", e.zeta);
    field("zeta_omega", e.zeta_omega);
  }
  template <class F>
  void value(PointEvaluations<F>& e) {
    field("zeta", e.zeta);
    field("zeta_omega", e.zeta_omega);
  }
  template <class T>
  void value(std::vector<T>& xs) { indexed(xs); }
  template <class T, size_t N>
  void value(std::array<T, N>& xs) { indexed(xs); }
  template <class T>
  void value(std::optional<T>& x) {
    if (x) value(*x);
  }
  template <class A, class B>
  void value(std::pair<A, B>& x) {
    field("L", x.first);
    field("R", x.second);
  }

  size_t target_;
  std::vector<std::string>* names_;
  size_t n_ = 0;
  bool mutated_ = false;
  std::string path_;
};

}  // namespace mina::pickles::test_mutation
