// The kimchi verifier for Pickles wrap proofs against o1js 2.15.0's recorded verifier index,
// kimchi proof, oracles and Lagrange commitments (build/oracle; skipped with a WARN when absent).

#include <catch2/catch.hpp>

#include <chrono>

#include "kimchi/oracles.hpp"
#include "kimchi/verifier_index.hpp"
#include "kimchi/wrap_verifier.hpp"
#include "oracle_fixture.hpp"
#include "pickles/dummy.hpp"

using namespace mina;
using namespace mina::kimchi;
using namespace mina::test::kimchi_wrap;

namespace {

void require_comm(const PallasPolyComm& ours, const nlohmann::json& rec, const std::string& what) {
  INFO(what);
  REQUIRE(ours == pallas_comm(rec));
}

}  // namespace

TEST_CASE("wrap verifier index equals o1js' (domain, shifts, commitments, digest)", "[kimchi][wrap]") {
  const auto& cases = wrap_cases();
  for (const auto& c : cases) {
    INFO(c.name);
    auto idx = make_wrap_verifier_index(c.vk);
    REQUIRE(idx.ok());
    const auto& vi = c.oracle.at("wrap_verifier_index");
    CHECK(idx->domain.log_size == vi["domain"]["log2_size"].get<unsigned>());
    CHECK(idx->domain.size == vi["domain"]["size"].get<uint64_t>());
    CHECK(idx->domain.group_gen == dec<Fq>(vi["domain"]["group_gen"]));
    CHECK(idx->max_poly_size == vi["max_poly_size"].get<size_t>());
    CHECK(idx->public_ == vi["public"].get<size_t>());
    CHECK(idx->prev_challenges == vi["prev_challenges"].get<size_t>());
    CHECK(idx->zk_rows == vi["zk_rows"].get<uint64_t>());
    for (size_t i = 0; i < 7; ++i) CHECK(idx->shift[i] == dec<Fq>(vi["shifts"][i]));
    const auto& cm = vi["commitments"];
    for (size_t i = 0; i < 7; ++i) require_comm(idx->sigma_comm[i], cm["sigma"][i], "sigma");
    for (size_t i = 0; i < 15; ++i) require_comm(idx->coefficients_comm[i], cm["coefficients"][i], "coefficients");
    require_comm(idx->generic_comm, cm["generic"], "generic");
    require_comm(idx->psm_comm, cm["psm"], "psm");
    require_comm(idx->complete_add_comm, cm["complete_add"], "complete_add");
    require_comm(idx->mul_comm, cm["mul"], "mul");
    require_comm(idx->emul_comm, cm["emul"], "emul");
    require_comm(idx->endomul_scalar_comm, cm["endomul_scalar"], "endomul_scalar");
    for (const char* opt : {"xor", "range_check0", "range_check1", "foreign_field_add", "foreign_field_mul", "rot"})
      CHECK(cm[opt].is_null());
    CHECK(vi["lookup_index"].is_null());
  }
}

