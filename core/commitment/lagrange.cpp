#include "commitment/lagrange.hpp"

#include <cstring>
#include <string>
#include <type_traits>

#include "curve/compress.hpp"
#include "hash/blake2b.hpp"

namespace mina {
namespace {

constexpr char kMagic[8] = {'M', 'N', 'L', 'A', 'G', 'R', 'B', '1'};
constexpr size_t kHeaderBytes = 8 + 1 + 1 + 4 + 4 + 8 + 32;
constexpr size_t kChecksumBytes = 32;

template <class C>
uint8_t curve_id() {
  return std::is_same_v<C, PallasParams> ? 0 : 1;
}

template <class C>
size_t chunk_count(const Srs<C>& srs, uint64_t n) {
  return size_t((n + srs.g.size() - 1) / srs.g.size());
}

void put_le(Bytes& out, uint64_t v, size_t bytes) {
  for (size_t i = 0; i < bytes; ++i) out.push_back(uint8_t(v >> (8 * i)));
}
uint64_t get_le(const uint8_t* p, size_t bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < bytes; ++i) v |= uint64_t(p[i]) << (8 * i);
  return v;
}

template <class C>
Result<bool> check_inputs(const Srs<C>& srs, uint64_t n) {
  if (srs.g.empty()) return Error{ErrorCode::kInvalidArgument, "lagrange basis: empty SRS"};
  if (n == 0) return Error{ErrorCode::kInvalidArgument, "lagrange basis: empty domain"};
  return true;
}

}  // namespace

template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_commitments(const Srs<C>& srs,
                                                            const Radix2Domain<typename C::Scalar>& domain,
                                                            size_t count) {
  using S = typename C::Scalar;
  MINA_TRY(ok, check_inputs(srs, domain.size));
  (void)ok;
  if (count > domain.size)
    return Error{ErrorCode::kInvalidArgument, "lagrange basis: " + std::to_string(count) + " requested from a domain of " +
                                                  std::to_string(domain.size)};
  const size_t n = size_t(domain.size), srs_len = srs.g.size(), chunks = chunk_count(srs, n);
  std::vector<PolyComm<C>> out(count);
  std::vector<S> scalars(n);
  S w_neg_i = S::one();  // ω^{−i}
  for (size_t i = 0; i < count; ++i) {
    // scalars[j] = ω^{−ij}/n
    S acc = domain.size_inv;
    for (size_t j = 0; j < n; ++j) {
      scalars[j] = acc;
      acc *= w_neg_i;
    }
    std::vector<Projective<C>> proj;
    for (size_t c = 0; c < chunks; ++c) {
      size_t off = c * srs_len, len = std::min(srs_len, n - off);
      proj.push_back(msm<C>(std::span<const Affine<C>>(srs.g.data(), len), std::span<const S>(scalars.data() + off, len)));
    }
    out[i].chunks = batch_to_affine<C>(proj);
    w_neg_i *= domain.group_gen_inv;
  }
  return out;
}

template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_ifft(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain) {
  using S = typename C::Scalar;
  MINA_TRY(ok, check_inputs(srs, domain.size));
  (void)ok;
  const size_t n = size_t(domain.size), srs_len = srs.g.size(), chunks = chunk_count(srs, n);
  std::vector<PolyComm<C>> out(n);
  for (size_t c = 0; c < chunks; ++c) {
    std::vector<Projective<C>> lg(n);
    const size_t off = c * srs_len, len = std::min(srs_len, n - off);
    for (size_t j = 0; j < len; ++j) lg[off + j] = srs.g[j].to_projective();
    fft_generic(std::span<Projective<C>>(lg), domain.group_gen_inv,
                [](const Projective<C>& p, const S& k) { return p * k; });
    for (auto& p : lg) p = p * domain.size_inv;
    auto aff = batch_to_affine<C>(lg);
    for (size_t i = 0; i < n; ++i) out[i].chunks.push_back(aff[i]);
  }
  return out;
}

