// Pickles wrap-proof verification, as Mina's `Pickles.verify` / `verify_heterogenous`
// (src/lib/pickles/verify.ml) and OpenMina's `verify_zkapp` / `verify_block`:
//   1. run_checks: the proof's shape against its feature flags and domains;
//   2. the 40-element wrap public input from the statement (expand_deferred over Fp, message
//      digests with the key's commitments and the app state);
//   3. kimchi over Fq / Pallas with the IPA opening ("dlog_check"), all proofs in one MSM;
//   4. the step accumulator check: each step proof's sg = ⟨b_poly_coefficients, G⟩ on Vesta.
// A proof is valid iff all four pass. Malformed inputs never reach here: decoders reject them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "commitment/srs.hpp"
#include "kimchi/wrap_verifier.hpp"
#include "pickles/proof.hpp"
#include "pickles/verification_key.hpp"

namespace mina::pickles {

// Setup paid once per worker and shared by every verification: the Pallas SRS (2^15 points,
// the wrap IPA), the Vesta SRS (2^16 points, step accumulators) and, per wrap domain, the first
// 40 Lagrange-basis commitments (computed on first use; can be exported and loaded back).
class VerifierSetup {
 public:
  // How a proof's public-input commitment is formed when its domain has no basis in memory:
  // build the 40-entry basis (40 MSMs, then every later proof is cheap), or commit directly with
  // one MSM per proof and leave the basis to whoever can afford it (a one-shot process, a first
  // verify that must answer fast). An imported or already built basis is always used.
  enum class LagrangePolicy { kBuildBasis, kDirectUntilBuilt };
  void set_lagrange_policy(LagrangePolicy p) { lagrange_policy_ = p; }
  bool has_lagrange_basis(unsigned log2) const { return lagrange_.count(log2) != 0; }
  LagrangePolicy lagrange_policy() const { return lagrange_policy_; }

  static constexpr size_t kPallasSrsSize = size_t(1) << 15;
  static constexpr size_t kVestaSrsSize = size_t(1) << 16;

  // The SRS generated as proof-systems does (Blake2b + group map): the trust root.
  static Result<VerifierSetup> generate();
  // From SRS points obtained elsewhere (e.g. a cache of a previous generate()). Checked for size.
  static Result<VerifierSetup> from_srs(Srs<PallasParams> pallas, Srs<VestaParams> vesta);
  // From the fast cache format (commitment/srs_cache.hpp) of an earlier setup: checksummed,
  // every point on its curve, and spot-checked against freshly generated generators so a cache
  // of some other point set is refused (kInvalidArgument).
  static Result<VerifierSetup> from_cache(ByteSpan pallas_cache, ByteSpan vesta_cache);
  Bytes export_pallas_cache() const;
  Bytes export_vesta_cache() const;

  const Srs<PallasParams>& pallas() const { return *pallas_; }
  const Srs<VestaParams>& vesta() const { return *vesta_; }

  // The first 40 Lagrange commitments of the 2^log2 wrap domain (computed once).
  Result<std::span<const kimchi::PallasPolyComm>> lagrange_basis(unsigned log2);
  // Cache interchange for the Lagrange commitments (checksummed, bound to SRS and domain).
  Result<Bytes> export_lagrange_basis(unsigned log2);
  Result<bool> import_lagrange_basis(unsigned log2, ByteSpan bytes);
  // The wrap domains (log2) whose basis is in memory, computed or imported.
  std::vector<unsigned> lagrange_domains() const;

 private:
  std::shared_ptr<const Srs<PallasParams>> pallas_;
  std::shared_ptr<const Srs<VestaParams>> vesta_;
  std::map<unsigned, std::vector<kimchi::PallasPolyComm>> lagrange_;
  LagrangePolicy lagrange_policy_ = LagrangePolicy::kBuildBasis;
};

// What a wrap proof claims: the proof, the (side-loaded) key and the app state it is about —
// publicInput ++ publicOutput for a ZkProgram, [account_update, calls] for a zkApp, the protocol
// state hash for the blockchain SNARK.
// The key does not fix the app state's length: it enters the step-message digest through a
// rate-2 sponge without length padding, so when the digest's input has odd length, `[x…]` and
// `[x…, 0]` hash alike (square0: [9] and [9, 0] both verify). Pickles never sees such a pair
// because the program's statement type fixes the length; callers must do the same (zkApps: 2,
// blocks: 1, ZkPrograms: the program's declared input/output sizes).
struct WrapStatement {
  const WrapProof* proof;
  const SideLoadedVerificationKey* vk;
  std::vector<Fp> app_state;
};

struct Verdict {
  bool valid = false;
  std::string reason;  // empty when valid; which check failed otherwise
};

// Verifies all statements together (one kimchi MSM, one accumulator MSM): valid iff every one
// is. `seed` feeds the batch combiners (derandomised over the batch, see commitment/ipa.hpp);
// callers pass fresh random bytes. Errors only for inputs no verifier could run on.
Result<Verdict> verify_batch(VerifierSetup& setup, std::span<const WrapStatement> statements, ByteSpan seed = {});
Result<Verdict> verify(VerifierSetup& setup, const WrapStatement& statement, ByteSpan seed = {});

}  // namespace mina::pickles
