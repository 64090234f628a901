// Lagrange-basis commitments: the MSM method against upstream's group IFFT and against committing
// the IFFT of a unit vector, chunked and not; the public-input commitment kimchi builds from them
// (with mask_custom(blinder = 1)); the cache byte format and its rejections.
#include <catch2/catch.hpp>

#include "commitment/domain.hpp"
#include "commitment/lagrange.hpp"
#include "commitment/poly_comm.hpp"
#include "commitment/srs.hpp"
#include "curve/curve_test_util.hpp"
#include "hash/blake2b.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {
template <class C>
const Srs<C>& srs64() {
  static const Srs<C> s = *srs_create<C>(64);
  return s;
}
}  // namespace

TEMPLATE_TEST_CASE("Lagrange basis commitments equal commitments of IFFT(e_i)", "[commitment][lagrange]", PallasParams,
                   VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = srs64<C>();
  // 2^3 and 2^6 fit the SRS (one chunk); 2^7 needs two chunks.
  for (uint32_t log : {3u, 6u, 7u}) {
    INFO("domain 2^" << log);
    auto d = *Radix2Domain<S>::create_log(log);
    const size_t n = d.size, chunks = (n + 63) / 64;
    auto all = lagrange_basis_ifft<C>(srs, d);
    REQUIRE(all.ok());
    REQUIRE(all->size() == n);
    size_t k = std::min<size_t>(n, 10);
    auto first = lagrange_basis_commitments<C>(srs, d, k);
    REQUIRE(first.ok());
    REQUIRE(first->size() == k);
    for (size_t i = 0; i < k; ++i) {
      CHECK((*first)[i].len() == chunks);
      CHECK((*first)[i] == (*all)[i]);
      std::vector<S> e(n, S::zero());
      e[i] = S::one();
      REQUIRE(ifft_in_place<S>(d, e).ok());
      CHECK(commit_non_hiding<C>(srs, e, chunks) == (*first)[i]);
    }
    // The last one too (exercises the largest ω^{−i}).
    auto last = *lagrange_basis_commitments<C>(srs, d, n);
    CHECK(last.back() == all->back());
  }
  auto d = *Radix2Domain<S>::create_log(3);
  CHECK(lagrange_basis_commitments<C>(srs, d, 9).error().code == ErrorCode::kInvalidArgument);
  CHECK(lagrange_basis_commitments<C>(Srs<C>{}, d, 1).error().code == ErrorCode::kInvalidArgument);
}

TEMPLATE_TEST_CASE("public-input commitment: evaluations form, masked with H", "[commitment][lagrange]", PallasParams,
                   VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = srs64<C>();
  auto d = *Radix2Domain<S>::create_log(5);
  const size_t k = 7;
  auto basis = *lagrange_basis_commitments<C>(srs, d, k);
  std::vector<S> pub(k);
  for (auto& x : pub) x = test::random_field<S>();

  // kimchi to_batch: public_comm = MSM(lagrange[0..k], −pub), then mask_custom(blinder 1) = + H.
  std::vector<const PolyComm<C>*> refs;
  std::vector<S> neg;
  for (size_t i = 0; i < k; ++i) {
    refs.push_back(&basis[i]);
    neg.push_back(-pub[i]);
  }
  auto non_hiding = poly_comm_multi_scalar_mul<C>(refs, neg);
  REQUIRE(non_hiding.ok());
  // The same polynomial from coefficients: IFFT of (−pub, 0, …) over the domain.
  std::vector<S> evals(d.size, S::zero());
  for (size_t i = 0; i < k; ++i) evals[i] = -pub[i];
  REQUIRE(ifft_in_place<S>(d, evals).ok());
  CHECK(*non_hiding == commit_non_hiding<C>(srs, evals, 1));
  // Without the basis: one MSM with the combined scalars.
  auto direct = commit_lagrange_combination<C>(srs, d, neg);
  REQUIRE(direct.ok());
  CHECK(*direct == *non_hiding);
  CHECK(commit_lagrange_combination<C>(srs, d, std::vector<S>(33, S::one())).error().code ==
        ErrorCode::kInvalidArgument);
  // Chunked domain (2^7 over 64 generators).
  auto d7 = *Radix2Domain<S>::create_log(7);
  auto basis7 = *lagrange_basis_commitments<C>(srs, d7, 3);
  std::vector<const PolyComm<C>*> refs7{&basis7[0], &basis7[1], &basis7[2]};
  std::vector<S> c3{neg[0], neg[1], neg[2]};
  CHECK(*commit_lagrange_combination<C>(srs, d7, c3) == *poly_comm_multi_scalar_mul<C>(refs7, c3));
  const std::vector<S> one{S::one()};
  auto masked = mask_custom<C>(srs, *non_hiding, one);
  REQUIRE(masked.ok());
  CHECK(masked->chunks[0] == (non_hiding->chunks[0].to_projective() + srs.h).to_affine());
  CHECK(masked->chunks[0] != non_hiding->chunks[0]);
  CHECK(mask_custom<C>(srs, *non_hiding, std::vector<S>{}).error().code == ErrorCode::kInvalidLength);
  // Empty MSM: one chunk at infinity (upstream).
  auto empty = poly_comm_multi_scalar_mul<C>({}, {});
  REQUIRE(empty.ok());
  CHECK(empty->len() == 1);
  CHECK(empty->chunks[0].is_identity());
}

