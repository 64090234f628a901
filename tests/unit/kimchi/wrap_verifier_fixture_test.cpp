// The kimchi wrap verifier end to end on ../shared/fixtures only (always runs): the public input
// from our Pickles statement code (pickles/public_input.hpp), the recursion challenges from the
// statement, our Lagrange basis, the 2^15 Pallas SRS. o1js fixture proofs and OpenMina's
// verify_zkapp inputs must verify, o1js dummy proofs must not; batches share one MSM; malformed
// shapes are typed errors.

#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include "kimchi/wrap_verifier.hpp"
#include "oracle_fixture.hpp"
#include "pickles/decode.hpp"
#include "pickles/public_input.hpp"

using namespace mina;
using namespace mina::kimchi;
using namespace mina::test::kimchi_wrap;

namespace {

struct FixtureProof {
  std::string name;
  pickles::WrapProof proof;
  pickles::SideLoadedVerificationKey vk;
  std::vector<Fp> app_state;
  bool valid = true;
  // Built by prepare():
  WrapVerifierIndex index;
  std::vector<RecursionChallenge> prev;
  std::vector<Fq> public_input;
};

void prepare(FixtureProof& f) {
  INFO(f.name);
  auto idx = make_wrap_verifier_index(f.vk);
  REQUIRE(idx.ok());
  f.index = *idx;
  auto pcs = wrap_prev_challenges(f.proof.statement);
  REQUIRE(pcs.ok());
  f.prev = *pcs;
  auto pi = pickles::wrap_public_input(f.proof, f.vk, f.app_state);
  REQUIRE(pi.ok());
  f.public_input = *pi;
}

FixtureProof o1js_proof(const std::string& proof_file, const std::string& vk_file, bool valid) {
  FixtureProof f;
  f.name = proof_file;
  f.valid = valid;
  auto p = pickles::decode_o1js_proof_json(fixture_text("o1js/" + proof_file));
  REQUIRE(p.ok());
  f.proof = p->proof;
  f.app_state = p->public_input;
  f.app_state.insert(f.app_state.end(), p->public_output.begin(), p->public_output.end());
  auto vk = pickles::decode_vk_json(fixture_text("o1js/" + vk_file));
  REQUIRE(vk.ok());
  f.vk = vk->vk;
  prepare(f);
  return f;
}

const std::vector<FixtureProof>& fixture_proofs() {
  static const std::vector<FixtureProof> v = [] {
    std::vector<FixtureProof> out;
    out.push_back(o1js_proof("square0_base_proof.json", "square0_vk.json", true));
    out.push_back(o1js_proof("square1_base_proof.json", "square1_vk.json", true));
    out.push_back(o1js_proof("square1_step_proof.json", "square1_vk.json", true));
    out.push_back(o1js_proof("square0_dummy_proof.json", "square0_vk.json", false));
    out.push_back(o1js_proof("square1_dummy_proof.json", "square1_vk.json", false));
    {
      // zkApp update: the proof_toJSON form and the transaction (authorization) form.
      const auto j = nlohmann::json::parse(fixture_text("o1js/zkapp_update_proof.json"));
      auto vk = pickles::decode_vk_json(fixture_text("o1js/zkapp_vk.json"));
      REQUIRE(vk.ok());
      std::vector<Fp> app_state;
      for (const auto& x : j["publicInput"]) app_state.push_back(dec<Fp>(x));
      auto p1 = pickles::decode_o1js_proof_json(j["proof_toJSON"].dump());
      REQUIRE(p1.ok());
      FixtureProof a{"zkapp_update_proof#proof_toJSON", p1->proof, vk->vk, app_state, true, {}, {}, {}};
      prepare(a);
      out.push_back(a);
      auto p2 = pickles::decode_proof_base64(j["authorization_proof_base64"].get<std::string>());
      REQUIRE(p2.ok());
      FixtureProof b{"zkapp_update_proof#authorization", *p2, vk->vk, app_state, true, {}, {}, {}};
      prepare(b);
      out.push_back(b);
    }
    for (const auto& file : zkapp_binprot_files()) {
      auto in = pickles::decode_verify_zkapp_binprot(test::read_fixture_bytes(file));
      REQUIRE(in.ok());
      FixtureProof f{file, in->proof, in->vk, {in->zkapp_statement.account_update, in->zkapp_statement.calls},
                     true, {}, {}, {}};
      prepare(f);
      out.push_back(f);
    }
    return out;
  }();
  return v;
}

WrapVerifyInput input_of(const FixtureProof& f) {
  return WrapVerifyInput{&f.index, lagrange_basis(f.index.domain.log_size), &f.proof.proof, f.prev, f.public_input};
}

}  // namespace

