// The 40-element wrap public input against the values o1js' Pickles computed
// (build/oracle/<name>.json `wrap_public_input`, tests/oracle/extract.mjs), element by element;
// message digests; run_checks and the step accumulator inputs on every fixture.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "pickles/deferred.hpp"
#include "pickles/dummy.hpp"
#include "pickles/messages.hpp"
#include "pickles/public_input.hpp"
#include "pickles/run_checks.hpp"
#include "pickles_oracle.hpp"
#include "test_support.hpp"

using namespace mina;
using namespace mina::pickles;
namespace po = mina::test::pickles_oracle;

namespace {

const char* kElementNames[kWrapPublicInputSize] = {
    "combined_inner_product", "b", "zeta_to_srs_length", "zeta_to_domain_size", "perm", "beta", "gamma", "alpha",
    "zeta", "xi", "sponge_digest_before_evaluations", "messages_for_next_wrap_proof", "messages_for_next_step_proof",
    "bp_chal0", "bp_chal1", "bp_chal2", "bp_chal3", "bp_chal4", "bp_chal5", "bp_chal6", "bp_chal7", "bp_chal8",
    "bp_chal9", "bp_chal10", "bp_chal11", "bp_chal12", "bp_chal13", "bp_chal14", "bp_chal15", "branch_data",
    "range_check0", "range_check1", "foreign_field_add", "foreign_field_mul", "xor", "rot", "lookup",
    "runtime_tables", "joint_combiner_flag", "joint_combiner"};

}  // namespace

TEST_CASE("wrap public input equals o1js' Pickles, element by element", "[pickles][public_input][oracle]") {
  auto cases = po::load_available_cases();
  for (const auto& c : cases) {
    INFO("oracle " << c.name << " (o1js verdict " << c.verdict << ")");
    const auto& want_json = c.oracle["wrap_public_input"];
    REQUIRE(want_json.size() == kWrapPublicInputSize);
    auto got = wrap_public_input(c.proof, c.vk, c.app_state);
    REQUIRE(got.ok());
    REQUIRE(got->size() == kWrapPublicInputSize);
    std::ostringstream mism;
    size_t matches = 0;
    for (size_t i = 0; i < kWrapPublicInputSize; ++i) {
      const Fq want = po::field<Fq>(want_json[i]);
      if ((*got)[i] == want) {
        ++matches;
      } else {
        mism << " [" << i << " " << kElementNames[i] << ": got " << (*got)[i].to_decimal() << " want "
             << want.to_decimal() << "]";
      }
    }
    INFO("mismatches:" << mism.str());
    CHECK(matches == kWrapPublicInputSize);
    // What o1js accepted passes the shape checks too.
    if (c.verdict) {
      auto failures = run_checks(c.proof, c.vk);
      for (const auto& f : failures) INFO(run_check_name(f.check) << ": " << f.message);
      CHECK(failures.empty());
    }
  }
}

TEST_CASE("step accumulator inputs equal o1js' recorded accumulator check", "[pickles][public_input][oracle]") {
  for (const auto& c : po::load_available_cases()) {
    INFO("oracle " << c.name);
    const auto& acc = c.oracle["step_accumulator_check"];
    REQUIRE(acc["comms"].size() == 1);
    REQUIRE(acc["chals"].size() == 16);
    auto in = step_accumulator_input(c.proof);
    CHECK(in.sg.x == po::field<Fq>(acc["comms"][0]["x"]));
    CHECK(in.sg.y == po::field<Fq>(acc["comms"][0]["y"]));
    for (size_t i = 0; i < 16; ++i) CHECK(in.chals[i] == po::field<Fp>(acc["chals"][i]));
  }
}

TEST_CASE("the o1js and transaction forms of one zkApp proof give one public input", "[pickles][public_input]") {
  // Fixture-only: the N0 proof_toJSON form carries no wrap challenge vectors, the transaction
  // form two prover-padded ones; the verifier's padding must make the digests agree.
  auto j = nlohmann::json::parse(po::read_text_fixture("o1js/zkapp_update_proof.json"));
  auto a = decode_o1js_proof_json(j["proof_toJSON"].dump());
  REQUIRE(a.ok());
  auto b = decode_proof_base64(j["authorization_proof_base64"].get<std::string>());
  REQUIRE(b.ok());
  REQUIRE(a->proof.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.empty());
  REQUIRE(b->statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.size() == 2);
  for (const auto& v : b->statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges)
    CHECK(v == dummy::ipa_wrap_challenges());
  auto vk = decode_vk_json(po::read_text_fixture("o1js/zkapp_vk.json"));
  REQUIRE(vk.ok());
  std::vector<Fp> app = {po::field<Fp>(j["publicInput"][0]), po::field<Fp>(j["publicInput"][1])};
  auto pa = wrap_public_input(a->proof, vk->vk, app);
  auto pb = wrap_public_input(*b, vk->vk, app);
  REQUIRE(pa.ok());
  REQUIRE(pb.ok());
  CHECK(*pa == *pb);
  CHECK(run_checks(a->proof, vk->vk).empty());
  CHECK(run_checks(*b, vk->vk).empty());
}

