// SRS generation against proof-systems' serialized SRS (fixtures srs/{pallas,vesta}.srs) and the
// first points printed in proof-systems' book (specs/urs.md); the strict MessagePack loader's
// error classes.
#include <catch2/catch.hpp>

#include <chrono>

#include "commitment/msgpack_reader.hpp"
#include "commitment/srs.hpp"
#include "commitment/srs_file.hpp"
#include "curve/compress.hpp"
#include "hash/blake2b.hpp"
#include "test_support.hpp"

using namespace mina;

namespace {

template <class C>
const Srs<C>& fixture_srs(const char* file) {
  // Only the first 64 generators are decompressed: the rest is structure-checked.
  static const Srs<C> srs = [&] {
    auto bytes = test::read_fixture_bytes(std::string("srs/") + file);
    auto r = srs_from_msgpack<C>(bytes, 64);
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return srs;
}

template <class C>
void check_against_fixture(const char* file) {
  const auto& want = fixture_srs<C>(file);
  REQUIRE(want.g.size() == 64);
  auto got = srs_create<C>(64);
  REQUIRE(got.ok());
  for (size_t i = 0; i < 64; ++i) {
    INFO(C::kName << " G_" << i);
    CHECK(got->g[i] == want.g[i]);
  }
  CHECK(got->h == want.h);
  // A later range on its own equals the same slice of a full generation.
  auto tail = srs_generate_g<C>(40, 24);
  REQUIRE(tail.ok());
  for (size_t i = 0; i < 24; ++i) CHECK((*tail)[i] == want.g[40 + i]);
}

template <class C>
Affine<C> point(const char* x_hex, const char* y_hex) {
  using F = typename C::Base;
  return *Affine<C>::from_xy(*F::parse(std::string("0x") + x_hex), *F::parse(std::string("0x") + y_hex));
}

}  // namespace

TEST_CASE("srs field packing reverses bits within bytes and reads big-endian", "[commitment][srs]") {
  Bytes d(64, 0);
  d[0] = 0x01;  // bits[0] set: the most significant of 248 bits
  CHECK(srs_field_of_random_bytes<Fp>(d).to_int() == U256(0, 0, 0, uint64_t(1) << (247 - 192)));
  d[0] = 0;
  d[30] = 0x80;  // bit 7 of byte 30 = bits[247]: the least significant
  CHECK(srs_field_of_random_bytes<Fp>(d).to_int() == U256{1});
  d[31] = 0xff;  // byte 31 onwards is ignored
  CHECK(srs_field_of_random_bytes<Fp>(d).to_int() == U256{1});
  CHECK_THROWS_AS(srs_field_of_random_bytes<Fp>(ByteSpan(d).subspan(0, 30)), std::invalid_argument);
}

TEST_CASE("srs generation equals proof-systems' Pallas SRS file", "[commitment][srs]") {
  check_against_fixture<PallasParams>("pallas.srs");
}

TEST_CASE("srs generation equals proof-systems' Vesta SRS file", "[commitment][srs]") {
  check_against_fixture<VestaParams>("vesta.srs");
}

TEST_CASE("srs first points printed in proof-systems' urs spec", "[commitment][srs]") {
  auto vesta = srs_create<VestaParams>(3);
  REQUIRE(vesta.ok());
  CHECK(vesta->g[0] == point<VestaParams>("121C4426885FD5A9701385AAF8D43E52E7660F1FC5AFC5F6468CC55312FC60F8",
                                          "21B439C01247EA3518C5DDEB324E4CB108AF617780DDF766D96D3FD8AB028B70"));
  CHECK(vesta->g[1] == point<VestaParams>("26C9349FF7FB4AB230A6F6AEF045F451FBBE9B37C43C3274E2AA4B82D131FD26",
                                          "1996274D67EC0464C51F79CCFA1F511C2AABB666ABE67733EE8185B71B27A504"));
  CHECK(vesta->g[2] == point<VestaParams>("26985F27306586711466C5B2C28754AA62FE33516D75CEF1F7751F1A169713FD",
                                          "2E8930092FE6A18B331CE0E6E27B413AA18E76394F18A2835DA9FAE10AA3229D"));
  CHECK(vesta->h == point<VestaParams>("092060386301C999AAB4F263757836369CA27975E28BC7A8E5B2CE5B26262201",
                                       "314FC4D83AE66A509F9D41BE6165F2606A209A9B5805EE85CE20249C5EBCBE26"));
  auto pallas = srs_create<PallasParams>(3);
  REQUIRE(pallas.ok());
  CHECK(pallas->g[0] == point<PallasParams>("363D83141FD1E0540718FADBA7278ABAEEDB46D7A3F050F2CFF1DF4F300C9C30",
                                            "034C68F4079B4F338A19BE2D7BFA44B395C65B9790DD273F361327446C778764"));
  CHECK(pallas->g[1] == point<PallasParams>("2CC40B77D87665244AE5EB5304E8744004C80061AD08476A0F0656C13134EA45",
                                            "28146EC860159DB55CB5EA5B14F0AA2F8751DEDFE0DDAFD1C313B15575C4B4AC"));
  CHECK(pallas->g[2] == point<PallasParams>("2808BC21BEB90314377BF6130285FABE6CE4B8A4457FB25BC95EBA0083DF27E3",
                                            "1E04E53DD6395FAB8018D7FE98F9C7FAB39C40BFBE48589626A7B8532728B002"));
  CHECK(pallas->h == point<PallasParams>("221B959DACD2052AAE26193FCA36B53279866A4FBBAB0D5A2F828B5FD7778201",
                                         "058C8F1105CAE57F4891EADC9B85C8954E5067190E155E61D66855ACE69C16C0"));
}

TEST_CASE("srs generator indices are 32-bit", "[commitment][srs]") {
  CHECK(srs_generate_g<PallasParams>(uint64_t(1) << 32, 1).error().code == ErrorCode::kInvalidArgument);
  CHECK(srs_generate_g<PallasParams>(0xffffffffULL, 2).error().code == ErrorCode::kInvalidArgument);
  auto last = srs_generate_g<PallasParams>(0xffffffffULL, 1);
  REQUIRE(last.ok());
  CHECK(last->at(0).is_on_curve());
  CHECK(srs_generate_g<PallasParams>(5, 0)->empty());
}

// ---- loader ----

namespace {

// A small well-formed SRS file: array(2) [ array(n) [bin(33)...], bin(33) ].
Bytes small_srs_file(size_t n) {
  auto srs = *srs_create<PallasParams>(n);
  Bytes out = {0x92, uint8_t(0x90 | n)};
  for (const auto& p : srs.g) {
    auto c = compress(p);
    out.push_back(0xc4);
    out.push_back(33);
    out.insert(out.end(), c.begin(), c.end());
  }
  auto c = compress(srs.h);
  out.push_back(0xc4);
  out.push_back(33);
  out.insert(out.end(), c.begin(), c.end());
  return out;
}

ErrorCode load_error(const Bytes& b) {
  auto r = srs_from_msgpack<PallasParams>(b);
  REQUIRE_FALSE(r.ok());
  return r.error().code;
}

}  // namespace

TEST_CASE("srs loader: the fixture's layout", "[commitment][srs]") {
  auto bytes = test::read_fixture_bytes("srs/pallas.srs");
  // array(2), array32(65536), then bin8(33) per point.
  REQUIRE(bytes.size() == 1 + 5 + 65537 * 35);
  CHECK(bytes[0] == 0x92);
  CHECK(bytes[1] == 0xdd);
  CHECK(bytes[6] == 0xc4);
  CHECK(bytes[7] == 33);
  auto r = srs_from_msgpack<PallasParams>(bytes, 0);
  REQUIRE(r.ok());
  CHECK(r->g.empty());
  CHECK(r->h == fixture_srs<PallasParams>("pallas.srs").h);
}

TEST_CASE("srs loader: round trip and map form", "[commitment][srs]") {
  Bytes f = small_srs_file(3);
  auto r = srs_from_msgpack<PallasParams>(f);
  REQUIRE(r.ok());
  CHECK(r->g == srs_create<PallasParams>(3)->g);
  // The same struct as a map {"h": ..., "g": [...]}.
  Bytes m = {0x82, 0xa1, 'h'};
  m.insert(m.end(), f.end() - 35, f.end());
  m.insert(m.end(), {0xa1, 'g'});
  m.insert(m.end(), f.begin() + 1, f.end() - 35);
  auto rm = srs_from_msgpack<PallasParams>(m);
  REQUIRE(rm.ok());
  CHECK(rm->g == r->g);
  CHECK(rm->h == r->h);
}

TEST_CASE("srs loader: typed errors on truncation and garbage", "[commitment][srs]") {
  const Bytes f = small_srs_file(2);
  CHECK(load_error({}) == ErrorCode::kInvalidLength);
  for (size_t n = 1; n < f.size(); ++n) {
    INFO("truncated to " << n);
    CHECK(load_error(Bytes(f.begin(), f.begin() + std::ptrdiff_t(n))) == ErrorCode::kInvalidLength);
  }
  Bytes trailing = f;
  trailing.push_back(0);
  CHECK(load_error(trailing) == ErrorCode::kInvalidEncoding);

  Bytes wrong_fields = f;
  wrong_fields[0] = 0x93;
  CHECK(load_error(wrong_fields) == ErrorCode::kInvalidEncoding);
  Bytes not_container = f;
  not_container[0] = 0xc0;  // nil
  CHECK(load_error(not_container) == ErrorCode::kInvalidEncoding);
  Bytes str_not_bin = f;
  str_not_bin[2] = 0xd9;  // str8 where bin8 belongs
  CHECK(load_error(str_not_bin) == ErrorCode::kInvalidEncoding);
  Bytes short_point = f;
  short_point[3] = 32;  // bin of 32 bytes: wrong size (the rest then misparses, size wins first)
  CHECK(load_error(short_point) == ErrorCode::kInvalidLength);
  Bytes bad_flags = f;
  bad_flags[2 + 2 + 32] = 0x01;  // unknown flag bit in the first point
  CHECK(load_error(bad_flags) == ErrorCode::kInvalidPoint);
  Bytes infinity = f;
  std::fill(infinity.begin() + 4, infinity.begin() + 4 + 32, 0);
  infinity[4 + 32] = 0x40;
  CHECK(load_error(infinity) == ErrorCode::kInvalidPoint);
  // A huge declared count fails before any allocation.
  Bytes huge = {0x92, 0xdd, 0xff, 0xff, 0xff, 0xff};
  CHECK(load_error(huge) == ErrorCode::kInvalidLength);
  // Map form with an unknown key.
  Bytes bad_key = {0x82, 0xa1, 'x'};
  CHECK(load_error(bad_key) == ErrorCode::kInvalidEncoding);
}

TEST_CASE("msgpack reader header forms", "[commitment][srs]") {
  const Bytes b = {0xdc, 0x01, 0x00, 0xde, 0x00, 0x02, 0xc5, 0x00, 0x01, 0xaa, 0xda, 0x00, 0x01, 'z'};
  MsgpackReader r(b);
  CHECK(*r.read_array_header() == 256);
  CHECK(r.next_is_map());
  CHECK(*r.read_map_header() == 2);
  CHECK(r.read_bin()->size() == 1);
  CHECK(*r.read_str() == "z");
  CHECK(r.at_end());
  CHECK(r.read_bin().error().code == ErrorCode::kInvalidLength);
}

// Timing of the full 2^16 generation and file load; run explicitly with "[.srs-full]".
TEST_CASE("srs full generation equals the fixture files", "[.srs-full]") {
  for (int curve = 0; curve < 2; ++curve) {
    auto t0 = std::chrono::steady_clock::now();
    bool equal;
    if (curve == 0) {
      auto want = srs_from_msgpack<PallasParams>(test::read_fixture_bytes("srs/pallas.srs"));
      auto t1 = std::chrono::steady_clock::now();
      auto got = srs_create<PallasParams>(1 << 16);
      auto t2 = std::chrono::steady_clock::now();
      equal = want.ok() && got.ok() && want->g == got->g && want->h == got->h;
      WARN("Pallas: load+decompress " << std::chrono::duration<double>(t1 - t0).count() << " s, generate 2^16 "
                                      << std::chrono::duration<double>(t2 - t1).count() << " s");
    } else {
      auto want = srs_from_msgpack<VestaParams>(test::read_fixture_bytes("srs/vesta.srs"));
      auto t1 = std::chrono::steady_clock::now();
      auto got = srs_create<VestaParams>(1 << 16);
      auto t2 = std::chrono::steady_clock::now();
      equal = want.ok() && got.ok() && want->g == got->g && want->h == got->h;
      WARN("Vesta: load+decompress " << std::chrono::duration<double>(t1 - t0).count() << " s, generate 2^16 "
                                     << std::chrono::duration<double>(t2 - t1).count() << " s");
    }
    CHECK(equal);
  }
}
