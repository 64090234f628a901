// Pickles' dummies and the step-side deferred-value recomputation (expand_deferred): constants
// against independent sources, Shifted_value.Type1, chunk combination, the evaluation orders,
// and typed errors for inputs the computation cannot run on.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "commitment/b_poly.hpp"
#include "commitment/ipa.hpp"
#include "commitment/srs_file.hpp"
#include "pickles/deferred.hpp"
#include "pickles/dummy.hpp"
#include "pickles/public_input.hpp"
#include "pickles/run_checks.hpp"
#include "pickles_oracle.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;
namespace po = mina::test::pickles_oracle;

namespace {

U256 dec(const char* s) { return *parse_u256(s); }

// OpenMina ledger/src/proofs/public_input/messages.rs `dummy_padding()`: the hard-coded
// Dummy.Ipa.Wrap.challenges_computed.
const char* kOpenMinaWrapChallengesComputed[15] = {
    "7048930911355605315581096707847688535149125545610393399193999502037687877674",
    "5945064094191074331354717685811267396540107129706976521474145740173204364019",
    "20315491820009986698838977727629973056499886675589920515484193128018854963801",
    "375929229548289966749422550601268097380795636681684498450629863247980915833",
    "19682218496321100578766622300447982536359891434050417209656101638029891689955",
    "516598185966802396400068849903674663130928531697254466925429658676832606723",
    "23729760760563685146228624125180554011222918208600079938584869191222807389336",
    "11155777282048225577422475738306432747575091690354122761439079853293714987855",
    "24977767586983413450834833875715786066408803952857478894197349635213480783870",
    "2813347787496113574506936084777563965225649411532015639663405402448028142689",
    "22626141769059119580550800305467929090916842064220293932303261732461616709448",
    "18748107085456859495495117012311103043200881556220793307463332157672741458218",
    "22196219950929618042921320796106738233125483954115679355597636800196070731081",
    "13054421325261400802177761929986025883530654947859503505174678618288142017333",
    "4799483385651443229337780097631636300491234601736019220096005875687579936102",
};

WrapProof zkapp_fixture_proof(size_t i) {
  auto in = decode_verify_zkapp_binprot(test::read_fixture_bytes(po::kZkappFiles[i]));
  REQUIRE(in.ok());
  return in->proof;
}

}  // namespace

TEST_CASE("dummy wrap challenges expand to OpenMina's hard-coded challenges_computed", "[pickles][deferred][dummy]") {
  const auto& c = dummy::ipa_wrap_challenges_computed();
  for (size_t i = 0; i < 15; ++i) CHECK(c[i].to_int() == dec(kOpenMinaWrapChallengesComputed[i]));
  CHECK(dummy::ipa_wrap_sg().is_on_curve());
  CHECK(dummy::ipa_step_sg().is_on_curve());
  // Step dummies are distinct from the wrap ones (different RO counters) and expand in Fp.
  CHECK(dummy::ipa_step_challenges()[15].prechallenge != dummy::ipa_wrap_challenges()[0].prechallenge);
  CHECK(dummy::ipa_step_challenges_computed()[0] == step_challenge_to_field(dummy::ipa_step_challenges()[0].prechallenge));
}

TEST_CASE("dummy wrap challenges and sg equal o1js' recorded b_poly commitment", "[pickles][deferred][dummy][oracle]") {
  bool any = false;
  for (const auto& n : po::oracle_names()) {
    auto j = po::read_oracle(n);
    if (!j || !j->contains("fq_b_poly_commitments")) continue;
    any = true;
    const auto& rec = (*j)["fq_b_poly_commitments"];
    REQUIRE(rec.size() >= 1);
    const auto& r = rec[0];
    REQUIRE(r["chals"].size() == 15);
    for (size_t i = 0; i < 15; ++i) CHECK(dummy::ipa_wrap_challenges_computed()[i] == po::field<Fq>(r["chals"][i]));
    CHECK(dummy::ipa_wrap_sg().x == po::field<Fp>(r["comm"][0]["x"]));
    CHECK(dummy::ipa_wrap_sg().y == po::field<Fp>(r["comm"][0]["y"]));
    // Every recorded kimchi call pads prev_challenges with exactly these.
    break;
  }
  if (!any) WARN("no oracle record in " << po::oracle_dir() << "; skipped");
}

