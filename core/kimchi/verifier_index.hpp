// The kimchi verifier index of a Pickles *wrap* circuit (kimchi over Fq, commitments on Pallas),
// as proof-systems `kimchi/src/verifier_index.rs` `VerifierIndex` holds it and as Pickles builds
// it from a side-loaded verification key (OCaml `Side_loaded_verification_key` →
// `Verification_key.Stable.V2`; OpenMina `ledger/src/proofs/verifiers.rs`
// `make_zkapp_verifier_index`).
//
// Everything but the commitments is fixed by the wrap circuit's shape:
//   domain          2^13 / 2^14 / 2^15 from the VK's actual_wrap_domain_size N0 / N1 / N2
//                   (Pickles `Common.wrap_domains`);
//   max_poly_size   2^15 (the Pallas SRS Pickles verifies wrap proofs with: Tock rounds = 15);
//   public          40 (the wrap statement, Wrap.Statement.In_circuit packed);
//   prev_challenges 2 (Pickles pads every wrap proof's recursion challenges to Max = N2);
//   zk_rows         3;
//   shift           permutation.rs `Shifts::new(domain)` (kimchi/permutation_shifts);
//   endo            the endomorphism coefficient of the curve the wrap circuit does arithmetic
//                   on (Vesta, base field Fq): kimchi `endos::<G::OtherCurve>().0`;
//   no optional gates, no lookups (all `None`: the wrap circuit uses the six basic gates).
// Every commitment is a single chunk (domain ≤ max_poly_size); PolyComm keeps kimchi's types.
#pragma once

#include <array>
#include <cstdint>

#include "base/error.hpp"
#include "commitment/domain.hpp"
#include "commitment/poly_comm.hpp"
#include "curve/curve.hpp"
#include "field/pasta.hpp"
#include "kimchi/env.hpp"
#include "pickles/verification_key.hpp"

namespace mina::kimchi {

inline constexpr size_t kWrapMaxPolySize = size_t(1) << 15;
inline constexpr size_t kWrapPublicInputs = 40;
inline constexpr size_t kWrapPrevChallenges = 2;
inline constexpr uint64_t kWrapZkRows = 3;
inline constexpr size_t kWrapIpaRounds = 15;  // log2(max_poly_size)

using PallasPolyComm = PolyComm<PallasParams>;

struct WrapVerifierIndex {
  Radix2Domain<Fq> domain;
  size_t max_poly_size = kWrapMaxPolySize;
  uint64_t zk_rows = kWrapZkRows;
  size_t public_ = kWrapPublicInputs;  // kimchi `public`
  size_t prev_challenges = kWrapPrevChallenges;

  std::array<PallasPolyComm, kPermuts> sigma_comm;
  std::array<PallasPolyComm, kColumns> coefficients_comm;
  PallasPolyComm generic_comm;
  PallasPolyComm psm_comm;
  PallasPolyComm complete_add_comm;
  PallasPolyComm mul_comm;
  PallasPolyComm emul_comm;
  PallasPolyComm endomul_scalar_comm;

  std::array<Fq, kPermuts> shift;
  Fq endo;

  // VerifierIndex::digest: a fresh Fq-sponge (Poseidon over Fp, the base field of Pallas)
  // absorbing sigma[7], coefficients[15], generic, psm, complete_add, mul, emul, endomul_scalar
  // (then the optional gates and lookup commitments, none here), squeezed once as an Fp element.
  Fp digest() const;

  // ω^{n − zk_rows} (VerifierIndex::w).
  Fq w() const;
  // (ζ − ω^{n−zk_rows})…(ζ − ω^{n−1}) (permutation_vanishing_polynomial_m().evaluate(ζ)).
  Fq permutation_vanishing_polynomial(const Fq& zeta) const;
};

// The wrap domain log2 for a VK's actual_wrap_domain_size (N0 → 13, N1 → 14, N2 → 15).
unsigned wrap_domain_log2(pickles::ProofsVerified actual_wrap_domain_size);

// kInvalidArgument for an out-of-range domain tag (cannot come from the decoders).
Result<WrapVerifierIndex> make_wrap_verifier_index(const pickles::SideLoadedVerificationKey& vk);

}  // namespace mina::kimchi