template <class C>
Result<PolyComm<C>> commit_lagrange_combination(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain,
                                                std::span<const typename C::Scalar> coeffs) {
  using S = typename C::Scalar;
  MINA_TRY(ok, check_inputs(srs, domain.size));
  (void)ok;
  if (coeffs.size() > domain.size)
    return Error{ErrorCode::kInvalidArgument, "lagrange combination: " + std::to_string(coeffs.size()) +
                                                  " coefficients for a domain of " + std::to_string(domain.size)};
  const size_t n = size_t(domain.size), srs_len = srs.g.size(), chunks = chunk_count(srs, n);
  // scalars[j] = (1/n) Σ_i coeffs[i] ω^{−ij}: for each i walk the powers of ω^{−i}.
  std::vector<S> scalars(n, S::zero());
  S w_neg_i = S::one();
  for (size_t i = 0; i < coeffs.size(); ++i) {
    if (!coeffs[i].is_zero()) {
      S acc = coeffs[i] * domain.size_inv;
      for (size_t j = 0; j < n; ++j) {
        scalars[j] += acc;
        acc *= w_neg_i;
      }
    }
    w_neg_i *= domain.group_gen_inv;
  }
  std::vector<Projective<C>> proj;
  for (size_t c = 0; c < chunks; ++c) {
    size_t off = c * srs_len, len = std::min(srs_len, n - off);
    proj.push_back(msm<C>(std::span<const Affine<C>>(srs.g.data(), len), std::span<const S>(scalars.data() + off, len)));
  }
  return PolyComm<C>{batch_to_affine<C>(proj)};
}

template <class C>
std::array<uint8_t, 32> srs_identity(const Srs<C>& srs, uint64_t domain_size) {
  Blake2b h(32);
  Bytes head;
  head.insert(head.end(), {'m', 'i', 'n', 'a', '/', 's', 'r', 's', '-', 'i', 'd'});
  head.push_back(curve_id<C>());
  put_le(head, srs.g.size(), 8);
  put_le(head, domain_size, 8);
  h.update(head);
  auto point = [&](const Affine<C>& p) {
    uint8_t inf = p.infinity ? 1 : 0;
    h.update(ByteSpan(&inf, 1));
    auto x = p.x.to_bytes_le(), y = p.y.to_bytes_le();
    h.update(ByteSpan(x.data(), 32));
    h.update(ByteSpan(y.data(), 32));
  };
  point(srs.h);
  const size_t used = size_t(std::min<uint64_t>(domain_size, srs.g.size()));
  for (size_t i = 0; i < used; ++i) point(srs.g[i]);
  Bytes d = h.finalize();
  std::array<uint8_t, 32> out{};
  std::memcpy(out.data(), d.data(), 32);
  return out;
}

template <class C>
Bytes lagrange_basis_to_bytes(const Srs<C>& srs, const Radix2Domain<typename C::Scalar>& domain,
                              std::span<const PolyComm<C>> basis) {
  Bytes out(kMagic, kMagic + 8);
  out.push_back(curve_id<C>());
  out.push_back(uint8_t(domain.log_size));
  const size_t chunks = basis.empty() ? chunk_count(srs, domain.size) : basis[0].len();
  put_le(out, basis.size(), 4);
  put_le(out, chunks, 4);
  put_le(out, srs.g.size(), 8);
  auto id = srs_identity(srs, domain.size);
  out.insert(out.end(), id.begin(), id.end());
  for (const auto& pc : basis)
    for (const auto& p : pc.chunks) {
      auto c = compress(p);
      out.insert(out.end(), c.begin(), c.end());
    }
  Bytes sum = blake2b(out, kChecksumBytes);
  out.insert(out.end(), sum.begin(), sum.end());
  return out;
}

