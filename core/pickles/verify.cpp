#include "pickles/verify.hpp"

#include <optional>

#include "commitment/ipa.hpp"
#include "commitment/lagrange.hpp"
#include "commitment/srs_cache.hpp"
#include "kimchi/verifier_index.hpp"
#include "pickles/deferred.hpp"
#include "pickles/public_input.hpp"
#include "pickles/run_checks.hpp"

namespace mina::pickles {

Result<VerifierSetup> VerifierSetup::generate() {
  MINA_TRY(pallas, srs_create<PallasParams>(kPallasSrsSize));
  MINA_TRY(vesta, srs_create<VestaParams>(kVestaSrsSize));
  return from_srs(std::move(pallas), std::move(vesta));
}

Result<VerifierSetup> VerifierSetup::from_srs(Srs<PallasParams> pallas, Srs<VestaParams> vesta) {
  if (pallas.g.size() < kPallasSrsSize)
    return Error{ErrorCode::kInvalidLength, "Pallas SRS needs 2^15 points, got " + std::to_string(pallas.g.size())};
  if (vesta.g.size() < kVestaSrsSize)
    return Error{ErrorCode::kInvalidLength, "Vesta SRS needs 2^16 points, got " + std::to_string(vesta.g.size())};
  // Wrap proofs commit with exactly max_poly_size = 2^15 Pallas points.
  pallas.g.resize(kPallasSrsSize);
  VerifierSetup s;
  s.pallas_ = std::make_shared<const Srs<PallasParams>>(std::move(pallas));
  s.vesta_ = std::make_shared<const Srs<VestaParams>>(std::move(vesta));
  return s;
}

Result<VerifierSetup> VerifierSetup::from_cache(ByteSpan pallas_cache, ByteSpan vesta_cache) {
  MINA_TRY(pallas, srs_cache_from_bytes<PallasParams>(pallas_cache, kPallasSrsSize));
  MINA_TRY(vesta, srs_cache_from_bytes<VestaParams>(vesta_cache, kVestaSrsSize));
  MINA_TRY(pallas_ok, srs_cache_spot_check(pallas));
  MINA_TRY(vesta_ok, srs_cache_spot_check(vesta));
  (void)pallas_ok;
  (void)vesta_ok;
  return from_srs(std::move(pallas), std::move(vesta));
}

Bytes VerifierSetup::export_pallas_cache() const { return srs_cache_to_bytes(*pallas_); }
Bytes VerifierSetup::export_vesta_cache() const { return srs_cache_to_bytes(*vesta_); }

std::vector<unsigned> VerifierSetup::lagrange_domains() const {
  std::vector<unsigned> out;
  for (const auto& [log2, basis] : lagrange_) out.push_back(log2);
  return out;
}

Result<std::span<const kimchi::PallasPolyComm>> VerifierSetup::lagrange_basis(unsigned log2) {
  auto it = lagrange_.find(log2);
  if (it == lagrange_.end()) {
    MINA_TRY(domain, Radix2Domain<Fq>::create_log(log2));
    MINA_TRY(basis, lagrange_basis_commitments<PallasParams>(*pallas_, domain, kWrapPublicInputSize));
    it = lagrange_.emplace(log2, std::move(basis)).first;
  }
  return std::span<const kimchi::PallasPolyComm>(it->second);
}

Result<Bytes> VerifierSetup::export_lagrange_basis(unsigned log2) {
  MINA_TRY(basis, lagrange_basis(log2));
  MINA_TRY(domain, Radix2Domain<Fq>::create_log(log2));
  return lagrange_basis_to_bytes<PallasParams>(*pallas_, domain, basis);
}

Result<bool> VerifierSetup::import_lagrange_basis(unsigned log2, ByteSpan bytes) {
  MINA_TRY(domain, Radix2Domain<Fq>::create_log(log2));
  MINA_TRY(basis, lagrange_basis_from_bytes<PallasParams>(bytes, *pallas_, domain, kWrapPublicInputSize));
  lagrange_[log2] = std::move(basis);
  return true;
}

Result<Verdict> verify_batch(VerifierSetup& setup, std::span<const WrapStatement> statements, ByteSpan seed) {
  struct Prepared {
    kimchi::WrapVerifierIndex index;
    std::vector<kimchi::RecursionChallenge> prev_challenges;
    std::vector<Fq> public_input;
    std::span<const kimchi::PallasPolyComm> lagrange;
    std::optional<kimchi::PallasPolyComm> public_comm;
  };
  std::vector<Prepared> prepared;
  prepared.reserve(statements.size());
  std::vector<VestaAffine> step_sgs;
  std::vector<Fp> step_chals;

  for (size_t i = 0; i < statements.size(); ++i) {
    const WrapStatement& st = statements[i];
    const std::string which = statements.size() > 1 ? "proof " + std::to_string(i) + ": " : "";
    // 1. Shape against feature flags and domains: a mismatch is an invalid proof, not an error.
    auto failures = run_checks(*st.proof, *st.vk);
    if (!failures.empty()) return Verdict{false, which + "run_checks: " + run_check_name(failures.front().check) + ": " + failures.front().message};
    // 2. The wrap statement as kimchi's public input.
    MINA_TRY(public_input, wrap_public_input(*st.proof, *st.vk, st.app_state));
    MINA_TRY(index, kimchi::make_wrap_verifier_index(*st.vk));
    MINA_TRY(prev, kimchi::wrap_prev_challenges(st.proof->statement));
    const unsigned log2 = index.domain.log_size;
    if (setup.lagrange_policy() == VerifierSetup::LagrangePolicy::kDirectUntilBuilt && !setup.has_lagrange_basis(log2)) {
      MINA_TRY(public_comm, kimchi::public_commitment_direct(setup.pallas(), index.domain, public_input));
      prepared.push_back({std::move(index), std::move(prev), std::move(public_input), {}, std::move(public_comm)});
    } else {
      MINA_TRY(lagrange, setup.lagrange_basis(log2));
      prepared.push_back({std::move(index), std::move(prev), std::move(public_input), lagrange, std::nullopt});
    }
    // 4 (inputs). The step proof's accumulator.
    StepAccumulatorInput acc = step_accumulator_input(*st.proof);
    step_sgs.push_back(acc.sg);
    step_chals.insert(step_chals.end(), acc.chals.begin(), acc.chals.end());
  }

  // 3. Kimchi + IPA for every wrap proof in one MSM.
  std::vector<kimchi::WrapVerifyInput> inputs;
  inputs.reserve(prepared.size());
  for (size_t i = 0; i < prepared.size(); ++i) {
    const auto& pc = prepared[i].public_comm;
    inputs.push_back({&prepared[i].index, prepared[i].lagrange, &statements[i].proof->proof,
                      prepared[i].prev_challenges, prepared[i].public_input, pc ? &*pc : nullptr});
  }
  MINA_TRY(kimchi_ok, kimchi::batch_verify_wrap(setup.pallas(), inputs, seed));
  if (!kimchi_ok) return Verdict{false, "kimchi: opening check failed"};

  // 4. Step accumulators on the Vesta SRS, one MSM.
  MINA_TRY(acc_ok, accumulator_check<VestaParams>(setup.vesta(), step_sgs, step_chals, seed));
  if (!acc_ok) return Verdict{false, "step accumulator check failed"};
  return Verdict{true, ""};
}

Result<Verdict> verify(VerifierSetup& setup, const WrapStatement& statement, ByteSpan seed) {
  return verify_batch(setup, std::span<const WrapStatement>(&statement, 1), seed);
}

}  // namespace mina::pickles