TEST_CASE("dummy sg points are the SRS commitments to their challenge polynomials", "[pickles][deferred][dummy][srs]") {
  // Dummy.Ipa.Wrap.sg on the 2^15 Pallas SRS, Dummy.Ipa.Step.sg on the 2^16 Vesta SRS, through
  // the accumulator check (sg = ⟨b_poly_coefficients(chals), G⟩).
  {
    auto srs = srs_from_msgpack<PallasParams>(test::read_fixture_bytes("srs/pallas.srs"), size_t(1) << 15);
    REQUIRE(srs.ok());
    const auto& chals = dummy::ipa_wrap_challenges_computed();
    std::vector<PallasAffine> comms = {dummy::ipa_wrap_sg()};
    auto ok = accumulator_check<PallasParams>(*srs, comms, std::span<const Fq>(chals), Fq::from_u64(7));
    REQUIRE(ok.ok());
    CHECK(*ok);
  }
  {
    auto srs = srs_from_msgpack<VestaParams>(test::read_fixture_bytes("srs/vesta.srs"));
    REQUIRE(srs.ok());
    const auto& chals = dummy::ipa_step_challenges_computed();
    std::vector<VestaAffine> comms = {dummy::ipa_step_sg()};
    auto ok = accumulator_check<VestaParams>(*srs, comms, std::span<const Fp>(chals), Fp::from_u64(7));
    REQUIRE(ok.ok());
    CHECK(*ok);
  }
}

TEST_CASE("Shifted_value.Type1 over Fp", "[pickles][deferred]") {
  const Fp c = Fp::from_u64(2).pow(U256{255}) + Fp::one();
  CHECK(shift_type1(c) == Fp::zero());
  CHECK(unshift_type1(Fp::zero()) == c);
  auto& rng = test::rng();
  for (int i = 0; i < 20; ++i) {
    Fp x = Fp::from_int_reduce(U256{rng(), rng(), rng(), rng() >> 2});
    CHECK(unshift_type1(shift_type1(x)) == x);
    CHECK(shift_type1(x) + shift_type1(x) + c == x);
  }
}

TEST_CASE("evals_of_split_evals: chunks combined with ζ^(2^rounds)", "[pickles][deferred]") {
  ProofEvaluations<Fp> e;
  const Fp z = Fp::from_u64(3), zw = Fp::from_u64(5);
  e.z = PointEvaluations<Fp>{{Fp::from_u64(1), Fp::from_u64(2), Fp::from_u64(4)}, {Fp::from_u64(9)}};
  e.xor_selector = PointEvaluations<Fp>{{}, {}};
  auto c = evals_of_split_evals(z, zw, e, 2);
  const Fp z4 = Fp::from_u64(81);
  CHECK(c.z.zeta == std::vector<Fp>{Fp::from_u64(1) + Fp::from_u64(2) * z4 + Fp::from_u64(4) * z4 * z4});
  CHECK(c.z.zeta_omega == std::vector<Fp>{Fp::from_u64(9)});
  REQUIRE(c.xor_selector.has_value());
  CHECK(c.xor_selector->zeta == std::vector<Fp>{Fp::zero()});
  CHECK_FALSE(c.rot_selector.has_value());
}