TEST_CASE("message digests: padding, app state and counts", "[pickles][public_input]") {
  auto j = nlohmann::json::parse(po::read_text_fixture("o1js/zkapp_update_proof.json"));
  auto p = decode_o1js_proof_json(j["proof_toJSON"].dump());
  REQUIRE(p.ok());
  auto m = p->proof.statement.proof_state.messages_for_next_wrap_proof;

  // Padding is in front: an explicit dummy vector hashes like an implicit one.
  auto h0 = hash_messages_for_next_wrap_proof(m);
  REQUIRE(h0.ok());
  auto m1 = m;
  m1.old_bulletproof_challenges.push_back(dummy::ipa_wrap_challenges());
  auto h1 = hash_messages_for_next_wrap_proof(m1);
  REQUIRE(h1.ok());
  CHECK(*h0 == *h1);
  auto fields = messages_for_next_wrap_proof_fields(m);
  REQUIRE(fields.ok());
  CHECK(fields->size() == 32);
  CHECK((*fields)[0] == dummy::ipa_wrap_challenges_computed()[0]);
  CHECK((*fields)[31] == m.challenge_polynomial_commitment.y);
  // A different real vector (not the dummy) changes the digest.
  auto m2 = m1;
  m2.old_bulletproof_challenges[0][3].prechallenge = ScalarChallenge::from_limbs(1, 2);
  CHECK(*hash_messages_for_next_wrap_proof(m2) != *h0);
  // Three vectors: typed error.
  auto m3 = m1;
  m3.old_bulletproof_challenges.resize(3, dummy::ipa_wrap_challenges());
  auto e3 = hash_messages_for_next_wrap_proof(m3);
  REQUIRE_FALSE(e3.ok());
  CHECK(e3.error().code == ErrorCode::kInvalidLength);

  auto vk = decode_vk_json(po::read_text_fixture("o1js/zkapp_vk.json"));
  REQUIRE(vk.ok());
  const auto& step = p->proof.statement.messages_for_next_step_proof;
  std::vector<Fp> app = {Fp::from_u64(1), Fp::from_u64(2)};
  auto sf = messages_for_next_step_proof_fields(vk->vk.wrap_index, app, step);
  REQUIRE(sf.ok());
  CHECK(sf->size() == 56 + 2 + 18 * step.old_bulletproof_challenges.size());
  CHECK((*sf)[56] == Fp::from_u64(1));
  auto sa = hash_messages_for_next_step_proof(vk->vk.wrap_index, app, step);
  std::vector<Fp> app2 = {Fp::from_u64(2), Fp::from_u64(1)};
  auto sb = hash_messages_for_next_step_proof(vk->vk.wrap_index, app2, step);
  REQUIRE(sa.ok());
  REQUIRE(sb.ok());
  CHECK(*sa != *sb);
  // Commitments and challenge vectors must pair up.
  auto bad = step;
  bad.challenge_polynomial_commitments.push_back(PallasAffine::generator());
  auto eb = hash_messages_for_next_step_proof(vk->vk.wrap_index, app, bad);
  REQUIRE_FALSE(eb.ok());
  CHECK(eb.error().code == ErrorCode::kInvalidLength);

  // Digest limbs round trip; an Fq digest above p does not fit Fp.
  Fq big = -Fq::one();
  CHECK(digest_to_field<Fq>(to_digest(big)).ok());
  CHECK_FALSE(digest_to_field<Fp>(to_digest(big)).ok());
}

