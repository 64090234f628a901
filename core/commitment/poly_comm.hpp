// Chunked polynomial commitments and the evaluation-combining helpers of proof-systems
// `poly-commitment/src/commitment.rs`.
//
// A polynomial of degree ≥ the SRS size n is committed chunk by chunk: f = Σ_i X^{i·n} f_i with
// deg f_i < n, and PolyComm holds one point per chunk. Batched openings combine everything with
// powers of `polyscale` (one power per chunk, polynomials in order) and the evaluation points with
// powers of `evalscale` (BCMS-style batching, as in kimchi).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "commitment/srs.hpp"
#include "curve/curve.hpp"

namespace mina {

template <class C>
struct PolyComm {
  std::vector<Affine<C>> chunks;

  size_t len() const { return chunks.size(); }
  bool is_empty() const { return chunks.empty(); }
  bool operator==(const PolyComm& o) const { return chunks == o.chunks; }

  // chunk_commitment: Σ_i zeta_n^i · chunk_i (Horner), as a one-chunk commitment. Used by the
  // kimchi verifier to collapse t_comm / f_comm with ζ^{max_poly_size}.
  PolyComm chunk_commitment(const typename C::Scalar& zeta_n) const {
    Projective<C> res;
    for (size_t i = chunks.size(); i-- > 0;) res = (res * zeta_n) + chunks[i];
    return PolyComm{{res.to_affine()}};
  }