TEST_CASE("absorption sequence and list orders differ only in the lookup columns", "[pickles][deferred]") {
  ProofEvaluations<Fp> e;
  e.range_check0_selector = PointEvaluations<Fp>{};
  e.lookup_aggregation = PointEvaluations<Fp>{};
  e.lookup_table = PointEvaluations<Fp>{};
  e.lookup_sorted[0] = PointEvaluations<Fp>{};
  e.runtime_lookup_table = PointEvaluations<Fp>{};
  auto a = evals_absorption_sequence(e);
  auto l = evals_to_list(e);
  REQUIRE(a.size() == 7 + 15 + 15 + 6 + 5);
  REQUIRE(l.size() == a.size());
  CHECK(a[0] == &e.z);
  CHECK(a[7] == &e.w[0]);
  CHECK(a[22] == &e.coefficients[0]);
  CHECK(a[37] == &e.s[0]);
  CHECK(a[43] == &*e.range_check0_selector);
  CHECK(a[44] == &*e.lookup_aggregation);
  CHECK(a[45] == &*e.lookup_table);
  CHECK(a[46] == &*e.lookup_sorted[0]);
  CHECK(l[44] == &*e.lookup_sorted[0]);
  CHECK(l[45] == &*e.lookup_aggregation);
  CHECK(l[46] == &*e.lookup_table);
  CHECK(a[47] == &*e.runtime_lookup_table);
  CHECK(l[47] == &*e.runtime_lookup_table);
}

TEST_CASE("expand_deferred on real proofs: internal consistency", "[pickles][deferred]") {
  for (size_t i = 0; i < std::size(po::kZkappFiles); ++i) {
    INFO(po::kZkappFiles[i]);
    WrapProof p = zkapp_fixture_proof(i);
    auto d = expand_deferred(p);
    REQUIRE(d.ok());
    const auto& a = d->actual;
    CHECK(unshift_type1(d->combined_inner_product) == a.combined_inner_product);
    CHECK(unshift_type1(d->b) == a.b);
    CHECK(unshift_type1(d->plonk.perm) == a.perm);
    CHECK(a.zeta_to_srs_length == a.zeta.pow(U256{uint64_t(1) << 16}));
    CHECK(a.zeta_to_domain_size == a.zeta.pow(U256{uint64_t(1) << p.statement.proof_state.deferred_values.branch_data.domain_log2}));
    CHECK(a.xi == step_challenge_to_field(d->xi));
    // b through the coefficient form: Σ s_i ζ^i.
    auto s = b_poly_coefficients<Fp>(a.bulletproof_challenges);
    Fp bz = Fp::zero(), bzw = Fp::zero();
    for (size_t k = s.size(); k-- > 0;) {
      bz = bz * a.zeta + s[k];
      bzw = bzw * a.zetaw + s[k];
    }
    CHECK(a.b == bz + a.r * bzw);
    for (size_t k = 0; k < 16; ++k)
      CHECK(d->bulletproof_challenges[k] ==
            p.statement.proof_state.deferred_values.bulletproof_challenges[k].prechallenge.inner<Fp>());
    // Changing any absorbed evaluation changes xi; changing ft_eval1 changes the cip.
    auto q = p;
    q.prev_evals.evals.s[2].zeta_omega[0] += Fp::one();
    auto d2 = expand_deferred(q);
    REQUIRE(d2.ok());
    CHECK_FALSE(d2->xi == d->xi);
  }
}