TEST_CASE("public input layout: branch data, flags and the joint combiner", "[pickles][public_input]") {
  CHECK(branch_data_to_field_value(BranchData{ProofsVerified::kN0, 9}) == 36);
  CHECK(branch_data_to_field_value(BranchData{ProofsVerified::kN1, 14}) == 58);
  CHECK(branch_data_to_field_value(BranchData{ProofsVerified::kN2, 16}) == 67);

  PreparedStatement s;
  s.deferred_values.plonk.feature_flags.foreign_field_add = true;
  s.deferred_values.plonk.feature_flags.runtime_tables = true;
  s.deferred_values.plonk.joint_combiner = ScalarChallenge::from_limbs(5, 7);
  s.deferred_values.plonk.beta = ScalarChallenge::from_limbs(1, 1);
  s.messages_for_next_step_proof = {1, 2, 3, 4};
  auto pi = to_public_input(s);
  REQUIRE(pi.size() == kWrapPublicInputSize);
  CHECK(pi[5] == Fq::from_int_unchecked(U256{1, 1}));
  CHECK(pi[12] == Fq::from_int_unchecked(U256{1, 2, 3, 4}));
  CHECK(pi[30] == Fq::zero());
  CHECK(pi[32] == Fq::one());
  CHECK(pi[37] == Fq::one());
  CHECK(pi[38] == Fq::one());
  CHECK(pi[39] == Fq::from_int_unchecked(U256{5, 7}));
}

TEST_CASE("OpenMina verify_zkapp inputs: deferred values, public input and run_checks", "[pickles][public_input]") {
  for (const char* f : po::kZkappFiles) {
    INFO(f);
    auto in = decode_verify_zkapp_binprot(test::read_fixture_bytes(f));
    REQUIRE(in.ok());
    const auto& p = in->proof;
    const auto& ff = p.statement.proof_state.deferred_values.plonk.feature_flags;
    INFO("flags rc0 " << ff.range_check0 << " rc1 " << ff.range_check1 << " ffadd " << ff.foreign_field_add
                      << " ffmul " << ff.foreign_field_mul << " xor " << ff.xor_ << " rot " << ff.rot << " lookup "
                      << ff.lookup << " runtime " << ff.runtime_tables);
    auto failures = run_checks(p, in->vk);
    for (const auto& x : failures) INFO(run_check_name(x.check) << ": " << x.message);
    CHECK(failures.empty());
    std::vector<Fp> app = {in->zkapp_statement.account_update, in->zkapp_statement.calls};
    auto pi = wrap_public_input(p, in->vk, app);
    REQUIRE(pi.ok());
    REQUIRE(pi->size() == kWrapPublicInputSize);
    // Layout facts readable off the statement.
    const auto& dv = p.statement.proof_state.deferred_values;
    CHECK((*pi)[29] == Fq::from_u64(branch_data_to_field_value(dv.branch_data)));
    CHECK((*pi)[38] == (dv.plonk.joint_combiner ? Fq::one() : Fq::zero()));
    for (size_t i = 0; i < 16; ++i) CHECK((*pi)[13 + i] == dv.bulletproof_challenges[i].prechallenge.inner<Fq>());
    // The padded wrap vectors are Pickles' dummies in front.
    const auto& w = p.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges;
    REQUIRE(w.size() == 2);
    for (size_t i = 0; i + unsigned(in->vk.max_proofs_verified) < 2; ++i) CHECK(w[i] == dummy::ipa_wrap_challenges());
  }
}

TEST_CASE("blockchain SNARK proofs (block-prover inputs): deferred values and run_checks", "[pickles][public_input]") {
  // Mina's devnet block proofs: N2 branches on a 2^16 step domain, wrap domain 2^14. The full
  // public input needs the protocol state hash (app_state), not computed here; everything else is.
  for (const char* name : {"mina/block_input-2483246-0", "mina/block_input-2483248-1"}) {
    INFO(name);
    auto s = sexp::parse(po::read_text_fixture(std::string(name) + ".sexp"));
    REQUIRE(s.ok());
    auto chain = s->field("chain");
    REQUIRE(chain.ok());
    auto proof_sexp = (*chain)->field("proof");
    REQUIRE(proof_sexp.ok());
    auto p = decode_proof_sexp(**proof_sexp);
    REQUIRE(p.ok());
    CHECK(run_checks(*p, 14, ProofsVerified::kN2).empty());
    auto d = expand_deferred(*p);
    REQUIRE(d.ok());
    CHECK(d->branch_data.domain_log2 == 16);
    auto acc = step_accumulator_input(*p);
    CHECK(acc.sg.is_on_curve());
    CHECK(hash_messages_for_next_wrap_proof(p->statement.proof_state.messages_for_next_wrap_proof).ok());
  }
}