TEST_CASE("wrap verifier on fixture proofs: valid ones verify, dummies are rejected", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  for (const auto& f : fixture_proofs()) {
    INFO(f.name << " (wrap domain 2^" << f.index.domain.log_size << ")");
    auto r = verify_wrap(f.index, srs, lagrange_basis(f.index.domain.log_size), f.proof.proof, f.prev,
                         f.public_input);
    REQUIRE(r.ok());
    CHECK(*r == f.valid);
  }
}

TEST_CASE("wrap verifier: explicit combiners give the same verdicts", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  const IpaRandomness<Fq> rnd{Fq::from_u64(0x1234567), Fq::from_u64(0x89abcdef)};
  for (const auto& f : fixture_proofs()) {
    INFO(f.name);
    auto r = verify_wrap(f.index, srs, lagrange_basis(f.index.domain.log_size), f.proof.proof, f.prev,
                         f.public_input, rnd);
    REQUIRE(r.ok());
    CHECK(*r == f.valid);
  }
}

TEST_CASE("wrap batch verification: one MSM for many proofs", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  std::vector<WrapVerifyInput> good, with_bad;
  for (const auto& f : fixture_proofs()) {
    (f.valid ? good : with_bad).push_back(input_of(f));
  }
  REQUIRE(good.size() >= 2);
  auto r = batch_verify_wrap(srs, good);
  REQUIRE(r.ok());
  CHECK(*r);
  for (const auto& bad : std::vector<WrapVerifyInput>(with_bad)) {
    std::vector<WrapVerifyInput> b = good;
    b.insert(b.begin() + 1, bad);
    auto rb = batch_verify_wrap(srs, b);
    REQUIRE(rb.ok());
    CHECK(!*rb);
  }
  auto empty = batch_verify_wrap(srs, {});
  REQUIRE(empty.ok());
  CHECK(*empty);
}