TEST_CASE("expand_deferred: typed errors, no crash", "[pickles][deferred]") {
  const WrapProof good = zkapp_fixture_proof(0);
  auto with_domain = [&](unsigned log2) {
    auto p = good;
    p.statement.proof_state.deferred_values.branch_data.domain_log2 = uint8_t(log2);
    return expand_deferred(p);
  };
  for (unsigned log2 : {0u, 1u, 2u, 33u, 255u}) {
    INFO("domain_log2 " << log2);
    auto r = with_domain(log2);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidArgument);
  }
  CHECK(with_domain(3).ok());
  CHECK(with_domain(20).ok());  // run_checks rejects it, the arithmetic does not care
  {
    auto p = good;
    p.statement.proof_state.sponge_digest_before_evaluations = {~0ULL, ~0ULL, ~0ULL, ~0ULL};
    auto r = expand_deferred(p);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kNonCanonicalField);
  }
  {
    // A flag whose evaluations are missing: kimchi's constraint evaluation refuses.
    auto p = good;
    auto& f = p.statement.proof_state.deferred_values.plonk.feature_flags;
    f.foreign_field_mul = !f.foreign_field_mul;
    if (f.foreign_field_mul) {
      p.prev_evals.evals.foreign_field_mul_selector.reset();
      auto r = expand_deferred(p);
      CHECK_FALSE(r.ok());
    }
  }
  {
    // ζ on the domain cannot be encoded through the 128-bit challenge in practice; a missing
    // chunk is combined as 0 and still computes.
    auto p = good;
    p.prev_evals.evals.w[0].zeta.clear();
    CHECK(expand_deferred(p).ok());
  }
}

TEST_CASE("expand_deferred and the public input survive random shape mutations", "[pickles][deferred][robustness]") {
  // Flags, optional evaluations, chunk counts, domain and vector counts changed at random: every
  // outcome is a value or a typed error (this runs the whole Fp pipeline, incl. kimchi's
  // constraint evaluation, on each).
  auto in = decode_verify_zkapp_binprot(test::read_fixture_bytes(po::kZkappFiles[0]));
  REQUIRE(in.ok());
  auto& rng = test::rng();
  size_t ok = 0, err = 0;
  for (int it = 0; it < test::iters(60); ++it) {
    WrapProof p = in->proof;
    auto& dv = p.statement.proof_state.deferred_values;
    auto& ev = p.prev_evals.evals;
    for (int k = 0; k < 3; ++k) {
      switch (rng() % 8) {
        case 0: { bool* flags[] = {&dv.plonk.feature_flags.range_check0, &dv.plonk.feature_flags.range_check1,
                                  &dv.plonk.feature_flags.foreign_field_add, &dv.plonk.feature_flags.foreign_field_mul,
                                  &dv.plonk.feature_flags.xor_, &dv.plonk.feature_flags.rot,
                                  &dv.plonk.feature_flags.lookup, &dv.plonk.feature_flags.runtime_tables};
                  bool* f = flags[rng() % 8]; *f = !*f; break; }
        case 1: { std::optional<PointEvaluations<Fp>>* opts[] = {&ev.range_check0_selector, &ev.xor_selector,
                                  &ev.lookup_aggregation, &ev.lookup_sorted[4], &ev.runtime_lookup_table,
                                  &ev.foreign_field_mul_lookup_selector};
                  auto* o = opts[rng() % 6];
                  if (*o) o->reset(); else *o = PointEvaluations<Fp>{{Fp::from_u64(rng())}, {Fp::from_u64(rng())}};
                  break; }
        case 2: ev.w[rng() % 15].zeta.resize(rng() % 3, Fp::from_u64(5)); break;
        case 3: ev.z.zeta_omega.resize(rng() % 3, Fp::one()); break;
        case 4: dv.branch_data.domain_log2 = uint8_t(rng() % 40); break;
        case 5: dv.plonk.joint_combiner = (rng() & 1) ? std::nullopt : std::optional<ScalarChallenge>(ScalarChallenge::from_limbs(rng(), rng())); break;
        case 6: p.statement.messages_for_next_step_proof.old_bulletproof_challenges.resize(rng() % 4, dummy::ipa_step_challenges()); break;
        case 7: p.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.resize(rng() % 4, dummy::ipa_wrap_challenges()); break;
      }
    }
    auto r = wrap_public_input(p, in->vk, std::vector<Fp>{Fp::one()});
    (void)run_checks(p, in->vk);
    if (r.ok()) {
      ++ok;
      CHECK(r->size() == kWrapPublicInputSize);
    } else {
      ++err;
      CHECK_FALSE(r.error().message.empty());
    }
  }
  CHECK(ok + err == size_t(test::iters(60)));
}
