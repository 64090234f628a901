#include "commitment/srs.hpp"

#include <algorithm>
#include <stdexcept>

#include "commitment/group_map.hpp"
#include "hash/blake2b.hpp"

namespace mina {
namespace {

uint8_t reverse_bits(uint8_t b) {
  b = uint8_t((b & 0xf0) >> 4 | (b & 0x0f) << 4);
  b = uint8_t((b & 0xcc) >> 2 | (b & 0x33) << 2);
  return uint8_t((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

std::array<uint8_t, 4> u32_be(uint32_t i) {
  return {uint8_t(i >> 24), uint8_t(i >> 16), uint8_t(i >> 8), uint8_t(i)};
}

Bytes generator_digest(uint32_t i) {
  auto be = u32_be(i);
  return blake2b_512(ByteSpan(be.data(), be.size()));
}

Bytes blinder_digest() {
  Blake2b h(64);
  h.update(as_bytes("srs_misc"));
  // Upstream: "for retrocompatibility with a previous version that was using a list
  // initialisation" -- the index 0 of a one-element list.
  auto zero = u32_be(0);
  h.update(ByteSpan(zero.data(), zero.size()));
  return h.finalize();
}

}  // namespace

template <class F>
F srs_field_of_random_bytes(ByteSpan digest) {
  if (digest.size() < kSrsRandomBytes) throw std::invalid_argument("srs: digest shorter than 31 bytes");
  // bits[8k + j] = bit j of byte k, read with bits[0] as the most significant of 248 bits: that
  // is the big-endian integer whose k-th byte (from the top) is byte k bit-reversed.
  U256 n;
  for (size_t k = 0; k < kSrsRandomBytes; ++k) {
    const size_t pos = kSrsRandomBytes - 1 - k;  // byte position from the least significant end
    n.w[pos / 8] |= uint64_t(reverse_bits(digest[k])) << (8 * (pos % 8));
  }
  return F::from_int_unchecked(n);  // < 2^248 < p
}

template <class C>
Result<Affine<C>> srs_point_of_random_bytes(ByteSpan digest) {
  return GroupMap<C>::instance().to_group(srs_field_of_random_bytes<typename C::Base>(digest));
}

template <class C>
Result<std::vector<Affine<C>>> srs_generate_g(uint64_t begin, uint64_t count) {
  using F = typename C::Base;
  if (begin > (uint64_t(1) << 32) || count > (uint64_t(1) << 32) - begin)
    return Error{ErrorCode::kInvalidArgument, "srs: generator indices are 32-bit"};
  // Batches share one field inversion across their candidates (batch_potential_xs).
  constexpr uint64_t kBatch = 1024;
  const auto& map = GroupMap<C>::instance();
  std::vector<Affine<C>> out;
  out.reserve(size_t(count));
  std::vector<F> ts;
  for (uint64_t start = 0; start < count; start += kBatch) {
    const uint64_t n = std::min(kBatch, count - start);
    ts.clear();
    for (uint64_t i = 0; i < n; ++i)
      ts.push_back(srs_field_of_random_bytes<F>(generator_digest(uint32_t(begin + start + i))));
    for (const auto& xs : map.batch_potential_xs(ts)) {
      MINA_TRY(p, map.first_on_curve(xs));
      out.push_back(p);
    }
  }
  return out;
}

template <class C>
Result<Affine<C>> srs_generate_h() {
  return srs_point_of_random_bytes<C>(blinder_digest());
}

template <class C>
Result<Srs<C>> srs_create(uint64_t depth) {
  MINA_TRY(g, srs_generate_g<C>(0, depth));
  MINA_TRY(h, srs_generate_h<C>());
  return Srs<C>{std::move(g), h};
}

#define MINA_SRS_INSTANTIATE(C)                                                   \
  template Result<Affine<C>> srs_point_of_random_bytes<C>(ByteSpan);              \
  template Result<std::vector<Affine<C>>> srs_generate_g<C>(uint64_t, uint64_t);  \
  template Result<Affine<C>> srs_generate_h<C>();                                 \
  template Result<Srs<C>> srs_create<C>(uint64_t);
MINA_SRS_INSTANTIATE(PallasParams)
MINA_SRS_INSTANTIATE(VestaParams)
#undef MINA_SRS_INSTANTIATE
template Fp srs_field_of_random_bytes<Fp>(ByteSpan);
template Fq srs_field_of_random_bytes<Fq>(ByteSpan);

}  // namespace mina