TEST_CASE("wrap verifier: malformed shapes are typed errors", "[kimchi][wrap]") {
  const auto& srs = pallas_srs();
  const FixtureProof& f = fixture_proofs().at(2);  // square1_step_proof
  const auto& basis = lagrange_basis(f.index.domain.log_size);
  auto expect_error = [&](const pickles::KimchiProof& p, std::span<const RecursionChallenge> prev,
                          std::span<const Fq> pub, std::span<const PallasPolyComm> lb, ErrorCode code) {
    auto r = verify_wrap(f.index, srs, lb, p, prev, pub);
    REQUIRE(!r.ok());
    CHECK(r.error().code == code);
  };
  const auto& p = f.proof.proof;
  std::vector<Fq> pub39(f.public_input.begin(), f.public_input.end() - 1);
  expect_error(p, f.prev, pub39, basis, ErrorCode::kInvalidLength);
  std::vector<Fq> pub41 = f.public_input;
  pub41.push_back(Fq::one());
  expect_error(p, f.prev, pub41, basis, ErrorCode::kInvalidLength);
  std::vector<RecursionChallenge> prev1(f.prev.begin() + 1, f.prev.end());
  expect_error(p, prev1, f.public_input, basis, ErrorCode::kInvalidLength);
  std::vector<RecursionChallenge> prev_short = f.prev;
  prev_short[0].chals.pop_back();
  expect_error(p, prev_short, f.public_input, basis, ErrorCode::kInvalidLength);
  std::vector<RecursionChallenge> prev_chunks = f.prev;
  prev_chunks[1].comm.chunks.push_back(prev_chunks[1].comm.chunks[0]);
  expect_error(p, prev_chunks, f.public_input, basis, ErrorCode::kInvalidLength);
  expect_error(p, f.prev, f.public_input, std::span<const PallasPolyComm>(basis.data(), 39),
               ErrorCode::kInvalidLength);
  {
    auto q = p;
    q.evals.w[3].zeta.push_back(Fq::one());
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidLength);
    q = p;
    q.evals.z.zeta_omega.clear();
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidLength);
    q = p;
    q.evals.s[5].zeta.clear();
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidLength);
    q = p;
    q.evals.range_check0_selector = q.evals.z;
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidArgument);
    q = p;
    q.opening.lr.pop_back();
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidLength);
    q = p;
    q.opening.lr.push_back(q.opening.lr.back());
    expect_error(q, f.prev, f.public_input, basis, ErrorCode::kInvalidLength);
  }
  {
    Srs<PallasParams> small;
    small.g.assign(srs.g.begin(), srs.g.begin() + 1024);
    small.h = srs.h;
    auto r = verify_wrap(f.index, small, basis, p, f.prev, f.public_input);
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidArgument);
  }
  {
    // Statement-side shapes: more commitments than challenge vectors, more than 2 vectors.
    auto st = f.proof.statement;
    st.messages_for_next_step_proof.challenge_polynomial_commitments.push_back(PallasAffine::generator());
    st.messages_for_next_step_proof.challenge_polynomial_commitments.push_back(PallasAffine::generator());
    auto r = wrap_prev_challenges(st);
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidLength);
    st = f.proof.statement;
    auto& olds = st.proof_state.messages_for_next_wrap_proof.old_bulletproof_challenges;
    while (olds.size() < 3) olds.push_back(pickles::WrapChallenges{});
    auto r2 = wrap_prev_challenges(st);
    REQUIRE(!r2.ok());
    CHECK(r2.error().code == ErrorCode::kInvalidLength);
  }
}

TEST_CASE("wrap verifier timing (one proof, basis cached)", "[.][wrap-timing]") {
  const auto& srs = pallas_srs();
  for (const auto& f : fixture_proofs()) {
    const auto& basis = lagrange_basis(f.index.domain.log_size);
    auto t0 = std::chrono::steady_clock::now();
    auto r = verify_wrap(f.index, srs, basis, f.proof.proof, f.prev, f.public_input);
    auto t1 = std::chrono::steady_clock::now();
    auto b = to_batch(f.index, srs, basis, f.proof.proof, f.prev, f.public_input);
    auto t2 = std::chrono::steady_clock::now();
    REQUIRE(r.ok());
    std::cout << f.name << " 2^" << f.index.domain.log_size << ": verify "
              << std::chrono::duration<double, std::milli>(t1 - t0).count() << " ms (to_batch "
              << std::chrono::duration<double, std::milli>(t2 - t1).count() << " ms), verdict " << *r << "\n";
  }
  std::vector<WrapVerifyInput> good;
  for (const auto& f : fixture_proofs())
    if (f.valid) good.push_back(input_of(f));
  auto t0 = std::chrono::steady_clock::now();
  auto r = batch_verify_wrap(srs, good);
  auto t1 = std::chrono::steady_clock::now();
  REQUIRE(r.ok());
  std::cout << "batch of " << good.size() << ": " << std::chrono::duration<double, std::milli>(t1 - t0).count()
            << " ms, verdict " << *r << "\n";
}
