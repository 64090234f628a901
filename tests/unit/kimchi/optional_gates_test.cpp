// The step circuit's optional gates (range_check0/1, foreign_field_add/mul, xor, rot) on
// witnesses computed from the gates' semantics: limb decompositions of random values, real
// foreign-field sums and products over the secp256k1 base field, real 64-bit xor and rotation.
#include "kimchi_test_util.hpp"

using namespace mina;
using namespace mina::test::kimchi;
using mina::test::rng;
namespace kc = mina::kimchi;

namespace {

// Writes value into the listed cells, least significant limb first, each `bits` wide.
template <class F>
void decompose(Rows<F>& r, BigInt value, const std::vector<std::pair<Cell, unsigned>>& limbs) {
  for (const auto& [cell, bits] : limbs) {
    cell_ref(r, cell) = to_field<F>(value & ((BigInt(1) << bits) - 1));
    value >>= bits;
  }
  REQUIRE(value == 0);
}

std::vector<std::pair<Cell, unsigned>> limbs(Kind k, std::initializer_list<size_t> cols, unsigned bits) {
  std::vector<std::pair<Cell, unsigned>> out;
  for (size_t c : cols) out.push_back({{k, c}, bits});
  return out;
}
std::vector<std::pair<Cell, unsigned>> operator+(std::vector<std::pair<Cell, unsigned>> a,
                                                 const std::vector<std::pair<Cell, unsigned>>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const BigInt kTwo88 = BigInt(1) << 88;
// secp256k1 base field: a foreign modulus below 2^259.
const BigInt kSecp256k1P = (BigInt(1) << 256) - (BigInt(1) << 32) - 977;

std::array<BigInt, 3> limbs88(const BigInt& x) { return {x % kTwo88, (x >> 88) % kTwo88, x >> 176}; }

BigInt random_below(const BigInt& bound) { return random_bits(320) % bound; }

}  // namespace

TEMPLATE_TEST_CASE("kimchi range_check0 gate: 88-bit value in 12-bit limbs and crumbs", "[kimchi]", Fp, Fq) {
  using F = TestType;
  // LSB first: crumbs in columns 14..7, then 12-bit limbs in columns 6..1.
  const auto layout = limbs(Kind::kCurr, {14, 13, 12, 11, 10, 9, 8, 7}, 2) + limbs(Kind::kCurr, {6, 5, 4, 3, 2, 1}, 12);
  for (int iter = 0; iter < 4; ++iter) {
    Rows<F> r;
    const BigInt v = iter == 0 ? random_bits(64) : random_bits(88);  // iter 0: the 64-bit use, vp0 = vp1 = 0
    r.curr[0] = to_field<F>(v);
    decompose(r, v, layout);
    // compact-limb mode: next(1) = curr(0) + 2^88·next(0)
    r.coeff[0] = F::one();
    const BigInt hi = random_bits(88);
    r.next[0] = to_field<F>(hi);
    r.next[1] = to_field<F>(v + (hi << 88));
    check_gate(r, kc::range_check0_constraints<F>, cell_range(Kind::kCurr, 0, 14) | cells(Kind::kNext, {0, 1}));
    // plain mode: the next row is free, the coefficient now guards it
    r.coeff[0] = F::zero();
    r.next[1] += F::one();
    check_gate(r, kc::range_check0_constraints<F>, cell_range(Kind::kCurr, 0, 14) | cells(Kind::kCoeff, {0}));
  }
}

TEMPLATE_TEST_CASE("kimchi range_check1 gate: 88-bit v2 over two rows", "[kimchi]", Fp, Fq) {
  using F = TestType;
  // LSB first: next 14..7, next 2..0 (crumbs), curr 14..7 (crumbs), curr 6..3 (12 bits), curr 2.
  const auto layout = limbs(Kind::kNext, {14, 13, 12, 11, 10, 9, 8, 7, 2, 1, 0}, 2) +
                      limbs(Kind::kCurr, {14, 13, 12, 11, 10, 9, 8, 7}, 2) + limbs(Kind::kCurr, {6, 5, 4, 3}, 12) +
                      limbs(Kind::kCurr, {2}, 2);
  for (int iter = 0; iter < 4; ++iter) {
    Rows<F> r;
    const BigInt v2 = random_bits(88);
    r.curr[0] = to_field<F>(v2);
    decompose(r, v2, layout);
    // curr 1 (a copied limb) and next 3..6 (v0/v1 limbs checked by lookups) are not read.
    r.curr[1] = random_field<F>();
    for (size_t i = 3; i <= 6; ++i) r.next[i] = to_field<F>(random_bits(12));
    check_gate(r, kc::range_check1_constraints<F>,
               (cell_range(Kind::kCurr, 0, 14) - cells(Kind::kCurr, {1})) | cell_range(Kind::kNext, 0, 2) |
                   cell_range(Kind::kNext, 7, 14));
  }
}

TEMPLATE_TEST_CASE("kimchi foreign_field_add gate: secp256k1 additions and subtractions", "[kimchi]", Fp, Fq) {
  using F = TestType;
  const auto f = limbs88(kSecp256k1P);
  for (int iter = 0; iter < 6; ++iter) {
    const int sign = iter % 2 == 0 ? 1 : -1;
    BigInt a, b;
    if (sign == 1) {  // a + b ≥ f, so the overflow q is 1
      a = kSecp256k1P - 1 - random_below(kSecp256k1P / 4);
      b = kSecp256k1P - 1 - random_below(kSecp256k1P / 4);
    } else {  // a < b, so q is −1
      a = random_below(kSecp256k1P / 2);
      b = kSecp256k1P / 2 + random_below(kSecp256k1P / 2);
    }
    const BigInt sum = a + sign * b;
    BigInt res = sum % kSecp256k1P;
    if (res < 0) res += kSecp256k1P;
    const BigInt q = (sum - res) / kSecp256k1P;
    REQUIRE(q == sign);
    const auto al = limbs88(a), bl = limbs88(b), rl = limbs88(res);
    // r_bot = a_bot + s·b_bot − q·f_bot − c·2^176
    const BigInt bot = (al[0] + (al[1] << 88)) + sign * (bl[0] + (bl[1] << 88)) - q * (f[0] + (f[1] << 88)) -
                       (rl[0] + (rl[1] << 88));
    REQUIRE(bot % (BigInt(1) << 176) == 0);
    const BigInt carry = bot >> 176;
    REQUIRE((carry >= -1 && carry <= 1));

    Rows<F> r;
    for (size_t i = 0; i < 3; ++i) {
      r.curr[i] = to_field<F>(al[i]);
      r.curr[3 + i] = to_field<F>(bl[i]);
      r.next[i] = to_field<F>(rl[i]);
      r.coeff[i] = to_field<F>(f[i]);
    }
    r.coeff[3] = to_field<F>(sign);
    r.curr[6] = to_field<F>(q);
    r.curr[7] = to_field<F>(carry);
    check_gate(r, kc::foreign_field_add_constraints<F>,
               cell_range(Kind::kCurr, 0, 7) | cell_range(Kind::kNext, 0, 2) | cell_range(Kind::kCoeff, 0, 3));
  }
}

TEMPLATE_TEST_CASE("kimchi foreign_field_mul gate: secp256k1 products", "[kimchi]", Fp, Fq) {
  using F = TestType;
  const BigInt nf_int = (BigInt(1) << 264) - kSecp256k1P;  // f' = 2^264 − f
  const auto f = limbs88(kSecp256k1P), nf = limbs88(nf_int);
  for (int iter = 0; iter < 4; ++iter) {
    const BigInt a = random_below(kSecp256k1P), b = random_below(kSecp256k1P);
    const BigInt q = (a * b) / kSecp256k1P, rem = (a * b) % kSecp256k1P;
    const auto al = limbs88(a), bl = limbs88(b), ql = limbs88(q), rl = limbs88(rem);
    // foreign_field_mul witness: intermediate products and carries, all exact integers
    const BigInt p0 = al[0] * bl[0] + ql[0] * nf[0];
    const BigInt p1 = al[0] * bl[1] + al[1] * bl[0] + ql[0] * nf[1] + ql[1] * nf[0];
    const BigInt p2 = al[0] * bl[2] + al[2] * bl[0] + al[1] * bl[1] + ql[0] * nf[2] + ql[2] * nf[0] + ql[1] * nf[1];
    const BigInt p10 = p1 % kTwo88, p11 = p1 >> 88, p110 = p11 % kTwo88, p111 = p11 >> 88;
    REQUIRE(p111 < 4);
    const BigInt r01 = rl[0] + (rl[1] << 88);
    const BigInt c0_num = p0 + (p10 << 88) - r01;
    REQUIRE(c0_num % (BigInt(1) << 176) == 0);
    const BigInt v0 = c0_num >> 176;
    REQUIRE((v0 >= 0 && v0 < 4));
    const BigInt c1_num = p2 + p11 + v0 - rl[2];
    REQUIRE(c1_num % kTwo88 == 0);
    const BigInt v1 = c1_num >> 88;
    REQUIRE((v1 >= 0 && v1 < (BigInt(1) << 91)));

    Rows<F> r;
    for (size_t i = 0; i < 3; ++i) {
      r.curr[i] = to_field<F>(al[i]);
      r.curr[3 + i] = to_field<F>(bl[i]);
      r.next[2 + i] = to_field<F>(ql[i]);
      r.coeff[1 + i] = to_field<F>(nf[i]);
    }
    r.coeff[0] = to_field<F>(f[2]);
    r.curr[6] = to_field<F>(p10);
    r.next[0] = to_field<F>(r01);
    r.next[1] = to_field<F>(rl[2]);
    r.next[5] = to_field<F>(ql[2] + kTwo88 - f[2] - 1);
    r.next[6] = to_field<F>(p110);
    r.next[7] = to_field<F>(p111);
    r.next[11] = to_field<F>(v0);
    decompose(r, v1,
              limbs(Kind::kCurr, {7, 8, 9, 10}, 12) + limbs(Kind::kNext, {8, 9, 10}, 12) +
                  limbs(Kind::kCurr, {11, 12, 13}, 2) + limbs(Kind::kCurr, {14}, 1));
    check_gate(r, kc::foreign_field_mul_constraints<F>,
               cell_range(Kind::kCurr, 0, 14) | cell_range(Kind::kNext, 0, 11) | cell_range(Kind::kCoeff, 0, 3));
  }
}

TEMPLATE_TEST_CASE("kimchi xor16 gate: a 64-bit xor over four chained rows", "[kimchi]", Fp, Fq) {
  using F = TestType;
  for (int iter = 0; iter < 3; ++iter) {
    const uint64_t in1 = rng()(), in2 = rng()(), out = in1 ^ in2;
    for (unsigned row = 0; row < 4; ++row) {
      const unsigned sh = 16 * row;
      Rows<F> r;
      const uint64_t v[3] = {in1 >> sh, in2 >> sh, out >> sh};
      for (size_t k = 0; k < 3; ++k) {
        r.curr[k] = F::from_u64(v[k]);
        r.next[k] = F::from_u64(row == 3 ? 0 : v[k] >> 16);
        for (size_t nyb = 0; nyb < 4; ++nyb) r.curr[3 + 4 * k + nyb] = F::from_u64((v[k] >> (4 * nyb)) & 0xF);
      }
      // the nybbles xor (checked by the lookup, not by the gate)
      for (size_t nyb = 0; nyb < 4; ++nyb)
        REQUIRE((((v[0] ^ v[1] ^ v[2]) >> (4 * nyb)) & 0xF) == 0);
      INFO("row " << row);
      check_gate(r, kc::xor16_constraints<F>, cell_range(Kind::kCurr, 0, 14) | cell_range(Kind::kNext, 0, 2));
    }
  }
}

TEMPLATE_TEST_CASE("kimchi rot64 gate: left rotations of 64-bit words", "[kimchi]", Fp, Fq) {
  using F = TestType;
  for (unsigned rot : {1u, 7u, 32u, 63u}) {
    const uint64_t word = rng()();
    const uint64_t rotated = (word << rot) | (word >> (64 - rot));
    const uint64_t excess = word >> (64 - rot), shifted = word << rot;
    Rows<F> r;
    r.coeff[0] = F::from_u64(uint64_t(1) << rot);
    r.curr[0] = F::from_u64(word);
    r.curr[1] = F::from_u64(rotated);
    r.curr[2] = F::from_u64(excess);
    r.next[0] = F::from_u64(shifted);
    const BigInt bound = BigInt(excess) - (BigInt(1) << rot) + (BigInt(1) << 64);
    decompose(r, bound, limbs(Kind::kCurr, {14, 13, 12, 11, 10, 9, 8, 7}, 2) + limbs(Kind::kCurr, {6, 5, 4, 3}, 12));
    INFO("rot " << rot);
    check_gate(r, kc::rot64_constraints<F>,
               cell_range(Kind::kCurr, 0, 14) | cells(Kind::kNext, {0}) | cells(Kind::kCoeff, {0}));
  }
}