template <class C>
Result<std::vector<PolyComm<C>>> lagrange_basis_from_bytes(ByteSpan bytes, const Srs<C>& srs,
                                                           const Radix2Domain<typename C::Scalar>& domain,
                                                           size_t min_count) {
  if (bytes.size() < kHeaderBytes + kChecksumBytes)
    return Error{ErrorCode::kTruncated, "lagrange cache: " + std::to_string(bytes.size()) + " bytes, header needs " +
                                            std::to_string(kHeaderBytes + kChecksumBytes)};
  const size_t body = bytes.size() - kChecksumBytes;
  Bytes sum = blake2b(bytes.subspan(0, body), kChecksumBytes);
  if (std::memcmp(sum.data(), bytes.data() + body, kChecksumBytes) != 0)
    return Error{ErrorCode::kBadChecksum, "lagrange cache: checksum mismatch"};
  const uint8_t* p = bytes.data();
  if (std::memcmp(p, kMagic, 8) != 0) return Error{ErrorCode::kInvalidEncoding, "lagrange cache: bad magic"};
  if (p[8] != curve_id<C>())
    return Error{ErrorCode::kInvalidEncoding, std::string("lagrange cache: not a ") + C::kName + " basis"};
  const uint64_t count = get_le(p + 10, 4), chunks = get_le(p + 14, 4), srs_len = get_le(p + 18, 8);
  if (p[9] != domain.log_size)
    return Error{ErrorCode::kInvalidArgument, "lagrange cache: domain 2^" + std::to_string(p[9]) + ", expected 2^" +
                                                  std::to_string(domain.log_size)};
  if (srs_len != srs.g.size() || chunks != chunk_count(srs, domain.size))
    return Error{ErrorCode::kInvalidArgument, "lagrange cache: made for an SRS of " + std::to_string(srs_len) +
                                                  " points, this one has " + std::to_string(srs.g.size())};
  auto id = srs_identity(srs, domain.size);
  if (std::memcmp(id.data(), p + 26, 32) != 0)
    return Error{ErrorCode::kInvalidArgument, "lagrange cache: made for a different SRS"};
  if (count > domain.size) return Error{ErrorCode::kInvalidLength, "lagrange cache: more entries than the domain"};
  if (count < min_count)
    return Error{ErrorCode::kInvalidLength, "lagrange cache: " + std::to_string(count) + " entries, " +
                                                std::to_string(min_count) + " needed"};
  const uint64_t want = kHeaderBytes + count * chunks * kCompressedPointBytes;
  if (body < want) return Error{ErrorCode::kTruncated, "lagrange cache: points truncated"};
  if (body > want) return Error{ErrorCode::kTrailingBytes, "lagrange cache: bytes after the points"};
  std::vector<PolyComm<C>> out(count);
  size_t off = kHeaderBytes;
  for (auto& pc : out)
    for (uint64_t c = 0; c < chunks; ++c) {
      MINA_TRY(pt, decompress<C>(bytes.subspan(off, kCompressedPointBytes)));
      pc.chunks.push_back(pt);
      off += kCompressedPointBytes;
    }
  return out;
}

#define MINA_LAGRANGE_INSTANTIATE(C, S)                                                                           \
  template Result<std::vector<PolyComm<C>>> lagrange_basis_commitments<C>(const Srs<C>&, const Radix2Domain<S>&, \
                                                                          size_t);                                \
  template Result<std::vector<PolyComm<C>>> lagrange_basis_ifft<C>(const Srs<C>&, const Radix2Domain<S>&);        \
  template Result<PolyComm<C>> commit_lagrange_combination<C>(const Srs<C>&, const Radix2Domain<S>&,              \
                                                              std::span<const S>);                               \
  template std::array<uint8_t, 32> srs_identity<C>(const Srs<C>&, uint64_t);                                      \
  template Bytes lagrange_basis_to_bytes<C>(const Srs<C>&, const Radix2Domain<S>&, std::span<const PolyComm<C>>); \
  template Result<std::vector<PolyComm<C>>> lagrange_basis_from_bytes<C>(ByteSpan, const Srs<C>&,                 \
                                                                         const Radix2Domain<S>&, size_t);
MINA_LAGRANGE_INSTANTIATE(PallasParams, Fq)
MINA_LAGRANGE_INSTANTIATE(VestaParams, Fp)

}  // namespace mina