TEST_CASE("run_checks: each violation is reported with its kind", "[pickles][run_checks]") {
  auto in = decode_verify_zkapp_binprot(test::read_fixture_bytes(po::kZkappFiles[0]));
  REQUIRE(in.ok());
  const WrapProof good = in->proof;
  const auto vk = in->vk;
  REQUIRE(run_checks(good, vk).empty());
  auto only = [&](const WrapProof& p, const SideLoadedVerificationKey& k, RunCheck want) {
    auto f = run_checks(p, k);
    REQUIRE(f.size() == 1);
    CHECK(f[0].check == want);
    auto e = run_checks_error(f);
    REQUIRE(e.has_value());
  };
  {
    auto p = good;
    p.prev_evals.evals.w[3].zeta.push_back(Fp::one());
    only(p, vk, RunCheck::kMultipleChunks);
    // expand_deferred still runs (chunks are combined), run_checks is what rejects.
    CHECK(expand_deferred(p).ok());
  }
  {
    auto p = good;
    p.prev_evals.evals.xor_selector = PointEvaluations<Fp>{{Fp::one()}, {Fp::one()}};
    only(p, vk, RunCheck::kFeatureFlagsMismatch);
  }
  {
    auto p = good;
    p.statement.proof_state.deferred_values.branch_data.domain_log2 = 17;
    only(p, vk, RunCheck::kStepDomainTooLarge);
    CHECK(run_checks_error(run_checks(p, vk))->code == ErrorCode::kLimitExceeded);
  }
  {
    CHECK(run_checks(good, 12, vk.max_proofs_verified).front().check == RunCheck::kWrapDomainOutOfRange);
    CHECK(run_checks(good, 16, vk.max_proofs_verified).front().check == RunCheck::kWrapDomainOutOfRange);
    for (unsigned d = 13; d <= 15; ++d) CHECK(run_checks(good, d, vk.max_proofs_verified).empty());
  }
  {
    auto p = good;
    auto& step = p.statement.messages_for_next_step_proof;
    step.challenge_polynomial_commitments.push_back(PallasAffine::generator());
    step.old_bulletproof_challenges.push_back(dummy::ipa_step_challenges());
    only(p, vk, RunCheck::kStepMessagesCount);
    // And the digest itself refuses unpaired lists.
    auto p2 = good;
    p2.statement.messages_for_next_step_proof.challenge_polynomial_commitments.push_back(PallasAffine::generator());
    CHECK_FALSE(wrap_public_input(p2, vk, std::vector<Fp>{}).ok());
  }
  {
    auto p = good;
    p.statement.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges.pop_back();
    if (vk.max_proofs_verified != ProofsVerified::kN1) only(p, vk, RunCheck::kWrapMessagesCount);
  }
  {
    auto p = good;
    auto& jc = p.statement.proof_state.deferred_values.plonk.joint_combiner;
    jc = jc ? std::nullopt : std::optional<ScalarChallenge>(ScalarChallenge::from_limbs(3, 4));
    only(p, vk, RunCheck::kJointCombinerMismatch);
  }
}

// Not a test: writes the OpenMina verify_zkapp fixtures as o1js verify inputs
// ({proof: Proof.toJSON(), vk: {data, hash}}, the transaction form with maxProofsVerified 2) to
// $MINA_ORACLE_DIR/zkapp_inputs/, so that `node tests/oracle/extract.mjs --out build/oracle
// build/oracle/zkapp_inputs/*.json` records o1js' public input for them (the test above then
// compares those too).
TEST_CASE("write verify_zkapp fixtures as o1js verify inputs", "[.write-zkapp-oracle-inputs]") {
  const std::string dir = po::oracle_dir() + "/zkapp_inputs";
  std::system(("mkdir -p '" + dir + "'").c_str());
  for (const char* f : po::kZkappFiles) {
    auto in = decode_verify_zkapp_binprot(test::read_fixture_bytes(f));
    REQUIRE(in.ok());
    auto sx = encode_proof_sexp(in->proof);
    REQUIRE(sx.ok());
    const std::string text = sx->to_string();
    nlohmann::json j;
    j["proof"]["publicInput"] = {in->zkapp_statement.account_update.to_decimal(), in->zkapp_statement.calls.to_decimal()};
    j["proof"]["publicOutput"] = nlohmann::json::array();
    j["proof"]["maxProofsVerified"] = 2;
    j["proof"]["proof"] = base64_encode(ByteSpan(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
    j["vk"]["data"] = base64_encode(encode_side_loaded_vk(in->vk));
    j["vk"]["hash"] = vk_hash(in->vk).to_decimal();
    std::string name = f;
    name = name.substr(name.rfind('/') + 1);
    name = name.substr(0, name.find('_', std::string("verify_zapp_").size())) ;
    std::ofstream(dir + "/" + name + ".json") << j.dump(1) << "\n";
  }
}