  PolyComm scale(const typename C::Scalar& c) const {
    std::vector<Projective<C>> p;
    for (const auto& g : chunks) p.push_back(g * c);
    return PolyComm{batch_to_affine<C>(p)};
  }
};

// Chunk-wise sum / difference; the longer commitment's extra chunks are kept (upstream Add/Sub:
// for a − b the extra chunks of b are taken as they are, not negated — replicated).
template <class C>
PolyComm<C> operator+(const PolyComm<C>& a, const PolyComm<C>& b) {
  PolyComm<C> r;
  const size_t n = std::max(a.len(), b.len());
  for (size_t i = 0; i < n; ++i) {
    if (i < a.len() && i < b.len()) r.chunks.push_back((a.chunks[i].to_projective() + b.chunks[i]).to_affine());
    else r.chunks.push_back(i < a.len() ? a.chunks[i] : b.chunks[i]);
  }
  return r;
}
template <class C>
PolyComm<C> operator-(const PolyComm<C>& a, const PolyComm<C>& b) {
  PolyComm<C> r;
  const size_t n = std::max(a.len(), b.len());
  for (size_t i = 0; i < n; ++i) {
    if (i < a.len() && i < b.len()) r.chunks.push_back((a.chunks[i].to_projective() - b.chunks[i]).to_affine());
    else r.chunks.push_back(i < a.len() ? a.chunks[i] : b.chunks[i]);
  }
  return r;
}

// Blinding chunks of a field-valued PolyComm: Σ_i zeta_n^i · blinders_i (Horner).
template <class F>
F chunk_blinding(std::span<const F> chunks, const F& zeta_n) {
  F res = F::zero();
  for (size_t i = chunks.size(); i-- > 0;) res = res * zeta_n + chunks[i];
  return res;
}

// PolyComm::multi_scalar_mul: chunk j of the result is Σ_i elm_i · com_i.chunks[j] over the
// commitments that have a chunk j. Both empty → one chunk at infinity (upstream).
template <class C>
Result<PolyComm<C>> poly_comm_multi_scalar_mul(std::span<const PolyComm<C>* const> com,
                                               std::span<const typename C::Scalar> elm) {
  if (com.size() != elm.size())
    return Error{ErrorCode::kInvalidLength, "multi_scalar_mul: " + std::to_string(com.size()) + " commitments, " +
                                                std::to_string(elm.size()) + " scalars"};
  if (com.empty()) return PolyComm<C>{{Affine<C>::identity()}};
  size_t chunks = 0;
  for (auto* c : com) chunks = std::max(chunks, c->len());
  PolyComm<C> out;
  for (size_t j = 0; j < chunks; ++j) {
    std::vector<Affine<C>> pts;
    std::vector<typename C::Scalar> ks;
    for (size_t i = 0; i < com.size(); ++i) {
      if (j < com[i]->len()) {
        pts.push_back(com[i]->chunks[j]);
        ks.push_back(elm[i]);
      }
    }
    out.chunks.push_back(msm<C>(pts, ks).to_affine());
  }
  return out;
}

// SRS::mask_custom: chunk_i + blinders_i · H, one blinder per chunk. kimchi's verifier masks the
// public-input commitment with blinder 1 (public_comm + H).
template <class C>
Result<PolyComm<C>> mask_custom(const Srs<C>& srs, const PolyComm<C>& com,
                                std::span<const typename C::Scalar> blinders) {
  if (com.len() != blinders.size())
    return Error{ErrorCode::kInvalidLength, "mask_custom: " + std::to_string(blinders.size()) + " blinders for " +
                                                std::to_string(com.len()) + " chunks"};
  PolyComm<C> out;
  for (size_t i = 0; i < com.len(); ++i) out.chunks.push_back((srs.h * blinders[i] + com.chunks[i]).to_affine());
  return out;
}

// Non-hiding commitment of coefficients (SRS::commit_non_hiding): chunk i = ⟨coeffs[i·n..], G⟩,
// padded with points at infinity to num_chunks; the zero polynomial gives one infinity chunk.
template <class C>
PolyComm<C> commit_non_hiding(const Srs<C>& srs, std::span<const typename C::Scalar> coeffs, size_t num_chunks) {
  PolyComm<C> out;
  const size_t n = srs.g.size();
  bool zero = true;
  for (const auto& c : coeffs) zero = zero && c.is_zero();
  if (zero || n == 0) {
    out.chunks.push_back(Affine<C>::identity());
  } else {
    for (size_t off = 0; off < coeffs.size(); off += n) {
      size_t len = std::min(n, coeffs.size() - off);
      out.chunks.push_back(msm<C>(std::span<const Affine<C>>(srs.g.data(), len), coeffs.subspan(off, len)).to_affine());
    }
  }
  while (out.chunks.size() < num_chunks) out.chunks.push_back(Affine<C>::identity());
  return out;
}

// proof-systems combined_inner_product(polyscale, evalscale, polys): polys[k][j][i] is the
// evaluation of chunk i of polynomial k at point j. Returns
//   Σ_k Σ_i polyscale^{(running chunk index)} · Σ_j evalscale^j · polys[k][j][i],
// skipping polynomials with no chunks (as upstream skips evals_tr[0].is_empty()). Malformed
// shapes (no points, ragged chunk counts) are errors where upstream would panic or misindex.
template <class F>
Result<F> combined_inner_product(const F& polyscale, const F& evalscale,
                                 std::span<const std::vector<std::vector<F>>> polys) {
  F res = F::zero();
  F polyscale_i = F::one();
  for (size_t k = 0; k < polys.size(); ++k) {
    const auto& evals_tr = polys[k];
    if (evals_tr.empty())
      return Error{ErrorCode::kInvalidLength, "combined_inner_product: polynomial " + std::to_string(k) +
                                                  " has no evaluation points"};
    const size_t chunks = evals_tr[0].size();
    for (const auto& per_point : evals_tr)
      if (per_point.size() != chunks)
        return Error{ErrorCode::kInvalidLength, "combined_inner_product: polynomial " + std::to_string(k) +
                                                    " has ragged chunk counts"};
    for (size_t i = 0; i < chunks; ++i) {
      // term = Σ_j evalscale^j · evals_tr[j][i] by Horner.
      F term = F::zero();
      for (size_t j = evals_tr.size(); j-- > 0;) term = term * evalscale + evals_tr[j][i];
      res += polyscale_i * term;
      polyscale_i *= polyscale;
    }
  }
  return res;
}

}  // namespace mina
