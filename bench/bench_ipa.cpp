// IPA verification at the size Mina's wrap proofs use: one opening proof against the first 2^15
// points of proof-systems' Pallas SRS (fixture), made by the test prover (ipa_prover.hpp); and
// the 40 Lagrange-basis commitments of a 2^14 domain kimchi needs for the public input, by
// per-entry MSMs, with the group-IFFT method timed at 2^10 and scaled (n/2·log n scalar mults).
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

#include "../tests/unit/commitment/ipa_prover.hpp"
#include "bench.hpp"
#include "commitment/lagrange.hpp"
#include "commitment/srs_file.hpp"

namespace {
using namespace mina;
using namespace mina::bench;

Fq random_scalar(std::mt19937_64& rng) {
  U256 v{rng(), rng(), rng(), rng() & ((uint64_t(1) << 62) - 1)};
  return Fq::from_int_reduce(v);
}

Register r("ipa", [] {
  constexpr size_t kN = size_t(1) << 15;
  std::ifstream f(std::string(MINA_FIXTURES_DIR) + "/srs/pallas.srs", std::ios::binary);
  Bytes bytes{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  double t0 = now_ns();
  auto srs_r = srs_from_msgpack<PallasParams>(bytes, kN);
  if (!srs_r.ok()) {
    report("{\"bench\":\"ipa\",\"error\":\"" + srs_r.error().message + "\"}");
    return;
  }
  const Srs<PallasParams>& srs = *srs_r;
  double load_ms = (now_ns() - t0) / 1e6;

  std::mt19937_64 rng(7);
  auto rand = [&] { return random_scalar(rng); };
  FqSponge<PallasParams> sponge;
  sponge.absorb_fq(Fp::from_u64(42));
  Fq zeta = rand();
  Fq omega = Radix2Domain<Fq>::create_log(15)->group_gen;
  t0 = now_ns();
  // Two polynomials of full length, opened at ζ and ζω (kimchi's shape, fewer polynomials).
  std::vector<BatchEvaluationProof<PallasParams>> batch{
      test::make_batch_proof<PallasParams>(srs, {kN, kN}, {zeta, zeta * omega}, sponge, rand)};
  double prove_ms = (now_ns() - t0) / 1e6;

  bool ok = true;
  double verify_ns = ns_per_iter(
      [&](int64_t n) {
        for (int64_t i = 0; i < n; ++i) ok = ok && srs_verify<PallasParams>(srs, GroupMap<PallasParams>::instance(), batch,
                                                                          as_bytes("bench"))
                                                       .value();
      },
      1000);
  auto bad = batch;
  bad[0].opening.z1 += Fq::one();
  bool rejects = !srs_verify<PallasParams>(srs, GroupMap<PallasParams>::instance(), bad, as_bytes("bench")).value();

  // 40 Lagrange commitments of the 2^14 domain.
  auto d14 = *Radix2Domain<Fq>::create_log(14);
  t0 = now_ns();
  auto lb = lagrange_basis_commitments<PallasParams>(srs, d14, 40);
  double lagrange_ms = (now_ns() - t0) / 1e6;
  // The public-input commitment without a basis: one 2^14 MSM with combined scalars.
  std::vector<Fq> pub(40);
  for (auto& x : pub) x = rand();
  t0 = now_ns();
  auto direct = commit_lagrange_combination<PallasParams>(srs, d14, pub);
  double direct_ms = (now_ns() - t0) / 1e6;
  std::vector<const PolyComm<PallasParams>*> refs;
  for (auto& b : *lb) refs.push_back(&b);
  t0 = now_ns();
  auto cached = poly_comm_multi_scalar_mul<PallasParams>(refs, pub);
  double cached_ms = (now_ns() - t0) / 1e6;
  bool combo_agree = direct.ok() && cached.ok() && *direct == *cached;
  // Group IFFT at 2^10, scaled by (n log n) to 2^14.
  Srs<PallasParams> small{std::vector<PallasAffine>(srs.g.begin(), srs.g.begin() + 1024), srs.h};
  auto d10 = *Radix2Domain<Fq>::create_log(10);
  t0 = now_ns();
  auto all10 = lagrange_basis_ifft<PallasParams>(small, d10);
  double ifft10_ms = (now_ns() - t0) / 1e6;
  double ifft14_scaled_ms = ifft10_ms * (double(1 << 14) * 14) / (double(1 << 10) * 10);
  auto first10 = lagrange_basis_commitments<PallasParams>(small, d10, 40);
  bool agree = lb.ok() && all10.ok() && first10.ok() && (*first10)[39] == (*all10)[39];

  report(std::string("{\"bench\":\"ipa\",\"platform\":\"") + platform() + "\",\"curve\":\"pallas\",\"srs_points\":" +
         std::to_string(kN) + ",\"verify_ms\":" + std::to_string(verify_ns / 1e6) + ",\"valid\":" +
         (ok ? "true" : "false") + ",\"rejects_mutated\":" + (rejects ? "true" : "false") +
         ",\"srs_load_ms\":" + std::to_string(load_ms) + ",\"prove_ms\":" + std::to_string(prove_ms) +
         ",\"lagrange40_2p14_ms\":" + std::to_string(lagrange_ms) + ",\"lagrange_ifft_2p10_ms\":" +
         std::to_string(ifft10_ms) + ",\"lagrange_ifft_2p14_scaled_ms\":" + std::to_string(ifft14_scaled_ms) +
         ",\"methods_agree\":" + (agree ? "true" : "false") +
         ",\"public_comm_direct_2p14_ms\":" + std::to_string(direct_ms) + ",\"public_comm_from_cached_basis_ms\":" +
         std::to_string(cached_ms) + ",\"public_comm_agree\":" + (combo_agree ? "true" : "false") + "}");
});
}  // namespace
