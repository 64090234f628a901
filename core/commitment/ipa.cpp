#include "commitment/ipa.hpp"

#include <string>

#include "commitment/b_poly.hpp"
#include "hash/blake2b.hpp"

namespace mina {

template <class F>
F scalar_from_hash(std::string_view tag, ByteSpan data) {
  Blake2b h(64);
  h.update(as_bytes(tag));
  h.update(data);
  Bytes d = h.finalize();
  // lo + hi·2^256 mod p, both halves reduced first (each < 2^256).
  U256 lo = F::u256_from_le(ByteSpan(d.data(), 32)), hi = F::u256_from_le(ByteSpan(d.data() + 32, 32));
  static const F two_128 = F::from_int_unchecked(U256{0, 0, 1, 0});
  static const F two_256 = two_128.square();
  F r = F::from_int_reduce(lo) + F::from_int_reduce(hi) * two_256;
  return r.is_zero() ? F::one() : r;
}

namespace {

// Transcript bytes for the derandomised combiners: every value that enters the check.
struct Transcript {
  Bytes bytes;
  template <class F>
  void field(const F& f) {
    auto b = f.to_bytes_le();
    bytes.insert(bytes.end(), b.begin(), b.end());
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes.push_back(uint8_t(v >> (8 * i)));
  }
  template <class C>
  void point(const Affine<C>& p) {
    bytes.push_back(p.infinity ? 1 : 0);
    field(p.x);
    field(p.y);
  }
};

template <class C>
void transcribe(Transcript& t, const BatchEvaluationProof<C>& p) {
  const auto& sp = p.sponge.sponge();
  for (const auto& s : sp.state()) t.field(s);
  t.u64(uint64_t(sp.mode()));
  t.u64(sp.offset());
  t.u64(p.sponge.last_squeezed().size());
  for (uint64_t l : p.sponge.last_squeezed()) t.u64(l);
  t.u64(p.evaluations.size());
  for (const auto& e : p.evaluations) {
    t.u64(e.commitment.len());
    for (const auto& c : e.commitment.chunks) t.point(c);
  }
  t.u64(p.evaluation_points.size());
  for (const auto& x : p.evaluation_points) t.field(x);
  t.field(p.polyscale);
  t.field(p.evalscale);
  t.field(p.combined_inner_product);
  t.u64(p.opening.lr.size());
  for (const auto& [l, r] : p.opening.lr) {
    t.point(l);
    t.point(r);
  }
  t.point(p.opening.delta);
  t.field(p.opening.z1);
  t.field(p.opening.z2);
  t.point(p.opening.sg);
}

}  // namespace

template <class C>
Challenges<C> opening_challenges(const OpeningProof<C>& proof, FqSponge<C>& sponge) {
  using S = typename C::Scalar;
  Challenges<C> out;
  for (const auto& [l, r] : proof.lr) {
    sponge.absorb_g(l);
    sponge.absorb_g(r);
    out.chal.push_back(squeeze_challenge<C>(endo_r<C>(), sponge));
  }
  out.chal_inv = out.chal;
  S::batch_inverse(out.chal_inv);
  return out;
}

template <class C>
IpaRandomness<typename C::Scalar> derive_ipa_randomness(std::span<const BatchEvaluationProof<C>> batch,
                                                        ByteSpan seed) {
  using S = typename C::Scalar;
  Transcript t;
  t.u64(seed.size());
  t.bytes.insert(t.bytes.end(), seed.begin(), seed.end());
  t.u64(batch.size());
  for (const auto& p : batch) transcribe(t, p);
  return {scalar_from_hash<S>("mina/ipa/rand_base", t.bytes), scalar_from_hash<S>("mina/ipa/sg_rand_base", t.bytes)};
}

template <class C>
Result<bool> srs_verify(const Srs<C>& srs, const GroupMap<C>& group_map,
                        std::span<const BatchEvaluationProof<C>> batch,
                        const IpaRandomness<typename C::Scalar>& randomness) {
  using S = typename C::Scalar;
  const size_t nonzero_length = srs.g.size();
  if (nonzero_length == 0) return Error{ErrorCode::kInvalidArgument, "srs_verify: empty SRS"};
  const unsigned max_rounds = ceil_log2(nonzero_length);
  const S& endo = endo_r<C>();

  // Scalars on the SRS generators (the accumulator terms) are summed over the batch; everything
  // else is a short list of (point, scalar) pairs. Two MSMs, one identity test.
  std::vector<S> g_scalars(nonzero_length, S::zero());
  S h_scalar = S::zero();
  std::vector<Affine<C>> points;
  std::vector<S> scalars;

  S rand_base_i = S::one();
  S sg_rand_base_i = S::one();

  for (size_t pi = 0; pi < batch.size(); ++pi) {
    const auto& proof = batch[pi];
    const auto& opening = proof.opening;
    if (opening.lr.size() > max_rounds)
      return Error{ErrorCode::kLimitExceeded, "srs_verify: proof " + std::to_string(pi) + " has " +
                                                  std::to_string(opening.lr.size()) + " IPA rounds, the SRS of " +
                                                  std::to_string(nonzero_length) + " points allows " +
                                                  std::to_string(max_rounds)};
    FqSponge<C> sponge = proof.sponge;
    const S& cip = proof.combined_inner_product;

    sponge.absorb_fr(shift_scalar<C>(cip));
    auto u_base_r = group_map.to_group(sponge.challenge_fq());
    if (!u_base_r.ok()) return u_base_r.error();
    const Affine<C> u_base = *u_base_r;

    Challenges<C> ch = opening_challenges<C>(opening, sponge);

    sponge.absorb_g(opening.delta);
    const S c = sponge.prechallenge().to_field(endo);

    // b0 = Σ_k evalscale^k · b(pt_k): the folded evaluation vector, recomputed in O(k) per point.
    S b0 = S::zero();
    {
      S scale = S::one();
      for (const auto& e : proof.evaluation_points) {
        b0 += scale * b_poly<S>(ch.chal, e);
        scale *= proof.evalscale;
      }
    }
    const std::vector<S> s = b_poly_coefficients<S>(ch.chal);

    const S neg_rand_base_i = -rand_base_i;

    // −ρ^i z1 · sg, and −ρ'^i · sg for the accumulator.
    points.push_back(opening.sg);
    scalars.push_back(neg_rand_base_i * opening.z1 - sg_rand_base_i);
    // +ρ'^i ⟨s, G⟩. Coefficients past |G| meet upstream's zero padding points: they vanish.
    for (size_t i = 0; i < s.size() && i < nonzero_length; ++i) g_scalars[i] += sg_rand_base_i * s[i];
    // −ρ^i z2 · H
    h_scalar -= rand_base_i * opening.z2;
    // U appears twice upstream (−ρ^i z1 b0 and +ρ^i c cip); one combined scalar.
    const S rand_base_i_c_i = c * rand_base_i;
    points.push_back(u_base);
    scalars.push_back(neg_rand_base_i * (opening.z1 * b0) + rand_base_i_c_i * cip);
    // ρ^i c (u_j^{-1} L_j + u_j R_j)
    for (size_t j = 0; j < opening.lr.size(); ++j) {
      points.push_back(opening.lr[j].first);
      scalars.push_back(rand_base_i_c_i * ch.chal_inv[j]);
      points.push_back(opening.lr[j].second);
      scalars.push_back(rand_base_i_c_i * ch.chal[j]);
    }
    // combine_commitments: ρ^i c polyscale^k C_k over all chunks of non-empty commitments.
    {
      S polyscale_i = S::one();
      for (const auto& ev : proof.evaluations) {
        for (const auto& chunk : ev.commitment.chunks) {
          points.push_back(chunk);
          scalars.push_back(rand_base_i_c_i * polyscale_i);
          polyscale_i *= proof.polyscale;
        }
      }
    }
    // +ρ^i δ
    points.push_back(opening.delta);
    scalars.push_back(rand_base_i);

    rand_base_i *= randomness.rand_base;
    sg_rand_base_i *= randomness.sg_rand_base;
  }

  points.push_back(srs.h);
  scalars.push_back(h_scalar);
  Projective<C> acc = msm<C>(srs.g, g_scalars);
  acc += msm<C>(points, scalars);
  return acc.is_identity();
}

template <class C>
Result<bool> srs_verify(const Srs<C>& srs, const GroupMap<C>& group_map,
                        std::span<const BatchEvaluationProof<C>> batch, ByteSpan seed) {
  return srs_verify<C>(srs, group_map, batch, derive_ipa_randomness<C>(batch, seed));
}

template <class C>
Result<bool> accumulator_check(const Srs<C>& srs, std::span<const Affine<C>> comms,
                               std::span<const typename C::Scalar> chals, const typename C::Scalar& r) {
  using S = typename C::Scalar;
  const size_t k = comms.size();
  if (k == 0) {
    if (!chals.empty())
      return Error{ErrorCode::kInvalidLength, "accumulator_check: challenges without commitments"};
    return true;
  }
  if (chals.empty() || chals.size() % k != 0)
    return Error{ErrorCode::kInvalidLength, "accumulator_check: " + std::to_string(chals.size()) +
                                                " challenges do not split into " + std::to_string(k) + " runs"};
  const size_t rounds = chals.size() / k;
  if (rounds >= 63 || (uint64_t(1) << rounds) > srs.g.size())
    return Error{ErrorCode::kLimitExceeded, "accumulator_check: " + std::to_string(rounds) +
                                                " rounds need 2^" + std::to_string(rounds) + " generators, the SRS has " +
                                                std::to_string(srs.g.size())};
  const size_t n = size_t(1) << rounds;
  std::vector<S> g_scalars(n, S::zero());
  std::vector<S> rs(k);
  S rj = S::one();
  for (size_t j = 0; j < k; ++j) {
    rs[j] = rj;
    auto s = b_poly_coefficients<S>(chals.subspan(j * rounds, rounds));
    for (size_t i = 0; i < n; ++i) g_scalars[i] -= rj * s[i];
    rj *= r;
  }
  Projective<C> acc = msm<C>(std::span<const Affine<C>>(srs.g.data(), n), g_scalars);
  acc += msm<C>(comms, rs);
  return acc.is_identity();
}

template <class C>
Result<bool> accumulator_check(const Srs<C>& srs, std::span<const Affine<C>> comms,
                               std::span<const typename C::Scalar> chals, ByteSpan seed) {
  using S = typename C::Scalar;
  Transcript t;
  t.u64(seed.size());
  t.bytes.insert(t.bytes.end(), seed.begin(), seed.end());
  t.u64(comms.size());
  for (const auto& c : comms) t.point(c);
  t.u64(chals.size());
  for (const auto& x : chals) t.field(x);
  return accumulator_check<C>(srs, comms, chals, scalar_from_hash<S>("mina/ipa/accumulator_r", t.bytes));
}

#define MINA_IPA_INSTANTIATE(C)                                                                  \
  template Challenges<C> opening_challenges<C>(const OpeningProof<C>&, FqSponge<C>&);           \
  template Result<bool> srs_verify<C>(const Srs<C>&, const GroupMap<C>&,                        \
                                      std::span<const BatchEvaluationProof<C>>,                 \
                                      const IpaRandomness<typename C::Scalar>&);                \
  template Result<bool> srs_verify<C>(const Srs<C>&, const GroupMap<C>&,                        \
                                      std::span<const BatchEvaluationProof<C>>, ByteSpan);      \
  template IpaRandomness<typename C::Scalar> derive_ipa_randomness<C>(                          \
      std::span<const BatchEvaluationProof<C>>, ByteSpan);                                      \
  template Result<bool> accumulator_check<C>(const Srs<C>&, std::span<const Affine<C>>,         \
                                             std::span<const typename C::Scalar>,               \
                                             const typename C::Scalar&);                        \
  template Result<bool> accumulator_check<C>(const Srs<C>&, std::span<const Affine<C>>,         \
                                             std::span<const typename C::Scalar>, ByteSpan);
MINA_IPA_INSTANTIATE(PallasParams)
MINA_IPA_INSTANTIATE(VestaParams)
template Fp scalar_from_hash<Fp>(std::string_view, ByteSpan);
template Fq scalar_from_hash<Fq>(std::string_view, ByteSpan);

}  // namespace mina
