#include "mina/legacy_signature.hpp"

#include "hash/blake2b.hpp"
#include "hash/poseidon.hpp"

namespace mina {
namespace {

// 255 = Pasta's size_in_bits; a legacy chunk holds one bit less so it is always below p.
constexpr size_t kLegacyChunkBits = 254;
constexpr unsigned kFieldBits = 255;

void append_field_bits(std::vector<bool>& bits, const U256& v) {
  for (unsigned i = 0; i < kFieldBits; ++i) bits.push_back(v.bit(i));
}

Fp bits_to_field(const std::vector<bool>& bits, size_t begin, size_t end) {
  U256 v;
  for (size_t i = begin; i < end; ++i)
    if (bits[i]) v.w[(i - begin) / 64] |= uint64_t{1} << ((i - begin) % 64);
  return Fp::from_int_unchecked(v);
}

// Fp values are below q, so a base-field hash is a valid scalar as it stands.
Fq challenge(const LegacyInput& message, const PallasAffine& pk, const Fp& r, NetworkId network) {
  LegacyInput input = message;
  input.append_field(pk.x);
  input.append_field(pk.y);
  input.append_field(r);
  std::vector<Fp> packed = input.pack_to_fields();
  Fp e = poseidon::hash_with_prefix<Fp>(signature_prefix(network), packed, poseidon::kLegacy);
  return Fq::from_int_unchecked(e.to_int());
}

Fq derive_nonce(const LegacyInput& message, const PallasAffine& pk, const Fq& secret_key, NetworkId network) {
  // inputToBitsLegacy: every field's 255 bits first (message fields, pk.x, pk.y), then the bit
  // string (message bits, the 255 scalar bits, the network id byte least significant bit first).
  std::vector<bool> bits;
  for (const Fp& f : message.fields) append_field_bits(bits, f.to_int());
  append_field_bits(bits, pk.x.to_int());
  append_field_bits(bits, pk.y.to_int());
  bits.insert(bits.end(), message.bits.begin(), message.bits.end());
  append_field_bits(bits, secret_key.to_int());
  const unsigned network_byte = network == NetworkId::kMainnet ? 1 : 0;
  for (unsigned i = 0; i < 8; ++i) bits.push_back((network_byte >> i) & 1);
  Bytes packed((bits.size() + 7) / 8, 0);
  for (size_t i = 0; i < bits.size(); ++i)
    if (bits[i]) packed[i / 8] |= uint8_t(1u << (i % 8));
  Bytes digest = blake2b_256(packed);
  digest[31] &= 0x3f;  // below 2^254 < q
  return Fq::from_int_unchecked(Fq::u256_from_le(digest));
}

}  // namespace

void LegacyInput::append(const LegacyInput& other) {
  fields.insert(fields.end(), other.fields.begin(), other.fields.end());
  bits.insert(bits.end(), other.bits.begin(), other.bits.end());
}

void LegacyInput::append_uint(uint64_t v, unsigned width) {
  for (unsigned i = 0; i < width; ++i) bits.push_back((v >> i) & 1);
}

void LegacyInput::append_bytes_lsb_first(ByteSpan bytes) {
  for (uint8_t b : bytes)
    for (unsigned i = 0; i < 8; ++i) bits.push_back((b >> i) & 1);
}

void LegacyInput::append_public_key(const CompressedPublicKey& pk) {
  fields.push_back(pk.x);
  bits.push_back(pk.is_odd);
}

std::vector<Fp> LegacyInput::pack_to_fields() const {
  std::vector<Fp> out = fields;
  for (size_t i = 0; i < bits.size(); i += kLegacyChunkBits)
    out.push_back(bits_to_field(bits, i, std::min(bits.size(), i + kLegacyChunkBits)));
  return out;
}

LegacyInput legacy_string_input(std::string_view message) {
  LegacyInput input;
  for (unsigned char c : message)
    for (int i = 7; i >= 0; --i) input.bits.push_back((c >> i) & 1);
  return input;
}

bool verify_legacy_signature(const Signature& sig, const LegacyInput& message, const CompressedPublicKey& pk,
                             NetworkId network) {
  auto point = public_key_to_point(pk);
  if (!point) return false;
  return schnorr_equation_holds(sig, *point, challenge(message, *point, sig.r, network));
}

Result<Signature> sign_legacy(const LegacyInput& message, const Fq& secret_key, NetworkId network) {
  if (secret_key.is_zero()) return Error{ErrorCode::kInvalidArgument, "secret key is zero"};
  PallasAffine pk = PallasAffine::generator().mul(secret_key.to_int()).to_affine();
  Fq k = derive_nonce(message, pk, secret_key, network);
  if (k.is_zero()) return Error{ErrorCode::kInvalidArgument, "derived nonce is zero"};
  Fp rx = even_nonce_commitment(k);
  return Signature{rx, k + challenge(message, pk, rx, network) * secret_key};
}

}  // namespace mina
