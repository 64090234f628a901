// bin_prot reader/writer: integer codes at every boundary, shortest-form strictness, tags,
// bounded lengths, fields and points.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include "curve/curve.hpp"
#include "encoding/bin_prot.hpp"

using namespace mina;

namespace {
Bytes ints(int64_t v) {
  BinProtWriter w;
  w.write_int(v);
  return w.take();
}
Bytes nat(uint64_t v) {
  BinProtWriter w;
  w.write_nat0(v);
  return w.take();
}
}  // namespace

TEST_CASE("bin_prot: int encodings match OCaml's writer", "[pickles][bin_prot]") {
  // Expected bytes from bin_prot's write_ml.ml rules.
  CHECK(ints(0) == Bytes{0x00});
  CHECK(ints(127) == Bytes{0x7f});
  CHECK(ints(128) == Bytes{0xfe, 0x80, 0x00});
  CHECK(ints(-1) == Bytes{0xff, 0xff});
  CHECK(ints(-128) == Bytes{0xff, 0x80});
  CHECK(ints(-129) == Bytes{0xfe, 0x7f, 0xff});
  CHECK(ints(0x7fff) == Bytes{0xfe, 0xff, 0x7f});
  CHECK(ints(0x8000) == Bytes{0xfd, 0x00, 0x80, 0x00, 0x00});
  CHECK(ints(-0x8001) == Bytes{0xfd, 0xff, 0x7f, 0xff, 0xff});
  CHECK(ints(0x7fffffff) == Bytes{0xfd, 0xff, 0xff, 0xff, 0x7f});
  CHECK(ints(0x80000000LL) == Bytes{0xfc, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00});
  CHECK(ints(std::numeric_limits<int64_t>::min()) ==
        Bytes{0xfc, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80});
  CHECK(nat(127) == Bytes{0x7f});
  CHECK(nat(128) == Bytes{0xfe, 0x80, 0x00});
  CHECK(nat(0xffff) == Bytes{0xfe, 0xff, 0xff});
  CHECK(nat(0x10000) == Bytes{0xfd, 0x00, 0x00, 0x01, 0x00});
  CHECK(nat(0x100000000ULL) == Bytes{0xfc, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00});
}

TEST_CASE("bin_prot: ints and nats round-trip at every boundary", "[pickles][bin_prot]") {
  std::vector<int64_t> values = {0, 1, 127, 128, 255, 256, -1, -127, -128, -129, 0x7fff, 0x8000, -0x8000, -0x8001,
                                 0x7fffffff, 0x80000000LL, -0x80000000LL, -0x80000001LL,
                                 std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
  for (int64_t v : values) {
    Bytes b = ints(v);
    BinProtReader r(b);
    auto back = r.read_int();
    INFO(v);
    REQUIRE(back.ok());
    CHECK(*back == v);
    CHECK(r.at_end());
    // Unsigned limbs travel as the int64 with the same bits.
    BinProtReader r2(b);
    CHECK(*r2.read_u64_as_int64() == static_cast<uint64_t>(v));
  }
  for (uint64_t v : {0ULL, 127ULL, 128ULL, 0xffffULL, 0x10000ULL, 0xffffffffULL, 0x100000000ULL, (1ULL << 62) - 1}) {
    Bytes b = nat(v);
    BinProtReader r(b);
    auto back = r.read_nat0();
    INFO(v);
    REQUIRE(back.ok());
    CHECK(*back == v);
    CHECK(r.at_end());
  }
}

TEST_CASE("bin_prot: non-minimal and invalid integer codes are rejected", "[pickles][bin_prot]") {
  const std::vector<Bytes> bad_ints = {
      {0xfe, 0x05, 0x00},                                      // 5 as int16
      {0xfe, 0x80, 0xff},                                      // -128 as int16
      {0xfd, 0x00, 0x01, 0x00, 0x00},                          // 256 as int32
      {0xfc, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},  // 1 as int64
      {0xff, 0x05},                                            // "negative" int8 that is positive
      {0x80}, {0xfb, 0x00},                                    // unused codes
  };
  for (const Bytes& b : bad_ints) {
    BinProtReader r(b);
    auto v = r.read_int();
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().code == ErrorCode::kMalformedBinProt);
  }
  const std::vector<Bytes> bad_nats = {
      {0xfe, 0x7f, 0x00}, {0xfd, 0xff, 0xff, 0x00, 0x00}, {0xfc, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00},
      {0xff, 0x80}, {0x81},
      {0xfc, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},  // above OCaml's max_int
  };
  for (size_t i = 0; i < bad_nats.size(); ++i) {
    BinProtReader r(bad_nats[i]);
    auto v = r.read_nat0();
    INFO(i);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().code == ErrorCode::kMalformedBinProt);
  }
  // Truncated codes.
  for (const Bytes& b : std::vector<Bytes>{{0xfe, 0x00}, {0xfd, 0, 0, 0}, {0xfc, 0, 0, 0, 0, 0, 0, 0}, {0xff}, {}}) {
    BinProtReader r(b);
    auto v = r.read_int();
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().code == ErrorCode::kTruncated);
  }
}

