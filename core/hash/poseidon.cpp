#include "hash/poseidon.hpp"

#include <stdexcept>

namespace mina::poseidon {
namespace detail {

template <size_t N>
struct RawParams {
  std::array<std::array<U256, kWidth>, kWidth> mds;
  std::array<std::array<U256, kWidth>, N> round_constants;
};

#include "hash/poseidon_params.inc"

inline constexpr size_t kKimchiRounds = 55;
inline constexpr size_t kLegacyRounds = 63;  // plus the initial ARK row
static_assert(kFpKimchi.round_constants.size() == kKimchiRounds);
static_assert(kFpLegacy.round_constants.size() == kLegacyRounds + 1);

template <class F, size_t N>
struct Constants {
  std::array<State<F>, kWidth> mds;
  std::array<State<F>, N> round_constants;
};

// Montgomery conversion is not constexpr, so the tables are converted once on first use.
template <class F, size_t N>
Constants<F, N> convert(const RawParams<N>& raw) {
  Constants<F, N> c;
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j) c.mds[i][j] = F::from_int_unchecked(raw.mds[i][j]);
  for (size_t r = 0; r < N; ++r)
    for (size_t j = 0; j < kWidth; ++j) c.round_constants[r][j] = F::from_int_unchecked(raw.round_constants[r][j]);
  return c;
}

template <class F> const Constants<F, kKimchiRounds>& kimchi_constants();
template <class F> const Constants<F, kLegacyRounds + 1>& legacy_constants();

template <> const Constants<Fp, kKimchiRounds>& kimchi_constants<Fp>() {
  static const auto c = convert<Fp>(kFpKimchi);
  return c;
}
template <> const Constants<Fq, kKimchiRounds>& kimchi_constants<Fq>() {
  static const auto c = convert<Fq>(kFqKimchi);
  return c;
}
template <> const Constants<Fp, kLegacyRounds + 1>& legacy_constants<Fp>() {
  static const auto c = convert<Fp>(kFpLegacy);
  return c;
}
template <> const Constants<Fq, kLegacyRounds + 1>& legacy_constants<Fq>() {
  static const auto c = convert<Fq>(kFqLegacy);
  return c;
}

template <unsigned kAlpha, class F>
inline F sbox(const F& x) {
  static_assert(kAlpha == 5 || kAlpha == 7);
  F x2 = x.square();
  F x4 = x2.square();
  if constexpr (kAlpha == 7) return x * x2 * x4;
  else return x * x4;
}

// proof-systems full_round: S-box on every lane, then MDS, then the round's constants.
template <unsigned kAlpha, class F>
inline void full_round(State<F>& s, const std::array<State<F>, kWidth>& m, const State<F>& rc) {
  F a = sbox<kAlpha>(s[0]), b = sbox<kAlpha>(s[1]), c = sbox<kAlpha>(s[2]);
  s[0] = m[0][0] * a + m[0][1] * b + m[0][2] * c + rc[0];
  s[1] = m[1][0] * a + m[1][1] * b + m[1][2] * c + rc[1];
  s[2] = m[2][0] * a + m[2][1] * b + m[2][2] * c + rc[2];
}

}  // namespace detail

template <class F>
void permute(State<F>& state, Params params) {
  if (params == kKimchi) {
    const auto& c = detail::kimchi_constants<F>();
    for (size_t r = 0; r < detail::kKimchiRounds; ++r) detail::full_round<7>(state, c.mds, c.round_constants[r]);
  } else {
    // PERM_INITIAL_ARK: row 0 is added before the first round, so round r uses row r + 1.
    const auto& c = detail::legacy_constants<F>();
    for (size_t i = 0; i < kWidth; ++i) state[i] += c.round_constants[0][i];
    for (size_t r = 1; r <= detail::kLegacyRounds; ++r) detail::full_round<5>(state, c.mds, c.round_constants[r]);
  }
}

template <class F>
State<F> update(State<F> state, std::span<const F> input, Params params) {
  if (input.empty()) {
    permute(state, params);
    return state;
  }
  // A short last block is zero-padded, and adding zero is a no-op, so it is simply left short.
  for (size_t i = 0; i < input.size(); i += kRate) {
    for (size_t j = 0; j < kRate && i + j < input.size(); ++j) state[j] += input[i + j];
    permute(state, params);
  }
  return state;
}

template <class F>
F hash(std::span<const F> input, Params params) {
  return update(initial_state<F>(), input, params)[0];
}

namespace {
constexpr size_t kMaxPrefixBytes = 31;  // 8 * 31 = 248 < 255 bits: Random_oracle's assertion
constexpr size_t kMinaPrefixBytes = 20; // Hash_prefixes.length_in_bytes
}  // namespace

template <class F>
Result<F> try_prefix_to_field(std::string_view prefix) {
  if (prefix.size() > kMaxPrefixBytes)
    return Error{ErrorCode::kInvalidLength, "hash prefix of " + std::to_string(prefix.size()) +
                                                " bytes does not fit one field element (max 31)"};
  return F::from_int_unchecked(F::u256_from_le(as_bytes(prefix)));
}

template <class F>
F prefix_to_field(std::string_view prefix) {
  auto r = try_prefix_to_field<F>(prefix);
  if (!r.ok()) throw std::length_error(r.error().message);
  return *r;
}

std::string pad_prefix(std::string_view prefix) {
  std::string s(prefix);
  if (s.size() < kMinaPrefixBytes) s.append(kMinaPrefixBytes - s.size(), '*');
  return s;
}

template <class F>
State<F> salt(std::string_view prefix, Params params) {
  const F p = prefix_to_field<F>(prefix);
  return update(initial_state<F>(), std::span<const F>(&p, 1), params);
}

template <class F>
F hash_with_prefix(std::string_view prefix, std::span<const F> input, Params params) {
  return update(salt<F>(prefix, params), input, params)[0];
}

#define MINA_POSEIDON_INSTANTIATE(F)                                                      \
  template void permute<F>(State<F>&, Params);                                            \
  template State<F> update<F>(State<F>, std::span<const F>, Params);                      \
  template F hash<F>(std::span<const F>, Params);                                         \
  template Result<F> try_prefix_to_field<F>(std::string_view);                            \
  template F prefix_to_field<F>(std::string_view);                                        \
  template State<F> salt<F>(std::string_view, Params);                                    \
  template F hash_with_prefix<F>(std::string_view, std::span<const F>, Params);
MINA_POSEIDON_INSTANTIATE(Fp)
MINA_POSEIDON_INSTANTIATE(Fq)
#undef MINA_POSEIDON_INSTANTIATE

}  // namespace mina::poseidon