TEST_CASE("wrap kimchi proof decoded by us equals the one o1js handed to kimchi", "[kimchi][wrap]") {
  for (const auto& c : wrap_cases()) {
    INFO(c.name);
    const auto& wp = c.oracle.at("wrap_proof");
    const auto& p = c.proof.proof;
    const auto& cm = wp["commitments"];
    for (size_t i = 0; i < 15; ++i) CHECK(PallasPolyComm{{p.w_comm[i]}} == pallas_comm(cm["w"][i]));
    CHECK(PallasPolyComm{{p.z_comm}} == pallas_comm(cm["z"]));
    CHECK(PallasPolyComm{std::vector<PallasAffine>(p.t_comm.begin(), p.t_comm.end())} == pallas_comm(cm["t"]));
    const auto& op = wp["opening"];
    REQUIRE(op["lr"].size() == p.opening.lr.size());
    for (size_t i = 0; i < p.opening.lr.size(); ++i) {
      CHECK(p.opening.lr[i].first == pallas_point(op["lr"][i]["l"]));
      CHECK(p.opening.lr[i].second == pallas_point(op["lr"][i]["r"]));
    }
    CHECK(p.opening.delta == pallas_point(op["delta"]));
    CHECK(p.opening.z1 == dec<Fq>(op["z1"]));
    CHECK(p.opening.z2 == dec<Fq>(op["z2"]));
    CHECK(p.opening.sg == pallas_point(op["sg"]));
    CHECK(p.ft_eval1 == dec<Fq>(wp["ft_eval1"]));
    const auto& ev = wp["evals"];
    auto check_pe = [&](const pickles::PointEvaluations<Fq>& e, const nlohmann::json& j) {
      CHECK(e.zeta == fq_vec(j["zeta"]));
      CHECK(e.zeta_omega == fq_vec(j["zeta_omega"]));
    };
    for (size_t i = 0; i < 15; ++i) check_pe(p.evals.w[i], ev["w"][i]);
    for (size_t i = 0; i < 15; ++i) check_pe(p.evals.coefficients[i], ev["coefficients"][i]);
    for (size_t i = 0; i < 6; ++i) check_pe(p.evals.s[i], ev["s"][i]);
    check_pe(p.evals.z, ev["z"]);
    check_pe(p.evals.generic_selector, ev["generic_selector"]);
    check_pe(p.evals.poseidon_selector, ev["poseidon_selector"]);
    check_pe(p.evals.complete_add_selector, ev["complete_add_selector"]);
    check_pe(p.evals.mul_selector, ev["mul_selector"]);
    check_pe(p.evals.emul_selector, ev["emul_selector"]);
    check_pe(p.evals.endomul_scalar_selector, ev["endomul_scalar_selector"]);
    CHECK(wp["public_evals"].is_null());
  }
}

TEST_CASE("wrap prev_challenges built from the statement equal Pickles' padded ones", "[kimchi][wrap]") {
  const auto& dummy_chals = pickles::dummy::ipa_wrap_challenges_computed();
  const auto& dummy_sg = pickles::dummy::ipa_wrap_sg();
  // Dummy.Ipa.Wrap.sg as OpenMina's make_padded_proof_from_p2p hard-codes it.
  CHECK(dummy_sg.x == *Fp::parse("8063668238751197448664615329057427953229339439010717262869116690340613895496"));
  CHECK(dummy_sg.y == *Fp::parse("2694491010813221541025626495812026140144933943906714931997499229912601205355"));
  bool saw_dummy = false;
  for (const auto& c : wrap_cases()) {
    INFO(c.name);
    auto pcs = wrap_prev_challenges(c.proof.statement);
    REQUIRE(pcs.ok());
    const auto& rec = c.oracle.at("wrap_proof").at("prev_challenges");
    REQUIRE(rec.size() == pcs->size());
    for (size_t i = 0; i < rec.size(); ++i) {
      CHECK((*pcs)[i].chals == fq_vec(rec[i]["chals"]));
      CHECK((*pcs)[i].comm == pallas_comm(rec[i]["comm"]));
      if (pallas_comm(rec[i]["comm"]).chunks[0] == dummy_sg) {
        // The 15 dummy challenges (Dummy.Ipa.Wrap.challenges_computed) as o1js padded them.
        CHECK(fq_vec(rec[i]["chals"]) == std::vector<Fq>(dummy_chals.begin(), dummy_chals.end()));
        saw_dummy = true;
      }
    }
  }
  if (!wrap_cases().empty()) CHECK(saw_dummy);
}

