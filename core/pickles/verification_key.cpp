#include "pickles/verification_key.hpp"

#include <vector>

#include "encoding/base64.hpp"
#include "hash/poseidon.hpp"
#include "pickles/json_input.hpp"

namespace mina::pickles {
namespace {

Result<ProofsVerified> read_proofs_verified(BinProtReader& r, const char* what) {
  MINA_TRY(t, r.read_variant_index(3, what));
  return static_cast<ProofsVerified>(t);
}

template <size_t N>
Result<std::array<PallasAffine, N>> read_points(BinProtReader& r) {
  std::array<PallasAffine, N> out;
  for (auto& p : out) {
    MINA_TRY(q, r.read_point<PallasParams>());
    p = q;
  }
  // Pickles' fixed-length vector ends with its `[]` (a unit byte).
  MINA_TRY(end, r.read_unit());
  (void)end;
  return out;
}

}  // namespace

Result<SideLoadedVerificationKey> read_side_loaded_vk(BinProtReader& r) {
  SideLoadedVerificationKey vk;
  MINA_TRY(mpv, read_proofs_verified(r, "max_proofs_verified"));
  MINA_TRY(domain, read_proofs_verified(r, "actual_wrap_domain_size"));
  vk.max_proofs_verified = mpv;
  vk.actual_wrap_domain_size = domain;
  auto& c = vk.wrap_index;
  MINA_TRY(sigma, read_points<7>(r));
  MINA_TRY(coefficients, read_points<15>(r));
  c.sigma_comm = sigma;
  c.coefficients_comm = coefficients;
  for (PallasAffine* p : {&c.generic_comm, &c.psm_comm, &c.complete_add_comm, &c.mul_comm, &c.emul_comm,
                          &c.endomul_scalar_comm}) {
    MINA_TRY(q, r.read_point<PallasParams>());
    *p = q;
  }
  return vk;
}

Result<SideLoadedVerificationKey> decode_side_loaded_vk(ByteSpan bytes) {
  BinProtReader r(bytes);
  MINA_TRY(vk, read_side_loaded_vk(r));
  MINA_TRY(end, r.expect_end());
  (void)end;
  return vk;
}

void write_side_loaded_vk(BinProtWriter& w, const SideLoadedVerificationKey& vk) {
  w.write_u8(uint8_t(vk.max_proofs_verified));
  w.write_u8(uint8_t(vk.actual_wrap_domain_size));
  const auto& c = vk.wrap_index;
  for (auto& p : c.sigma_comm) w.write_point(p);
  w.write_unit();
  for (auto& p : c.coefficients_comm) w.write_point(p);
  w.write_unit();
  for (const PallasAffine* p : {&c.generic_comm, &c.psm_comm, &c.complete_add_comm, &c.mul_comm, &c.emul_comm,
                                &c.endomul_scalar_comm})
    w.write_point(*p);
}

Bytes encode_side_loaded_vk(const SideLoadedVerificationKey& vk) {
  BinProtWriter w;
  write_side_loaded_vk(w, vk);
  return w.take();
}

std::array<PallasAffine, 28> commitments_in_order(const WrapIndexCommitments& c) {
  std::array<PallasAffine, 28> out;
  size_t i = 0;
  for (auto& p : c.sigma_comm) out[i++] = p;
  for (auto& p : c.coefficients_comm) out[i++] = p;
  for (const PallasAffine* p : {&c.generic_comm, &c.psm_comm, &c.complete_add_comm, &c.mul_comm, &c.emul_comm,
                                &c.endomul_scalar_comm})
    out[i++] = *p;
  return out;
}

Fp vk_hash(const SideLoadedVerificationKey& vk) {
  std::vector<Fp> input;
  input.reserve(57);
  for (const PallasAffine& p : commitments_in_order(vk.wrap_index)) {
    input.push_back(p.x);
    input.push_back(p.y);
  }
  // Random_oracle_input.Chunked.pack_to_fields: field elements first, then the packed bits
  // (six 1-bit chunks fit one field), MSB-first in input order.
  uint64_t packed = 0;
  for (ProofsVerified v : {vk.max_proofs_verified, vk.actual_wrap_domain_size})
    for (unsigned idx = 0; idx < 3; ++idx) packed = 2 * packed + (unsigned(v) == idx ? 1 : 0);
  input.push_back(Fp::from_u64(packed));
  return poseidon::hash_with_prefix<Fp>(poseidon::pad_prefix("MinaSideLoadedVk"), input);
}

Result<SideLoadedVerificationKey> decode_vk_base64(std::string_view data) {
  // 1796 bytes are 2396 base64 characters; anything much longer cannot be a key.
  if (data.size() > 4 * kSideLoadedVkBytes)
    return Error{ErrorCode::kInvalidLength, "verification key base64 too long"};
  MINA_TRY(bytes, base64_decode(data));
  return decode_side_loaded_vk(bytes);
}

Result<VerificationKeyJson> decode_vk_json(std::string_view json) {
  MINA_TRY(j, json_input::parse_object(json, size_t{1} << 16, "verification key"));
  MINA_TRY(data, json_input::string_member(j, "data", "verification key"));
  MINA_TRY(hash_text, json_input::string_member(j, "hash", "verification key"));
  MINA_TRY(vk, decode_vk_base64(data));
  // o1js writes the hash as a decimal Field; parse() also takes 0x-hex, which is harmless.
  MINA_TRY(hash, Fp::parse(hash_text));
  return VerificationKeyJson{std::move(vk), hash};
}

}  // namespace mina::pickles
