#include "pickles/dummy.hpp"

namespace mina::pickles {

Fp step_challenge_to_field(const ScalarChallenge& c) { return c.to_field(endo_r<VestaParams>()); }
Fq wrap_challenge_to_field(const ScalarChallenge& c) { return c.to_field(endo_r<PallasParams>()); }

std::array<Fp, 16> compute_step_challenges(const StepChallenges& chals) {
  std::array<Fp, 16> out;
  for (size_t i = 0; i < chals.size(); ++i) out[i] = step_challenge_to_field(chals[i].prechallenge);
  return out;
}

std::array<Fq, 15> compute_wrap_challenges(const WrapChallenges& chals) {
  std::array<Fq, 15> out;
  for (size_t i = 0; i < chals.size(); ++i) out[i] = wrap_challenge_to_field(chals[i].prechallenge);
  return out;
}

namespace dummy {
namespace {

BulletproofChallenge chal(uint64_t lo, uint64_t hi) {
  return BulletproofChallenge{ScalarChallenge::from_limbs(lo, hi)};
}

U256 dec(const char* s) { return *parse_u256(s); }

}  // namespace

// Blake2s-256("chal_<15 − i>"), first 16 bytes as two little-endian u64 (see the header).
const WrapChallenges& ipa_wrap_challenges() {
  static const WrapChallenges v = {
      chal(0x3382b3c9ace6bf6fULL, 0x79974358f9761863ULL), chal(0xdd3a2b06e9888797ULL, 0xdd7ae6402944a1c7ULL),
      chal(0xc6e8e530f49c9fcbULL, 0x07ddbb65cda09cddULL), chal(0x532c59a287691a13ULL, 0xa921bcb02a656f7bULL),
      chal(0xe29c77b18f10078bULL, 0xf85c5f00df6b0ceeULL), chal(0x1dbda72d07b09c87ULL, 0x4d1b97e2e95f26a0ULL),
      chal(0x9c75747c56805f11ULL, 0xa1fe6369facef1e8ULL), chal(0x5c2b8adfdbe9604dULL, 0x5a8c718cf210f79bULL),
      chal(0x22c0b35c51e06b48ULL, 0xa6888b7340a96dedULL), chal(0x9007d7b55e76646eULL, 0xc1c68b39db4e8e12ULL),
      chal(0x4445e35e373f2bc9ULL, 0x9d40c715fc8ccde5ULL), chal(0x429882844bbcaa4eULL, 0x97a927d7d0afb7bcULL),
      chal(0x99ca3d5bfffd6e77ULL, 0xefe66a55155c4294ULL), chal(0x4b7db27121979954ULL, 0x951fa2e06193c840ULL),
      chal(0x2cd1ccbeb20747b3ULL, 0x5bd1de3cf264021dULL),
  };
  return v;
}

const std::array<Fq, 15>& ipa_wrap_challenges_computed() {
  static const std::array<Fq, 15> v = compute_wrap_challenges(ipa_wrap_challenges());
  return v;
}

// OpenMina prover.rs / the o1js-recorded b_poly commitment (tests recompute it from the SRS).
const PallasAffine& ipa_wrap_sg() {
  static const PallasAffine v = PallasAffine::from_xy_unchecked(
      Fp::from_int_unchecked(dec("8063668238751197448664615329057427953229339439010717262869116690340613895496")),
      Fp::from_int_unchecked(dec("2694491010813221541025626495812026140144933943906714931997499229912601205355")));
  return v;
}

// Blake2s-256("chal_<31 − i>").
const StepChallenges& ipa_step_challenges() {
  static const StepChallenges v = {
      chal(0xad7370b456a72ab9ULL, 0x364ff923d5f19efcULL), chal(0x59871c628e2f7c00ULL, 0x9cc7f673a226cc87ULL),
      chal(0x2354821d9eb6f2afULL, 0xd5b96bd1f67df57eULL), chal(0x147bf7d0a09086f6ULL, 0x625e62ce40242a68ULL),
      chal(0xafc61b633256ad0eULL, 0x09807210a11fe1fbULL), chal(0xf9581ebecaac4191ULL, 0x571ed5993eb7c9a6ULL),
      chal(0xaa4e50a3cd64c3bdULL, 0xd814e70ac1fec568ULL), chal(0xb21dacdf825ede6dULL, 0xfe08a217c5db07a5ULL),
      chal(0x824e0fd6e9e6aa7fULL, 0xfcf63a984eb97f2cULL), chal(0xc331882b711b04caULL, 0x9139acc7b6ae2629ULL),
      chal(0xdc0f8f47fd8151efULL, 0x00a97a43c43b9587ULL), chal(0x6038d81ed18632bfULL, 0xf9b3bc70a2aa05abULL),
      chal(0x9475d2e0e5af475aULL, 0xd1cba702aec3d2f6ULL), chal(0xbe780ff6f92d7c04ULL, 0xe13d589132fbe254ULL),
      chal(0xc670b712b8317513ULL, 0x1675cc339a483e08ULL), chal(0x48c1b0a2b1cab8d1ULL, 0x1b6604e3c071b1ceULL),
  };
  return v;
}

const std::array<Fp, 16>& ipa_step_challenges_computed() {
  static const std::array<Fp, 16> v = compute_step_challenges(ipa_step_challenges());
  return v;
}

// OpenMina public_input/messages.rs `dummy_ipa_step_sg`.
const VestaAffine& ipa_step_sg() {
  static const VestaAffine v = VestaAffine::from_xy_unchecked(
      Fq::from_int_unchecked(dec("7157847628472818669877981787153253278122158060570991904823379281596325861730")),
      Fq::from_int_unchecked(dec("9959746677904483136261451107528553963316638248277760417056251351537540061100")));
  return v;
}

}  // namespace dummy
}  // namespace mina::pickles
