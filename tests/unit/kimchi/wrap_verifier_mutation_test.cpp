// Mutation tests of the kimchi wrap verifier on a valid fixture proof (square1_step_proof, wrap
// domain 2^14; always runs): every commitment, every evaluation, ft_eval1, z1, z2, δ, sg, every
// L/R, every public input element and the recursion challenges, each changed alone, must be
// rejected (false or a typed error, never a crash). Each check is a full verification (~0.4 s
// native), so the default run takes every 8th mutation; "[wrap-mutations-all]" runs all of them.

#include <catch2/catch.hpp>

#include <functional>

#include "kimchi/wrap_verifier.hpp"
#include "oracle_fixture.hpp"
#include "pickles/decode.hpp"
#include "pickles/public_input.hpp"

using namespace mina;
using namespace mina::kimchi;
using namespace mina::test::kimchi_wrap;

namespace {

struct Subject {
  pickles::KimchiProof proof;
  std::vector<RecursionChallenge> prev;
  std::vector<Fq> public_input;
};

struct Base {
  WrapVerifierIndex index;
  Subject subject;
};

const Base& base() {
  static const Base b = [] {
    auto p = pickles::decode_o1js_proof_json(fixture_text("o1js/square1_step_proof.json"));
    REQUIRE(p.ok());
    auto vk = pickles::decode_vk_json(fixture_text("o1js/square1_vk.json"));
    REQUIRE(vk.ok());
    std::vector<Fp> app_state = p->public_input;
    app_state.insert(app_state.end(), p->public_output.begin(), p->public_output.end());
    auto idx = make_wrap_verifier_index(vk->vk);
    REQUIRE(idx.ok());
    auto prev = wrap_prev_challenges(p->proof.statement);
    REQUIRE(prev.ok());
    auto pi = pickles::wrap_public_input(p->proof, vk->vk, app_state);
    REQUIRE(pi.ok());
    return Base{*idx, Subject{p->proof.proof, *prev, *pi}};
  }();
  return b;
}

struct Mutation {
  std::string name;
  std::function<void(Subject&)> apply;
};

PallasAffine bump(const PallasAffine& p) { return (p.to_projective() + PallasAffine::generator()).to_affine(); }

std::vector<Mutation> all_mutations() {
  std::vector<Mutation> m;
  auto add = [&](std::string name, std::function<void(Subject&)> f) { m.push_back({std::move(name), std::move(f)}); };
  for (size_t i = 0; i < 15; ++i) add("w_comm[" + std::to_string(i) + "]", [i](Subject& s) { s.proof.w_comm[i] = bump(s.proof.w_comm[i]); });
  add("z_comm", [](Subject& s) { s.proof.z_comm = bump(s.proof.z_comm); });
  for (size_t i = 0; i < 7; ++i) add("t_comm[" + std::to_string(i) + "]", [i](Subject& s) { s.proof.t_comm[i] = bump(s.proof.t_comm[i]); });
  // Evaluations: every column at ζ and at ζω.
  using E = pickles::PointEvaluations<Fq>;
  using Getter = std::function<E&(pickles::ProofEvaluations<Fq>&)>;
  std::vector<std::pair<std::string, Getter>> cols;
  for (size_t i = 0; i < 15; ++i) cols.push_back({"w[" + std::to_string(i) + "]", [i](auto& e) -> E& { return e.w[i]; }});
  for (size_t i = 0; i < 15; ++i)
    cols.push_back({"coefficients[" + std::to_string(i) + "]", [i](auto& e) -> E& { return e.coefficients[i]; }});
  for (size_t i = 0; i < 6; ++i) cols.push_back({"s[" + std::to_string(i) + "]", [i](auto& e) -> E& { return e.s[i]; }});
  cols.push_back({"z", [](auto& e) -> E& { return e.z; }});
  cols.push_back({"generic_selector", [](auto& e) -> E& { return e.generic_selector; }});
  cols.push_back({"poseidon_selector", [](auto& e) -> E& { return e.poseidon_selector; }});
  cols.push_back({"complete_add_selector", [](auto& e) -> E& { return e.complete_add_selector; }});
  cols.push_back({"mul_selector", [](auto& e) -> E& { return e.mul_selector; }});
  cols.push_back({"emul_selector", [](auto& e) -> E& { return e.emul_selector; }});
  cols.push_back({"endomul_scalar_selector", [](auto& e) -> E& { return e.endomul_scalar_selector; }});
  for (const auto& col : cols) {
    const std::string& name = col.first;
    const Getter get = col.second;  // a copy: clang 14 cannot capture structured bindings
    add("evals." + name + ".zeta", [get](Subject& s) { get(s.proof.evals).zeta[0] += Fq::one(); });
    add("evals." + name + ".zeta_omega", [get](Subject& s) { get(s.proof.evals).zeta_omega[0] += Fq::one(); });
  }
  add("ft_eval1", [](Subject& s) { s.proof.ft_eval1 += Fq::one(); });
  add("z1", [](Subject& s) { s.proof.opening.z1 += Fq::one(); });
  add("z2", [](Subject& s) { s.proof.opening.z2 += Fq::one(); });
  add("delta", [](Subject& s) { s.proof.opening.delta = bump(s.proof.opening.delta); });
  add("sg", [](Subject& s) { s.proof.opening.sg = bump(s.proof.opening.sg); });
  for (size_t i = 0; i < 15; ++i) {
    add("L[" + std::to_string(i) + "]", [i](Subject& s) { s.proof.opening.lr[i].first = bump(s.proof.opening.lr[i].first); });
    add("R[" + std::to_string(i) + "]", [i](Subject& s) { s.proof.opening.lr[i].second = bump(s.proof.opening.lr[i].second); });
  }
  for (size_t i = 0; i < 40; ++i) add("public_input[" + std::to_string(i) + "]", [i](Subject& s) { s.public_input[i] += Fq::one(); });
  for (size_t i = 0; i < 2; ++i) {
    add("prev[" + std::to_string(i) + "].comm", [i](Subject& s) { s.prev[i].comm.chunks[0] = bump(s.prev[i].comm.chunks[0]); });
    add("prev[" + std::to_string(i) + "].chals[0]", [i](Subject& s) { s.prev[i].chals[0] += Fq::one(); });
    add("prev[" + std::to_string(i) + "].chals[14]", [i](Subject& s) { s.prev[i].chals[14] += Fq::one(); });
  }
  // Degenerate values: points at infinity, zero scalars, swapped L/R.
  add("z_comm = infinity", [](Subject& s) { s.proof.z_comm = PallasAffine::identity(); });
  add("t_comm[6] = infinity", [](Subject& s) { s.proof.t_comm[6] = PallasAffine::identity(); });
  add("delta = infinity", [](Subject& s) { s.proof.opening.delta = PallasAffine::identity(); });
  add("sg = infinity", [](Subject& s) { s.proof.opening.sg = PallasAffine::identity(); });
  add("L[0] = infinity", [](Subject& s) { s.proof.opening.lr[0].first = PallasAffine::identity(); });
  add("z1 = 0", [](Subject& s) { s.proof.opening.z1 = Fq::zero(); });
  add("swap L/R[7]", [](Subject& s) { std::swap(s.proof.opening.lr[7].first, s.proof.opening.lr[7].second); });
  add("swap w_comm[0]/w_comm[1]", [](Subject& s) { std::swap(s.proof.w_comm[0], s.proof.w_comm[1]); });
  add("swap prev[0]/prev[1]", [](Subject& s) { std::swap(s.prev[0], s.prev[1]); });
  add("public_input all zero", [](Subject& s) { for (auto& x : s.public_input) x = Fq::zero(); });
  return m;
}

void run_mutations(size_t stride) {
  const auto& srs = pallas_srs();
  const Base& b = base();
  const auto& basis = lagrange_basis(b.index.domain.log_size);
  {
    auto ok = verify_wrap(b.index, srs, basis, b.subject.proof, b.subject.prev, b.subject.public_input);
    REQUIRE(ok.ok());
    REQUIRE(*ok);
  }
  const auto muts = all_mutations();
  size_t run = 0;
  for (size_t k = 0; k < muts.size(); k += stride) {
    INFO("mutation " << muts[k].name);
    Subject s = b.subject;
    muts[k].apply(s);
    auto r = verify_wrap(b.index, srs, basis, s.proof, s.prev, s.public_input);
    CHECK((!r.ok() || !*r));
    ++run;
  }
  CHECK(run > 0);
}

}  // namespace

TEST_CASE("wrap verifier rejects mutated proofs (every 8th mutation)", "[kimchi][wrap]") { run_mutations(8); }

TEST_CASE("wrap verifier rejects mutated proofs (all mutations)", "[.][wrap-mutations-all]") { run_mutations(1); }
