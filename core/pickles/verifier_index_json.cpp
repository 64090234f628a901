#include "pickles/verifier_index_json.hpp"

#include <array>
#include <string>

#include "commitment/domain.hpp"
#include "curve/compress.hpp"
#include "kimchi/env.hpp"
#include "kimchi/verifier_index.hpp"
#include "pickles/json_input.hpp"

namespace mina::pickles {
namespace {

using nlohmann::json;

constexpr const char* kWhat = "verifier index";
// ark-serialize of Radix2EvaluationDomain<Fq> (ark-poly 0.3): u64 + u32 + five field elements.
constexpr size_t kDomainBytes = 8 + 4 + 5 * 32;
// The multiplicative generator of both Pasta fields (ark `FftField::GENERATOR`); the domain
// stores its inverse.
constexpr uint64_t kPastaMultiplicativeGenerator = 5;

Error malformed(const std::string& where, const std::string& msg) {
  return Error{ErrorCode::kMalformedJson, std::string(kWhat) + ": " + where + ": " + msg};
}
Error unsupported(const std::string& where, const std::string& msg) {
  return Error{ErrorCode::kUnsupported, std::string(kWhat) + ": " + where + ": " + msg};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Newer layout: a hex string (no 0x prefix) of exactly n bytes.
Result<Bytes> hex_bytes(const std::string& s, size_t n, const std::string& where) {
  if (s.size() != 2 * n)
    return Error{ErrorCode::kInvalidLength, std::string(kWhat) + ": " + where + ": expected " + std::to_string(n) +
                                                " bytes of hex, got " + std::to_string(s.size()) + " characters"};
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) {
    int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return Error{ErrorCode::kInvalidEncoding, std::string(kWhat) + ": " + where + ": bad hex digit"};
    out[i] = uint8_t(hi * 16 + lo);
  }
  return out;
}

// Older layout: a JSON array of exactly n integers 0..255.
Result<Bytes> byte_array(const json& j, size_t n, const std::string& where) {
  if (j.size() != n)
    return Error{ErrorCode::kInvalidLength, std::string(kWhat) + ": " + where + ": expected " + std::to_string(n) +
                                                " bytes, got " + std::to_string(j.size())};
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) {
    if (!j[i].is_number_unsigned() || j[i].get<uint64_t>() > 255) return malformed(where, "byte array holds a non-byte");
    out[i] = uint8_t(j[i].get<uint64_t>());
  }
  return out;
}

// Either spelling of n serialized bytes.
Result<Bytes> bytes_value(const json& j, size_t n, const std::string& where) {
  if (j.is_string()) return hex_bytes(j.get<std::string>(), n, where);
  if (j.is_array()) return byte_array(j, n, where);
  return malformed(where, "expected a hex string or a byte array");
}

Result<PallasAffine> point_value(ByteSpan bytes, const std::string& where) {
  auto p = decompress<PallasParams>(bytes);
  if (!p) return Error{p.error().code, std::string(kWhat) + ": " + where + ": " + p.error().message};
  // The wire key (and the verifier's message hashes) have no spelling for infinity; a real wrap
  // index never commits to the zero polynomial.
  if (p->infinity) return Error{ErrorCode::kInvalidPoint, std::string(kWhat) + ": " + where + ": point at infinity"};
  return *p;
}

// A PolyComm with one chunk: {"elems": [hex]} or {"unshifted": [[bytes]], "shifted": null}.
Result<PallasAffine> commitment(const json& j, const std::string& where) {
  if (!j.is_object()) return malformed(where, "commitment must be an object");
  const json* chunks = nullptr;
  if (j.size() == 1 && j.contains("elems")) {
    chunks = &j["elems"];
  } else if (j.size() == 2 && j.contains("unshifted") && j.contains("shifted")) {
    if (!j["shifted"].is_null()) return unsupported(where, "shifted commitments are not used by wrap indices");
    chunks = &j["unshifted"];
  } else {
    return malformed(where, "commitment must be {elems} or {unshifted, shifted}");
  }
  if (!chunks->is_array()) return malformed(where, "commitment chunks must be an array");
  if (chunks->empty()) return Error{ErrorCode::kInvalidLength, std::string(kWhat) + ": " + where + ": no chunks"};
  if (chunks->size() != 1) return unsupported(where, "multi-chunk commitment (domain above max_poly_size)");
  MINA_TRY(bytes, bytes_value((*chunks)[0], kCompressedPointBytes, where));
  return point_value(bytes, where);
}

template <size_t N>
Result<std::array<PallasAffine, N>> commitments(const json& j, const std::string& where) {
  if (!j.is_array()) return malformed(where, "expected an array of commitments");
  if (j.size() != N)
    return Error{ErrorCode::kInvalidLength, std::string(kWhat) + ": " + where + ": expected " + std::to_string(N) +
                                                " commitments, got " + std::to_string(j.size())};
  std::array<PallasAffine, N> out;
  for (size_t i = 0; i < N; ++i) {
    MINA_TRY(p, commitment(j[i], where + "[" + std::to_string(i) + "]"));
    out[i] = p;
  }
  return out;
}

Result<const json*> member(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return malformed(key, "missing");
  return &*it;
}

// A small unsigned integer member that must equal what the wrap verifier assumes.
Result<bool> expect_uint(const json& j, const char* key, uint64_t want) {
  MINA_TRY(v, member(j, key));
  if (!v->is_number_unsigned()) return malformed(key, "expected an unsigned integer");
  const uint64_t got = v->get<uint64_t>();
  if (got != want) return unsupported(key, std::to_string(got) + ", the wrap verifier needs " + std::to_string(want));
  return true;
}

uint64_t read_le(ByteSpan b, size_t off, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t(b[off + i]) << (8 * i);
  return v;
}

// The serialized domain; returns its log2 after checking every stored value against the
// standard radix-2 domain of that size.
Result<unsigned> domain_log2(const json& j) {
  MINA_TRY(v, member(j, "domain"));
  MINA_TRY(b, bytes_value(*v, kDomainBytes, "domain"));
  const uint64_t size = read_le(b, 0, 8);
  const uint64_t log = read_le(b, 8, 4);
  if (log > 63 || size != (uint64_t(1) << log))
    return Error{ErrorCode::kInvalidArgument, std::string(kWhat) + ": domain: size " + std::to_string(size) +
                                                  " is not 2^log_size (" + std::to_string(log) + ")"};
  if (log < 13 || log > 15) return unsupported("domain", "wrap domains are 2^13..2^15, got 2^" + std::to_string(log));
  std::array<Fq, 5> stored;
  for (size_t k = 0; k < 5; ++k) {
    auto f = Fq::from_bytes_le(ByteSpan(b).subspan(12 + 32 * k, 32));
    if (!f) return Error{f.error().code, std::string(kWhat) + ": domain: " + f.error().message};
    stored[k] = *f;
  }
  MINA_TRY(d, Radix2Domain<Fq>::create_log(uint32_t(log)));
  const std::array<Fq, 5> want = {d.size_as_field_element, d.size_inv, d.group_gen, d.group_gen_inv,
                                  *Fq::from_u64(kPastaMultiplicativeGenerator).inverse()};
  static const char* names[5] = {"size_as_field_element", "size_inv", "group_gen", "group_gen_inv", "generator_inv"};
  for (size_t k = 0; k < 5; ++k)
    if (stored[k] != want[k])
      return Error{ErrorCode::kInvalidArgument,
                   std::string(kWhat) + ": domain: " + names[k] + " is not the standard radix-2 domain's"};
  return unsigned(log);
}

// kimchi's permutation shifts are fixed by the field; an index with others is another circuit
// family.
Result<bool> check_shifts(const json& j) {
  MINA_TRY(v, member(j, "shift"));
  if (!v->is_array()) return malformed("shift", "expected an array");
  if (v->size() != kimchi::kPermuts)
    return Error{ErrorCode::kInvalidLength, std::string(kWhat) + ": shift: expected 7 entries, got " +
                                                std::to_string(v->size())};
  const auto& want = kimchi::permutation_shifts<Fq>();
  for (size_t i = 0; i < kimchi::kPermuts; ++i) {
    const std::string where = "shift[" + std::to_string(i) + "]";
    MINA_TRY(b, bytes_value((*v)[i], 32, where));
    auto f = Fq::from_bytes_le(b);
    if (!f) return Error{f.error().code, std::string(kWhat) + ": " + where + ": " + f.error().message};
    if (*f != want[i]) return unsupported(where, "not kimchi's permutation shift");
  }
  return true;
}

// Members the verifier can only handle when absent or null: optional gates and lookups.
constexpr std::array<const char*, 7> kAbsentMembers = {"range_check0_comm", "range_check1_comm",
                                                       "foreign_field_add_comm", "foreign_field_mul_comm",
                                                       "xor_comm", "rot_comm", "lookup_index"};
constexpr std::array<const char*, 14> kKnownMembers = {
    "domain",    "max_poly_size", "zk_rows",  "public",           "prev_challenges",
    "sigma_comm", "coefficients_comm", "generic_comm", "psm_comm", "complete_add_comm",
    "mul_comm",  "emul_comm",     "endomul_scalar_comm", "shift"};

Result<bool> check_members(const json& j) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    bool known = false;
    for (const char* m : kKnownMembers) known = known || k == m;
    for (const char* m : kAbsentMembers) known = known || k == m;
    if (!known) return unsupported(k, "unknown member (a newer index format?)");
  }
  for (const char* m : kAbsentMembers) {
    auto it = j.find(m);
    if (it != j.end() && !it->is_null()) return unsupported(m, "optional gates and lookups are not supported");
  }
  return true;
}

}  // namespace