TEST_CASE("wrap oracles equal o1js' on every recorded proof", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  for (const auto& c : wrap_cases()) {
    INFO(c.name);
    auto idx = make_wrap_verifier_index(c.vk);
    REQUIRE(idx.ok());
    auto pcs = wrap_prev_challenges(c.proof.statement);
    REQUIRE(pcs.ok());
    const auto& basis = lagrange_basis(idx->domain.log_size);
    auto r = oracles(*idx, srs, c.proof.proof, *pcs, c.public_input, basis);
    REQUIRE(r.ok());
    const auto& rec = c.oracle.at("oracles");
    const auto& o = r->oracles;
    CHECK(o.beta == dec<Fq>(rec["beta"]));
    CHECK(o.gamma == dec<Fq>(rec["gamma"]));
    CHECK(o.alpha_chal.inner<Fq>() == dec<Fq>(rec["alpha_chal"]));
    CHECK(o.alpha == dec<Fq>(rec["alpha"]));
    CHECK(o.zeta_chal.inner<Fq>() == dec<Fq>(rec["zeta_chal"]));
    CHECK(o.zeta == dec<Fq>(rec["zeta"]));
    CHECK(r->digest == dec<Fq>(rec["digest_before_evaluations"]));
    CHECK(r->public_evals[0] == std::vector<Fq>{dec<Fq>(rec["p_eval0"])});
    CHECK(r->public_evals[1] == std::vector<Fq>{dec<Fq>(rec["p_eval1"])});
    CHECK(o.v_chal.inner<Fq>() == dec<Fq>(rec["v_chal"]));
    CHECK(o.v == dec<Fq>(rec["v"]));
    CHECK(o.u_chal.inner<Fq>() == dec<Fq>(rec["u_chal"]));
    CHECK(o.u == dec<Fq>(rec["u"]));
    CHECK(rec["joint_combiner"].is_null());
    CHECK(!o.joint_combiner);
    // The IPA prechallenges are squeezed after absorbing shift_scalar(combined_inner_product):
    // equal prechallenges pin ft_eval0 and the combined inner product.
    FqSponge<PallasParams> sponge = r->fq_sponge;
    sponge.absorb_fr(shift_scalar<PallasParams>(r->combined_inner_product));
    (void)sponge.challenge_fq();
    const auto& pre = rec["opening_prechallenges"];
    REQUIRE(pre.size() == c.proof.proof.opening.lr.size());
    for (size_t i = 0; i < pre.size(); ++i) {
      sponge.absorb_g(c.proof.proof.opening.lr[i].first);
      sponge.absorb_g(c.proof.proof.opening.lr[i].second);
      CHECK(sponge.prechallenge().inner<Fq>() == dec<Fq>(pre[i]));
    }
  }
}

TEST_CASE("wrap Lagrange commitments equal o1js' (2^13, 2^14)", "[kimchi][wrap]") {
  std::map<unsigned, bool> done;
  for (const auto& c : wrap_cases()) {
    const unsigned log2 = c.oracle["wrap_verifier_index"]["domain"]["log2_size"].get<unsigned>();
    if (done[log2]) continue;
    done[log2] = true;
    INFO("domain 2^" << log2);
    const auto& ours = lagrange_basis(log2);
    const auto& rec = c.oracle.at("lagrange_commitments");
    REQUIRE(rec.size() == 40);
    for (size_t i = 0; i < 40; ++i) CHECK(ours[i] == pallas_comm(rec[i]));
  }
  if (!wrap_cases().empty()) {
    CHECK(done[13]);
    CHECK(done[14]);
  }
}

TEST_CASE("wrap proofs verify with the recorded public input; dummies are rejected", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  for (const auto& c : wrap_cases()) {
    INFO(c.name);
    auto idx = make_wrap_verifier_index(c.vk);
    REQUIRE(idx.ok());
    auto pcs = wrap_prev_challenges(c.proof.statement);
    REQUIRE(pcs.ok());
    const auto& basis = lagrange_basis(idx->domain.log_size);
    auto t0 = std::chrono::steady_clock::now();
    auto r = verify_wrap(*idx, srs, basis, c.proof.proof, *pcs, c.public_input);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(r.ok());
    CHECK(*r == c.verdict);
    CHECK(c.oracle["kimchi_result"].get<bool>() == c.verdict);
    UNSCOPED_INFO(c.name << ": " << ms << " ms");
  }
}
