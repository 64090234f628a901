#include "mina/signature.hpp"

#include <vector>

#include "hash/blake2b.hpp"
#include "hash/poseidon.hpp"

namespace mina {
namespace {

// Fp and Fq integers are interchangeable here because p < q: every Fp value is a valid scalar.
Fq fp_as_scalar(const Fp& x) { return Fq::from_int_unchecked(x.to_int()); }

Fq message_hash(std::span<const Fp> message, const PallasAffine& pk, const Fp& r, NetworkId network) {
  std::vector<Fp> input(message.begin(), message.end());
  input.push_back(pk.x);
  input.push_back(pk.y);
  input.push_back(r);
  return fp_as_scalar(poseidon::hash_with_prefix<Fp>(signature_prefix(network), input));
}

// Appends the 255 little-endian bits of x to a little-endian bit stream.
void append_field_bits(std::vector<bool>& bits, const Fp& x) {
  U256 v = x.to_int();
  for (unsigned i = 0; i < 255; ++i) bits.push_back(v.bit(i));
}

Bytes bits_to_bytes(const std::vector<bool>& bits) {
  Bytes out((bits.size() + 7) / 8, 0);
  for (size_t i = 0; i < bits.size(); ++i)
    if (bits[i]) out[i / 8] |= uint8_t(1u << (i % 8));
  return out;
}

Fq derive_nonce(std::span<const Fp> message, const PallasAffine& pk, const Fq& secret_key, NetworkId network) {
  // Chunked packing: the field elements, then the 8-bit network id packed into one more field.
  std::vector<bool> bits;
  for (const Fp& m : message) append_field_bits(bits, m);
  append_field_bits(bits, pk.x);
  append_field_bits(bits, pk.y);
  append_field_bits(bits, Fp::from_int_reduce(secret_key.to_int()));
  append_field_bits(bits, Fp::from_u64(network == NetworkId::kMainnet ? 1 : 0));
  Bytes digest = blake2b_256(bits_to_bytes(bits));
  digest[31] &= 0x3f;  // below 2^254 < q: a canonical scalar with negligible bias
  return Fq::from_int_unchecked(Fq::u256_from_le(digest));
}

}  // namespace

Result<NetworkId> parse_network_id(std::string_view name) {
  if (name == "mainnet") return NetworkId::kMainnet;
  if (name == "testnet" || name == "devnet") return NetworkId::kTestnet;
  return Error{ErrorCode::kInvalidArgument, "unknown network '" + std::string(name) + "' (mainnet, testnet, devnet)"};
}

const char* signature_prefix(NetworkId network) {
  return network == NetworkId::kMainnet ? "MinaSignatureMainnet" : "CodaSignature*******";
}

Result<PallasAffine> public_key_to_point(const CompressedPublicKey& pk) {
  auto y = (pk.x.square() * pk.x + Fp::from_u64(PallasParams::kB)).sqrt();
  if (!y) return Error{ErrorCode::kInvalidPoint, "public key x is not on Pallas"};
  Fp yy = y->is_odd() == pk.is_odd ? *y : -*y;
  return PallasAffine::from_xy_unchecked(pk.x, yy);
}

CompressedPublicKey public_key_of(const PallasAffine& point) { return {point.x, point.y.is_odd()}; }

CompressedPublicKey public_key_of_secret(const Fq& secret_key) {
  return public_key_of(PallasAffine::generator().mul(secret_key.to_int()).to_affine());
}

bool schnorr_equation_holds(const Signature& sig, const PallasAffine& pk, const Fq& e) {
  PallasProjective r = PallasAffine::generator().mul(sig.s.to_int()).add(pk.mul((-e).to_int()));
  if (r.is_identity()) return false;
  PallasAffine ra = r.to_affine();
  return !ra.y.is_odd() && ra.x == sig.r;
}

Fp even_nonce_commitment(Fq& k) {
  PallasAffine r = PallasAffine::generator().mul(k.to_int()).to_affine();
  if (r.y.is_odd()) k = -k;
  return r.x;
}

bool verify_fields_signature(const Signature& sig, std::span<const Fp> message, const CompressedPublicKey& pk,
                             NetworkId network) {
  auto point = public_key_to_point(pk);
  if (!point) return false;
  return schnorr_equation_holds(sig, *point, message_hash(message, *point, sig.r, network));
}

Result<Signature> sign_fields(std::span<const Fp> message, const Fq& secret_key, NetworkId network) {
  if (secret_key.is_zero()) return Error{ErrorCode::kInvalidArgument, "secret key is zero"};
  PallasAffine pk = PallasAffine::generator().mul(secret_key.to_int()).to_affine();
  Fq k = derive_nonce(message, pk, secret_key, network);
  if (k.is_zero()) return Error{ErrorCode::kInvalidArgument, "derived nonce is zero"};
  Fp rx = even_nonce_commitment(k);
  return Signature{rx, k + message_hash(message, pk, rx, network) * secret_key};
}

}  // namespace mina
