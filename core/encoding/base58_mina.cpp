// Mina's typed base58check payloads (layout table in base58.hpp).
#include <stdexcept>

#include "curve/group.hpp"
#include "encoding/base58.hpp"

namespace mina {
namespace {

// bin_prot's version number of every Stable.V1 type Mina base58-encodes.
constexpr uint8_t kBinProtV1 = 0x01;
constexpr size_t kFieldBytes = 32;

uint8_t byte_of(VersionByte v) { return static_cast<uint8_t>(v); }

bool is_field_hash(VersionByte v) {
  switch (v) {
    case VersionByte::kLedgerHash:
    case VersionByte::kReceiptChainHash:
    case VersionByte::kEpochSeed:
    case VersionByte::kStateHash:
    case VersionByte::kTokenId:
      return true;
    default:
      return false;
  }
}

// o1js encodes TokenId with plain Field bin_prot (base58.ts customEncoding without a version
// number); the hashes are versioned types.
size_t tag_count(VersionByte v) { return v == VersionByte::kTokenId ? 0 : 1; }

// Decodes base58check and checks the payload length; the first failure wins (see base58.hpp).
Result<Bytes> open_payload(std::string_view text, VersionByte kind, size_t expected_len, const char* what) {
  MINA_TRY(payload, base58check_decode(text, byte_of(kind)));
  if (payload.size() != expected_len)
    return Error{ErrorCode::kInvalidLength, std::string(what) + ": payload is " + std::to_string(payload.size()) +
                                                " bytes, expected " + std::to_string(expected_len)};
  return payload;
}

// Checks `count` bin_prot version tags at the front of the payload.
Result<size_t> check_tags(const Bytes& payload, size_t count, const char* what) {
  for (size_t i = 0; i < count; ++i)
    if (payload[i] != kBinProtV1)
      return Error{ErrorCode::kWrongVersionByte, std::string(what) + ": bin_prot version tag " +
                                                     std::to_string(payload[i]) + ", expected 1"};
  return count;
}

template <class F>
void append_field(Bytes& out, const F& f) {
  auto b = f.to_bytes_le();
  out.insert(out.end(), b.begin(), b.end());
}

template <class F>
Result<F> read_field(const Bytes& payload, size_t offset) {
  return F::from_bytes_le(ByteSpan(payload).subspan(offset, kFieldBytes));
}

}  // namespace

std::string encode_field_hash(const Fp& value, VersionByte kind) {
  if (!is_field_hash(kind)) throw std::invalid_argument("encode_field_hash: not a field-hash version byte");
  Bytes payload(tag_count(kind), kBinProtV1);
  append_field(payload, value);
  return base58check_encode(byte_of(kind), payload);
}

Result<Fp> decode_field_hash(std::string_view text, VersionByte kind) {
  if (!is_field_hash(kind)) throw std::invalid_argument("decode_field_hash: not a field-hash version byte");
  const size_t tags = tag_count(kind);
  MINA_TRY(payload, open_payload(text, kind, tags + kFieldBytes, "field hash"));
  MINA_TRY(offset, check_tags(payload, tags, "field hash"));
  return read_field<Fp>(payload, offset);
}

std::string encode_public_key(const CompressedPublicKey& pk) {
  Bytes payload = {kBinProtV1, kBinProtV1};
  append_field(payload, pk.x);
  payload.push_back(pk.is_odd ? 1 : 0);
  return base58check_encode(byte_of(VersionByte::kPublicKey), payload);
}

Result<CompressedPublicKey> decode_public_key(std::string_view text) {
  MINA_TRY(payload, open_payload(text, VersionByte::kPublicKey, 2 + kFieldBytes + 1, "public key"));
  MINA_TRY(offset, check_tags(payload, 2, "public key"));
  MINA_TRY(x, read_field<Fp>(payload, offset));
  const uint8_t odd = payload[offset + kFieldBytes];
  if (odd > 1) return Error{ErrorCode::kInvalidEncoding, "public key: is_odd byte is " + std::to_string(odd)};
  // As o1js' PublicKey check: x must be the abscissa of some Pallas point, otherwise the key
  // cannot be decompressed and nothing can ever verify against it.
  if ((x.square() * x + curve_b<PallasParams>()).legendre() < 0)
    return Error{ErrorCode::kInvalidPoint, "public key: x is not on Pallas"};
  return CompressedPublicKey{x, odd == 1};
}

std::string encode_private_key(const Fq& sk) {
  Bytes payload = {kBinProtV1};
  append_field(payload, sk);
  return base58check_encode(byte_of(VersionByte::kPrivateKey), payload);
}

Result<Fq> decode_private_key(std::string_view text) {
  MINA_TRY(payload, open_payload(text, VersionByte::kPrivateKey, 1 + kFieldBytes, "private key"));
  MINA_TRY(offset, check_tags(payload, 1, "private key"));
  return read_field<Fq>(payload, offset);
}

std::string encode_signature(const Signature& sig) {
  Bytes payload = {kBinProtV1};
  append_field(payload, sig.r);
  append_field(payload, sig.s);
  return base58check_encode(byte_of(VersionByte::kSignature), payload);
}

Result<Signature> decode_signature(std::string_view text) {
  MINA_TRY(payload, open_payload(text, VersionByte::kSignature, 1 + 2 * kFieldBytes, "signature"));
  MINA_TRY(offset, check_tags(payload, 1, "signature"));
  MINA_TRY(r, read_field<Fp>(payload, offset));
  MINA_TRY(s, read_field<Fq>(payload, offset + kFieldBytes));
  return Signature{r, s};
}

}  // namespace mina