TEST_CASE("bin_prot: bool, unit, option, variant tags", "[pickles][bin_prot]") {
  Bytes b = {0x00, 0x01, 0x02};
  BinProtReader r(b);
  CHECK(*r.read_bool() == false);
  CHECK(*r.read_bool() == true);
  CHECK(r.read_bool().error().code == ErrorCode::kMalformedBinProt);

  Bytes u = {0x00, 0x01};
  BinProtReader ru(u);
  CHECK(ru.read_unit().ok());
  CHECK(ru.read_unit().error().code == ErrorCode::kMalformedBinProt);

  Bytes o = {0x00, 0x01, 0x02};
  BinProtReader ro(o);
  CHECK(*ro.read_option_tag() == false);
  CHECK(*ro.read_option_tag() == true);
  CHECK(ro.read_option_tag().error().code == ErrorCode::kMalformedBinProt);

  Bytes v = {0x02, 0x03};
  BinProtReader rv(v);
  CHECK(*rv.read_variant_index(3, "Proofs_verified") == 2);
  CHECK(rv.read_variant_index(3, "Proofs_verified").error().code == ErrorCode::kMalformedBinProt);
  CHECK(rv.read_u8().error().code == ErrorCode::kTruncated);
}

TEST_CASE("bin_prot: lengths are bounded before anything is allocated", "[pickles][bin_prot]") {
  Bytes b = nat(1000000);
  BinProtReader r(b);
  CHECK(r.read_length(16).error().code == ErrorCode::kLimitExceeded);
  // A plausible count that the remaining bytes cannot hold is a truncation, found up front.
  Bytes c = {0x05, 0x00, 0x00};
  BinProtReader rc(c);
  CHECK(rc.read_length(16, 32).error().code == ErrorCode::kTruncated);
  Bytes s = {0x03, 'a', 'b', 'c', 0x04, 'a'};
  BinProtReader rs(s);
  CHECK(*rs.read_string(10) == "abc");
  CHECK(rs.read_string(10).error().code == ErrorCode::kTruncated);
  Bytes s2 = {0x0b};
  BinProtReader rs2(s2);
  CHECK(rs2.read_string(10).error().code == ErrorCode::kLimitExceeded);
}

TEST_CASE("bin_prot: field elements and points", "[pickles][bin_prot]") {
  BinProtWriter w;
  PallasAffine g = PallasAffine::generator();
  w.write_point(g);
  w.write_field(Fq::from_u64(7));
  Bytes b = w.take();
  REQUIRE(b.size() == 96);
  {
    BinProtReader r(b);
    CHECK(*r.read_point<PallasParams>() == g);
    CHECK(*r.read_field<Fq>() == Fq::from_u64(7));
    CHECK(r.expect_end().ok());
  }
  {
    // The same coordinates are not on Vesta.
    BinProtReader r(b);
    CHECK(r.read_point<VestaParams>().error().code == ErrorCode::kInvalidPoint);
  }
  {
    Bytes off = b;
    off[40] ^= 1;  // y changes: off the curve
    BinProtReader r(off);
    CHECK(r.read_point<PallasParams>().error().code == ErrorCode::kInvalidPoint);
  }
  {
    // x = p (the modulus): non-canonical even though x = 0 would reduce to it.
    Bytes nc = b;
    auto p = Fp::kModulus;
    for (int i = 0; i < 32; ++i) nc[i] = uint8_t(p.w[i / 8] >> (8 * (i % 8)));
    BinProtReader r(nc);
    CHECK(r.read_point<PallasParams>().error().code == ErrorCode::kNonCanonicalField);
  }
  {
    BinProtReader r(ByteSpan(b).subspan(0, 50));
    CHECK(r.read_point<PallasParams>().error().code == ErrorCode::kTruncated);
  }
  {
    BinProtReader r(b);
    CHECK(r.read_field<Fp>().ok());
    CHECK(r.expect_end().error().code == ErrorCode::kTrailingBytes);
  }
}