TEMPLATE_TEST_CASE("Lagrange cache bytes: round trip and rejections", "[commitment][lagrange]", PallasParams,
                   VestaParams) {
  using C = TestType;
  using S = typename C::Scalar;
  const auto& srs = srs64<C>();
  auto d = *Radix2Domain<S>::create_log(7);  // two chunks per entry
  auto basis = *lagrange_basis_commitments<C>(srs, d, 5);
  Bytes b = lagrange_basis_to_bytes<C>(srs, d, basis);
  auto back = lagrange_basis_from_bytes<C>(b, srs, d, 5);
  REQUIRE(back.ok());
  CHECK(*back == basis);
  CHECK(lagrange_basis_from_bytes<C>(b, srs, d, 6).error().code == ErrorCode::kInvalidLength);

  // Any flipped byte: checksum.
  for (size_t i : {size_t(0), size_t(9), size_t(30), b.size() / 2, b.size() - 1}) {
    Bytes t = b;
    t[i] ^= 1;
    CHECK(lagrange_basis_from_bytes<C>(t, srs, d).error().code == ErrorCode::kBadChecksum);
  }
  CHECK(lagrange_basis_from_bytes<C>(ByteSpan(b.data(), 20), srs, d).error().code == ErrorCode::kTruncated);

  // Re-checksummed edits reach the semantic checks.
  auto resum = [](Bytes t) {
    t.resize(t.size() - 32);
    Bytes s = blake2b(t, 32);
    t.insert(t.end(), s.begin(), s.end());
    return t;
  };
  Bytes magic = b;
  magic[0] = 'X';
  CHECK(lagrange_basis_from_bytes<C>(resum(magic), srs, d).error().code == ErrorCode::kInvalidEncoding);
  Bytes curve = b;
  curve[8] ^= 1;
  CHECK(lagrange_basis_from_bytes<C>(resum(curve), srs, d).error().code == ErrorCode::kInvalidEncoding);
  Bytes trailing = b;
  trailing.insert(trailing.end() - 32, uint8_t(0));
  CHECK(lagrange_basis_from_bytes<C>(resum(trailing), srs, d).error().code == ErrorCode::kTrailingBytes);
  Bytes cut = b;
  cut.erase(cut.end() - 33, cut.end() - 32);
  CHECK(lagrange_basis_from_bytes<C>(resum(cut), srs, d).error().code == ErrorCode::kTruncated);
  Bytes badpt = b;
  badpt[58 + 32] = 0x3f;  // unknown flag bits in the first point
  CHECK(lagrange_basis_from_bytes<C>(resum(badpt), srs, d).error().code == ErrorCode::kInvalidPoint);

  // Another domain or another SRS: mismatch.
  auto d6 = *Radix2Domain<S>::create_log(6);
  CHECK(lagrange_basis_from_bytes<C>(b, srs, d6).error().code == ErrorCode::kInvalidArgument);
  Srs<C> other = srs;
  other.g[5] = test::random_point<C>();
  CHECK(lagrange_basis_from_bytes<C>(b, other, d).error().code == ErrorCode::kInvalidArgument);
  Srs<C> other_h = srs;
  other_h.h = test::random_point<C>();
  CHECK(lagrange_basis_from_bytes<C>(b, other_h, d).error().code == ErrorCode::kInvalidArgument);
  Srs<C> shorter = srs;
  shorter.g.resize(32);
  CHECK(lagrange_basis_from_bytes<C>(b, shorter, d).error().code == ErrorCode::kInvalidArgument);
}
