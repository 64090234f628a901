// A test-only IPA prover following proof-systems `SRS::open` (poly-commitment/src/ipa.rs), so the
// verifier can be tested on honest proofs of our own making and on every single-field mutation.
//
// Same transcript as upstream: combine_polys (polyscale over chunks), b_init = Σ_k evalscale^k
// (pt_k^i)_i, cip = ⟨p, b_init⟩, absorb_fr(shift_scalar(cip)), U = group_map(challenge_fq),
// per round L = ⟨a_hi, g_lo⟩ + r_L H + ⟨a_hi, b_lo⟩ U, R = ⟨a_lo, g_hi⟩ + r_R H + ⟨a_lo, b_hi⟩ U,
// absorb L, R, u = endo(challenge), a ← a_lo + u⁻¹ a_hi, b ← b_lo + u b_hi, g ← g_lo + u g_hi; then
// δ = d (g0 + b0 U) + r_δ H, c = endo(challenge after absorbing δ), z1 = a0 c + d, z2 = r' c + r_δ.
//
// One difference in *how*, not *what*: the folded generators are never materialised. g at round j
// is Σ_{m ≡ i mod n_j} w[m] G_m with per-generator weights w (products of the challenges so far),
// so L and R are MSMs over the original G's and sg = ⟨w, G⟩ at the end. That makes a 2^15-point
// proof cost ~2·15 half-size MSMs instead of 2^15 scalar multiplications (bench_ipa uses it).
#pragma once

#include <functional>
#include <vector>

#include "commitment/b_poly.hpp"
#include "commitment/domain.hpp"
#include "commitment/ipa.hpp"
#include "commitment/poly_comm.hpp"
#include "curve/curve.hpp"

