// Poseidon over the Pasta fields, as Mina uses it.
//
// Two parameter sets, both width 3 / rate 2 / capacity 1, full rounds only:
//   kKimchi  55 rounds, S-box x^7, round = S-box, MDS, add constants (no initial ARK).
//            Mina's current hash (o1js Poseidon, Random_oracle) and kimchi's Fr-sponge.
//   kLegacy  constants row 0 added first, then 63 rounds, S-box x^5 (PlonkSpongeConstantsLegacy).
//            Pre-Berkeley hashing: legacy signatures, receipt chains.
// Both exist over Fp and Fq; constants come from proof-systems (see poseidon_params.inc).
//
// Two ways to drive the permutation, and they are not interchangeable:
//   Sponge<F>  proof-systems' ArithmeticSponge state machine (the Fiat-Shamir sponges build on it).
//   update()   Mina's Random_oracle.update / o1js Poseidon.update: zero-pad the input to whole
//              blocks and permute after each; an empty input still permutes once. hash() and
//              hash_with_prefix() are defined by it, which is why hash([]) == hash([0]).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "field/pasta.hpp"

namespace mina::poseidon {

// Unscoped so both poseidon::kKimchi and poseidon::Params::kKimchi read naturally.
enum Params : uint8_t { kKimchi, kLegacy };

inline constexpr size_t kWidth = 3;
inline constexpr size_t kRate = 2;

template <class F>
using State = std::array<F, kWidth>;

// One Poseidon permutation in place. Defined for F = Fp and F = Fq.
template <class F>
void permute(State<F>& state, Params params);

// proof-systems ArithmeticSponge (poseidon/src/poseidon.rs), step for step: absorbing fills the
// rate lanes and permutes lazily when a full block is followed by more input; squeezing permutes
// on the first squeeze after absorbing and again once the rate lanes are used up. Absorbing after
// a squeeze adds into lane 0 without permuting first, as upstream does.
template <class F>
class Sponge {
 public:
  enum class Mode : uint8_t { kAbsorbing, kSqueezing };

  explicit Sponge(Params params = kKimchi) : params_(params), state_{} {}
  // Resumes from a saved state (e.g. a salted initial state), in absorbing mode with no lane used.
  Sponge(Params params, const State<F>& state) : params_(params), state_(state) {}

  void absorb(const F& x) {
    if (mode_ == Mode::kSqueezing) {
      state_[0] += x;
      mode_ = Mode::kAbsorbing;
      offset_ = 1;
      return;
    }
    if (offset_ == kRate) {
      permute(state_, params_);
      offset_ = 0;
    }
    state_[offset_++] += x;
  }
  void absorb(std::span<const F> xs) {
    for (const F& x : xs) absorb(x);
  }

  F squeeze() {
    if (mode_ == Mode::kAbsorbing || offset_ == kRate) {
      permute(state_, params_);
      mode_ = Mode::kSqueezing;
      offset_ = 0;
    }
    return state_[offset_++];
  }

  void reset() {
    state_ = State<F>{};
    mode_ = Mode::kAbsorbing;
    offset_ = 0;
  }

  Params params() const { return params_; }
  const State<F>& state() const { return state_; }
  Mode mode() const { return mode_; }
  // Rate lanes used in the current mode (upstream's Absorbed(n) / Squeezed(n)).
  size_t offset() const { return offset_; }

 private:
  Params params_;
  State<F> state_;
  Mode mode_ = Mode::kAbsorbing;
  size_t offset_ = 0;
};

// ---- Mina's Random_oracle on top of the permutation ----

template <class F>
constexpr State<F> initial_state() {
  return State<F>{};
}

// Random_oracle.update / o1js Poseidon.update (see the file comment for the empty-input rule).
template <class F>
State<F> update(State<F> state, std::span<const F> input, Params params = kKimchi);

// Poseidon.hash: update from the zero state, first lane of the result.
template <class F>
F hash(std::span<const F> input, Params params = kKimchi);

// Random_oracle.prefix_to_field: the prefix bytes as a little-endian integer. Mina's prefixes are
// 20 bytes (pad_prefix); the hard limit is 31 bytes (8·len < 255 bits, so no reduction happens).
// Prefixes are protocol constants, so exceeding the limit is a programming error: this throws
// std::length_error. Use try_prefix_to_field for strings from outside.
template <class F>
F prefix_to_field(std::string_view prefix);
template <class F>
Result<F> try_prefix_to_field(std::string_view prefix);

// Hash_prefixes.create: right-pads with '*' to Mina's 20-byte prefix length
// ("CodaSignature" -> "CodaSignature*******"). Longer strings are returned unchanged.
std::string pad_prefix(std::string_view prefix);

// Random_oracle.salt: the state after absorbing the prefix field (cacheable per prefix).
template <class F>
State<F> salt(std::string_view prefix, Params params = kKimchi);

// o1js Poseidon.hashWithPrefix / Random_oracle.hash ~init:(salt prefix). The prefix is used as
// given (no '*' padding, as o1js); same precondition as prefix_to_field.
template <class F>
F hash_with_prefix(std::string_view prefix, std::span<const F> input, Params params = kKimchi);

}  // namespace mina::poseidon