Result<SideLoadedVerificationKey> decode_wrap_verifier_index_json(std::string_view text) {
  MINA_TRY(j, json_input::parse_object(text, kMaxVerifierIndexJsonBytes, kWhat));
  MINA_TRY(members_ok, check_members(j));
  (void)members_ok;
  MINA_TRY(log2, domain_log2(j));
  MINA_TRY(mps, expect_uint(j, "max_poly_size", kimchi::kWrapMaxPolySize));
  MINA_TRY(pub, expect_uint(j, "public", kimchi::kWrapPublicInputs));
  MINA_TRY(prev, expect_uint(j, "prev_challenges", kimchi::kWrapPrevChallenges));
  (void)mps, (void)pub, (void)prev;
  // Older indices predate the member: kimchi's zero-knowledge rows were the constant 3.
  if (j.contains("zk_rows")) {
    MINA_TRY(zk, expect_uint(j, "zk_rows", kimchi::kWrapZkRows));
    (void)zk;
  }
  MINA_TRY(shifts_ok, check_shifts(j));
  (void)shifts_ok;

  SideLoadedVerificationKey vk;
  vk.max_proofs_verified = ProofsVerified::kN2;
  vk.actual_wrap_domain_size = ProofsVerified(log2 - 13);
  WrapIndexCommitments& c = vk.wrap_index;
  MINA_TRY(sigma_json, member(j, "sigma_comm"));
  MINA_TRY(sigma, commitments<7>(*sigma_json, "sigma_comm"));
  c.sigma_comm = sigma;
  MINA_TRY(coeff_json, member(j, "coefficients_comm"));
  MINA_TRY(coeff, commitments<15>(*coeff_json, "coefficients_comm"));
  c.coefficients_comm = coeff;
  const std::array<std::pair<const char*, PallasAffine*>, 6> singles = {{{"generic_comm", &c.generic_comm},
                                                                         {"psm_comm", &c.psm_comm},
                                                                         {"complete_add_comm", &c.complete_add_comm},
                                                                         {"mul_comm", &c.mul_comm},
                                                                         {"emul_comm", &c.emul_comm},
                                                                         {"endomul_scalar_comm", &c.endomul_scalar_comm}}};
  for (const auto& [name, out] : singles) {
    MINA_TRY(v, member(j, name));
    MINA_TRY(p, commitment(*v, name));
    *out = p;
  }
  return vk;
}

Result<BlockchainVerifierKey> decode_blockchain_verifier_index_json(std::string_view text) {
  MINA_TRY(vk, decode_wrap_verifier_index_json(text));
  if (vk.wrap_domain_log2() != kBlockchainWrapDomainLog2)
    return unsupported("domain", "the blockchain SNARK's wrap domain is 2^14, got 2^" +
                                     std::to_string(vk.wrap_domain_log2()));
  return BlockchainVerifierKey{vk};
}

}  // namespace mina::pickles