namespace mina::test {

template <class C>
struct ProverPoly {
  std::vector<typename C::Scalar> coeffs;
  std::vector<typename C::Scalar> blinders;  // one per commitment chunk
};

template <class C>
size_t num_chunks(const Srs<C>& srs, const ProverPoly<C>& p) {
  size_t n = srs.g.size();
  return std::max<size_t>(1, (p.coeffs.size() + n - 1) / n);
}

// Hiding commitment: chunk i = ⟨coeffs chunk i, G⟩ + blinders[i]·H.
template <class C>
PolyComm<C> commit_hiding(const Srs<C>& srs, const ProverPoly<C>& p) {
  auto c = commit_non_hiding<C>(srs, p.coeffs, num_chunks(srs, p));
  return *mask_custom<C>(srs, c, p.blinders);
}

template <class C>
std::vector<std::vector<typename C::Scalar>> chunk_evaluations(const Srs<C>& srs, const ProverPoly<C>& p,
                                                               std::span<const typename C::Scalar> points) {
  using S = typename C::Scalar;
  const size_t n = srs.g.size(), chunks = num_chunks(srs, p);
  std::vector<std::vector<S>> out;
  for (const auto& x : points) {
    std::vector<S> per;
    for (size_t i = 0; i < chunks; ++i) {
      size_t off = std::min(p.coeffs.size(), i * n), len = std::min(n, p.coeffs.size() - off);
      per.push_back(eval_polynomial<S>(std::span<const S>(p.coeffs.data() + off, len), x));
    }
    out.push_back(per);
  }
  return out;
}

template <class C>
OpeningProof<C> ipa_open(const Srs<C>& srs, const GroupMap<C>& group_map, const std::vector<ProverPoly<C>>& polys,
                         std::span<const typename C::Scalar> elm, const typename C::Scalar& polyscale,
                         const typename C::Scalar& evalscale, FqSponge<C> sponge,
                         const std::function<typename C::Scalar()>& rand) {
  using S = typename C::Scalar;
  const S& endo = endo_r<C>();
  const size_t srs_len = srs.g.size();
  const unsigned rounds = ceil_log2(srs_len);
  const size_t padded = size_t(1) << rounds;

  // combine_polys: p = Σ polyscale^i chunk_i, blinding = Σ polyscale^i blinder_i.
  std::vector<S> a(padded, S::zero());
  S blinding_factor = S::zero();
  S polyscale_i = S::one();
  for (const auto& pl : polys) {
    const size_t chunks = num_chunks(srs, pl);
    for (size_t ci = 0; ci < chunks; ++ci) {
      size_t off = std::min(pl.coeffs.size(), ci * srs_len), len = std::min(srs_len, pl.coeffs.size() - off);
      for (size_t t = 0; t < len; ++t) a[t] += polyscale_i * pl.coeffs[off + t];
      blinding_factor += polyscale_i * pl.blinders[ci];
      polyscale_i *= polyscale;
    }
  }
  // b_init[i] = Σ_k evalscale^k elm_k^i.
  std::vector<S> b(padded, S::zero());
  {
    S scale = S::one();
    for (const auto& e : elm) {
      S pw = S::one();
      for (size_t i = 0; i < padded; ++i) {
        b[i] += scale * pw;
        pw *= e;
      }
      scale *= evalscale;
    }
  }
  S cip = S::zero();
  for (size_t i = 0; i < padded; ++i) cip += a[i] * b[i];

  sponge.absorb_fr(shift_scalar<C>(cip));
  const Affine<C> u_base = *group_map.to_group(sponge.challenge_fq());

  std::vector<S> w(padded, S::one());
  OpeningProof<C> proof;
  std::vector<std::pair<S, S>> blinders;
  std::vector<S> chals, chal_invs;
  for (unsigned r = 0; r < rounds; ++r) {
    const size_t nj = a.size(), h = nj / 2;
    S rand_l = rand(), rand_r = rand();
    S ip_l = S::zero(), ip_r = S::zero();
    for (size_t i = 0; i < h; ++i) {
      ip_l += a[h + i] * b[i];
      ip_r += a[i] * b[h + i];
    }
    std::vector<Affine<C>> lp{srs.h, u_base}, rp{srs.h, u_base};
    std::vector<S> lk{rand_l, ip_l}, rk{rand_r, ip_r};
    for (size_t m = 0; m < srs_len; ++m) {  // generators past |G| are upstream's zero padding
      size_t i = m % nj;
      if (i < h) {
        lp.push_back(srs.g[m]);
        lk.push_back(a[h + i] * w[m]);
      } else {
        rp.push_back(srs.g[m]);
        rk.push_back(a[i - h] * w[m]);
      }
    }
    Affine<C> l = msm<C>(lp, lk).to_affine(), rr = msm<C>(rp, rk).to_affine();
    proof.lr.push_back({l, rr});
    blinders.push_back({rand_l, rand_r});
    sponge.absorb_g(l);
    sponge.absorb_g(rr);
    S u = sponge.prechallenge().to_field(endo);
    S u_inv = *u.inverse();
    chals.push_back(u);
    chal_invs.push_back(u_inv);
    std::vector<S> na(h), nb(h);
    for (size_t i = 0; i < h; ++i) {
      na[i] = a[i] + u_inv * a[h + i];
      nb[i] = b[i] + u * b[h + i];
    }
    a = std::move(na);
    b = std::move(nb);
    for (size_t m = 0; m < padded; ++m)
      if (m % nj >= h) w[m] *= u;
  }
  const S a0 = a[0], b0 = b[0];
  const Affine<C> g0 = msm<C>(srs.g, std::span<const S>(w.data(), srs_len)).to_affine();

  S r_prime = blinding_factor;
  for (size_t j = 0; j < blinders.size(); ++j) r_prime += blinders[j].first * chal_invs[j] + blinders[j].second * chals[j];

  const S d = rand(), r_delta = rand();
  proof.delta = ((g0.to_projective() + u_base * b0).to_affine() * d + srs.h * r_delta).to_affine();
  sponge.absorb_g(proof.delta);
  const S c = sponge.prechallenge().to_field(endo);
  proof.z1 = a0 * c + d;
  proof.z2 = r_prime * c + r_delta;
  proof.sg = g0;
  return proof;
}

// A complete batch entry for random polynomials (lengths given; blinders random), opened at the
// given points with the given sponge.
template <class C>
BatchEvaluationProof<C> make_batch_proof(const Srs<C>& srs, const std::vector<size_t>& lengths,
                                         const std::vector<typename C::Scalar>& points, const FqSponge<C>& sponge,
                                         const std::function<typename C::Scalar()>& rand) {
  using S = typename C::Scalar;
  std::vector<ProverPoly<C>> polys;
  for (size_t len : lengths) {
    ProverPoly<C> p;
    for (size_t i = 0; i < len; ++i) p.coeffs.push_back(rand());
    for (size_t i = 0; i < num_chunks(srs, p); ++i) p.blinders.push_back(rand());
    polys.push_back(p);
  }
  BatchEvaluationProof<C> bp;
  bp.sponge = sponge;
  bp.evaluation_points = points;
  bp.polyscale = rand();
  bp.evalscale = rand();
  std::vector<std::vector<std::vector<S>>> evals;
  for (const auto& p : polys) {
    Evaluation<C> e{commit_hiding(srs, p), chunk_evaluations(srs, p, points)};
    evals.push_back(e.evaluations);
    bp.evaluations.push_back(e);
  }
  bp.combined_inner_product = *combined_inner_product<S>(bp.polyscale, bp.evalscale, evals);
  bp.opening = ipa_open<C>(srs, GroupMap<C>::instance(), polys, points, bp.polyscale, bp.evalscale, sponge, rand);
  return bp;
}

}  // namespace mina::test
