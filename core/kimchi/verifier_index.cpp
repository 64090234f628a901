#include "kimchi/verifier_index.hpp"

#include <string>

#include "commitment/sponges.hpp"

namespace mina::kimchi {
namespace {

PallasPolyComm one_chunk(const PallasAffine& p) { return PallasPolyComm{{p}}; }

// kimchi `absorb_commitment`: every chunk as a point (infinity as (0, 0), FqSponge::absorb_g).
void absorb_commitment(FqSponge<PallasParams>& sponge, const PallasPolyComm& comm) {
  sponge.absorb_g(std::span<const PallasAffine>(comm.chunks));
}

}  // namespace

unsigned wrap_domain_log2(pickles::ProofsVerified actual_wrap_domain_size) {
  return 13u + unsigned(actual_wrap_domain_size);
}

Result<WrapVerifierIndex> make_wrap_verifier_index(const pickles::SideLoadedVerificationKey& vk) {
  const unsigned tag = unsigned(vk.actual_wrap_domain_size);
  if (tag > 2)
    return Error{ErrorCode::kInvalidArgument, "actual_wrap_domain_size tag " + std::to_string(tag) + " is not N0..N2"};
  WrapVerifierIndex idx;
  MINA_TRY(domain, Radix2Domain<Fq>::create_log(wrap_domain_log2(vk.actual_wrap_domain_size)));
  idx.domain = domain;
  const auto& c = vk.wrap_index;
  for (size_t i = 0; i < kPermuts; ++i) idx.sigma_comm[i] = one_chunk(c.sigma_comm[i]);
  for (size_t i = 0; i < kColumns; ++i) idx.coefficients_comm[i] = one_chunk(c.coefficients_comm[i]);
  idx.generic_comm = one_chunk(c.generic_comm);
  idx.psm_comm = one_chunk(c.psm_comm);
  idx.complete_add_comm = one_chunk(c.complete_add_comm);
  idx.mul_comm = one_chunk(c.mul_comm);
  idx.emul_comm = one_chunk(c.emul_comm);
  idx.endomul_scalar_comm = one_chunk(c.endomul_scalar_comm);
  idx.shift = permutation_shifts<Fq>();
  idx.endo = circuit_endo_coefficient<Fq>();
  return idx;
}

Fp WrapVerifierIndex::digest() const {
  FqSponge<PallasParams> fq_sponge;
  // Always present
  for (const auto& comm : sigma_comm) absorb_commitment(fq_sponge, comm);
  for (const auto& comm : coefficients_comm) absorb_commitment(fq_sponge, comm);
  absorb_commitment(fq_sponge, generic_comm);
  absorb_commitment(fq_sponge, psm_comm);
  absorb_commitment(fq_sponge, complete_add_comm);
  absorb_commitment(fq_sponge, mul_comm);
  absorb_commitment(fq_sponge, emul_comm);
  absorb_commitment(fq_sponge, endomul_scalar_comm);
  // Optional gates (range_check0/1, foreign_field_mul/add, xor, rot) and the lookup index:
  // absent in wrap circuits.
  return fq_sponge.digest_fq();
}

Fq WrapVerifierIndex::w() const { return domain.group_gen.pow(U256{domain.size - zk_rows}); }

Fq WrapVerifierIndex::permutation_vanishing_polynomial(const Fq& zeta) const {
  return eval_permutation_vanishing_polynomial(domain.group_gen, domain.size, zk_rows, zeta);
}

}  // namespace mina::kimchi
